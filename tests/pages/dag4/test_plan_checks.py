"""The Wij-Werken checks of an actieplan (pure functions) and how the page words them."""

from __future__ import annotations

from wijwerken_widgets.pages.dag4 import texts
from wijwerken_widgets.pages.dag4.plan_checks import (
    check,
    dates_reversed,
    nobody_else_carries,
    owner_shares,
    percentages,
    plan_threads,
    resolve_threads,
    threads_without_action,
    without_dates,
    without_owner,
)
from wijwerken_widgets.pages.dag4.plan_views import checks_html
from wijwerken_widgets.shared.act.items import Actie, Thema

PART = texts.load().exercises.plan


def stakeholder(n: int, **more) -> Actie:
    return Actie(f"s{n}", wat=f"Actie {n}", eigenaar_soort="stakeholder", eigenaar=f"map{n}", **more)


def participant(n: int, **more) -> Actie:
    return Actie(f"d{n}", wat=f"Actie {n}", eigenaar_soort="deelnemer", eigenaar=str(n), **more)


def test_the_share_bar_counts_every_kind_of_owner() -> None:
    actions = [stakeholder(1), stakeholder(2), participant(3), Actie("g", eigenaar_soort="groep"), Actie("n")]
    assert owner_shares(actions) == {"stakeholder": 2, "deelnemer": 1, "groep": 1, "": 1}
    assert percentages(owner_shares(actions)) == {"stakeholder": 40, "deelnemer": 20, "groep": 20, "": 20}


def test_a_kind_without_a_named_owner_counts_as_nobody() -> None:
    """Is "Stakeholder" chosen without saying which one an owner?"""
    assert owner_shares([Actie("a", eigenaar_soort="stakeholder")]) == {"stakeholder": 0, "deelnemer": 0,
                                                                         "groep": 0, "": 1}


def test_percentages_always_add_up_to_a_hundred() -> None:
    shares = {"stakeholder": 1, "deelnemer": 1, "groep": 1, "": 0}
    assert sum(percentages(shares).values()) == 100
    assert percentages(dict.fromkeys(shares, 0)) == dict.fromkeys(shares, 0)


def test_wie_draagt_dit_straks_when_the_participants_own_every_owned_action() -> None:
    only_participants = [participant(1), participant(2), Actie("n")]
    assert nobody_else_carries(owner_shares(only_participants))
    assert check(only_participants, []).carrier_warning
    assert nobody_else_carries(owner_shares([participant(1), Actie("g", eigenaar_soort="groep")]))


def test_no_warning_when_a_stakeholder_carries_one_or_nobody_owns_anything() -> None:
    assert not nobody_else_carries(owner_shares([participant(1), stakeholder(2)]))
    assert not nobody_else_carries(owner_shares([Actie("n")]))
    assert not nobody_else_carries(owner_shares([]))


def test_actions_without_owner_or_dates_are_named() -> None:
    dated = stakeholder(1, start="2027-01-10", eind="2027-03-01")
    no_end = participant(2, start="2027-01-10")
    nobody = Actie("n", wat="Niemand", start="2027-01-01", eind="2027-02-01")
    assert without_owner([dated, no_end, nobody]) == [nobody]
    assert without_dates([dated, no_end, nobody]) == [no_end]


def test_dates_in_the_wrong_order_are_noticed() -> None:
    assert dates_reversed(Actie("a", start="2027-03-01", eind="2027-01-01"))
    assert not dates_reversed(Actie("a", start="2027-01-01", eind="2027-01-01"))
    assert not dates_reversed(Actie("a", start="2027-01-01"))


def test_a_rode_draad_without_any_action() -> None:
    threads = [Thema("t1", naam="Kastje en muur", gekozen=True), Thema("t2", naam="Vertrouwen", gekozen=True)]
    actions = [stakeholder(1, draden=("t1",))]
    assert threads_without_action(threads, actions) == [threads[1]]
    assert threads_without_action(threads, [*actions, participant(2, draden=("t2", "t1"))]) == []


def test_the_plan_answers_the_chosen_themes_or_all_while_none_is_chosen() -> None:
    chosen, other = Thema("a", naam="A", gekozen=True), Thema("b", naam="B")
    assert plan_threads([chosen, other]) == [chosen]
    assert plan_threads([other]) == [other]


def test_the_checks_read_as_coaching_with_the_bar_in_text() -> None:
    threads = [Thema("t1", naam="<b>Vertrouwen</b>", gekozen=True)]
    actions = [participant(1, morgen="nee"), Actie("n", wat="Open eind")]
    shown = checks_html(actions, threads, PART)
    assert "Wie draagt dit straks?" in shown
    assert "Deelnemers: 1 (50%)" in shown and "Nog niemand: 1 (50%)" in shown
    assert "&lt;b&gt;Vertrouwen&lt;/b&gt;" in shown and "<b>Vertrouwen" not in shown
    assert "Open eind" in shown and "nog geen eigenaar" in shown and "nog geen start- of einddatum" in shown
    assert "eerste stap die wel morgen kan" in shown


def test_no_warning_but_praise_when_stakeholders_carry_actions() -> None:
    shown = checks_html([stakeholder(1), participant(2)], [], PART)
    assert "Wie draagt dit straks?" not in shown
    assert PART.checks.stakeholders_good in shown


def test_rode_draden_follow_merged_themes() -> None:
    """Does an action whose rode draad was merged into another answer the theme it went into?"""
    assert resolve_threads(("a", "b", "c"), {"a": "c", "b": "x", "x": "c"}) == ("c",)
    assert resolve_threads(("a",), {"a": "b", "b": "a"}) == ("b",)  # a loop ends instead of running on
    assert resolve_threads(("a", "d"), {}) == ("a", "d")
