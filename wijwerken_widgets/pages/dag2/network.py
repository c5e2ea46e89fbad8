"""Dag 2: the stakeholder network drawn by pyvis in a sandboxed iframe; dragged positions are kept for the group.

The iframe posts dragged positions to the page, whose template script types them into this widget's hidden text
box (see ``static/wijwerken-graph.js``); they are checked here before they reach the store.
"""

from __future__ import annotations

import json
import logging
import math
import os

import ipywidgets as widgets

from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.shared.stakeholders.session import MapSession, page_map
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, hidden
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.notices import Feedback

log = logging.getLogger("wijwerken")
LIMIT = 1e6
TEMPLATE_STATIC = "voila/templates/wijwerken/static/vis-network/"


def library_url() -> str | None:
    """Where this workbook's Voilà serves vis-network (the browser caches it), or ``None`` outside Voilà."""
    from wijwerken_widgets import __version__

    base = os.environ.get("VOILA_BASE_URL")
    return None if base is None else f"{base.rstrip('/')}/{TEMPLATE_STATIC}?v={__version__}"


def parse_positions(text: str, known: set[str]) -> dict[str, tuple[float, float]]:
    """Positions posted by the browser, keeping only known ids with finite, sane coordinates."""
    try:
        posted = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(posted, dict):
        return {}
    positions = {}
    for item_id, point in posted.items():
        if item_id not in known or not isinstance(point, dict):
            continue
        x, y = point.get("x"), point.get("y")
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and abs(v) < LIMIT
               for v in (x, y)):
            positions[item_id] = (float(x), float(y))
    return positions


class NetworkView(widgets.VBox):
    """The graph of the group's map; redraws when the map changes, not after this participant's own drag."""

    def __init__(self, session: MapSession, height_px: int = 560) -> None:
        self.session = session
        self.height_px = height_px
        self.frame = widgets.HTML(layout=styles.layout())
        self.positions = widgets.Text(layout=widgets.Layout(display="none"), continuous_update=True,
                                      _dom_classes=("ww-graph-positions",))
        self.feedback = Feedback()
        self._drawn = None
        self.positions.observe(self._dragged, names="value")
        super().__init__([self.frame, self.positions, self.feedback], layout=styles.layout(),
                         _dom_classes=("ww-graph",))
        session.on_change(lambda _: self.draw(), first=True)
        self.draw()

    def _signature(self):
        m = self.session.map
        return m.stakeholders, m.relations, tuple(sorted(m.positions.items()))

    def draw(self, force: bool = False) -> None:
        from wijwerken_widgets.pages.dag2 import network_draw

        signature = self._signature()
        if signature == self._drawn and not force:
            return
        m = self.session.map
        positions = dict(m.positions)
        if len(positions) < len(m):  # e.g. a position not saved: place it (quickly), without saving
            positions = network_draw.place_new(m, positions)
        document = network_draw.graph_document(m, positions, height_px=self.height_px, library_url=library_url())
        self.frame.value = network_draw.graph_iframe(document, height_px=self.height_px + 80)
        self._drawn = signature

    def _dragged(self, change) -> None:
        moved = parse_positions(change["new"], set(self.session.map.by_id()))
        if not moved:
            return
        current = dict(self.session.map.positions)
        if all(current.get(k) == v for k, v in moved.items()):
            return
        m = self.session.map
        # The browser already shows the new places: do not send the whole graph back for them.
        self._drawn = (m.stakeholders, m.relations, tuple(sorted({**current, **moved}.items())))
        try:
            self.session.move(moved)
            self.feedback.clear()
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")


def section(ctx: Context) -> widgets.Widget:
    """The ``network`` part of ``dag2.yaml``: the network of the group's map and the same as a table (nothing for
    someone in no group)."""
    from wijwerken_widgets.pages.dag2.network_table import NetworkTable

    page, current = texts.load(), page_map(ctx)
    part = page.exercises.network
    if current is None:
        return hidden()
    return Exercise(part.title, part.instruction, [NetworkView(current), NetworkTable(current, page)])
