"""The start page: the participant's own programme, today's step first (``programme``), welcome, Wij-Werken,
Look – Think – Act, links to the days, and the whole werkboek to download (``werkboek``:
``page.section(start.werkboek)``), and for trainers the way to their page (``trainer_link``)."""

from __future__ import annotations

from wijwerken_widgets.core.warmup import wait

wait()  # the kernel may still be importing the libraries below in the background (see warmup.py)

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.html import render_markdown
from wijwerken_widgets.pages.start import programme, texts, trainer_link, viewed, werkboek
from wijwerken_widgets.ui.blocks import markdown
from wijwerken_widgets.ui.page import Page

if TYPE_CHECKING:
    from wijwerken_widgets.pages.start.schema import StartContent

__all__ = ["open_page", "overview", "programme", "trainer_link", "viewed", "werkboek"]


def open_page() -> Page:
    page = texts.load()
    return Page(page.title, page.intro, workbook="start.ipynb").show()


def overview(content: StartContent | None = None) -> widgets.Widget:
    """Wij-Werken, the three steps and the programme; available days link to their page."""
    content = content or texts.load()
    lta = content.look_think_act
    steps = "".join(
        f'<div class="ww-step"><div class="ww-step-phase">{html.escape(step.phase)}</div>'
        f'<div class="ww-step-sub">{html.escape(step.subtitle)}</div>{render_markdown(step.text)}</div>'
        for step in lta.steps
    )
    days = []
    for day in content.programme.days:
        title = html.escape(day.title)
        if day.available and day.workbook:
            title = f'<a href="{html.escape(day.workbook)}">{title}</a>'
        phase = f' <span class="ww-phase">{html.escape(day.phase)}</span>' if day.phase else ""
        state = "" if day.available else f'<span class="ww-soon">{html.escape(content.programme.soon)}</span>'
        days.append(
            f'<li class="ww-day{" ww-day-open" if day.available else ""}"><div class="ww-day-label">'
            f"{html.escape(day.label)}{phase}</div><div><b>{title}</b> {state}{render_markdown(day.text)}</div></li>"
        )
    body = (
        f"<section><h2>{html.escape(content.wij_werken.title)}</h2>{render_markdown(content.wij_werken.text)}</section>"
        f"<section><h2>{html.escape(lta.title)}</h2>{render_markdown(lta.intro)}<div class='ww-steps'>{steps}</div></section>"
        f"<section><h2>{html.escape(content.programme.title)}</h2>{render_markdown(content.programme.intro)}"
        f"<ol class='ww-days'>{''.join(days)}</ol></section>"
    )
    return widgets.VBox([widgets.HTML(body), markdown(content.closing, "ww-closing")], _dom_classes=("ww-start",))
