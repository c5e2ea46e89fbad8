"""A cohort's programme: the trajectory's steps get their dates from ``programma``, else from the start."""

from __future__ import annotations

import datetime

import pytest

from wijwerken_widgets.content.programme import current, day_dates, steps
from wijwerken_widgets.core.problems import ContentError

D = datetime.date


def test_standard_dates_come_from_the_programma_and_the_rest_from_the_first_dated_step() -> None:
    found = {s.id: s.date for s in steps({"programma": [{"dag": 2, "datum": "2027-01-26"},
                                                          {"stap": "coaching1", "datum": "2027-01-20"}]})}
    assert found["dag2"] == D(2027, 1, 26) and found["coaching1"] == D(2027, 1, 20)
    assert found["dag1"] == D(2027, 1, 13)  # 7 days before the first dated step, the first coaching session
    assert found["pechakucha"] == D(2027, 1, 13) + datetime.timedelta(days=147)
    assert day_dates({"programma": [{"dag": 3, "datum": "2027-02-20"}], "start": "2027-01-05"}) == {
        1: D(2027, 1, 5), 2: D(2027, 1, 19), 3: D(2027, 2, 20), 4: D(2027, 2, 16)}


def test_the_wij_werken_week_is_five_days_and_a_follow_up_after_a_month() -> None:
    found = steps({"traject": "wij-werken-week", "start": "2027-03-01"})
    assert [s.date for s in found][:5] == [D(2027, 3, d) for d in range(1, 6)]
    assert found[-1].kind == "bijeenkomst" and found[-1].date == D(2027, 4, 2)
    assert [s.workbook for s in found] == ["dag1.ipynb", "dag2.ipynb", "dag3.ipynb", "dag4.ipynb", "dag4.ipynb",
                                           "maanden.ipynb"]


def test_without_any_date_no_step_has_one_and_nothing_is_current() -> None:
    found = steps({})
    assert found and all(s.date is None for s in found) and day_dates({}) == {}
    assert current(found, D(2027, 1, 1)) is None


def test_the_current_step_is_todays_or_else_the_next_one() -> None:
    found = steps({"start": "2027-01-12"})
    assert current(found, D(2027, 1, 12)).id == "dag1"
    assert current(found, D(2027, 1, 13)).id == "coaching1"
    assert current(found, D(2028, 1, 1)) is None


def test_a_trajectory_file_with_two_steps_for_one_day_is_refused_with_its_line(tmp_path) -> None:
    from wijwerken_widgets.content.programme import FILE, load
    from wijwerken_widgets.core import paths

    text = (paths.exercises_dir() / FILE).read_text(encoding="utf-8").replace("        dag: 2\n", "        dag: 1\n", 1)
    (tmp_path / FILE).write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match="trainingsdag"):
        load(tmp_path)
