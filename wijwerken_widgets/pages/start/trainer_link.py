"""Only for trainers: the start page's way to the trainer page "Tussen de dagen" (not in the participants'
navigation, which is the same for everyone)."""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.pages.start import texts
from wijwerken_widgets.ui.blocks import Exercise, hidden
from wijwerken_widgets.ui.context import Context


def section(ctx: Context) -> widgets.Widget:
    """The ``trainer`` part of ``start.yaml``: only for trainers."""
    if ctx.person.role != "trainer":
        return hidden()
    part = texts.load().trainer
    return Exercise(part.title, part.text, [])
