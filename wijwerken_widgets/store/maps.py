"""The store's part for a group's shared stakeholder map: versioned items, never overwritten.

An item (a stakeholder, a relation, or a node position) has a stable ``item_id``; every change appends version
``n + 1`` with who made it. The current map is the latest version of every item; a removal is a version with
``deleted`` set, so a restore is just one more version. Saves carry the version the editor started from: when
someone else saved in between, the save still lands (both versions stay in the history) and the caller gets the
other version back as ``conflict`` to show. Positions are layout, not content: last drag wins, no conflicts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from . import schema as t

if TYPE_CHECKING:
    from .api import Store


@dataclass(frozen=True)
class MapItem:
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


@dataclass(frozen=True)
class MapChange:
    """One change to save: ``base_version`` is the version the editor saw (``None`` for a new item)."""

    kind: str
    item_id: str
    data: dict[str, Any]
    base_version: int | None = None
    deleted: bool = False


@dataclass(frozen=True)
class MapSaveResult:
    item: MapItem
    conflict: MapItem | None


class MapStore:
    """Methods of :class:`~wijwerken_widgets.store.api.Store` for group maps (mixed into it)."""

    def map_items(self: Store, group_id: int) -> list[MapItem]:
        """The latest version of every item of the group's map, removed ones included, oldest item first."""
        m = t.map_items.c
        latest = select(func.max(m.id)).where(m.group_id == group_id).group_by(m.kind, m.item_id)
        return self._all(MapItem, select(t.map_items).where(m.id.in_(latest)).order_by(m.id))

    def map_changes_since(self: Store, group_id: int, after_id: int) -> list[MapItem]:
        """Every version saved to the group's map after row ``after_id``, oldest first (for incremental reloads)."""
        m = t.map_items.c
        return self._all(MapItem, select(t.map_items).where(m.group_id == group_id, m.id > after_id).order_by(m.id))

    def map_revision(self: Store, group_id: int) -> int:
        """A number that grows with every change to the group's map (0 for an empty map): cheap to poll."""
        with self._read() as conn:
            value = conn.execute(select(func.max(t.map_items.c.id)).where(t.map_items.c.group_id == group_id))
            return value.scalar() or 0

    def map_history(
        self: Store,
        group_id: int,
        *,
        kind: str | Sequence[str] | None = None,
        item_id: str | None = None,
        limit: int = 100,
    ) -> list[MapItem]:
        """Versions of the group's map items, newest first (optionally of one kind, several kinds, or one item)."""
        m = t.map_items.c
        stmt = select(t.map_items).where(m.group_id == group_id)
        if kind is not None:
            stmt = stmt.where(m.kind.in_([kind] if isinstance(kind, str) else list(kind)))
        if item_id is not None:
            stmt = stmt.where(m.item_id == item_id)
        return self._all(MapItem, stmt.order_by(m.id.desc()).limit(limit))

    def save_map_changes(
        self: Store, group_id: int, changes: Sequence[MapChange], *, person_id: int, client_id: str
    ) -> list[MapSaveResult]:
        """Append a version for every change, all in one transaction; report conflicts per change."""
        from .api import _as, _now

        for change in changes:
            if change.kind not in t.MAP_KINDS:
                raise ValueError(f"kind must be one of {t.MAP_KINDS}, not {change.kind!r}")
            json.dumps(change.data, allow_nan=False)
        m = t.map_items.c
        results = []
        with self._write("save") as conn:
            # One writer per group at a time (SQLite: BEGIN IMMEDIATE; PostgreSQL: the group's row lock).
            locked = select(t.groups.c.id).where(t.groups.c.id == group_id).with_for_update()
            if conn.execute(locked).first() is None:
                raise LookupError(f"no group with id {group_id}")
            now = _now()
            for change in changes:
                latest = conn.execute(
                    select(t.map_items)
                    .where(m.group_id == group_id, m.kind == change.kind, m.item_id == change.item_id)
                    .order_by(m.version.desc())
                    .limit(1)
                ).first()
                row = conn.execute(
                    t.map_items.insert()
                    .values(
                        group_id=group_id,
                        kind=change.kind,
                        item_id=change.item_id,
                        version=1 if latest is None else latest.version + 1,
                        data=change.data,
                        deleted=change.deleted,
                        person_id=person_id,
                        client_id=client_id,
                        changed_at=now,
                    )
                    .returning(*t.map_items.c)
                ).one()
                clash = (
                    latest is not None
                    and change.kind != "position"
                    and latest.version != change.base_version
                    and (latest.person_id, latest.client_id) != (person_id, client_id)
                )
                results.append(MapSaveResult(_as(MapItem, row), _as(MapItem, latest) if clash else None))
        return results
