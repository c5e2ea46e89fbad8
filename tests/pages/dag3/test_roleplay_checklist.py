"""Dag 3's observator checklist: what the observator saw reaches the gespreksvoerder, for either kind of scenario."""

from __future__ import annotations

import html

from tests.support.dag3 import FACILITATOR, new_views, reload_all, sent, start_trio
from wijwerken_widgets.shared.conversations.items import feedback_id


def test_the_observators_checklist_reaches_the_gespreksvoerder_escaped(trio, part, scenarios) -> None:
    """Do Sanne's ratings, examples and tip show in Fatima's feedback after a poll, with typed HTML as text?"""
    fatima, jeroen, sanne = new_views(trio, scenarios, part)
    start_trio(fatima)
    reload_all([jeroen, sanne])
    assert sanne.checklist is not None and fatima.checklist is None and jeroen.checklist is None
    assert [c.key for c in sanne.checklist.items] == [c.key for c in part.checklist_gesprek]
    feedback = fatima._feedback_view
    assert html.unescape(part.feedback_empty.strip()[:30]) in html.unescape(feedback.value)
    sanne.checklist.ratings["open_vragen"].value = part.ratings[0]
    sanne.checklist.examples["open_vragen"].value = '"Hoe merkt u dat?" <script>alert(1)</script>'
    sanne.checklist.tip.value = "Vraag door bij 'altijd'."
    assert sanne.checklist.status.text.startswith("Opgeslagen")
    stored = sanne.session.item("feedback", feedback_id(sanne.trio.item_id, 0, sanne.me))
    assert (stored.data["voor"], stored.data["van"], stored.data["ronde"]) == (fatima.me, sanne.me, 0)
    assert stored.data["punten"]["open_vragen"] == {"oordeel": part.ratings[0],
                                                    "voorbeeld": '"Hoe merkt u dat?" <script>alert(1)</script>'}
    assert "Vraag door" not in feedback.value
    fatima.session.reload()
    assert "<script>" not in feedback.value
    shown = html.unescape(feedback.value)
    assert "<script>alert(1)</script>" in shown and "Vraag door bij 'altijd'." in shown
    assert f"Open vragen: {part.ratings[0]}" in shown.replace("<strong>", "").replace("</strong>", "")
    assert f"Van <bdi>{sanne.session.ctx.person.name}</bdi>" in shown and "Alweer een nieuwe aanpak · ronde 1" in shown
    assert "Doorvragen" not in shown  # points left empty are not listed
    # a new kernel of Sanne shows her saved checklist again
    again = new_views([sanne.session.ctx], scenarios, part)[0]
    assert again.checklist.ratings["open_vragen"].value == part.ratings[0]
    assert again.checklist.tip.value == "Vraag door bij 'altijd'."


def test_a_facilitator_scenario_uses_the_facilitator_checklist_and_labels(trio, part, scenarios) -> None:
    """Does a facilitator scenario give the observator the facilitator checklist, and the roles facilitator labels?"""
    fatima, jeroen, sanne = new_views(trio, scenarios, part)
    start_trio(fatima, FACILITATOR)
    reload_all([jeroen, sanne])
    assert [c.key for c in sanne.checklist.items] == [c.key for c in part.checklist_facilitator]
    text = sent(sanne)
    assert "Loslaten" in text and "oplossingen bedenken" in text
    assert "Opdracht voor de facilitator" in text
    assert "Gespreksvoerder (facilitator van de groep)" in sent(fatima)
    assert "Gesprekspartner (speelt de groep)" in sent(jeroen)
    sanne.checklist.ratings["sturen"].value = part.ratings[1]
    fatima.session.reload()
    assert "Loslaten" in html.unescape(fatima._feedback_view.value)


def test_every_checklist_point_can_be_answered_on_the_seen_scale(part) -> None:
    """The observator rates each point 'Duidelijk gezien' … 'Nog niet gezien': does every shipped point ask about one
    thing to see, never "A, of B?" (which that scale cannot answer)?"""
    import re

    either_or = re.compile(r",\s+of\b|\)\s*,?\s+of\s+ook\b")
    points = [*part.checklist_gesprek, *part.checklist_facilitator]
    assert [p.key for p in points if either_or.search(p.vraag)] == []
    assert all(p.vraag.rstrip().rstrip('"').endswith("?") for p in points)
