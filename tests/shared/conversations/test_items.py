"""The typed items of a group's conversations: stored JSON in, the same JSON out, and old or odd data read safely."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from wijwerken_widgets.shared.conversations.items import (
    CONSENT,
    TYPES,
    Citaat,
    Feedback,
    Gesprek,
    Punt,
    Ronde,
    Trio,
    Verslag,
    feedback_id,
    roles,
)
from wijwerken_widgets.store import GroupItem
from wijwerken_widgets.store.schema import CONVERSATION_KINDS

# What Dag 3 has been storing, field for field (``aangemaakt`` is the session's, not the type's).
STORED = {
    "gesprek": ("g1", {"stakeholder_id": "s1", "stakeholder": "Wethouder Jansen", "wie": 3, "wanneer": "week 12",
                       "doel": "Begrijpen hoe zij de wijk ziet", "opening": "Waarom ik kom", "luisteren": "Energie",
                       "afsluiten": "Rode draden terugsturen", "vragen": ["Hoe ervaart u de wijk?", "Wat valt op?"]}),
    "verslag": ("g1", {"gesprek_id": "g1", "stakeholder_id": "s1", "toestemming": "ja", "notities": "Ze denkt mee.",
                       "energie": "Bij de speeltuin", "verrassingen": "", "vervolg": "Vóór 1 maart"}),
    "citaat": ("c1", {"gesprek_id": "g1", "stakeholder_id": "s1", "tekst": "Eindelijk luistert er iemand"}),
    "trio": ("t1", {"leden": [3, 4, 5], "rondes": [
        {"scenario": "01-sceptische-collega", "gestart": None, "resterend": 389.5},
        {"scenario": "06-groep-zeg-jij-maar", "gestart": "2025-03-12T09:00:00+00:00", "resterend": 480.0},
    ]}),
    "feedback": ("t1-0-5", {"trio_id": "t1", "ronde": 0, "voor": 3, "van": 5, "scenario": "01-sceptische-collega",
                            "soort": "gesprek",
                            "punten": {"open_vragen": {"oordeel": "Duidelijk gezien", "voorbeeld": "Hoe merkt u dat?"},
                                       "stilte": {"oordeel": "", "voorbeeld": ""}},
                            "tip": "Vraag door bij 'altijd'."}),
}


def _item(kind: str, item_id: str, data: dict) -> GroupItem:
    return GroupItem(id=1, group_id=1, kind=kind, item_id=item_id, version=1, data=data, deleted=False, person_id=3,
                     client_id="c", changed_at=datetime(2025, 3, 12, 9, 0, tzinfo=timezone.utc))


@pytest.mark.parametrize("kind", list(STORED))
def test_does_stored_data_come_back_unchanged(kind: str) -> None:
    """Does every kind read what Dag 3 stored and write exactly the same JSON back, field for field?"""
    item_id, data = STORED[kind]
    value = TYPES[kind].from_data(item_id, data)
    assert value.id == item_id and kind == value.KIND
    assert value.data() == data
    assert list(value.data()) == list(data)  # also in the order it was always stored
    assert TYPES[kind].from_data(item_id, value.data()) == value


@pytest.mark.parametrize("kind", list(STORED))
def test_is_an_item_read_from_the_store_without_the_sessions_own_field(kind: str) -> None:
    """Does ``of(item)`` read a stored version, leaving ``aangemaakt`` (the session's) out of the type?"""
    item_id, data = STORED[kind]
    value = TYPES[kind].of(_item(kind, item_id, {**data, "aangemaakt": "2025-03-12T08:00:00+00:00"}))
    assert value.data() == data


@pytest.mark.parametrize("kind", list(STORED))
def test_does_an_empty_or_unreadable_item_get_the_defaults(kind: str) -> None:
    """Does an item stored without fields, or with junk instead of a dict, read as the type's defaults?"""
    empty = TYPES[kind].from_data("x", {})
    assert TYPES[kind].from_data("x", ["junk"]) == empty  # type: ignore[arg-type]
    assert set(empty.data()) == set(STORED[kind][1])  # writing it back stores every field


def test_is_every_kind_of_the_store_space_typed() -> None:
    """Does each kind the store accepts in "gesprekken" have a type, and no type a kind the store refuses?"""
    assert set(TYPES) == set(CONVERSATION_KINDS)


def test_is_the_fixed_part_of_a_plan_kept_apart_from_what_its_form_edits() -> None:
    """Do ``fixed_data`` and ``edited_data`` split a plan into what its form never edits and what it does?"""
    plan = Gesprek.from_data(*STORED["gesprek"])
    assert plan.fixed_data() == {"stakeholder_id": "s1", "stakeholder": "Wethouder Jansen"}
    assert {**plan.fixed_data(), **plan.edited_data()} == plan.data()
    assert set(Feedback.from_data(*STORED["feedback"]).edited_data()) == {"punten", "tip"}
    assert set(Verslag.from_data(*STORED["verslag"]).edited_data()) == {"toestemming", *Verslag.TEXTS}


def test_are_older_or_odd_plans_read_tolerantly() -> None:
    """Do questions stored as one text, a number as date, a bool as person and a missing name read sensibly?"""
    plan = Gesprek.from_data("g2", {"vragen": "Hoe gaat het?\n\n  Wat valt op? ", "wanneer": 12, "wie": True,
                                    "stakeholder": None, "doel": ["niet", "tekst"]})
    assert plan.vragen == ("Hoe gaat het?", "Wat valt op?")
    assert (plan.wanneer, plan.wie, plan.stakeholder, plan.doel) == ("12", None, "", "")
    assert plan.data()["vragen"] == ["Hoe gaat het?", "Wat valt op?"]


def test_does_a_report_without_a_known_consent_read_as_not_asked_yet() -> None:
    """Is an unknown or missing ``toestemming`` "onbekend", and does a report know its plan from its own id?"""
    assert Verslag.from_data("g1", {"toestemming": "misschien"}).toestemming == CONSENT[0] == "onbekend"
    assert Verslag.from_data("g1", {}).gesprek_id == "g1"
    assert Citaat.from_data("c1", {"tekst": "  zo gezegd "}).tekst == "  zo gezegd "


def test_are_a_trios_odd_members_and_rounds_left_out() -> None:
    """Are members that are no person id, and rounds that are no record, left out; a naive time read as UTC?"""
    trio = Trio.from_data("t1", {"leden": [1, "2", True, 3, None, 4],
                                 "rondes": ["kapot", {"scenario": "a", "gestart": "2025-03-12T09:00:00"},
                                            {"scenario": 7, "gestart": "gisteren", "resterend": float("nan")}]})
    assert trio.leden == (1, 3, 4)
    assert trio.rondes == (Ronde("a", datetime(2025, 3, 12, 9, 0, tzinfo=timezone.utc)), Ronde())
    assert Trio.from_data("t1", {"leden": "1,2,3", "rondes": None}) == Trio("t1")


def test_do_a_trios_rounds_and_timer_change_without_touching_the_rest() -> None:
    """Does a new round start with a fresh timer, and a timer change only its own round?"""
    trio = Trio.from_data(*STORED["trio"])
    more = trio.with_round("03-or-lid-werkdruk")
    assert more.rondes[:2] == trio.rondes and more.rondes[2] == Ronde("03-or-lid-werkdruk")
    assert more.data()["rondes"][2] == {"scenario": "03-or-lid-werkdruk", "gestart": None, "resterend": None}
    started = datetime(2025, 3, 12, 10, 0, tzinfo=timezone.utc)
    timed = trio.with_timer(0, gestart=started, resterend=300.0)
    assert timed.rondes[0] == Ronde("01-sceptische-collega", started, 300.0) and timed.rondes[1] == trio.rondes[1]
    assert timed.data()["rondes"][0]["gestart"] == "2025-03-12T10:00:00+00:00"
    assert trio.lead(0) == 3 and trio.lead(1) == 4


def test_roles_rotate_so_everyone_leads_once_in_three_rounds() -> None:
    """Does each member of a trio lead once in three rounds, with the extra member of four observing?"""
    leads = [next(p for p, r in roles([1, 2, 3], n).items() if r == "gespreksvoerder") for n in range(3)]
    assert leads == [1, 2, 3]
    assert roles([1, 2, 3], 0) == {1: "gespreksvoerder", 2: "gesprekspartner", 3: "observator"}
    assert roles([1, 2, 3, 4], 3) == {1: "gesprekspartner", 2: "observator", 3: "observator", 4: "gespreksvoerder"}


def test_does_feedback_know_whether_anything_was_filled_in() -> None:
    """Is feedback with only empty points and no tip "empty", and are unreadable points left out?"""
    assert feedback_id("t1", 0, 5) == "t1-0-5"
    feedback = Feedback.from_data(*STORED["feedback"])
    assert feedback.has_content and feedback.punten["open_vragen"] == Punt("Duidelijk gezien", "Hoe merkt u dat?")
    untouched = Feedback.from_data("x", {"punten": {"open_vragen": {"oordeel": "", "voorbeeld": "  "},
                                                    "kapot": "geen record"}, "tip": " ", "ronde": "1"})
    assert not untouched.has_content and set(untouched.punten) == {"open_vragen"} and untouched.ronde is None
    assert Feedback.from_data("x", {"punten": {"p": {"oordeel": 3}}}).punten["p"] == Punt()
