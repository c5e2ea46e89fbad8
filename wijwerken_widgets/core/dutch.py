"""Dates and times as a Dutch participant reads them (local time, Europe/Amsterdam).

The month names are language data, not a trainer's text, so they live here rather than in ``exercises/``.
"""

from __future__ import annotations

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
