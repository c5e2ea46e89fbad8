"""Dag 3 role-play: the feedback this participant got as gespreksvoerder, newest first, in one HTML widget, and
the choice to let the trainer read it (:func:`sharing`, saved as the participant's own answer).

Redrawn after every change of the session, so an observator's checklist shows up here within one poll.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.dutch import clock
from wijwerken_widgets.core.html import escaped, format_html, plain_text_html, render_markdown
from wijwerken_widgets.pages.dag3 import keys
from wijwerken_widgets.pages.dag3.roleplay_checklist import checklist_for
from wijwerken_widgets.pages.dag3.roleplay_scenarios import ScenarioSet
from wijwerken_widgets.shared.conversations.items import Feedback
from wijwerken_widgets.shared.conversations.session import ConversationSession
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.autosave import SaveStatus, autosave_widget

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag3.schema import RoleplayPart
    from wijwerken_widgets.store import GroupItem
    from wijwerken_widgets.ui.context import Context


class FeedbackView(widgets.HTML):
    """All feedback for the current person as gespreksvoerder: scenario, round, observator, points and tip."""

    def __init__(self, session: ConversationSession, part: RoleplayPart, scenarios: ScenarioSet) -> None:
        super().__init__(layout=styles.layout(), style=styles.html_style(), _dom_classes=("ww-received-feedback",))
        self.session, self.part, self.scenarios = session, part, scenarios
        session.on_change(lambda _: self.draw())
        self.draw()

    def draw(self) -> None:
        items = [(item, Feedback.of(item)) for item in self.session.feedback_for(self.session.ctx.person.id)]
        body = "".join(self._one(item, feedback) for item, feedback in items if feedback.has_content)
        body = body or render_markdown(self.part.feedback_empty)
        value = f"<h4>{html.escape(self.part.feedback_title)}</h4>{body}"
        if value != self.value:
            self.value = value

    def _one(self, item: GroupItem, feedback: Feedback) -> str:
        part = self.part
        scenario = self.scenarios.get(feedback.scenario) if feedback.scenario is not None else None
        title = scenario.titel if scenario is not None else part.feedback_untitled
        if feedback.ronde is not None:
            title += " · " + part.feedback_round.format(nummer=feedback.ronde + 1)
        author = self.session.author(feedback.van) if feedback.van is not None else part.feedback_someone
        sent_by = format_html(part.feedback_from, naam=author, tijd=escaped(clock(item.changed_at)))
        labels = {c.key: c.label for c in checklist_for(self.part, feedback.soort)}
        points = feedback.punten
        rows = []
        for key in [*labels, *(k for k in points if k not in labels)]:  # the checklist's order, then any others
            point = points.get(key)
            if point is None or not point.filled:
                continue
            oordeel, voorbeeld = plain_text_html(point.oordeel), plain_text_html(point.voorbeeld)
            line = f"<strong>{html.escape(labels.get(key, key))}</strong>"
            line += f": {oordeel}" if oordeel else ""
            line += f'<div class="ww-hint">{voorbeeld}</div>' if voorbeeld else ""
            rows.append(f"<li>{line}</li>")
        tip = plain_text_html(feedback.tip)
        return (
            '<div class="ww-card ww-feedback-item">'
            f"<strong>{html.escape(title)}</strong>"
            f'<div class="ww-hint">{sent_by}</div>'
            + (f"<ul>{''.join(rows)}</ul>" if rows else "")
            + (f"<p><strong>{html.escape(part.feedback_tip)}</strong> {tip}</p>" if tip else "")
            + "</div>"
        )


def sharing(ctx: Context, part: RoleplayPart) -> widgets.Widget:
    """"Mijn trainer mag de feedback lezen": off until ticked (``keys.FEEDBACK_SHARING``), autosaved."""
    latest = ctx.store.latest_answer(ctx.person.id, keys.FEEDBACK_SHARING.key)
    box = widgets.Checkbox(value=latest is not None and latest.value is True, description=part.feedback_share,
                           indent=False, layout=styles.layout(), _dom_classes=("ww-feedback-share",))
    status = SaveStatus()
    autosave_widget(ctx, keys.FEEDBACK_SHARING.key, box, status)
    return widgets.VBox([box, status], layout=styles.plain_layout())
