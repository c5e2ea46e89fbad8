"""Dag 2: add a stakeholder, or pick one and change or remove it, in a form."""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.core.html import render_markdown
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
from wijwerken_widgets.ui.notices import message

NEW = ""  # the picker's value for "a new stakeholder"


def _options(vocabulary: dict[str, str]) -> list[tuple[str, str]]:
    return [(label, key) for key, label in vocabulary.items()]


def notice_text(exc: Exception) -> str:
    """A Dutch message for a failed save: the store's own text or the field that is wrong."""
    return exc.message if isinstance(exc, (StoreUnavailable, InvalidInput)) else str(exc)


class StakeholderForm(widgets.VBox):
    """The fields of one stakeholder with Toevoegen / Opslaan / Verwijderen; everything saves via the session."""

    def __init__(self, session: MapSession, naam_hint: str) -> None:
        self.session = session
        self.editing: Stakeholder | None = None
        self.base_version: int | None = None
        wide = styles.layout()
        self.picker = widgets.Dropdown(description="Stakeholder", options=[("+ Nieuwe stakeholder", NEW)], value=NEW,
                                       layout=wide, style={"description_width": "initial"})
        self.naam = widgets.Text(placeholder="Bijvoorbeeld: Wethouder Sociaal Domein, of Bewoner Rozenstraat",
                                 description="Naam", layout=wide, continuous_update=False)
        self.soort = widgets.Dropdown(options=_options(SOORTEN), value="collega", description="Soort")
        self.positie = widgets.ToggleButtons(options=_options(POSITIES), value="intern", description="Plek")
        self.invloed = widgets.IntSlider(3, min=1, max=5, description="Invloed")
        self.belang = widgets.IntSlider(3, min=1, max=5, description="Belang")
        self.houding = widgets.Dropdown(options=_options(HOUDINGEN), value="onbekend", description="Houding")
        self.energie_nu = widgets.Dropdown(options=_options(ENERGIE), value="neutraal", description="Energie nu")
        self.energie_gewenst = widgets.Dropdown(options=_options(ENERGIE), value="neutraal",
                                                description="Gewenst")
        self.notitie = widgets.Textarea(placeholder="Wat weet je van deze stakeholder? Wat is nog een vraag?",
                                        description="Notitie", rows=2, layout=wide)
        self.save_button = button("Toevoegen", "plus", "ww-primary")
        self.remove_button = button("Weghalen", "trash")
        self.cancel_button = button("Nieuwe stakeholder")
        self.remove_button.layout = widgets.Layout(display="none")
        self.cancel_button.layout = widgets.Layout(display="none")
        self.feedback = widgets.VBox(layout=styles.plain_layout())
        self.fields = {
            "naam": self.naam, "soort": self.soort, "positie": self.positie, "invloed": self.invloed,
            "belang": self.belang, "houding": self.houding, "energie_nu": self.energie_nu,
            "energie_gewenst": self.energie_gewenst, "notitie": self.notitie,
        }
        self.picker.observe(self._picked, names="value")
        self.save_button.on_click(lambda _: self.submit())
        self.remove_button.on_click(lambda _: self.remove())
        self.cancel_button.on_click(lambda _: self.load(None))
        hint = static_html(render_markdown(naam_hint), "ww-hint")
        grid = widgets.GridBox(
            [self.soort, self.positie, self.invloed, self.belang, self.houding, self.energie_nu,
             self.energie_gewenst],
            layout=widgets.Layout(grid_template_columns="repeat(auto-fill, minmax(300px, 1fr))", grid_gap="4px 16px"),
        )
        actions = widgets.HBox([self.save_button, self.remove_button, self.cancel_button], layout=styles.plain_layout())
        super().__init__([self.picker, self.naam, hint, grid, self.notitie, actions, self.feedback],
                         layout=styles.layout(), _dom_classes=("ww-stakeholder-form",))
        session.on_change(lambda _: self._refresh_picker())
        self._refresh_picker()

    # -- the picker ------------------------------------------------------------------------------------------
    def _refresh_picker(self) -> None:
        options = [("+ Nieuwe stakeholder", NEW), *((s.naam, s.id) for s in self.session.map.stakeholders)]
        current = self.picker.value if any(v == self.picker.value for _, v in options) else NEW
        with self.picker.hold_trait_notifications():
            self.picker.options = options
            self.picker.value = current
        if self.editing is not None and current == NEW:
            self._say(f"'{self.editing.naam}' is net door een groepsgenoot weggehaald; je kunt hem terugzetten "
                      "onder 'Wat is er veranderd?'.", "warning")
            self.load(None, keep_feedback=True)

    def _picked(self, change) -> None:
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
        self.save_button.description = "Wijziging opslaan" if editing else "Toevoegen"
        self.save_button.icon = "check" if editing else "plus"
        self.remove_button.layout.display = "" if editing else "none"
        self.cancel_button.layout.display = "" if editing else "none"
        if self.picker.value != (stakeholder.id if editing else NEW):
            self.picker.value = stakeholder.id if editing else NEW
        if not keep_feedback:
            self.feedback.children = []

    # -- saving ----------------------------------------------------------------------------------------------
    def values(self) -> dict:
        return {name: control.value for name, control in self.fields.items()}

    def submit(self) -> None:
        """Add the new stakeholder or save the change; a problem is shown in Dutch and the form keeps its text."""
        try:
            stakeholder = validate_stakeholder(self.values(), item_id=self.editing.id if self.editing else None)
            same = self.session.map.find(stakeholder.naam)
            if same is not None and (self.editing is None or same.id != self.editing.id):
                self._say(f"'{same.naam}' staat al op de kaart. Kies hem hierboven om hem te wijzigen.", "warning")
                return
            if self.editing is None:
                self.session.add([stakeholder])
                self._say(f"'{stakeholder.naam}' staat op de kaart.", "success")
                self.load(None, keep_feedback=True)
            else:
                conflict = self.session.update(stakeholder, self.base_version)
                self.base_version = self.session.version(STAKEHOLDER, stakeholder.id)
                self.editing = stakeholder
                if conflict is None:
                    self._say(f"Wijziging van '{stakeholder.naam}' opgeslagen.", "success")
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
        self._say(f"'{naam}' is van de kaart gehaald. Terugzetten kan onder 'Wat is er veranderd?'.", "info")

    def _show_conflict(self, conflict: Conflict) -> None:
        theirs = Stakeholder.from_data(conflict.theirs.item_id, conflict.theirs.data)
        restore = button(f"Zet de versie van {conflict.their_name} terug")

        def take_theirs(_=None) -> None:
            try:
                self.session.update(theirs, self.session.version(STAKEHOLDER, theirs.id))
            except StoreUnavailable as exc:
                self._say(exc.message, "error")
                return
            self.load(self.session.map.by_id().get(theirs.id))
            self._say(f"De versie van {conflict.their_name} staat weer op de kaart.", "success")

        restore.on_click(take_theirs)
        text = (f"Let op: {conflict.their_name} heeft '{theirs.naam}' net ook gewijzigd. Jouw versie is opgeslagen; "
                f"die van {conflict.their_name} staat in de geschiedenis.")
        self.feedback.children = [message(text, "warning"), restore]

    def _say(self, text: str, kind: str) -> None:
        self.feedback.children = [message(text, kind)]

