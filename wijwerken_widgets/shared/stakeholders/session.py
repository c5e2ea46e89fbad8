"""The group's shared stakeholder map as this kernel sees it: loaded from the store, saved back, kept fresh.

Every Dag 2 widget reads the map from one :class:`MapSession` and changes it only through it (see
``group_session.py`` for loading, polling and saving); the session rebuilds the :class:`StakeholderMap` after each
change and then tells its listeners, which redraw.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import replace

from wijwerken_widgets.shared.groups import page_group
from wijwerken_widgets.shared.stakeholders.layout import layout, place_new
from wijwerken_widgets.shared.stakeholders.model import Relation, Stakeholder, StakeholderMap
from wijwerken_widgets.store import MapChange, MapItem, StaleItems
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.group_session import POLL_SECONDS, RETRIES, Conflict, GroupSession, merge

__all__ = ["Conflict", "MapSession", "page_map"]

log = logging.getLogger("wijwerken")


class MapSession(GroupSession["MapSession"]):
    """One group's map in one kernel. Raises ``StoreUnavailable`` from saves; polling swallows it and retries."""

    space = "map"

    def __init__(self, ctx: Context, *, poll_seconds: float | None = POLL_SECONDS) -> None:
        self.map = StakeholderMap()
        self._parsed: dict[int, object] = {}  # map item row id → Stakeholder, Relation or position
        super().__init__(ctx, poll_seconds=poll_seconds)

    # -- reading ---------------------------------------------------------------------------------------------
    def removed_stakeholders(self) -> list[tuple[Stakeholder, MapItem]]:
        """Stakeholders whose latest version is a removal, most recently removed first."""
        removed = [i for i in self.items.values() if i.kind == "stakeholder" and i.deleted]
        removed.sort(key=lambda i: i.id, reverse=True)
        return [(Stakeholder.from_data(i.item_id, i.data), i) for i in removed]

    def history(self, limit: int = 30) -> list[MapItem]:
        """The latest changes to stakeholders and relations (positions left out), newest first."""
        return self.ctx.store.map_history(self.group_id, kind=("stakeholder", "relation"), limit=limit)

    # -- writing ---------------------------------------------------------------------------------------------
    def add(self, stakeholders: Iterable[Stakeholder], relations: Iterable[Relation] = (), *,
            base: Mapping[str, Mapping[str, object]] | None = None) -> None:
        """Add or update stakeholders and relations in one save; new stakeholders get a place on the map.

        ``base`` (stakeholder id → its data when the table or import was made) makes an update a per-field change:
        a field left as it was takes a groupmate's newer value instead of writing the old one back. When a groupmate
        saved in between, the save is refused as stale and made again on top of their version."""
        stakeholders, relations = list(stakeholders), list(relations)
        for attempt in range(RETRIES + 1):
            try:
                self._add([self._on_top(s, base) for s in stakeholders], relations)
                return
            except StaleItems:
                if attempt == RETRIES:
                    raise

    def _on_top(self, stakeholder: Stakeholder, base: Mapping[str, Mapping[str, object]] | None) -> Stakeholder:
        """``stakeholder`` as an edit of ``base`` merged into the current version (fields both changed: mine)."""
        current = self.items.get(("stakeholder", stakeholder.id))
        if base is None or stakeholder.id not in base or current is None or current.deleted:
            return stakeholder
        data, _ = merge(base[stakeholder.id], stakeholder.data(), current.data)
        return Stakeholder.from_data(stakeholder.id, data)

    def _add(self, stakeholders: list[Stakeholder], relations: list[Relation]) -> None:
        changes = [self._change("stakeholder", s.id, s.data()) for s in stakeholders]
        changes += [self._change("relation", r.id, r.data()) for r in relations]
        known = dict(self.map.positions)
        merged = {s.id: s for s in [*self.map.stakeholders, *stakeholders]}
        upcoming = StakeholderMap.build(merged.values(), [*self.map.relations, *relations], known)
        placed = {}
        if len(known) < len(upcoming):
            # A first big import gets a proper layout; later additions a quick place that moves nobody else.
            fresh = len(known) < len(upcoming) // 2
            placed = layout(upcoming, fixed=known) if fresh else place_new(upcoming, known)
        changes += [MapChange("position", i, {"x": x, "y": y}) for i, (x, y) in placed.items() if i not in known]
        self.save(changes)

    def edit(self, stakeholder: Stakeholder, base_version: int | None,
             base: Stakeholder | None = None) -> Conflict | None:
        """Save an edit of a stakeholder that was ``base`` at ``base_version``; a groupmate's change in between is
        merged per field, and returned when they changed a field this edit changed too (this edit is kept)."""
        result = self.put("stakeholder", stakeholder.id, stakeholder.data(), base_version=base_version,
                          base_data=None if base is None else base.data())
        return self.conflict(result)

    def remove(self, kind: str, item_id: str) -> None:
        """Mark a stakeholder or relation removed (restorable); a stakeholder's relations hide with it."""
        self.update(kind, item_id, lambda item: None if item is None or item.deleted else item.data, deleted=True)

    def restore(self, item_id: str) -> None:
        """Bring a removed stakeholder back with its last data (and its relations and place)."""
        self.update("stakeholder", item_id, lambda item: item.data if item is not None and item.deleted else None)

    def move(self, positions: Mapping[str, tuple[float, float]]) -> None:
        """Keep where the group dragged nodes to (last drag wins)."""
        live = self.map.by_id()
        changes = [MapChange("position", i, {"x": float(x), "y": float(y)}) for i, (x, y) in positions.items()
                   if i in live]
        if changes:
            self.save(changes)

    def _change(self, kind: str, item_id: str, data: dict) -> MapChange:
        return MapChange(kind, item_id, data, self.version(kind, item_id))

    # -- plumbing --------------------------------------------------------------------------------------------
    def _changed(self) -> None:
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
        super()._changed()

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


def page_map(ctx: Context, *, poll_seconds: float | None = POLL_SECONDS) -> MapSession | None:
    """The page's map session (made once per page, shared by its sections), or ``None`` for someone in no group.

    A trainer sees the group chosen with ``?groep=<id>`` (see ``shared.groups``). ``poll_seconds=None`` reads the
    map once (pages where it rarely changes)."""
    if "map" not in ctx.shared:
        group = page_group(ctx)
        ctx.shared["map"] = None if group is None else MapSession(replace(ctx, group=group), poll_seconds=poll_seconds)
    return ctx.shared["map"]
