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
from wijwerken_widgets.shared.conversations.items import Feedback, Punt, feedback_id
from wijwerken_widgets.shared.conversations.session import ConversationSession
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.autosave import SaveStatus, adopt_statuses
from wijwerken_widgets.ui.blocks import box, labelled, static_html, text_input
from wijwerken_widgets.ui.item_autosave import ItemAutosave

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag3.roleplay_scenario_schema import Scenario
    from wijwerken_widgets.pages.dag3.schema import CheckItem, RoleplayPart

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
                 round_index: int, voor: int, scenario_id: str | None) -> None:
        self.session, self.part = session, part
        self.items = checklist_for(part, scenario.soort)
        words = part.checklist
        ratings = [(words.not_rated, ""), *((r, r) for r in part.ratings)]
        self._rating_values = {value for _, value in ratings}
        self.ratings: dict[str, widgets.Dropdown] = {}
        self.examples: dict[str, widgets.Widget] = {}
        points = []
        for item in self.items:
            self.ratings[item.key] = widgets.Dropdown(options=ratings, value="", description=words.rating_label,
                                                      layout=styles.plain_layout(), style=_rating_style())
            self.examples[item.key] = widgets.Textarea(
                placeholder=item.voorbeeld, description=words.example_label, rows=2, continuous_update=True,
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
        self.item_id = feedback_id(trio_id, round_index, observer)
        fixed = Feedback(self.item_id, trio_id=trio_id, ronde=round_index, voor=voor, van=observer,
                         scenario=scenario_id, soort=scenario.soort)
        self.saver = ItemAutosave(session, Feedback.KIND, self.item_id, get_value=self.value,
                                  set_value=self.set_value, status=self.status, fixed=fixed.fixed_data(),
                                  fields={**self.examples, "tip": self.tip})
        for control in [*self.ratings.values(), *self.examples.values(), self.tip]:
            control.observe(lambda _: self.saver.changed(), names="value")
        reminders = "".join(f"<li>{render_markdown(point)}</li>" for point in scenario.aandachtspunten_observator)
        intro = static_html(
            f"<h4>{html.escape(words.title)}</h4>"
            f'<div class="ww-notice"><strong>{html.escape(words.reminders)}</strong><ul>{reminders}</ul></div>',
            "ww-text",
        )
        super().__init__([intro, *points, labelled(part.tip, self.tip), self.status], layout=styles.layout(),
                         _dom_classes=("ww-observer-checklist",))
        adopt_statuses(self)

    def value(self) -> dict[str, Any]:
        """What the form shows, as the feedback's edited fields (``punten`` and ``tip``)."""
        punten = {key: Punt(self.ratings[key].value, self.examples[key].value) for key in self.ratings}
        return Feedback(self.item_id, punten=punten, tip=self.tip.value).edited_data()

    def set_value(self, value: dict[str, Any]) -> None:
        """Fill the form from a stored version; unknown points and ratings are left out, never a crash."""
        feedback = Feedback.from_data(self.item_id, value)
        for key, rating in self.ratings.items():
            point = feedback.punten.get(key, Punt())
            rating.value = point.oordeel if point.oordeel in self._rating_values else ""
            self.examples[key].value = point.voorbeeld
        self.tip.value = feedback.tip
