"""Dag 1, oefening 5: the participant's vraagstuk on one card, derived from the stored answers.

:func:`vraagstuk_summary` is what later days build on; the card re-renders after every save in this page.
"""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.downloads import HTML_MIME, download_link, printable_html
from wijwerken_widgets.core.dutch import long_date
from wijwerken_widgets.core.html import name_html, notice_html
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.pages.dag1 import keys, texts
from wijwerken_widgets.shared.vraagstuk import VraagstukSummary, summary_for
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui import texts as common_texts
from wijwerken_widgets.ui.blocks import Exercise, markdown
from wijwerken_widgets.ui.context import Context

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag1.schema import SummaryCard as Content


def vraagstuk_summary(ctx: Context) -> VraagstukSummary:
    """The logged-in participant's card facts (read in ``shared/vraagstuk.py``, which the trainers' pages use too)."""
    return summary_for(ctx.store, ctx.person, ctx.group, ctx.cohort)


def card_html(summary: VraagstukSummary, content: Content, kind_labels: dict[str, str]) -> str:
    """The card; every participant text is escaped and line breaks are kept."""
    labels = content.labels

    def text(value: str) -> str:
        if not value.strip():
            return f'<span class="ww-missing">{html.escape(content.missing)}</span>'
        return html.escape(value.strip()).replace("\n", "<br>")

    def row(label: str, body: str, css: str = "") -> str:
        return f'<div class="ww-card-row {css}"><div class="ww-card-label">{html.escape(label)}</div><div>{body}</div></div>'

    assumptions = "".join(
        f"<li>{name_html(a.get('assumption', ''))}"
        + (f" <i>— {name_html(a.get('how', ''))}</i>" if a.get("how") else "")
        + (f" <i>({name_html(a.get('with_whom', ''))})</i>" if a.get("with_whom") else "")
        + "</li>"
        for a in summary.assumptions
    )
    perspectives = "".join(
        f"<li><b>{name_html(p.get('who', ''))}</b>: {name_html(p.get('definition', ''))}"
        f" <i>({name_html(p.get('source', ''))})</i></li>"
        for p in summary.perspectives
    )
    return (
        '<div class="ww-card">'
        + row(labels.vraagstuk, html.escape(kind_labels.get(summary.kind, summary.kind)))
        + row(labels.description, text(summary.description))
        + row(labels.probleem, text(summary.probleem))
        + row(labels.doel, text(summary.doel))
        + row(labels.hoofdvraag, text(summary.hoofdvraag), "ww-card-key")
        + row(labels.assumptions, f"<ul>{assumptions}</ul>" if assumptions else text(""))
        + row(labels.underlying, text(summary.underlying))
        + row(labels.perspectives, f"<ul>{perspectives}</ul>" if perspectives else text(""))
        + "</div>"
    )


def card_file(card: str, content: Content, name: str, today: date) -> tuple[bytes, str]:
    """The card as a web page of its own that prints on one A4, and its file name."""
    meta = content.made_by.format(naam=isolated(name), datum=long_date(today))
    return printable_html(content.document_title, card, meta), f"{content.file_name}-{today.isoformat()}.html"


class SummaryCardExercise(Exercise):
    """The card, refreshed after every save on this page; the download link under it holds the same card as a file
    to print or keep."""

    def __init__(self, ctx: Context, content: Content) -> None:
        self.ctx, self.content = ctx, content
        options = texts.load().exercises.vraagstuk_choice.options
        self.kind_labels = {kind: option.label for kind, option in options.items()}
        self.card = widgets.HTML(layout=styles.plain_layout(), style=styles.html_style())
        self.download = widgets.HTML(layout=styles.plain_layout(), style=styles.html_style())
        self.refresh()
        ctx.on_saved(lambda key, _version: self.refresh() if key.startswith(keys.PREFIX) else None)
        super().__init__(content.title, content.instruction, [
            self.card, self.download, markdown(content.next_steps, "ww-hint"),
        ])

    def refresh(self) -> None:
        self.card.value = self._card_value()
        if 'class="ww-card"' not in self.card.value:  # the store could not be read: nothing to download
            self.download.value = ""
            return
        data, filename = card_file(self.card.value, self.content, self.ctx.person.name, date.today())
        words = common_texts.load().download
        self.download.value = (download_link(data, filename, HTML_MIME, words.link.format(bestand=filename))
                               + f'<p class="ww-print-hint ww-hint">{html.escape(words.print_hint)}</p>')

    def _card_value(self) -> str:
        from wijwerken_widgets.store import StoreUnavailable

        try:
            return card_html(vraagstuk_summary(self.ctx), self.content, self.kind_labels)
        except StoreUnavailable as exc:
            return notice_html(exc.message, "error")


def section(ctx: Context) -> widgets.Widget:
    """The ``summary_card`` exercise of ``dag1.yaml``."""
    return SummaryCardExercise(ctx, texts.load().exercises.summary_card)
