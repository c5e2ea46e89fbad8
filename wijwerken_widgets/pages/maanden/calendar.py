"""The three months: the ``calendar`` part of ``maanden.yaml`` (being built)."""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.pages.maanden import texts
from wijwerken_widgets.ui.blocks import Exercise
from wijwerken_widgets.ui.context import Context


def section(ctx: Context) -> widgets.Widget:
    part = texts.load().exercises.calendar
    return Exercise(part.title, part.instruction, [])
