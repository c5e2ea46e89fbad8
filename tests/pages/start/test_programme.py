"""Jouw programma on the start page: today's step on top with its page, the steps that have been marked in words."""

from __future__ import annotations

import datetime

from wijwerken_widgets.pages.start import programme
from wijwerken_widgets.ui.context import Context


def _with(ctx: Context, **settings) -> Context:
    ctx.store.set_cohort_settings(ctx.person.cohort_id, {**ctx.cohort.settings, **settings})
    return Context.for_person(ctx.store, ctx.person)


def test_todays_training_day_comes_first_with_its_page_and_the_past_is_marked(ctx: Context) -> None:
    ctx = _with(ctx, start="2027-01-12", programma=[{"dag": 2, "datum": "2027-01-26"}])
    shown = programme.programme_html(ctx, datetime.date(2027, 1, 26))
    top, _, listed = shown.partition('<ol class="ww-programme-list"')
    assert "Vandaag, 26 januari 2027" in top and "Dag 2: de stakeholderkaart" in top
    assert 'href="dag2.ipynb"' in top
    assert listed.count("(geweest)") == 2  # Dag 1 and the first coaching session
    assert listed.count('aria-current="step"') == 1


def test_between_steps_the_next_one_comes_first_and_a_week_shows_its_own_steps(ctx: Context) -> None:
    ctx = _with(ctx, traject="wij-werken-week", start="2027-03-01")
    shown = programme.programme_html(ctx, datetime.date(2027, 3, 10))
    assert "Eerstvolgende: 2 april 2027" in shown and "Wij-Werken Week" in shown
    assert "Vervolgbijeenkomst na een maand" in shown.partition("<ol")[0]


def test_a_page_the_cohort_turned_off_gets_no_link_and_no_dates_says_so(ctx: Context) -> None:
    ctx = _with(ctx, start="2027-01-12", uit=["dag2"])
    shown = programme.programme_html(ctx, datetime.date(2027, 1, 26))
    assert 'href="dag2.ipynb"' not in shown and 'href="dag3.ipynb"' in shown
    assert "nog niet ingevoerd" in programme.programme_html(_with(ctx, start=None), datetime.date(2027, 1, 26))
