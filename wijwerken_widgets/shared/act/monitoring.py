"""Monitoring the actieplan in the months after Dag 4: an append-only status history per action, and when an action
has gone still.

Every status update is an item of its own (kind ``"status"`` of the ``"act"`` space, a new id each time), never
edited: the history of an action is all its updates, and nothing in it is overwritten. Stillness is measured from
status updates only: editing an action's text, owner or dates does not make it less still. Pure functions over
the items; no widgets, no store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, ClassVar

from wijwerken_widgets.shared.item_types import Item, mapping, text, whole

ON_TRACK, STALLING, DONE, STOPPED = "op_schema", "hapert", "klaar", "gestopt"
STATUSES = (ON_TRACK, STALLING, DONE, STOPPED)
"""What an update can say about an action."""
FINISHED = (DONE, STOPPED)
"""Statuses after which an action cannot go still."""


def parse_day(value: Any) -> date | None:
    """An ISO date as a date, or ``None`` when absent or not a date."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


@dataclass(frozen=True)
class Status(Item):
    """One status update of action ``actie_id``: the status (one of :data:`STATUSES`), a note, the day it is about,
    whether there was contact with the owner, and who wrote it (``door``, a person id); ``interventie`` names the
    mini-interventie whose outcome it records, if any."""

    KIND: ClassVar[str] = "status"

    id: str
    actie_id: str = ""
    status: str = ON_TRACK
    notitie: str = ""
    datum: str = ""
    contact: bool = False
    door: int | None = None
    interventie: str = ""

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Status:
        data = mapping(data)
        status = data.get("status")
        day = parse_day(data.get("datum"))
        return cls(id=item_id, actie_id=text(data.get("actie_id")),
                   status=status if status in STATUSES else ON_TRACK, notitie=text(data.get("notitie")),
                   datum=day.isoformat() if day else "", contact=data.get("contact") is True,
                   door=whole(data.get("door")), interventie=text(data.get("interventie")))

    @property
    def day(self) -> date | None:
        return parse_day(self.datum)


def history(action_id: str, updates: Iterable[Status]) -> list[Status]:
    """The updates of one action, oldest first (by the day they are about; same day: in the order given)."""
    mine = [u for u in updates if u.actie_id == action_id]
    return sorted(mine, key=lambda u: u.day or date.min)


@dataclass(frozen=True)
class Thresholds:
    """After how many days without a status update an action is still, per its last status (from the YAML)."""

    days: Mapping[str, int]

    @classmethod
    def default(cls) -> Thresholds:
        return cls({ON_TRACK: 21, STALLING: 7})


@dataclass(frozen=True)
class Stillness:
    """How long since the last status update (or since the action's start, without one), and whether that is past
    the threshold of its status. ``status`` is the last update's, or empty without one."""

    status: str
    days: int | None
    limit: int | None

    @property
    def still(self) -> bool:
        return self.days is not None and self.limit is not None and self.days > self.limit


def stillness(start: str, updates: Iterable[Status], thresholds: Thresholds, today: date) -> Stillness:
    """How still an action is today. ``start`` is its start date (ISO, or empty); ``updates`` its status updates.
    A finished action (klaar, gestopt) is never still; without any update, the clock runs from its start."""
    ordered = [u for u in updates if u.day is not None]
    ordered.sort(key=lambda u: u.day or date.min)
    if ordered:
        last = ordered[-1]
        if last.status in FINISHED:
            return Stillness(last.status, None, None)
        assert last.day is not None
        return Stillness(last.status, (today - last.day).days, thresholds.days.get(last.status))
    begun = parse_day(start)
    if begun is None or begun > today:
        return Stillness("", None, None)
    return Stillness("", (today - begun).days, thresholds.days.get(ON_TRACK))


def done_day(updates: Iterable[Status]) -> date | None:
    """The day an action was (last) said to be klaar, or ``None`` when its last update is not "klaar"."""
    ordered = [u for u in updates if u.day is not None]
    ordered.sort(key=lambda u: u.day or date.min)
    return ordered[-1].day if ordered and ordered[-1].status == DONE else None


def weeks(first: date, last: date, most: int = 26) -> list[date]:
    """The Mondays of the weeks from ``first`` to ``last`` (at most ``most``, the latest ones)."""
    monday = first - timedelta(days=first.weekday())
    found = []
    while monday <= last:
        found.append(monday)
        monday += timedelta(days=7)
    return found[-most:]


def done_vs_planned(plans: Iterable[tuple[date | None, date | None]], days: list[date]) -> list[tuple[date, int, int]]:
    """Per week (its Monday): how many actions were due by the end of that week, and how many were klaar by then.
    ``plans`` holds each action's (due day, day it was klaar)."""
    plans = list(plans)
    rows = []
    for monday in days:
        end = monday + timedelta(days=6)
        rows.append((monday, sum(1 for due, _ in plans if due is not None and due <= end),
                     sum(1 for _, done in plans if done is not None and done <= end)))
    return rows
