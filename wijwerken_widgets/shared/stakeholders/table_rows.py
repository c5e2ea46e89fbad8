"""Rows of a spreadsheet or pasted list read into stakeholders and relations by name, with Dutch problems per row.

A header row may name the columns in Dutch or English (``_ALIASES``); values may be labels or keys in any case.
:class:`RowReader` never raises: a bad row is skipped and reported by its row number. :mod:`.table_import` feeds it
the rows of files and pasted text. The problems are worded in ``exercises/stakeholderkaart.yaml`` (``rows``), read
only when there is one to report.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import pandas as pd

from wijwerken_widgets.shared.stakeholders import texts
from wijwerken_widgets.shared.stakeholders.model import (
    RELATIE_SOORTEN,
    STERKTES,
    InvalidInput,
    Stakeholder,
    clean_text,
    name_key,
    validate_relation,
    validate_stakeholder,
)
from wijwerken_widgets.shared.stakeholders.tables import (
    RELATION_COLUMNS,
    ROW_RELATION,
    ROW_STAKEHOLDER,
    STAKEHOLDER_COLUMNS,
    UNLABELLED_COLUMNS,
)

if TYPE_CHECKING:
    from wijwerken_widgets.shared.stakeholders.schema import RowTexts

# File column -> Stakeholder field (only intern_extern differs).
_FIELD_OF_COLUMN = {column: column for column in STAKEHOLDER_COLUMNS} | {"intern_extern": "positie"}
_ALIASES: dict[str, tuple[str, ...]] = {
    "type": ("type", "rij type", "regel type"),
    "naam": ("naam", "name", "stakeholder", "stakeholders", "label", "wie"),
    "functie": ("functie", "functie of rol", "rol", "functietitel", "function", "role", "job title"),
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
ANY_KIND = "auto"  # a table whose rows may be either kind (a ``type`` column says which; default stakeholder)
Where = Callable[[], str]
"""Where a row is ("Rij 3"), made only when a problem names it."""


@dataclass(frozen=True)
class RelationByName:
    """A relation read from a file: its ends by name, resolved to ids by ``table_import.resolve_relations``."""

    van_naam: str
    naar_naam: str
    soort: str = "samenwerking"
    sterkte: int = 2


@dataclass
class ImportResult:
    """What a file or paste held; ``problems`` are Dutch lines for the participant (rows skipped or merged).

    ``given`` maps each stakeholder's :func:`name_key` to the fields its row filled in (besides ``naam``): pass it
    to ``table_import.merge_into`` so an empty cell, or a bare list of names, keeps what the map already says.
    """

    stakeholders: list[Stakeholder] = field(default_factory=list)
    relations: list[RelationByName] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    given: dict[str, frozenset[str]] = field(default_factory=dict)


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


def _rows_texts() -> RowTexts:
    """``rows`` of ``stakeholderkaart.yaml``."""
    return texts.load().rows


class RowReader:
    """Collects rows from one or more tables into an :class:`ImportResult`."""

    def __init__(self) -> None:
        self.people: dict[str, Stakeholder] = {}
        self.given: dict[str, frozenset[str]] = {}
        self.first_seen: dict[Any, Where] = {}
        self.relations: dict[tuple[frozenset[str], str], RelationByName] = {}
        self.problems: list[str] = []

    def result(self) -> ImportResult:
        return ImportResult(list(self.people.values()), list(self.relations.values()), self.problems, self.given)

    def read_grid(
        self, rows: Sequence[Sequence[Any]], *, kind: str, where: Callable[[int], str], header: bool | None = None
    ) -> None:
        """Rows as a spreadsheet shows them (``rows[0]`` is row 1). ``header=None``: the first non-empty row is a
        header if it names a known column; otherwise the columns are in :data:`UNLABELLED_COLUMNS` order."""
        cells = [[_cell(value) for value in row] for row in rows]
        start = next((i for i, row in enumerate(cells) if any(row)), None)
        if start is None:
            return
        columns, unused = self._columns(cells[start], kind)
        names_a_column = any(_header_key(text) in _COLUMN_OF_ALIAS for text in cells[start])
        if header or (header is None and names_a_column):
            start += 1
        else:
            positional = RELATION_COLUMNS if kind == ROW_RELATION else UNLABELLED_COLUMNS
            columns, unused = dict(enumerate(positional)), []
        if unused:
            self.problems.append(_rows_texts().unused_columns.format(kolommen=", ".join(unused)))
        named = set(columns.values())
        if kind == ROW_RELATION and not {"van", "naar"} <= named:
            self.problems.append(_rows_texts().no_relation_columns)
            return
        if kind != ROW_RELATION and "naam" not in named and "type" not in named:
            self.problems.append(_rows_texts().no_name_column)
            return
        for index in range(start, len(cells)):
            row = cells[index]
            values = {column: row[i] if i < len(row) else "" for i, column in columns.items()}
            if any(values.values()):
                self._read_row(values, kind, functools.partial(where, index + 1))

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

    def _read_row(self, values: dict[str, str], kind: str, where: Where) -> None:
        if kind == ANY_KIND:
            kind = _ROW_KINDS.get(name_key(values.get("type", "")), "")
            if not values.get("type"):
                is_relation = not values.get("naam") and (values.get("van") or values.get("naar"))
                kind = ROW_RELATION if is_relation else ROW_STAKEHOLDER
            elif not kind:
                self.problems.append(_rows_texts().unknown_type.format(plek=where(), type=values["type"]))
                return
        if kind == ROW_RELATION:
            self._add_relation(values, where)
        else:
            self._add_stakeholder(values, where)

    def _add_stakeholder(self, values: dict[str, str], where: Where) -> None:
        data = {_FIELD_OF_COLUMN[column]: values.get(column, "") for column in STAKEHOLDER_COLUMNS}
        try:
            person = validate_stakeholder(data)
        except InvalidInput as error:
            self.problems.append(_rows_texts().invalid_row.format(plek=where(), melding=error.message))
            return
        given = frozenset(name for name, value in data.items() if value and name != "naam")
        earlier = self.people.get(person.key)
        if earlier is None:
            self.people[person.key], self.given[person.key] = person, given
            self.first_seen[person.key] = where
            return
        self.people[person.key] = replace(earlier, **{name: getattr(person, name) for name in given})
        self.given[person.key] = self.given[person.key] | given
        earlier_where = _lower_first(self.first_seen[person.key]())
        self.problems.append(_rows_texts().merged.format(plek=where(), naam=person.naam, eerder=earlier_where))

    def _add_relation(self, values: dict[str, str], where: Where) -> None:
        van, naar = clean_text(values.get("van")), clean_text(values.get("naar"))
        if not van or not naar:
            self.problems.append(_rows_texts().relation_ends.format(plek=where()))
            return
        if name_key(van) == name_key(naar):
            self.problems.append(_rows_texts().relation_to_itself.format(plek=where(), van=van))
            return
        strength = values.get("sterkte", "")
        strength = _STRENGTH_OF_LABEL.get(name_key(strength), strength)
        try:
            data = {"van": van, "naar": naar, "soort": values.get("relatie"), "sterkte": strength}
            relation = validate_relation(data)
        except InvalidInput as error:
            self.problems.append(_rows_texts().invalid_row.format(plek=where(), melding=error.message))
            return
        signature = (frozenset((name_key(van), name_key(naar))), relation.soort)
        if signature in self.relations:
            earlier_where = _lower_first(self.first_seen[signature]())
            self.problems.append(_rows_texts().relation_twice.format(
                plek=where(), soort=RELATIE_SOORTEN[relation.soort], van=van, naar=naar, eerder=earlier_where))
            return
        self.relations[signature] = RelationByName(van, naar, relation.soort, relation.sterkte)
        self.first_seen[signature] = where


def row_label(kind: str, **values: str) -> Callable[[int], str]:
    """Where a row is, for :meth:`RowReader.read_grid`: ``row_label("row")(3)`` is "Rij 3", as ``rows.<kind>`` of
    ``stakeholderkaart.yaml`` says it (``row``, ``line``; ``sheet_row`` with ``blad``)."""
    return lambda number: getattr(_rows_texts(), kind).format(n=number, **values)

