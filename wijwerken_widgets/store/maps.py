"""The store's part for a group's shared stakeholder map (Dag 2): the ``"map"`` space of ``items.py``.

Positions are layout, not content: last drag wins, no conflicts.
"""

from __future__ import annotations

from collections.abc import Sequence

from wijwerken_widgets.store.items import GroupItem, ItemChange, ItemSaveResult, ItemStore

MapItem = GroupItem
MapChange = ItemChange
MapSaveResult = ItemSaveResult


class MapStore(ItemStore):
    """Shorthands for the ``"map"`` space (a base of :class:`~wijwerken_widgets.store.api.Store`)."""

    def map_items(self, group_id: int) -> list[MapItem]:
        return self.items("map", group_id)

    def map_changes_since(self, group_id: int, after_id: int) -> list[MapItem]:
        return self.items_since("map", group_id, after_id)

    def map_revision(self, group_id: int) -> int:
        return self.items_revision("map", group_id)

    def map_history(self, group_id: int, *, kind: str | Sequence[str] | None = None,
                    item_id: str | None = None, limit: int = 100) -> list[MapItem]:
        return self.items_history("map", group_id, kind=kind, item_id=item_id, limit=limit)

    def save_map_changes(self, group_id: int, changes: Sequence[MapChange], *, person_id: int,
                         client_id: str, request_id: str | None = None) -> list[MapSaveResult]:
        return self.save_items("map", group_id, changes, person_id=person_id, client_id=client_id,
                               request_id=request_id)
