"""Dag 4: co-creatie — the actieplan the group and the stakeholders carry out themselves."""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.pages.dag4 import texts
from wijwerken_widgets.shared.act.session import page_act
from wijwerken_widgets.ui.blocks import Exercise, hidden, markdown
from wijwerken_widgets.ui.context import Context


def section(ctx: Context) -> widgets.Widget:
    """The ``plan`` part of ``dag4.yaml`` (nothing for someone in no group)."""
    part = texts.load().exercises.plan
    if page_act(ctx) is None:
        return hidden()
    return Exercise(part.title, part.instruction, [markdown(part.prompts, "ww-notice")])
