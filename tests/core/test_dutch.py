"""Dutch dates and times: local time in the Netherlands, month names written out."""

from __future__ import annotations

from datetime import date, datetime, timezone

from wijwerken_widgets.core.dutch import clock, long_date


def test_is_a_moment_shown_on_its_dutch_day_and_hour() -> None:
    """Is 23:30 UTC on 31 December already 1 januari in the Netherlands (winter time, UTC+1), at 00:30?"""
    moment = datetime(2024, 12, 31, 23, 30, tzinfo=timezone.utc)
    assert (long_date(moment), clock(moment)) == ("1 januari 2025", "00:30")


def test_is_a_date_written_with_its_month_name() -> None:
    """Is a plain date written as day, month name and year, without a leading zero?"""
    assert long_date(date(2025, 3, 4)) == "4 maart 2025"
    assert long_date(datetime(2025, 7, 14, 10, 0, tzinfo=timezone.utc)) == "14 juli 2025"
