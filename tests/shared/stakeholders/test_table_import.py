"""Importing files and pasted lists: encodings, separators, Excel sheets, unreadable files, fitting onto the map."""

from __future__ import annotations

import io
import unicodedata

import openpyxl
import pandas as pd

from wijwerken_widgets.shared.stakeholders import table_import
from wijwerken_widgets.shared.stakeholders.model import (
    Stakeholder,
    StakeholderMap,
    validate_relation,
    validate_stakeholder,
)
from wijwerken_widgets.shared.stakeholders.table_rows import RelationByName


def person(naam: str, **fields: object) -> Stakeholder:
    return validate_stakeholder({"naam": naam, **fields})


def test_merge_into_updates_the_existing_stakeholder_and_keeps_its_spelling():
    existing = person("José Jansen", invloed=5, houding="voorstander")
    other = person("Buurtteam")
    m = StakeholderMap.build([existing, other])
    result = table_import.parse_pasted(unicodedata.normalize("NFD", "JOSÉ  jansen") + "\tBestuur\nNieuwe partner\nBuurtteam")
    new, updated = table_import.merge_into(m, result.stakeholders, given=result.given)
    assert [s.naam for s in new] == ["Nieuwe partner"]
    assert len(updated) == 1
    assert updated[0].id == existing.id and updated[0].naam == "José Jansen"
    assert (updated[0].soort, updated[0].invloed, updated[0].houding) == ("bestuur", 5, "voorstander")
    # Without ``given`` every field is taken from the import: defaults overwrite.
    _, overwritten = table_import.merge_into(m, result.stakeholders)
    assert {s.naam: s.invloed for s in overwritten}["José Jansen"] == 3
    assert {s.id for s in overwritten} <= {existing.id, other.id}


def test_parse_table_numbers_rows_as_excel_does():
    frame = pd.DataFrame({"Name": ["Anna", "Bob"], "Influence": [4, 7]})
    result = table_import.parse_table(frame)
    assert [(s.naam, s.invloed) for s in result.stakeholders] == [("Anna", 4)]
    assert result.problems[0].startswith("Rij 3: Invloed is een heel getal")


def test_resolve_relations_against_the_map_adds_updates_and_skips_unchanged():
    anna, bob = person("Anna"), person("Bob")
    same = validate_relation({"van": anna.id, "naar": bob.id, "soort": "samenwerking", "sterkte": 2})
    weaker = validate_relation({"van": anna.id, "naar": bob.id, "soort": "spanning", "sterkte": 1})
    m = StakeholderMap.build([anna, bob], [same, weaker])
    new_carla = person("carla")
    wanted = [
        RelationByName("bob", "anna", "samenwerking", 2),
        RelationByName("Anna", "Bob", "spanning", 3),
        RelationByName("Carla", "Anna", "informeel", 2),
        RelationByName("Carla", "Anna", "informeel", 1),
        RelationByName("Dirk", "Eva", "informeel", 1),
    ]
    relations, problems = table_import.resolve_relations(wanted, m, [new_carla])
    assert problems == ["Relatie 'Dirk' – 'Eva': 'Dirk' en 'Eva' staan niet op de kaart; deze relatie is overgeslagen."]
    assert len(relations) == 2
    updated, added = relations
    assert (updated.id, updated.sterkte) == (weaker.id, 3)
    assert (added.van, added.naar, added.soort) == (new_carla.id, anna.id, "informeel")


def test_xlsx_sheets_with_own_headers_and_relation_problem_rows():
    book = openpyxl.Workbook()
    people = book.active
    people.title = "stakeholders"
    people.append([])
    people.append(["Stakeholder", "Positie", "Invloed"])
    people.append(["Anna", "Extern", 4.0])
    people.append([112, "intern", None])
    lines = book.create_sheet("Relaties")
    lines.append(["Van", "Naar", "Soort", "Sterkte"])
    lines.append(["Anna", "112", "Informeel contact", "zwak"])
    lines.append(["Anna", "112", "Vriendschap", 2])
    buffer = io.BytesIO()
    book.save(buffer)
    result = table_import.read_file("eigen.xlsx", buffer.getvalue())
    found = [(s.naam, s.positie, s.invloed) for s in result.stakeholders]
    assert found == [("Anna", "extern", 4), ("112", "intern", 3)]
    assert result.relations == [RelationByName("Anna", "112", "informeel", 1)]
    assert len(result.problems) == 1
    assert result.problems[0].startswith("Blad Relaties, rij 3: 'Vriendschap' is geen geldige keuze voor soort relatie")


def test_other_separators_encodings_and_aliases():
    windows = "Name,Attitude,Notes\r\nZoë,Neutraal,\"a, b €\"\r\n".encode("cp1252")  # Excel on Windows
    result = table_import.read_file("export.csv", windows)
    assert result.problems == []
    assert [(s.naam, s.houding, s.notitie) for s in result.stakeholders] == [("Zoë", "neutraal", "a, b €")]
    not_windows = table_import.read_file("x.csv", b"naam;notitie\nRen\xe9;\x81\n")  # 0x81 is no cp1252: Latin-1
    assert [(s.naam, s.notitie) for s in not_windows.stakeholders] == [("René", "\x81")]
    tabbed = table_import.read_file("export.txt", "naam\tbelang\r\nAnna\t5\r\n".encode("utf-16"))
    assert [(s.naam, s.belang) for s in tabbed.stakeholders] == [("Anna", 5)]


def test_unreadable_files_are_problems_not_errors():
    assert table_import.read_file("kapot.xlsx", b"PK\x03\x04 niet echt").problems[0].startswith("Dit Excel-bestand")
    assert table_import.read_file("oud.xls", b"\xd0\xcf\x11\xe0rest").problems[0].startswith("Dit is een oud Excel-bestand")
    no_name = table_import.read_file("x.csv", b"houding;invloed\nVoorstander;3\n")
    assert no_name.stakeholders == [] and no_name.problems[-1].startswith("Ik vind geen kolom 'naam'")
