"""Dag 2: add a stakeholder, or pick one and change or remove it, in a form."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.html import Html, escaped, format_html, name_html, render_markdown
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.pages.dag2.keys import STAKEHOLDER
from wijwerken_widgets.shared.stakeholders.model import (
    ENERGIE,
    HOUDINGEN,
    POSITIES,
    SOORTEN,
    InvalidInput,
    Stakeholder,
    validate_stakeholder,
)
from wijwerken_widgets.shared.stakeholders.session import Conflict, MapSession
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import drafts, styles
from wijwerken_widgets.ui.blocks import button, static_html
from wijwerken_widgets.ui.notices import Feedback

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag2.schema import EntryPart

NEW = ""  # the picker's value for "a new stakeholder"


def _options(vocabulary: dict[str, str]) -> list[tuple[str, str]]:
    return [(label, key) for key, label in vocabulary.items()]


def _label(field: object) -> str:
    """A field's label (some fields have a label and a placeholder)."""
    return str(getattr(field, "label", field))


def _shown(name: str, value: object) -> str:
    """A field's value as the form shows it (the Dutch option label for a choice)."""
    choices = {"soort": SOORTEN, "positie": POSITIES, "houding": HOUDINGEN, "energie_nu": ENERGIE,
               "energie_gewenst": ENERGIE}.get(name, {})
    return choices.get(str(value), str(value))


def notice_text(exc: Exception) -> str:
    """A Dutch message for a failed save: the store's own text or the field that is wrong."""
    return exc.message if isinstance(exc, (StoreUnavailable, InvalidInput)) else str(exc)


class StakeholderForm(widgets.VBox):
    """The fields of one stakeholder with Toevoegen / Opslaan / Verwijderen; everything saves via the session."""

    def __init__(self, session: MapSession, part: EntryPart | None = None) -> None:
        part = part or texts.load().exercises.entry
        self.session = session
        self.content = content = part.form
        labels = content.fields
        self.editing: Stakeholder | None = None
        self.base: Stakeholder | None = None  # the stakeholder as the form was filled with it (the edit's start)
        self.base_version: int | None = None
        wide = styles.layout()
        self.picker = widgets.Dropdown(description=content.picker, options=[(content.new_option, NEW)], value=NEW,
                                       layout=wide, style={"description_width": "initial"})
        self.naam = widgets.Text(placeholder=labels.naam.placeholder, description=labels.naam.label, layout=wide,
                                 continuous_update=False)
        self.functie = widgets.Text(placeholder=labels.functie.placeholder, description=labels.functie.label,
                                    layout=wide, style={"description_width": "initial"}, continuous_update=False)
        self.soort = widgets.Dropdown(options=_options(SOORTEN), value="collega", description=labels.soort)
        self.positie = widgets.ToggleButtons(options=_options(POSITIES), value="intern", description=labels.positie)
        self.invloed = widgets.IntSlider(3, min=1, max=5, description=labels.invloed)
        self.belang = widgets.IntSlider(3, min=1, max=5, description=labels.belang)
        self.houding = widgets.Dropdown(options=_options(HOUDINGEN), value="onbekend", description=labels.houding)
        self.energie_nu = widgets.Dropdown(options=_options(ENERGIE), value="neutraal",
                                           description=labels.energie_nu)
        self.energie_gewenst = widgets.Dropdown(options=_options(ENERGIE), value="neutraal",
                                                description=labels.energie_gewenst)
        self.notitie = widgets.Textarea(placeholder=labels.notitie.placeholder, description=labels.notitie.label,
                                        rows=2, layout=wide)
        self.save_button = button(content.add_button, "plus", "ww-primary")
        self.remove_button = button(content.remove_button, "trash")
        self.cancel_button = button(content.new_button)
        self.remove_button.layout = widgets.Layout(display="none")
        self.cancel_button.layout = widgets.Layout(display="none")
        self.feedback = Feedback()
        self.take_theirs: widgets.Button | None = None  # made on the first conflict, shown under the feedback
        self._theirs: tuple[Stakeholder, str] | None = None
        self._refreshing = False  # the picker's options are being replaced: not the participant's choice
        self.fields = {
            "naam": self.naam, "functie": self.functie, "soort": self.soort, "positie": self.positie, "invloed": self.invloed,
            "belang": self.belang, "houding": self.houding, "energie_nu": self.energie_nu,
            "energie_gewenst": self.energie_gewenst, "notitie": self.notitie,
        }
        for name in ("naam", "functie", "notitie"):  # the browser keeps their text until the form is saved or refilled
            drafts.keep(session.ctx, self.fields[name], f"dag2.form.{name}")
        self.picker.observe(self._picked, names="value")
        self.save_button.on_click(lambda _: self.submit())
        self.remove_button.on_click(lambda _: self.remove())
        self.cancel_button.on_click(lambda _: self.load(None))
        hint = static_html(render_markdown(part.naam_hint), "ww-hint")
        functie_hint = static_html(render_markdown(labels.functie.help), "ww-hint")
        grid = widgets.GridBox(
            [self.soort, self.positie, self.invloed, self.belang, self.houding, self.energie_nu,
             self.energie_gewenst],
            layout=widgets.Layout(grid_template_columns="repeat(auto-fill, minmax(300px, 1fr))", grid_gap="4px 16px"),
        )
        actions = widgets.HBox([self.save_button, self.remove_button, self.cancel_button], layout=styles.plain_layout())
        self._parts = [self.picker, self.naam, hint, self.functie, functie_hint, grid, self.notitie, actions, self.feedback]
        super().__init__(self._parts, layout=styles.layout(), _dom_classes=("ww-stakeholder-form",))
        session.on_change(lambda _: self._map_changed())
        self._refresh_picker()

    # -- following the group's map ---------------------------------------------------------------------------
    def _map_changed(self) -> None:
        """The map changed (a groupmate, or this form's own save): keep what is typed here.

        Only a removal of the stakeholder being edited empties the form, and only when nothing is typed here. A groupmate's change of it shows at once
        when nothing is typed here, else only in the fields not touched here (the save merges the rest)."""
        self._refresh_picker()
        if self.editing is None:
            return
        item = self.session.items.get((STAKEHOLDER, self.editing.id))
        if item is None or item.deleted:
            if self.unsaved():  # keep what is typed: saving it puts the stakeholder back with these values
                self._say(format_html(self.content.removed_while_editing, naam=self.editing.naam), "warning")
                return
            self._say(format_html(self.content.removed_by_groupmate, naam=self.editing.naam), "warning")
            self.load(None, keep_feedback=True)
            return
        if item.version == self.base_version:
            return
        theirs = Stakeholder.from_data(item.item_id, item.data)
        if not self.unsaved():
            self.load(theirs, keep_feedback=True)
            return
        for name, control in self.fields.items():
            if control.value == getattr(self.base, name) != getattr(theirs, name):
                control.value = getattr(theirs, name)

    def unsaved(self) -> bool:
        """Whether the fields differ from what the form was filled with (typed here, not saved yet)."""
        source = self.base or Stakeholder(id="", naam="", soort="collega")
        return any(control.value != getattr(source, name) for name, control in self.fields.items())

    def _refresh_picker(self) -> None:
        options = [(self.content.new_option, NEW), *((s.naam, s.id) for s in self.session.map.stakeholders)]
        ids = [v for _, v in options]
        current = self.editing.id if self.editing is not None and self.editing.id in ids else NEW
        if tuple(options) == tuple(self.picker.options) and self.picker.value == current:
            return  # nothing to send: the browser's picker stays as it is
        # New options select the first one (ipywidgets), also inside hold_trait_notifications: set the value after
        # them, and let _picked ignore both steps.
        self._refreshing = True
        try:
            with self.picker.hold_sync():
                self.picker.options = options
                self.picker.value = current
        finally:
            self._refreshing = False

    def _picked(self, change) -> None:
        if self._refreshing:
            return
        if change["new"] == NEW:
            self.load(None)
        else:
            self.load(self.session.map.by_id().get(change["new"]))

    def load(self, stakeholder: Stakeholder | None, *, keep_feedback: bool = False) -> None:
        """Fill the form with ``stakeholder`` to edit it, or empty it for a new one."""
        self.editing = self.base = stakeholder
        self.base_version = None if stakeholder is None else self.session.version(STAKEHOLDER, stakeholder.id)
        source = stakeholder or Stakeholder(id="", naam="", soort="collega")
        for name, control in self.fields.items():
            control.value = getattr(source, name)
        drafts.stored(self.session.ctx, self.naam, self.functie, self.notitie)
        editing = stakeholder is not None
        self.save_button.description = self.content.save_button if editing else self.content.add_button
        self.save_button.icon = "check" if editing else "plus"
        self.remove_button.layout.display = "" if editing else "none"
        self.cancel_button.layout.display = "" if editing else "none"
        if self.picker.value != (stakeholder.id if editing else NEW):
            self.picker.value = stakeholder.id if editing else NEW
        if not keep_feedback:
            self._say("")

    # -- saving ----------------------------------------------------------------------------------------------
    def values(self) -> dict:
        return {name: control.value for name, control in self.fields.items()}

    def submit(self) -> None:
        """Add the new stakeholder or save the change; a problem is shown in Dutch and the form keeps its text."""
        try:
            stakeholder = validate_stakeholder(self.values(), item_id=self.editing.id if self.editing else None)
            same = self.session.map.find(stakeholder.naam)
            if same is not None and (self.editing is None or same.id != self.editing.id):
                self._say(format_html(self.content.already_on_map, naam=same.naam), "warning")
                return
            if self.editing is None:
                self.session.add([stakeholder])
                self._say(format_html(self.content.added, naam=stakeholder.naam), "success")
                self.load(None, keep_feedback=True)
            else:
                self._save_edit(stakeholder)
        except (InvalidInput, StoreUnavailable) as exc:
            self._say(notice_text(exc), "error")

    def _save_edit(self, stakeholder: Stakeholder) -> None:
        """Save the edit; a groupmate's change in between is merged per field (see ``MapSession.edit``)."""
        base = self.base
        conflict = self.session.edit(stakeholder, self.base_version, base)
        item = self.session.items[(STAKEHOLDER, stakeholder.id)]
        saved = Stakeholder.from_data(item.item_id, item.data)
        self.load(saved, keep_feedback=True)
        if conflict is not None:
            self._show_conflict(conflict, stakeholder, base)
        elif saved != stakeholder:  # their change of other fields came along
            before = self.session.ctx.store.map_history(self.session.group_id, item_id=saved.id, limit=2)[-1]
            who = self.session.author(before.person_id)
            self._say(format_html(self.content.merged, who=who, naam=saved.naam), "success")
        else:
            self._say(format_html(self.content.saved, naam=saved.naam), "success")

    def remove(self) -> None:
        if self.editing is None:
            return
        naam = self.editing.naam
        try:
            self.session.remove(STAKEHOLDER, self.editing.id)
        except StoreUnavailable as exc:
            self._say(exc.message, "error")
            return
        self.load(None)
        self._say(format_html(self.content.removed, naam=naam), "info")

    def _show_conflict(self, conflict: Conflict, mine: Stakeholder, base: Stakeholder | None) -> None:
        """Say that a groupmate changed the same fields too and what they chose, with a button that puts their
        version back (this edit was kept; both are in the history)."""
        theirs = Stakeholder.from_data(conflict.theirs.item_id, conflict.theirs.data)
        who = conflict.their_name
        labels = self.content.fields
        clashes = [f"{escaped(_label(getattr(labels, name)))}: {name_html(_shown(name, getattr(theirs, name)))}"
                   for name in self.fields if getattr(theirs, name) != getattr(mine, name)
                   and (base is None or getattr(base, name) not in (getattr(theirs, name), getattr(mine, name)))]
        text = format_html(self.content.conflict, who=who, naam=theirs.naam)
        if clashes:
            text = Html(text + " " + format_html(self.content.their_values, who=who, velden=Html(", ".join(clashes))))
        self._say(text, "warning")
        self._theirs = (theirs, who)
        if self.take_theirs is None:
            self.take_theirs = button("")
            self.take_theirs.on_click(lambda _: self._take_theirs())
            self.take_theirs.layout = widgets.Layout()
            self.children = [*self._parts, self.take_theirs]
        self.take_theirs.description = self.content.take_theirs_button.format(who=isolated(who))
        self.take_theirs.layout.display = ""

    def _take_theirs(self) -> None:
        if self._theirs is None:
            return
        theirs, who = self._theirs
        try:
            self.session.edit(theirs, self.session.version(STAKEHOLDER, theirs.id))
        except StoreUnavailable as exc:
            self._say(exc.message, "error")
            return
        self.load(self.session.map.by_id().get(theirs.id))
        self._say(self.content.theirs_restored.format(who=who), "success")

    def _say(self, text: str, kind: str = "info") -> None:
        """The form's one feedback line (empty ``text``: nothing); any earlier conflict's button goes away."""
        if text:
            self.feedback.show(text, kind)
        else:
            self.feedback.clear()
        if self.take_theirs is not None:
            self.take_theirs.layout.display = "none"
            self._theirs = None
