"""Dag 3's role-play driven from Python: three groupmates (three kernels) of one group on one real store."""

from __future__ import annotations

import html
import json
from datetime import datetime, timedelta, timezone

import ipywidgets as widgets
import pytest

from wijwerken_widgets.pages.dag3 import texts as dag3_texts
from wijwerken_widgets.pages.dag3.roleplay import Roleplay
from wijwerken_widgets.pages.dag3.roleplay_feedback import FeedbackView
from wijwerken_widgets.pages.dag3.roleplay_scenarios import load_scenarios
from wijwerken_widgets.pages.dag3.roleplay_timer import RoundTimer
from wijwerken_widgets.people.codes import hash_code
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.shared.conversations.items import feedback_id
from wijwerken_widgets.shared.conversations.session import ConversationSession
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.context import Context

GESPREK = "01-sceptische-collega"
FACILITATOR = "06-groep-zeg-jij-maar"


@pytest.fixture
def trio(store: Store, codes, ctx: Context) -> list[Context]:
    """The three deelnemers of ctx's group, each in their own kernel (ctx first)."""
    mates = [c for c in codes if c.groep == ctx.group.name and c.naam != ctx.person.name]
    assert len(mates) == 2
    return [ctx, *(Context.for_person(store, login(store, c.code)[0]) for c in mates)]


@pytest.fixture
def part():
    return dag3_texts.load().exercises.roleplay


@pytest.fixture
def scenarios():
    return load_scenarios()


class Clock:
    """An injectable ``now`` that the test moves forward."""

    def __init__(self) -> None:
        self.moment = datetime(2025, 3, 12, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


def _views(people: list[Context], scenarios, part, now=None) -> list[Roleplay]:
    return [Roleplay(ConversationSession(p, poll_seconds=None), scenarios, part, now=now) for p in people]


def _widgets(root: widgets.Widget) -> list[widgets.Widget]:
    """Every widget reachable from ``root`` (children, and any widget held in a synced trait)."""
    found, stack = {}, [root]
    while stack:
        widget = stack.pop()
        if id(widget) in found:
            continue
        found[id(widget)] = widget
        for name in widget.keys:
            value = getattr(widget, name)
            for item in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(item, widgets.Widget):
                    stack.append(item)
    return list(found.values())


def _sent(root: widgets.Widget) -> str:
    """All state the browser would receive for ``root``'s widget tree, as readable text."""
    return html.unescape("\n".join(json.dumps(w.get_state(), ensure_ascii=False, default=str) for w in _widgets(root)))


def _said(view: Roleplay) -> str:
    return html.unescape(view.feedback.children[0].value) if view.feedback.children else ""


def _start(view: Roleplay, scenario_id: str = GESPREK, others: int = 2) -> None:
    for n, check in enumerate(view.choices.values()):
        check.value = n < others
    view.scenario_picker.value = scenario_id
    view.start()


def _reload(views: list[Roleplay]) -> None:
    for view in views:
        view.session.reload()


def test_a_started_trio_reaches_the_groupmates_after_a_poll(trio, part, scenarios) -> None:
    """Do Jeroen and Sanne, who did nothing, see the trio Fatima started once their kernels poll?"""
    fatima, jeroen, sanne = _views(trio, scenarios, part)
    assert fatima.choices and jeroen.trio is None
    _start(fatima)
    assert "Jullie trio staat klaar" in _said(fatima)
    assert fatima.role == "gespreksvoerder" and "Ronde 1: Alweer een nieuwe aanpak" in _sent(fatima)
    assert jeroen.trio is None and "Start een trio" in _sent(jeroen)
    _reload([jeroen, sanne])
    assert (jeroen.role, sanne.role) == ("gesprekspartner", "observator")
    text = _sent(sanne)
    assert "Ronde 1: Alweer een nieuwe aanpak" in text and f"{sanne.session.ctx.person.name} (jij)" in text
    assert "Jouw rol: Observator" in text and part.roles.observator.uitleg.split("\n")[0] in text
    [item] = fatima.session.live("trio")
    assert item.data["leden"][0] == fatima.me and sorted(item.data["leden"]) == sorted(v.me for v in (fatima, jeroen,
                                                                                                      sanne))


def test_roles_rotate_so_everyone_leads_once_in_three_rounds(trio, part, scenarios) -> None:
    """Can any member start the next round, and does every member lead exactly once in three rounds?"""
    views = _views(trio, scenarios, part)
    _start(views[0])
    _reload(views)
    seen = []
    for presser in (None, views[1], views[2]):
        if presser is not None:
            presser.next_round()
            _reload(views)
        roles = {v.me: v.role for v in views}
        assert sorted(roles.values()) == sorted(["gespreksvoerder", "gesprekspartner", "observator"])
        assert len({v.round_index for v in views}) == 1
        seen.append(next(me for me, role in roles.items() if role == "gespreksvoerder"))
    assert sorted(seen) == sorted(v.me for v in views)
    assert "Ronde 3" in _sent(views[0])
    played = [r["scenario"] for r in views[0].trio.data["rondes"]]
    assert len(set(played)) == 3  # the picker offers a scenario not played yet


def test_a_stale_next_round_press_does_not_skip_a_round(trio, part, scenarios) -> None:
    """When two members press "Volgende ronde" for the same round, is only one round added?"""
    fatima, jeroen, _ = _views(trio, scenarios, part)
    _start(fatima)
    jeroen.session.reload()
    fatima.next_round()
    jeroen.next_round()  # his screen still showed round 1
    assert "al een nieuwe ronde gestart" in _said(jeroen)
    assert len(jeroen.trio.data["rondes"]) == 2 and jeroen.round_index == 1


def test_the_rolkaart_reaches_only_the_gesprekspartner(trio, part, scenarios) -> None:
    """Is the private role card in no widget state of the gespreksvoerder and observator, in every round?"""
    card = scenarios.get(GESPREK).rolkaart
    fragments = [line.strip() for line in card.splitlines()
                 if len(line.strip()) > 40 and not any(ch in line for ch in "*\"'`_")]
    assert len(fragments) >= 3
    views = _views(trio, scenarios, part)
    _start(views[0])
    _reload(views)
    for _ in range(3):
        for view in views:
            text = _sent(view)
            if view.role == "gesprekspartner":
                assert all(f in text for f in fragments), "the gesprekspartner must read the role card"
            else:
                assert not any(f in text for f in fragments), f"role card leaked to the {view.role}"
                assert "Opdracht voor de gespreksvoerder" in text
        partner = next(v for v in views if v.role == "gesprekspartner")
        partner.next_picker.value = GESPREK  # the same scenario again, with the roles moved on
        partner.next_round()
        _reload(views)


def test_the_observators_checklist_reaches_the_gespreksvoerder_escaped(trio, part, scenarios) -> None:
    """Do Sanne's ratings, examples and tip show in Fatima's feedback after a poll, with typed HTML as text?"""
    fatima, jeroen, sanne = _views(trio, scenarios, part)
    _start(fatima)
    _reload([jeroen, sanne])
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
    assert f"Van {sanne.session.ctx.person.name}" in shown and "Alweer een nieuwe aanpak · ronde 1" in shown
    assert "Doorvragen" not in shown  # points left empty are not listed
    # a new kernel of Sanne shows her saved checklist again
    again = _views([sanne.session.ctx], scenarios, part)[0]
    assert again.checklist.ratings["open_vragen"].value == part.ratings[0]
    assert again.checklist.tip.value == "Vraag door bij 'altijd'."


def test_a_facilitator_scenario_uses_the_facilitator_checklist_and_labels(trio, part, scenarios) -> None:
    fatima, jeroen, sanne = _views(trio, scenarios, part)
    _start(fatima, FACILITATOR)
    _reload([jeroen, sanne])
    assert [c.key for c in sanne.checklist.items] == [c.key for c in part.checklist_facilitator]
    text = _sent(sanne)
    assert "Sturen of loslaten" in text and "oplossingen bedenken" in text
    assert "Opdracht voor de facilitator" in text
    assert "Gespreksvoerder (facilitator van de groep)" in _sent(fatima)
    assert "Gesprekspartner (speelt de groep)" in _sent(jeroen)
    sanne.checklist.ratings["sturen"].value = part.ratings[1]
    fatima.session.reload()
    assert "Sturen of loslaten" in html.unescape(fatima._feedback_view.value)


def test_the_timer_is_shared_and_counts_down_with_pauses(trio, part, scenarios) -> None:
    """Start, pause and reset by one member; does another member's kernel show the same time after a poll?"""
    clock = Clock()
    fatima, jeroen, _ = _views(trio, scenarios, part, now=clock)
    _start(fatima)
    jeroen.session.reload()
    timer, theirs = fatima.timer, jeroen.timer
    assert isinstance(timer, RoundTimer) and timer.text == "08:00" and "08:00" in timer.clock.value
    assert not timer.running and timer.pause_button.disabled
    timer.start_button.click()
    clock.advance(90)
    assert timer.text == "06:30" and timer.running and timer.start_button.disabled
    assert theirs.text == "08:00"  # not polled yet
    jeroen.session.reload()
    assert theirs.text == "06:30" and theirs.running
    theirs.pause_button.click()  # Jeroen pauses
    clock.advance(100)
    fatima.session.reload()
    assert timer.text == theirs.text == "06:30" and not timer.running
    timer.start()
    clock.advance(389.5)
    assert timer.text == "00:01"
    clock.advance(1)
    jeroen.session.reload()
    for shown in (timer, theirs):
        shown.draw()  # what the once-a-second tick does in a kernel
        assert "De tijd is om" in shown.text and "De tijd is om" in shown.clock.value
        assert shown.start_button.disabled
    theirs.reset_button.click()
    fatima.session.reload()
    assert timer.text == "08:00" and not timer.running


def test_a_reflection_is_personal_and_survives_a_new_kernel(trio, part, scenarios) -> None:
    fatima, jeroen, _ = _views(trio, scenarios, part)
    _start(fatima)
    jeroen.session.reload()
    fatima.reflection.inputs["goed"].value = "Ik liet de stilte vallen."
    fatima.reflection.inputs["meenemen"].value = "Eerst luisteren."
    key = f"dag3.rollenspel.{fatima.trio.item_id}.0"
    assert fatima.session.ctx.store.latest_answer(fatima.me, key).value["goed"] == "Ik liet de stilte vallen."
    assert jeroen.reflection.inputs["goed"].value == ""
    again = _views([Context.for_person(fatima.session.ctx.store, fatima.session.ctx.person)], scenarios, part)[0]
    assert again.reflection.inputs["goed"].value == "Ik liet de stilte vallen."
    assert again.reflection.inputs["meenemen"].value == "Eerst luisteren."


def test_a_wrong_number_of_groupmates_is_refused_in_dutch(store: Store, trio, part, scenarios) -> None:
    group = trio[0].group
    for name in ("Extra Een", "Extra Twee"):
        store.add_person(group.cohort_id, name, "deelnemer", hash_code(f"CODE-{name}"), group_id=group.id)
    view = _views(trio[:1], scenarios, part)[0]
    assert len(view.choices) == 4
    _start(view, others=1)
    assert "Kies minstens twee groepsgenoten" in _said(view)
    for check in view.choices.values():
        check.value = True
    view.start()
    assert "Kies hoogstens drie groepsgenoten" in _said(view)
    assert view.session.live("trio") == [] and all(c.value for c in view.choices.values())
    _start(view, others=3)
    assert len(view.trio.data["leden"]) == 4 and view.role == "gespreksvoerder"


def test_a_locked_store_keeps_the_choice_and_says_so(trio, part, scenarios, write_locked) -> None:
    view = _views(trio[:1], scenarios, part)[0]
    with write_locked():
        _start(view)
        assert _said(view) and view.trio is None
        assert sum(c.value for c in view.choices.values()) == 2
    view.start()
    assert view.trio is not None


def test_a_removed_scenario_gives_a_notice_and_the_trio_can_go_on(trio, part, scenarios) -> None:
    session = ConversationSession(trio[0], poll_seconds=None)
    members = [c.person.id for c in trio]
    session.put("trio", "t1", {"leden": members, "rondes": [{"scenario": "weggehaald", "gestart": None,
                                                            "resterend": None}]})
    view = Roleplay(session, scenarios, part)
    text = _sent(view)
    assert "Ronde 1" in text and "('weggehaald') bestaat niet meer" in text
    assert view.timer is None and view.reflection is not None
    view.next_round()
    assert view.round_index == 1 and "bestaat niet meer" not in _sent(view)


def test_nieuw_trio_shows_the_start_form_and_back(trio, part, scenarios) -> None:
    fatima, jeroen, _ = _views(trio, scenarios, part)
    _start(fatima)
    jeroen.session.reload()
    jeroen.start_over()
    assert "Start een trio" in _sent(jeroen) and jeroen.trio is None
    jeroen._back()
    assert jeroen.role == "gesprekspartner"
    jeroen.start_over()
    _start(jeroen, FACILITATOR)
    assert jeroen.role == "gespreksvoerder" and jeroen.trio.data["leden"][0] == jeroen.me
    fatima.session.reload()
    assert fatima.trio.item_id == jeroen.trio.item_id  # the newest trio wins


def test_the_feedback_view_lists_nothing_for_an_untouched_checklist(trio, part, scenarios) -> None:
    session = ConversationSession(trio[0], poll_seconds=None)
    session.put("feedback", "x-0-1", {"voor": trio[0].person.id, "van": trio[1].person.id, "ronde": 0,
                                      "scenario": GESPREK, "soort": "gesprek",
                                      "punten": {"open_vragen": {"oordeel": "", "voorbeeld": ""}}, "tip": ""})
    view = FeedbackView(session, part, scenarios)
    assert "Nog geen feedback" in html.unescape(view.value)


def test_the_clock_ticks_on_the_event_loop_only_while_running_and_on_show(
    trio, part, scenarios, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a kernel: does the clock redraw by itself once a second, and stop when paused or when the round moves on?"""
    import asyncio
    import threading

    from wijwerken_widgets.pages.dag3 import roleplay_timer

    loop = asyncio.new_event_loop()
    monkeypatch.setattr(roleplay_timer, "running_loop", lambda: loop)
    clock = Clock()
    try:
        view = _views(trio[:1], scenarios, part, now=clock)[0]
        _start(view)
        timer = view.timer
        assert timer._handle is None  # not started: nothing ticks
        timer.start()
        assert timer._handle is not None
        clock.advance(2)
        # Its own thread: the browser tests' Playwright may already run a loop in this one.
        runner = threading.Thread(target=lambda: loop.run_until_complete(asyncio.sleep(1.1)))
        runner.start()
        runner.join()
        assert "07:58" in timer.clock.value
        timer.pause()
        assert timer._handle is None
        timer.start()
        view.next_round()
        assert timer._handle is None and view.timer is not timer and view.timer._handle is None
    finally:
        loop.close()


def test_the_page_section_builds_for_a_participant(trio) -> None:
    from wijwerken_widgets.pages import dag3

    section = dag3.roleplay.section(trio[0])
    assert "3. Rollenspel" in _sent(section) and "Start een trio" in _sent(section)
