"""Anonymising quotes for terugleggen: the descriptor ladder, names replaced in a text, and the trainer's record."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from wijwerken_widgets.shared.act.anonymise import (
    DESCRIPTOR,
    NAME_IN_TEXT,
    Anonymiser,
    Substitution,
    Wording,
    anonymise,
    name_variants,
)
from wijwerken_widgets.shared.act.evidence import Quote

WORDING = Wording(
    soorten={"inwoner": "een inwoner", "bestuur": "iemand uit het bestuur", "ketenpartner": "een ketenpartner",
             "collega": "een collega"},
    somebody="een betrokkene", colleague="een collega", in_text="[{wie}]", threshold=3,
    not_names=frozenset({"de", "van", "wethouder", "bewoner"}))


@dataclass(frozen=True)
class OnMap:
    """A stakeholder of the map as the anonymiser reads it."""

    naam: str
    soort: str = "anders"
    functie: str = ""


def quote(n: int, tekst: str, naam: str, soort: str = "inwoner", functie: str = "", gesprek: str = "") -> Quote:
    return Quote(f"q{n}", tekst, gesprek or f"g{n}", n, f"s{n}", naam, functie, soort)


def residents(*names: str, start: int = 10) -> list[Quote]:
    """One quote each from a conversation with a resident (enough of them make "een inwoner" safe to show)."""
    return [quote(start + i, "Het duurt lang.", naam) for i, naam in enumerate(names)]


def everything_shown(shown) -> str:
    return "\n".join(f"{s.descriptor}\n{s.tekst}" for s in shown.values())


def test_a_lone_wethouder_is_never_shown_as_wethouder() -> None:
    """Is the one wethouder the group spoke with shown one step vaguer, and is her name nowhere?"""
    quotes = [quote(1, "We moeten sneller beslissen.", "Wethouder Jansen", "bestuur", "wethouder"),
              *residents("Bewoner Ali", "Bewoner Bea", "Bewoner Cor")]
    shown, substitutions = anonymise(quotes, WORDING)
    assert shown["q1"].descriptor == "een betrokkene"
    assert "wethouder" not in everything_shown(shown).casefold()
    assert "jansen" not in everything_shown(shown).casefold()
    assert Substitution("q1", DESCRIPTOR, "Wethouder Jansen", "een betrokkene") in substitutions


def test_two_wethouders_in_one_conversation_each_are_still_alone() -> None:
    """Do three quotes of the same conversation count as one conversation for the ladder?"""
    quotes = [quote(n, "Tekst", "Wethouder Jansen", "bestuur", "wethouder", gesprek="g1") for n in (1, 2, 3)]
    shown, _ = anonymise(quotes, WORDING)
    assert {s.descriptor for s in shown.values()} == {"een betrokkene"}


def test_a_functie_shared_by_three_conversations_is_shown() -> None:
    """Is a functie that three conversations share shown (compared in any case), and is the name not?"""
    quotes = [quote(1, "Mensen weten niet waar ze heen moeten.", "Wijkagent Noord", "ketenpartner", "Wijkagent"),
              quote(2, "Ik zie het elke week.", "Agent Els", "ketenpartner", "wijkagent"),
              quote(3, "Bel ons eerder.", "Agent Mo", "ketenpartner", " WIJKAGENT ")]
    shown, _ = anonymise(quotes, WORDING)
    assert [shown[f"q{n}"].descriptor for n in (1, 2, 3)] == ["Wijkagent", "wijkagent", "WIJKAGENT"]
    assert not re.search("noord|els|mo\\b", everything_shown(shown), re.IGNORECASE)


def test_a_soort_of_three_conversations_is_the_next_step() -> None:
    """Without a shared functie, is the soort's wording shown when three conversations share it, else the
    vaguest step?"""
    quotes = [*residents("Bewoner Ali", "Bewoner Bea", "Bewoner Cor"),
              quote(1, "Tekst", "Collega Loket", "collega", "baliemedewerker")]
    shown, _ = anonymise(quotes, WORDING)
    assert {shown[f"q{n}"].descriptor for n in (10, 11, 12)} == {"een inwoner"}
    assert shown["q1"].descriptor == "een betrokkene"


def test_names_in_a_text_are_replaced_in_any_case_also_a_participants_first_name() -> None:
    """Are stakeholders' names (also in capitals, also the surname after a title) and a participant's first name
    replaced inside a quote, and recorded?"""
    quotes = [quote(1, "JANSEN zei het al, en fatima ook. Ali weet het, bewoner ali ook.", "Bewoner Ali"),
              *residents("Bewoner Bea", "Bewoner Cor")]
    on_map = [OnMap("Wethouder Jansen", "bestuur", "wethouder")]
    anonymiser = Anonymiser(quotes, WORDING, on_map, ["Fatima El Amrani", "Jeroen de Vries"])
    shown = anonymiser.quote(quotes[0])
    assert shown.tekst == ("[een betrokkene] zei het al, en [een collega] ook. [een inwoner] weet het, "
                           "[een inwoner] ook.")
    assert Substitution("q1", NAME_IN_TEXT, "JANSEN", "[een betrokkene]") in anonymiser.substitutions
    assert Substitution("q1", NAME_IN_TEXT, "fatima", "[een collega]") in anonymiser.substitutions
    assert anonymiser.text("t", "Vraag het de Vries of Jeroen.") == "Vraag het [een collega] of [een collega]."


def test_only_whole_words_are_names() -> None:
    """Is "Anna" left alone inside "Annabel" and "Jansen" inside "Jansens…" while the name itself is replaced?"""
    anonymiser = Anonymiser([], WORDING, [OnMap("Anna Jansen")])
    assert anonymiser.text("t", "Annabel en Jansensstraat, maar anna niet.") == (
        "Annabel en Jansensstraat, maar [een betrokkene] niet.")


def test_unicode_names_match_in_any_case_and_written_either_way() -> None:
    """Are names with accents found in another case and in decomposed form, and on Unicode word boundaries?"""
    decomposed = "zoe\u0308 u\u0308nal"
    anonymiser = Anonymiser([], WORDING, [OnMap("Zoë Ünal"), OnMap("Øystein Ærø")])
    assert anonymiser.text("t", f"{decomposed} en ØYSTEIN ÆRØ, niet Zoëlla.") == (
        "[een betrokkene] en [een betrokkene], niet Zoëlla.")


def test_a_name_hidden_by_invisible_characters_is_still_found() -> None:
    anonymiser = Anonymiser([], WORDING, [OnMap("Piet Jansen")])
    assert anonymiser.text("t", "Dat zei Jan\u200bsen, en Pi\u00adet ook.") == (
        "Dat zei [een betrokkene], en [een betrokkene] ook.")


@pytest.mark.parametrize("naam", ["K. (Kees) de Boer*", "Jan+Piet [Wijk] ?", "A|B.c$ Ruiz^", r"Ivo \d Smit"])
def test_a_name_with_regex_characters_is_replaced_literally(naam: str) -> None:
    """Does a name full of regular-expression characters match only itself, and break nothing?"""
    anonymiser = Anonymiser([], WORDING, [OnMap(naam)])
    assert anonymiser.text("t", f"Volgens {naam} klopt het.") == "Volgens [een betrokkene] klopt het."
    assert anonymiser.text("t", "Een gewone zin van 123 woorden.") == "Een gewone zin van 123 woorden."


def test_nothing_of_an_original_name_is_left_in_the_output() -> None:
    """Across quotes, descriptors and texts: is no part of any stakeholder's or participant's name left?"""
    people = ["Fatima El Amrani", "Daan Hoekstra"]
    on_map = [OnMap("Wethouder Jansen", "bestuur", "wethouder"), OnMap("Bewoner Ali", "inwoner"),
              OnMap("Sanne Visser", "collega", "teamleider")]
    quotes = [quote(1, "Jansen wil het, zegt ze.", "Wethouder Jansen", "bestuur", "wethouder"),
              quote(2, "Ik (Ali) en Sanne Visser, en daan HOEKSTRA.", "Bewoner Ali"),
              quote(3, "Visser: 'Fatima El Amrani belde me.'", "Sanne Visser", "collega", "teamleider")]
    shown, substitutions = anonymise(quotes, WORDING, stakeholders=on_map, people=people)
    output = everything_shown(shown).casefold()
    for word in ("jansen", "ali", "sanne", "visser", "fatima", "amrani", "daan", "hoekstra", "wethouder",
                 "teamleider"):
        assert not re.search(rf"(?<!\w){word}(?!\w)", output), word
    assert {s.item_id for s in substitutions if s.kind == DESCRIPTOR} == {"q1", "q2", "q3"}


def test_a_name_two_people_share_with_different_descriptors_becomes_the_vaguest() -> None:
    """When a participant and a resident are both called Ali, is "Ali" replaced by the vaguest descriptor?"""
    quotes = residents("Bewoner Ali", "Bewoner Bea", "Bewoner Cor")
    anonymiser = Anonymiser(quotes, WORDING, people=["Ali Yilmaz"])
    assert anonymiser.text("t", "Ali belde.") == "[een betrokkene] belde."
    assert anonymiser.text("t", "Bea belde.") == "[een inwoner] belde."


def test_a_functie_that_holds_a_name_is_not_shown() -> None:
    quotes = [quote(n, "Tekst", f"Medewerker {n}", "collega", "secretaris van Jansen") for n in (1, 2, 3)]
    shown, _ = anonymise(quotes, WORDING, stakeholders=[OnMap("Wethouder Jansen")])
    assert {s.descriptor for s in shown.values()} == {"een collega"}


def test_the_threshold_comes_from_the_wording() -> None:
    quotes = [quote(1, "a", "Wethouder Jansen", "bestuur", "wethouder"),
              quote(2, "b", "Wethouder Bakker", "bestuur", "wethouder")]
    loose = Wording(WORDING.soorten, "een betrokkene", "een collega", threshold=2)
    assert anonymise(quotes, loose)[0]["q1"].descriptor == "wethouder"
    assert anonymise(quotes, WORDING)[0]["q1"].descriptor == "een betrokkene"


def test_name_variants() -> None:
    """Which forms of a name are hidden: full, after a title, first name, surname; never one letter."""
    not_names = WORDING.not_names
    assert name_variants("Anna de Vries", not_names) == ["Anna de Vries", "de Vries", "Anna"]
    assert name_variants("Wethouder Jansen", not_names) == ["Wethouder Jansen", "Jansen"]
    assert name_variants("Bewoner A.", not_names) == ["Bewoner A."]
    assert name_variants("  ", not_names) == []


def test_three_conversations_with_the_same_wethouder_still_describe_one_person() -> None:
    """Is a functie that three conversations share, all with the same stakeholder, still shown one step vaguer?"""
    quotes = [Quote(f"q{n}", "Tekst", f"g{n}", n, "s1", "Wethouder Jansen", "wethouder", "bestuur") for n in (1, 2, 3)]
    shown, _ = anonymise(quotes, WORDING)
    assert {s.descriptor for s in shown.values()} == {"een betrokkene"}
