"""Monitoring: the status history is append-only, stillness counts status updates only, and the calendar file
parses back with its events and reminders."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import icalendar

from tests.support.dag4 import act_session
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.shared.act import calendar
from wijwerken_widgets.shared.act.items import KINDS, Actie
from wijwerken_widgets.shared.act.monitoring import (
    DONE,
    ON_TRACK,
    STALLING,
    Status,
    Thresholds,
    history,
    stillness,
)
from wijwerken_widgets.ui.context import Context

TODAY = date(2027, 4, 1)


def test_a_status_update_never_overwrites_the_history(ctx: Context, groupmate: Context) -> None:
    mine, theirs = act_session(ctx), act_session(groupmate)
    action = Actie(new_id(), wat="Initiatieventafel", start="2027-02-01")
    mine.put_item(action)
    mine.put_item(Status(new_id(), action.id, ON_TRACK, "Eerste tafel was vol", "2027-02-15", True, ctx.person.id))
    theirs.reload()
    theirs.put_item(Status(new_id(), action.id, STALLING, "Niemand van Vergunningen", "2027-03-01", False,
                           groupmate.person.id))  # at the same time: its own item, nothing is replaced
    mine.reload()
    updates = [Status.of(i) for i in mine.live(Status.KIND)]
    assert [(u.status, u.notitie) for u in history(action.id, updates)] == [
        (ON_TRACK, "Eerste tafel was vol"), (STALLING, "Niemand van Vergunningen")]
    assert all(i.version == 1 for i in mine.live(Status.KIND))
    assert "status" in KINDS


def test_stillness_is_measured_from_status_updates_only_and_per_status() -> None:
    thresholds = Thresholds.default()
    update = Status("s1", "a1", ON_TRACK, datum="2027-03-01")
    assert stillness("2027-02-01", [update], thresholds, TODAY).days == 31
    assert stillness("2027-02-01", [update], thresholds, TODAY).still  # 31 > 21 days op schema
    stalling = Status("s2", "a1", STALLING, datum="2027-03-27")
    assert not stillness("2027-02-01", [update, stalling], thresholds, TODAY).still  # 5 ≤ 7 days hapert
    assert stillness("2027-02-01", [update, stalling], thresholds, TODAY + timedelta(days=3)).still
    assert not stillness("2027-02-01", [Status("s3", "a1", DONE, datum="2027-01-01")], thresholds, TODAY).still
    # Without any update the clock runs from the start; an action that has not begun is not still.
    assert stillness("2027-03-01", [], thresholds, TODAY).days == 31
    assert not stillness("2027-05-01", [], thresholds, TODAY).still


def test_editing_an_action_does_not_reset_its_stillness(ctx: Context) -> None:
    session = act_session(ctx)
    action = Actie(new_id(), wat="Spreekuur", start="2027-01-04")
    session.put_item(action)
    session.put_item(Status(new_id(), action.id, ON_TRACK, datum="2027-01-10"))
    for n in range(3):  # edits of the action's text: not a status update
        item = session.item(Actie.KIND, action.id)
        session.put("actie", action.id, {**item.data, "wat": f"Spreekuur {n}"}, base_version=item.version)
    updates = history(action.id, [Status.of(i) for i in session.live(Status.KIND)])
    assert stillness(action.start, updates, Thresholds.default(), TODAY).days == (TODAY - date(2027, 1, 10)).days


def test_the_calendar_parses_back_with_every_check_in_and_due_date_and_a_reminder_each() -> None:
    days = calendar.check_ins(date(2027, 2, 1), 14, date(2027, 4, 30))
    assert days[:3] == [date(2027, 2, 1), date(2027, 2, 15), date(2027, 3, 1)] and days[-1] <= date(2027, 4, 30)
    events = [calendar.Event(f"checkin-{d.isoformat()}", d, "Check-in actieplan") for d in days]
    events.append(calendar.Event("actie-1", date(2027, 4, 30), "Klaar: initiatieventafel", "Eigenaar: Vergunningen"))
    data = calendar.calendar_ics("Grip op Loslaten · Groep Buiten", events,
                                 now=datetime(2027, 1, 20, 12, tzinfo=timezone.utc))
    parsed = icalendar.Calendar.from_ical(data)
    found = parsed.walk("VEVENT")
    assert len(found) == len(events)
    assert sorted(str(e["UID"]) for e in found) == sorted(f"{e.id}@wijwerken" for e in events)
    due = next(e for e in found if str(e["UID"]) == "actie-1@wijwerken")
    assert due.decoded("DTSTART") == date(2027, 4, 30) and str(due["SUMMARY"]) == "Klaar: initiatieventafel"
    assert all(len(e.walk("VALARM")) == 1 for e in found)
    alarm = due.walk("VALARM")[0]
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER") == timedelta(days=-1, hours=9)
    assert str(parsed["X-WR-CALNAME"]) == "Grip op Loslaten · Groep Buiten"
