"""Dag 4 for trainers: per group the themes, the dots, what was said back and the plan."""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.pages.dag4 import texts
from wijwerken_widgets.ui.blocks import Exercise, hidden, markdown
from wijwerken_widgets.ui.context import Context


def section(ctx: Context) -> widgets.Widget:
    """The ``trainer`` part of ``dag4.yaml``: only for trainers."""
    if ctx.person.role != "trainer" or ctx.cohort is None:
        return hidden()
    part = texts.load().exercises.trainer
    return Exercise(part.title, part.instruction, [markdown(part.no_groups, "ww-empty")])
