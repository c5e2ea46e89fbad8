"""Dag 2's network view: the graph in a sandboxed iframe, and positions dragged in the browser."""

from __future__ import annotations

import json

from tests.support.maps import map_session
from wijwerken_widgets.pages.dag2.network import NetworkView, parse_positions
from wijwerken_widgets.shared.stakeholders.model import validate_stakeholder
from wijwerken_widgets.ui.context import Context


def test_dragged_positions_are_validated_and_kept_for_the_group(ctx: Context, groupmate: Context) -> None:
    """Do only known ids with finite numbers get stored, and does a groupmate then draw them there?"""
    session = map_session(ctx)
    session.add([validate_stakeholder({"naam": "Wethouder"})])
    sid = session.map.stakeholders[0].id
    view = NetworkView(session)
    posted = {sid: {"x": 120.5, "y": -40}, "unknown": {"x": 1, "y": 2}}
    view.positions.value = json.dumps(posted)
    assert session.map.positions[sid] == (120.5, -40.0)
    theirs = map_session(groupmate)
    assert theirs.map.positions[sid] == (120.5, -40.0)
    assert parse_positions('{"x": {"x": NaN, "y": 1}}', {"x"}) == {}
    assert parse_positions("not json", {"x"}) == {}
    assert parse_positions(json.dumps({sid: {"x": True, "y": 1}}), {sid}) == {}


def test_the_graph_is_a_sandboxed_iframe_that_redraws_after_an_edit(ctx: Context) -> None:
    """Is the graph a sandboxed iframe (scripts, no same-origin) that redraws after an edit, names escaped?"""
    session = map_session(ctx)
    view = NetworkView(session)
    empty = view.frame.value
    assert 'sandbox="allow-scripts"' in empty and "allow-same-origin" not in empty
    session.add([validate_stakeholder({"naam": "<img src=x onerror=alert(1)>"})])
    assert view.frame.value != empty
    assert "<img src=x" not in view.frame.value  # escaped inside srcdoc
