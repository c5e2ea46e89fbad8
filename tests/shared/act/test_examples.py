"""The quotes that stand for a rode draad: the group's own choice, or up to three picked from distinct
conversations, different kinds of stakeholders first."""

from __future__ import annotations

from wijwerken_widgets.shared.act.evidence import Quote
from wijwerken_widgets.shared.act.examples import chosen, examples, picked, supporting, toggled
from wijwerken_widgets.shared.act.items import CONTRADICTS, SUPPORTS, Koppeling, Thema


def quote(n: int, gesprek: str, soort: str) -> Quote:
    return Quote(f"q{n}", f"Citaat {n}", gesprek, int(gesprek[1:]), f"s{gesprek}", f"Naam {gesprek}", "", soort)


QUOTES = [quote(1, "g1", "inwoner"), quote(2, "g1", "inwoner"), quote(3, "g2", "inwoner"),
          quote(4, "g3", "collega"), quote(5, "g4", "bestuur"), quote(6, "g5", "inwoner")]


def test_supporting_quotes_are_the_themes_own_without_tegengeluid() -> None:
    links = [Koppeling.new("q1", "t", SUPPORTS, 1, "samen"), Koppeling.new("q3", "t", CONTRADICTS, 1, "samen"),
             Koppeling.new("q4", "other", SUPPORTS, 1, "samen"), Koppeling.new("gone", "t", SUPPORTS, 1, "samen"),
             Koppeling.new("q5", "t", SUPPORTS, 1, "samen")]
    assert [q.id for q in supporting("t", links, QUOTES)] == ["q1", "q5"]


def test_picked_quotes_come_from_distinct_conversations_new_kinds_first() -> None:
    """Do three picked quotes come from three conversations, preferring a kind of stakeholder not yet heard?"""
    assert [q.id for q in picked(QUOTES)] == ["q1", "q4", "q5"]
    assert [q.id for q in picked(QUOTES[:3])] == ["q1", "q3"]  # one conversation gives one quote
    assert picked([]) == []


def test_the_groups_choice_counts_only_for_quotes_that_still_support_the_theme() -> None:
    theme = Thema("t", voorbeelden=("q6", "gone", "q2"))
    assert [q.id for q in chosen(theme, QUOTES)] == ["q6", "q2"]
    assert examples(theme, QUOTES) == (chosen(theme, QUOTES), True)
    assert examples(Thema("t", voorbeelden=("gone",)), QUOTES) == (picked(QUOTES), False)


def test_toggling_keeps_at_most_three_and_drops_quotes_no_longer_valid() -> None:
    valid = ["q1", "q2", "q3", "q4"]
    assert toggled(["q1", "gone"], "q2", True, valid) == ["q1", "q2"]
    assert toggled(["q1", "q2", "q3"], "q4", True, valid) is None
    assert toggled(["q1", "q2"], "q1", False, valid) == ["q2"]
    assert toggled(["q1"], "q1", True, valid) is None
    assert toggled([], "q1", False, valid) is None
