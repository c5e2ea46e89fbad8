"""Dag 3's shared items in a kernel: the session and autosave of one shared item by two people."""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.shared.conversations.items import Citaat, Feedback, Trio
from wijwerken_widgets.shared.conversations.session import ConversationSession
from wijwerken_widgets.ui.item_autosave import ItemAutosave


def _editor(session: ConversationSession, item_id: str) -> tuple[widgets.Textarea, ItemAutosave]:
    doel = widgets.Textarea()
    saver = ItemAutosave(session, "gesprek", item_id, get_value=lambda: {"doel": doel.value},
                         set_value=lambda v: setattr(doel, "value", v.get("doel", "")),
                         fixed={"stakeholder_id": "s1"})
    doel.observe(lambda _: saver.changed(), names="value")
    return doel, saver


def test_a_shared_item_typed_by_one_appears_for_the_other_and_keeps_its_fixed_data(ctx, groupmate) -> None:
    """Does a shared item typed by one groupmate appear for the other after a poll, with its fixed data kept?"""
    mine, theirs = ConversationSession(ctx, poll_seconds=None), ConversationSession(groupmate, poll_seconds=None)
    doel, _ = _editor(mine, "g1")
    doel.value = "Begrijpen hoe de wijkraad het ervaart"  # no event loop: saved at once
    their_doel, their_saver = _editor(theirs, "g1")
    assert their_doel.value == ""
    theirs.reload()
    assert their_doel.value == "Begrijpen hoe de wijkraad het ervaart"
    assert their_saver.status.text.startswith(f"Bijgewerkt door \u2068{ctx.person.name}\u2069")  # the name isolated
    [plan] = theirs.conversations()
    assert plan.data["stakeholder_id"] == "s1" and "aangemaakt" in plan.data


def test_two_people_editing_the_same_version_are_told_and_both_versions_stay(ctx, groupmate) -> None:
    """When two people edit the same version, is the second told whose version it overlapped, and do both stay?"""
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
    """Are items listed in the order they were made, also after edits, and are the group's members found?"""
    session = ConversationSession(ctx, poll_seconds=None)
    for item_id in ("a", "b"):
        session.put("gesprek", item_id, {"stakeholder": item_id})
    session.put("gesprek", "a", {"stakeholder": "a, aangepast"}, base_version=1)
    again = ConversationSession(ctx, poll_seconds=None)
    assert [i.item_id for i in again.conversations()] == ["a", "b"]
    assert [p.name for p in again.members()] and all(p.group_id == ctx.group.id for p in again.members())


def test_a_typed_item_is_saved_as_its_kind_and_found_by_its_links(ctx) -> None:
    """Does ``put_item`` store a typed item under its kind, so quotes, trios and feedback are found by their links?"""
    session = ConversationSession(ctx, poll_seconds=None)
    session.put_item(Citaat("c1", gesprek_id="g1", stakeholder_id="s1", tekst="Eindelijk"))
    session.put_item(Trio("t1", leden=(ctx.person.id, 98, 99)))
    session.put_item(Feedback("t1-0-99", trio_id="t1", ronde=0, voor=ctx.person.id, van=99))
    [quote] = session.quotes("g1")
    assert quote.kind == "citaat" and Citaat.of(quote).tekst == "Eindelijk" and session.quotes("g2") == []
    assert [t.item_id for t in session.trios_of(ctx.person.id)] == ["t1"] and session.trios_of(97) == []
    assert [f.item_id for f in session.feedback_for(ctx.person.id)] == ["t1-0-99"] and session.feedback_for(99) == []
