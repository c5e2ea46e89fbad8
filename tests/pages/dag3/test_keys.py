"""Dag 3's key registry: is everything the exercises save registered, and does every item read back as its type?"""

from __future__ import annotations

import pytest

from tests.support.dag3 import GESPREK, WETHOUDER, all_widgets, new_map, reload_all, start_trio
from wijwerken_widgets.pages import dag3
from wijwerken_widgets.pages.dag3 import texts as dag3_texts
from wijwerken_widgets.pages.dag3.keys import REGISTRY, ROUND_REFLECTION, reflection_key
from wijwerken_widgets.pages.dag3.plans import ConversationPlans
from wijwerken_widgets.pages.dag3.reports import ConversationReports
from wijwerken_widgets.pages.dag3.roleplay import Roleplay
from wijwerken_widgets.shared.conversations.items import SPACE, TYPES
from wijwerken_widgets.shared.logbook.keys import REGISTRY as LOGBOOK_REGISTRY
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.context import Context


def _inside(section, kind):
    [found] = [w for w in all_widgets(section) if isinstance(w, kind)]
    return found


def _drive_every_exercise(trio: list[Context]) -> None:
    """What a group does on Dag 3, through the sections the notebook builds: a plan, its report and a quote, a
    trio's two rounds with the timer, the observator's checklist and everyone's reflection, and a logboek entry."""
    me = trio[0]
    new_map(me, WETHOUDER)  # Dag 2's map, for the shortlist
    plans = _inside(dag3.plans.section(me), ConversationPlans)
    plan_id = plans.take_on(plans.map_session.map.stakeholders[0].id)
    editor = plans.editors[plan_id]
    editor.controls["doel"].value = "Begrijpen hoe de wethouder de wijk ziet"
    editor.vragen.value = "Hoe ervaart u de wijk?"
    reports = _inside(dag3.reports.section(me), ConversationReports)
    report = reports.editors[plan_id]
    report.consent.value = "ja"
    report.controls["notities"].value = "Ze wil meedenken."
    report.quote_input.value = "Eindelijk luistert er iemand."
    report.add_quote()

    views = [_inside(dag3.roleplay.section(person), Roleplay) for person in trio]
    start_trio(views[0], GESPREK)
    reload_all(views)
    for _ in range(2):
        for view in views:
            view.reflection.inputs["goed"].value = f"Ronde {view.round_index + 1} ging goed."
            if view.checklist is not None:
                view.checklist.ratings["open_vragen"].value = view.part.ratings[0]
                view.checklist.tip.value = "Vraag door."
        lead = next(v for v in views if v.role == "gespreksvoerder")
        lead.timer.start()
        lead.timer.pause()
        lead.next_round()
        reload_all(views)
    views[0]._feedback_sharing.children[0].value = True  # the trainer may read the feedback I got

    logbook = dag3.logbook.section(me).children[-1]
    logbook.text.value = "Wat ik meeneem."
    logbook.add()


def test_is_every_answer_and_item_the_exercises_save_registered(trio: list[Context], store: Store) -> None:
    """After a group did every Dag 3 exercise: is each answer key and item kind in the store registered, and is
    every registered one used?"""
    assert all(store.latest_answers(p.person.id) == {} for p in trio)
    _drive_every_exercise(trio)

    saved = {key for person in trio for key in store.latest_answers(person.person.id)
             if LOGBOOK_REGISTRY.answer(key) is None}  # the logboek's draft is the logboek's key
    assert saved and all(REGISTRY.answer(key) is not None for key in saved), saved
    assert {REGISTRY.answer(key) for key in saved} == set(REGISTRY.answers)
    [trio_item] = [i for i in store.items(SPACE, trio[0].group.id) if i.kind == "trio"]
    assert {reflection_key(trio_item.item_id, n) for n in (0, 1)} <= saved

    written = {(SPACE, i.kind) for i in store.items(SPACE, trio[0].group.id)}
    assert all(REGISTRY.item(space, kind) is not None for space, kind in written), written
    assert written == {(k.space, k.kind) for k in REGISTRY.items}


def test_does_every_stored_item_read_back_as_its_type_unchanged(trio: list[Context], store: Store) -> None:
    """Does every item the exercises stored (every version) read as its registered type and write the same JSON?"""
    _drive_every_exercise(trio)
    history = store.items_history(SPACE, trio[0].group.id, limit=1000)
    assert len(history) > len(store.items(SPACE, trio[0].group.id))  # edits, timer steps and rounds are versions
    for version in history:
        kind = REGISTRY.item(SPACE, version.kind)
        assert kind is not None and kind.type is TYPES[version.kind]
        stored = {k: v for k, v in version.data.items() if k != "aangemaakt"}
        assert kind.type.from_data(version.item_id, version.data).data() == stored, (version.kind, stored)


def test_is_each_registered_key_part_of_an_exercise_of_dag3() -> None:
    """Does every registered answer and item name an exercise of ``dag3.yaml``, and is a pattern key matched whole?"""
    exercises = set(vars(dag3_texts.load().exercises))
    assert {a.exercise for a in REGISTRY.answers} | {i.exercise for i in REGISTRY.items} <= exercises
    assert REGISTRY.answer(ROUND_REFLECTION.key) is ROUND_REFLECTION
    assert REGISTRY.answer(reflection_key("3f2a", 0)) is ROUND_REFLECTION
    for other in ("dag3.rollenspel.3f2a", "dag3.rollenspel.a.b.c", "dag1.hoofdvraag", "xdag3.rollenspel.a.0"):
        assert REGISTRY.answer(other) is None
    assert REGISTRY.item("map", "stakeholder") is None


@pytest.mark.parametrize("kind", REGISTRY.items, ids=lambda k: k.kind)
def test_is_each_item_kind_read_by_its_type(kind) -> None:
    """Is each registered kind of item read and written by the type of the same kind?"""
    assert kind.type is not None and kind.kind == kind.type.KIND and kind.space == SPACE
