"""The schema (pydantic) of ``exercises/dag2.yaml`` (Dag 2, Think: de stakeholderkaart); loaded by ``texts.py``.

Texts that Python completes (a name, a number) are templates: each one may use only the ``{placeholders}`` named
in its type (``schema_templates.py``), so a misspelt one is caught when the file is loaded instead of breaking the
page. The tables beside the pictures have their schema in ``tables_schema.py``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from wijwerken_widgets.content.schema import ContentModel, Part, Phase, Text, TextField
from wijwerken_widgets.pages.dag2.schema_templates import Count, Counts, N, Name, NewUpdated, Who, placeholders
from wijwerken_widgets.pages.dag2.tables_schema import EnergyTable, GridTable, NetworkTableTexts, Quadrant

# --- 1. entry ---------------------------------------------------------------------------------------------------


class EntryTabs(ContentModel):
    form: Text
    table: Text
    importer: Text
    relations: Text


class FormFields(ContentModel):
    naam: TextField
    functie: TextField
    """Optional; its ``help`` is shown under the box (why a group writes it down)."""
    soort: Text
    positie: Text
    invloed: Text
    belang: Text
    houding: Text
    energie_nu: Text
    energie_gewenst: Text
    notitie: TextField


class FormTexts(ContentModel):
    """The stakeholder form: its fields, buttons and what it says after a click."""

    picker: Text
    new_option: Text
    fields: FormFields
    add_button: Text
    save_button: Text
    remove_button: Text
    new_button: Text
    added: Name
    saved: Name
    already_on_map: Name
    removed: Name
    removed_by_groupmate: Name
    removed_while_editing: Name
    conflict: Who
    """A groupmate (``{who}``) changed ``{naam}`` at the same time; both versions are kept."""
    their_values: Annotated[Text, placeholders("who", "velden")]
    """After ``conflict``: what ``{who}`` chose in the fields both changed (``{velden}``: "Invloed: 2, …")."""
    merged: Annotated[Text, placeholders("who", "naam")]
    """A save that took in a groupmate's change of other fields of the same stakeholder."""
    take_theirs_button: Annotated[Text, placeholders("who")]
    theirs_restored: Annotated[Text, placeholders("who")]


class SortLabels(ContentModel):
    naam: Text
    invloed: Text
    belang: Text
    soort: Text
    houding: Text


class TableTexts(ContentModel):
    """The table of the map: search, sort, pages, and editing as tab-separated text."""

    search: TextField
    sort_label: Text
    sorts: SortLabels
    page_label: Text
    edit_button: Text
    save_button: Text
    editor_help: Text
    empty: Text
    caption: Annotated[Text, placeholders("stakeholders")]
    caption_pages: Annotated[Text, placeholders("stakeholders", "page", "pages")]
    saved: NewUpdated


class ImportTexts(ContentModel):
    """Many stakeholders at once: a pasted list or a file, a preview, then one save."""

    paste: TextField
    preview_button: Text
    file_label: Text
    file_help: Text
    upload_button: Text
    confirm_button: Text
    too_big: Annotated[Text, placeholders("name", "megabytes")]
    unreadable: Annotated[Text, placeholders("name")]
    summary: NewUpdated
    summary_relations: Annotated[Text, placeholders("new", "updated", "relations")]
    new_names: Annotated[Text, placeholders("names")]
    skipped: Text
    more_problems: N
    nothing_new: Text
    imported: NewUpdated


class RelationTexts(ContentModel):
    van: Text
    naar: Text
    soort: Text
    sterkte: Text
    list_label: Text
    add_button: Text
    remove_button: Text
    exists: Text
    added: Text
    pick_first: Text
    removed: Text


class EntryPart(Part):
    naam_hint: Text
    """Shown under the name field: residents by role or initials."""
    tabs: EntryTabs
    status: Annotated[Text, placeholders("group", "stakeholders", "relations", "time")]
    refresh_button: Text
    trainer_intro: Text
    """For a trainer (in no group): before the links to the groups' maps."""
    form: FormTexts
    table: TableTexts
    importer: ImportTexts
    relations: RelationTexts


# --- 2. network -------------------------------------------------------------------------------------------------


class NetworkLegend(ContentModel):
    """The legend under the drawing: colour, shape, lines, size, and how to move the drawing."""

    label: Text
    """The legend's name for screen readers."""
    attitude: Text
    shape: Text
    lines: Text
    size: Text
    size_text: Text
    hint: Text
    """Only under the drawing in the workbook, where stakeholders can be dragged (not in the downloaded page)."""


class NetworkTooltip(ContentModel):
    """The plain text shown when the mouse rests on a stakeholder (after the name and kind) or a line."""

    attitude: Annotated[Text, placeholders("houding")]
    scores: Annotated[Text, placeholders("invloed", "belang")]
    energy: Annotated[Text, placeholders("nu", "gewenst")]
    note: Annotated[Text, placeholders("notitie")]
    relation: Annotated[Text, placeholders("soort", "sterkte", "van", "naar")]


class NetworkPicture(ContentModel):
    """The drawing (``network_draw.py``), in the workbook and as the downloaded web page."""

    label: Text
    """The drawing's name for screen readers (the frame it is shown in)."""
    document_title: Text
    empty: Text
    made_on: Annotated[Text, placeholders("datum")]
    """Under the title of the downloaded web page; ``{datum}`` is the day it was made (14 maart 2025)."""
    legend: NetworkLegend
    tooltip: NetworkTooltip


class NetworkPart(Part):
    picture: NetworkPicture
    table: NetworkTableTexts


# --- 3. grid, 4. energy -----------------------------------------------------------------------------------------


class Quadrants(ContentModel):
    """Mendelow's four quadrants: invloed high or low × belang high or low."""

    manage_closely: Quadrant
    keep_satisfied: Quadrant
    keep_informed: Quadrant
    monitor: Quadrant


class GridPicture(ContentModel):
    quadrants: Quadrants
    belang_axis: Text
    invloed_axis: Text
    more: N
    empty: Text
    label: Annotated[Text, placeholders("stakeholders")]
    tooltip: Annotated[Text, placeholders("naam", "houding", "positie", "invloed", "belang")]


class GridPart(Part):
    picture: GridPicture
    table: GridTable


class EnergyPicture(ContentModel):
    now: Text
    desired: Text
    shortlisted: Text
    empty: Text
    rest: N
    label: Annotated[Text, placeholders("stakeholders")]


class EnergyPart(Part):
    table: EnergyTable
    shortlist_title: Text
    shortlist_intro: Text
    shortlist_empty: Text
    picture: EnergyPicture


# --- 5. insight -------------------------------------------------------------------------------------------------


class Findings(ContentModel):
    """What the lines of the map say (see ``insight_analysis``): plain Dutch, no network jargon."""

    empty_map: Text
    no_relations: Text
    first_spil: Annotated[Text, placeholders("naam", "lines")]
    other_spil: Annotated[Text, placeholders("naam", "lines")]
    no_spil: Text
    verbinder: Name
    groups: Annotated[Text, placeholders("count", "largest", "groups")]
    largest: Annotated[Text, placeholders("shown")]
    no_verbinder: Text
    one_group: Text
    one_loose: Name
    loose: Annotated[Text, placeholders("names")]
    names: Annotated[Text, placeholders("names", "last")]
    more_names: Annotated[Text, placeholders("names", "more")]


class Position(ContentModel):
    """Where the participant stands on the map, for "this stakeholder is me"."""

    not_on_map: Text
    spil: Annotated[Text, placeholders("lines")]
    verbinder: Text
    no_lines: Text
    one_weak_line: Name
    in_group: Annotated[Text, placeholders("names")]
    lines: Annotated[Text, placeholders("reach")]
    reach: Count


class InsightPart(Part):
    position_label: Text
    not_on_map_option: Text
    reflection_prompt: Text
    reflection: TextField
    findings: Findings
    position: Position


# --- history, export --------------------------------------------------------------------------------------------


class HistoryPart(Part):
    removed_label: Text
    restore_button: Text
    empty: Text
    restored: Name
    added: Annotated[Text, placeholders("who", "what")]
    changed: Annotated[Text, placeholders("who", "what")]
    removed: Annotated[Text, placeholders("who", "what")]
    stakeholder: Name
    relation: Annotated[Text, placeholders("van", "naar")]
    removed_stakeholder: Text
    """Stands in for the name of a stakeholder that is no longer on the map."""
    batch: Annotated[Text, placeholders("who", "what")]
    both: Annotated[Text, placeholders("stakeholders", "relations")]


class ExportLabels(ContentModel):
    """The download buttons, one per format."""

    excel: Text
    csv: Text
    webpage: Text
    graphml: Text
    gexf: Text
    kumu: Text


class ExportPart(Part):
    buttons: ExportLabels
    document_title: Annotated[Text, placeholders("group")]
    file_name: Annotated[str, Field(pattern=r"^[a-z0-9-]+$")]
    """The start of a download's file name (before the group and the date): lower-case letters, digits and -."""
    failed: Text


class Dag2Exercises(ContentModel):
    entry: EntryPart
    network: NetworkPart
    grid: GridPart
    energy: EnergyPart
    insight: InsightPart
    history: HistoryPart
    export: ExportPart


class Dag2Content(ContentModel):
    """``exercises/dag2.yaml``: Dag 2, Think: de stakeholderkaart."""

    schema_version: Literal[1]
    day: Literal[2]
    phase: Phase
    title: Text
    intro: Text
    no_group: Text
    counts: Counts
    exercises: Dag2Exercises
    closing: str = ""
