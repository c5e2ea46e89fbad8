"""The schema of the ``plan`` part of ``exercises/dag4.yaml``: the actieplan (co-creatie)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from wijwerken_widgets.content.schema import ContentModel, Part, Text, TextField, placeholders


class ActionFields(ContentModel):
    """The inputs of one action."""

    wat: TextField
    waarom: TextField
    draden: Text
    """The label above the rode-draad checkboxes."""
    eigenaar: Text
    met_wie: TextField
    start: Text
    eind: Text
    nodig: TextField
    merkbaar: TextField
    morgen: Text
    """The "15 %" question as the label of its answer."""


class OwnerWords(ContentModel):
    """How each kind of owner reads in the owner list, the table and the files."""

    stakeholder: Annotated[Text, placeholders("naam")]
    deelnemer: Annotated[Text, placeholders("naam")]
    groep: Text
    niemand: Text


class ShareLabels(ContentModel):
    """The parts of the owner bar: actions owned by stakeholders, by participants, by the group, by nobody yet."""

    stakeholder: Text
    deelnemer: Text
    groep: Text
    niemand: Text


class PlanEditorTexts(ContentModel):
    """Choosing, adding, editing and removing actions."""

    choose_label: Text
    new_button: Text
    empty: Text
    """No action yet."""
    untitled: Annotated[Text, placeholders("nummer")]
    """An action without "wat" in lists ("Actie 3 (nog zonder naam)")."""
    fields: ActionFields
    owners: OwnerWords
    morgen_options: Annotated[list[Text], Field(min_length=4, max_length=4)]
    """Not answered yet, ja, nee, weet niet."""
    morgen_hint: Text
    """Markdown, shown when the answer is "nee"."""
    owner_in_months: Text
    """Under the owner of an action that already has a status update: its owner changes in the months after Dag 4,
    where taking over a stalled action is guarded."""
    no_themes: Text
    too_long: Annotated[Text, placeholders("veld", "maximum")]
    too_many: Annotated[Text, placeholders("maximum")]
    dates_reversed: Text
    remove_button: Text
    confirm_remove: Text
    removed: Annotated[Text, placeholders("naam")]
    quotes_summary: Annotated[Text, placeholders("thema", "aantal")]
    quotes_none: Text
    quote_source: Annotated[Text, placeholders("naam", "soort")]


class PlanCheckTexts(ContentModel):
    """Wij-Werken checks: coaching, not grading."""

    title: Text
    intro: Text
    empty: Text
    share_title: Annotated[Text, placeholders("aantal")]
    share_labels: ShareLabels
    share_line: Annotated[Text, placeholders("wie", "aantal", "procent")]
    carrier_warning: Text
    """Markdown: every owned action is owned by participants ("Wie draagt dit straks?")."""
    stakeholders_good: Text
    no_owner: Annotated[Text, placeholders("naam")]
    no_dates: Annotated[Text, placeholders("naam")]
    thread_without_action: Annotated[Text, placeholders("thema")]
    all_threads_covered: Text
    tomorrow_title: Text
    tomorrow_line: Annotated[Text, placeholders("naam", "antwoord")]
    tomorrow_hint: Annotated[Text, placeholders("naam")]


class PlanViewTexts(ContentModel):
    """The table, the timeline and the downloads."""

    table_title: Text
    table_caption: Annotated[Text, placeholders("aantal")]
    columns: Annotated[list[Text], Field(min_length=11, max_length=11)]
    """Actie, waarom, rode draden, eigenaar, soort eigenaar, met wie, start, eind, nodig, merkbaar, morgen beginnen."""
    owner_kinds: ShareLabels
    """The column "soort eigenaar" (one action's owner: a stakeholder, a participant …)."""
    timeline_title: Text
    timeline_label: Annotated[Text, placeholders("aantal")]
    """The picture's name for screen readers."""
    bar_title: Annotated[Text, placeholders("naam", "wie", "van", "tot")]
    undated_title: Text
    undated_none: Text
    timeline_empty: Text
    downloads_title: Text
    csv_button: Text
    excel_button: Text
    file_name: Text
    sheet_name: Annotated[Text, Field(max_length=31)]
    download_label: Annotated[Text, placeholders("bestand")]
    failed: Text


class ShareChoiceTexts(ContentModel):
    """The group's choice to share its rode draden and actions for kruisbestuiving (``plan_share.py``)."""

    title: Text
    explanation: Text
    """Markdown: what is shared (and what never: names of people and stakeholders, quotes)."""
    label: Text
    on: Text
    off: Text
    on_saved: Text
    off_saved: Text
    changed_by: Annotated[Text, placeholders("naam", "tijd", "stand")]


class PlanPart(Part):
    prompts: Text
    """Markdown: the facilitator's prompts ("Wat ga jij eraan doen? Wat kan jij bijdragen?")."""
    guard: Text
    """Markdown: the participants facilitate; the plan belongs to the stakeholders and the group."""
    editor: PlanEditorTexts
    checks: PlanCheckTexts
    views: PlanViewTexts
    share: ShareChoiceTexts
