"""Dag 3's shared items in a kernel: the session, role rotation, and autosave of one shared item by two people."""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.shared.conversations.session import ConversationSession, roles
from wijwerken_widgets.ui.item_autosave import ItemAutosave


def _editor(session: ConversationSession, item_id: str) -> tuple[widgets.Textarea, ItemAutosave]:
    doel = widgets.Textarea()
    saver = ItemAutosave(session, "gesprek", item_id, get_value=lambda: {"doel": doel.value},
                         set_value=lambda v: setattr(doel, "value", v.get("doel", "")),
                         fixed={"stakeholder_id": "s1"})
    doel.observe(lambda _: saver.changed(), names="value")
    return doel, saver


def test_roles_rotate_so_everyone_leads_once_in_three_rounds() -> None:
    leads = [next(p for p, r in roles([1, 2, 3], n).items() if r == "gespreksvoerder") for n in range(3)]
    assert leads == [1, 2, 3]
    assert roles([1, 2, 3], 0) == {1: "gespreksvoerder", 2: "gesprekspartner", 3: "observator"}
    assert roles([1, 2, 3, 4], 3) == {1: "gesprekspartner", 2: "observator", 3: "observator", 4: "gespreksvoerder"}


def test_a_shared_item_typed_by_one_appears_for_the_other_and_keeps_its_fixed_data(ctx, groupmate) -> None:
    mine, theirs = ConversationSession(ctx, poll_seconds=None), ConversationSession(groupmate, poll_seconds=None)
    doel, _ = _editor(mine, "g1")
    doel.value = "Begrijpen hoe de wijkraad het ervaart"  # no event loop: saved at once
    their_doel, their_saver = _editor(theirs, "g1")
    assert their_doel.value == ""
    theirs.reload()
    assert their_doel.value == "Begrijpen hoe de wijkraad het ervaart"
    assert their_saver.status.text.startswith(f"Bijgewerkt door {ctx.person.name}")
    [plan] = theirs.conversations()
    assert plan.data["stakeholder_id"] == "s1" and "aangemaakt" in plan.data


def test_two_people_editing_the_same_version_are_told_and_both_versions_stay(ctx, groupmate) -> None:
    mine, theirs = ConversationSession(ctx, poll_seconds=None), ConversationSession(groupmate, poll_seconds=None)
    doel, _ = _editor(mine, "g1")
    doel.value = "eerste"
    theirs.reload()
    their_doel, their_saver = _editor(theirs, "g1")
    doel.value = "mijn versie"            # saved as version 2 while the groupmate still shows version 1
    their_doel.value = "hun versie"       # saved from version 1: a conflict, kept anyway
    assert "Let op" in their_saver.status.text and ctx.person.name in their_saver.status.text
    assert their_saver.status.other_text.value == "doel: mijn versie"
    history = ctx.store.items_history("gesprekken", ctx.group.id, item_id="g1")
    assert [v.data["doel"] for v in history] == ["hun versie", "mijn versie", "eerste"]


def test_new_items_are_listed_in_the_order_they_were_made_even_after_edits(ctx) -> None:
    session = ConversationSession(ctx, poll_seconds=None)
    for item_id in ("a", "b"):
        session.put("gesprek", item_id, {"stakeholder": item_id})
    session.put("gesprek", "a", {"stakeholder": "a, aangepast"}, base_version=1)
    again = ConversationSession(ctx, poll_seconds=None)
    assert [i.item_id for i in again.conversations()] == ["a", "b"]
    assert [p.name for p in again.members()] and all(p.group_id == ctx.group.id for p in again.members())
