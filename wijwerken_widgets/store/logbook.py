"""The store's part for the logboek: each participant's reflections, with a sharing level per entry.

Who may read an entry is decided here, in SQL, and only from its latest version: ``prive`` entries are returned
to their writer only; ``trainer`` entries also to the cohort's trainers; ``groep`` entries also to the writer's
groupmates. Every view and export for someone else goes through :meth:`LogbookStore.shared_log_entries`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select

from wijwerken_widgets.store import schema as t
from wijwerken_widgets.store.base import StoreBase, as_record, lock_writable, storable, utc_now
from wijwerken_widgets.store.records import Person


@dataclass(frozen=True)
class LogEntry:
    id: int
    person_id: int
    entry_id: str
    version: int
    day: str
    prompt: str
    text: str
    sharing: str
    deleted: bool
    saved_at: datetime
    client_id: str
    request_id: str | None = None


@dataclass(frozen=True)
class SharedLogEntry:
    """Someone else's entry as a reader may see it, with the writer's name."""

    entry: LogEntry
    author: str


class LogbookStore(StoreBase):
    """Methods of :class:`~wijwerken_widgets.store.api.Store` for the logboek (one of its bases)."""

    def save_log_entry(
        self,
        person_id: int,
        entry_id: str,
        *,
        day: str,
        prompt: str,
        text: str,
        sharing: str,
        client_id: str,
        deleted: bool = False,
        request_id: str | None = None,
    ) -> LogEntry:
        """Append a version of the person's entry ``entry_id`` (a removal is a version with ``deleted``).

        A ``request_id`` already stored for the person (a retry of a save that did commit) returns that version
        and writes nothing.
        """
        if sharing not in t.SHARING:
            raise ValueError(f"sharing must be one of {t.SHARING}, not {sharing!r}")
        text = storable(text)
        c = t.logbook.c
        with self._write("save") as conn:
            lock_writable(conn, t.people, person_id)
            if request_id is not None:
                done = conn.execute(
                    select(t.logbook).where(c.person_id == person_id, c.entry_id == entry_id,
                                            c.request_id == request_id)
                ).first()
                if done is not None:
                    return as_record(LogEntry, done)
            latest = conn.execute(
                select(func.max(c.version)).where(c.person_id == person_id, c.entry_id == entry_id)
            ).scalar()
            row = conn.execute(
                t.logbook.insert()
                .values(person_id=person_id, entry_id=entry_id, version=(latest or 0) + 1, day=day,
                        prompt=prompt[:500], text=text, sharing=sharing, deleted=deleted, saved_at=utc_now(),
                        client_id=client_id, request_id=request_id)
                .returning(*t.logbook.c)
            ).one()
        return as_record(LogEntry, row)

    def log_entries(self, person_id: int) -> list[LogEntry]:
        """The person's own entries (every sharing level; removed ones left out), in the order they were begun."""
        c = t.logbook.c
        entries = select(c.entry_id, func.max(c.id).label("latest"), func.min(c.id).label("first"))
        mine = entries.where(c.person_id == person_id).group_by(c.entry_id).subquery()
        stmt = (select(t.logbook).join(mine, mine.c.latest == c.id).where(c.deleted.is_(False))
                .order_by(mine.c.first))
        return self._all(LogEntry, stmt)

    def shared_log_entries(self, reader: Person, cohort_ids: Sequence[int] | None = None) -> list[SharedLogEntry]:
        """Other people's entries that ``reader`` may see: trainers their cohort's ``trainer`` and ``groep``
        entries, participants their groupmates' ``groep`` entries. Never anyone's ``prive`` entry.

        ``cohort_ids`` (trainers only) reads those cohorts instead of the trainer's own, each only when it is the
        trainer's own or one they are assigned to (``trainer_cohorts``); any other id is ignored."""
        c, p = t.logbook.c, t.people.c
        latest = select(func.max(c.id)).group_by(c.person_id, c.entry_id).scalar_subquery()
        if reader.role == "trainer" and reader.removed_at is None:
            if cohort_ids is None:
                cohorts = p.cohort_id == reader.cohort_id
            else:
                tc = t.trainer_cohorts.c
                assigned = select(tc.cohort_id).where(tc.person_id == reader.id)
                wanted = [int(i) for i in cohort_ids]
                cohorts = and_(p.cohort_id.in_(wanted),
                               or_(p.cohort_id == reader.cohort_id, p.cohort_id.in_(assigned)))
            who = and_(cohorts, c.sharing.in_(("trainer", "groep")))
        elif reader.role != "trainer" and reader.group_id is not None:
            who = and_(p.group_id == reader.group_id, c.sharing == "groep")
        else:
            return []
        stmt = (
            select(t.logbook, p.name.label("author"))
            .join(t.people, p.id == c.person_id)
            .where(c.id.in_(latest), c.deleted.is_(False), c.person_id != reader.id, who)
            .order_by(c.saved_at, c.id)
        )
        with self._read() as conn:
            rows = conn.execute(stmt).all()
        return [SharedLogEntry(LogEntry(**{k: row._mapping[k] for k in _FIELDS}), row.author) for row in rows]


_FIELDS = tuple(LogEntry.__dataclass_fields__)
