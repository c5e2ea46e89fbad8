"""Removing a named stakeholder or resident from every version of a cohort's texts (AVG, on request); the data of
``wijwerken privacy forget-name`` and of the trainer page's "Een naam verwijderen". See ``docs/privacy.md``.

The store is append-only, so a name typed once lives on in every later version of that text. :meth:`ForgetStore.
forget_name` rewrites, in one transaction, every version that holds the name — the cohort's groups' items (map,
conversations, Dag 4 work), the answers and the logboek of the cohort's people — replacing each occurrence in every
string of the JSON (dict values and list items, never keys: those are field names) with a replacement text the
caller gives (the store reads no YAML). Matching (:func:`name_pattern`) ignores case, invisible characters and the
Unicode form (NFC), takes any run of whitespace for a space, and matches whole names only: never inside a word.

A trainer must not learn anything about privé logboek entries (nor the logboek's unsaved draft, an answer): with
``count_private=False`` they are left out of the counts (so are privé versions of an entry shared later, and removed
entries: what a trainer cannot read), but :meth:`~ForgetStore.forget_name` still rewrites them —
a removal on request has to reach every version, and a count the trainer never sees reveals nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, select

from wijwerken_widgets.core import server_log
from wijwerken_widgets.core.text import DIRECTION_CONTROLS, JOINERS, ZERO_WIDTH, for_comparison
from wijwerken_widgets.store import schema as t
from wijwerken_widgets.store.audit import audit_values
from wijwerken_widgets.store.base import StoreBase, utc_now
from wijwerken_widgets.store.personal import ITEM_TABLES
from wijwerken_widgets.store.signals import PRIVATE_ANSWER_PREFIX

MIN_NAME_LETTERS = 3
"""A shorter name ("Jo", "A.") would match too much ordinary text: refused."""
SEARCHED_TABLES = (*ITEM_TABLES, t.answers, t.logbook)
"""Where a name is looked for (the cohort's groups' items, its people's answers and logboek), in this order."""
_HIDDEN = "[" + re.escape("".join(sorted(DIRECTION_CONTROLS | ZERO_WIDTH | JOINERS | {"\x00"}))) + "]*"
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"


@dataclass(frozen=True)
class NameUse:
    """Where a name occurs: ``versions`` stored versions of ``items`` items (answers, logboek entries) of one kind
    (an item kind; for ``answers`` the key's page, e.g. ``dag1``; for ``logbook`` ``logboek``) in one table, of one
    group (``None``: people without a group, e.g. a trainer)."""

    table: str
    kind: str
    group_id: int | None
    items: int
    versions: int


def normalized_name(name: str) -> str:
    """``name`` as it is matched: NFC, without invisible characters, whitespace runs as one space."""
    return " ".join(for_comparison(unicodedata.normalize("NFC", name)).split())


def name_pattern(name: str, replacement: str = "") -> re.Pattern[str]:
    """The pattern of ``name`` (see the module); ``ValueError`` for a name with fewer than
    :data:`MIN_NAME_LETTERS` letters or digits, or one found in ``replacement`` (it would never be gone)."""
    name = normalized_name(name)
    if sum(ch.isalnum() for ch in name) < MIN_NAME_LETTERS:
        raise ValueError(f"a name to remove needs at least {MIN_NAME_LETTERS} letters")
    parts = [r"\s+" if ch == " " else re.escape(ch) for ch in name]
    pattern = re.compile(rf"(?<![\w{_COMBINING}])" + _HIDDEN.join(parts) + rf"(?![\w{_COMBINING}])",
                         re.IGNORECASE)
    if pattern.search(unicodedata.normalize("NFC", replacement)):
        raise ValueError("the name occurs in its own replacement")
    return pattern


def _rewritten_text(text: str, pattern: re.Pattern[str], replacement: str) -> str:
    """``text`` with every occurrence replaced; ``text`` itself (same object) when there is none."""
    nfc = unicodedata.normalize("NFC", text)
    new = pattern.sub(lambda _: replacement, nfc)
    return text if new == nfc else new


def rewritten(value: Any, pattern: re.Pattern[str], replacement: str) -> Any:
    """``value`` (JSON) with every string in it rewritten; ``value`` itself when nothing matched."""
    if isinstance(value, str):
        return _rewritten_text(value, pattern, replacement)
    if isinstance(value, dict):
        new = {k: rewritten(v, pattern, replacement) for k, v in value.items()}
        return value if all(new[k] is value[k] for k in value) else new
    if isinstance(value, list):
        items = [rewritten(v, pattern, replacement) for v in value]
        return value if all(a is b for a, b in zip(items, value)) else items
    return value


class ForgetStore(StoreBase):
    """Methods of :class:`~wijwerken_widgets.store.api.Store` for removing a name (one of its bases)."""

    def name_uses(self, cohort_id: int, name: str, *, count_private: bool = True) -> list[NameUse]:
        """Where ``name`` occurs in the cohort (see :class:`NameUse`); ``count_private=False``: only what a trainer
        may see (no privé logboek entry, no logboek draft). Nothing changes. ``ValueError`` for a refused name."""
        pattern = name_pattern(name)
        with self._read() as conn, conn.begin():
            return _forget(conn, cohort_id, pattern, None, count_private=count_private)

    def forget_name(self, cohort_id: int, name: str, replacement: str, *, count_private: bool = True,
                    origin: str = "cli", actor_id: int | None = None) -> list[NameUse]:
        """Replace ``name`` with ``replacement`` in every version of the cohort's texts (see the module), in one
        transaction with one ``name_remove`` audit line (the cohort; never the name). Privé logboek entries are
        rewritten too; ``count_private`` only decides whether the counts returned include them."""
        pattern = name_pattern(name, replacement)
        with self._write() as conn:
            uses = _forget(conn, cohort_id, pattern, replacement, count_private=count_private, actor_id=actor_id)
            values, line = audit_values("name_remove", "cohort", cohort_id, origin=origin, actor_id=actor_id,
                                        cohort_id=cohort_id)
            server_log.audit_line(line)
            conn.execute(t.audit.insert().values(**values))
        return uses


def _new_versions(conn: Connection, table: Table, changed: list[int], actor_id: int | None) -> None:
    """One more version of each item whose latest version was rewritten, the same as it: open pages see the change
    (the group's revision moves) and a save based on the old version is stale (``StaleItems``), so the name does not
    come back unnoticed. Its author is the trainer who removed the name, else the latest version's author."""
    c = table.c
    rows = conn.execute(select(table).where(c.id.in_(changed))).all()
    for row in rows:
        newest = conn.execute(select(func.max(c.version)).where(
            c.group_id == row.group_id, c.kind == row.kind, c.item_id == row.item_id)).scalar_one()
        if row.version != newest:
            continue
        conn.execute(table.insert().values(
            group_id=row.group_id, kind=row.kind, item_id=row.item_id, version=row.version + 1, data=row.data,
            deleted=row.deleted, person_id=actor_id if actor_id is not None else row.person_id, client_id="privacy",
            changed_at=utc_now(), request_id=None))


def _forget(conn: Connection, cohort_id: int, pattern: re.Pattern[str], replacement: str | None, *,
            count_private: bool, actor_id: int | None = None) -> list[NameUse]:
    """Count (and, with a ``replacement``, rewrite) the versions holding ``pattern``; see :class:`NameUse`."""
    writing = replacement is not None
    if conn.execute(select(t.cohorts.c.id).where(t.cohorts.c.id == cohort_id)).first() is None:
        raise LookupError(f"no cohort with id {cohort_id}")
    g, p = t.groups.c, t.people.c
    groups_query = select(g.id).where(g.cohort_id == cohort_id).order_by(g.id)
    people_query = select(p.id, p.group_id).where(p.cohort_id == cohort_id).order_by(p.id)
    if writing:  # no save of the cohort's groups or people slips in between reading and rewriting (PostgreSQL)
        groups_query, people_query = groups_query.with_for_update(), people_query.with_for_update()
    groups = list(conn.execute(groups_query).scalars())
    group_of = {row.id: row.group_id for row in conn.execute(people_query)}
    found: dict[tuple[str, str, int | None], list[Any]] = defaultdict(list)  # (table, kind, group) → item keys

    def visit(table: Table, column: str, rows: Any, where: Any) -> list[int]:
        changed = []
        for row in rows:
            data = row._mapping[column]
            new = rewritten(data, pattern, replacement or "")
            if new is data:
                continue
            table_name, kind, group, item = where(row)
            if kind is not None:
                found[(table_name, kind, group)].append(item)
            changed.append(row.id)
            if writing:
                conn.execute(table.update().where(table.c.id == row.id).values({column: new}))
        return changed

    for table in ITEM_TABLES:
        c = table.c
        items = conn.execute(select(c.id, c.group_id, c.kind, c.item_id, c.data).where(c.group_id.in_(groups))
                             .order_by(c.id)).all()
        changed = visit(table, "data", items, lambda r, name=table.name: (name, r.kind, r.group_id, r.item_id))
        if writing and changed:
            _new_versions(conn, table, changed, actor_id)
    a = t.answers.c
    answers = conn.execute(select(a.id, a.person_id, a.key, a.value).where(a.person_id.in_(group_of))
                           .order_by(a.id)).all()
    visit(t.answers, "value", answers, lambda r: ("answers", None if not count_private and r.key.startswith(
        PRIVATE_ANSWER_PREFIX) else r.key.split(".")[0], group_of[r.person_id], (r.person_id, r.key)))
    lb = t.logbook.c
    entries = conn.execute(select(lb.id, lb.person_id, lb.entry_id, lb.version, lb.sharing, lb.deleted, lb.text)
                           .where(lb.person_id.in_(group_of)).order_by(lb.id)).all()
    latest: dict[tuple[int, str], Any] = {}
    for r in entries:
        if (r.person_id, r.entry_id) not in latest or r.version > latest[r.person_id, r.entry_id].version:
            latest[r.person_id, r.entry_id] = r

    def seen(r: Any) -> bool:
        """Whether a trainer reads this version: a shared entry (decided by its latest version, as
        ``store/logbook.py`` does) that is not removed, and the version itself was not privé."""
        last = latest[r.person_id, r.entry_id]
        return last.sharing != "prive" and not last.deleted and r.sharing != "prive"

    visit(t.logbook, "text", entries, lambda r: ("logbook", "logboek" if count_private or seen(r) else None,
                                                 group_of[r.person_id], (r.person_id, r.entry_id)))
    order = [table.name for table in SEARCHED_TABLES]
    return [NameUse(table, kind, group, len(set(items)), len(items))
            for (table, kind, group), items in sorted(found.items(), key=lambda kv: (
                order.index(kv[0][0]), kv[0][2] is None, kv[0][2] or 0, kv[0][1]))]
