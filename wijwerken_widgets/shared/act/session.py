"""A group's Dag 4 work as this kernel sees it: themes, quote-theme links, phase, dots, responses, actions.

The items live in the store's ``"act"`` space; this session loads them, saves changes and polls for groupmates'
changes like the Dag 2 map and the Dag 3 conversations (``ui/group_session.py``). Each reader reads an item's data
with its type in ``items.py`` (``Thema.of(item)``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from wijwerken_widgets.shared.act.items import SPACE, Actie, ActItem, Fase, Koppeling, Reactie, Stem, Thema
from wijwerken_widgets.shared.groups import page_group
from wijwerken_widgets.store import GroupItem, ItemChange, ItemSaveResult, StaleItems
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.group_session import RETRIES, GroupSession

POLL_SECONDS = 1.0
"""Dag 4 looks for groupmates' changes every second: an assignment should show on a groupmate's screen within 2 s
(one cheap query per page per second; see ``benchmarks/dag4_rode_draden.py``)."""


class ActSession(GroupSession["ActSession"]):
    """One group's Dag 4 items in one kernel; themes and links are read from the items once per change."""

    space = SPACE
    _themes: list[Thema] | None = None
    _links: list[Koppeling] | None = None

    def __init__(self, ctx: Context, *, poll_seconds: float | None = POLL_SECONDS) -> None:
        self.versions: list[GroupItem] = []
        """Every version of the group's items this kernel has read, oldest first: the history views derive from
        it, so a change costs them no read of their own."""
        super().__init__(ctx, poll_seconds=poll_seconds)

    def reload(self) -> bool:
        """Like :meth:`GroupSession.reload`, but the first read takes every version (not only the latest of each
        item), and every later read adds the new versions to :attr:`versions`."""
        store = self.ctx.store
        if self.revision >= 0 and store.items_revision(SPACE, self.group_id) == self.revision:
            return False
        found = store.items_since(SPACE, self.group_id, max(self.revision, 0))
        if not found and self.revision >= 0:
            return False
        seen = self.versions[-1].id if self.versions else 0
        self.versions.extend(v for v in found if v.id > seen)
        for item in found:
            self.items[(item.kind, item.item_id)] = item
        self.revision = max([self.revision, 0, *(i.id for i in found)])
        self._changed()
        return True

    def _changed(self) -> None:
        self._themes = self._links = None
        super()._changed()

    def item(self, kind: str, item_id: str) -> GroupItem | None:
        """The current version of an item, or ``None`` when there is none or it was removed."""
        found = self.items.get((kind, item_id))
        return None if found is None or found.deleted else found

    def themes(self) -> list[Thema]:
        """The group's themes, in the order they were made."""
        if self._themes is None:
            self._themes = [Thema.of(i) for i in self.live(Thema.KIND)]
        return list(self._themes)

    def links(self) -> list[Koppeling]:
        """Every current quote-theme link (of themes that still exist or not: readers filter)."""
        if self._links is None:
            self._links = [Koppeling.of(i) for i in self.live(Koppeling.KIND)]
        return list(self._links)

    def phase(self) -> Fase:
        found = self.item(Fase.KIND, Fase.ID)
        return Fase() if found is None else Fase.of(found)

    def votes(self) -> list[Stem]:
        return [Stem.of(i) for i in self.live(Stem.KIND)]

    def responses(self) -> dict[str, Reactie]:
        """What was said back, by theme id."""
        return {r.id: r for r in map(Reactie.of, self.live(Reactie.KIND))}

    def actions(self) -> list[GroupItem]:
        """The actions of the actieplan, in the order they were made."""
        return self.live(Actie.KIND)

    def apply(self, build: Callable[[], list[ItemChange]]) -> list[ItemSaveResult]:
        """Save what ``build()`` makes of the current items, in one transaction (see ``operations.py``). When a
        groupmate saved one of the items in between, ``build`` runs again on their versions."""
        for attempt in range(RETRIES + 1):
            changes = [replace(c, data=self._stamped(c.kind, c.item_id, c.data)) for c in build()]
            if not changes:
                return []
            try:
                return self.save(changes)
            except StaleItems:
                if attempt == RETRIES:
                    raise
        raise AssertionError("unreachable")

    def put_item(self, value: ActItem, *, base_version: int | None = None, deleted: bool = False) -> ItemSaveResult:
        """Save ``value`` as its kind's item (see :meth:`GroupSession.put`)."""
        return self.put(value.KIND, value.id, value.data(), base_version=base_version, deleted=deleted)


def page_act(ctx: Context) -> ActSession | None:
    """The page's Dag 4 session (made once per page, shared by its sections), or ``None`` for someone in no group;
    a trainer sees the group chosen with ``?groep=<id>`` (see ``shared.groups``)."""
    if SPACE not in ctx.shared:
        group = page_group(ctx)
        ctx.shared[SPACE] = (None if group is None
                             else ActSession(replace(ctx, group=group), poll_seconds=POLL_SECONDS))
    return ctx.shared[SPACE]
