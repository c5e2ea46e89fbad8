"""Dag 4: assigning themes to quotes, keyboard first: a list of quotes, one at a time, and per theme a labelled
choice (not linked / supports / tegengeluid). Every choice is saved at once as its own link item, so two members
assigning at the same moment both keep theirs. Below: every quote with its themes, and one click to its report."""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.core.html import format_html, name_html, plain_text_html
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.pages.dag4.analysis import Analysis
from wijwerken_widgets.shared.act import operations
from wijwerken_widgets.shared.act.evidence import Quote
from wijwerken_widgets.shared.act.items import CONTRADICTS, SILENT, SUPPORTS
from wijwerken_widgets.shared.stakeholders.model import ENERGIE
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import box, button, details_html, static_html
from wijwerken_widgets.ui.notices import Feedback

ALL, OPEN = "__alle__", "__open__"
LINK_VALUES = ("", SUPPORTS, CONTRADICTS)


def short(text: str, length: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


class QuoteAssigner(widgets.VBox):
    """Choose a quote, then say per theme whether it fits; with the quote's source and its report one click away."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.words = words = analysis.part.quotes
        self._quiet = False
        self.filter = widgets.Dropdown(description=words.filter_label, layout=styles.layout(),
                                       style={"description_width": "initial"})
        self.filter.observe(lambda _: self._quiet or self._draw_list(), names="value")
        self.picker = widgets.Select(description=words.quote_label, rows=6, layout=styles.layout(),
                                     style={"description_width": "initial"})
        self.picker.observe(lambda _: self._quiet or self._draw_quote(), names="value")
        self.count = static_html("")
        previous, following = button(words.previous_button, "arrow-left"), button(words.next_button, "arrow-right")
        previous.on_click(lambda _: self._step(-1))
        following.on_click(lambda _: self._step(1))
        self.quote = static_html("")
        self.choices = box([], "ww-theme-choices")
        self.report_button = button(words.show_conversation, "file-text-o")
        self.report_button.on_click(lambda _: self._toggle_report())
        self.report = static_html("")
        self.feedback = Feedback()
        self.overview = static_html("")
        self.empty = static_html("")
        self.main = box([self.filter, self.picker, widgets.HBox([previous, self.count, following],
                                                                layout=styles.plain_layout()),
                         self.quote, self.choices, self.feedback, self.report_button, self.report], "ww-assign")
        self._themes_key: tuple = ()
        self._selects: dict[str, widgets.Dropdown] = {}
        super().__init__([], layout=styles.layout(), _dom_classes=("ww-quotes",))
        analysis.on_change(self.refresh)
        self.refresh()

    # -- drawing ---------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        quotes = self.analysis.quotes()
        if not quotes:
            words = self.words
            self.empty.value = f"<p class='ww-empty'>{html.escape(words.none_silent if self.analysis.phase == SILENT and self.analysis.sources.quotes else words.none)}</p>"
            self.children = [self.empty, self.overview]
        elif self.children[:1] != (self.main,):
            self.children = [self.main, self.overview]
        self._draw_filter(quotes)
        self._draw_list()
        self._draw_overview()

    def _draw_filter(self, quotes: list[Quote]) -> None:
        words, seen, options = self.words, set(), [(self.words.filter_all, ALL), (self.words.filter_open, OPEN)]
        for quote in quotes:
            if quote.gesprek_id not in seen:
                seen.add(quote.gesprek_id)
                options.append((words.filter_conversation.format(naam=isolated(quote.stakeholder)), quote.gesprek_id))
        if options != list(self.filter.options):
            current = self.filter.value
            self._set(self.filter, options, current if current in [v for _, v in options] else ALL)

    def _shown(self) -> list[Quote]:
        quotes, choice = self.analysis.quotes(), self.filter.value
        if choice == OPEN:
            linked = {k.citaat_id for k in self.analysis.links()}
            return [q for q in quotes if q.id not in linked]
        return quotes if choice in (ALL, None) else [q for q in quotes if q.gesprek_id == choice]

    def _draw_list(self) -> None:
        shown = self._shown()
        options = [(f"{i}. {short(q.tekst)}", q.id) for i, q in enumerate(shown, start=1)]
        if options != list(self.picker.options):
            current = self.picker.value
            ids = [v for _, v in options]
            self._set(self.picker, options, current if current in ids else (ids[0] if ids else None))
        self._draw_quote()

    def _draw_quote(self) -> None:
        shown = self._shown()
        ids = [q.id for q in shown]
        quote = next((q for q in shown if q.id == self.picker.value), None)
        words = self.words
        if quote is None:
            self.count.value = html.escape(words.none_in_filter) if self.analysis.quotes() else ""
            self.quote.value, self.choices.children, self.report.value = "", [], ""
            return
        self.count.value = html.escape(words.count.format(nummer=ids.index(quote.id) + 1, totaal=len(ids)))
        source = format_html(words.source, naam=quote.stakeholder or self.analysis.common.unknown_stakeholder,
                             soort=self.analysis.soort(quote.soort).lower(),
                             positie=self.analysis.positie(quote.positie).lower(),
                             wie=self.analysis.who(quote.interviewer))
        self.quote.value = (f"<blockquote class='ww-quote'><q>{plain_text_html(quote.tekst)}</q></blockquote>"
                            f"<p class='ww-hint'>{source}</p>")
        self._draw_choices(quote)
        if self.report.value:
            self.report.value = self._report_html(quote)

    def _draw_choices(self, quote: Quote) -> None:
        themes = self.analysis.themes()
        key = tuple((t.id, t.naam) for t in themes)
        if key != self._themes_key:
            self._themes_key = key
            self._selects = {}
            for theme in themes:
                select = widgets.Dropdown(options=list(zip(self.words.link_options, LINK_VALUES)),
                                          description=theme.naam, layout=styles.layout(),
                                          style={"description_width": "initial"})
                select.observe(lambda change, t=theme.id: self._quiet or self._chosen(t, change["new"]),
                               names="value")
                self._selects[theme.id] = select
            self.choices.children = list(self._selects.values()) or [
                static_html(f"<p class='ww-empty'>{html.escape(self.words.no_themes)}</p>")]
        current = {k.thema_id: k.soort for k in self.analysis.links() if k.citaat_id == quote.id}
        self._quiet = True
        try:
            for theme_id, select in self._selects.items():
                if select.value != current.get(theme_id, ""):
                    select.value = current.get(theme_id, "")
        finally:
            self._quiet = False

    def _report_html(self, quote: Quote) -> str:
        words, sources = self.words, self.analysis.sources
        report = sources.report(quote.gesprek_id)
        parts = [f"<h4>{format_html(words.conversation_title, naam=quote.stakeholder)}</h4>"]
        stakeholder = sources.stakeholders.get(quote.stakeholder_id)
        if stakeholder is not None:
            line = format_html(words.stakeholder_line, soort=self.analysis.soort(stakeholder.soort).lower(),
                               positie=self.analysis.positie(stakeholder.positie).lower(),
                               energie=ENERGIE.get(stakeholder.energie_nu, "").lower())
            parts.append(f"<p class='ww-hint'>{line}</p>")
        for name, heading in words.report_fields.items():
            body = getattr(report, name, "") if report is not None else ""
            if body.strip():
                parts.append(f"<h5>{html.escape(heading)}</h5><p>{plain_text_html(body)}</p>")
        return f"<div class='ww-report-view'>{''.join(parts)}</div>"

    def _toggle_report(self) -> None:
        quote = self.analysis.sources.quote(self.picker.value) if self.picker.value else None
        self.report.value = "" if self.report.value or quote is None else self._report_html(quote)

    def _draw_overview(self) -> None:
        words, quotes = self.words, self.analysis.quotes()
        names = {t.id: t.naam for t in self.analysis.themes()}
        links: dict[str, list[str]] = {}
        for link in self.analysis.links():
            label = name_html(names.get(link.thema_id, "?"))
            links.setdefault(link.citaat_id, []).append(
                label if link.soort == SUPPORTS else f"{label} ({html.escape(words.contradicts)})")
        rows = "".join(
            f"<li><q>{plain_text_html(q.tekst)}</q> <span class='ww-hint'>— {name_html(q.stakeholder)}. "
            f"{html.escape(words.list_themes)} {', '.join(links.get(q.id, [])) or html.escape(words.list_no_theme)}"
            f"</span></li>" for q in quotes)
        value = details_html(words.list_title, f"<ol class='ww-quote-list'>{rows}</ol>") if quotes else ""
        if value != self.overview.value:
            self.overview.value = value

    # -- acting ----------------------------------------------------------------------------------------------
    def _chosen(self, theme_id: str, value: str) -> None:
        quote_id, analysis = self.picker.value, self.analysis
        if not quote_id:
            return
        message = analysis.act(lambda: operations.set_link(analysis.session.items, quote_id, theme_id, value or None,
                                                           door=analysis.me, fase=analysis.link_phase))
        name = next((t.naam for t in analysis.themes() if t.id == theme_id), "")
        if message:
            self.feedback.show(message, "error")
        else:
            said = self.words.linked if value else self.words.unlinked
            self.feedback.show(said.format(thema=isolated(name)), "success" if value else "info")

    def _step(self, by: int) -> None:
        ids = [v for _, v in self.picker.options]
        if ids:
            index = ids.index(self.picker.value) if self.picker.value in ids else 0
            self.picker.value = ids[max(0, min(len(ids) - 1, index + by))]

    def _set(self, control: widgets.ValueWidget, options: list, value: object) -> None:
        self._quiet = True
        try:
            control.options = options
            control.value = value
        finally:
            self._quiet = False
