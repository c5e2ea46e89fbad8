"""Stakeholder map tables and download files: frames, CSV/XLSX (and reading them back), GraphML, GEXF and Kumu."""

from __future__ import annotations

import io
import json

import networkx as nx
import openpyxl
import pandas as pd
import pytest

from wijwerken_widgets.shared.stakeholders import table_import, tables
from wijwerken_widgets.shared.stakeholders.model import (
    Stakeholder,
    StakeholderMap,
    validate_relation,
    validate_stakeholder,
)

XSS = "<img src=x onerror=alert(1)>"
NOTE = 'Zegt "misschien"; belt terug.\nTweede regel; met "quotes"'


def person(naam: str, **fields: object) -> Stakeholder:
    return validate_stakeholder({"naam": naam, **fields})


def sample_map() -> StakeholderMap:
    jose = person("José Jansen", functie="Wethouder Sociaal Domein", soort="bestuur", positie="extern", invloed=5, belang=4, houding="voorstander",
                  energie_nu="weerstand", energie_gewenst="trekker", notitie=NOTE)
    xss = person(XSS, soort="maatschappelijke_organisatie", notitie="- eerste punt")
    formula = person("=HYPERLINK(\"x\")", functie="-voorzitter", soort="or", houding="tegenstander", invloed=1)
    plain = person("Buurtteam Noord", soort="ketenpartner", belang=2, energie_nu="onbewust")
    relations = [
        validate_relation({"van": jose.id, "naar": xss.id, "soort": "formele_lijn", "sterkte": 3}),
        validate_relation({"van": jose.id, "naar": xss.id, "soort": "spanning", "sterkte": 1}),
        validate_relation({"van": formula.id, "naar": plain.id, "soort": "informeel", "sterkte": 2}),
    ]
    return StakeholderMap.build([jose, xss, formula, plain], relations)


def rebuilt(result: table_import.ImportResult) -> StakeholderMap:
    """The map an import describes on an empty map, relations resolved by name."""
    relations, problems = table_import.resolve_relations(result.relations, StakeholderMap(), result.stakeholders)
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
    result = table_import.read_file(filename, export(original))
    assert result.problems == []
    again = rebuilt(result)
    assert people_by_name(again) == people_by_name(original)
    assert lines_by_name(again) == lines_by_name(original)
    assert XSS in people_by_name(again)
    assert people_by_name(again)["José Jansen"]["notitie"] == NOTE
    functies = {naam: data["functie"] for naam, data in people_by_name(again).items()}
    assert functies == {"José Jansen": "Wethouder Sociaal Domein", XSS: "", '=HYPERLINK("x")': "-voorzitter",
                        "Buurtteam Noord": ""}


@pytest.mark.parametrize("filename", ["kaart.csv", "kaart.xlsx"])
def test_a_file_without_the_functie_column_still_imports_and_keeps_the_maps_functie(filename):
    """Does a file made before ``functie`` existed (no such column) import without a problem, with an empty
    functie for a new stakeholder and the map's own functie kept for one already on it?"""
    original = sample_map()
    if filename.endswith(".csv"):
        text = tables.to_csv(original).decode("utf-8-sig")
        frame = pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False)
        data = frame.drop(columns=["functie"]).to_csv(sep=";", index=False).encode("utf-8")
    else:
        book = openpyxl.load_workbook(io.BytesIO(tables.to_xlsx(original)))
        assert book["Stakeholders"]["B1"].value == "functie"
        book["Stakeholders"].delete_cols(2)
        buffer = io.BytesIO()
        book.save(buffer)
        data = buffer.getvalue()
    result = table_import.read_file(filename, data)
    assert result.problems == []
    assert len(result.stakeholders) == 4 and {s.functie for s in result.stakeholders} == {""}
    assert all("functie" not in given for given in result.given.values())
    jose = original.find("José Jansen")
    new, updated = table_import.merge_into(StakeholderMap.build([jose]), result.stakeholders, given=result.given)
    assert jose.id not in {s.id for s in updated}  # nothing in the file changes José, so his functie stays
    assert sorted(s.naam for s in new) == sorted([XSS, '=HYPERLINK("x")', "Buurtteam Noord"])


def test_csv_is_excel_friendly():
    data = tables.to_csv(sample_map())
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    header = text.split("\r\n", 1)[0]
    assert header.split(";") == tables.CSV_COLUMNS
    assert "Formele lijn" in text and "Maatschappelijke organisatie" in text and "Extern" in text
    # Cells Excel would run as a formula start with an apostrophe; a "-" note as well.
    assert ';"\'=HYPERLINK(""x"")";\'-voorzitter;' in text and ";'- eerste punt" in text
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
    assert people.column_dimensions["J"].width <= 60  # notitie


def test_control_characters_do_not_break_xlsx_or_xml_exports():
    m = StakeholderMap.build([person("Bel\x07 mij", notitie="piep\x07\x1b")])
    assert table_import.read_file("k.xlsx", tables.to_xlsx(m)).stakeholders[0].notitie == "piep"
    assert nx.read_graphml(io.BytesIO(tables.to_graphml(m))).number_of_nodes() == 1
    assert nx.read_gexf(io.BytesIO(tables.to_gexf(m))).number_of_nodes() == 1


def test_empty_map_exports_and_imports_nothing():
    empty = StakeholderMap()
    for filename, export in (("leeg.csv", tables.to_csv), ("leeg.xlsx", tables.to_xlsx)):
        result = table_import.read_file(filename, export(empty))
        assert (result.stakeholders, result.relations, result.problems) == ([], [], [])
    assert tables.stakeholder_frame(empty).columns.tolist() == tables.STAKEHOLDER_COLUMNS
    assert json.loads(tables.to_kumu_json(empty)) == {"elements": [], "connections": []}
    assert nx.read_graphml(io.BytesIO(tables.to_graphml(empty))).number_of_nodes() == 0
    assert table_import.parse_pasted("\n  \n").stakeholders == []


def test_frames_use_labels_and_names():
    m = sample_map()
    people = tables.stakeholder_frame(m)
    row = people[people["naam"] == "José Jansen"].iloc[0]
    assert (row["functie"], row["soort"], row["intern_extern"], row["houding"], row["energie_gewenst"]) == (
        "Wethouder Sociaal Domein", "Bestuur", "Extern", "Voorstander", "Trekker",
    )
    assert people.columns.tolist()[:3] == ["naam", "functie", "soort"]
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
    assert graph.nodes[jose.id]["functie"] == "Wethouder Sociaal Domein"


def test_kumu_json_structure():
    data = tables.to_kumu_json(sample_map())
    assert "José".encode() in data  # ensure_ascii=False
    blueprint = json.loads(data.decode("utf-8"))
    assert set(blueprint) == {"elements", "connections"}
    jose = next(e for e in blueprint["elements"] if e["label"] == "José Jansen")
    assert jose == {
        "label": "José Jansen", "type": "Bestuur", "description": NOTE, "Functie": "Wethouder Sociaal Domein",
        "Intern/extern": "Extern", "Invloed": 5,
        "Belang": 4, "Houding": "Voorstander", "Energie nu": "Weerstand", "Energie gewenst": "Trekker",
    }
    labels = {e["label"] for e in blueprint["elements"]}
    assert len(blueprint["connections"]) == 3
    for connection in blueprint["connections"]:
        assert {connection["from"], connection["to"]} <= labels
        assert connection["direction"] == "undirected" and connection["strength"] in (1, 2, 3)
    assert {c["type"] for c in blueprint["connections"]} == {"Formele lijn", "Spanning", "Informeel contact"}
