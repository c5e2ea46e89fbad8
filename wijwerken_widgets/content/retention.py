"""When a cohort is archived and when it is purged: its ``bewaren`` block, else defaults from its programme.

Defaults (``docs/privacy.md``, "For how long"): archived :data:`ARCHIVE_MONTHS` month after the last dated step of
its programme (or the last check-in of its ``terugkomritme``, when later), purged :data:`PURGE_MONTHS` months after
archiving. A purge date before the archive date archives on the purge date too. A cohort without any date and without
``bewaren`` has no dates: it is kept until someone sets them.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wijwerken_widgets.content import programme

ARCHIVE_MONTHS = 1
PURGE_MONTHS = 12


@dataclass(frozen=True)
class RetentionDates:
    """The day from which a cohort is read-only and the day it is purged (``None``: not known, kept)."""

    archive: datetime.date | None
    purge: datetime.date | None


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus ``months`` calendar months (31 January + 1 month: the last day of February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1]))


def _date(value: object) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def last_date(settings: Mapping[str, Any], content: Any = None) -> datetime.date | None:
    """The last date of the cohort's programme: its last dated step or the end of its check-ins."""
    found = [step.date for step in programme.steps(settings, content) if step.date is not None]
    rhythm = settings.get("terugkomritme")
    if isinstance(rhythm, Mapping):
        found += [day for key in ("eerste", "tot") if (day := _date(rhythm.get(key))) is not None]
    return max(found, default=None)


def dates(settings: Mapping[str, Any], content: Any = None) -> RetentionDates:
    """The cohort's retention dates, from its stored settings (see the module)."""
    block = settings.get("bewaren")
    block = block if isinstance(block, Mapping) else {}
    archive, purge = _date(block.get("archiveren")), _date(block.get("verwijderen"))
    if archive is None and (end := last_date(settings, content)) is not None:
        archive = add_months(end, ARCHIVE_MONTHS)
    if purge is None and archive is not None:
        purge = add_months(archive, PURGE_MONTHS)
    if archive is not None and purge is not None and purge < archive or archive is None:
        archive = purge
    return RetentionDates(archive, purge)
