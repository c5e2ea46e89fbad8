"""Erasure of one person (AVG: right to erasure), the data of ``wijwerken privacy erase``; see ``docs/privacy.md``.

In one transaction: the person's answers, logboek entries, sessions, signals and trainer assignments go (every
version). In their group's shared items (map, conversations, Dag 4 work) every text they typed (the fields
:data:`FreeText` names) becomes a placeholder, in every version that holds it: the version they wrote and later
versions that carried it on until a groupmate changed it. The versions they wrote are re-pointed to the cohort's
tombstone person ("verwijderde deelnemer", made on demand, no code that logs in), and so is every person id naming
them in an item's data (``person_fields``), so their groupmates' work keeps loading with its structure (ids,
links, choices, positions). The person's row stays (its id is in the audit trail and must never be reused) but
holds no name, functie, user name, group or code hash any more; their entry in the cohort's settings goes. One
``erase`` audit line, ids only.

Which tables hold the person's rows is :mod:`~wijwerken_widgets.store.personal`'s knowledge (the export's): every
table of :data:`~wijwerken_widgets.store.personal.PERSON_TABLES` is handled here, a test holds the two together.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select

from wijwerken_widgets.core import server_log
from wijwerken_widgets.store import schema as t
from wijwerken_widgets.store.audit import audit_values
from wijwerken_widgets.store.base import StoreBase, guard, utc_now
from wijwerken_widgets.store.personal import ITEM_TABLES, _names

TOMBSTONE_NAME = "verwijderde deelnemer"
"""The name of an erased person's row and of the cohort's tombstone person."""
ERASED_CODE_PREFIX = "erased:"
TOMBSTONE_CODE_PREFIX = "tombstone:"
"""The start of the code hash of an erased person and of a tombstone: no code hashes to it (``people.codes`` hashes
are hex), followed by random hex, so it is unique and logs nobody in."""
DELETED_TABLES = (t.answers, t.logbook, t.sessions, t.signals, t.trainer_cohorts)
"""The tables whose rows of the person are deleted, every version."""
ERASED_TABLES = ("people", *(table.name for table in DELETED_TABLES), *(table.name for table in ITEM_TABLES),
                 "cohorts", "audit")
"""Every table erasure looks at: ``cohorts`` for the person's entry in the settings, ``audit`` for its own line
(the older lines about the person hold ids only and stay)."""


FreeText = Mapping[tuple[str, str], Sequence[str]]
"""(item table name, kind) → the data fields that hold typed text (see :func:`free_text_fields`)."""
Path = tuple[str, ...]


def free_text_fields(kinds: Iterable[tuple[str, str, Sequence[str]]]) -> dict[tuple[str, str], tuple[str, ...]]:
    """:data:`FreeText` from (space, kind, fields) of the pages' registries (``core.keys.ItemKind.free_text``)."""
    from wijwerken_widgets.store.items import SPACES

    return {(SPACES[space].table.name, kind): tuple(fields) for space, kind, fields in kinds if fields}


def _paths(data: Any, field: str) -> list[Path]:
    """The concrete paths of a field name in ``data``: ``a.*.b`` is ``b`` in every value of mapping ``a``."""
    if not isinstance(data, dict):
        return []
    head, _, rest = field.partition(".")
    if not rest:
        return [(head,)] if head in data else []
    if not rest.startswith("*."):
        return [(head, *p) for p in _paths(data.get(head), rest)]
    inner = data.get(head)
    return [(head, key, *p) for key, value in inner.items() for p in _paths(value, rest[2:])] \
        if isinstance(inner, dict) else []


def _at(data: Any, path: Path) -> Any:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _typed(value: Any) -> bool:
    return bool(value.strip()) if isinstance(value, str) else \
        isinstance(value, list) and any(isinstance(v, str) and v.strip() for v in value)


def _with_their_texts(rows: Sequence[Any], person_id: int, kinds: Mapping[str, Sequence[str]],
                      ) -> Iterator[tuple[Any, list[Path]]]:
    """Each row (versions of one item in order) with the paths of its free text that ``person_id`` wrote: a value
    they typed, and the same value carried on in later versions, until someone else changes it."""
    writer: dict[tuple[Any, ...], int] = {}
    previous: dict[tuple[Any, ...], Any] = {}
    for row in rows:
        theirs = []
        for field in kinds.get(row.kind, ()):
            for path in _paths(row.data, field):
                key = (row.group_id, row.kind, row.item_id, *path)
                value = _at(row.data, path)
                if key not in previous or previous[key] != value:
                    writer[key], previous[key] = row.person_id, value
                if writer[key] == person_id and _typed(value):
                    theirs.append(path)
        yield row, theirs


def _blanked(data: Any, paths: Sequence[Path], placeholder: str) -> Any:
    """``data`` with the text at each path replaced by ``placeholder`` (a list of texts by one placeholder)."""
    if not paths:
        return data
    copy = json.loads(json.dumps(data))
    for path in paths:
        parent = _at(copy, path[:-1])
        parent[path[-1]] = [placeholder] if isinstance(parent[path[-1]], list) else placeholder
    return copy


def _unusable_code(prefix: str) -> str:
    return prefix + secrets.token_hex(16)


def _scrubbed(data: Any, old: int, new: int, fields: Collection[str]) -> Any:
    """``data`` with every reference to person ``old`` in ``fields`` (an id, a digit string, or a list of those)
    replaced by ``new`` (in the same form); ``data`` itself when nothing names ``old``."""
    if not isinstance(data, dict):
        return data

    def swap(value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and value == old:
            return new
        return str(new) if isinstance(value, str) and value.strip() == str(old) else value

    changed = {k: [swap(v) for v in data[k]] if isinstance(data[k], list) else swap(data[k]) for k in fields
               if k in data}
    return {**data, **changed} if any(changed[k] != data[k] for k in changed) else data


class ErasureStore(StoreBase):
    """Methods of :class:`~wijwerken_widgets.store.api.Store` for erasing one person (one of its bases)."""

    def erasure(self, person_id: int, *, person_fields: Collection[str] = (), free_text: FreeText | None = None,
                ) -> dict[str, int]:
        """What :meth:`erase_person` would change, per table (rows deleted, re-pointed or scrubbed); nothing
        changes. All zero: nothing to erase (already erased, or a tombstone)."""
        with self._read() as conn, conn.begin():
            return _erase(conn, person_id, person_fields, free_text or {}, "", apply=False)

    def erase_person(self, person_id: int, *, person_fields: Collection[str] = (), free_text: FreeText | None = None,
                     placeholder: str = "", origin: str = "cli") -> dict[str, int]:
        """Erase the person (see the module) in one transaction with its ``erase`` audit line; the counts as
        :meth:`erasure` gives them. ``free_text``: (table, kind) → the item data fields a participant types
        (:func:`free_text_fields`); what the person wrote there becomes ``placeholder``. Nothing to erase: nothing
        changes, no audit line."""
        with self._write() as conn:
            counts = _erase(conn, person_id, person_fields, free_text or {}, placeholder, apply=True, origin=origin)
        return counts

    def compact(self) -> None:
        """SQLite: rebuild the database file (``VACUUM``) and empty its write-ahead log, so pages freed by an
        erasure keep no old text. PostgreSQL: nothing (its ``VACUUM`` is the server's business)."""
        if self.engine.dialect.name != "sqlite":
            return
        with guard("write"):
            raw = self.engine.raw_connection()  # outside any transaction (the engine would BEGIN one)
            try:
                cursor = raw.cursor()
                cursor.execute("VACUUM")
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                cursor.close()
            finally:
                raw.close()


def _erase(conn: Connection, person_id: int, fields: Collection[str], free_text: FreeText, placeholder: str, *,
           apply: bool, origin: str = "cli") -> dict[str, int]:
    p = t.people.c
    query = select(t.people).where(p.id == person_id)
    person = conn.execute(query.with_for_update() if apply else query).first()
    if person is None:
        raise LookupError(f"no person with id {person_id}")
    counts = dict.fromkeys(ERASED_TABLES, 0)
    if person.code_hash.startswith(TOMBSTONE_CODE_PREFIX):
        return counts  # a tombstone holds nobody's data
    erased = person.code_hash.startswith(ERASED_CODE_PREFIX)  # then only rows a late save left (a kernel still open)
    counts["people"] = 0 if erased else 1
    for table in DELETED_TABLES:
        where = table.c.person_id == person_id
        counts[table.name] = len(conn.execute(select(table.c.person_id).where(where)).all())
        if apply:
            conn.execute(table.delete().where(where))
    tombstones: dict[int, int] = {}

    def tombstone(cohort_id: int) -> int:  # made only when an item needs it
        if cohort_id not in tombstones:
            tombstones[cohort_id] = _tombstone(conn, cohort_id) if apply else -1
        return tombstones[cohort_id]

    group_cohort = {row.id: row.cohort_id for row in conn.execute(select(t.groups.c.id, t.groups.c.cohort_id))}
    home_groups = [g for g, cohort in group_cohort.items() if cohort == person.cohort_id]
    for table in ITEM_TABLES:
        c = table.c
        rows = conn.execute(select(c.id, c.group_id, c.kind, c.item_id, c.person_id, c.data).where(
            c.group_id.in_(home_groups) | (c.person_id == person_id)).order_by(
            c.group_id, c.kind, c.item_id, c.version)).all()
        for row, texts in _with_their_texts(rows, person_id, {k: v for (n, k), v in free_text.items()
                                                              if n == table.name}):
            authored = row.person_id == person_id
            if not authored and not texts and not _names(row.data, person_id, fields):
                continue
            new = tombstone(group_cohort[row.group_id])
            counts[table.name] += 1
            if apply:
                data = _scrubbed(_blanked(row.data, texts, placeholder), person_id, new, fields)
                conn.execute(table.update().where(c.id == row.id).values(
                    data=data, person_id=new if authored else row.person_id))
    if not erased:
        counts["cohorts"] = _drop_from_settings(conn, person.cohort_id, person.name, apply=apply)
    if apply and not erased:
        conn.execute(t.people.update().where(p.id == person_id).values(
            name=TOMBSTONE_NAME, functie=None, hub_user=None, group_id=None,
            code_hash=_unusable_code(ERASED_CODE_PREFIX), removed_at=person.removed_at or utc_now()))
    if apply and any(counts.values()):
        values, line = audit_values("erase", "person", person_id, origin=origin, cohort_id=person.cohort_id)
        server_log.audit_line(line)
        conn.execute(t.audit.insert().values(**values))
        counts["audit"] = 1
    return counts


def _tombstone(conn: Connection, cohort_id: int) -> int:
    """The id of the cohort's tombstone person, made now when it has none."""
    p = t.people.c
    found = conn.execute(select(p.id).where(p.cohort_id == cohort_id, p.code_hash.startswith(
        TOMBSTONE_CODE_PREFIX)).order_by(p.id)).scalars().first()
    if found is not None:
        return int(found)
    now = utc_now()
    return int(conn.execute(t.people.insert().values(
        cohort_id=cohort_id, group_id=None, name=TOMBSTONE_NAME, role="deelnemer", functie=None, hub_user=None,
        code_hash=_unusable_code(TOMBSTONE_CODE_PREFIX), created_at=now, removed_at=now).returning(p.id)).scalar_one())


def _drop_from_settings(conn: Connection, cohort_id: int, name: str, *, apply: bool) -> int:
    """Take the person's entry (by name) out of the cohort settings' ``deelnemers`` and ``trainers``; 1 if there
    was one."""
    c = t.cohorts.c
    settings = conn.execute(select(c.settings).where(c.id == cohort_id)).scalar_one()
    if not isinstance(settings, dict):
        return 0
    key = " ".join(name.split()).casefold()
    changed = dict(settings)
    for section in ("deelnemers", "trainers"):
        entries = settings.get(section)
        if isinstance(entries, list):
            changed[section] = [e for e in entries if not (
                isinstance(e, dict) and " ".join(str(e.get("naam", "")).split()).casefold() == key)]
    if changed == settings:
        return 0
    if apply:
        conn.execute(t.cohorts.update().where(c.id == cohort_id).values(settings=changed))
    return 1
