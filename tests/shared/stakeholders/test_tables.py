"""Stakeholder map tables and files: CSV/XLSX round trips, pasted lists, import problems, network exports."""

from __future__ import annotations

import io
import json
import unicodedata

import networkx as nx
import openpyxl
import pandas as pd
import pytest

from wijwerken_widgets.shared.stakeholders import tables
from wijwerken_widgets.shared.stakeholders.model import (
    Stakeholder,
    StakeholderMap,
    validate_relation,
    validate_stakeholder,
)
from wijwerken_widgets.shared.stakeholders.tables import RelationByName

XSS = "<img src=x onerror=alert(1)>"
NOTE = 'Zegt "misschien"; belt terug.\nTweede regel; met "quotes"'


def person(naam: str, **fields: object) -> Stakeholder:
    return validate_stakeholder({"naam": naam, **fields})


def sample_map() -> StakeholderMap:
    jose = person("José Jansen", soort="bestuur", positie="extern", invloed=5, belang=4, houding="voorstander",
                  energie_nu="weerstand", energie_gewenst="trekker", notitie=NOTE)
    xss = person(XSS, soort="maatschappelijke_organisatie", notitie="- eerste punt")
    formula = person("=HYPERLINK(\"x\")", soort="or", houding="tegenstander", invloed=1)
    plain = person("Buurtteam Noord", soort="ketenpartner", belang=2, energie_nu="onbewust")
    relations = [
        validate_relation({"van": jose.id, "naar": xss.id, "soort": "formele_lijn", "sterkte": 3}),
        validate_relation({"van": jose.id, "naar": xss.id, "soort": "spanning", "sterkte": 1}),
        validate_relation({"van": formula.id, "naar": plain.id, "soort": "informeel", "sterkte": 2}),
    ]
    return StakeholderMap.build([jose, xss, formula, plain], relations)


def rebuilt(result: tables.ImportResult) -> StakeholderMap:
    """The map an import describes on an empty map, relations resolved by name."""
    relations, problems = tables.resolve_relations(result.relations, StakeholderMap(), result.stakeholders)
    assert problems == []
    return StakeholderMap.build(result.stakeholders, relations)


def people_by_name(m: StakeholderMap) -> dict[str, dict[str, object]]:
    return {s.naam: s.data() for s in m.stakeholders}


def lines_by_name(m: StakeholderMap) -> set[tuple[frozenset[str], str, int]]:
    names = {s.id: s.naam for s in m.stakeholders}
    return {(frozenset((names[r.van], names[r.naar])), r.soort, r.sterkte) for r in m.relations}


@pytest.mark.parametrize(("filename", "export"), [("kaart.csv", tables.to_csv), ("kaart.xlsx", tables.to_xlsx)])
def test_round_trip_keeps_every_field_and_relation(filename, export):
    original = sample_map()
    result = tables.read_file(filename, export(original))
    assert result.problems == []
    again = rebuilt(result)
    assert people_by_name(again) == people_by_name(original)
    assert lines_by_name(again) == lines_by_name(original)
    assert XSS in people_by_name(again)
    assert people_by_name(again)["José Jansen"]["notitie"] == NOTE


def test_csv_is_excel_friendly():
    data = tables.to_csv(sample_map())
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    header = text.split("\r\n", 1)[0]
    assert header.split(";") == tables.CSV_COLUMNS
    assert "Formele lijn" in text and "Maatschappelijke organisatie" in text and "Extern" in text
    # Cells Excel would run as a formula start with an apostrophe; a "-" note as well.
    assert ';"\'=HYPERLINK(""x"")";' in text and ";'- eerste punt" in text
    rows = pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False)
    assert list(rows["type"]).count("relatie") == 3 and list(rows["type"]).count("stakeholder") == 4


def test_xlsx_has_two_sheets_with_text_cells_and_widths():
    book = openpyxl.load_workbook(io.BytesIO(tables.to_xlsx(sample_map())))
    assert book.sheetnames == ["Stakeholders", "Relaties"]
    people, lines = book["Stakeholders"], book["Relaties"]
    assert [c.value for c in people[1]] == tables.STAKEHOLDER_COLUMNS
    assert [c.value for c in lines[1]] == tables.RELATION_COLUMNS
    formula_cell = next(c for row in people.iter_rows(min_row=2) for c in row if str(c.value).startswith("="))
    assert formula_cell.data_type == "s"
    assert people.column_dimensions["A"].width > len("naam") + 2  # fits "José Jansen" and the long names
    assert people.column_dimensions["I"].width <= 60


def test_control_characters_do_not_break_xlsx_or_xml_exports():
    m = StakeholderMap.build([person("Bel\x07 mij", notitie="piep\x07\x1b")])
    assert tables.read_file("k.xlsx", tables.to_xlsx(m)).stakeholders[0].notitie == "piep"
    assert nx.read_graphml(io.BytesIO(tables.to_graphml(m))).number_of_nodes() == 1
    assert nx.read_gexf(io.BytesIO(tables.to_gexf(m))).number_of_nodes() == 1


def test_jose_composed_and_decomposed_is_one_stakeholder():
    composed, decomposed = "José", unicodedata.normalize("NFD", "José")
    assert composed != decomposed
    csv_text = f"naam;houding;invloed\n{composed};Voorstander;4\n{decomposed};;5\n"
    result = tables.read_file("lijst.csv", csv_text.encode("utf-8"))
    assert [s.naam for s in result.stakeholders] == ["José"]
    merged = result.stakeholders[0]
    assert (merged.houding, merged.invloed) == ("voorstander", 5)  # the later row wins where it says something
    assert len(result.problems) == 1
    assert result.problems[0].startswith("Rij 3: 'José' staat er al eerder in (rij 2)")


def test_merge_into_updates_the_existing_stakeholder_and_keeps_its_spelling():
    existing = person("José Jansen", invloed=5, houding="voorstander")
    other = person("Buurtteam")
    m = StakeholderMap.build([existing, other])
    result = tables.parse_pasted(unicodedata.normalize("NFD", "JOSÉ  jansen") + "\tBestuur\nNieuwe partner\nBuurtteam")
    new, updated = tables.merge_into(m, result.stakeholders, given=result.given)
    assert [s.naam for s in new] == ["Nieuwe partner"]
    assert len(updated) == 1
    assert updated[0].id == existing.id and updated[0].naam == "José Jansen"
    assert (updated[0].soort, updated[0].invloed, updated[0].houding) == ("bestuur", 5, "voorstander")
    # Without ``given`` every field is taken from the import: defaults overwrite.
    _, overwritten = tables.merge_into(m, result.stakeholders)
    assert {s.naam: s.invloed for s in overwritten}["José Jansen"] == 3
    assert {s.id for s in overwritten} <= {existing.id, other.id}


def test_paste_names_one_per_line():
    result = tables.parse_pasted("  Wethouder Jansen  \n\n   Buurtteam   Noord\r\nWethouder jansen\n")
    assert [s.naam for s in result.stakeholders] == ["Wethouder Jansen", "Buurtteam Noord"]
    assert result.problems == ["Regel 4: 'Wethouder jansen' staat er al eerder in (regel 1). "
                               "Ik heb ze samengevoegd tot één stakeholder; waar ze verschillen, telt de latere rij."]


def test_paste_tab_rows_without_header_follow_the_column_order():
    text = "Jansen\tBestuur\tExtern\t5\t4\tTegenstander\tWeerstand\tSteunend\tLastig;\n\nPiet\tcollega\n"
    result = tables.parse_pasted(text)
    assert result.problems == []
    jansen, piet = result.stakeholders
    assert jansen.data() == {
        "naam": "Jansen", "soort": "bestuur", "positie": "extern", "invloed": 5, "belang": 4,
        "houding": "tegenstander", "energie_nu": "weerstand", "energie_gewenst": "steunend", "notitie": "Lastig;",
    }
    assert (piet.naam, piet.soort, piet.positie) == ("Piet", "collega", "intern")


def test_paste_tab_rows_with_header_in_any_order_and_case():
    text = "Houding\tNAAM\tIntern/Extern\tOnbekende kolom\nVoorstander\tMarieke\textern\tx\nmisschien\tKees\t\t\n"
    result = tables.parse_pasted(text)
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
    result = tables.read_file("lijst.csv", text.encode("utf-8"))
    assert [s.naam for s in result.stakeholders] == ["Goed"]
    assert len(result.problems) == 4
    assert result.problems[0].startswith("Rij 4: 'misschien' is geen geldige keuze voor houding;")
    assert result.problems[1].startswith("Rij 5: Invloed is een heel getal van 1 tot en met 5, niet '9'.")
    assert result.problems[2].startswith("Rij 6: Geef de stakeholder een naam")
    assert result.problems[3].startswith("Rij 7: 'Burgemeester' is geen geldige keuze voor soort;")
    assert all(p.endswith("Deze rij is overgeslagen.") for p in result.problems)


def test_parse_table_numbers_rows_as_excel_does():
    frame = pd.DataFrame({"Name": ["Anna", "Bob"], "Influence": [4, 7]})
    result = tables.parse_table(frame)
    assert [(s.naam, s.invloed) for s in result.stakeholders] == [("Anna", 4)]
    assert result.problems[0].startswith("Rij 3: Invloed is een heel getal")


def test_duplicate_rows_merge_and_keep_what_only_the_first_said():
    text = "naam;houding;notitie;invloed;belang\nKees;Voorstander;eerst;2;\nkees ;;;4;5\n"
    result = tables.read_file("lijst.csv", text.encode("utf-8"))
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
    result = tables.read_file("kaart.csv", text.encode("utf-8"))
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

    relations, unresolved = tables.resolve_relations(result.relations, StakeholderMap(), result.stakeholders)
    assert len(relations) == 2
    assert unresolved == [
        "Relatie 'Anna' – 'Onbekend': 'Onbekend' staat niet op de kaart; deze relatie is overgeslagen."
    ]


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
    relations, problems = tables.resolve_relations(wanted, m, [new_carla])
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
    result = tables.read_file("eigen.xlsx", buffer.getvalue())
    found = [(s.naam, s.positie, s.invloed) for s in result.stakeholders]
    assert found == [("Anna", "extern", 4), ("112", "intern", 3)]
    assert result.relations == [RelationByName("Anna", "112", "informeel", 1)]
    assert len(result.problems) == 1
    assert result.problems[0].startswith("Blad Relaties, rij 3: 'Vriendschap' is geen geldige keuze voor soort relatie")


def test_other_separators_encodings_and_aliases():
    windows = "Name,Attitude,Notes\r\nZoë,Neutraal,\"a, b €\"\r\n".encode("cp1252")  # Excel on Windows
    result = tables.read_file("export.csv", windows)
    assert result.problems == []
    assert [(s.naam, s.houding, s.notitie) for s in result.stakeholders] == [("Zoë", "neutraal", "a, b €")]
    not_windows = tables.read_file("x.csv", b"naam;notitie\nRen\xe9;\x81\n")  # 0x81 is no cp1252: Latin-1
    assert [(s.naam, s.notitie) for s in not_windows.stakeholders] == [("René", "\x81")]
    tabbed = tables.read_file("export.txt", "naam\tbelang\r\nAnna\t5\r\n".encode("utf-16"))
    assert [(s.naam, s.belang) for s in tabbed.stakeholders] == [("Anna", 5)]


def test_unreadable_files_are_problems_not_errors():
    assert tables.read_file("kapot.xlsx", b"PK\x03\x04 niet echt").problems[0].startswith("Dit Excel-bestand")
    assert tables.read_file("oud.xls", b"\xd0\xcf\x11\xe0rest").problems[0].startswith("Dit is een oud Excel-bestand")
    no_name = tables.read_file("x.csv", b"houding;invloed\nVoorstander;3\n")
    assert no_name.stakeholders == [] and no_name.problems[-1].startswith("Ik vind geen kolom 'naam'")


def test_empty_map_exports_and_imports_nothing():
    empty = StakeholderMap()
    for filename, export in (("leeg.csv", tables.to_csv), ("leeg.xlsx", tables.to_xlsx)):
        result = tables.read_file(filename, export(empty))
        assert (result.stakeholders, result.relations, result.problems) == ([], [], [])
    assert tables.stakeholder_frame(empty).columns.tolist() == tables.STAKEHOLDER_COLUMNS
    assert json.loads(tables.to_kumu_json(empty)) == {"elements": [], "connections": []}
    assert nx.read_graphml(io.BytesIO(tables.to_graphml(empty))).number_of_nodes() == 0
    assert tables.parse_pasted("\n  \n").stakeholders == []


def test_frames_use_labels_and_names():
    m = sample_map()
    people = tables.stakeholder_frame(m)
    row = people[people["naam"] == "José Jansen"].iloc[0]
    assert (row["soort"], row["intern_extern"], row["houding"], row["energie_gewenst"]) == (
        "Bestuur", "Extern", "Voorstander", "Trekker",
    )
    lines = tables.relation_frame(m)
    assert set(lines["relatie"]) == {"Formele lijn", "Spanning", "Informeel contact"}
    assert set(lines["van"]) | set(lines["naar"]) <= set(people["naam"])


@pytest.mark.parametrize(("export", "read"), [(tables.to_graphml, nx.read_graphml), (tables.to_gexf, nx.read_gexf)])
def test_graph_files_read_back_with_one_edge_per_pair(export, read):
    m = sample_map()
    graph = read(io.BytesIO(export(m)))
    assert graph.number_of_nodes() == 4
    assert graph.number_of_edges() == 2  # two kinds between José and the img-name are one edge
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert {"José Jansen", XSS} <= labels
    jose = next(n for n, data in graph.nodes(data=True) if data["label"] == "José Jansen")
    edge = next(data for *_, data in graph.edges(jose, data=True))
    assert (edge["soort"], int(edge["sterkte"]), edge["soorten"]) == ("Formele lijn", 3, "Spanning, Formele lijn")


def test_to_networkx_nodes_are_ids_with_labels():
    m = sample_map()
    graph = tables.to_networkx(m)
    assert set(graph.nodes) == {s.id for s in m.stakeholders}
    jose = m.find("josé jansen")
    assert graph.nodes[jose.id]["label"] == "José Jansen" and graph.nodes[jose.id]["soort"] == "Bestuur"


def test_kumu_json_structure():
    data = tables.to_kumu_json(sample_map())
    assert "José".encode() in data  # ensure_ascii=False
    blueprint = json.loads(data.decode("utf-8"))
    assert set(blueprint) == {"elements", "connections"}
    jose = next(e for e in blueprint["elements"] if e["label"] == "José Jansen")
    assert jose == {
        "label": "José Jansen", "type": "Bestuur", "description": NOTE, "Intern/extern": "Extern", "Invloed": 5,
        "Belang": 4, "Houding": "Voorstander", "Energie nu": "Weerstand", "Energie gewenst": "Trekker",
    }
    labels = {e["label"] for e in blueprint["elements"]}
    assert len(blueprint["connections"]) == 3
    for connection in blueprint["connections"]:
        assert {connection["from"], connection["to"]} <= labels
        assert connection["direction"] == "undirected" and connection["strength"] in (1, 2, 3)
    assert {c["type"] for c in blueprint["connections"]} == {"Formele lijn", "Spanning", "Informeel contact"}
