"""Dag 3's role-play driven from Python: three groupmates (three kernels) of one group on one real store."""

from __future__ import annotations

from tests.support.dag3 import FACILITATOR, GESPREK, all_widgets, new_views, reload_all, said, sent, start_trio
from wijwerken_widgets.pages.dag3.roleplay import Roleplay
from wijwerken_widgets.people.codes import hash_code
from wijwerken_widgets.shared.conversations.session import ConversationSession
from wijwerken_widgets.store import Store


def test_a_started_trio_reaches_the_groupmates_after_a_poll(trio, part, scenarios) -> None:
    """Do Jeroen and Sanne, who did nothing, see the trio Fatima started once their kernels poll?"""
    fatima, jeroen, sanne = new_views(trio, scenarios, part)
    assert fatima.choices and jeroen.trio is None
    start_trio(fatima)
    assert "Jullie trio staat klaar" in said(fatima.feedback)
    assert fatima.role == "gespreksvoerder" and "Ronde 1: Alweer een nieuwe aanpak" in sent(fatima)
    assert jeroen.trio is None and "Start een trio" in sent(jeroen)
    reload_all([jeroen, sanne])
    assert (jeroen.role, sanne.role) == ("gesprekspartner", "observator")
    text = sent(sanne)
    assert "Ronde 1: Alweer een nieuwe aanpak" in text and f"<bdi>{sanne.session.ctx.person.name}</bdi> (jij)" in text
    assert "Jouw rol: Observator" in text and part.roles.observator.uitleg.split("\n")[0] in text
    [item] = fatima.session.live("trio")
    assert item.data["leden"][0] == fatima.me and sorted(item.data["leden"]) == sorted(v.me for v in (fatima, jeroen,
                                                                                                      sanne))


def test_roles_rotate_so_everyone_leads_once_in_three_rounds(trio, part, scenarios) -> None:
    """Can any member start the next round, and does every member lead exactly once in three rounds?"""
    views = new_views(trio, scenarios, part)
    start_trio(views[0])
    reload_all(views)
    seen = []
    for presser in (None, views[1], views[2]):
        if presser is not None:
            presser.next_round()
            reload_all(views)
        roles = {v.me: v.role for v in views}
        assert sorted(roles.values()) == sorted(["gespreksvoerder", "gesprekspartner", "observator"])
        assert len({v.round_index for v in views}) == 1
        seen.append(next(me for me, role in roles.items() if role == "gespreksvoerder"))
    assert sorted(seen) == sorted(v.me for v in views)
    assert "Ronde 3" in sent(views[0])
    played = [r["scenario"] for r in views[0].trio.data["rondes"]]
    assert len(set(played)) == 3  # the picker offers a scenario not played yet


def test_a_stale_next_round_press_does_not_skip_a_round(trio, part, scenarios) -> None:
    """When two members press "Volgende ronde" for the same round, is only one round added?"""
    fatima, jeroen, _ = new_views(trio, scenarios, part)
    start_trio(fatima)
    jeroen.session.reload()
    fatima.next_round()
    jeroen.next_round()  # his screen still showed round 1
    assert "al een nieuwe ronde gestart" in said(jeroen.feedback)
    assert len(jeroen.trio.data["rondes"]) == 2 and jeroen.round_index == 1


def test_the_rolkaart_reaches_only_the_gesprekspartner(trio, part, scenarios) -> None:
    """Is the private role card in no widget state of the gespreksvoerder and observator, in every round?"""
    card = scenarios.get(GESPREK).rolkaart
    fragments = [line.strip() for line in card.splitlines()
                 if len(line.strip()) > 40 and not any(ch in line for ch in "*\"'`_")]
    assert len(fragments) >= 3
    views = new_views(trio, scenarios, part)
    start_trio(views[0])
    reload_all(views)
    for _ in range(3):
        for view in views:
            text = sent(view)
            if view.role == "gesprekspartner":
                assert all(f in text for f in fragments), "the gesprekspartner must read the role card"
            else:
                assert not any(f in text for f in fragments), f"role card leaked to the {view.role}"
                assert "Opdracht voor de gespreksvoerder" in text
        partner = next(v for v in views if v.role == "gesprekspartner")
        partner.next_picker.value = GESPREK  # the same scenario again, with the roles moved on
        partner.next_round()
        reload_all(views)


def test_a_wrong_number_of_groupmates_is_refused_in_dutch(store: Store, trio, part, scenarios) -> None:
    """Is a trio with too few or too many groupmates refused in Dutch (the choice kept), and one of four accepted?"""
    group = trio[0].group
    for name in ("Extra Een", "Extra Twee"):
        store.add_person(group.cohort_id, name, "deelnemer", hash_code(f"CODE-{name}"), group_id=group.id)
    view = new_views(trio[:1], scenarios, part)[0]
    assert len(view.choices) == 4
    start_trio(view, others=1)
    assert "Kies minstens twee groepsgenoten" in said(view.feedback)
    for check in view.choices.values():
        check.value = True
    view.start()
    assert "Kies hoogstens drie groepsgenoten" in said(view.feedback)
    assert view.session.live("trio") == [] and all(c.value for c in view.choices.values())
    start_trio(view, others=3)
    assert len(view.trio.data["leden"]) == 4 and view.role == "gespreksvoerder"


def test_a_locked_store_keeps_the_choice_and_says_so(trio, part, scenarios, write_locked) -> None:
    """With the store locked, is no trio started, the choice kept and the reason given; does it start afterwards?"""
    view = new_views(trio[:1], scenarios, part)[0]
    with write_locked():
        start_trio(view)
        assert said(view.feedback) and view.trio is None
        assert sum(c.value for c in view.choices.values()) == 2
    view.start()
    assert view.trio is not None


def test_a_removed_scenario_gives_a_notice_and_the_trio_can_go_on(trio, part, scenarios) -> None:
    """When a round's scenario file is gone, is there a notice and no timer, and can the trio go on to a next round?"""
    session = ConversationSession(trio[0], poll_seconds=None)
    members = [c.person.id for c in trio]
    session.put("trio", "t1", {"leden": members, "rondes": [{"scenario": "weggehaald", "gestart": None,
                                                            "resterend": None}]})
    view = Roleplay(session, scenarios, part)
    text = sent(view)
    assert "Ronde 1" in text and "('weggehaald') bestaat niet meer" in text
    assert view.timer is None and view.reflection is not None
    view.next_round()
    assert view.round_index == 1 and "bestaat niet meer" not in sent(view)


def test_nieuw_trio_shows_the_start_form_and_back(trio, part, scenarios) -> None:
    """Does "Nieuw trio" show the start form with a way back, and does the newest trio win for everyone?"""
    fatima, jeroen, _ = new_views(trio, scenarios, part)
    start_trio(fatima)
    jeroen.session.reload()
    jeroen.start_over()
    assert "Start een trio" in sent(jeroen) and jeroen.trio is None
    jeroen._back()
    assert jeroen.role == "gesprekspartner"
    jeroen.start_over()
    start_trio(jeroen, FACILITATOR)
    assert jeroen.role == "gespreksvoerder" and jeroen.trio.data["leden"][0] == jeroen.me
    fatima.session.reload()
    assert fatima.trio.item_id == jeroen.trio.item_id  # the newest trio wins


def test_the_page_section_builds_for_a_participant(trio) -> None:
    """Does the notebook's role-play section build for a participant, with the start form?"""
    from wijwerken_widgets.pages import dag3

    section = dag3.roleplay.section(trio[0])
    assert "3. Rollenspel" in sent(section) and "Start een trio" in sent(section)


def test_a_new_notice_replaces_the_last_one_in_the_role_plays_feedback_line(trio, part, scenarios) -> None:
    """Does each notice of the start form replace the previous one in the same line, without new widgets?"""
    view = new_views(trio[:1], scenarios, part)[0]
    before = len(all_widgets(view))
    start_trio(view, others=1)
    assert "Kies minstens twee groepsgenoten (je koos er 1)" in said(view.feedback)
    start_trio(view, others=0)
    assert "(je koos er 0)" in said(view.feedback) and view.feedback.value.count('class="ww-notice ') == 1
    assert len(all_widgets(view)) == before
