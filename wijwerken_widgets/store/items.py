"""A group's shared, versioned items, never overwritten: the Dag 2 map, the Dag 3 conversations, Dag 4's work.

An item (a stakeholder, a conversation plan, a quote …) has a stable ``item_id``; every change appends version
``n + 1`` with who made it. The current state is the latest version of every item; a removal is a version with
``deleted`` set, so a restore is just one more version. Saves carry the version the editor started from and are
compare-and-set: when someone else saved the item in between, nothing of the save is written and
:class:`StaleItems` says which items are newer (the caller reloads, merges and tries again; see
``ui/group_session.py``). Layout kinds (``last_write_wins``, map positions) and new items are never stale.

Items live in a *space*, one table each: ``"map"`` (stakeholders, relations, node positions),
``"gesprekken"`` (conversation plans and reports, quotes, role-play trios and feedback) and ``"act"`` (Dag 4:
themes, quote-theme links, votes, responses, actions).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Table, func, select

from wijwerken_widgets.store import schema as t
from wijwerken_widgets.store.base import StoreBase, as_record, lock_writable, storable, utc_now

Space = Literal["map", "gesprekken", "act"]


@dataclass(frozen=True)
class _SpaceInfo:
    table: Table
    kinds: tuple[str, ...]
    last_write_wins: tuple[str, ...] = ()
    """Kinds that never conflict (layout, not content)."""


SPACES: dict[str, _SpaceInfo] = {
    "map": _SpaceInfo(t.map_items, t.MAP_KINDS, ("position",)),
    "gesprekken": _SpaceInfo(t.conversation_items, t.CONVERSATION_KINDS),
    "act": _SpaceInfo(t.act_items, t.ACT_KINDS),
}


@dataclass(frozen=True)
class GroupItem:
    id: int
    group_id: int
    kind: str
    item_id: str
    version: int
    data: dict[str, Any]
    deleted: bool
    person_id: int
    client_id: str
    changed_at: datetime
    request_id: str | None = None


@dataclass(frozen=True)
class ItemChange:
    """One change to save: ``base_version`` is the version the editor saw (``None`` for a new item)."""

    kind: str
    item_id: str
    data: dict[str, Any]
    base_version: int | None = None
    deleted: bool = False


@dataclass(frozen=True)
class ItemSaveResult:
    """The saved version; ``conflict`` is a groupmate's version whose edits overlapped (set by a merging caller)."""

    item: GroupItem
    conflict: GroupItem | None = None


class StaleItems(Exception):
    """A save was made from an older version than the latest of some items; nothing of it was written.

    ``current`` holds the latest version of each stale item."""

    def __init__(self, current: list[GroupItem]) -> None:
        super().__init__(", ".join(f"{i.kind}:{i.item_id} is at version {i.version}" for i in current))
        self.current = current


class ItemStore(StoreBase):
    """Methods of :class:`~wijwerken_widgets.store.api.Store` for a group's shared items (one of its bases)."""

    def items(self, space: Space, group_id: int) -> list[GroupItem]:
        """The latest version of every item of the group in ``space``, removed ones included, oldest item first."""
        table = SPACES[space].table
        c = table.c
        latest = select(func.max(c.id)).where(c.group_id == group_id).group_by(c.kind, c.item_id)
        return self._all(GroupItem, select(table).where(c.id.in_(latest)).order_by(c.id))

    def items_since(self, space: Space, group_id: int, after_id: int) -> list[GroupItem]:
        """Every version saved in ``space`` for the group after row ``after_id``, oldest first."""
        table = SPACES[space].table
        c = table.c
        return self._all(GroupItem, select(table).where(c.group_id == group_id, c.id > after_id).order_by(c.id))

    def items_revision(self, space: Space, group_id: int) -> int:
        """A number that grows with every change of the group in ``space`` (0 when empty): cheap to poll."""
        table = SPACES[space].table
        with self._read() as conn:
            value = conn.execute(select(func.max(table.c.id)).where(table.c.group_id == group_id))
            return value.scalar() or 0

    def items_history(
        self,
        space: Space,
        group_id: int,
        *,
        kind: str | Sequence[str] | None = None,
        item_id: str | None = None,
        limit: int = 100,
    ) -> list[GroupItem]:
        """Versions of the group's items in ``space``, newest first (optionally of some kinds, or one item)."""
        table = SPACES[space].table
        c = table.c
        stmt = select(table).where(c.group_id == group_id)
        if kind is not None:
            stmt = stmt.where(c.kind.in_([kind] if isinstance(kind, str) else list(kind)))
        if item_id is not None:
            stmt = stmt.where(c.item_id == item_id)
        return self._all(GroupItem, stmt.order_by(c.id.desc()).limit(limit))

    def save_items(
        self,
        space: Space,
        group_id: int,
        changes: Sequence[ItemChange],
        *,
        person_id: int,
        client_id: str,
        request_id: str | None = None,
    ) -> list[ItemSaveResult]:
        """Append a version for every change, all in one transaction.

        Raises :class:`StaleItems` (and writes nothing) when a change's ``base_version`` is not its item's latest
        version, except for ``last_write_wins`` kinds and a new item (``base_version`` ``None``, no version yet).
        A ``request_id`` already stored for the group (a retry of a save that did commit) returns the versions that
        save wrote and writes nothing; it is checked before staleness, as the retry's base is older than its own save.
        """
        info = SPACES[space]
        for change in changes:
            if change.kind not in info.kinds:
                raise ValueError(f"kind must be one of {info.kinds}, not {change.kind!r}")
        changes = [replace(change, data=storable(change.data)) for change in changes]
        c = info.table.c
        results = []
        with self._write("save") as conn:
            lock_writable(conn, t.groups, group_id)  # one writer per group at a time
            if request_id is not None:
                done = conn.execute(
                    select(info.table).where(c.group_id == group_id, c.request_id == request_id).order_by(c.id)
                ).all()
                if done:
                    return [ItemSaveResult(as_record(GroupItem, row), None) for row in done]
            now = utc_now()
            latest = {}
            for change in changes:
                latest[change.kind, change.item_id] = conn.execute(
                    select(info.table)
                    .where(c.group_id == group_id, c.kind == change.kind, c.item_id == change.item_id)
                    .order_by(c.version.desc())
                    .limit(1)
                ).first()
            stale = [as_record(GroupItem, row) for change in changes
                     if (row := latest[change.kind, change.item_id]) is not None
                     and change.kind not in info.last_write_wins and row.version != change.base_version]
            if stale:
                raise StaleItems(stale)  # rolls the transaction back: nothing was written
            for change in changes:
                before = latest[change.kind, change.item_id]
                row = conn.execute(
                    info.table.insert()
                    .values(
                        group_id=group_id,
                        kind=change.kind,
                        item_id=change.item_id,
                        version=1 if before is None else before.version + 1,
                        data=change.data,
                        deleted=change.deleted,
                        person_id=person_id,
                        client_id=client_id,
                        changed_at=now,
                        request_id=request_id,
                    )
                    .returning(*info.table.c)
                ).one()
                latest[change.kind, change.item_id] = row
                results.append(ItemSaveResult(as_record(GroupItem, row)))
        return results
