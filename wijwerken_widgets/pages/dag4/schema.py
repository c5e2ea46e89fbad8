"""The schema (pydantic) of ``exercises/dag4.yaml`` (Dag 4, Act: rode draden, terugleggen, actieplan); loaded by
``content.loader``. Every text a participant reads on Dag 4 is here, down to button labels, badge thresholds and
the facilitator's prompts. The parts of terugleggen and the actieplan have their own modules
(``feedback_schema.py``, ``plan_schema.py``).

A text marked with ``placeholders(...)`` (``content.schema``) is one the workbook fills in (``{naam}``, ``{aantal}``
…): only the placeholders it names may appear.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from wijwerken_widgets.content.schema import ContentModel, Part, Phase, Text, TextField, placeholders
from wijwerken_widgets.pages.dag4.feedback_schema import FeedbackPart
from wijwerken_widgets.pages.dag4.plan_schema import PlanPart


class Common(ContentModel):
    """Words several parts of the page use."""

    refresh_button: Text
    """Reads the Dag 3 conversations and the Dag 2 map again."""
    unknown_stakeholder: Text
    nobody: Text
    """Who held a conversation nobody took on."""
    soorten: dict[str, Text]
    """How each stakeholder soort of the map is called in a sentence ("een inwoner"); keys as on the map."""
    posities: dict[str, Text]


class PhaseTexts(ContentModel):
    """Silent first, then together."""

    silent_title: Text
    silent_text: Text
    """Markdown: what the silent phase is and why."""
    done_button: Text
    not_done_button: Text
    done_count: Annotated[Text, placeholders("klaar", "totaal")]
    reveal_button: Text
    reveal_confirm: Text
    together_title: Text
    together_text: Text
    """Markdown: the prompts for the discussion after the reveal."""


class ThemeEditorTexts(ContentModel):
    """Making, renaming, merging, splitting and removing themes."""

    choose_label: Text
    new_theme: Text
    naam: TextField
    wel: TextField
    niet: TextField
    save_button: Text
    saved: Annotated[Text, placeholders("naam")]
    name_empty: Text
    name_too_long: Annotated[Text, placeholders("maximum")]
    name_twice: Annotated[Text, placeholders("naam")]
    too_many: Annotated[Text, placeholders("maximum")]
    merge_label: Text
    merge_button: Text
    merge_choose: Text
    merged: Annotated[Text, placeholders("van", "naar")]
    split_button: Text
    split_help: Text
    """What splitting does: a new theme, and the quotes ticked below move to it."""
    split_name: Annotated[Text, placeholders("naam")]
    split_none: Text
    split_done: Annotated[Text, placeholders("naam", "aantal")]
    remove_button: Text
    confirm_remove: Text
    removed: Annotated[Text, placeholders("naam")]
    changed_meanwhile: Annotated[Text, placeholders("wie")]


class QuoteTexts(ContentModel):
    """The quote list and assigning themes to one quote."""

    filter_label: Text
    filter_all: Text
    filter_open: Text
    filter_conversation: Annotated[Text, placeholders("naam")]
    quote_label: Text
    count: Annotated[Text, placeholders("nummer", "totaal")]
    previous_button: Text
    next_button: Text
    none: Text
    """No quote to analyse yet (none with consent)."""
    none_silent: Text
    """In the silent phase: none of one's own conversations has a quote with consent."""
    none_in_filter: Text
    no_themes: Text
    link_options: Annotated[list[Text], Field(min_length=3, max_length=3)]
    """Per theme: not linked, supports it, tegengeluid."""
    source: Annotated[Text, placeholders("naam", "soort", "positie", "wie")]
    show_conversation: Text
    conversation_title: Annotated[Text, placeholders("naam")]
    report_fields: dict[str, Text]
    """The headings of a report's parts (``notities``, ``energie``, ``verrassingen``, ``vervolg``)."""
    stakeholder_line: Annotated[Text, placeholders("soort", "positie", "energie")]
    linked: Annotated[Text, placeholders("thema")]
    unlinked: Annotated[Text, placeholders("thema")]
    list_title: Text
    list_themes: Text
    list_no_theme: Text
    contradicts: Text
    """Marks a theme as tegengeluid in the list ("tegengeluid")."""


class Badge(ContentModel):
    label: Text
    uitleg: Text


class Badges(ContentModel):
    dun: Badge
    opkomend: Badge
    breed: Badge
    leeg: Badge


class EvidenceTexts(ContentModel):
    """Evidence, not loudness."""

    title: Text
    intro: Text
    columns: Annotated[list[Text], Field(min_length=7, max_length=7)]
    """Thema, gesprekken, soorten stakeholders, gespreksvoerders, citaten, tegengeluid, sterkte."""
    badges: Badges
    help_title: Text
    help: Text
    """Markdown: why one loud voice is not a rode draad."""
    breed_gesprekken: Annotated[int, Field(ge=2, le=20)]
    """From how many distinct conversations a theme is "breed gedragen" …"""
    breed_soorten: Annotated[int, Field(ge=1, le=9)]
    """… and from how many kinds of stakeholders."""
    quotes_title: Text
    quotes_choose: Text
    quotes_none: Text
    quote_source: Annotated[Text, placeholders("naam", "soort")]


class GapTexts(ContentModel):
    """Who have we not heard?"""

    title: Text
    intro: Text
    corner: Text
    not_heard: Text
    cell: Annotated[Text, placeholders("aantal")]
    cell_one: Text
    unheard_title: Text
    unheard_none: Text
    unheard_item: Annotated[Text, placeholders("naam", "soort")]
    map_link: Text
    plan_link: Text
    saturation_title: Text
    saturation_line: Annotated[Text, placeholders("nummer", "aantal")]
    saturated: Text
    not_saturated: Text
    saturation_empty: Text


class HistoryTexts(ContentModel):
    title: Text
    intro: Text
    empty: Text
    choose_label: Text
    undo_button: Text
    undone: Text
    undo_stale: Annotated[Text, placeholders("wie")]
    entry: Annotated[Text, placeholders("tijd", "wie", "wat")]
    what: dict[str, Text]
    """How each change is described ("thema", "hernoemd", "koppeling", …; see ``shared/act/history.py``)."""


class ThemesPart(Part):
    no_group: Text
    phase: PhaseTexts
    editor: ThemeEditorTexts
    quotes: QuoteTexts
    evidence: EvidenceTexts
    gaps: GapTexts
    history: HistoryTexts


class VotePart(Part):
    budget: Annotated[int, Field(ge=1, le=20)]
    """How many dots each member may give."""
    minimum: Annotated[int, Field(ge=1, le=10)]
    maximum: Annotated[int, Field(ge=1, le=10)]
    """How many rode draden the group chooses to give back."""
    dots_label: Annotated[Text, placeholders("thema")]
    left: Annotated[Text, placeholders("aantal", "totaal")]
    over_budget: Annotated[Text, placeholders("totaal")]
    no_themes: Text
    after_reveal: Text
    """In the silent phase: dots come after the group looked at everything together."""
    results_title: Text
    results_line: Annotated[Text, placeholders("thema", "stippen", "mensen")]
    voters: Annotated[Text, placeholders("aantal")]
    choose_title: Text
    choose_intro: Annotated[Text, placeholders("minimum", "maximum")]
    chosen_count: Annotated[Text, placeholders("aantal")]
    too_few: Annotated[Text, placeholders("minimum")]
    too_many: Annotated[Text, placeholders("maximum")]
    thin_warning: Annotated[Text, placeholders("thema")]

    @model_validator(mode="after")
    def _range(self) -> VotePart:
        if self.minimum > self.maximum:
            raise ValueError("minimum is more than maximum")
        return self


class TrainerPart(Part):
    no_groups: Text
    group_line: Annotated[Text, placeholders("groep", "themas", "gekozen", "citaten", "acties")]
    theme_line: Annotated[Text, placeholders("thema", "sterkte", "stippen")]
    chosen_mark: Text
    recognition: dict[str, Text]
    """How each answer of terugleggen is named here (``herkennen``, ``deels``, ``niet``)."""
    open_group: Annotated[Text, placeholders("groep")]
    phase: dict[str, Text]
    """How each phase of the analysis is named (``stil``, ``samen``)."""


class Dag4Exercises(ContentModel):
    themes: ThemesPart
    vote: VotePart
    feedback: FeedbackPart
    plan: PlanPart
    logbook: Part
    """Title and instruction of the logboek on this day; its texts are in ``logboek.yaml``."""
    trainer: TrainerPart


class Dag4Content(ContentModel):
    """``exercises/dag4.yaml``: Dag 4, Act: rode draden, terugleggen, actieplan."""

    schema_version: Literal[1]
    day: Literal[4]
    phase: Phase
    title: Text
    intro: Text
    no_group: Text
    common: Common
    exercises: Dag4Exercises
    closing: str = ""
