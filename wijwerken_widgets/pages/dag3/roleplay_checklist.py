"""Dag 3 role-play: the observator's checklist for one round, shared with the gespreksvoerder as ``feedback``.

Per point a rating and a concrete example, plus one tip; saved (debounced) as the group item
``feedback_id(trio, round, observator)`` so the gespreksvoerder's :class:`FeedbackView` shows it after polling.
"""

from __future__ import annotations

import functools
import html
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import TextStyle

from wijwerken_widgets.core.html import render_markdown
from wijwerken_widgets.shared.conversations.items import feedback_id
from wijwerken_widgets.shared.conversations.session import ConversationSession
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.autosave import SaveStatus, adopt_statuses
from wijwerken_widgets.ui.blocks import box, labelled, static_html, text_input
from wijwerken_widgets.ui.item_autosave import ItemAutosave

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag3.roleplay_scenario_schema import Scenario
    from wijwerken_widgets.pages.dag3.schema import CheckItem, RoleplayPart

NOT_RATED = "Nog niet ingevuld"
EXAMPLE_LABEL = "Concreet voorbeeld"
LABEL_WIDTH = "11em"  # the rating and the example line up


@functools.cache
def _rating_style() -> DescriptionStyle:
    return DescriptionStyle(description_width=LABEL_WIDTH)


@functools.cache
def _example_style() -> TextStyle:
    return TextStyle(description_width=LABEL_WIDTH)


def checklist_for(part: RoleplayPart, soort: str | None) -> list[CheckItem]:
    """The facilitator checklist for a facilitator scenario, else the conversation checklist."""
    return list(part.checklist_facilitator if soort == "facilitator" else part.checklist_gesprek)


class ObserverChecklist(widgets.VBox):
    """What the observator saw in round ``round_index`` of trio ``trio_id``, for gespreksvoerder ``voor``."""

    def __init__(self, session: ConversationSession, part: RoleplayPart, scenario: Scenario, *, trio_id: str,
                 round_index: int, voor: int, scenario_id: str) -> None:
        self.session, self.part = session, part
        self.items = checklist_for(part, scenario.soort)
        ratings = [(NOT_RATED, ""), *((r, r) for r in part.ratings)]
        self._rating_values = {value for _, value in ratings}
        self.ratings: dict[str, widgets.Dropdown] = {}
        self.examples: dict[str, widgets.Widget] = {}
        points = []
        for item in self.items:
            self.ratings[item.key] = widgets.Dropdown(options=ratings, value="", description="Oordeel",
                                                      layout=styles.plain_layout(), style=_rating_style())
            self.examples[item.key] = widgets.Textarea(
                placeholder=item.voorbeeld, description=EXAMPLE_LABEL, rows=2, continuous_update=True,
                layout=styles.layout(), style=_example_style())
            points.append(box([
                static_html(f'<label class="ww-label">{html.escape(item.label)}</label>'
                            f'<div class="ww-hint">{html.escape(item.vraag)}</div>'),
                self.ratings[item.key],
                self.examples[item.key],
            ], "ww-field ww-check-item"))
        self.tip = text_input(part.tip, rows=2)
        self.status = SaveStatus()
        observer = session.ctx.person.id
        self.saver = ItemAutosave(
            session, "feedback", feedback_id(trio_id, round_index, observer),
            get_value=self.value, set_value=self.set_value, status=self.status,
            fixed={"trio_id": trio_id, "ronde": round_index, "voor": voor, "van": observer,
                   "scenario": scenario_id, "soort": scenario.soort},
        )
        for control in [*self.ratings.values(), *self.examples.values(), self.tip]:
            control.observe(lambda _: self.saver.changed(), names="value")
        reminders = "".join(f"<li>{render_markdown(point)}</li>" for point in scenario.aandachtspunten_observator)
        intro = static_html(
            "<h4>Checklist voor de observator</h4>"
            f'<div class="ww-notice"><strong>Let in dit rollenspel vooral op:</strong><ul>{reminders}</ul></div>',
            "ww-text",
        )
        super().__init__([intro, *points, labelled(part.tip, self.tip), self.status], layout=styles.layout(),
                         _dom_classes=("ww-observer-checklist",))
        adopt_statuses(self)

    def value(self) -> dict[str, Any]:
        return {
            "punten": {key: {"oordeel": self.ratings[key].value, "voorbeeld": self.examples[key].value}
                       for key in self.ratings},
            "tip": self.tip.value,
        }

    def set_value(self, value: dict[str, Any]) -> None:
        """Fill the form from a stored version; unknown points and ratings are left out, never a crash."""
        value = value if isinstance(value, dict) else {}
        points = value.get("punten") if isinstance(value.get("punten"), dict) else {}
        for key, rating in self.ratings.items():
            point = points.get(key) if isinstance(points.get(key), dict) else {}
            oordeel = point.get("oordeel", "")
            rating.value = oordeel if isinstance(oordeel, str) and oordeel in self._rating_values else ""
            example = point.get("voorbeeld", "")
            self.examples[key].value = example if isinstance(example, str) else ""
        tip = value.get("tip", "")
        self.tip.value = tip if isinstance(tip, str) else ""
