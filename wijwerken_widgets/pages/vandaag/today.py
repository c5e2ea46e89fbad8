"""What "Vandaag" shows of one cohort, as data: raised hands, who is where, the "vastgelopen?" sign, the timer.

Read from the store in four queries per cohort (people, groups, signals, :meth:`Store.last_saved`), never one per
person. :func:`status` is the "vastgelopen?" rule: a participant whose page was opened, and who has saved nothing
since (or since their last save) for more than ``stuck_minutes``, is ``stuck``; a page opened longer than
``away_hours`` ago says nothing about today (``away``). Whoever saved a field three times while the same coaching
tip stayed (``herhaald`` in their page signal, ``ui.live.RepeatedTips``) is ``stuck`` too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wijwerken_widgets.store import Cohort, Store

STUCK, FINE, AWAY = "stuck", "fine", "away"


@dataclass(frozen=True)
class Row:
    person_id: int
    name: str
    group: str | None
    page: str | None
    """The page last opened (``dag1``), or None when never seen."""
    seen: datetime | None
    saved: datetime | None
    status: str | None
    """``stuck``, ``fine``, ``away``, or None when never seen."""


@dataclass(frozen=True)
class Hand:
    person_id: int
    name: str
    group: str | None
    since: datetime


@dataclass(frozen=True)
class Snapshot:
    cohort: Cohort
    rows: tuple[Row, ...]
    hands: tuple[Hand, ...]
    """Oldest first."""
    timer: dict[str, Any] | None
    read_at: datetime


def status(seen: datetime | None, saved: datetime | None, now: datetime, stuck_minutes: int,
           away_hours: int, repeated: bool = False) -> str | None:
    """The "vastgelopen?" rule (see the module's docstring); ``repeated``: the same coaching tip after three saves
    on the page open now (``ui.live.RepeatedTips``)."""
    if seen is None:
        return None
    if now - seen > timedelta(hours=away_hours):
        return AWAY
    quiet_since = max(seen, saved) if saved is not None else seen
    return STUCK if repeated or now - quiet_since > timedelta(minutes=stuck_minutes) else FINE


def _since(data: Any, fallback: datetime) -> datetime:
    """When the page was opened (the signal's ``sinds``), else when the signal was written."""
    try:
        return datetime.fromisoformat(data["sinds"])
    except (KeyError, TypeError, ValueError):
        return fallback


def snapshot(store: Store, cohort: Cohort, now: datetime, stuck_minutes: int, away_hours: int) -> Snapshot:
    """The cohort's participants (by name), their raised hands (oldest first) and its timer."""
    groups = {g.id: g.name for g in store.groups(cohort.id)}
    people = sorted((p for p in store.people(cohort.id) if p.role == "deelnemer" and p.removed_at is None),
                    key=lambda p: p.name.lower())
    by_id = {p.id: p for p in people}
    signals = store.signals(cohort.id)
    saved = store.last_saved(cohort.id)
    pages: dict[int, tuple[str, datetime]] = {}
    repeated: set[int] = set()
    hands, timer = [], None
    for signal in signals:
        person = by_id.get(signal.person_id) if signal.person_id is not None else None
        if signal.kind == "timer" and signal.person_id is None:
            timer = signal.data
        elif person is not None and signal.kind == "page":
            pages[person.id] = (str((signal.data or {}).get("page", "")), _since(signal.data, signal.updated_at))
            if (signal.data or {}).get("herhaald"):
                repeated.add(person.id)
        elif person is not None and signal.kind == "hand":
            group = groups.get(person.group_id) if person.group_id is not None else None
            hands.append(Hand(person.id, person.name, group, signal.updated_at))
    rows = []
    for person in people:
        page, seen = pages.get(person.id, (None, None))
        last = saved.get(person.id)
        group = groups.get(person.group_id) if person.group_id is not None else None
        rows.append(Row(person.id, person.name, group, page, seen, last,
                        status(seen, last, now, stuck_minutes, away_hours, person.id in repeated)))
    return Snapshot(cohort, tuple(rows), tuple(sorted(hands, key=lambda h: h.since)), timer, now)
