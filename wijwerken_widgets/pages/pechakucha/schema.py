"""The schema (pydantic) of ``exercises/pechakucha.yaml``: the pecha kucha page, the proposed slides' wording, the
editor, the file and the words inside the slideshow file.

A text marked with ``placeholders(...)`` (``content.schema``) is one the workbook fills in: only the placeholders it
names may appear.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from wijwerken_widgets.content.schema import ContentModel, Part, Text, TextField, placeholders

FILLED = ("titel", "tekst", "naam", "wat", "aantal", "soorten", "intern", "extern", "trekkers", "steunend",
          "weerstand", "status", "notitie", "wie", "thema", "klaar", "op_schema", "hapert", "gestopt", "vraag")
"""What the workbook fills in the texts of a proposed slide (each kind uses some of them; see ``proposals.py``)."""


class Kind(ContentModel):
    """How one kind of proposed slide reads: its title, its text where the workbook writes one, its suggested alt
    text, and where it comes from (shown in the editor)."""

    titel: Annotated[Text, placeholders(*FILLED)]
    tekst: Annotated[str, placeholders(*FILLED)] = ""
    alt: Annotated[Text, placeholders(*FILLED)]
    bron: Text


class ProposalTexts(ContentModel):
    """Every kind of proposed slide (``proposals.py``), in the order of the story."""

    vraagstuk: Kind
    probleem: Kind
    doel: Kind
    hoofdvraag: Kind
    kaart: Kind
    """``{aantal}`` stakeholders, ``{soorten}`` how many of each kind."""
    posities: Kind
    energie: Kind
    gesprekken: Kind
    draad: Kind
    citaat: Kind
    reactie: Kind
    actie: Kind
    status: Kind
    stand: Kind
    logboek: Kind
    statuses: dict[str, Text]
    """How each status of an action is called (``op_schema``, ``hapert``, ``klaar``, ``gestopt``)."""
    recognition: dict[str, Text]
    """What the people involved answered when a rode draad was given back (``herkennen``, ``deels``, ``niet``)."""
    counted: Annotated[Text, placeholders("aantal", "wie")]
    """One count in a list: "{wie} ({aantal})" gives "Inwoner (4)"."""
    joiner: Text
    """Between the counts of a list (", ")."""


class Anonymity(ContentModel):
    """How quotes and names are shown, as in terugleggen on Dag 4 (``shared/act/anonymise.py``); keep it the same
    as ``dag4.yaml``'s ``feedback.anonymity`` and ``common.soorten``."""

    threshold: Annotated[int, Field(ge=2, le=20)]
    somebody: Text
    colleague: Text
    in_text: Annotated[Text, placeholders("wie")]
    not_names: list[str] = []
    soorten: dict[str, Text]


class EditorPart(Part):
    """Picking, ordering and editing the 20 slides."""

    proposals_title: Text
    proposals_hint: Text
    """Markdown: only what may be shown; privé stays out; type your own slide for anything else."""
    no_proposals: Text
    pick_label: Annotated[Text, placeholders("titel", "begin", "bron")]
    pick_first_button: Text
    own_button: Text
    count: Annotated[Text, placeholders("aantal", "totaal")]
    full: Annotated[Text, placeholders("totaal")]
    deck_title: Text
    deck_empty: Text
    slide_heading: Annotated[Text, placeholders("nummer", "totaal", "bron")]
    own_source: Text
    titel: TextField
    tekst: TextField
    alt: TextField
    up_button: Annotated[Text, placeholders("nummer")]
    down_button: Annotated[Text, placeholders("nummer")]
    remove_button: Annotated[Text, placeholders("nummer")]
    clipped: Annotated[Text, placeholders("veld", "maximum")]


class FilePart(Part):
    """Making the one HTML file."""

    make_button: Text
    missing: Annotated[Text, placeholders("aantal")]
    too_many: Annotated[Text, placeholders("aantal")]
    missing_alt: Annotated[Text, placeholders("dias")]
    and_word: Text
    """Between the last two slide numbers of a list ("3, 5 en 7")."""
    empty: Annotated[Text, placeholders("dias")]
    ready: Text
    link: Annotated[Text, placeholders("bestand")]
    failed: Text
    file_name: Text
    document_title: Annotated[Text, placeholders("naam")]


class ShowTexts(ContentModel):
    """The words inside the slideshow file."""

    controls_label: Text
    pause: Text
    play: Text
    previous: Text
    next: Text
    rehearse: Text
    stop_rehearsing: Text
    counter: Annotated[Text, placeholders("nummer", "totaal")]
    left: Annotated[Text, placeholders("seconden")]
    spent: Annotated[Text, placeholders("seconden")]
    overrun: Annotated[Text, placeholders("seconden", "over")]
    paused: Text
    keys_help: Text
    end: Text
    summary_title: Text
    summary_slide: Text
    summary_name: Text
    summary_time: Text
    summary_verdict: Text
    on_time: Text
    too_long: Annotated[Text, placeholders("over")]
    summary_total: Annotated[Text, placeholders("aantal", "totaal")]
    description: Text
    """What precedes the alt text of a slide for a screen reader ("Beschrijving:")."""
    handout_title: Text


class Limits(ContentModel):
    """How many characters a slide's title, text and alt text may hold."""

    titel: Annotated[int, Field(ge=10, le=2000)]
    tekst: Annotated[int, Field(ge=10, le=2000)]
    alt: Annotated[int, Field(ge=10, le=2000)]


class Exercises(ContentModel):
    editor: EditorPart
    download: FilePart


class PechakuchaContent(ContentModel):
    """``exercises/pechakucha.yaml``: the pecha kucha page."""

    schema_version: Literal[1]
    title: Text
    intro: Text
    seconds: Annotated[int, Field(ge=5, le=120)]
    """How long each slide is shown (20 in a pecha kucha)."""
    slides: Annotated[int, Field(ge=2, le=40)]
    """How many slides the file holds (20 in a pecha kucha)."""
    limits: Limits
    proposals: ProposalTexts
    anonymity: Anonymity
    exercises: Exercises
    show: ShowTexts
    closing: str = ""
