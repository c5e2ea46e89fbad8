"""Everything the store holds about one person, table by table: the data of ``wijwerken privacy export``.

:data:`PERSON_TABLES` says, for every table that names a person or holds what they wrote, which rows are theirs;
:data:`CONTEXT_TABLES` lists the tables that are not exported row by row, with the reason. Together they cover every
table of ``schema.metadata`` (a test holds them to it), so a new table cannot be forgotten. Secrets are never
exported: :data:`OMITTED_COLUMNS` (the code hash, a session's token hash).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import Table, and_, or_, select

from wijwerken_widgets.store import schema as t
from wijwerken_widgets.store.base import StoreBase

ITEM_TABLES = (t.map_items, t.conversation_items, t.act_items)
PERSON_TABLES: dict[str, str] = {
    "people": "their own row (name, role, functie, group, user name; never the code hash)",
    "trainer_cohorts": "the cohorts a trainer is assigned to",
    "sessions": "their browser sessions (when made, when they end; never the token hash)",
    "answers": "every version of every answer they saved",
    "map_items": "every version they wrote of their group's map items, and every version that names them by id",
    "conversation_items": "the same for the group's conversations (Dag 3)",
    "act_items": "the same for the group's Dag 4 work and the months after",
    "logbook": "every version of every logboek entry, privé ones included",
    "signals": "their live signals (page open, raised hand)",
    "audit": "the audit lines with them as actor or as object",
}
CONTEXT_TABLES: dict[str, str] = {
    "cohorts": "context: the person's cohort is named (id, slug, gemeente, name) in data.json's 'context'; its "
               "settings list every participant of the cohort, so they are not exported",
    "groups": "context: the person's group (id, name, vraagstuk) is in data.json's 'context'; a group is no personal "
              "data of one member",
}
OMITTED_COLUMNS = {"people": ("code_hash",), "sessions": ("token_hash",)}


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _rows(conn: Any, table: Table, where: Any) -> list[dict[str, Any]]:
    omitted = OMITTED_COLUMNS.get(table.name, ())
    columns = [c for c in table.c if c.name not in omitted]
    order = table.c.id if "id" in table.c else columns[0]
    return [{k: _plain(v) for k, v in row._mapping.items()}
            for row in conn.execute(select(*columns).where(where).order_by(order))]


def _names(data: Any, person_id: int, fields: Collection[str]) -> bool:
    """Whether an item's data refers to ``person_id`` in one of ``fields`` (an id, or a list of ids)."""
    if not isinstance(data, dict):
        return False
    for name in fields:
        value = data.get(name)
        values = value if isinstance(value, list) else [value]
        if any(v is not None and not isinstance(v, bool) and str(v) == str(person_id) for v in values):
            return True
    return False


class PersonalDataStore(StoreBase):
    """Methods of :class:`~wijwerken_widgets.store.api.Store` for one person's data (one of its bases)."""

    def personal_rows(self, person_id: int, *, person_fields: Collection[str] = ()) -> dict[str, list[dict[str, Any]]]:
        """Table name → the person's rows (see :data:`PERSON_TABLES`), in one read transaction. ``person_fields``:
        the item data fields that hold a person's id (an item version naming them there is theirs too)."""
        rows: dict[str, list[dict[str, Any]]] = {}
        a = t.audit.c
        with self._read() as conn, conn.begin():
            rows["people"] = _rows(conn, t.people, t.people.c.id == person_id)
            if not rows["people"]:
                raise LookupError(f"no person with id {person_id}")
            for table in (t.trainer_cohorts, t.sessions, t.answers, t.logbook, t.signals):
                rows[table.name] = _rows(conn, table, table.c.person_id == person_id)
            groups = select(t.groups.c.id).where(t.groups.c.cohort_id == rows["people"][0]["cohort_id"])
            for table in ITEM_TABLES:
                authored = _rows(conn, table, table.c.person_id == person_id)
                others = _rows(conn, table, and_(table.c.group_id.in_(groups), table.c.person_id != person_id)) \
                    if person_fields else []
                named = [row for row in others if _names(row["data"], person_id, person_fields)]
                rows[table.name] = sorted(authored + named, key=lambda row: row["id"])
            rows["audit"] = _rows(conn, t.audit, or_(a.actor_person_id == person_id,
                                                     and_(a.object_type == "person", a.object_id == person_id)))
        return rows
