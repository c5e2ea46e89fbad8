"""The schema (pydantic) of ``exercises/start.yaml``: welkom, Wij-Werken, Look – Think – Act, the programme and the
werkboek to download."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from wijwerken_widgets.content.schema import ContentModel, Phase, Section, Text, placeholders


class Step(ContentModel):
    """One of Look, Think, Act."""

    phase: Phase
    subtitle: Text
    text: Text


class LookThinkAct(ContentModel):
    title: Text
    intro: Text
    steps: Annotated[list[Step], Field(min_length=1)]


class DayItem(ContentModel):
    """A day (or later part) of the programme as listed on the start page."""

    label: Text  # "Dag 1", "Later"
    phase: Phase | None = None
    title: Text
    text: Text
    available: bool = False
    workbook: str | None = None  # notebook file name when available, e.g. "dag1.ipynb"


class Programme(ContentModel):
    title: Text
    intro: Text
    days: Annotated[list[DayItem], Field(min_length=1)]
    soon: Text
    """Beside a day whose page is not there yet."""


class MyProgramme(ContentModel):
    """The participant's own programme: the steps of the cohort's trajectory with their dates, today's first."""

    title: Annotated[Text, placeholders("traject")]
    today: Annotated[Text, placeholders("datum")]
    next: Annotated[Text, placeholders("datum")]
    all_done: Text
    no_dates: Text
    list_label: Text
    past: Text
    current: Text
    no_date: Text
    open_page: Annotated[Text, placeholders("pagina")]


class Sharing(ContentModel):
    """How the werkboek marks each sharing level of a logboek entry."""

    prive: Text
    trainer: Text
    groep: Text


class Werkboek(ContentModel):
    """The section "Je werkboek" and every heading and sentence of the downloaded werkboek."""

    title: Text
    instruction: Text
    button: Text
    busy: Text
    failed: Text
    html_link: Annotated[Text, placeholders("bestand")]
    markdown_link: Annotated[Text, placeholders("bestand")]
    print_hint: Text
    file_name: Text
    """The start of both file names (the date and the extension follow)."""
    document_title: Text
    made_for: Annotated[Text, placeholders("naam", "datum")]
    made_for_group: Annotated[Text, placeholders("naam", "groep", "datum")]
    contents: Text
    your_answers: Text
    from_group: Text
    empty_day: Text
    no_group: Text
    logbook_title: Text
    logbook_intro: Text
    empty_logbook: Text
    logbook_entry: Annotated[Text, placeholders("dag", "datum")]
    sharing: Sharing
    checked: Text
    unchecked: Text
    field_names: dict[str, Text] = {}
    """Dutch names of stored fields (``met_wie``: "Met wie"); a field not listed gets its own name, tidied."""


class Viewed(ContentModel):
    """Wie bekeek je werk?: the trainers' views and downloads of one's work, from the audit trail, on request."""

    title: Text
    instruction: Text
    button: Text
    nobody: Text
    caption: Text
    when: Text
    who: Text
    what_header: Text
    what: dict[str, Text]
    """``view_group``, ``view_cohort``, ``export_group``, ``export_cohort``, ``export_person``: how each line reads."""


class TrainerLink(ContentModel):
    """Only for trainers: the way to the trainer page "Tussen de dagen" (``trainer.ipynb``)."""

    title: Text
    text: Text
    """Markdown; links to ``trainer.ipynb``."""


class StartContent(ContentModel):
    """``exercises/start.yaml``: the welcome page."""

    schema_version: Literal[1]
    title: Text
    intro: Text
    wij_werken: Section
    look_think_act: LookThinkAct
    programme: Programme
    my_programme: MyProgramme
    closing: str = ""
    werkboek: Werkboek
    viewed: Viewed
    trainer: TrainerLink
