"""No label of a page shows the tooltip "null" (ipywidgets 8 sets a None tooltip as the label's title)."""

from __future__ import annotations

from collections.abc import Iterator

import ipywidgets as widgets
import pytest
from ipywidgets.widgets.widget_description import DescriptionWidget

from wijwerken_widgets.pages.dag2 import entry
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.page import Page


def walk(widget: widgets.Widget) -> Iterator[widgets.Widget]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


@pytest.fixture
def own_hook() -> Iterator[None]:
    """The test starts without the construction hook and puts back the one it found."""
    before = widgets.Widget._widget_construction_callback
    widgets.Widget._widget_construction_callback = None
    yield
    widgets.Widget._widget_construction_callback = before


def test_a_page_gives_no_label_a_null_tooltip(own_hook, ctx: Context) -> None:
    """Once a page is made, has every labelled field of Dag 2's entry (all four tabs) a tooltip that is not None,
    while a tooltip given on purpose is kept?"""
    Page("Dag 2")
    section = entry.section(ctx)
    tabs = next(w for w in walk(section) if isinstance(w, widgets.Tab))
    for index in range(len(tabs.children)):
        tabs.selected_index = index
    described = [w for w in walk(section) if isinstance(w, DescriptionWidget)]
    assert any(w.description for w in described)
    assert [w.description for w in described if w.tooltip is None] == []
    assert widgets.Text(description="Naam", tooltip="Vul een naam in").tooltip == "Vul een naam in"


def test_installing_twice_keeps_one_hook_after_the_one_before(own_hook) -> None:
    """Does a second page leave one hook, that still runs a hook set before it?"""
    seen = []
    widgets.Widget.on_widget_constructed(seen.append)
    Page("Dag 1")
    Page("Dag 2")
    label = widgets.Label("x")
    assert seen.count(label) == 1
    assert label.tooltip == ""
