"""Dag 2: add a stakeholder, or pick one and change or remove it, in a form."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.html import render_markdown
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
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import button, static_html
from wijwerken_widgets.ui.notices import Feedback

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag2.schema import EntryPart

NEW = ""  # the picker's value for "a new stakeholder"


def _options(vocabulary: dict[str, str]) -> list[tuple[str, str]]:
    return [(label, key) for key, label in vocabulary.items()]


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
        self.base_version: int | None = None
        wide = styles.layout()
        self.picker = widgets.Dropdown(description=content.picker, options=[(content.new_option, NEW)], value=NEW,
                                       layout=wide, style={"description_width": "initial"})
        self.naam = widgets.Text(placeholder=labels.naam.placeholder, description=labels.naam.label, layout=wide,
                                 continuous_update=False)
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
            "naam": self.naam, "soort": self.soort, "positie": self.positie, "invloed": self.invloed,
            "belang": self.belang, "houding": self.houding, "energie_nu": self.energie_nu,
            "energie_gewenst": self.energie_gewenst, "notitie": self.notitie,
        }
        self.picker.observe(self._picked, names="value")
        self.save_button.on_click(lambda _: self.submit())
        self.remove_button.on_click(lambda _: self.remove())
        self.cancel_button.on_click(lambda _: self.load(None))
        hint = static_html(render_markdown(part.naam_hint), "ww-hint")
        grid = widgets.GridBox(
            [self.soort, self.positie, self.invloed, self.belang, self.houding, self.energie_nu,
             self.energie_gewenst],
            layout=widgets.Layout(grid_template_columns="repeat(auto-fill, minmax(300px, 1fr))", grid_gap="4px 16px"),
        )
        actions = widgets.HBox([self.save_button, self.remove_button, self.cancel_button], layout=styles.plain_layout())
        self._parts = [self.picker, self.naam, hint, grid, self.notitie, actions, self.feedback]
        super().__init__(self._parts, layout=styles.layout(), _dom_classes=("ww-stakeholder-form",))
        session.on_change(lambda _: self._refresh_picker())
        self._refresh_picker()

    # -- the picker ------------------------------------------------------------------------------------------
    def _refresh_picker(self) -> None:
        options = [(self.content.new_option, NEW), *((s.naam, s.id) for s in self.session.map.stakeholders)]
        current = self.picker.value if any(v == self.picker.value for _, v in options) else NEW
        # New options select the first one (ipywidgets), also inside hold_trait_notifications: set the value after
        # them, and let _picked ignore both steps.
        self._refreshing = True
        try:
            with self.picker.hold_sync():
                self.picker.options = options
                self.picker.value = current
        finally:
            self._refreshing = False
        if self.editing is not None and current == NEW:
            self._say(self.content.removed_by_groupmate.format(naam=self.editing.naam), "warning")
            self.load(None, keep_feedback=True)

    def _picked(self, change) -> None:
        if self._refreshing:
            return
        if change["new"] == NEW:
            self.load(None)
        else:
            self.load(self.session.map.by_id().get(change["new"]))

    def load(self, stakeholder: Stakeholder | None, *, keep_feedback: bool = False) -> None:
        """Fill the form with ``stakeholder`` to edit it, or empty it for a new one."""
        self.editing = stakeholder
        self.base_version = None if stakeholder is None else self.session.version(STAKEHOLDER, stakeholder.id)
        source = stakeholder or Stakeholder(id="", naam="", soort="collega")
        for name, control in self.fields.items():
            control.value = getattr(source, name)
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
                self._say(self.content.already_on_map.format(naam=same.naam), "warning")
                return
            if self.editing is None:
                self.session.add([stakeholder])
                self._say(self.content.added.format(naam=stakeholder.naam), "success")
                self.load(None, keep_feedback=True)
            else:
                conflict = self.session.update(stakeholder, self.base_version)
                self.base_version = self.session.version(STAKEHOLDER, stakeholder.id)
                self.editing = stakeholder
                if conflict is None:
                    self._say(self.content.saved.format(naam=stakeholder.naam), "success")
                else:
                    self._show_conflict(conflict)
        except (InvalidInput, StoreUnavailable) as exc:
            self._say(notice_text(exc), "error")

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
        self._say(self.content.removed.format(naam=naam), "info")

    def _show_conflict(self, conflict: Conflict) -> None:
        """Say that a groupmate changed it too, with a button that puts their version back."""
        theirs = Stakeholder.from_data(conflict.theirs.item_id, conflict.theirs.data)
        who = conflict.their_name
        self._say(self.content.conflict.format(who=who, naam=theirs.naam), "warning")
        self._theirs = (theirs, who)
        if self.take_theirs is None:
            self.take_theirs = button("")
            self.take_theirs.on_click(lambda _: self._take_theirs())
            self.take_theirs.layout = widgets.Layout()
            self.children = [*self._parts, self.take_theirs]
        self.take_theirs.description = self.content.take_theirs_button.format(who=who)
        self.take_theirs.layout.display = ""

    def _take_theirs(self) -> None:
        if self._theirs is None:
            return
        theirs, who = self._theirs
        try:
            self.session.update(theirs, self.session.version(STAKEHOLDER, theirs.id))
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
