"""Importing into a stakeholder map: CSV/XLSX files and pasted lists read, then fitted onto the map (the preview).

Reads the files that :mod:`.tables` writes, and what people make themselves: ``;``, ``,`` or tab as CSV separator,
UTF-8, UTF-16 or Latin-1, a formula's leading ``'`` (see :mod:`.tables`) removed again; :mod:`.table_rows` reads the
rows. Import never raises: bad rows are skipped and reported in Dutch by row number (the words are in
``exercises/stakeholderkaart.yaml``: ``files``, ``rows``, ``fitting``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import fields, replace

import pandas as pd

from wijwerken_widgets.core.downloads import CSV_SEPARATOR
from wijwerken_widgets.shared.stakeholders import texts
from wijwerken_widgets.shared.stakeholders.model import (
    InvalidInput,
    Relation,
    Stakeholder,
    StakeholderMap,
    name_key,
    validate_relation,
)
from wijwerken_widgets.shared.stakeholders.table_rows import (
    ANY_KIND,
    ImportResult,
    RelationByName,
    RowReader,
    row_label,
)
from wijwerken_widgets.shared.stakeholders.tables import ROW_RELATION

_STAKEHOLDER_FIELDS = frozenset(f.name for f in fields(Stakeholder)) - {"id", "naam"}
_ESCAPED_FORMULA = re.compile(r"^'+[=+\-@]")


def parse_table(df: pd.DataFrame) -> ImportResult:
    """Rows of a table whose column names are the header (Excel row 1), so data row ``i`` is reported as row
    ``i + 2``. A frame without column names (a ``RangeIndex``) may hold its header in its first row, or none.
    A ``type`` column says per row "stakeholder" or "relatie"; without it every row is a stakeholder."""
    reader = RowReader()
    columns: pd.Index = df.columns  # typed as labels of any kind: pandas' stubs say str, a RangeIndex has ints
    if isinstance(columns, pd.RangeIndex):
        reader.read_grid(df.values.tolist(), kind=ANY_KIND, where=row_label("row"))
    else:
        grid = [[str(column) for column in columns], *df.values.tolist()]
        reader.read_grid(grid, kind=ANY_KIND, where=row_label("row"), header=True)
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
        return ImportResult(problems=[texts.load().files.csv_unreadable])
    reader = RowReader()
    reader.read_grid([[_unescape_formula(cell) for cell in row] for row in rows], kind=ANY_KIND, where=row_label("row"))
    return reader.result()


def _read_xlsx(data: bytes) -> ImportResult:
    try:
        sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, header=None, dtype=object, engine="openpyxl")
    except Exception:
        return ImportResult(problems=[texts.load().files.excel_unreadable])
    by_key = {name_key(name): name for name in sheets}
    relations_sheet = by_key.get("relaties") or by_key.get("relations")
    people_sheet = by_key.get("stakeholders") or next((name for name in sheets if name != relations_sheet), None)
    reader = RowReader()
    if people_sheet is not None:
        reader.read_grid(sheets[people_sheet].values.tolist(), kind=ANY_KIND, where=row_label("row"))
    if relations_sheet is not None:
        where = row_label("sheet_row", blad=relations_sheet)
        reader.read_grid(sheets[relations_sheet].values.tolist(), kind=ROW_RELATION, where=where)
    return reader.result()


def read_file(name: str, data: bytes) -> ImportResult:
    """An uploaded CSV (``;``, ``,`` or tab; UTF-8 or Latin-1) or XLSX (sheets "Stakeholders" and "Relaties" if
    present, else the first sheet). Only a column "naam" is required; other columns may be missing."""
    lower = name.lower()
    if data.startswith(b"PK\x03\x04") or lower.endswith((".xlsx", ".xlsm")):
        return _read_xlsx(data)
    if data.startswith(b"\xd0\xcf\x11\xe0") or lower.endswith(".xls"):
        return ImportResult(problems=[texts.load().files.old_excel])
    return _read_csv(data)


def parse_pasted(text: str) -> ImportResult:
    """Pasted text: one name per line, or tab-separated rows copied from Excel (with or without a header row;
    without one the columns are in :data:`UNLABELLED_COLUMNS` order). Empty lines are ignored."""
    if "\t" in text:
        rows: list[list[str]] = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t"))
    else:
        rows = [[line] for line in text.splitlines()]
    reader = RowReader()
    reader.read_grid(rows, kind=ANY_KIND, where=row_label("line"))
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
        if van is None or naar is None:
            words = texts.load().fitting
            if van is None and naar is None:
                problems.append(words.both_missing.format(van=item.van_naam, naar=item.naar_naam))
            else:
                missing = item.van_naam if van is None else item.naar_naam
                problems.append(words.one_missing.format(van=item.van_naam, naar=item.naar_naam, naam=missing))
            continue
        try:
            relation = validate_relation({"van": van, "naar": naar, "soort": item.soort, "sterkte": item.sterkte})
        except InvalidInput as error:
            problems.append(texts.load().fitting.invalid.format(van=item.van_naam, naar=item.naar_naam,
                                                                 melding=error.message))
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
