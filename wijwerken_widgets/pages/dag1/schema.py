"""The schema (pydantic) of ``exercises/dag1.yaml`` (Dag 1, Look: het vraagstuk)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator

from wijwerken_widgets.content.schema import (
    ContentModel,
    Improvement,
    Part,
    Phase,
    PilotExample,
    Text,
    TextField,
    VraagstukKind,
    placeholders,
)


class VraagstukOption(ContentModel):
    label: Text
    description: Text
    examples: list[Text] = []
    placeholder: str = ""
    """The grey example in the empty description box while this vraagstuk is chosen (else the box's own)."""


class VraagstukChoice(Part):
    """Exercise 1: choose between "van buiten naar binnen" and "de interne vraag", then describe it."""

    options: dict[VraagstukKind, VraagstukOption]
    choice_label: Text
    description: TextField
    prefilled_note: Text


class ProblemStatementFields(ContentModel):
    probleem: TextField
    doel: TextField
    hoofdvraag: TextField


class ProblemStatementPlaceholders(ContentModel):
    """Grey examples for one kind of vraagstuk; a field left out keeps its own."""

    probleem: str = ""
    doel: str = ""
    hoofdvraag: str = ""


class ProblemStatement(Part):
    """Exercise 2: probleem, doel and hoofdvraag, with live coaching."""

    fields: ProblemStatementFields
    placeholders: dict[VraagstukKind, ProblemStatementPlaceholders] = {}
    """The grey examples while that kind of vraagstuk is chosen in exercise 1 (else each field's own)."""
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


class AssumptionPlaceholders(ContentModel):
    """Grey examples for one kind of vraagstuk; a column left out keeps its own."""

    assumption: str = ""
    how: str = ""
    with_whom: str = ""


class Assumptions(Part):
    """Exercise 3: what you assume, and how and with whom you will check each assumption."""

    columns: AssumptionColumns
    placeholders: dict[VraagstukKind, AssumptionPlaceholders] = {}
    """The grey examples while that kind of vraagstuk is chosen in exercise 1 (else each column's own)."""
    add_button: Text
    remove_button: Text
    remove_confirm: Text
    """The remove button's text after its first click (the second click removes)."""
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
    remove_confirm: Text
    """The remove button's text after its first click (the second click removes)."""
    empty_text: Text
    examples_title: Text
    examples: list[PerspectiveExample] = []


class RealProblemPlaceholders(ContentModel):
    """Grey examples for one kind of vraagstuk; a field left out keeps its own."""

    start: str = ""
    """Vijf keer waarom: the problem as I see it now."""
    oorzaak: str = ""
    """Vijf keer waarom: the underlying cause."""
    oorzaken: str = ""
    probleem: str = ""
    gevolgen: str = ""
    """The problem tree."""
    who: str = ""
    definition: str = ""
    """A perspective."""
    reflectie: str = ""


class RealProblem(Part):
    """Exercise 4: "Is het probleem wel het echte probleem?"."""

    why_chain: WhyChain
    problem_tree: ProblemTree
    perspectives: Perspectives
    reflection: TextField
    placeholders: dict[VraagstukKind, RealProblemPlaceholders] = {}
    """The grey examples while that kind of vraagstuk is chosen in exercise 1 (else each field's own)."""


class SummaryLabels(ContentModel):
    vraagstuk: Text
    description: Text
    probleem: Text
    doel: Text
    hoofdvraag: Text
    assumptions: Text
    underlying: Text
    perspectives: Text


class SummaryCard(Part):
    """Exercise 5: the participant's vraagstuk on one card, the starting point of the next days."""

    labels: SummaryLabels
    missing: Text  # shown where something is not filled in yet
    refresh_button: Text
    """Redraws the card (after a change in another tab)."""
    document_title: Text
    """Heading of the downloaded card (a web page that prints on one A4)."""
    made_by: Annotated[Text, placeholders("naam", "datum")]
    file_name: Annotated[str, Field(pattern=r"^[a-z0-9-]+$")]
    """The start of the download's file name (before the date): lower-case letters, digits and -."""
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
