"""Dates and times as a Dutch participant reads them (local time, Europe/Amsterdam).

The month names are language data, not a trainer's text, so they live here rather than in ``exercises/``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

LOCAL_TIME = ZoneInfo("Europe/Amsterdam")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def clock(moment: datetime) -> str:
    """``14:03`` in Dutch local time."""
    return moment.astimezone(LOCAL_TIME).strftime("%H:%M")


def long_date(moment: date | datetime) -> str:
    """``14 maart 2025``: a date as such, a moment (``datetime``) on its day in Dutch local time."""
    day = moment.astimezone(LOCAL_TIME).date() if isinstance(moment, datetime) else moment
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


_DUTCH_DATE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")


def parse_date(text: str) -> date | None:
    """A typed date: ISO (``2027-03-15``) or Dutch day-month-year (``15-3-2027``, also with ``/`` or ``.``);
    ``None`` when it is no date."""
    text = (text or "").strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    found = _DUTCH_DATE.match(text)
    if found:
        try:
            return date(int(found[3]), int(found[2]), int(found[1]))
        except ValueError:
            return None
    return None
