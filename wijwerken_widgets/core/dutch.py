"""Dates and times as a Dutch participant reads them (local time, Europe/Amsterdam)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

LOCAL_TIME = ZoneInfo("Europe/Amsterdam")


def clock(moment: datetime) -> str:
    """``14:03`` in Dutch local time."""
    return moment.astimezone(LOCAL_TIME).strftime("%H:%M")
