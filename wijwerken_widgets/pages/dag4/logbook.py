"""Dag 4: the participant's logboek (``shared/logbook``), with today's prompts first."""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.pages.dag4 import texts
from wijwerken_widgets.shared.logbook import texts as logbook_texts
from wijwerken_widgets.shared.logbook.widget import Logbook
from wijwerken_widgets.ui.blocks import Exercise
from wijwerken_widgets.ui.context import Context


def section(ctx: Context) -> widgets.Widget:
    """The ``logbook`` part of ``dag4.yaml``; personal, so it works without a group."""
    part = texts.load().exercises.logbook
    return Exercise(part.title, part.instruction, [Logbook(ctx, logbook_texts.load(), day="dag4")])
