"""Dag 3 role-play: a short personal reflection after a round (goed / anders / meenemen), not shared."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.pages.dag3.keys import reflection_key
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.autosave import SaveStatus, adopt_statuses, autosave_form
from wijwerken_widgets.ui.blocks import labelled, static_html, text_input
from wijwerken_widgets.ui.context import Context

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag3.schema import RoleplayPart


class RoundReflection(widgets.VBox):
    """Three autosaved fields under ``keys.ROUND_REFLECTION`` of this trio and round (the participant's own answer)."""

    def __init__(self, ctx: Context, part: RoleplayPart, trio_id: str, round_index: int) -> None:
        fields = part.reflection
        self.inputs = {name: text_input(getattr(fields, name), rows=2) for name in ("goed", "anders", "meenemen")}
        self.status = SaveStatus()
        self.saver = autosave_form(ctx, reflection_key(trio_id, round_index), self.inputs, self.status)
        heading = static_html(f"<h4>{html.escape(part.reflection_title)}</h4>"
                              f'<p class="ww-hint">{html.escape(part.reflection_hint)}</p>', "ww-text")
        super().__init__(
            [heading, *(labelled(getattr(fields, name), control) for name, control in self.inputs.items()),
             self.status],
            layout=styles.layout(), _dom_classes=("ww-round-reflection",),
        )
        adopt_statuses(self)
