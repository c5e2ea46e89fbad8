"""The three months driven from Python: one-line status updates, the history and views, the niet-overnemen guard,
mini-interventies with their outcome in the action's history, the check-ins and the calendar file, the trainer's
counts."""

from __future__ import annotations

import base64
import re
from dataclasses import replace
from datetime import date

import icalendar
import pytest

from tests.support.dag3 import html_text, new_map, sent
from tests.support.dag4 import act_session, sources
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.pages.maanden import texts, trainer
from wijwerken_widgets.pages.maanden.board import Board, checkin_days, previous_checkin
from wijwerken_widgets.pages.maanden.calendar import CalendarView
from wijwerken_widgets.pages.maanden.interventions import InterventionsView
from wijwerken_widgets.pages.maanden.monitoring import MonitoringView
from wijwerken_widgets.pages.maanden.since import SinceView
from wijwerken_widgets.shared.act.interventions import Interventie, takes_over
from wijwerken_widgets.shared.act.items import Actie
from wijwerken_widgets.shared.act.monitoring import DONE, ON_TRACK, STALLING, Status
from wijwerken_widgets.ui.context import Context

CONTENT = texts.load()
PARTS = CONTENT.exercises
TODAY = date(2027, 4, 1)


def board_for(ctx: Context) -> Board:
    return Board(act_session(ctx), sources(ctx), CONTENT, today=lambda: TODAY)


@pytest.fixture
def plan(ctx: Context) -> dict[str, str]:
    """A stakeholder on the map and two actions: the stakeholder's (stalling since 20 March) and the group's."""
    stakeholder = new_map(ctx, {"naam": "Wijkraad Noord", "soort": "inwoner"}).map.stakeholders[0]
    act = act_session(ctx)
    theirs = Actie(new_id(), wat="Initiatieventafel elke maand", eigenaar_soort="stakeholder",
                   eigenaar=stakeholder.id, start="2027-02-01", eind="2027-05-01")
    ours = Actie(new_id(), wat="Loket-route <script>x</script>", eigenaar_soort="groep", start="2027-02-01",
                 eind="2027-03-15")
    act.put_item(theirs)
    act.put_item(ours)
    act.put_item(Status(new_id(), theirs.id, STALLING, "Niemand van Vergunningen", "2027-03-20", True, ctx.person.id))
    return {"theirs": theirs.id, "ours": ours.id, "stakeholder": stakeholder.id}


def test_a_one_line_update_adds_to_the_history_and_two_members_updates_both_stay(ctx, groupmate, plan) -> None:
    mine, theirs = SinceView(board_for(ctx), PARTS.since), SinceView(board_for(groupmate), PARTS.since)
    line = mine.lines[plan["ours"]]
    line.status.value, line.note.value, line.contact.value = DONE, "Route staat op de site", True
    other = theirs.lines[plan["ours"]]
    other.status.value, other.note.value = ON_TRACK, "Nog één check met Burgerzaken"
    line.submit()
    other.submit()  # written at the same moment from another kernel: its own item, nothing is replaced
    board = board_for(ctx)
    state = board.state(plan["ours"])
    assert [(u.status, u.notitie, u.contact) for u in state.updates] == [
        (DONE, "Route staat op de site", True), (ON_TRACK, "Nog één check met Burgerzaken", False)]
    assert "bijgeschreven" in line.feedback.text and line.note.value == ""


def test_each_line_starts_at_the_actions_last_status(ctx, plan) -> None:
    view = SinceView(board_for(ctx), PARTS.since)
    assert view.lines[plan["theirs"]].status.value == STALLING
    assert view.lines[plan["ours"]].status.value == ON_TRACK  # no status yet


def test_a_too_long_note_is_refused_and_kept(ctx, plan) -> None:
    view = SinceView(board_for(ctx), PARTS.since)
    line = view.lines[plan["ours"]]
    line.note.value = "x" * 301
    line.submit()
    assert "te lang" in line.feedback.text and line.note.value == "x" * 301
    assert board_for(ctx).state(plan["ours"]).updates == ()


def test_stillness_ignores_edits_to_the_action_itself(ctx, plan) -> None:
    act = act_session(ctx)
    act.put_item(Actie(plan["theirs"], wat="Initiatieventafel, nu om de week", eigenaar_soort="stakeholder",
                       eigenaar=plan["stakeholder"], start="2027-02-01"), base_version=1)
    state = board_for(ctx).state(plan["theirs"])
    assert state.stillness.days == 12 and state.stillness.still  # 12 days since the "hapert" of 20 March > 7
    assert state.stalled and "stil: 12 dagen" in board_for(ctx).state_text(state)


def test_the_views_show_statuses_in_words_and_typed_text_literally(ctx, plan) -> None:
    view = MonitoringView(board_for(ctx), PARTS.monitoring)
    table, timeline, progress = html_text(view.table), html_text(view.timeline), html_text(view.progress)
    assert "⚠ hapert" in table and "Loket-route <script>x</script>" in table
    assert "<script>" not in view.table.value
    assert "20-03-2027 ⚠ hapert" in timeline
    assert "Gepland klaar" in progress and "<svg" in view.progress.value and "<table" in view.progress.value
    view.detail.chooser.value = plan["theirs"]
    assert "Niemand van Vergunningen" in html_text(view.detail.history)
    assert "contact met de eigenaar" in html_text(view.detail.history)


def test_the_guard_stops_a_member_taking_over_a_stalled_stakeholder_action(ctx, plan) -> None:
    assert takes_over("stakeholder", "deelnemer", str(ctx.person.id), ctx.person.id, stalled=True)
    assert not takes_over("stakeholder", "deelnemer", str(ctx.person.id), ctx.person.id, stalled=False)
    assert not takes_over("stakeholder", "deelnemer", "999", ctx.person.id, stalled=True)
    detail = MonitoringView(board_for(ctx), PARTS.monitoring).detail
    detail.chooser.value = plan["theirs"]
    detail.owner.value = f"deelnemer:{ctx.person.id}"
    detail.change_owner()
    assert detail.guard.layout.display == "" and "Wijkraad Noord" in html_text(detail.guard_text)
    assert Actie.of(act_session(ctx).item(Actie.KIND, plan["theirs"])).eigenaar_soort == "stakeholder"
    detail.change_owner(confirmed=True)
    assert "waarom" in detail.feedback.text.lower()
    detail.reason.value = "De wijkraad vroeg het zelf voor één maand"
    detail.change_owner(confirmed=True)
    saved = Actie.of(act_session(ctx).item(Actie.KIND, plan["theirs"]))
    assert (saved.eigenaar_soort, saved.eigenaar) == ("deelnemer", str(ctx.person.id))
    last = board_for(ctx).state(plan["theirs"]).updates[-1]
    assert "De wijkraad vroeg het zelf voor één maand" in last.notitie and last.status == STALLING


def test_an_owner_change_that_is_no_take_over_saves_at_once(ctx, plan) -> None:
    detail = MonitoringView(board_for(ctx), PARTS.monitoring).detail
    detail.chooser.value = plan["ours"]
    detail.owner.value = f"stakeholder:{plan['stakeholder']}"
    detail.change_owner()
    assert detail.guard.layout.display == "none" and "eigenaar" in detail.feedback.text
    assert Actie.of(act_session(ctx).item(Actie.KIND, plan["ours"])).eigenaar == plan["stakeholder"]


def test_a_mini_interventie_is_planned_and_its_outcome_goes_into_the_actions_history(ctx, plan) -> None:
    view = InterventionsView(board_for(ctx), PARTS.interventions)
    assert "Initiatieventafel elke maand" in html_text(view.stalled)
    assert view.action.value == plan["theirs"]  # the stalled action first
    view.template.value = "dad"
    assert "wél voor elkaar" in html_text(view.template_text)
    view.plan()
    assert "Vul eerst in" in view.feedback.text
    view.wie.value, view.hoop.value = "Noor en twee bewoners", "Dat ze zelf een sleutel regelen"
    view.wanneer.value = "morgen"
    view.plan()
    assert "geen datum" in view.feedback.text and view.wie.value == "Noor en twee bewoners"
    view.wanneer.value, view.opvolgen.value = "2027-04-08", "22-04-2027"
    view.plan()
    [planned] = [Interventie.of(i) for i in act_session(ctx).live(Interventie.KIND)]
    assert (planned.sjabloon, planned.wanneer, planned.opvolgen) == ("dad", "2027-04-08", "2027-04-22")
    outcome = view.outcomes[planned.id]
    outcome.text.value, outcome.status.value = "De wijkraad regelt de sleutel zelf", ON_TRACK
    outcome.submit()
    state = board_for(ctx).state(plan["theirs"])
    assert state.interventions[0].afgerond and state.status == ON_TRACK
    assert state.updates[-1].interventie == planned.id and "regelt de sleutel zelf" in state.updates[-1].notitie


def test_check_ins_follow_the_cohorts_rhythm_or_two_weeks_after_dag4() -> None:
    rhythm = {"terugkomritme": {"eerste": "2027-03-02", "elke_dagen": 14, "tot": "2027-04-13"}}
    assert checkin_days(rhythm, TODAY) == [date(2027, 3, 2), date(2027, 3, 16), date(2027, 3, 30),
                                           date(2027, 4, 13)]
    assert previous_checkin(checkin_days(rhythm, TODAY), TODAY) == date(2027, 3, 30)
    days = checkin_days({"programma": [{"dag": 4, "datum": "2027-02-16"}]}, TODAY)
    assert days[0] == date(2027, 3, 2) and days[-1] <= date(2027, 6, 1) and len(days) == 7


def test_the_calendar_file_holds_the_check_ins_and_due_dates_with_reminders(ctx, plan) -> None:
    view = CalendarView(board_for(ctx), PARTS.calendar)
    assert "Initiatieventafel elke maand" in html_text(view.lists)
    view.download()
    href = re.search(r'href="data:text/calendar;base64,([^"]+)"', view.link.value)
    assert href is not None
    parsed = icalendar.Calendar.from_ical(base64.b64decode(href.group(1)))
    events = [e for e in parsed.walk("VEVENT")]
    titles = [str(e["SUMMARY"]) for e in events]
    assert titles.count(PARTS.calendar.checkin_event) == len(view.days) >= 6
    assert "Klaar: Initiatieventafel elke maand" in titles and "Klaar: Loket-route <script>x</script>" in titles
    assert all(len(e.walk("VALARM")) == 1 for e in events)


def test_a_trainer_watches_without_forms_and_sees_every_groups_counts(store, ctx, plan) -> None:
    teacher = next(p for p in store.people(ctx.person.cohort_id) if p.role == "trainer")
    watching = replace(Context.for_person(store, teacher), group=ctx.group)  # on the group's page (?groep=)
    view = SinceView(board_for(watching), PARTS.since)
    assert not hasattr(view.lines[plan["ours"]], "save") and "deelnemers zelf" in sent(view)
    assert "Je bekijkt Groep Buiten als trainer" in sent(view)
    counts = trainer.group_counts(store, ctx.group, CONTENT, TODAY)
    assert counts == {"acties": 2, "klaar": 0, "hapert": 1, "stil": 2, "interventies": 0}  # ours: no update in 59 days
