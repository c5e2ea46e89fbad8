"""The three months: the olievlek — with whom each member shared Wij-Werken, towards at least ten colleagues."""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.pages.maanden import texts
from wijwerken_widgets.ui.blocks import Exercise
from wijwerken_widgets.ui.context import Context


def section(ctx: Context) -> widgets.Widget:
    """The ``olievlek`` part of ``maanden.yaml``."""
    part = texts.load().exercises.olievlek
    return Exercise(part.title, part.instruction, [])
