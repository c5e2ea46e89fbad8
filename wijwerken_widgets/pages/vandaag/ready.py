"""Klaar per groep: for a chosen training day, per group how many participants have each exercise klaar, read the
way "Tussen de dagen" reads it (``shared/readiness.py``), and the day's first exercise for the whole cohort as a
sentence ("12/15 hebben „Vraagstuk” klaar."). Read again on "Vernieuwen" and about once a minute."""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets import pages
from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.pages.vandaag.board import Board, board
from wijwerken_widgets.pages.vandaag.where import page_names
from wijwerken_widgets.shared import readiness
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui.blocks import Exercise, hidden, static_html
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.progress import exercises_of

if TYPE_CHECKING:
    from wijwerken_widgets.core.keys import Registry
    from wijwerken_widgets.pages.vandaag.schema import ReadyPart
    from wijwerken_widgets.store import Cohort


def default_day(cohort: Cohort, numbers: list[int], today: date) -> int | None:
    """The day of the cohort's ``programma`` that is today, else the last one before today, else the first."""
    dates = {}
    for day in cohort.settings.get("programma") or []:
        try:
            dates[int(day["dag"])] = date.fromisoformat(str(day["datum"]))
        except (KeyError, TypeError, ValueError):
            continue
    past = [n for n in numbers if n in dates and dates[n] <= today]
    return max(past, key=lambda n: dates[n]) if past else (numbers[0] if numbers else None)


def table_html(part: ReadyPart, day: str, titles: dict[str, str], found: list[readiness.GroupReadiness]) -> str:
    """Groups × exercises, each cell "3/4 klaar"; a total row; the first exercise as a sentence above."""
    exercises = list(titles)
    head = f'<th scope="col">{html.escape(part.group_header)}</th>' + "".join(
        f'<th scope="col">{html.escape(titles[e])}</th>' for e in exercises)
    rows = []
    for group in found:
        cells = "".join(f"<td>{html.escape(part.cell.format(klaar=group.done[e], totaal=group.total))}</td>"
                        for e in exercises)
        rows.append(f'<tr><th scope="row">{html.escape(group.group or part.no_group)}</th>{cells}</tr>')
    total = sum(g.total for g in found)
    summary = ""
    if exercises and total:
        first = exercises[0]
        done = sum(g.done[first] for g in found)
        summary = f"<p>{html.escape(part.summary.format(klaar=done, totaal=total, oefening=titles[first]))}</p>"
    caption = html.escape(part.caption.format(dag=day))
    return (f'{summary}<div class="ww-table-wrap"><table class="ww-table ww-ready"><caption>{caption}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


class ReadyView(Exercise):
    def __init__(self, ctx: Context, found: Board) -> None:
        self.ctx, self.board = ctx, found
        part = self.part = found.content.exercises.ready
        self.days: dict[int, Registry] = dict(readiness.day_registries(pages.registries()))
        names = page_names()
        options = [(names.get(r.page, r.page), n) for n, r in self.days.items()]
        start = default_day(found.cohort, list(self.days), date.today()) if found.cohort else None
        self.choice = widgets.Dropdown(options=options, value=start, description=part.day_label,
                                       style={"description_width": "initial"})
        self.table = static_html("", "ww-ready-table")
        super().__init__(part.title, part.instruction, [self.choice, self.table])
        self.choice.observe(lambda _: self.draw(), names="value")
        found.on_change(lambda full: self.draw() if full else None, self)
        self.draw()

    def draw(self) -> None:
        cohort, number = self.board.cohort, self.choice.value
        if cohort is None or number is None:
            self.table.value = f"<p>{html.escape(self.part.no_days)}</p>"
            return
        registry = self.days[number]
        all_titles = pages.exercise_titles(registry.page)
        titles = {name: all_titles[name] for name in exercises_of(registry, all_titles)}
        store = self.ctx.store
        try:
            found = readiness.readiness(store, registry, list(titles), store.people(cohort.id),
                                        store.groups(cohort.id))
        except StoreUnavailable as exc:
            self.table.value = notice_html(exc.message, "error")
            return
        self.table.value = table_html(self.part, self.choice.label or registry.page, titles, found)


def section(ctx: Context) -> widgets.Widget:
    """The ``ready`` part of ``vandaag.yaml``: only for trainers."""
    if not access.for_trainer(ctx) or board(ctx).cohort is None:
        return hidden()
    return ReadyView(ctx, board(ctx))
