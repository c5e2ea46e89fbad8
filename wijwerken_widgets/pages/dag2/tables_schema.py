"""The schema of the tables beside Dag 2's pictures (``exercises.network.table``, ``exercises.grid.table``,
``exercises.energy.table`` of ``dag2.yaml``), and a grid quadrant's words; part of ``schema.py``."""

from __future__ import annotations

from typing import Annotated

from wijwerken_widgets.content.schema import ContentModel, Text
from wijwerken_widgets.pages.dag2.schema_templates import Name, placeholders


class NetworkColumns(ContentModel):
    """The column headers of the network's table (``network_table.py``)."""

    naam: Text
    soort: Text
    invloed: Text
    belang: Text
    energie: Text
    relaties: Text
    rol: Text


class NetworkSorts(ContentModel):
    """The choices of "Sorteer op", one per column."""

    naam: Text
    soort: Text
    invloed: Text
    belang: Text
    energie: Text
    relaties: Text
    rol: Text


class NetworkRoles(ContentModel):
    """A stakeholder's place in the network in plain words (see ``insight_analysis.roles``)."""

    spil: Text
    verbinder: Text
    groepje: Text
    los: Text
    other: Text
    """For someone with lines but none of the roles above."""


class NetworkTableTexts(ContentModel):
    """What the drawing shows, as a table and a list of relations: for the keyboard and for screen readers."""

    intro: Text
    caption: Annotated[Text, placeholders("stakeholders", "sort")]
    sort_label: Text
    sorts: NetworkSorts
    columns: NetworkColumns
    energy: Annotated[Text, placeholders("nu", "gewenst")]
    roles: NetworkRoles
    pick_label: Text
    pick_none: Text
    details: Annotated[Text, placeholders("soort", "positie", "houding", "invloed", "belang", "nu", "gewenst")]
    role: Annotated[Text, placeholders("rol")]
    note: Annotated[Text, placeholders("notitie")]
    relations_title: Annotated[Text, placeholders("naam", "relations")]
    relation: Annotated[Text, placeholders("soort", "sterkte", "naam")]
    no_relations: Name
    empty: Text
    rest: Annotated[Text, placeholders("shown", "n")]
    """Under a table of more than ``shown`` stakeholders: ``{n}`` are not in it."""


class Quadrant(ContentModel):
    title: Text
    advice: Text


class GridTable(ContentModel):
    """The grid as a table: per quadrant its advice and its stakeholders (``grid_table.py``)."""

    caption: Annotated[Text, placeholders("stakeholders")]
    quadrant: Text
    people: Text
    border: Quadrant
    """A score of 3 (invloed or belang) lies on the line between two quadrants."""
    person: Annotated[Text, placeholders("naam", "invloed", "belang")]
    nobody: Text


class EnergyTable(ContentModel):
    """The energy picture as a table, folded away under ``summary`` (``energy.py``)."""

    summary: Text
    caption: Annotated[Text, placeholders("stakeholders")]
    naam: Text
    energy: Text
    shortlisted: Text
    listed: Text
    """In the shortlist column for someone on the shortlist."""
