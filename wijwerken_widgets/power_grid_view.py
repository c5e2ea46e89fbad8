"""Dag 2: the invloed × belang grid (Mendelow) of the group's map, redrawn when the map changes."""

from __future__ import annotations

import ipywidgets as widgets

from . import shared
from .map_session import MapSession


class PowerGridView(widgets.HTML):
    def __init__(self, session: MapSession) -> None:
        super().__init__(layout=shared.layout(), _dom_classes=("ww-power-grid",))
        self.session = session
        session.on_change(lambda _: self.draw())
        self.draw()

    def draw(self) -> None:
        from .stakeholders.grid_svg import power_grid_svg

        value = f"<figure class='ww-figure'>{power_grid_svg(self.session.map)}</figure>"
        if value != self.value:
            self.value = value
