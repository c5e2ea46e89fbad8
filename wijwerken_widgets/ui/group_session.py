"""A group's shared items of one store space as this kernel sees them: loaded, saved back, kept fresh.

Widgets read from one session per space and change it only through it; after each change (own or, found by
polling, someone else's) the session calls its listeners, which redraw. Data flows one way:
widget → store → session → views.

The store refuses a save made from a stale version (:class:`~wijwerken_widgets.store.StaleItems`); the session then
reloads and tries again: :meth:`GroupSession.update` re-applies an operation (append a round, remove, restore) to the
newest version, :meth:`GroupSession.put` with ``base_data`` merges an edited form per field (:func:`merge`). :class:`~wijwerken_widgets.shared.stakeholders.session.MapSession` (Dag 2) and
:class:`~wijwerken_widgets.shared.conversations.session.ConversationSession` (Dag 3) build on it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any, Generic, TypeVar

from wijwerken_widgets.core import server_log
from wijwerken_widgets.store import GroupItem, ItemChange, ItemSaveResult, StaleItems
from wijwerken_widgets.ui import texts
from wijwerken_widgets.ui.autosave import next_request_id
from wijwerken_widgets.ui.context import Context

log = logging.getLogger("wijwerken")
POLL_SECONDS = 3.0
RETRIES = 5
"""How often a save refused as stale is tried again on the newest version before giving up (raising)."""
S = TypeVar("S", bound="GroupSession")


def merge(base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any]
          ) -> tuple[dict[str, Any], list[str]]:
    """Three-way merge per field: fields only I changed from ``base`` are mine, fields only they changed theirs.

    Returns the merged data and the fields both changed to different values (kept as mine: a real conflict)."""
    merged, clashes = {}, []
    for key in [*theirs, *(k for k in mine if k not in theirs)]:
        old, my, their = base.get(key), mine.get(key), theirs.get(key)
        if key not in mine or my == old:
            if key in theirs:
                merged[key] = their
        elif key not in theirs or their in (old, my):
            merged[key] = my
        else:
            merged[key] = my
            clashes.append(key)
    return merged, clashes


@dataclass(frozen=True)
class Conflict:
    """Someone else changed an item while this participant edited it."""

    mine: GroupItem
    theirs: GroupItem
    their_name: str


class GroupSession(Generic[S]):
    """One group's items of ``space`` in one kernel. Raises ``StoreUnavailable`` from saves; polling swallows it."""

    space = ""
    _pending: tuple[list[ItemChange], str] | None = None
    """The changes of a save that failed and their request id: saving them again is a retry, not a new save."""

    def __init__(self, ctx: Context, *, poll_seconds: float | None = POLL_SECONDS) -> None:
        if ctx.group is None:
            raise ValueError(f"the {self.space} items belong to a group")
        self.ctx = ctx
        self.group_id = ctx.group.id
        self.items: dict[tuple[str, str], GroupItem] = {}
        self.revision = -1
        self._names: dict[int, str] = {}
        self._listeners: list[Callable[[S], None]] = []
        self._poll_seconds = poll_seconds
        self._poll_handle: asyncio.TimerHandle | None = None
        self.reload()
        self._schedule_poll()

    # -- reading ---------------------------------------------------------------------------------------------
    def on_change(self, listener: Callable[[S], None], *, first: bool = False) -> None:
        """Call ``listener(session)`` after every change, own or found by polling (``first``: before the others)."""
        if first:
            self._listeners.insert(0, listener)
        else:
            self._listeners.append(listener)

    def off_change(self, listener: Callable[[S], None]) -> None:
        """Stop calling ``listener`` (a view that is no longer shown)."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def reload(self) -> bool:
        """Take in the changes this kernel has not seen (everything the first time); returns whether any."""
        store = self.ctx.store
        if self.revision < 0:
            items = store.items(self.space, self.group_id)
        else:
            if store.items_revision(self.space, self.group_id) == self.revision:
                return False
            items = store.items_since(self.space, self.group_id, self.revision)
        if not items and self.revision >= 0:
            return False
        for item in items:
            self.items[(item.kind, item.item_id)] = item
        self.revision = max([self.revision, 0, *(i.id for i in items)])
        self._changed()
        return True

    def version(self, kind: str, item_id: str) -> int | None:
        item = self.items.get((kind, item_id))
        return None if item is None else item.version

    def live(self, kind: str) -> list[GroupItem]:
        """The current (not removed) items of ``kind``, in the order they were made (see :meth:`put`)."""
        items = [i for i in self.items.values() if i.kind == kind and not i.deleted]
        return sorted(items, key=lambda i: (str(i.data.get("aangemaakt", "")), i.id))

    def author(self, person_id: int) -> str:
        """The name of a participant of this cohort (for "gewijzigd door …")."""
        if person_id not in self._names and self.ctx.cohort is not None:
            self._names = {p.id: p.name for p in self.ctx.store.people(self.ctx.cohort.id)}
        name = self._names.get(person_id)
        return name if name is not None else texts.load().group.someone

    # -- writing ---------------------------------------------------------------------------------------------
    def save(self, changes: list[ItemChange]) -> list[ItemSaveResult]:
        """Store ``changes`` (one transaction), take them into this kernel, notify the listeners.

        Raises :class:`StaleItems` when someone saved one of the items in between; the session has then taken in
        their versions (reloaded), so the caller can build its change again from :attr:`items`."""
        if not changes:
            return []
        from wijwerken_widgets.store import StoreUnavailable

        failed_before = self._pending is not None
        if self._pending is None or self._pending[0] != changes:
            self._pending = (list(changes), next_request_id(self.ctx))
        what = f"group={self.group_id} space={self.space} items={','.join(f'{c.kind}:{c.item_id}' for c in changes)}"
        try:
            results = self.ctx.store.save_items(
                self.space, self.group_id, changes, person_id=self.ctx.person.id, client_id=self.ctx.client_id,
                request_id=self._pending[1],
            )
        except StaleItems:
            self._pending = None  # nothing was stored; the caller builds its change again
            self.reload()
            raise
        except StoreUnavailable as exc:
            server_log.save_failed(self.ctx.person.id, what, exc.reason)
            raise
        self._pending = None
        if failed_before:
            server_log.save_recovered(self.ctx.person.id, what)
        # Fetch from where this kernel was: brings ours and anyone else's that landed in between, in order.
        if not self.reload():
            for result in results:
                self.items[(result.item.kind, result.item.item_id)] = result.item
            self._changed()
        return results

    def update(self, kind: str, item_id: str, fn: Callable[[GroupItem | None], dict | None], *,
               deleted: bool = False) -> ItemSaveResult | None:
        """Save ``fn(current version)`` (``None`` for no item yet) as the next version; ``fn`` returns ``None`` to
        save nothing. When a groupmate saved in between, ``fn`` runs again on their version (an operation such as
        "append a round" or "remove" is never lost, nor does it undo theirs)."""
        for attempt in range(RETRIES + 1):
            item = self.items.get((kind, item_id))
            data = fn(item)
            if data is None:
                return None
            change = ItemChange(kind, item_id, self._stamped(kind, item_id, data),
                                None if item is None else item.version, deleted)
            try:
                [result] = self.save([change])
                return result
            except StaleItems:
                if attempt == RETRIES:
                    raise
        raise AssertionError("unreachable")

    def put(self, kind: str, item_id: str, data: dict, *, base_version: int | None = None,
            base_data: Mapping[str, Any] | None = None, deleted: bool = False) -> ItemSaveResult:
        """Save one item edited from ``base_version``, whose data then was ``base_data``.

        When a groupmate saved in between, the edit is merged per field with theirs (:func:`merge`) and saved on
        top; fields both changed keep this edit and the result's ``conflict`` is their version (see
        :meth:`conflict`); the saved data (``result.item.data``) is what to show. Without ``base_data`` every field
        counts as edited here. A new item gets ``aangemaakt`` (UTC, ISO) in its data, so lists keep the order
        items were made in.
        """
        data = self._stamped(kind, item_id, data)
        base, version, conflict = None if base_data is None else dict(base_data), base_version, None
        for attempt in range(RETRIES + 1):
            try:
                [result] = self.save([ItemChange(kind, item_id, data, version, deleted)])
                return replace(result, conflict=conflict)
            except StaleItems:
                if attempt == RETRIES:
                    raise
            theirs = self.items[(kind, item_id)]
            if base is None:  # no base: every field of this edit counts as changed here
                merged = {**theirs.data, **data}
                clashes = [k for k in data if k != "aangemaakt" and theirs.data.get(k) != data[k]]
            else:
                merged, clashes = merge(base, data, theirs.data)
            if clashes and not (theirs.person_id == self.ctx.person.id and theirs.client_id == self.ctx.client_id):
                conflict = theirs
            base, data, version = dict(theirs.data), merged, theirs.version
        raise AssertionError("unreachable")

    def _stamped(self, kind: str, item_id: str, data: dict) -> dict:
        old = self.items.get((kind, item_id))
        made = old.data.get("aangemaakt") if old is not None else datetime.now(timezone.utc).isoformat()
        return {**data, "aangemaakt": data.get("aangemaakt") or made} if made else data

    def conflict(self, result: ItemSaveResult) -> Conflict | None:
        """The groupmate's overlapping version behind ``result`` (from :meth:`put`), or ``None``."""
        if result.conflict is None:
            return None
        return Conflict(result.item, result.conflict, self.author(result.conflict.person_id))

    # -- plumbing --------------------------------------------------------------------------------------------
    def _changed(self) -> None:
        """Subclasses rebuild what they derive from :attr:`items` first, then call this to notify."""
        for listener in list(self._listeners):
            listener(self)

    def _schedule_poll(self) -> None:
        from wijwerken_widgets.core.loop import running_loop

        loop = running_loop()
        if loop is not None and self._poll_seconds:
            self._poll_handle = loop.call_later(self._poll_seconds, self._poll)

    def _poll(self) -> None:
        from wijwerken_widgets.store import StoreUnavailable

        try:
            self.reload()
        except StoreUnavailable:
            log.warning("polling the %s items of group %s failed; trying again", self.space, self.group_id)
        except Exception:
            log.exception("polling the %s items of group %s failed", self.space, self.group_id)
        finally:
            self._schedule_poll()
