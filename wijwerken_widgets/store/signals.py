"""The store's part for the live signals of a training day: who has which page open, raised hands, the timer.

One row per (cohort, person, kind), replaced in place (``signals`` in ``schema.py``): the trainer's page "Vandaag"
shows the present, not a history. ``person_id`` is empty for what belongs to the whole cohort (its timer). Writes of
one cohort are serialised on the cohort's row, so two kernels never make two rows of one signal.

:meth:`SignalStore.last_saved` reads when each participant of a cohort last saved anything, in one query: answers,
group items they changed, and logboek entries — only entries whose latest version is shared with the trainer or the
group, and never the logboek's draft answer, so not even the time of privé writing shows.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, union_all

from wijwerken_widgets.store import schema as t
from wijwerken_widgets.store.base import StoreBase, as_record, lock_writable, storable, utc_now

MAX_SIGNAL_BYTES = 2_000
"""A signal is a few small fields; anything bigger is a mistake of the caller."""
PRIVATE_ANSWER_PREFIX = "logboek."
"""Answers under this prefix (the logboek's draft) never count as "saved" for the trainer."""


@dataclass(frozen=True)
class Signal:
    id: int
    cohort_id: int
    person_id: int | None
    kind: str
    data: Any
    updated_at: datetime


class SignalStore(StoreBase):
    """Methods of :class:`~wijwerken_widgets.store.api.Store` for live signals (one of its bases)."""

    def change_signal(self, cohort_id: int, kind: str, change: Callable[[Signal | None], dict[str, Any] | None], *,
                      person_id: int | None = None) -> Signal | None:
        """Replace one signal with ``change(current)`` in one transaction (``None``: remove it); returns the new
        signal, or ``None`` when it was removed or there was none."""
        if kind not in t.SIGNAL_KINDS:
            raise ValueError(f"kind must be one of {t.SIGNAL_KINDS}, not {kind!r}")
        c = t.signals.c
        who = c.person_id.is_(None) if person_id is None else c.person_id == person_id
        where = (c.cohort_id == cohort_id, c.kind == kind, who)
        with self._write() as conn:
            lock_writable(conn, t.cohorts, cohort_id, "write")
            found = conn.execute(select(t.signals).where(*where)).first()
            current = as_record(Signal, found) if found is not None else None
            data = change(current)
            if data is None:
                if current is not None:
                    conn.execute(t.signals.delete().where(c.id == current.id))
                return None
            data = _small(data)
            if current is not None:
                row = conn.execute(t.signals.update().where(c.id == current.id)
                                   .values(data=data, updated_at=utc_now()).returning(*t.signals.c)).one()
            else:
                row = conn.execute(t.signals.insert().values(cohort_id=cohort_id, person_id=person_id, kind=kind,
                                                             data=data, updated_at=utc_now())
                                   .returning(*t.signals.c)).one()
        return as_record(Signal, row)

    def set_signal(self, cohort_id: int, kind: str, data: dict[str, Any], *,
                   person_id: int | None = None) -> Signal:
        """Put ``data`` in the signal (made when there is none), stamped now."""
        signal = self.change_signal(cohort_id, kind, lambda _current: data, person_id=person_id)
        assert signal is not None
        return signal

    def clear_signal(self, cohort_id: int, kind: str, *, person_id: int | None = None) -> None:
        """Remove the signal (nothing happens when there is none)."""
        self.change_signal(cohort_id, kind, lambda _current: None, person_id=person_id)

    def signals(self, cohort_id: int, kind: str | None = None) -> list[Signal]:
        """The cohort's signals (of ``kind``), oldest change first."""
        c = t.signals.c
        stmt = select(t.signals).where(c.cohort_id == cohort_id)
        if kind is not None:
            stmt = stmt.where(c.kind == kind)
        return self._all(Signal, stmt.order_by(c.updated_at, c.id))

    def last_saved(self, cohort_id: int) -> dict[int, datetime]:
        """Person id → when they last saved something (one query for the whole cohort); nobody who never did."""
        p = t.people.c
        mine = select(p.id).where(p.cohort_id == cohort_id).scalar_subquery()
        a, lg = t.answers.c, t.logbook.c
        parts = [select(a.person_id.label("person_id"), func.max(a.saved_at).label("at"))
                 .where(a.person_id.in_(mine), ~a.key.startswith(PRIVATE_ANSWER_PREFIX)).group_by(a.person_id)]
        for table in (t.map_items, t.conversation_items, t.act_items):
            i = table.c
            parts.append(select(i.person_id, func.max(i.changed_at)).where(i.person_id.in_(mine))
                         .group_by(i.person_id))
        latest = select(func.max(lg.id)).where(lg.person_id.in_(mine)).group_by(lg.person_id, lg.entry_id)
        parts.append(select(lg.person_id, func.max(lg.saved_at))
                     .where(lg.id.in_(latest.scalar_subquery()), lg.sharing != "prive").group_by(lg.person_id))
        every = union_all(*parts).subquery()
        stmt = select(every.c.person_id, func.max(every.c.at).label("at")).group_by(every.c.person_id)
        with self._read() as conn:
            rows = conn.execute(stmt).all()
        return {person_id: _utc(at) for person_id, at in rows if at is not None}


def _small(data: dict[str, Any]) -> dict[str, Any]:
    data = storable(data)
    if len(json.dumps(data, ensure_ascii=False).encode("utf-8")) > MAX_SIGNAL_BYTES:
        raise ValueError(f"a signal holds at most {MAX_SIGNAL_BYTES} bytes")
    return data


def _utc(value: datetime | str) -> datetime:
    """A time read through the union (SQLite may hand back text there), as an aware UTC datetime."""
    from datetime import timezone

    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
