"""Coaching for conversation questions (Dag 3: gesprekken, geen interviews), and open questions to start from.

Pure functions, no widgets. Like ``coaching.py`` every rule has a stable id and all words, messages and question
templates come from a file a trainer edits (``exercises/vraagcoaching.yaml``). Text is compared case- and
accent-insensitively on whole words, ignoring punctuation.

How a question is read, in words a participant could follow: each sentence with a "?" is a question (without any
"?", the last sentence). A question is cut at commas and colons; the first part that starts recognisably decides
its form: "Waarom …" (why), "Kun je … vertellen" (open), a verb such as "Is", "Heeft", "Vind je" (closed, ja/nee),
or a question word such as "Wat", "Hoe", "Welke" in the first few words (open). A part that starts with "Als" or
"Wanneer" and is followed by another part ("Als je terugkijkt, wat …") is skipped. Leading phrases, solutions and
jargon are looked for anywhere in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content import loader
from wijwerken_widgets.core import paths
from wijwerken_widgets.shared.coaching import Feedback, FeedbackKind, _signal_pattern, _Words

if TYPE_CHECKING:
    from wijwerken_widgets.content.schema import Message
    from wijwerken_widgets.pages.dag3.plans_coaching_schema import QuestionCoaching, Suggestions
    from wijwerken_widgets.shared.stakeholders.model import Stakeholder

__all__ = [
    "QUESTION_COACHING_FILE",
    "Feedback",
    "coach_question",
    "coach_questions",
    "load_question_coaching",
    "suggest_questions",
]

QUESTION_COACHING_FILE = "vraagcoaching.yaml"

_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_CLAUSE_BREAK = re.compile(r"[,;:]")

OPEN, CLOSED, WHY, NOT_OPEN = "open", "closed", "why", "not_open"


SCHEMA = "wijwerken_widgets.pages.dag3.plans_coaching_schema:QuestionCoaching"


def load_question_coaching(directory: str | Path | None = None) -> QuestionCoaching:
    """The question coaching words, messages and templates from ``directory`` (default ``paths.exercises_dir()``).

    Raises ``loader.ContentError`` naming file, line and field when the file does not fit the schema.
    """
    folder = Path(directory).resolve() if directory is not None else paths.exercises_dir()
    return loader.load_file(folder / QUESTION_COACHING_FILE, SCHEMA)


# --- coaching ----------------------------------------------------------------------------------------------


def coach_question(text: str, rules: QuestionCoaching | None = None) -> list[Feedback]:
    """Feedback on one conversation question (or a few in one text); an empty text gets none.

    Rule ids, in the order they are returned: leading_question | closed_question; why_question; not_open;
    open_question (only "goed", when every question is open and none leads); multiple_questions;
    contains_solution; jargon.
    """
    rules = rules or load_question_coaching()
    words, say, gap = rules.words, rules.messages, rules.limits.gap_words
    view = _Words.of(text or "")
    if view.count == 0:
        return []

    sentences = [s for s in _SENTENCE.findall(text) if _Words.of(s).count]
    asked = [s for s in sentences if "?" in s]
    questions = asked or sentences[-1:]
    forms = [_form(question, rules) for question in questions]
    kinds = {kind for kind, _ in forms}

    out: list[Feedback] = []
    leading = view.find(words.leading_phrases, gap) + [
        tag for q in questions if (tag := _leading_tag(q, rules))
    ]
    if leading:
        out.append(_say("leading_question", "tip", say.leading_question, leading))
    elif closed := [signal for kind, signal in forms if kind == CLOSED]:
        out.append(_say("closed_question", "tip", say.closed_question, closed))
    if WHY in kinds:
        out.append(_say("why_question", "tip", say.why_question))
    if NOT_OPEN in kinds and not leading:
        out.append(_say("not_open", "tip", say.not_open))
    if kinds == {OPEN} and not leading:
        out.append(_say("open_question", "goed", say.open_question))
    if len(asked) > 1:
        out.append(_say("multiple_questions", "tip", say.multiple_questions))
    if solutions := view.find(words.solution_signals, gap):
        out.append(_say("contains_solution", "tip", say.contains_solution, solutions))
    if jargon := _find_jargon(view, rules.jargon, gap):
        out.append(_say("jargon", "tip", say.jargon, list(jargon), jargon))
    return out


def coach_questions(lines: Sequence[str], rules: QuestionCoaching | None = None) -> dict[int, list[Feedback]]:
    """Feedback per line of a question list, by line index (every index is present; an empty line gets [])."""
    rules = rules or load_question_coaching()
    return {index: coach_question(line, rules) for index, line in enumerate(lines)}


def _form(question: str, rules: QuestionCoaching) -> tuple[str, str]:
    """The form of one question (OPEN, CLOSED, WHY or NOT_OPEN) and, for CLOSED, its first words to quote."""
    clauses = [_skip_fillers(_Words.of(part), rules) for part in _CLAUSE_BREAK.split(question)]
    clauses = [clause for clause in clauses if clause.count]
    for index, clause in enumerate(clauses):
        if index < len(clauses) - 1 and _starts_with(clause, rules.words.condition_words, 0):
            continue  # "Als je terugkijkt, …": the question itself comes after the comma
        if form := _clause_form(clause, rules):
            return form
    return NOT_OPEN, ""


def _clause_form(clause: _Words, rules: QuestionCoaching) -> tuple[str, str] | None:
    words, gap = rules.words, rules.limits.gap_words
    if _starts_with(clause, words.why_words, 0):
        return WHY, ""
    if _starts_with(clause, words.open_phrases, gap):
        return OPEN, ""
    if _starts_with(clause, words.closed_question_starters, 0):
        return CLOSED, clause.first(2).shown
    if clause.first(rules.limits.question_word_window).find(words.open_question_words, 0):
        return OPEN, ""
    return None


def _leading_tag(question: str, rules: QuestionCoaching) -> str | None:
    """ "…, toch?": the last part of the question is only a word asking for agreement."""
    parts = [_skip_fillers(_Words.of(part), rules) for part in _CLAUSE_BREAK.split(question)]
    parts = [part for part in parts if part.count]
    if len(parts) < 2:
        return None
    last = parts[-1]
    for tag in rules.words.leading_tags:
        pattern = _signal_pattern(tag, 0)
        if pattern is not None and pattern.fullmatch(last.folded):
            return last.shown
    return None


def _starts_with(words: _Words, signals: Iterable[str], gap_words: int) -> str | None:
    """The words (as written, lowercase) at the start of ``words`` that match one of ``signals``."""
    for signal in signals:
        pattern = _signal_pattern(signal, gap_words)
        if pattern is not None and (match := pattern.match(words.folded)):
            return words.shown[match.start() : match.end()]
    return None


def _skip_fillers(words: _Words, rules: QuestionCoaching) -> _Words:
    """Drop "En", "Oké", a number ("1.") and the like from the start: they say nothing about the question."""
    while words.count:
        filler = _starts_with(words, rules.words.filler_words, 0)
        first = words.folded.split(" ", 1)[0]
        if filler:
            words = _drop(words, len(filler.split(" ")))
        elif first.isdigit():
            words = _drop(words, 1)
        else:
            break
    return words


def _drop(words: _Words, n: int) -> _Words:
    return _Words(
        " ".join(words.folded.split(" ")[n:]), " ".join(words.shown.split(" ")[n:]), max(words.count - n, 0)
    )


def _find_jargon(view: _Words, jargon: dict[str, str], gap_words: int) -> dict[str, str]:
    """Jargon in the text, as written, with its plain alternative, in text order; each word counts once."""
    spans: list[tuple[int, int, str]] = []
    for term, plain in jargon.items():
        pattern = _signal_pattern(term, gap_words)
        for match in pattern.finditer(view.folded) if pattern is not None else ():
            start, end = match.span()
            if all(end <= other_start or start >= other_end for other_start, other_end, _ in spans):
                spans.append((start, end, plain))
    return {view.shown[start:end]: plain for start, end, plain in sorted(spans)}


def _say(
    rule: str,
    kind: FeedbackKind,
    message: Message,
    found: Sequence[str] = (),
    alternatives: dict[str, str] | None = None,
) -> Feedback:
    signal = '", "'.join(dict.fromkeys(found))
    plain = "; ".join(f'"{word}" → {alternative}' for word, alternative in (alternatives or {}).items())
    text = " ".join(message.message.split()).replace("{signaal}", signal)
    example = None
    if message.example:
        example = (
            " ".join(message.example.split()).replace("{signaal}", signal).replace("{alternatieven}", plain)
        )
    return Feedback(rule, kind, text, example)


# --- suggestions -------------------------------------------------------------------------------------------


def suggest_questions(
    hoofdvraag: str,
    stakeholder: Stakeholder,
    vraagstuk: str | None = None,
    rules: QuestionCoaching | None = None,
) -> list[str]:
    """5 to 7 open questions for a conversation with ``stakeholder``, for the participant to edit.

    General openers about their experience, then questions for their soort and for their energie_nu, then a
    closing question; "u" or "je" by soort. ``{onderwerp}`` becomes the topic found in the hoofdvraag (else in the
    vraagstuk description), or the generic topic.
    """
    rules = rules or load_question_coaching()
    plan = rules.suggestions
    form = plan.address.get(stakeholder.soort, "u")
    openers = list(getattr(plan.openers, form))
    by_soort = list(plan.by_soort.get(stakeholder.soort) or plan.by_soort.get("anders") or [])
    energie = plan.by_energie.get(stakeholder.energie_nu)
    by_energie = list(getattr(energie, form)) if energie is not None else []
    counts = plan.counts

    wanted = counts.openers + counts.soort + counts.energie
    first_choice = [*openers[: counts.openers], *by_soort[: counts.soort], *by_energie[: counts.energie]]
    reserve = [*openers[counts.openers :], *by_soort[counts.soort :], *by_energie[counts.energie :]]
    topic = _topic(plan, rules.limits.gap_words, hoofdvraag, vraagstuk)
    chosen = _unique(_fill(template, topic) for template in [*first_choice, *reserve])[:wanted]
    return _unique([*chosen, _fill(getattr(plan.closing, form), topic)])


def _topic(plan: Suggestions, gap_words: int, *texts: str | None) -> str:
    """The topic of the first listed ``plan.topics`` entry found in the first text that has one."""
    for text in texts:
        view = _Words.of(text or "")
        for topic in plan.topics if view.count else ():
            if view.find(topic.signals, gap_words):
                return topic.topic
    return plan.generic_topic


def _fill(template: str, topic: str) -> str:
    text = " ".join(template.format(onderwerp=topic).split())
    return text[:1].upper() + text[1:]


def _unique(questions: Iterable[str]) -> list[str]:
    """Questions in order without repeats (compared without case and spacing)."""
    seen: set[str] = set()
    out = []
    for question in questions:
        key = _Words.of(question).folded
        if key not in seen:
            seen.add(key)
            out.append(question)
    return out
