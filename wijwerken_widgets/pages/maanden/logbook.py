"""The three months: the participant's logboek (``shared/logbook``), with this period's prompts first."""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.pages.maanden import texts
from wijwerken_widgets.shared.logbook import texts as logbook_texts
from wijwerken_widgets.shared.logbook.widget import Logbook
from wijwerken_widgets.ui.blocks import Exercise
from wijwerken_widgets.ui.context import Context


def section(ctx: Context) -> widgets.Widget:
    """The ``logbook`` part of ``maanden.yaml``; personal, so it works without a group."""
    part = texts.load().exercises.logbook
    return Exercise(part.title, part.instruction, [Logbook(ctx, logbook_texts.load(), day="maanden")])
