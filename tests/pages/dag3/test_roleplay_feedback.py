"""Dag 3's feedback view: what the gespreksvoerder received from observators."""

from __future__ import annotations

import html

from tests.support.dag3 import GESPREK
from wijwerken_widgets.pages.dag3.roleplay_feedback import FeedbackView
from wijwerken_widgets.shared.conversations.session import ConversationSession


def test_the_feedback_view_lists_nothing_for_an_untouched_checklist(trio, part, scenarios) -> None:
    """Does the feedback view say there is no feedback yet for a checklist the observator left empty?"""
    session = ConversationSession(trio[0], poll_seconds=None)
    session.put("feedback", "x-0-1", {"voor": trio[0].person.id, "van": trio[1].person.id, "ronde": 0,
                                      "scenario": GESPREK, "soort": "gesprek",
                                      "punten": {"open_vragen": {"oordeel": "", "voorbeeld": ""}}, "tip": ""})
    view = FeedbackView(session, part, scenarios)
    assert "Nog geen feedback" in html.unescape(view.value)
