"""The schema (pydantic) of ``exercises/trainer.yaml``: the trainer page "Tussen de dagen"; loaded by
``content.loader``. Every text on the page is here, down to the five states' signs and words."""

from __future__ import annotations

from typing import Annotated, Literal

from wijwerken_widgets.content.schema import ContentModel, Part, Text, placeholders


class State(ContentModel):
    """How one state of an exercise is shown: a sign and a word (never colour alone)."""

    icon: Text
    label: Text


class States(ContentModel):
    niet_gestart: State
    bezig: State
    klaar: State
    gedeeld: State
    """A logboek entry of that day is shared with the trainer (or the group)."""
    nvt: State
    """The exercise is switched off for this municipality (the cohort setting ``uit``)."""


class MatrixPart(Part):
    caption: Annotated[Text, placeholders("cohort")]
    participant_header: Text
    group_header: Text
    no_group: Text
    expected_by: Annotated[Text, placeholders("datum")]
    no_date: Text
    now: Text
    now_line: Annotated[Text, placeholders("datum")]
    table_label: Text
    legend_title: Text
    rules: Text
    """Markdown: how the states are decided."""


class MissingPart(Part):
    exercise_label: Text
    names_label: Text
    mail_label: Text
    count: Annotated[Text, placeholders("aantal", "totaal", "oefening")]
    everyone: Annotated[Text, placeholders("oefening")]
    mail: Annotated[Text, placeholders("namen", "oefening", "dag", "trainer")]
    name_separator: Text


class FeedbackPart(Part):
    empty: Text
    entry_line: Annotated[Text, placeholders("naam", "groep", "dag", "datum")]


class GroupsPart(Part):
    no_groups: Text
    group_line: Annotated[Text, placeholders("groep", "acties", "klaar", "hapert", "stil", "interventies")]


class DownloadsPart(Part):
    progress_csv: Text
    progress_xlsx: Text
    answers_csv: Text
    answers_xlsx: Text
    failed: Text


class CohortPart(Part):
    cohort_label: Text
    add_title: Text
    name_label: Text
    group_label: Text
    role_label: Text
    add_button: Text
    added: Annotated[Text, placeholders("naam", "groep", "code")]
    reissue_title: Text
    person_label: Text
    reissue_button: Text
    reissue_confirm: Text
    reissued: Annotated[Text, placeholders("naam", "code")]
    shown_once: Text
    no_name: Text
    name_too_long: Annotated[Text, placeholders("max")]
    name_taken: Annotated[Text, placeholders("naam")]
    not_yours: Text
    too_many: Text


class ForgetPart(Part):
    cohort_label: Text
    name_label: Text
    search_button: Text
    remove_button: Text
    remove_confirm: Text
    found: Annotated[Text, placeholders("naam")]
    not_found: Annotated[Text, placeholders("naam")]
    use_line: Annotated[Text, placeholders("wat", "aantal", "versies")]
    answers_label: Annotated[Text, placeholders("pagina")]
    logbook_label: Text
    no_group: Text
    private_note: Text
    """Said with every search: privé logboek entries are never counted, but a removal reaches them too."""
    private_note_hub: Text
    """Instead, under JupyterHub (the trainer's own database role): a removal does not reach privé entries."""
    removed: Annotated[Text, placeholders("naam", "vervanging")]
    bad_name: Annotated[Text, placeholders("min", "max")]
    not_yours: Text


class Exercises(ContentModel):
    matrix: MatrixPart
    missing: MissingPart
    feedback: FeedbackPart
    groups: GroupsPart
    downloads: DownloadsPart
    cohort: CohortPart
    forget: ForgetPart


class TrainerContent(ContentModel):
    """``exercises/trainer.yaml``."""

    schema_version: Literal[1]
    title: Text
    intro: Text
    refused: Text
    refresh_button: Text
    no_cohort: Text
    no_participants: Text
    logbook_column: Text
    states: States
    exercises: Exercises
