"""A cohort's retention dates: its ``bewaren`` block, else a month after the last step of its programme and twelve
months after that; no dates at all: kept."""

from __future__ import annotations

import datetime

from wijwerken_widgets.content.retention import RetentionDates, add_months, dates

D = datetime.date


def test_the_bewaren_block_wins() -> None:
    settings = {"start": "2027-01-12", "bewaren": {"archiveren": "2027-09-01", "verwijderen": "2029-01-01"}}
    assert dates(settings) == RetentionDates(D(2027, 9, 1), D(2029, 1, 1))
    assert dates({"bewaren": {"archiveren": "2027-09-01", "verwijderen": None}}) == RetentionDates(
        D(2027, 9, 1), D(2028, 9, 1))


def test_defaults_follow_the_last_step_of_the_programme_or_the_check_ins() -> None:
    # the standard trajectory's last step, the pecha kucha, is 147 days after the start
    last = D(2027, 1, 12) + datetime.timedelta(days=147)
    assert dates({"start": "2027-01-12"}) == RetentionDates(add_months(last, 1), add_months(last, 13))
    later = {"start": "2027-01-12", "terugkomritme": {"eerste": "2027-03-02", "tot": "2027-12-20"}}
    assert dates(later) == RetentionDates(D(2028, 1, 20), D(2029, 1, 20))


def test_a_purge_date_alone_archives_no_later_than_it() -> None:
    assert dates({"bewaren": {"verwijderen": "2027-03-01"}}) == RetentionDates(D(2027, 3, 1), D(2027, 3, 1))
    early = {"start": "2027-01-12", "bewaren": {"verwijderen": "2027-03-01"}}
    assert dates(early) == RetentionDates(D(2027, 3, 1), D(2027, 3, 1))


def test_without_any_date_a_cohort_is_kept() -> None:
    assert dates({}) == RetentionDates(None, None)


def test_months_are_calendar_months() -> None:
    assert add_months(D(2027, 1, 31), 1) == D(2027, 2, 28)
    assert add_months(D(2027, 12, 15), 1) == D(2028, 1, 15)
    assert add_months(D(2028, 2, 29), 12) == D(2029, 2, 28)
