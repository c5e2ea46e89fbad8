"""Coaching for probleem, doel and hoofdvraag: explainable rules that give Dutch feedback while a participant types.

Pure functions, no widgets. Every rule has a stable id (``Feedback.rule``); the word lists, limits and messages
come from ``exercises/coaching.yaml`` so a trainer can tune them. Feedback helps rather than grades: a rule that
is met says what is good ("goed"), a rule that is not met explains why it matters and offers an example ("tip").
Text is compared case- and accent-insensitively, on whole words, ignoring punctuation and extra spaces.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from wijwerken_widgets.content import loader

if TYPE_CHECKING:
    from wijwerken_widgets.content.schema import Message
    from wijwerken_widgets.shared.coaching_schema import CoachingRules

__all__ = ["Feedback", "coach_hoofdvraag", "coach_probleem", "coach_doel"]

FeedbackKind = Literal["goed", "tip"]

_WORD = r"[\w'-]"
_TOKEN = re.compile(rf"{_WORD}+")
_GAP = re.compile(r"\s*(?:…|\.\.\.)\s*")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_ENDS_WITH_QUESTION_MARK = re.compile(r"\?[\s\"'”’»)\]]*$")
_MAX_LABEL_WORDS = 3


FILE = "coaching.yaml"
SCHEMA = "wijwerken_widgets.shared.coaching_schema:CoachingRules"


def load_rules(directory: str | Path | None = None) -> CoachingRules:
    """The coaching word lists and messages (``exercises/coaching.yaml``); raises ContentError."""
    return loader.load(FILE, SCHEMA, directory)


@dataclass(frozen=True)
class Feedback:
    """One piece of coaching: ``rule`` is a stable id, ``kind`` is "goed" or "tip", texts are Dutch."""

    rule: str
    kind: FeedbackKind
    message: str
    example: str | None = None


@dataclass(frozen=True)
class _Words:
    """A text reduced to its words: ``folded`` (lowercase, no accents) to match, ``shown`` to quote back."""

    folded: str
    shown: str
    count: int

    @classmethod
    def of(cls, text: str) -> _Words:
        shown = unicodedata.normalize("NFC", text).translate(_QUOTES).lower()
        folded = "".join(_base_letter(char) for char in shown)  # same length as ``shown``
        spans = [_trim(match.span(), folded) for match in _TOKEN.finditer(folded)]
        spans = [(start, end) for start, end in spans if start < end]
        return cls(
            folded=" ".join(folded[start:end] for start, end in spans),
            shown=" ".join(shown[start:end] for start, end in spans),
            count=len(spans),
        )

    def first(self, n: int) -> _Words:
        """Only the first ``n`` words."""
        return _Words(" ".join(self.folded.split(" ")[:n]), " ".join(self.shown.split(" ")[:n]), min(n, self.count))

    def find(self, signals: Sequence[str], gap_words: int) -> list[str]:
        """Every occurrence of any signal, in text order, as written (lowercase).

        Where matches overlap, the signal listed first wins, so each word counts once.
        """
        spans: list[tuple[int, int]] = []
        for signal in signals:
            if (pattern := _signal_pattern(signal, gap_words)) is not None:
                for start, end in (m.span() for m in pattern.finditer(self.folded)):
                    if all(end <= taken_start or start >= taken_end for taken_start, taken_end in spans):
                        spans.append((start, end))
        return [self.shown[start:end] for start, end in sorted(spans)]


def _base_letter(char: str) -> str:
    """``é`` → ``e``: the first code point of the canonical decomposition (keeps string length)."""
    return unicodedata.normalize("NFD", char)[:1] or char


def _trim(span: tuple[int, int], text: str) -> tuple[int, int]:
    """Drop quotes and hyphens around a word ("'alle'" → "alle")."""
    start, end = span
    while start < end and text[start] in "'-":
        start += 1
    while end > start and text[end - 1] in "'-":
        end -= 1
    return start, end


@functools.cache
def _signal_pattern(signal: str, gap_words: int) -> re.Pattern[str] | None:
    """Regex over a word string: whole words, ``word*`` for a prefix, ``…`` for up to ``gap_words`` words."""
    parts = []
    for part in _GAP.split(signal.strip()):
        words = []
        for raw in part.split():
            prefix = raw.endswith("*")
            folded = _Words.of(raw.rstrip("*")).folded
            if folded:
                words.append(re.escape(folded) + (rf"{_WORD}*" if prefix else ""))
        if words:
            parts.append(" ".join(words))
    if not parts:
        return None
    gap = rf" (?:{_WORD}+ ){{0,{gap_words}}}"
    return re.compile(rf"(?<!{_WORD})" + gap.join(parts) + rf"(?!{_WORD})")


def _strip_label(text: str) -> str:
    """"Hoofdvraag: Hoe …" → "Hoe …": drop a short label before a colon (to find how a question starts)."""
    label, colon, rest = text.partition(":")
    if colon and rest.strip() and _Words.of(label).count <= _MAX_LABEL_WORDS:
        return rest
    return text


def _feedback(rule: str, kind: FeedbackKind, message: Message, found: Sequence[str] = ()) -> Feedback:
    signal = '", "'.join(dict.fromkeys(found))
    example = " ".join(message.example.split()) if message.example else None
    return Feedback(rule, kind, " ".join(message.message.split()).replace("{signaal}", signal), example)


def coach_hoofdvraag(text: str, rules: CoachingRules | None = None) -> list[Feedback]:
    """Feedback on a hoofdvraag: open question, no solution yet, small enough ("laaghangend fruit").

    Rule ids, in the order they are returned: empty (only feedback when there is no text); open_question +
    question_mark | closed_question | not_a_question; multiple_questions; no_solution | contains_solution;
    too_short; too_big | scope_check; too_long; small_enough; together.
    """
    rules = rules or load_rules()
    say, words, limits = rules.hoofdvraag, rules.words, rules.limits
    text = text or ""
    view = _Words.of(text)
    if view.count == 0:
        return [_feedback("empty", "tip", say.empty)]

    out: list[Feedback] = []
    question = _Words.of(_strip_label(text))
    if question.first(1).find(words.closed_question_starters, 0):
        out.append(_feedback("closed_question", "tip", say.closed_question))
    elif question.first(limits.question_word_window).find(words.question_words, limits.gap_words):
        out.append(_feedback("open_question", "goed", say.open_question))
        if not _ENDS_WITH_QUESTION_MARK.search(text):
            out.append(_feedback("question_mark", "tip", say.question_mark))
    else:
        out.append(_feedback("not_a_question", "tip", say.not_a_question))
    if text.count("?") > 1:
        out.append(_feedback("multiple_questions", "tip", say.multiple_questions))

    if solutions := view.find(words.solution_signals, limits.gap_words):
        out.append(_feedback("contains_solution", "tip", say.contains_solution, solutions))
    else:
        out.append(_feedback("no_solution", "goed", say.no_solution))

    scope = view.find(words.scope_signals, limits.gap_words)
    too_short = view.count < limits.hoofdvraag_min_words
    too_long = view.count > limits.hoofdvraag_max_words
    if too_short:
        out.append(_feedback("too_short", "tip", say.too_short))
    if len(scope) >= limits.too_big_min_signals:
        out.append(_feedback("too_big", "tip", say.too_big, scope))
    elif scope:
        out.append(_feedback("scope_check", "tip", say.scope_check, scope))
    if too_long:
        out.append(_feedback("too_long", "tip", say.too_long))
    if not (scope or too_short or too_long):
        out.append(_feedback("small_enough", "goed", say.small_enough))

    if view.find(words.together_signals, limits.gap_words):
        out.append(_feedback("together", "goed", say.together))
    return out


def coach_probleem(text: str, rules: CoachingRules | None = None) -> list[Feedback]:
    """Feedback on a problem description: a situation (not a solution), for whom it is a problem.

    Rule ids: empty; too_short (alone, while the text is still short); written_as_question;
    contains_solution | absence_as_problem | describes_situation (not for a question); names_people | who_notices.
    """
    rules = rules or load_rules()
    say, words, limits = rules.probleem, rules.words, rules.limits
    text = text or ""
    view = _Words.of(text)
    if view.count == 0:
        return [_feedback("empty", "tip", say.empty)]
    if view.count < limits.probleem_min_words:
        return [_feedback("too_short", "tip", say.too_short)]

    out: list[Feedback] = []
    is_question = bool(_ENDS_WITH_QUESTION_MARK.search(text))
    if is_question:
        out.append(_feedback("written_as_question", "tip", say.written_as_question))
    if solutions := view.find(words.solution_signals, limits.gap_words):
        out.append(_feedback("contains_solution", "tip", say.contains_solution, solutions))
    elif absences := view.find(words.absence_signals, limits.gap_words):
        out.append(_feedback("absence_as_problem", "tip", say.absence_as_problem, absences))
    elif not is_question:
        out.append(_feedback("describes_situation", "goed", say.describes_situation))
    if view.find(words.people_words, limits.gap_words):
        out.append(_feedback("names_people", "goed", say.names_people))
    else:
        out.append(_feedback("who_notices", "tip", say.who_notices))
    return out


def coach_doel(text: str, rules: CoachingRules | None = None) -> list[Feedback]:
    """Feedback on a goal: concrete (what is different when it is reached), an end, not a means; a time frame.

    Rule ids: empty; too_short (alone, while the text is still short); contains_solution;
    concrete | vague | make_concrete; has_time | add_time.
    """
    rules = rules or load_rules()
    say, words, limits = rules.doel, rules.words, rules.limits
    text = text or ""
    view = _Words.of(text)
    if view.count == 0:
        return [_feedback("empty", "tip", say.empty)]
    if view.count < limits.doel_min_words:
        return [_feedback("too_short", "tip", say.too_short)]

    out: list[Feedback] = []
    if solutions := view.find(words.solution_signals, limits.gap_words):
        out.append(_feedback("contains_solution", "tip", say.contains_solution, solutions))
    if view.find(words.change_signals, limits.gap_words):
        out.append(_feedback("concrete", "goed", say.concrete))
    elif vague := view.find(words.vague_words, limits.gap_words):
        out.append(_feedback("vague", "tip", say.vague, vague))
    else:
        out.append(_feedback("make_concrete", "tip", say.make_concrete))
    if view.find(words.time_signals, limits.gap_words):
        out.append(_feedback("has_time", "goed", say.has_time))
    else:
        out.append(_feedback("add_time", "tip", say.add_time))
    return out
