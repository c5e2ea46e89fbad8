"""Dag 4: dots, and the rode draden the group chooses to give back."""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.pages.dag4 import texts
from wijwerken_widgets.shared.act.session import page_act
from wijwerken_widgets.ui.blocks import Exercise, hidden
from wijwerken_widgets.ui.context import Context


def section(ctx: Context) -> widgets.Widget:
    """The ``vote`` part of ``dag4.yaml`` (nothing for someone in no group)."""
    part = texts.load().exercises.vote
    if page_act(ctx) is None:
        return hidden()
    return Exercise(part.title, part.instruction, [])
