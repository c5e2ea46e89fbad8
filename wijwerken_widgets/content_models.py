"""The schema (pydantic) of the exercise content a trainer edits: ``start.yaml``, ``dag1.yaml``, ``coaching.yaml``.

Unknown keys are errors, so a typo is caught with file, line and field. Longer texts are Markdown. Pages do not
import this module: ``content.py`` loads the files, validating them here only when a file (or this schema) changed.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Text = Annotated[str, Field(min_length=1)]
"""Participant-facing text (plain or Markdown); never empty."""

Phase = Literal["Look", "Think", "Act"]
VraagstukKind = Literal["extern", "intern"]


class ContentModel(BaseModel):
    """Base for every content model: unknown keys are errors and loaded content is read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- shared pieces -----------------------------------------------------------------------------------------


class TextField(ContentModel):
    """One input box: its label, the grey example text inside it, and an optional help text (Markdown)."""

    label: Text
    placeholder: str = ""
    help: str = ""


class Section(ContentModel):
    """A titled block of Markdown."""

    title: Text
    text: Text


class PilotExample(ContentModel):
    """A worked example, with where it comes from (e.g. "Geïnspireerd op de pilot in Brielle")."""

    source: Text
    vraagstuk: VraagstukKind
    text: Text
    why: Text


class Improvement(ContentModel):
    """A weaker hoofdvraag, a better one, and why the second works better."""

    before: Text
    after: Text
    why: Text


# --- start page --------------------------------------------------------------------------------------------


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


class StartContent(ContentModel):
    """``exercises/start.yaml``: the welcome page."""

    schema_version: Literal[1]
    title: Text
    intro: Text
    wij_werken: Section
    look_think_act: LookThinkAct
    programme: Programme
    closing: str = ""


# --- Dag 1 -------------------------------------------------------------------------------------------------


class Exercise(ContentModel):
    """What every exercise has: a title and an instruction (Markdown)."""

    title: Text
    instruction: Text


class VraagstukOption(ContentModel):
    label: Text
    description: Text
    examples: list[Text] = []


class VraagstukChoice(Exercise):
    """Exercise 1: choose between "van buiten naar binnen" and "de interne vraag", then describe it."""

    options: dict[VraagstukKind, VraagstukOption]
    choice_label: Text
    description: TextField
    prefilled_note: Text


class ProblemStatementFields(ContentModel):
    probleem: TextField
    doel: TextField
    hoofdvraag: TextField


class ProblemStatement(Exercise):
    """Exercise 2: probleem, doel and hoofdvraag, with live coaching."""

    fields: ProblemStatementFields
    coaching_title: Text
    good_examples_title: Text
    good_examples: Annotated[list[PilotExample], Field(min_length=1)]
    improvements_title: Text
    improvements: Annotated[list[Improvement], Field(min_length=1)]


class AssumptionExample(ContentModel):
    assumption: Text
    how: Text
    with_whom: Text


class AssumptionColumns(ContentModel):
    assumption: TextField
    how: TextField
    with_whom: TextField


class Assumptions(Exercise):
    """Exercise 3: what you assume, and how and with whom you will check each assumption."""

    columns: AssumptionColumns
    add_button: Text
    remove_button: Text
    empty_text: Text
    examples_title: Text
    examples: list[AssumptionExample] = []


class WhyChain(ContentModel):
    """"Vijf keer waarom": ask why until you reach an underlying cause."""

    title: Text
    instruction: Text
    start: TextField
    steps: Annotated[int, Field(ge=1, le=10)] = 5
    step_label: Text  # may contain "{n}" for the step number
    step_placeholder: str = ""
    underlying: TextField
    example_title: Text
    example: Annotated[list[Text], Field(min_length=2)]  # first line: the problem; then each answer to "waarom?"

    @field_validator("step_label")
    @classmethod
    def _formats_with_n(cls, label: str) -> str:
        try:
            label.format(n=1)
        except (KeyError, IndexError, ValueError):
            raise ValueError('only "{n}" (the step number) may appear between curly braces') from None
        return label


class ProblemTree(ContentModel):
    """Oorzaken → probleem → gevolgen."""

    title: Text
    instruction: Text
    causes: TextField
    problem: TextField
    effects: TextField


class PerspectiveExample(ContentModel):
    who: Text
    definition: Text
    source: Text


class Perspectives(ContentModel):
    """Whose definition of the problem is this?"""

    title: Text
    instruction: Text
    who: TextField
    definition: TextField
    source_label: Text
    source_options: Annotated[list[Text], Field(min_length=2)]
    add_button: Text
    remove_button: Text
    empty_text: Text
    examples_title: Text
    examples: list[PerspectiveExample] = []


class RealProblem(Exercise):
    """Exercise 4: "Is het probleem wel het echte probleem?"."""

    why_chain: WhyChain
    problem_tree: ProblemTree
    perspectives: Perspectives
    reflection: TextField


class SummaryLabels(ContentModel):
    vraagstuk: Text
    description: Text
    probleem: Text
    doel: Text
    hoofdvraag: Text
    assumptions: Text
    underlying: Text
    perspectives: Text


class SummaryCard(Exercise):
    """Exercise 5: the participant's vraagstuk on one card, the starting point of the next days."""

    labels: SummaryLabels
    missing: Text  # shown where something is not filled in yet
    next_steps: Text


class Dag1Exercises(ContentModel):
    vraagstuk_choice: VraagstukChoice
    problem_statement: ProblemStatement
    assumptions: Assumptions
    real_problem: RealProblem
    summary_card: SummaryCard


class Dag1Content(ContentModel):
    """``exercises/dag1.yaml``: Dag 1, Look: het vraagstuk."""

    schema_version: Literal[1]
    day: Literal[1]
    phase: Phase
    title: Text
    intro: Text
    exercises: Dag1Exercises
    closing: str = ""


# --- coaching ----------------------------------------------------------------------------------------------


class Message(ContentModel):
    """A coaching message and an optional better example. ``{signaal}`` is replaced by the words found."""

    message: Text
    example: str | None = None


Signals = Annotated[list[Text], Field(min_length=1)]


class CoachingWords(ContentModel):
    """Word lists. A phrase matches whole words; ``*`` ends a word prefix; ``…`` stands for a few words."""

    question_words: Signals
    closed_question_starters: Signals
    solution_signals: Signals
    scope_signals: Signals
    together_signals: Signals
    people_words: Signals
    absence_signals: Signals
    change_signals: Signals
    vague_words: Signals
    time_signals: Signals

    @field_validator("*")
    @classmethod
    def _has_a_word(cls, signals: list[str]) -> list[str]:
        for signal in signals:
            if not re.search(r"\w", signal):
                raise ValueError(f"{signal!r} contains no letters or digits, so it can never match")
        return signals


class CoachingLimits(ContentModel):
    question_word_window: Annotated[int, Field(ge=1)] = 4
    gap_words: Annotated[int, Field(ge=0)] = 6
    hoofdvraag_min_words: Annotated[int, Field(ge=1)] = 5
    hoofdvraag_max_words: Annotated[int, Field(ge=1)] = 30
    too_big_min_signals: Annotated[int, Field(ge=1)] = 2
    probleem_min_words: Annotated[int, Field(ge=1)] = 8
    doel_min_words: Annotated[int, Field(ge=1)] = 6


class HoofdvraagMessages(ContentModel):
    empty: Message
    open_question: Message
    question_mark: Message
    closed_question: Message
    not_a_question: Message
    multiple_questions: Message
    no_solution: Message
    contains_solution: Message
    small_enough: Message
    scope_check: Message
    too_big: Message
    too_short: Message
    too_long: Message
    together: Message


class ProbleemMessages(ContentModel):
    empty: Message
    describes_situation: Message
    contains_solution: Message
    absence_as_problem: Message
    written_as_question: Message
    names_people: Message
    who_notices: Message
    too_short: Message


class DoelMessages(ContentModel):
    empty: Message
    concrete: Message
    make_concrete: Message
    vague: Message
    contains_solution: Message
    has_time: Message
    add_time: Message
    too_short: Message


class CoachingRules(ContentModel):
    """``exercises/coaching.yaml``: word lists, limits and the Dutch message of every coaching rule."""

    schema_version: Literal[1]
    words: CoachingWords
    limits: CoachingLimits = CoachingLimits()
    hoofdvraag: HoofdvraagMessages
    probleem: ProbleemMessages
    doel: DoelMessages


# --- loaders -----------------------------------------------------------------------------------------------
