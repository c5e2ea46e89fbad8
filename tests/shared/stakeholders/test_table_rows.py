"""Rows read into stakeholders and relations: columns by header or by order, problems by row number, duplicates."""

from __future__ import annotations

import unicodedata

from wijwerken_widgets.shared.stakeholders import table_import
from wijwerken_widgets.shared.stakeholders.model import Stakeholder, StakeholderMap, validate_stakeholder
from wijwerken_widgets.shared.stakeholders.table_rows import RelationByName


def person(naam: str, **fields: object) -> Stakeholder:
    return validate_stakeholder({"naam": naam, **fields})


def test_jose_composed_and_decomposed_is_one_stakeholder():
    composed, decomposed = "José", unicodedata.normalize("NFD", "José")
    assert composed != decomposed
    csv_text = f"naam;houding;invloed\n{composed};Voorstander;4\n{decomposed};;5\n"
    result = table_import.read_file("lijst.csv", csv_text.encode("utf-8"))
    assert [s.naam for s in result.stakeholders] == ["José"]
    merged = result.stakeholders[0]
    assert (merged.houding, merged.invloed) == ("voorstander", 5)  # the later row wins where it says something
    assert len(result.problems) == 1
    assert result.problems[0].startswith("Rij 3: 'José' staat er al eerder in (rij 2)")


def test_paste_names_one_per_line():
    result = table_import.parse_pasted("  Wethouder Jansen  \n\n   Buurtteam   Noord\r\nWethouder jansen\n")
    assert [s.naam for s in result.stakeholders] == ["Wethouder Jansen", "Buurtteam Noord"]
    assert result.problems == ["Regel 4: 'Wethouder jansen' staat er al eerder in (regel 1). "
                               "Ik heb ze samengevoegd tot één stakeholder; waar ze verschillen, telt de latere rij."]


def test_paste_tab_rows_without_header_follow_the_column_order():
    """Do rows without a header read in the order the import's example gives, with the functie as the optional
    tenth column (so a list made before functie existed reads as it did)?"""
    text = ("Jansen\tBestuur\tExtern\t5\t4\tTegenstander\tWeerstand\tSteunend\tLastig;\n\nPiet\tcollega\n"
            "Fatma\tbestuur\t\t\t\t\t\t\t\t  Wethouder   Wonen \n")
    result = table_import.parse_pasted(text)
    assert result.problems == []
    jansen, piet, fatma = result.stakeholders
    assert jansen.data() == {
        "naam": "Jansen", "functie": "", "soort": "bestuur", "positie": "extern", "invloed": 5, "belang": 4,
        "houding": "tegenstander", "energie_nu": "weerstand", "energie_gewenst": "steunend", "notitie": "Lastig;",
    }
    assert (piet.naam, piet.soort, piet.positie, piet.functie) == ("Piet", "collega", "intern", "")
    assert (fatma.soort, fatma.functie, fatma.notitie) == ("bestuur", "Wethouder Wonen", "")


def test_a_functie_column_is_found_by_its_dutch_or_english_header_and_a_long_one_is_reported():
    """Is a column headed "Functie of rol" or "Job title" the functie, and is a row with a functie over the limit
    skipped with the row number and the field's Dutch message?"""
    text = "Naam\tFunctie of rol\nJansen\tTeamleider Wmo\nPiet\t" + "x" * 81 + "\n"
    result = table_import.parse_pasted(text)
    assert [(s.naam, s.functie) for s in result.stakeholders] == [("Jansen", "Teamleider Wmo")]
    assert result.problems == ["Regel 3: De functie of rol is te lang (meer dan 80 tekens); houd het kort, "
                               "bijvoorbeeld 'wijkagent'. Deze rij is overgeslagen."]
    english = table_import.parse_pasted("Name\tJob title\nJansen\tAlderman\n")
    assert [(s.naam, s.functie) for s in english.stakeholders] == [("Jansen", "Alderman")]
    assert english.given == {"jansen": frozenset({"functie"})}


def test_paste_tab_rows_with_header_in_any_order_and_case():
    text = "Houding\tNAAM\tIntern/Extern\tOnbekende kolom\nVoorstander\tMarieke\textern\tx\nmisschien\tKees\t\t\n"
    result = table_import.parse_pasted(text)
    assert [(s.naam, s.houding, s.positie) for s in result.stakeholders] == [("Marieke", "voorstander", "extern")]
    assert result.problems == [
        "Deze kolommen gebruik ik niet: Onbekende kolom.",
        "Regel 3: 'misschien' is geen geldige keuze voor houding; kies uit: Voorstander, Neutraal, Tegenstander, "
        "Onbekend. Deze rij is overgeslagen.",
    ]


def test_bad_values_are_reported_with_row_numbers_and_skipped():
    text = (
        "naam;soort;invloed;houding;energie_nu\n"
        "Goed;Inwoner;2;Neutraal;Trekker\n"
        "\n"
        "Twijfel;Inwoner;3;misschien;\n"
        "Te groot;;9;;\n"
        ";Inwoner;3;;\n"
        "Rare soort;Burgemeester;;;\n"
    )
    result = table_import.read_file("lijst.csv", text.encode("utf-8"))
    assert [s.naam for s in result.stakeholders] == ["Goed"]
    assert len(result.problems) == 4
    assert result.problems[0].startswith("Rij 4: 'misschien' is geen geldige keuze voor houding;")
    assert result.problems[1].startswith("Rij 5: Invloed is een heel getal van 1 tot en met 5, niet '9'.")
    assert result.problems[2].startswith("Rij 6: Geef de stakeholder een naam")
    assert result.problems[3].startswith("Rij 7: 'Burgemeester' is geen geldige keuze voor soort;")
    assert all(p.endswith("Deze rij is overgeslagen.") for p in result.problems)


def test_duplicate_rows_merge_and_keep_what_only_the_first_said():
    text = "naam;houding;notitie;invloed;belang\nKees;Voorstander;eerst;2;\nkees ;;;4;5\n"
    result = table_import.read_file("lijst.csv", text.encode("utf-8"))
    (kees,) = result.stakeholders
    assert (kees.naam, kees.houding, kees.notitie, kees.invloed, kees.belang) == ("Kees", "voorstander", "eerst", 4, 5)
    assert len(result.problems) == 1 and "Rij 3" in result.problems[0] and "rij 2" in result.problems[0]
    assert result.given == {"kees": {"houding", "notitie", "invloed", "belang"}}


def test_self_loops_duplicate_and_bad_relations_are_reported_and_unknown_ends_kept():
    text = (
        "type;naam;van;naar;relatie;sterkte\n"
        "stakeholder;Anna;;;;\n"
        "stakeholder;Bob;;;;\n"
        "relatie;;Anna;Bob;Formele lijn;Sterk\n"
        "relatie;;bob;ANNA;formele_lijn;1\n"
        "relatie;;Anna;Bob;Spanning;1\n"
        "relatie;;Anna;anna;Samenwerking;2\n"
        "relatie;;Anna;Onbekend;Samenwerking;2\n"
        "relatie;;Anna;Bob;ruzie;2\n"
        "relatie;;Anna;;Samenwerking;2\n"
        "iets;Carla;;;;\n"
    )
    result = table_import.read_file("kaart.csv", text.encode("utf-8"))
    assert [s.naam for s in result.stakeholders] == ["Anna", "Bob"]
    assert result.relations == [
        RelationByName("Anna", "Bob", "formele_lijn", 3),
        RelationByName("Anna", "Bob", "spanning", 1),
        RelationByName("Anna", "Onbekend", "samenwerking", 2),
    ]
    problems = result.problems
    assert len(problems) == 5
    assert problems[0].startswith(
        "Rij 5: de relatie 'Formele lijn' tussen 'bob' en 'ANNA' staat er al eerder in (rij 4)"
    )
    assert problems[1].startswith("Rij 7: een relatie loopt tussen twee verschillende stakeholders")
    assert problems[2].startswith("Rij 9: 'ruzie' is geen geldige keuze voor soort relatie")
    assert problems[3].startswith("Rij 10: vul bij een relatie zowel 'van' als 'naar' in.")
    assert problems[4].startswith("Rij 11: type 'iets' ken ik niet")

    relations, unresolved = table_import.resolve_relations(result.relations, StakeholderMap(), result.stakeholders)
    assert len(relations) == 2
    assert unresolved == [
        "Relatie 'Anna' – 'Onbekend': 'Onbekend' staat niet op de kaart; deze relatie is overgeslagen."
    ]


def test_invisible_characters_make_no_look_alike_names() -> None:
    """Is "Wijk​raad" with a zero-width space or joiner the same stakeholder as "Wijkraad", and is a direction
    override taken out of what is shown?"""
    from wijwerken_widgets.shared.stakeholders.model import clean_text, name_key

    assert name_key("Wijk\u200braad") == name_key("Wijk\u200draad") == name_key("wijkraad")
    assert clean_text("Wijk\u202eraad \u2066x\u2069") == "Wijkraad x"
