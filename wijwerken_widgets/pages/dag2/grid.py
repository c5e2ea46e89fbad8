"""Dag 2: the invloed × belang grid (Mendelow) of the group's map and the same as a table, redrawn when the map
changes."""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.shared.stakeholders.session import MapSession, page_map
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, hidden
from wijwerken_widgets.ui.context import Context


class GridView(widgets.HTML):
    def __init__(self, session: MapSession) -> None:
        super().__init__(layout=styles.layout(), _dom_classes=("ww-grid",))
        self.session = session
        self.page = texts.load()
        session.on_change(lambda _: self.draw())
        self.draw()

    def draw(self) -> None:
        from wijwerken_widgets.pages.dag2.grid_draw import grid_svg
        from wijwerken_widgets.pages.dag2.grid_table import quadrant_table_html

        m = self.session.map
        value = (f"<figure class='ww-figure'>{grid_svg(m, self.page)}</figure>"
                 f"{quadrant_table_html(m, self.page)}")
        if value != self.value:
            self.value = value


def section(ctx: Context) -> widgets.Widget:
    """The ``grid`` part of ``dag2.yaml``: the invloed × belang grid of the group's map (nothing for someone in no group)."""
    part, current = texts.load().exercises.grid, page_map(ctx)
    return hidden() if current is None else Exercise(part.title, part.instruction, [GridView(current)])
