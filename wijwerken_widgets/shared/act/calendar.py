"""The months after Dag 4 as one calendar file (``.ics``, RFC 5545, with the ``icalendar`` package): the group's
check-ins and each action's due date, each with a reminder, so they land in the municipality's own calendar without
any mail server.

Pure: the caller passes the texts (Dutch, from the YAML) and the dates. Every event has a stable UID, so importing a
newer file updates the events instead of doubling them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

PRODUCT = "-//wijwerken//Grip op Loslaten//NL"


@dataclass(frozen=True)
class Event:
    """One all-day event: a stable id (for its UID), its day, title and description."""

    id: str
    day: date
    title: str
    description: str = ""


def check_ins(first: date, every_days: int, until: date) -> list[date]:
    """The check-in days from ``first`` every ``every_days`` days up to and including ``until``."""
    if every_days < 1:
        raise ValueError("every_days must be at least 1")
    days, day = [], first
    while day <= until:
        days.append(day)
        day += timedelta(days=every_days)
    return days


def calendar_ics(name: str, events: Iterable[Event], *, remind_days_before: int = 1, reminder: str = "",
                 now: datetime | None = None) -> bytes:
    """The events as one ``.ics`` file named ``name``; each with a display alarm ``remind_days_before`` days
    before (at 09:00 the day before for 1) saying ``reminder`` with ``{titel}`` the event's title (default: the
    title itself)."""
    from icalendar import Alarm, Calendar
    from icalendar import Event as IcalEvent

    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        entry = IcalEvent()
        entry.add("uid", f"{event.id}@wijwerken")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.day)
        entry.add("dtend", event.day + timedelta(days=1))
        entry.add("summary", event.title)
        if event.description:
            entry.add("description", event.description)
        entry.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", reminder.replace("{titel}", event.title) if reminder else event.title)
        alarm.add("trigger", timedelta(days=-remind_days_before, hours=9))
        entry.add_component(alarm)
        calendar.add_component(entry)
    return calendar.to_ical()
