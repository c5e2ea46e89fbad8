"""The stakeholder map as pandas tables and download files: CSV, XLSX, GraphML, GEXF and Kumu JSON.

Files use Dutch column names (:data:`STAKEHOLDER_COLUMNS`, :data:`RELATION_COLUMNS`) and Dutch labels as values
("Formele lijn"), because people open them in Excel; :mod:`.table_import` reads them back (labels or keys, in any
case). In files a relation names its ends by stakeholder name, in the model by id.

The CSV is one file for both: a first column ``type`` ("stakeholder" or "relatie"), then the stakeholder columns,
then the relation columns. It uses ``;`` as separator (the list separator of Dutch Excel, so a double click opens
it in columns) and UTF-8 with a BOM (so Excel shows "José"). A CSV cell that Excel would run as a formula (starting
with ``=``, ``+``, ``-`` or ``@``) is written with a leading ``'``.
"""

from __future__ import annotations

import io
import json
from typing import Any

import networkx as nx
import pandas as pd

from wijwerken_widgets.core.downloads import CSV_SEPARATOR, csv_safe, tidy_sheet, xml_text
from wijwerken_widgets.shared.stakeholders.model import (
    ENERGIE,
    HOUDINGEN,
    POSITIES,
    RELATIE_SOORTEN,
    SOORTEN,
    Relation,
    Stakeholder,
    StakeholderMap,
    name_key,
)

STAKEHOLDER_COLUMNS = [
    "naam",
    "functie",
    "soort",
    "intern_extern",
    "invloed",
    "belang",
    "houding",
    "energie_nu",
    "energie_gewenst",
    "notitie",
]
# Rows without a header row (a list pasted from Excel) are read in this order: the order before ``functie``
# existed, with ``functie`` last, so a list made for that order (the import's example says it) still reads.
UNLABELLED_COLUMNS = [*(column for column in STAKEHOLDER_COLUMNS if column != "functie"), "functie"]
RELATION_COLUMNS = ["van", "naar", "relatie", "sterkte"]
CSV_COLUMNS = ["type", *STAKEHOLDER_COLUMNS, *RELATION_COLUMNS]
SHEET_STAKEHOLDERS, SHEET_RELATIONS = "Stakeholders", "Relaties"
ROW_STAKEHOLDER, ROW_RELATION = "stakeholder", "relatie"


# ---------------------------------------------------------------------------------------------------- tables


def _stakeholder_row(s: Stakeholder) -> dict[str, Any]:
    return {
        "naam": s.naam,
        "functie": s.functie,
        "soort": SOORTEN[s.soort],
        "intern_extern": POSITIES[s.positie],
        "invloed": s.invloed,
        "belang": s.belang,
        "houding": HOUDINGEN[s.houding],
        "energie_nu": ENERGIE[s.energie_nu],
        "energie_gewenst": ENERGIE[s.energie_gewenst],
        "notitie": s.notitie,
    }


def _relation_rows(m: StakeholderMap) -> list[tuple[Relation, str, str]]:
    """Relations whose ends are on the map, with both names, sorted by name."""
    names = {s.id: s.naam for s in m.stakeholders}
    rows = [(r, names[r.van], names[r.naar]) for r in m.relations if r.van in names and r.naar in names]
    return sorted(rows, key=lambda row: (name_key(row[1]), name_key(row[2]), row[0].soort))


def stakeholder_frame(m: StakeholderMap) -> pd.DataFrame:
    """One row per stakeholder, :data:`STAKEHOLDER_COLUMNS`, Dutch labels."""
    return pd.DataFrame([_stakeholder_row(s) for s in m.stakeholders], columns=STAKEHOLDER_COLUMNS)


def relation_frame(m: StakeholderMap) -> pd.DataFrame:
    """One row per relation, :data:`RELATION_COLUMNS`, ends by name, Dutch labels."""
    rows = [
        {"van": van, "naar": naar, "relatie": RELATIE_SOORTEN[r.soort], "sterkte": r.sterkte}
        for r, van, naar in _relation_rows(m)
    ]
    return pd.DataFrame(rows, columns=RELATION_COLUMNS)


def to_csv(m: StakeholderMap) -> bytes:
    """Stakeholders and relations in one ``;``-separated UTF-8 (BOM) CSV; see the module docstring."""
    blank = dict.fromkeys(CSV_COLUMNS, "")
    rows = [blank | {"type": ROW_STAKEHOLDER} | _stakeholder_row(s) for s in m.stakeholders]
    rows += [blank | {"type": ROW_RELATION} | row for row in relation_frame(m).to_dict("records")]
    frame = pd.DataFrame(rows, columns=CSV_COLUMNS).map(csv_safe)
    return frame.to_csv(sep=CSV_SEPARATOR, index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_xlsx(m: StakeholderMap) -> bytes:
    """An Excel workbook with the sheets "Stakeholders" and "Relaties"."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for sheet, frame in ((SHEET_STAKEHOLDERS, stakeholder_frame(m)), (SHEET_RELATIONS, relation_frame(m))):
            frame = frame.map(xml_text)
            frame.to_excel(writer, sheet_name=sheet, index=False)
            tidy_sheet(writer.sheets[sheet], frame)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------------- networks


def to_networkx(m: StakeholderMap) -> nx.Graph:
    """One node per stakeholder (id; ``label`` = naam, plus the file columns with labels) and one edge per pair:
    ``soort``/``sterkte``/``weight`` of the strongest relation, ``soorten`` lists every kind between the two."""
    graph: nx.Graph[str] = nx.Graph()
    for s in m.stakeholders:
        graph.add_node(s.id, label=s.naam, **_stakeholder_row(s))
    pairs: dict[frozenset[str], list[Relation]] = {}
    for r in m.relations:
        if r.van in graph and r.naar in graph and r.van != r.naar:
            pairs.setdefault(r.ends, []).append(r)
    for relations in pairs.values():
        strongest = max(relations, key=lambda r: r.sterkte)  # the first of equals
        kinds = {r.soort for r in relations}
        graph.add_edge(
            strongest.van,
            strongest.naar,
            soort=RELATIE_SOORTEN[strongest.soort],
            sterkte=strongest.sterkte,
            weight=strongest.sterkte,
            soorten=", ".join(label for key, label in RELATIE_SOORTEN.items() if key in kinds),
        )
    return graph


def _xml_graph(m: StakeholderMap) -> nx.Graph:
    graph = to_networkx(m)
    attributes = [data for _, data in graph.nodes(data=True)] + [data for *_, data in graph.edges(data=True)]
    for data in attributes:
        data.update({key: xml_text(value) for key, value in data.items()})
    return graph


def to_graphml(m: StakeholderMap) -> bytes:
    """GraphML (for Gephi, yEd, Cytoscape) of :func:`to_networkx`."""
    buffer = io.BytesIO()
    nx.write_graphml(_xml_graph(m), buffer, encoding="utf-8")
    return buffer.getvalue()


def to_gexf(m: StakeholderMap) -> bytes:
    """GEXF (Gephi's own format) of :func:`to_networkx`."""
    buffer = io.BytesIO()
    nx.write_gexf(_xml_graph(m), buffer, encoding="utf-8")
    return buffer.getvalue()


def to_kumu_json(m: StakeholderMap) -> bytes:
    """A Kumu blueprint (JSON import): ``elements`` by label and ``connections`` from/to those labels."""
    elements = [
        {
            "label": s.naam,
            "type": SOORTEN[s.soort],
            "description": s.notitie,
            "Functie": s.functie,
            "Intern/extern": POSITIES[s.positie],
            "Invloed": s.invloed,
            "Belang": s.belang,
            "Houding": HOUDINGEN[s.houding],
            "Energie nu": ENERGIE[s.energie_nu],
            "Energie gewenst": ENERGIE[s.energie_gewenst],
        }
        for s in m.stakeholders
    ]
    connections = [
        {"from": van, "to": naar, "type": RELATIE_SOORTEN[r.soort], "strength": r.sterkte, "direction": "undirected"}
        for r, van, naar in _relation_rows(m)
    ]
    return json.dumps({"elements": elements, "connections": connections}, ensure_ascii=False, indent=2).encode("utf-8")
