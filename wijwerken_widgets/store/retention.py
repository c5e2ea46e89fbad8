"""Retention of a cohort (AVG: storage limitation): archive it (read-only), later purge it; see ``docs/privacy.md``.

An archived cohort (``cohorts.archived_at`` set) can be read and logged into, but every write of its work is
refused: :func:`~wijwerken_widgets.store.base.lock_writable` (called by every save of answers, logboek entries,
group items and signals, in the query that already locks the row) raises ``StoreUnavailable`` ``archived`` with a
Dutch message, so the page keeps the text and says why.

A purge deletes, in one transaction, every row of the cohort in every table (:data:`PURGED_TABLES`, in an order the
foreign keys allow) except the audit trail (:data:`KEPT_TABLES`), and writes one ``cohort_purge`` audit line (ids
only). Together the two cover every table of ``schema.metadata`` (a test holds them to it), so a new table cannot be
forgotten. On SQLite, ``compact()`` the file afterwards (the command does), so no freed page keeps the text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, select

from wijwerken_widgets.core import server_log
from wijwerken_widgets.store import schema as t
from wijwerken_widgets.store.audit import audit_values
from wijwerken_widgets.store.base import utc_now
from wijwerken_widgets.store.erase import ErasureStore, _tombstone

Where = Callable[[int, Any], ColumnElement[bool]]
"""The rows of a table that belong to a cohort: ``where(cohort_id, people)``, ``people`` a select of its people's
ids."""



def _by_group(table: Table) -> Where:
    return lambda cohort_id, _people: table.c.group_id.in_(select(t.groups.c.id).where(t.groups.c.cohort_id == cohort_id))


PURGED_TABLES: dict[str, Where] = {
    "sessions": lambda _c, people: t.sessions.c.person_id.in_(people),
    "answers": lambda _c, people: t.answers.c.person_id.in_(people),
    "logbook": lambda _c, people: t.logbook.c.person_id.in_(people),
    "signals": lambda c, people: (t.signals.c.cohort_id == c) | t.signals.c.person_id.in_(people),
    "trainer_cohorts": lambda c, people: (t.trainer_cohorts.c.cohort_id == c)
    | t.trainer_cohorts.c.person_id.in_(people),
    **{table.name: _by_group(table) for table in (t.map_items, t.conversation_items, t.act_items)},
    "people": lambda c, _p: t.people.c.cohort_id == c,
    "groups": lambda c, _p: t.groups.c.cohort_id == c,
    "cohorts": lambda c, _p: t.cohorts.c.id == c,
}
"""Every table with rows of a cohort, in the order they are deleted (rows that point at others first): a person's
rows by the cohort's people, a group's items by its groups. Item versions that a person of the cohort wrote in another
cohort's group (a trainer assigned there) stay, re-pointed to that cohort's "verwijderde deelnemer"."""
KEPT_TABLES: dict[str, str] = {
    "audit": "the audit trail: ids, codes and times only, no content; its lines must outlive what they are about",
}


def _purge(conn: Connection, cohort_id: int, *, apply: bool) -> dict[str, int]:
    people = select(t.people.c.id).where(t.people.c.cohort_id == cohort_id)
    counts = dict.fromkeys([*PURGED_TABLES, *KEPT_TABLES], 0)
    if apply:
        _repoint_elsewhere(conn, cohort_id, people)
    for name, where in PURGED_TABLES.items():
        table = t.metadata.tables[name]
        condition = where(cohort_id, people)
        counts[name] = len(conn.execute(select(*table.primary_key.columns).where(condition)).all())
        if apply and counts[name]:
            conn.execute(table.delete().where(condition))
    return counts


def _repoint_elsewhere(conn: Connection, cohort_id: int, people: Any) -> None:
    """Item versions written by the cohort's people in other cohorts' groups: to those cohorts' tombstone person."""
    g = t.groups.c
    for table in (t.map_items, t.conversation_items, t.act_items):
        c = table.c
        found = conn.execute(select(c.id, g.cohort_id).join(t.groups, g.id == c.group_id)
                             .where(c.person_id.in_(people), g.cohort_id != cohort_id)).all()
        for row in found:
            conn.execute(table.update().where(c.id == row.id).values(person_id=_tombstone(conn, row.cohort_id)))


class RetentionStore(ErasureStore):
    """Methods of :class:`~wijwerken_widgets.store.api.Store` for archiving and purging a cohort (one of its bases;
    built on :class:`~wijwerken_widgets.store.erase.ErasureStore` for ``compact``)."""

    def archive_cohort(self, cohort_id: int, *, origin: str = "cli", archived: bool = True) -> bool:
        """Make the cohort read-only (``archived=False``: writable again), with a ``cohort_archive`` (or
        ``cohort_unarchive``) audit line; ``False`` when it already was (nothing changes). Its browser sessions
        stay: people can still log in and read."""
        c = t.cohorts.c
        with self._write() as conn:
            row = conn.execute(select(c.archived_at).where(c.id == cohort_id).with_for_update()).first()
            if row is None:
                raise LookupError(f"no cohort with id {cohort_id}")
            if (row.archived_at is not None) == archived:
                return False
            conn.execute(t.cohorts.update().where(c.id == cohort_id)
                         .values(archived_at=utc_now() if archived else None))
            action = "cohort_archive" if archived else "cohort_unarchive"
            values, line = audit_values(action, "cohort", cohort_id, origin=origin, cohort_id=cohort_id)
            server_log.audit_line(line)
            conn.execute(t.audit.insert().values(**values))
        return True

    def purge_counts(self, cohort_id: int) -> dict[str, int]:
        """The rows per table :meth:`purge_cohort` would delete; nothing changes."""
        with self._read() as conn, conn.begin():
            if conn.execute(select(t.cohorts.c.id).where(t.cohorts.c.id == cohort_id)).first() is None:
                raise LookupError(f"no cohort with id {cohort_id}")
            return _purge(conn, cohort_id, apply=False)

    def purge_cohort(self, cohort_id: int, *, origin: str = "cli") -> dict[str, int]:
        """Delete every row of the archived cohort but its audit lines (see the module), in one transaction with one
        ``cohort_purge`` audit line; :meth:`compact` a SQLite file afterwards. Returns the rows deleted per table.
        Refuses (``ValueError``) a cohort that is not archived."""
        c = t.cohorts.c
        with self._write() as conn:
            row = conn.execute(select(c.archived_at).where(c.id == cohort_id).with_for_update()).first()
            if row is None:
                raise LookupError(f"no cohort with id {cohort_id}")
            if row.archived_at is None:
                raise ValueError(f"cohort {cohort_id} is not archived: archive it before purging it")
            counts = _purge(conn, cohort_id, apply=True)
            values, line = audit_values("cohort_purge", "cohort", cohort_id, origin=origin, cohort_id=cohort_id)
            server_log.audit_line(line)
            conn.execute(t.audit.insert().values(**values))
        return counts
