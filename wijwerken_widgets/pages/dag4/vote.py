"""Dag 4: dots, and the rode draden the group chooses to give back.

Each member spreads a budget of dots over the themes (their own ``stem`` item, so votes never clash); the group
sees the totals beside each theme's evidence and ticks the 3–5 rode draden (``Thema.gekozen``) to give back.
"""

from __future__ import annotations

import html
from dataclasses import replace

import ipywidgets as widgets

from wijwerken_widgets.core.html import format_html, notice_html
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.pages.dag4 import texts
from wijwerken_widgets.pages.dag4.analysis import Analysis, page_analysis
from wijwerken_widgets.pages.dag4.themes_evidence import badge_html
from wijwerken_widgets.shared.act.evidence import THIN
from wijwerken_widgets.shared.act.items import SILENT, Stem, Thema
from wijwerken_widgets.store import GroupItem, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, box, hidden, static_html
from wijwerken_widgets.ui.notices import Feedback


class Vote(widgets.VBox):
    """My dots per theme, the group's totals, and the choice of rode draden."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis, self.part = analysis, texts.load().exercises.vote
        self._quiet = False
        self._key: tuple = ()
        self.dots: dict[str, widgets.Dropdown] = {}
        self.chosen: dict[str, widgets.Checkbox] = {}
        self.left = static_html("")
        self.dot_area = box([], "ww-dots")
        self.results = static_html("")
        self.choose_area = box([], "ww-chosen")
        self.check = static_html("")
        self.feedback = Feedback()
        self.empty = static_html("")
        part = self.part
        self.main = [self.dot_area, self.left, self.feedback, self.results,
                     static_html(f"<h3>{html.escape(part.choose_title)}</h3><p>"
                                 f"{html.escape(part.choose_intro.format(minimum=part.minimum, maximum=part.maximum))}"
                                 "</p>"), self.choose_area, self.check]
        super().__init__([], layout=styles.layout(), _dom_classes=("ww-vote",))
        analysis.on_change(self.refresh)
        self.refresh()

    def _mine(self) -> Stem:
        item = self.analysis.session.item(Stem.KIND, str(self.analysis.me))
        return Stem(str(self.analysis.me)) if item is None else Stem.of(item)

    def refresh(self) -> None:
        themes, part = self.analysis.themes(), self.part
        if self.analysis.phase == SILENT:
            self.empty.value = f"<p class='ww-empty'>{html.escape(part.after_reveal)}</p>"
        elif not themes:
            self.empty.value = f"<p class='ww-empty'>{html.escape(part.no_themes)}</p>"
        children = self.main if themes and self.analysis.phase != SILENT else [self.empty]
        if list(self.children) != children:
            self.children = children
        key = tuple((t.id, t.naam) for t in themes)
        if key != self._key:
            self._key = key
            self.dots = {}
            self.chosen = {}
            for theme in themes:
                dots = widgets.Dropdown(options=list(range(part.budget + 1)), value=0,
                                        description=part.dots_label.format(thema=isolated(theme.naam)),
                                        layout=styles.layout(), style={"description_width": "initial"})
                dots.observe(lambda change, t=theme.id: self._quiet or self._voted(t, change), names="value")
                self.dots[theme.id] = dots
                chosen = widgets.Checkbox(description=theme.naam, indent=False, layout=styles.layout())
                chosen.observe(lambda change, t=theme.id: self._quiet or self._chose(t, change["new"]),
                               names="value")
                self.chosen[theme.id] = chosen
            self.dot_area.children = list(self.dots.values())
            self.choose_area.children = list(self.chosen.values())
        mine = self._mine()
        self._quiet = True
        try:
            for theme in themes:
                self.dots[theme.id].value = min(mine.punten.get(theme.id, 0), part.budget)
                self.chosen[theme.id].value = theme.gekozen
        finally:
            self._quiet = False
        self.left.value = html.escape(part.left.format(aantal=max(0, part.budget - mine.total), totaal=part.budget))
        self._draw_results(themes)

    def _draw_results(self, themes: list[Thema]) -> None:
        part, analysis = self.part, self.analysis
        votes = analysis.session.votes()
        found = analysis.evidence()
        lines = sorted(((sum(v.punten.get(t.id, 0) for v in votes), sum(1 for v in votes if v.punten.get(t.id)), t)
                        for t in themes), key=lambda row: -row[0])
        items = "".join(
            f"<li>{format_html(part.results_line, thema=t.naam, stippen=dots, mensen=people)} "
            f"{badge_html(analysis, found[t.id])}</li>" for dots, people, t in lines)
        voters = len([v for v in votes if v.total])
        value = (f"<h3>{html.escape(part.results_title)}</h3><p>{html.escape(part.voters.format(aantal=voters))}</p>"
                 f"<ol>{items}</ol>")
        if value != self.results.value:
            self.results.value = value
        chosen = [t for t in themes if t.gekozen]
        notes = [part.chosen_count.format(aantal=len(chosen))]
        kind = "info"
        if len(chosen) < part.minimum:
            notes.append(part.too_few.format(minimum=part.minimum))
            kind = "warning"
        elif len(chosen) > part.maximum:
            notes.append(part.too_many.format(maximum=part.maximum))
            kind = "warning"
        notes += [part.thin_warning.format(thema=isolated(t.naam)) for t in chosen if found[t.id].badge == THIN]
        value = notice_html(" ".join(notes), kind)
        if value != self.check.value:
            self.check.value = value

    def _voted(self, theme_id: str, change: dict) -> None:
        part, me = self.part, str(self.analysis.me)

        def build(item: GroupItem | None) -> dict | None:
            current = Stem(me) if item is None else Stem.of(item)
            punten = {**current.punten, theme_id: change["new"]}
            updated = Stem(me, {k: v for k, v in punten.items() if v})
            if updated.total > part.budget:
                raise OverflowError
            return None if updated == current else updated.data()

        try:
            self.analysis.session.update(Stem.KIND, me, build)
        except OverflowError:
            self.feedback.show(part.over_budget.format(totaal=part.budget), "warning")
            self._quiet = True
            try:
                self.dots[theme_id].value = change["old"]
            finally:
                self._quiet = False
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")

    def _chose(self, theme_id: str, value: bool) -> None:
        def build(item: GroupItem | None) -> dict | None:
            if item is None or item.deleted or Thema.of(item).gekozen == value:
                return None
            return {**item.data, **replace(Thema.of(item), gekozen=value).data()}

        try:
            self.analysis.session.update(Thema.KIND, theme_id, build)
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")


def section(ctx) -> widgets.Widget:
    """The ``vote`` part of ``dag4.yaml`` (nothing for someone in no group)."""
    part, analysis = texts.load().exercises.vote, page_analysis(ctx)
    if analysis is None:
        return hidden()
    return Exercise(part.title, part.instruction, [Vote(analysis)])
