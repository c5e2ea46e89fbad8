"""Network insight in plain Dutch: spillen, verbinders, who hangs loose, groepjes, and "where am I"."""

from __future__ import annotations

import itertools
import re

import pytest

from wijwerken_widgets.pages.dag2 import insight_analysis, texts
from wijwerken_widgets.shared.stakeholders.model import (
    Stakeholder,
    StakeholderMap,
    validate_relation,
    validate_stakeholder,
)

JARGON = re.compile(
    r"betweenness|centralit|centrality|modularit|cluster|community|communit|degree|graaf|graph|netwerkanalyse|"
    r"louvain|knoop|node",
    re.IGNORECASE,
)


@pytest.fixture(autouse=True)
def _names_as_typed(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the sentences' words: names without their isolates (``test_names_are_isolated`` has them)."""
    if request.node.name != "test_names_are_isolated":
        monkeypatch.setattr(insight_analysis, "isolated", lambda text: text)


def test_names_are_isolated() -> None:
    """Does every name in a finding and a position sit between U+2068 and U+2069, so that a right-to-left name
    never pulls the words or numbers after it into its direction?"""
    m, people = build("سارة B C D E", [("سارة", leaf) for leaf in "BCDE"])
    result = insight_analysis.analyse(m)
    assert result.sentences[0].startswith("Bij \u2068سارة\u2069 komen de meeste lijnen samen (4)")
    assert "en \u2068سارة\u2069." in insight_analysis.position_of(m, people["B"].id)


def build(names: str, pairs: list[tuple[str, str]] | list[tuple[str, str, int]]) -> tuple[StakeholderMap, dict]:
    people = {name: validate_stakeholder({"naam": name}) for name in names.split()}
    relations = [
        validate_relation({"van": people[a].id, "naar": people[b].id, "sterkte": rest[0] if rest else 2})
        for a, b, *rest in pairs
    ]
    return StakeholderMap.build(people.values(), relations), people


def names(people: list[Stakeholder]) -> list[str]:
    return [s.naam for s in people]


def star():
    return build("Jansen A B C D E", [("Jansen", leaf) for leaf in "ABCDE"])


def two_groups():
    """Two groups of four, everyone knows everyone inside; only Marieke knows people in both."""
    left, right = ["Anna", "Bram", "Cor", "Dirk"], ["Eva", "Fons", "Gijs", "Hans"]
    pairs = [*itertools.combinations(left, 2), *itertools.combinations(right, 2)]
    pairs += [("Marieke", "Anna"), ("Marieke", "Bram"), ("Marieke", "Eva"), ("Marieke", "Fons")]
    return build(" ".join([*left, *right, "Marieke"]), pairs)


def assert_plain_dutch(*sentences: str) -> None:
    for text in sentences:
        assert not JARGON.search(text), text


def insight():
    """The insight exercise of dag2.yaml: its findings, position sentences and reflection prompt."""
    return texts.load().exercises.insight


def test_a_star_has_one_spil_and_no_verbinder():
    """Is the centre of a star the one spil, with nobody in between groups?"""
    m, _ = star()
    result = insight_analysis.analyse(m)
    assert names(result.spillen) == ["Jansen"]
    assert result.verbinders == []
    assert result.los == []
    assert result.sentences[0] == (
        "Bij Jansen komen de meeste lijnen samen (5): een spil. Via Jansen bereik je veel anderen."
    )
    assert_plain_dutch(*result.sentences)


def test_two_groups_joined_by_one_person():
    """Is the one person who knows both groups the verbinder, with two groepjes and no clear spil?"""
    m, _ = two_groups()
    result = insight_analysis.analyse(m)
    assert names(result.verbinders) == ["Marieke"]
    assert result.spillen == []  # everyone has 3 or 4 lines: nobody clearly stands out
    groups = [set(names(group)) for group in result.clusters]
    assert len(groups) == 2
    assert {"Eva", "Fons", "Gijs", "Hans"} in groups or {"Eva", "Fons", "Gijs", "Hans", "Marieke"} in groups
    assert any(s.startswith("Marieke verbindt groepen die anders los van elkaar staan") for s in result.sentences)
    assert any(s.startswith("We zien 2 groepjes die onderling veel contact hebben: ") for s in result.sentences)
    assert "Er is geen duidelijke spil: de lijnen zijn vrij gelijk verdeeld over de stakeholders." in result.sentences
    assert_plain_dutch(*result.sentences)


def test_separate_groups_without_a_verbinder_are_named():
    """Are separate groups named, with the question who could connect them?"""
    m, _ = build("A B C D E F", [("A", "B"), ("B", "C"), ("A", "C"), ("D", "E"), ("E", "F"), ("D", "F")])
    result = insight_analysis.analyse(m)
    assert [names(group) for group in result.clusters] == [["A", "B", "C"], ["D", "E", "F"]]
    assert result.verbinders == []
    assert "We zien 2 groepjes die onderling veel contact hebben: A, B en C; D, E en F." in result.sentences
    assert "Niemand verbindt die groepjes nog echt. Wie zou dat kunnen doen?" in result.sentences


def test_loose_means_no_line_or_one_weak_line():
    """Does someone with no line, or only one weak line, hang loose (one sentence for one, a list for more)?"""
    m, _ = build(
        "Jansen A B C Zwak Sterk Alleen",
        [("Jansen", "A"), ("Jansen", "B"), ("Jansen", "C"), ("A", "Zwak", 1), ("B", "Sterk", 3)],
    )
    result = insight_analysis.analyse(m)
    assert names(result.los) == ["Alleen", "Zwak"]
    assert "Deze stakeholders hangen los (geen of alleen een zwakke lijn): Alleen en Zwak. Wie kent hen?" in (
        result.sentences
    )
    only_one, _ = build("A B Eenling", [("A", "B")])
    sentences = insight_analysis.analyse(only_one).sentences
    assert "Eenling hangt los (geen of alleen een zwakke lijn). Wie kent Eenling?" in sentences


def test_empty_map_and_map_without_relations():
    """Do an empty map and a map without lines each get their own invitation instead of findings?"""
    empty = insight_analysis.analyse(StakeholderMap())
    assert (empty.spillen, empty.verbinders, empty.los, empty.clusters) == ([], [], [], [])
    assert empty.sentences == [insight().findings.empty_map]
    assert empty.sentences[0].startswith("Nog geen stakeholders: voeg er een paar toe")

    m, _ = build("Anna Bob", [])
    bare = insight_analysis.analyse(m)
    assert names(bare.los) == ["Anna", "Bob"]
    assert (bare.spillen, bare.verbinders, bare.clusters) == ([], [], [])
    assert bare.sentences == [insight().findings.no_relations]
    assert bare.sentences[0].startswith("Er zijn nog geen relaties getekend")


def test_several_kinds_between_two_people_count_as_one_line_with_the_strongest_sterkte():
    """Do two kinds of relation between the same two people count as one line, as strong as the strongest?"""
    anna, bob = validate_stakeholder({"naam": "Anna"}), validate_stakeholder({"naam": "Bob"})
    relations = [
        validate_relation({"van": anna.id, "naar": bob.id, "soort": "spanning", "sterkte": 1}),
        validate_relation({"van": bob.id, "naar": anna.id, "soort": "informeel", "sterkte": 3}),
    ]
    result = insight_analysis.analyse(StakeholderMap.build([anna, bob], relations))
    assert result.los == []  # one line, but a strong one
    assert [names(group) for group in result.clusters] == [["Anna", "Bob"]]


def test_position_of_each_kind_of_place():
    """Does "where am I" say spil, verbinder, in a groepje, or loose, whichever fits the participant's place?"""
    m, people = star()
    hub = insight_analysis.position_of(m, people["Jansen"].id)
    assert hub.startswith("Bij jou komen veel lijnen samen (5): je bent een spil.")
    assert "verbinder" not in hub
    assert insight_analysis.position_of(m, None) == insight().position.not_on_map
    assert insight_analysis.position_of(m, "weg").startswith("Je staat zelf (nog) niet op de kaart.")

    m, people = two_groups()
    go_between = insight_analysis.position_of(m, people["Marieke"].id)
    assert go_between.startswith("Je verbindt groepen die anders los van elkaar staan: je bent een verbinder.")
    in_group = insight_analysis.position_of(m, people["Gijs"].id)
    assert in_group.startswith("Je zit midden in een groepje dat onderling veel contact heeft, met ")
    assert "Eva" in in_group and "Hans" in in_group and "Anna" not in in_group

    m, people = build("Jansen A B C Zwak Alleen", [("Jansen", "A"), ("Jansen", "B"), ("Jansen", "C"), ("A", "Zwak", 1)])
    assert insight_analysis.position_of(m, people["Alleen"].id).startswith("Je hebt nog geen lijnen naar anderen op de kaart")
    assert insight_analysis.position_of(m, people["Zwak"].id).startswith("Je hebt maar één zwakke lijn, met A: je hangt")


@pytest.mark.parametrize("builder", [star, two_groups])
def test_no_jargon_anywhere(builder):
    """Is every sentence, and every text of the findings in dag2.yaml, free of network jargon?"""
    m, people = builder()
    said = [*insight_analysis.analyse(m).sentences, *(insight_analysis.position_of(m, s.id) for s in people.values())]
    words = insight()
    every_text = [v for part in (words.findings, words.position) for v in vars(part).values() if isinstance(v, str)]
    assert_plain_dutch(
        *said, words.reflection_prompt, words.findings.empty_map, words.findings.no_relations,
        words.position.not_on_map, *every_text,
    )


def test_reflection_prompt_asks_about_the_own_position():
    """Does the reflection prompt ask about one's own place (loose, many lines, spil, verbinder) and the talks?"""
    prompt = insight().reflection_prompt
    assert prompt.endswith("?")
    for word in ("los", "veel lijnen", "spil", "verbinder", "gesprek"):
        assert word in prompt


def test_who_hangs_loose_is_in_no_groepje():
    """Is someone with one weak line listed as hanging loose only, never also inside the groepje of that line?"""
    m, people = build(
        "Anna Bram Cor Eva Gijs Hans Zwak",
        [("Anna", "Bram"), ("Bram", "Cor"), ("Cor", "Anna"), ("Eva", "Gijs"), ("Gijs", "Hans"), ("Hans", "Eva"),
         ("Cor", "Eva", 1), ("Anna", "Zwak", 1)],
    )
    result = insight_analysis.analyse(m)
    assert names(result.los) == ["Zwak"]
    assert [names(group) for group in result.clusters] == [["Anna", "Bram", "Cor"], ["Eva", "Gijs", "Hans"]]
    assert not any("Zwak" in s for s in result.sentences if "groepjes" in s)
    assert insight_analysis.position_of(m, people["Zwak"].id).startswith("Je hebt maar één zwakke lijn, met Anna")
