"""Autosave of one shared group item (a conversation plan, a report, feedback) instead of a personal answer.

Same debounce, status line and retry as :class:`~wijwerken_widgets.ui.autosave.Autosave`. A groupmate's newer
version is shown as soon as polling brings it; while this tab has unsaved edits only the fields it did not touch
take their text. Saves merge per field with a groupmate's version saved in between (``GroupSession.put``): when both
changed the same field this tab's text is kept, and the status says whose version it overlapped and shows theirs
(both stay in the history).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as widgets

from wijwerken_widgets.core.dutch import clock
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.ui import drafts, texts
from wijwerken_widgets.ui.autosave import Autosave, Saved, SaveStatus
from wijwerken_widgets.ui.group_session import GroupSession


class ItemAutosave(Autosave):
    """Keeps the item ``(kind, item_id)`` of ``session`` in step with a widget's value (a dict of fields).

    ``fixed`` is data saved with every version that the widget does not edit (e.g. the plan a report belongs to).
    ``fields`` are its text widgets by name: their unsaved text is kept in the browser (``ui/drafts.py``).
    """

    def __init__(
        self,
        session: GroupSession,
        kind: str,
        item_id: str,
        *,
        get_value: Callable[[], dict[str, Any]],
        set_value: Callable[[dict[str, Any]], None],
        fixed: dict[str, Any] | None = None,
        status: SaveStatus | None = None,
        fields: Mapping[str, widgets.Widget] | None = None,
    ) -> None:
        self.session, self.kind, self.item_id = session, kind, item_id
        self.fixed = dict(fixed or {})
        super().__init__(session.ctx, f"{kind}:{item_id}", get_value=get_value, set_value=set_value,
                         status=status, empty=get_value(), fields=fields)
        self._listener = lambda _: self._follow()
        session.on_change(self._listener)

    def close(self) -> None:
        """Save what is pending and stop following the session (the form is no longer shown)."""
        self.flush()
        self.session.off_change(self._listener)

    def load(self) -> None:
        item = self.session.items.get((self.kind, self.item_id))
        if item is None or item.deleted:
            return
        self.base_id = item.version
        value = self._edited(item.data)
        self.saved_value = value
        self.fill(value)
        self._dirty = False
        drafts.stored(self.ctx, *self.fields)
        self.status.show(texts.load().save.saved.format(tijd=clock(item.changed_at)), "ok")

    def _follow(self) -> None:
        """A newer version arrived (a groupmate's): show it; while editing, only in the fields not touched here."""
        item = self.session.items.get((self.kind, self.item_id))
        if item is None or item.version == self.base_id or item.deleted:
            return
        if item.person_id == self.ctx.person.id and item.client_id == self.ctx.client_id:
            if not self._dirty:
                self.base_id = item.version  # our own save, already shown
            return
        if self._dirty:
            current, theirs = self._get(), self._edited(item.data)
            untouched = {k: theirs[k] for k in theirs if k in current and current[k] == self.saved_value.get(k)}
            if any(current[k] != v for k, v in untouched.items()):
                self.fill({**current, **untouched})  # the save merges from the older base (it stays stale)
            return
        self.load()
        updated = texts.load().save.updated_by.format(naam=isolated(self.session.author(item.person_id)),
                                                      tijd=clock(item.changed_at))
        self.status.show(updated, "ok")

    def _edited(self, data: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in data.items() if k not in self.fixed and k != "aangemaakt"}

    def _write(self, value: dict[str, Any]) -> Saved:
        result = self.session.put(self.kind, self.item_id, {**self.fixed, **value}, base_version=self.base_id,
                                  base_data={**self.fixed, **self.saved_value})
        mine, conflict = result.item, self.session.conflict(result)
        stored = {k: v for k, v in self._edited(mine.data).items() if k in value}
        if conflict is None:
            return Saved(mine.version, mine.changed_at, stored=stored)
        text = texts.load().save.group_conflict.format(naam=isolated(conflict.their_name), tijd=clock(conflict.theirs.changed_at))
        theirs = {k: v for k, v in conflict.theirs.data.items() if k in value and v != value[k]}  # their side
        return Saved(mine.version, mine.changed_at, text, theirs, stored)
