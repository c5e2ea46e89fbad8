"""The participant × exercise matrix of a cohort, as data: per participant and exercise one of five states.

Built from each training day's key registry (``pages/dagN/keys.py``, found by ``pages.registries()``) with the
same reading of the store as a day's progress box (``ui.progress.exercise_parts``):

- ``klaar``: every part of the exercise (each registered answer key, each kind of group item) holds something;
- ``bezig``: some part does; ``niet_gestart``: none does (an answer emptied again counts as nothing);
- group work (items of the group) counts for every member of the group;
- each day also has a logboek column: ``gedeeld`` when the participant shared an entry of that day with the trainer
  (or their group), else ``niet_gestart``: whether privé entries exist is never shown;
- ``nvt``: the exercise is listed in the cohort setting ``uit`` (``content.variants.exercise_enabled``; a whole page or ``page.exercise``) (``"dag1.assumptions"``, page and YAML
  key), for a municipality that switched it off. No cohort file sets it yet (variants will); the state is ready.

The expected-by date of a day is its date in the cohort's programme (``content.programme``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from wijwerken_widgets import pages
from wijwerken_widgets.content.variants import exercise_enabled
from wijwerken_widgets.shared import readiness
from wijwerken_widgets.shared.readiness import BUSY, DONE, NOT_STARTED, state_of
from wijwerken_widgets.ui.progress import exercise_parts, exercises_of, group_items

if TYPE_CHECKING:
    from wijwerken_widgets.core.keys import Registry
    from wijwerken_widgets.store import Cohort, Person, Store

SHARED, OFF = "gedeeld", "nvt"
STATES = (NOT_STARTED, BUSY, DONE, SHARED, OFF)
LOGBOOK = "logbook"
"""The exercise name of a day's logboek column."""


@dataclass(frozen=True)
class Column:
    page: str
    exercise: str
    title: str


@dataclass(frozen=True)
class Day:
    page: str
    number: int
    title: str
    expected: date | None
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class Row:
    person_id: int
    name: str
    group: str | None
    states: dict[tuple[str, str], str] = field(default_factory=dict)
    """(page, exercise) → state."""


@dataclass(frozen=True)
class Matrix:
    cohort: str
    days: tuple[Day, ...]
    rows: tuple[Row, ...]
    today: date

    def columns(self) -> list[Column]:
        return [c for day in self.days for c in day.columns]

    def now_after(self) -> int:
        """How many days lie before the "nu" line: those whose date is today or earlier."""
        return sum(1 for day in self.days if day.expected is not None and day.expected <= self.today)


def day_registries() -> list[tuple[int, Registry]]:
    """The training days' registries (pages named ``dagN``), by day number."""
    return readiness.day_registries(pages.registries())


def programme(cohort: Cohort) -> dict[int, date]:
    """Day number → its date in the cohort's programme (``content.programme``; a day without a date is left out)."""
    from wijwerken_widgets.content.programme import day_dates

    return day_dates(cohort.settings)


def days_of(cohort: Cohort, day_titles: Mapping[str, str], logbook_title: str) -> tuple[Day, ...]:
    """The columns: each training day's exercises (as its progress box lists them), then its logboek."""
    dates, days = programme(cohort), []
    for number, registry in day_registries():
        titles = pages.exercise_titles(registry.page)
        columns = [Column(registry.page, name, titles[name]) for name in exercises_of(registry, titles)]
        columns.append(Column(registry.page, LOGBOOK, logbook_title))
        days.append(Day(registry.page, number, day_titles.get(registry.page, registry.page), dates.get(number),
                        tuple(columns)))
    return tuple(days)


def shared_days(store: Store, reader: Person, cohort: Cohort) -> dict[int, set[str]]:
    """Person id (of ``cohort``) → the days (``dag3`` …) of their entries shared with ``reader`` (never a privé
    one)."""
    from wijwerken_widgets.shared.logbook import texts
    from wijwerken_widgets.shared.logbook.widget import prompt_day

    part = texts.load()
    found: dict[int, set[str]] = {}
    for shared in store.shared_log_entries(reader, [cohort.id]):
        entry = shared.entry
        found.setdefault(entry.person_id, set()).add(prompt_day(part, entry.prompt, entry.day))
    return found


def build(store: Store, cohort: Cohort, reader: Person, today: date, day_titles: Mapping[str, str],
          logbook_title: str) -> Matrix:
    """The matrix of ``cohort`` as ``reader`` (a trainer) may see it."""
    days = days_of(cohort, day_titles, logbook_title)
    registries = dict(day_registries())
    groups = {g.id: g for g in store.groups(cohort.id)}
    group_parts: dict[tuple[int, str], dict[str, Any]] = {}
    shared = shared_days(store, reader, cohort)
    rows = []
    for person in sorted((p for p in store.people(cohort.id) if p.role == "deelnemer"), key=lambda p: p.name.lower()):
        stored = store.latest_answers(person.id)
        states: dict[tuple[str, str], str] = {}
        for day in days:
            registry = registries[day.number]
            items: Mapping[str, Any] = {}
            if person.group_id is not None:
                key = (person.group_id, registry.page)
                if key not in group_parts:
                    group_parts[key] = group_items(store, registry, person.group_id)
                items = group_parts[key]
            parts = exercise_parts(registry, stored, items)
            for column in day.columns:
                if not exercise_enabled(cohort, column.page, column.exercise):
                    states[(column.page, column.exercise)] = OFF
                elif column.exercise == LOGBOOK:
                    states[(column.page, column.exercise)] = SHARED if day.page in shared.get(person.id, ()) \
                        else NOT_STARTED
                else:
                    states[(column.page, column.exercise)] = state_of(parts.get(column.exercise, {}))
        group = groups.get(person.group_id) if person.group_id is not None else None
        rows.append(Row(person.id, person.name, group.name if group else None, states))
    return Matrix(cohort.name, days, tuple(rows), today)


def missing(matrix: Matrix, column: Column) -> list[Row]:
    """The participants who do not have ``column`` klaar (or shared, for a logboek); never those for whom it is
    n.v.t."""
    return [row for row in matrix.rows
            if row.states.get((column.page, column.exercise)) in (NOT_STARTED, BUSY)]
