"""Jouw programma: the steps of the cohort's trajectory (``content.programme``) with their dates: today's step (or
else the next one) on top with a link to its page, then every step in order in a fold-out, those that have been
marked in words."""

from __future__ import annotations

import html
from datetime import date

import ipywidgets as widgets

from wijwerken_widgets.content.programme import Step, current, load, steps
from wijwerken_widgets.content.variants import exercise_enabled
from wijwerken_widgets.core.dutch import long_date
from wijwerken_widgets.core.html import render_markdown
from wijwerken_widgets.pages.start import texts
from wijwerken_widgets.ui.blocks import details_html, hidden, static_html
from wijwerken_widgets.ui.context import Context


def section(ctx: Context, today: date | None = None) -> widgets.Widget:
    """The ``my_programme`` part of ``start.yaml`` for the person's cohort (nothing without one)."""
    if ctx.cohort is None:
        return hidden()
    return static_html(programme_html(ctx, today or date.today()))


def programme_html(ctx: Context, today: date) -> str:
    words = texts.load().my_programme
    trajectories = load()
    settings = ctx.cohort.settings if ctx.cohort is not None else {}
    found = steps(settings, trajectories)
    trajectory = trajectories.trajecten.get(settings.get("traject") or "standaard") or trajectories.trajecten["standaard"]
    now = current(found, today)

    def link(step: Step) -> str:
        page = step.workbook
        if not page or not exercise_enabled(ctx.cohort, page.removesuffix(".ipynb"), None):
            return ""
        return f'<a href="{html.escape(page)}">{html.escape(words.open_page.format(pagina=step.title))}</a>'

    if now is not None and now.date is not None:
        when = (words.today if now.date == today else words.next).format(datum=long_date(now.date))
        top = (f'<div class="ww-programme-now"><p class="ww-programme-when">{html.escape(when)}</p>'
               f"<h3>{html.escape(now.title)}</h3>{render_markdown(now.text)}{link(now)}</div>")
    else:
        top = f'<p class="ww-hint">{html.escape(words.no_dates if not any(s.date for s in found) else words.all_done)}</p>'

    def item(step: Step) -> str:
        when = long_date(step.date) if step.date else words.no_date
        mark = (f' <span class="ww-programme-mark">({html.escape(words.current)})</span>' if step is now
                else f' <span class="ww-programme-mark">({html.escape(words.past)})</span>'
                if step.date and step.date < today else "")
        title = html.escape(step.title)
        if step.workbook and link(step):
            title = f'<a href="{html.escape(step.workbook)}">{title}</a>'
        current_attr = ' aria-current="step"' if step is now else ""
        past = " ww-programme-past" if step.date and step.date < today else ""
        return (f'<li class="ww-programme-step{past}"{current_attr}><span class="ww-programme-date">'
                f'{html.escape(when)}</span> · <span class="ww-programme-kind">{html.escape(step.kind_label)}</span>'
                f"<br><strong>{title}</strong>{mark}</li>")

    listed = (f'<ol class="ww-programme-list" aria-label="{html.escape(words.list_label)}">'
              f"{''.join(item(step) for step in found)}</ol>")
    return (f'<section class="ww-programme ww-details"><h2>{html.escape(words.title.format(traject=trajectory.naam))}'
            f"</h2>{render_markdown(trajectory.uitleg)}{top}{details_html(words.list_label, listed)}</section>")
