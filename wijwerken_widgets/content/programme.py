"""A cohort's programme: the steps of its trajectory (``exercises/trajecten.yaml``) with their dates.

The one place that turns a cohort's settings (``traject``, ``start``, ``programma``) into dates: the start page lists
the steps, the trainer page takes the training days' dates as expected-by dates, the months page its first check-in
after Dag 4, and the server its pools of pre-started kernels for the pages of the day.
A step's date is its date in ``programma`` (by ``dag`` or ``stap``), else the start plus its ``na_dagen``; without a
``start`` the first dated step anchors the rest; without any date the steps have none.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wijwerken_widgets.content import loader

FILE = "trajecten.yaml"
SCHEMA = "wijwerken_widgets.content.programme_schema:Trajectories"
DEFAULT = "standaard"


@dataclass(frozen=True)
class Step:
    """One step of a cohort's programme, with its date when known."""

    id: str
    kind: str
    kind_label: str
    title: str
    text: str
    workbook: str | None
    day: int | None
    date: datetime.date | None


def load(directory: str | Path | None = None) -> Any:
    """The validated trajectories (from ``directory``, default the exercises folder); raises ``ContentError``."""
    return loader.load(FILE, SCHEMA, directory)


def _date(value: object) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def steps(settings: Mapping[str, Any], content: Any = None) -> list[Step]:
    """The steps of the cohort's trajectory, in order, each with its date (or None)."""
    content = content if content is not None else load()
    trajectory = content.trajecten.get(settings.get("traject") or DEFAULT) or content.trajecten[DEFAULT]
    by_day: dict[int, datetime.date] = {}
    by_step: dict[str, datetime.date] = {}
    for entry in settings.get("programma") or []:
        if not isinstance(entry, Mapping) or (when := _date(entry.get("datum"))) is None:
            continue
        if isinstance(entry.get("dag"), int):
            by_day[entry["dag"]] = when
        elif isinstance(entry.get("stap"), str):
            by_step[entry["stap"]] = when

    def fixed(step: Any) -> datetime.date | None:
        return by_day.get(step.dag) if step.dag is not None and step.dag in by_day else by_step.get(step.id)

    start = _date(settings.get("start"))
    if start is None:
        anchors = [(when, step.na_dagen) for step in trajectory.stappen if (when := fixed(step)) is not None]
        start = anchors[0][0] - datetime.timedelta(days=anchors[0][1]) if anchors else None
    return [
        Step(step.id, step.soort, content.soorten[step.soort], step.titel, step.tekst, step.pagina, step.dag,
             fixed(step) or (start + datetime.timedelta(days=step.na_dagen) if start is not None else None))
        for step in trajectory.stappen
    ]


def day_dates(settings: Mapping[str, Any], content: Any = None) -> dict[int, datetime.date]:
    """Training day number → its date in the cohort's programme (days without a date are left out)."""
    return {step.day: step.date for step in steps(settings, content) if step.day is not None and step.date is not None}


def step_ids(settings: Mapping[str, Any], content: Any = None) -> set[str]:
    """The step ids of the cohort's trajectory (what ``programma``'s ``stap`` may name)."""
    return {step.id for step in steps(settings, content)}


def current(found: list[Step], today: datetime.date) -> Step | None:
    """Today's step, or else the next one to come (None when every dated step has been): the start page shows it
    first."""
    coming = [step for step in found if step.date is not None and step.date >= today]
    return min(coming, key=lambda step: step.date or today) if coming else None
