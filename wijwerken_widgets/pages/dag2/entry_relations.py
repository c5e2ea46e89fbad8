"""Dag 2: draw a line between two stakeholders, or take one away."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.pages.dag2.keys import RELATION
from wijwerken_widgets.shared.stakeholders.model import RELATIE_SOORTEN, STERKTES, InvalidInput, validate_relation
from wijwerken_widgets.shared.stakeholders.session import MapSession
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import button
from wijwerken_widgets.ui.notices import Feedback

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag2.schema import EntryPart


class RelationForm(widgets.VBox):
    """Van, naar, soort and sterkte, plus the list of current relations to remove from."""

    def __init__(self, session: MapSession, part: EntryPart | None = None) -> None:
        self.session = session
        self.content = content = (part or texts.load().exercises.entry).relations
        self.van = widgets.Dropdown(description=content.van, options=[])
        self.naar = widgets.Dropdown(description=content.naar, options=[])
        self.soort = widgets.Dropdown(description=content.soort,
                                      options=[(v, k) for k, v in RELATIE_SOORTEN.items()])
        self.sterkte = widgets.ToggleButtons(options=[(v, k) for k, v in STERKTES.items()], value=2,
                                             description=content.sterkte)
        self.add_button = button(content.add_button, "plus", "ww-primary")
        self.current = widgets.Select(options=[], rows=6, description=content.list_label, layout=styles.layout())
        self.remove_button = button(content.remove_button, "trash")
        self.feedback = Feedback()
        self.add_button.on_click(lambda _: self.submit())
        self.remove_button.on_click(lambda _: self.remove())
        pick = widgets.GridBox(
            [self.van, self.naar, self.soort, self.sterkte],
            layout=widgets.Layout(grid_template_columns="repeat(auto-fill, minmax(300px, 1fr))", grid_gap="4px 16px"),
        )
        super().__init__([pick, self.add_button, self.feedback, self.current, self.remove_button],
                         layout=styles.layout(), _dom_classes=("ww-relation-form",))
        session.on_change(lambda _: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        people = [(s.naam, s.id) for s in self.session.map.stakeholders]
        for control in (self.van, self.naar):
            keep = control.value if any(v == control.value for _, v in people) else None
            with control.hold_sync():  # new options select the first one: set the value after them
                control.options = people
                control.value = keep
        names = {s.id: s.naam for s in self.session.map.stakeholders}
        self.current.options = [
            (f"{names[r.van]} — {RELATIE_SOORTEN[r.soort].lower()} ({STERKTES[r.sterkte].lower()}) — {names[r.naar]}",
             r.id)
            for r in self.session.map.relations
        ]

    def submit(self) -> None:
        try:
            relation = validate_relation({"van": self.van.value, "naar": self.naar.value, "soort": self.soort.value,
                                          "sterkte": self.sterkte.value})
            if self.session.map.has_relation(relation.van, relation.naar, relation.soort):
                raise InvalidInput(self.content.exists)
            self.session.add([], [relation])
        except (InvalidInput, StoreUnavailable) as exc:
            self.feedback.show(exc.message, "error")
            return
        self.feedback.show(self.content.added, "success")

    def remove(self) -> None:
        if self.current.value is None:
            self.feedback.show(self.content.pick_first, "info")
            return
        try:
            self.session.remove(RELATION, self.current.value)
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")
            return
        self.feedback.show(self.content.removed, "info")
