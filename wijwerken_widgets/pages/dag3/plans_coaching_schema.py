"""The schema (pydantic) of ``exercises/vraagcoaching.yaml``: coaching of conversation questions (Dag 3).

Loaded through ``content.load_file`` by ``question_coaching.py``; like every content model, unknown keys are errors
so a trainer's typo is reported with file, line and field.
"""

from __future__ import annotations

import re
import string
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

from wijwerken_widgets.content.schema import ContentModel, Message, Text
from wijwerken_widgets.shared.stakeholders.model import ENERGIE, SOORTEN

SoortKey = Literal[tuple(SOORTEN)]  # type: ignore[valid-type]
EnergieKey = Literal[tuple(ENERGIE)]  # type: ignore[valid-type]
Address = Literal["u", "je"]
"""How a question addresses the other: "u" (formal) or "je" (informal)."""

TOPIC_PLACEHOLDER = "onderwerp"


def _has_a_word(signal: str) -> str:
    if not re.search(r"\w", signal):
        raise ValueError(f"{signal!r} contains no letters or digits, so it can never match")
    return signal


def _only_topic_placeholder(template: str) -> str:
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        names = {"?"}
    if names - {TOPIC_PLACEHOLDER}:
        raise ValueError(f'only "{{{TOPIC_PLACEHOLDER}}}" (the topic) may appear between curly braces')
    return template


Signal = Annotated[Text, AfterValidator(_has_a_word)]
Signals = Annotated[list[Signal], Field(min_length=1)]
Template = Annotated[Text, AfterValidator(_only_topic_placeholder)]
"""A suggested question; ``{onderwerp}`` is replaced by a short topic phrase."""
Templates = Annotated[list[Template], Field(min_length=1)]


class QuestionWords(ContentModel):
    """Word lists. A phrase matches whole words; ``*`` ends a word prefix; ``…`` stands for a few words."""

    filler_words: Signals
    open_question_words: Signals
    open_phrases: Signals
    why_words: Signals
    closed_question_starters: Signals
    condition_words: Signals
    leading_phrases: Signals
    leading_tags: Signals
    solution_signals: Signals


class QuestionLimits(ContentModel):
    question_word_window: Annotated[int, Field(ge=1)] = 3
    gap_words: Annotated[int, Field(ge=0)] = 3


class QuestionMessages(ContentModel):
    """The Dutch message of every rule. ``{signaal}``: the words found; in ``jargon.example``: ``{alternatieven}``."""

    open_question: Message
    closed_question: Message
    leading_question: Message
    why_question: Message
    not_open: Message
    multiple_questions: Message
    contains_solution: Message
    jargon: Message


class Topic(ContentModel):
    """A short topic phrase for ``{onderwerp}``, used when the hoofdvraag or vraagstuk contains one of ``signals``."""

    signals: Signals
    topic: Text


class AddressedTemplates(ContentModel):
    """The same kind of question for "u" and for "je"."""

    u: Templates
    je: Templates


class AddressedTemplate(ContentModel):
    u: Template
    je: Template


class SuggestionCounts(ContentModel):
    """How many questions to take from each part; with the closing question that makes 5 to 7 suggestions."""

    openers: Annotated[int, Field(ge=0)] = 2
    soort: Annotated[int, Field(ge=0)] = 2
    energie: Annotated[int, Field(ge=0)] = 2

    @model_validator(mode="after")
    def _five_to_seven(self) -> SuggestionCounts:
        if not 5 <= self.openers + self.soort + self.energie + 1 <= 7:
            raise ValueError("openers + soort + energie (+ 1 closing question) must make 5 to 7 questions")
        return self


class Suggestions(ContentModel):
    """Question templates by stakeholder soort and by energie_nu, plus general openers and a closing question."""

    generic_topic: Text
    topics: list[Topic] = Field(default_factory=list)
    counts: SuggestionCounts = SuggestionCounts()
    address: dict[SoortKey, Address]
    openers: AddressedTemplates
    by_soort: dict[SoortKey, Templates]
    by_energie: dict[EnergieKey, AddressedTemplates]
    closing: AddressedTemplate

    @field_validator("address", "by_soort")
    @classmethod
    def _every_soort(cls, value: dict[str, object]) -> dict[str, object]:
        if missing := [key for key in SOORTEN if key not in value]:
            raise ValueError(f"missing soort: {', '.join(missing)}")
        return value

    @field_validator("by_energie")
    @classmethod
    def _every_energie(cls, value: dict[str, object]) -> dict[str, object]:
        if missing := [key for key in ENERGIE if key not in value]:
            raise ValueError(f"missing energie: {', '.join(missing)}")
        return value

    @model_validator(mode="after")
    def _enough_templates(self) -> Suggestions:
        short = [
            f"openers.{form}"
            for form in ("u", "je")
            if len(getattr(self.openers, form)) < self.counts.openers
        ]
        short += [f"by_soort.{key}" for key, items in self.by_soort.items() if len(items) < self.counts.soort]
        short += [
            f"by_energie.{key}.{form}"
            for key, items in self.by_energie.items()
            for form in ("u", "je")
            if len(getattr(items, form)) < self.counts.energie
        ]
        if short:
            raise ValueError(f"fewer questions than counts asks for in: {', '.join(short)}")
        return self


class QuestionCoaching(ContentModel):
    """``exercises/vraagcoaching.yaml``: rules and messages for conversation questions, and question templates."""

    schema_version: Literal[1]
    words: QuestionWords
    jargon: Annotated[dict[Signal, Text], Field(min_length=1)]
    limits: QuestionLimits = QuestionLimits()
    messages: QuestionMessages
    suggestions: Suggestions
