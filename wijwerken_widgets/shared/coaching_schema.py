"""The schema (pydantic) of ``exercises/coaching.yaml``: word lists, limits and messages of the hoofdvraag coaching."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, field_validator

from wijwerken_widgets.content.schema import ContentModel, Message, Text

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
