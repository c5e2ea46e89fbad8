"""No "null" tooltips: ipywidgets 8 puts a widget's ``tooltip`` on its description label as the ``title`` even when
it is None, and the browser then shows the word "null" when the pointer rests on a label ("Zoeken", "Naam").

ipywidgets calls one hook for every widget it makes, before the widget is sent to the browser; :func:`install`
sets it (once per kernel, from :class:`~wijwerken_widgets.ui.page.Page`) to give a description widget without a
tooltip the empty text instead, so no extra message is sent and no label shows a tooltip. A tooltip given on
purpose (a real text) is kept.
"""

from __future__ import annotations

import ipywidgets as widgets
from ipywidgets.widgets.widget_description import DescriptionWidget

_MARK = "_wijwerken_no_null_tooltips"


def no_null_tooltip(widget: widgets.Widget) -> None:
    """An empty tooltip for a description widget (Text, Dropdown, Label, …) that has none."""
    if isinstance(widget, DescriptionWidget) and widget.tooltip is None:
        widget.tooltip = ""


def install() -> None:
    """Run :func:`no_null_tooltip` on every widget made from now on (after any hook set before; idempotent)."""
    previous = widgets.Widget._widget_construction_callback
    if getattr(previous, _MARK, False):
        return

    def constructed(widget: widgets.Widget) -> None:
        if previous is not None:
            previous(widget)
        no_null_tooltip(widget)

    setattr(constructed, _MARK, True)
    widgets.Widget.on_widget_constructed(constructed)
