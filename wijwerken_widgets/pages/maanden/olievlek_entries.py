"""The olievlek: the member's own entries, newest first, and changing or removing one of them.

One chosen entry at a time has an editor (its fields autosaved with :class:`ItemAutosave`); choosing another saves
and closes it, so a member with many entries does not cost the page a form (and its widget models) per entry. Only the author of an entry can choose, edit or remove it; a removed
entry can be put back ("Toch terugzetten") until another is removed.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from wijwerken_widgets.core.dutch import long_date, parse_date
from wijwerken_widgets.core.html import format_html
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.pages.maanden.olievlek_form import EntryFields, check, colleagues, entry_of
from wijwerken_widgets.shared.act.olievlek import Olievlek
from wijwerken_widgets.store import GroupItem, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.autosave import SaveStatus
from wijwerken_widgets.ui.blocks import box, button, confirm_first, static_html
from wijwerken_widgets.ui.item_autosave import ItemAutosave
from wijwerken_widgets.ui.notices import Feedback

if TYPE_CHECKING:
    from wijwerken_widgets.pages.maanden.olievlek_schema import OlievlekPart
    from wijwerken_widgets.shared.act.session import ActSession


def newest_first(items: list[GroupItem]) -> list[GroupItem]:
    """Entries by the day they happened, newest first; on one day the one written last first."""
    return sorted(items, key=lambda i: (Olievlek.of(i).datum, str(i.data.get("aangemaakt", "")), i.id), reverse=True)


def day_text(entry: Olievlek) -> str:
    day = parse_date(entry.datum)
    return long_date(day) if day else "?"


def entry_text(part: OlievlekPart, entry: Olievlek) -> str:
    """One line of an entry as plain text (for the chooser)."""
    return part.mine.entry_line.format(datum=day_text(entry), met=isolated(entry.met) or "…",
                                       aantal=colleagues(part, entry.aantal), hoe=part.ways[entry.hoe])


class EntryEditor:
    """The fields of one of the member's own entries, autosaved; what cannot be saved (missing, too long, no date)
    is said in ``feedback`` and the stored value is kept until it is fixed."""

    def __init__(self, session: ActSession, part: OlievlekPart, item: GroupItem, feedback: Feedback) -> None:
        entry = Olievlek.of(item)
        if entry.door != session.ctx.person.id:
            raise PermissionError("only the author edits an olievlek entry")
        self.session, self.part, self.item_id, self.feedback = session, part, item.item_id, feedback
        self.fields = EntryFields(part, entry)
        self.status = SaveStatus()
        self._filling = True
        self._last_good: dict[str, Any] = entry.edited_data()
        self.saver = ItemAutosave(session, Olievlek.KIND, item.item_id, get_value=self.value, set_value=self.fill,
                                  fixed={"door": entry.door}, status=self.status, fields=self.fields.texts)
        self._filling = False
        for control in self.fields.controls:
            control.observe(self._edited, names="value")
        self.widget = box([*self.fields.widgets(), self.status], "ww-olievlek-editor")

    def value(self) -> dict[str, Any]:
        """What the form shows as the entry's edited fields; while something in it cannot be saved, the last value
        that could."""
        raw = self.fields.raw()
        if check(self.part.form, raw) is None:
            self._last_good = entry_of(raw, self.item_id, self.session.ctx.person.id).edited_data()
        return dict(self._last_good)

    def fill(self, value: dict[str, Any]) -> None:
        filling, self._filling = self._filling, True
        try:
            self.fields.fill(value)
            self._last_good = Olievlek.from_data(self.item_id, value).edited_data()
        finally:
            self._filling = filling

    def _edited(self, _change: dict) -> None:
        if self._filling:
            return
        problem = self.fields.problem()
        if problem:
            self.feedback.show(problem, "warning")
            return
        self.feedback.clear()
        self.saver.changed()

    def close(self) -> None:
        """Save what is pending, stop following the session and close the editor's widgets."""
        self.saver.close()
        _close_tree(self.widget)


def _close_tree(widget: widgets.Widget) -> None:
    for child in getattr(widget, "children", ()):
        _close_tree(child)
    widget.close()


class MyEntries(widgets.VBox):
    """The member's own entries as a list, and the editor of the one chosen."""

    def __init__(self, session: ActSession, part: OlievlekPart) -> None:
        self.session, self.part = session, part
        words = part.mine
        self.me = session.ctx.person.id
        self.list_view = static_html("", "ww-olievlek-mine")
        self.chooser = widgets.Dropdown(description=words.choose, layout=styles.layout(),
                                        style={"description_width": "initial"})
        self._quiet = False
        self._options: list[tuple[str, str]] = []
        self.chooser.observe(self._chosen, names="value")
        self.editor: EntryEditor | None = None
        self.editor_area = box([])
        self.feedback = Feedback()
        self.remove_button = button(words.remove_button, "trash")
        confirm_first(self.remove_button, words.confirm_remove, self._remove_chosen)
        self.undo_button = button(words.undo_button, "undo")
        self.undo_button.layout = widgets.Layout(display="none")  # its own: the shared layouts never change
        self.undo_button.on_click(lambda _: self.undo())
        self._removed: str | None = None
        self.edit_area = box([static_html(f"<h4>{html.escape(words.edit_title)}</h4>"), self.chooser,
                              self.editor_area, self.remove_button], "ww-olievlek-edit")
        self.edit_area.layout = widgets.Layout(width="auto")  # its own: hidden while there is nothing to edit
        super().__init__([self.list_view, self.edit_area, self.feedback, self.undo_button], layout=styles.layout(),
                         _dom_classes=("ww-olievlek-entries",))
        session.on_change(lambda _: self.redraw())
        self.redraw()

    # -- reading ---------------------------------------------------------------------------------------------
    def items(self) -> list[GroupItem]:
        """The member's own current entries, newest first."""
        return newest_first([i for i in self.session.live(Olievlek.KIND) if Olievlek.of(i).door == self.me])

    def list_html(self, items: list[GroupItem]) -> str:
        words = self.part.mine
        title = f"<h3>{html.escape(words.title)}</h3>"
        if not items:
            return f"{title}<p class='ww-empty'>{html.escape(words.empty)}</p>"
        lines = []
        for item in items:
            entry = Olievlek.of(item)
            line = format_html(words.entry_line, datum=day_text(entry), met=entry.met,
                               aantal=colleagues(self.part, entry.aantal), hoe=self.part.ways[entry.hoe])
            taken = html.escape(entry.meegenomen).replace("\n", "<br>")
            lines.append(f"<li><strong>{line}</strong><br><span class='ww-olievlek-taken'>{taken}</span></li>")
        return f"{title}<ul class='ww-olievlek-list'>{''.join(lines)}</ul>"

    # -- drawing ---------------------------------------------------------------------------------------------
    def redraw(self) -> None:
        items = self.items()
        value = self.list_html(items)
        if self.list_view.value != value:
            self.list_view.value = value
        options = [(entry_text(self.part, Olievlek.of(i)), i.item_id) for i in items]
        ids = [v for _, v in options]
        if self.editor is not None and self.editor.item_id not in ids:
            self._drop_editor()
        if options != self._options:
            self._options = options
            current = self.chooser.value
            self._quiet = True
            try:
                self.chooser.options = options
                self.chooser.value = current if current in ids else (ids[0] if ids else None)
            finally:
                self._quiet = False
        display = "" if items else "none"
        if self.edit_area.layout.display != display:
            self.edit_area.layout.display = display
        self._show(self.chooser.value)

    def _chosen(self, _change: dict) -> None:
        if not self._quiet:
            self._reset_remove()
            self._show(self.chooser.value)

    def _show(self, item_id: str | None) -> None:
        item = None if item_id is None else self.session.item(Olievlek.KIND, item_id)
        if item is None or Olievlek.of(item).door != self.me:
            self._drop_editor()
            return
        editor = self.editor
        if editor is None or editor.item_id != item.item_id:
            self._drop_editor()  # saves its pending edit: the redraw that follows may have made the new one
            if self.editor is None or self.editor.item_id != item.item_id:
                self._drop_editor()
                self.editor = EntryEditor(self.session, self.part, item, self.feedback)
            editor = self.editor
        if self.editor_area.children != (editor.widget,):
            self.editor_area.children = [editor.widget]

    def _drop_editor(self) -> None:
        """Close the editor shown (its pending edit is saved first)."""
        editor, self.editor = self.editor, None
        if editor is not None:
            self.editor_area.children = []
            editor.close()

    def _reset_remove(self) -> None:
        with self.remove_button.hold_sync():
            self.remove_button.description, self.remove_button.button_style = self.part.mine.remove_button, ""

    # -- acting ----------------------------------------------------------------------------------------------
    def _remove_chosen(self) -> None:
        self.remove(self.chooser.value)

    def edit(self, item_id: str) -> EntryEditor | None:
        """Choose entry ``item_id`` to edit; ``None`` (and why, in the feedback line) when it is not the member's."""
        item = self.session.item(Olievlek.KIND, item_id)
        if item is None or Olievlek.of(item).door != self.me:
            self.feedback.show(self.part.mine.not_yours, "warning")
            return None
        self.chooser.value = item_id
        self._show(item_id)
        return self.editor

    def remove(self, item_id: str | None) -> bool:
        """Remove one of the member's own entries (a new version marked removed); it can be put back."""
        self._reset_remove()
        item = None if item_id is None else self.session.item(Olievlek.KIND, item_id)
        if item is None or item_id is None:
            return False
        if Olievlek.of(item).door != self.me:
            self.feedback.show(self.part.mine.not_yours, "warning")
            return False
        editor = self.editor
        if editor is not None and editor.item_id == item_id and not editor.saver.flush():
            return False  # its status line says why and keeps the text
        mine = self.me

        def removal(current: GroupItem | None) -> dict | None:
            if current is None or current.deleted or Olievlek.of(current).door != mine:
                return None
            return current.data

        try:
            self.session.update(Olievlek.KIND, item_id, removal, deleted=True)
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")
            return False
        self._removed = item_id
        self.undo_button.layout.display = ""
        self.feedback.show(self.part.mine.removed.format(met=isolated(Olievlek.of(item).met)), "info")
        return True

    def undo(self) -> bool:
        """Put the entry removed last back."""
        item_id, mine = self._removed, self.me
        if item_id is None:
            return False

        def restore(current: GroupItem | None) -> dict | None:
            if current is None or not current.deleted or Olievlek.of(current).door != mine:
                return None
            return current.data

        try:
            result = self.session.update(Olievlek.KIND, item_id, restore)
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")
            return False
        self._removed = None
        self.undo_button.layout.display = "none"
        if result is not None:
            self.chooser.value = item_id
            self.feedback.show(self.part.mine.restored.format(met=isolated(Olievlek.of(result.item).met)), "success")
        return result is not None
