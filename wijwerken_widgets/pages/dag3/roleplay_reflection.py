"""Dag 3 role-play: a short personal reflection after a round (goed / anders / meenemen), not shared, and the
participant's reflections on earlier rounds, still readable when the next round has begun."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.html import plain_text_html
from wijwerken_widgets.pages.dag3.keys import ROUND_REFLECTION, reflection_key
from wijwerken_widgets.shared.conversations.items import Trio
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.autosave import SaveStatus, adopt_statuses, autosave_form
from wijwerken_widgets.ui.blocks import labelled, static_html, text_input
from wijwerken_widgets.ui.context import Context

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag3.roleplay_scenarios import ScenarioSet
    from wijwerken_widgets.pages.dag3.schema import RoleplayPart
    from wijwerken_widgets.shared.conversations.session import ConversationSession

FIELDS = ("goed", "anders", "meenemen")
PREFIX = ROUND_REFLECTION.key.split("{", 1)[0]  # "dag3.rollenspel."


class RoundReflection(widgets.VBox):
    """Three autosaved fields under ``keys.ROUND_REFLECTION`` of this trio and round (the participant's own answer)."""

    def __init__(self, ctx: Context, part: RoleplayPart, trio_id: str, round_index: int) -> None:
        fields = part.reflection
        self.inputs = {name: text_input(getattr(fields, name), rows=2) for name in FIELDS}
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


class EarlierReflections(widgets.HTML):
    """This participant's reflections on every other round (newest first), read-only; empty when there are none."""

    def __init__(self, session: ConversationSession, part: RoleplayPart, scenarios: ScenarioSet, *,
                 trio_id: str, round_index: int) -> None:
        ctx = session.ctx
        current = reflection_key(trio_id, round_index)
        saved = ctx.store.latest_answers(ctx.person.id, PREFIX)
        earlier = sorted((v for k, v in saved.items() if k != current and isinstance(v.value, dict)
                          and any(str(v.value.get(name) or "").strip() for name in FIELDS)),
                         key=lambda v: v.id, reverse=True)
        rounds = "".join(self._one(session, part, scenarios, v.key, v.value) for v in earlier)
        value = (f'<details class="ww-earlier-reflections" open><summary>'
                 f"{html.escape(part.earlier_reflections.format(aantal=len(earlier)))}</summary>{rounds}</details>"
                 if earlier else "")
        super().__init__(value, layout=styles.layout(), style=styles.html_style(),
                         _dom_classes=("ww-earlier-reflections-box",))

    @staticmethod
    def _one(session: ConversationSession, part: RoleplayPart, scenarios: ScenarioSet, key: str,
             value: dict) -> str:
        trio_id, _, index = key[len(PREFIX):].rpartition(".")
        number = int(index) + 1 if index.isdigit() else 0
        item = session.item(Trio.KIND, trio_id)
        rounds = Trio.of(item).rondes if item is not None else ()
        scenario_id = rounds[number - 1].scenario if 0 < number <= len(rounds) else None
        scenario = scenarios.get(scenario_id) if scenario_id is not None else None
        title = part.round.title.format(nummer=number)
        if scenario is not None:
            title = part.round.title_with_scenario.format(nummer=number, titel=scenario.titel)
        rows = "".join(
            f"<dt>{html.escape(getattr(part.reflection, name).label)}</dt>"
            f"<dd>{plain_text_html(str(value.get(name) or ''))}</dd>"
            for name in FIELDS if str(value.get(name) or "").strip()
        )
        return f'<div class="ww-card"><strong>{html.escape(title)}</strong><dl>{rows}</dl></div>'
