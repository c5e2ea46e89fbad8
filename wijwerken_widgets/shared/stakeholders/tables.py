"""The stakeholder map as tables and files: CSV/XLSX export and import, pasted lists, and network files.

Files use Dutch column names (:data:`STAKEHOLDER_COLUMNS`, :data:`RELATION_COLUMNS`) and Dutch labels as values
("Formele lijn"), because people open them in Excel; import accepts labels or keys in any case. In files a
relation names its ends by stakeholder name, in the model by id.

The CSV is one file for both: a first column ``type`` ("stakeholder" or "relatie"), then the stakeholder columns,
then the relation columns. It uses ``;`` as separator (the list separator of Dutch Excel, so a double click opens
it in columns) and UTF-8 with a BOM (so Excel shows "José"). Import also reads ``,`` and tab, and Latin-1. A CSV
cell that Excel would run as a formula (starting with ``=``, ``+``, ``-`` or ``@``) is written with a leading
``'`` and read back without it. Import never raises: bad rows are skipped and reported in Dutch by row number.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
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
    STERKTES,
    InvalidInput,
    Relation,
    Stakeholder,
    StakeholderMap,
    clean_text,
    name_key,
    validate_relation,
    validate_stakeholder,
)

STAKEHOLDER_COLUMNS = [
    "naam",
    "soort",
    "intern_extern",
    "invloed",
    "belang",
    "houding",
    "energie_nu",
    "energie_gewenst",
    "notitie",
]
RELATION_COLUMNS = ["van", "naar", "relatie", "sterkte"]
CSV_COLUMNS = ["type", *STAKEHOLDER_COLUMNS, *RELATION_COLUMNS]
SHEET_STAKEHOLDERS, SHEET_RELATIONS = "Stakeholders", "Relaties"
ROW_STAKEHOLDER, ROW_RELATION = "stakeholder", "relatie"

# File column -> Stakeholder field (only intern_extern differs).
_FIELD_OF_COLUMN = {column: column for column in STAKEHOLDER_COLUMNS} | {"intern_extern": "positie"}
_STAKEHOLDER_FIELDS = frozenset(f.name for f in fields(Stakeholder)) - {"id", "naam"}
_ALIASES: dict[str, tuple[str, ...]] = {
    "type": ("type", "rij type", "regel type"),
    "naam": ("naam", "name", "stakeholder", "stakeholders", "label", "wie"),
    "soort": ("soort", "soort stakeholder", "kind", "category", "categorie"),
    "intern_extern": ("intern extern", "intern of extern", "positie", "position", "internal external"),
    "invloed": ("invloed", "influence", "macht", "power"),
    "belang": ("belang", "interest", "importance"),
    "houding": ("houding", "attitude", "standpunt"),
    "energie_nu": ("energie nu", "huidige energie", "energie", "energy now", "energy"),
    "energie_gewenst": ("energie gewenst", "gewenste energie", "energy desired", "desired energy"),
    "notitie": ("notitie", "notities", "note", "notes", "opmerking", "opmerkingen", "toelichting", "description"),
    "van": ("van", "from", "bron", "source"),
    "naar": ("naar", "to", "doel", "target"),
    "relatie": ("relatie", "soort relatie", "relatiesoort", "relation", "relationship", "relation type"),
    "sterkte": ("sterkte", "strength", "gewicht", "weight"),
}
_COLUMN_OF_ALIAS = {alias: column for column, aliases in _ALIASES.items() for alias in aliases}
_ROW_KINDS = {
    **dict.fromkeys(("stakeholder", "stakeholders", "persoon", "element"), ROW_STAKEHOLDER),
    **dict.fromkeys(("relatie", "relaties", "relation", "connection", "verbinding", "lijn"), ROW_RELATION),
}
_STRENGTH_OF_LABEL = {name_key(label): str(value) for value, label in STERKTES.items()}
_AUTO = "auto"  # a table whose rows may be either kind (a ``type`` column says which; default stakeholder)
_ESCAPED_FORMULA = re.compile(r"^'+[=+\-@]")


@dataclass(frozen=True)
class RelationByName:
    """A relation read from a file: its ends by name, resolved to ids by :func:`resolve_relations`."""

    van_naam: str
    naar_naam: str
    soort: str = "samenwerking"
    sterkte: int = 2


@dataclass
class ImportResult:
    """What a file or paste held; ``problems`` are Dutch lines for the participant (rows skipped or merged).

    ``given`` maps each stakeholder's :func:`name_key` to the fields its row filled in (besides ``naam``): pass it
    to :func:`merge_into` so an empty cell, or a bare list of names, keeps what the map already says.
    """

    stakeholders: list[Stakeholder] = field(default_factory=list)
    relations: list[RelationByName] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    given: dict[str, frozenset[str]] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------------- export


def _stakeholder_row(s: Stakeholder) -> dict[str, Any]:
    return {
        "naam": s.naam,
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


# ---------------------------------------------------------------------------------------------------- import


def _cell(value: Any) -> str:
    """A cell as trimmed text; empty for missing values, ``3`` for ``3.0``."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header_key(text: str) -> str:
    return " ".join(re.sub(r"[_/\-]", " ", name_key(text)).split())


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


class _Reader:
    """Collects rows from one or more tables into an :class:`ImportResult`."""

    def __init__(self) -> None:
        self.people: dict[str, Stakeholder] = {}
        self.given: dict[str, frozenset[str]] = {}
        self.first_seen: dict[Any, str] = {}
        self.relations: dict[tuple[frozenset[str], str], RelationByName] = {}
        self.problems: list[str] = []

    def result(self) -> ImportResult:
        return ImportResult(list(self.people.values()), list(self.relations.values()), self.problems, self.given)

    def read_grid(
        self, rows: Sequence[Sequence[Any]], *, kind: str, where: Callable[[int], str], header: bool | None = None
    ) -> None:
        """Rows as a spreadsheet shows them (``rows[0]`` is row 1). ``header=None``: the first non-empty row is a
        header if it names a known column; otherwise the columns are in :data:`STAKEHOLDER_COLUMNS` order."""
        cells = [[_cell(value) for value in row] for row in rows]
        start = next((i for i, row in enumerate(cells) if any(row)), None)
        if start is None:
            return
        columns, unused = self._columns(cells[start], kind)
        names_a_column = any(_header_key(text) in _COLUMN_OF_ALIAS for text in cells[start])
        if header or (header is None and names_a_column):
            start += 1
        else:
            positional = RELATION_COLUMNS if kind == ROW_RELATION else STAKEHOLDER_COLUMNS
            columns, unused = dict(enumerate(positional)), []
        if unused:
            self.problems.append(f"Deze kolommen gebruik ik niet: {', '.join(unused)}.")
        named = set(columns.values())
        if kind == ROW_RELATION and not {"van", "naar"} <= named:
            self.problems.append("Ik vind geen kolommen 'van' en 'naar' bij de relaties; die heb ik overgeslagen.")
            return
        if kind != ROW_RELATION and "naam" not in named and "type" not in named:
            self.problems.append("Ik vind geen kolom 'naam'. Zet de namen in een kolom met 'naam' erboven.")
            return
        for index in range(start, len(cells)):
            row = cells[index]
            values = {column: row[i] if i < len(row) else "" for i, column in columns.items()}
            if any(values.values()):
                self._read_row(values, kind, where(index + 1))

    @staticmethod
    def _columns(header: list[str], kind: str) -> tuple[dict[int, str], list[str]]:
        """Position -> known column for a header row, and the header texts not used."""
        columns: dict[int, str] = {}
        unused: list[str] = []
        for index, text in enumerate(header):
            column = _COLUMN_OF_ALIAS.get(_header_key(text))
            if column is not None and column not in columns.values():
                columns[index] = column
            elif text:
                unused.append(text)
        if kind == ROW_RELATION and "relatie" not in columns.values():
            # On a relations-only sheet "soort" or "type" can only mean the kind of relation.
            for index, column in list(columns.items()):
                if column in ("soort", "type"):
                    columns[index] = "relatie"
                    break
        if columns and kind == ROW_RELATION:
            columns = {i: c for i, c in columns.items() if c in RELATION_COLUMNS}
        return columns, unused

    def _read_row(self, values: dict[str, str], kind: str, where: str) -> None:
        if kind == _AUTO:
            kind = _ROW_KINDS.get(name_key(values.get("type", "")), "")
            if not values.get("type"):
                is_relation = not values.get("naam") and (values.get("van") or values.get("naar"))
                kind = ROW_RELATION if is_relation else ROW_STAKEHOLDER
            elif not kind:
                self.problems.append(
                    f"{where}: type '{values['type']}' ken ik niet; gebruik 'stakeholder' of 'relatie'. "
                    "Deze rij is overgeslagen."
                )
                return
        if kind == ROW_RELATION:
            self._add_relation(values, where)
        else:
            self._add_stakeholder(values, where)

    def _add_stakeholder(self, values: dict[str, str], where: str) -> None:
        data = {_FIELD_OF_COLUMN[column]: values.get(column, "") for column in STAKEHOLDER_COLUMNS}
        try:
            person = validate_stakeholder(data)
        except InvalidInput as error:
            self.problems.append(f"{where}: {error.message} Deze rij is overgeslagen.")
            return
        given = frozenset(name for name, value in data.items() if value and name != "naam")
        earlier = self.people.get(person.key)
        if earlier is None:
            self.people[person.key], self.given[person.key] = person, given
            self.first_seen[person.key] = where
            return
        self.people[person.key] = replace(earlier, **{name: getattr(person, name) for name in given})
        self.given[person.key] = self.given[person.key] | given
        self.problems.append(
            f"{where}: '{person.naam}' staat er al eerder in ({_lower_first(self.first_seen[person.key])}). "
            f"Ik heb ze samengevoegd tot één stakeholder; waar ze verschillen, telt de latere rij."
        )

    def _add_relation(self, values: dict[str, str], where: str) -> None:
        van, naar = clean_text(values.get("van")), clean_text(values.get("naar"))
        skipped = "Deze rij is overgeslagen."
        if not van or not naar:
            self.problems.append(f"{where}: vul bij een relatie zowel 'van' als 'naar' in. {skipped}")
            return
        if name_key(van) == name_key(naar):
            self.problems.append(
                f"{where}: een relatie loopt tussen twee verschillende stakeholders, niet van '{van}' naar "
                f"zichzelf. {skipped}"
            )
            return
        strength = values.get("sterkte", "")
        strength = _STRENGTH_OF_LABEL.get(name_key(strength), strength)
        try:
            data = {"van": van, "naar": naar, "soort": values.get("relatie"), "sterkte": strength}
            relation = validate_relation(data)
        except InvalidInput as error:
            self.problems.append(f"{where}: {error.message} {skipped}")
            return
        signature = (frozenset((name_key(van), name_key(naar))), relation.soort)
        if signature in self.relations:
            self.problems.append(
                f"{where}: de relatie '{RELATIE_SOORTEN[relation.soort]}' tussen '{van}' en '{naar}' staat er al "
                f"eerder in ({_lower_first(self.first_seen[signature])}). {skipped}"
            )
            return
        self.relations[signature] = RelationByName(van, naar, relation.soort, relation.sterkte)
        self.first_seen[signature] = where


def _row_label(prefix: str) -> Callable[[int], str]:
    return lambda number: f"{prefix} {number}"


def parse_table(df: pd.DataFrame) -> ImportResult:
    """Rows of a table whose column names are the header (Excel row 1), so data row ``i`` is reported as row
    ``i + 2``. A frame without column names (a ``RangeIndex``) may hold its header in its first row, or none.
    A ``type`` column says per row "stakeholder" or "relatie"; without it every row is a stakeholder."""
    reader = _Reader()
    if isinstance(df.columns, pd.RangeIndex):
        reader.read_grid(df.values.tolist(), kind=_AUTO, where=_row_label("Rij"))
    else:
        grid = [[str(column) for column in df.columns], *df.values.tolist()]
        reader.read_grid(grid, kind=_AUTO, where=_row_label("Rij"), header=True)
    return reader.result()


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")  # Excel's "Unicode text"
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1")


def _guess_separator(text: str) -> str:
    """``;``, tab or ``,``: whichever the first non-empty line holds most often outside quotes (``;`` if none)."""
    line = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", line)
    counts = {separator: unquoted.count(separator) for separator in (";", "\t", ",")}
    best = max(counts, key=lambda separator: counts[separator])
    return best if counts[best] else CSV_SEPARATOR


def _unescape_formula(text: str) -> str:
    return text[1:] if _ESCAPED_FORMULA.match(text) else text


def _read_csv(data: bytes) -> ImportResult:
    text = _decode(data).lstrip("\ufeff")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_guess_separator(text)))
    except csv.Error:
        return ImportResult(problems=["Dit CSV-bestand kan ik niet lezen. Sla het opnieuw op als CSV of .xlsx."])
    reader = _Reader()
    reader.read_grid([[_unescape_formula(cell) for cell in row] for row in rows], kind=_AUTO, where=_row_label("Rij"))
    return reader.result()


def _read_xlsx(data: bytes) -> ImportResult:
    try:
        sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, header=None, dtype=object, engine="openpyxl")
    except Exception:
        return ImportResult(problems=["Dit Excel-bestand kan ik niet lezen. Sla het opnieuw op als .xlsx of CSV."])
    by_key = {name_key(name): name for name in sheets}
    relations_sheet = by_key.get("relaties") or by_key.get("relations")
    people_sheet = by_key.get("stakeholders") or next((name for name in sheets if name != relations_sheet), None)
    reader = _Reader()
    if people_sheet is not None:
        reader.read_grid(sheets[people_sheet].values.tolist(), kind=_AUTO, where=_row_label("Rij"))
    if relations_sheet is not None:
        where = _row_label(f"Blad {relations_sheet}, rij")
        reader.read_grid(sheets[relations_sheet].values.tolist(), kind=ROW_RELATION, where=where)
    return reader.result()


def read_file(name: str, data: bytes) -> ImportResult:
    """An uploaded CSV (``;``, ``,`` or tab; UTF-8 or Latin-1) or XLSX (sheets "Stakeholders" and "Relaties" if
    present, else the first sheet). Only a column "naam" is required; other columns may be missing."""
    lower = name.lower()
    if data.startswith(b"PK\x03\x04") or lower.endswith((".xlsx", ".xlsm")):
        return _read_xlsx(data)
    if data.startswith(b"\xd0\xcf\x11\xe0") or lower.endswith(".xls"):
        return ImportResult(problems=["Dit is een oud Excel-bestand (.xls). Sla het op als .xlsx of CSV."])
    return _read_csv(data)


def parse_pasted(text: str) -> ImportResult:
    """Pasted text: one name per line, or tab-separated rows copied from Excel (with or without a header row;
    without one the columns are in :data:`STAKEHOLDER_COLUMNS` order). Empty lines are ignored."""
    if "\t" in text:
        rows: list[list[str]] = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t"))
    else:
        rows = [[line] for line in text.splitlines()]
    reader = _Reader()
    reader.read_grid(rows, kind=_AUTO, where=_row_label("Regel"))
    return reader.result()


# ---------------------------------------------------------------------------------------------------- merging


def merge_into(
    m: StakeholderMap, imported: Sequence[Stakeholder], *, given: Mapping[str, frozenset[str]] | None = None
) -> tuple[list[Stakeholder], list[Stakeholder]]:
    """``(new, updated)``: an imported stakeholder whose name matches one on the map (by :func:`name_key`) updates
    that one, keeping its id and its spelling of the name; the rest are new. With ``given`` (from
    :class:`ImportResult`) only the fields a row filled in are taken. Updates that change nothing are left out."""
    existing = {s.key: s for s in m.stakeholders}
    latest = {s.key: s for s in imported}  # the later of two with the same name wins
    new: list[Stakeholder] = []
    updated: list[Stakeholder] = []
    for key, person in latest.items():
        old = existing.get(key)
        if old is None:
            new.append(person)
            continue
        names = _STAKEHOLDER_FIELDS if given is None else given.get(key, _STAKEHOLDER_FIELDS)
        changed = replace(old, **{name: getattr(person, name) for name in names})
        if changed != old:
            updated.append(changed)
    return new, updated


def resolve_relations(
    relations: Sequence[RelationByName], m: StakeholderMap, new: Sequence[Stakeholder]
) -> tuple[list[Relation], list[str]]:
    """Relations by id, looking names up (by :func:`name_key`) on the map and among ``new``; Dutch problems for
    names found nowhere. A relation the map already has (same pair and soort) comes back with its own id only if
    its sterkte changed, so saving the list by id adds and updates without doubles."""
    ids = {s.key: s.id for s in new} | {s.key: s.id for s in m.stakeholders}
    existing = {(r.ends, r.soort): r for r in m.relations}
    resolved: list[Relation] = []
    problems: list[str] = []
    seen: set[tuple[frozenset[str], str]] = set()
    for item in relations:
        van, naar = ids.get(name_key(item.van_naam)), ids.get(name_key(item.naar_naam))
        missing = [f"'{name}'" for name, found in ((item.van_naam, van), (item.naar_naam, naar)) if found is None]
        if van is None or naar is None:
            verb = "staan" if len(missing) > 1 else "staat"
            problems.append(
                f"Relatie '{item.van_naam}' – '{item.naar_naam}': {' en '.join(missing)} {verb} niet op de kaart; "
                "deze relatie is overgeslagen."
            )
            continue
        try:
            relation = validate_relation({"van": van, "naar": naar, "soort": item.soort, "sterkte": item.sterkte})
        except InvalidInput as error:
            problems.append(f"Relatie '{item.van_naam}' – '{item.naar_naam}': {error.message}")
            continue
        signature = (relation.ends, relation.soort)
        if signature in seen:
            continue
        seen.add(signature)
        old = existing.get(signature)
        if old is None:
            resolved.append(relation)
        elif old.sterkte != relation.sterkte:
            resolved.append(replace(old, sterkte=relation.sterkte))
    return resolved, problems


# ---------------------------------------------------------------------------------------------------- networks


def to_networkx(m: StakeholderMap) -> nx.Graph:
    """One node per stakeholder (id; ``label`` = naam, plus the file columns with labels) and one edge per pair:
    ``soort``/``sterkte``/``weight`` of the strongest relation, ``soorten`` lists every kind between the two."""
    graph = nx.Graph()
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
