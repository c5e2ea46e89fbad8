"""The actieplan's timeline: one SVG bar per dated action under Dutch month ticks, undated actions in text."""

from __future__ import annotations

import re

from wijwerken_widgets.pages.dag4 import texts
from wijwerken_widgets.pages.dag4.plan_timeline import Entry, timeline_html, timeline_svg

WORDS = texts.load().exercises.plan.views


def test_each_dated_action_is_a_bar_with_its_name_and_dates_in_its_title() -> None:
    svg = timeline_svg([Entry("Buurtavond", "Wijkraad", "stakeholder", "2027-01-15", "2027-03-31"),
                        Entry("Folder", "Fatima", "deelnemer", "2027-02-01", "2027-02-20")], WORDS)
    assert svg.count("<rect") == 2
    assert "Buurtavond (Wijkraad): 15 januari 2027 tot 31 maart 2027" in svg
    assert 'role="img"' in svg and 'aria-label="Tijdlijn van 2 acties' in svg


def test_month_ticks_are_dutch_with_the_year_at_the_start_and_in_january() -> None:
    svg = timeline_svg([Entry("Lang", "Groep", "groep", "2026-11-10", "2027-02-01")], WORDS)
    labels = re.findall(r">([a-z]{3}(?: \d{4})?)</text>", svg)
    assert labels == ["nov 2026", "dec", "jan 2027", "feb"]


def test_one_date_or_reversed_dates_still_draw() -> None:
    svg = timeline_svg([Entry("Alleen start", "", "", "2027-05-01", ""),
                        Entry("Omgekeerd", "", "", "2027-06-30", "2027-06-01")], WORDS)
    assert svg.count("<rect") == 2 and "1 juni 2027 tot 30 juni 2027" in svg


def test_undated_actions_are_listed_beneath_in_text_escaped() -> None:
    shown = timeline_html([Entry("<img src=x onerror=alert(1)>", "nog niemand", "", "", "")], WORDS)
    assert "<svg" not in shown and WORDS.timeline_empty in shown
    assert "Nog zonder datum" in shown and "&lt;img src=x onerror=alert(1)&gt;" in shown and "<img" not in shown
    assert timeline_html([], WORDS).count("<li>") == 0
