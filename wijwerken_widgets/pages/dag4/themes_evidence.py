"""Dag 4: evidence, not loudness — per theme its distinct conversations, stakeholder kinds, interviewers, quotes and
tegengeluid with a badge in words, why one loud voice is not a rode draad, and one click from a theme to its
quotes (each with its conversation's stakeholder)."""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.core.html import format_html, name_html, plain_text_html, render_markdown
from wijwerken_widgets.pages.dag4.analysis import Analysis
from wijwerken_widgets.shared.act.evidence import Evidence
from wijwerken_widgets.shared.act.items import CONTRADICTS, Thema
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import details_html, static_html

BADGE_MARK = {"dun": "○", "opkomend": "◐", "breed": "●", "leeg": "–"}


def badge_html(analysis: Analysis, found: Evidence) -> str:
    """The badge in words (with a mark that is not colour alone) and its meaning."""
    badge = getattr(analysis.part.evidence.badges, found.badge)
    return (f"<span class='ww-badge ww-badge-{found.badge}' title='{html.escape(badge.uitleg)}'>"
            f"<span aria-hidden='true'>{BADGE_MARK[found.badge]}</span> {html.escape(badge.label)}</span>")


def evidence_table_html(analysis: Analysis, themes: list[Thema], found: dict[str, Evidence]) -> str:
    words = analysis.part.evidence
    head = "".join(f"<th scope='col'>{html.escape(c)}</th>" for c in words.columns)
    rows = "".join(
        f"<tr><th scope='row'>{name_html(t.naam)}</th><td>{found[t.id].conversations}</td>"
        f"<td>{found[t.id].kinds}</td><td>{found[t.id].interviewers}</td><td>{found[t.id].quotes}</td>"
        f"<td>{found[t.id].contradicting}</td><td>{badge_html(analysis, found[t.id])}</td></tr>"
        for t in themes)
    return (f"<div class='ww-scroll' role='region' tabindex='0' aria-label='{html.escape(words.title)}'>"
            f"<table class='ww-table ww-evidence'><caption>{html.escape(words.title)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")


class EvidenceView(widgets.VBox):
    """The evidence table with its help, and the quotes of one chosen theme."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis, self.words = analysis, analysis.part.evidence
        words = self.words
        self.table = static_html("")
        self.help = static_html(f"<p>{html.escape(words.intro)}</p>"
                                + details_html(words.help_title, render_markdown(words.help)))
        self.chooser = widgets.Dropdown(description=words.quotes_choose, layout=styles.layout(),
                                        style={"description_width": "initial"})
        self.chooser.observe(lambda _: self._draw_quotes(), names="value")
        self.quotes = static_html("")
        super().__init__([self.help, self.table, self.chooser, self.quotes], layout=styles.layout(),
                         _dom_classes=("ww-evidence-view",))
        analysis.on_change(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        themes = self.analysis.themes()
        value = evidence_table_html(self.analysis, themes, self.analysis.evidence()) if themes else ""
        if value != self.table.value:
            self.table.value = value
        options = [(t.naam or "?", t.id) for t in themes]
        if list(self.chooser.options) != options:
            current = self.chooser.value
            self.chooser.options = options
            ids = [v for _, v in options]
            self.chooser.value = current if current in ids else (ids[0] if ids else None)
        self._draw_quotes()

    def _draw_quotes(self) -> None:
        theme_id, analysis, words = self.chooser.value, self.analysis, self.words
        value = ""
        if theme_id is not None:
            by_id = {q.id: q for q in analysis.sources.quotes}
            rows = []
            for link in analysis.links():
                quote = by_id.get(link.citaat_id)
                if link.thema_id != theme_id or quote is None:
                    continue
                source = format_html(words.quote_source, naam=quote.stakeholder, soort=analysis.soort(quote.soort))
                mark = (f" <strong>({html.escape(analysis.part.quotes.contradicts)})</strong>"
                        if link.soort == CONTRADICTS else "")
                rows.append(f"<li><q>{plain_text_html(quote.tekst)}</q>{mark} "
                            f"<span class='ww-hint'>— {source}</span></li>")
            body = f"<ul class='ww-quote-list'>{''.join(rows)}</ul>" if rows else (
                f"<p class='ww-empty'>{html.escape(words.quotes_none)}</p>")
            value = f"<h4>{html.escape(words.quotes_title)}</h4>{body}"
        if value != self.quotes.value:
            self.quotes.value = value
