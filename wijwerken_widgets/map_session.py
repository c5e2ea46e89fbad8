"""The group's shared stakeholder map as this kernel sees it: loaded from the store, saved back, kept fresh.

Every Dag 2 widget reads the map from one :class:`MapSession` and changes it only through it; after each change
(own or, found by polling, someone else's) the session calls its listeners, which redraw. Data flows one way:
widget → store → session → views.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from .context import Context
from .stakeholders.model import Relation, Stakeholder, StakeholderMap
from .store import MapChange, MapItem, MapSaveResult

log = logging.getLogger("wijwerken")
POLL_SECONDS = 3.0
Listener = Callable[["MapSession"], None]


@dataclass(frozen=True)
class Conflict:
    """Someone else changed a stakeholder or relation while this participant edited it."""

    mine: MapItem
    theirs: MapItem
    their_name: str


class MapSession:
    """One group's map in one kernel. Raises ``StoreUnavailable`` from saves; polling swallows it and retries."""

    def __init__(self, ctx: Context, *, poll_seconds: float | None = POLL_SECONDS) -> None:
        if ctx.group is None:
            raise ValueError("a stakeholder map belongs to a group")
        self.ctx = ctx
        self.group_id = ctx.group.id
        self.items: dict[tuple[str, str], MapItem] = {}
        self.revision = -1
        self.map = StakeholderMap()
        self._names: dict[int, str] = {}
        self._parsed: dict[int, object] = {}  # map item row id → Stakeholder, Relation or position
        self._listeners: list[Listener] = []
        self._poll_seconds = poll_seconds
        self._poll_handle: asyncio.TimerHandle | None = None
        self.reload()
        self._schedule_poll()

    # -- reading ---------------------------------------------------------------------------------------------
    def on_change(self, listener: Listener, *, first: bool = False) -> None:
        """Call ``listener(session)`` after every change to the map, own or found by polling.

        ``first``: before the others (the graph, so the browser starts drawing while the rest is computed).
        """
        if first:
            self._listeners.insert(0, listener)
        else:
            self._listeners.append(listener)

    def reload(self) -> bool:
        """Take in the changes this kernel has not seen (all of the map the first time); returns whether any."""
        if self.revision < 0:
            items = self.ctx.store.map_items(self.group_id)
        else:
            if self.ctx.store.map_revision(self.group_id) == self.revision:
                return False
            items = self.ctx.store.map_changes_since(self.group_id, self.revision)
        if not items and self.revision >= 0:
            return False
        for item in items:
            self.items[(item.kind, item.item_id)] = item
        self.revision = max([self.revision, 0, *(i.id for i in items)])
        self._rebuild()
        return True

    def version(self, kind: str, item_id: str) -> int | None:
        item = self.items.get((kind, item_id))
        return None if item is None else item.version

    def author(self, person_id: int) -> str:
        """The name of a participant of this cohort (for "gewijzigd door …")."""
        if person_id not in self._names and self.ctx.cohort is not None:
            self._names = {p.id: p.name for p in self.ctx.store.people(self.ctx.cohort.id)}
        return self._names.get(person_id, "iemand")

    def removed_stakeholders(self) -> list[tuple[Stakeholder, MapItem]]:
        """Stakeholders whose latest version is a removal, most recently removed first."""
        removed = [i for i in self.items.values() if i.kind == "stakeholder" and i.deleted]
        removed.sort(key=lambda i: i.id, reverse=True)
        return [(Stakeholder.from_data(i.item_id, i.data), i) for i in removed]

    def history(self, limit: int = 30) -> list[MapItem]:
        """The latest changes to stakeholders and relations (positions left out), newest first."""
        return self.ctx.store.map_history(self.group_id, kind=("stakeholder", "relation"), limit=limit)

    # -- writing ---------------------------------------------------------------------------------------------
    def add(self, stakeholders: Iterable[Stakeholder], relations: Iterable[Relation] = ()) -> None:
        """Add or update stakeholders and relations in one save; new stakeholders get a place on the map."""
        from .stakeholders import graph_html

        stakeholders, relations = list(stakeholders), list(relations)
        changes = [self._change("stakeholder", s.id, s.data()) for s in stakeholders]
        changes += [self._change("relation", r.id, r.data()) for r in relations]
        known = dict(self.map.positions)
        merged = {s.id: s for s in [*self.map.stakeholders, *stakeholders]}
        upcoming = StakeholderMap.build(merged.values(), [*self.map.relations, *relations], known)
        placed = {}
        if len(known) < len(upcoming):
            # A first big import gets a proper layout; later additions a quick place that moves nobody else.
            fresh = len(known) < len(upcoming) // 2
            placed = graph_html.layout(upcoming, fixed=known) if fresh else graph_html.place_new(upcoming, known)
        changes += [MapChange("position", i, {"x": x, "y": y}) for i, (x, y) in placed.items() if i not in known]
        self.save(changes)

    def update(self, stakeholder: Stakeholder, base_version: int | None) -> Conflict | None:
        """Save an edit made from ``base_version``; returns the other person's change when there was one."""
        [result] = self.save([MapChange("stakeholder", stakeholder.id, stakeholder.data(), base_version)])
        return self._conflict(result)

    def remove(self, kind: str, item_id: str) -> None:
        """Mark a stakeholder or relation removed (restorable); a stakeholder's relations hide with it."""
        item = self.items[(kind, item_id)]
        self.save([MapChange(kind, item_id, item.data, item.version, deleted=True)])

    def restore(self, item_id: str) -> None:
        """Bring a removed stakeholder back with its last data (and its relations and place)."""
        item = self.items[("stakeholder", item_id)]
        self.save([MapChange("stakeholder", item_id, item.data, item.version)])

    def move(self, positions: Mapping[str, tuple[float, float]]) -> None:
        """Keep where the group dragged nodes to (last drag wins)."""
        live = self.map.by_id()
        changes = [MapChange("position", i, {"x": float(x), "y": float(y)}) for i, (x, y) in positions.items()
                   if i in live]
        if changes:
            self.save(changes)

    def save(self, changes: list[MapChange]) -> list[MapSaveResult]:
        """Store ``changes`` (one transaction), take them into this kernel's map, notify the listeners."""
        if not changes:
            return []
        results = self.ctx.store.save_map_changes(
            self.group_id, changes, person_id=self.ctx.person.id, client_id=self.ctx.client_id
        )
        # Fetch from where this kernel was: brings ours and anyone else's that landed in between, in order.
        if not self.reload():
            for result in results:
                self.items[(result.item.kind, result.item.item_id)] = result.item
            self._rebuild()
        return results

    def _change(self, kind: str, item_id: str, data: dict) -> MapChange:
        return MapChange(kind, item_id, data, self.version(kind, item_id))

    def _conflict(self, result: MapSaveResult) -> Conflict | None:
        if result.conflict is None:
            return None
        return Conflict(result.item, result.conflict, self.author(result.conflict.person_id))

    # -- plumbing --------------------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        stakeholders, relations, positions = [], [], {}
        parsed = {}
        for item in self.items.values():
            if item.deleted:
                continue
            value = self._parsed.get(item.id) or self._parse(item)
            if value is None:
                continue
            parsed[item.id] = value
            if item.kind == "stakeholder":
                stakeholders.append(value)
            elif item.kind == "relation":
                relations.append(value)
            else:
                positions[item.item_id] = value
        self._parsed = parsed
        self.map = StakeholderMap.build(stakeholders, relations, positions)
        for listener in list(self._listeners):
            listener(self)

    def _parse(self, item: MapItem):
        try:
            if item.kind == "stakeholder":
                return Stakeholder.from_data(item.item_id, item.data)
            if item.kind == "relation":
                return Relation.from_data(item.item_id, item.data)
            return (float(item.data["x"]), float(item.data["y"]))
        except (ValueError, KeyError, TypeError):
            log.warning("map item %s of group %s is unreadable; left out", item.id, self.group_id)
            return None

    def _schedule_poll(self) -> None:
        from .autosave import _running_loop

        loop = _running_loop()
        if loop is not None and self._poll_seconds:
            self._poll_handle = loop.call_later(self._poll_seconds, self._poll)

    def _poll(self) -> None:
        from .store import StoreUnavailable

        try:
            self.reload()
        except StoreUnavailable:
            log.warning("polling the map of group %s failed; trying again", self.group_id)
        except Exception:
            log.exception("polling the map of group %s failed", self.group_id)
        finally:
            self._schedule_poll()
