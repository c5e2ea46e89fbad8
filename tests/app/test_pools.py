"""Kernel pools follow the programme: the training day's page gets one kernel per participant, within the cap."""

from __future__ import annotations

import datetime

from wijwerken_widgets.app.web.pools import pool_sizes, pools_config

TODAY = datetime.date(2027, 1, 12)
PAGES = ["start.ipynb", "dag1.ipynb", "dag2.ipynb", "dag3.ipynb", "logboek.ipynb"]


def cohort(*days: tuple[int, str]) -> dict:
    return {"programma": [{"dag": dag, "datum": datum} for dag, datum in days]}


def test_the_day_on_todays_programme_gets_a_pool_for_its_group_and_the_rest_none() -> None:
    cohorts = [(cohort((1, "2027-01-12"), (2, "2027-02-02")), 15), (cohort((2, "2027-01-12")), 12), ({}, 30)]
    assert pool_sizes(cohorts, TODAY, PAGES, max_kernels=60) == {"dag1.ipynb": 15, "dag2.ipynb": 12,
                                                                  "start.ipynb": 2}
    assert pool_sizes(cohorts, TODAY + datetime.timedelta(days=1), PAGES, max_kernels=60) == {}


def test_pools_take_at_most_half_of_the_kernel_cap_the_largest_giving_way() -> None:
    cohorts = [(cohort((1, "2027-01-12")), 15), (cohort((3, "2027-01-12")), 8)]
    sizes = pool_sizes(cohorts, TODAY, PAGES, max_kernels=20)
    assert sum(sizes.values()) == 10 and sizes["dag1.ipynb"] >= sizes["dag3.ipynb"]


def test_a_day_without_its_page_gets_no_pool_and_voila_gets_no_default_pool() -> None:
    assert pool_sizes([(cohort((4, "2027-01-12")), 15)], TODAY, PAGES, max_kernels=60) == {}
    assert pools_config({"dag1.ipynb": 3}) == {"default": {"pool_size": 0}, "dag1.ipynb": {"pool_size": 3}}


def test_a_step_of_the_trajectory_gets_its_pages_pool_also_without_a_training_day_number() -> None:
    """The Wij-Werken Week's Friday (``dag4.ipynb``, no day of its own) and the standard pecha kucha follow from
    the start date."""
    week = {"traject": "wij-werken-week", "start": (TODAY - datetime.timedelta(days=4)).isoformat()}
    standard = {"start": (TODAY - datetime.timedelta(days=147)).isoformat()}
    pages = [*PAGES, "dag4.ipynb", "pechakucha.ipynb"]
    assert pool_sizes([(week, 10), (standard, 15)], TODAY, pages, max_kernels=60) == {
        "dag4.ipynb": 10, "pechakucha.ipynb": 15, "start.ipynb": 2}
