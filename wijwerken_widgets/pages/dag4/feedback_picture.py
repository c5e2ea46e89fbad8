"""Dag 4, terugleggen: the picture given back, as data and as HTML.

:func:`picture` derives it from the group's items and quotes: per chosen rode draad its name and "wel" line and its
example quotes, all anonymised (``shared/act/anonymise.py``), and every substitution made. :func:`projector_html`
draws it large for the projector; :func:`substitutions_html` lists the substitutions for a trainer. Every text a
group or a stakeholder wrote is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wijwerken_widgets.core.html import Html, escaped, format_html, name_html
from wijwerken_widgets.shared.act.anonymise import DESCRIPTOR, Anonymiser, Shown, Substitution, Wording
from wijwerken_widgets.shared.act.evidence import Quote, visible_links
from wijwerken_widgets.shared.act.examples import examples, supporting
from wijwerken_widgets.shared.act.items import TOGETHER, Thema
from wijwerken_widgets.shared.act.session import ActSession
from wijwerken_widgets.shared.act.sources import Sources

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag4.feedback_schema import FeedbackPart

OPTION_LENGTH = 140
"""How much of a quote a choice shows (its full text is in the list above it)."""


@dataclass(frozen=True)
class Draad:
    """One chosen rode draad as it is shown: name and "wel" line anonymised, its example quotes, whether the
    group chose them, and every supporting quote it may choose from (with how it is shown)."""

    theme: Thema
    naam: str
    wel: str
    examples: tuple[Shown, ...]
    chosen: bool
    candidates: tuple[tuple[Quote, Shown], ...]


@dataclass(frozen=True)
class Picture:
    draden: tuple[Draad, ...]
    numbers: dict[str, int]
    """The number of each quote (its place among the group's quotes, from 1), for the trainer's list."""
    anonymiser: Anonymiser

    @property
    def substitutions(self) -> list[Substitution]:
        """Every substitution made so far (also for texts anonymised after the picture, such as the summary)."""
        return self.anonymiser.substitutions


def wording(part: FeedbackPart, soorten: dict[str, str]) -> Wording:
    words = part.anonymity
    return Wording(soorten, words.somebody, words.colleague, words.in_text, words.threshold,
                   frozenset(w.casefold().strip(".") for w in words.not_names))


def picture(session: ActSession, sources: Sources, people: Iterable[str], part: FeedbackPart,
            soorten: dict[str, str], *, trainer: bool = False) -> Picture:
    """The chosen rode draden with their quotes. In the silent phase a member sees only their own links, as in the
    analysis; a trainer (no member) sees them all."""
    quotes = sources.quotes
    anonymiser = Anonymiser(quotes, wording(part, soorten), sources.stakeholders.values(), people)
    themes = session.themes()
    phase = TOGETHER if trainer else session.phase().fase
    links = visible_links(session.links(), themes, quotes, phase=phase, person_id=session.ctx.person.id)
    draden = []
    for theme in (t for t in themes if t.gekozen):
        candidates = supporting(theme.id, links, quotes)
        shown = [(q, anonymiser.quote(q)) for q in candidates]
        by_id = {q.id: s for q, s in shown}
        picked, chosen = examples(theme, candidates)
        draden.append(Draad(theme, anonymiser.text(theme.id, theme.naam), anonymiser.text(theme.id, theme.wel),
                            tuple(by_id[q.id] for q in picked), chosen, tuple(shown)))
    numbers = {q.id: n for n, q in enumerate(quotes, start=1)}
    return Picture(tuple(draden), numbers, anonymiser)


def option_label(part: FeedbackPart, shown: Shown) -> str:
    """A quote as a choice (plain text: a checkbox label is never HTML)."""
    text = " ".join(shown.tekst.split())
    if len(text) > OPTION_LENGTH:
        text = text[:OPTION_LENGTH - 1].rstrip() + "\u2026"
    return part.examples.option.format(tekst=text, wie=shown.descriptor)


def quote_html(part: FeedbackPart, shown: Shown) -> Html:
    """One quote and who said it (anonymised), as a ``<blockquote>``."""
    by = format_html(part.projector.quote_by, wie=shown.descriptor)
    return Html(f"<blockquote><p>{name_html(shown.tekst)}</p><footer>{by}</footer></blockquote>")


def examples_html(part: FeedbackPart, draad: Draad) -> Html:
    """The quotes a rode draad shows, with whether the group chose them or they were picked."""
    words = part.examples
    if not draad.examples:
        return Html(f"<p class='ww-empty'>{escaped(words.none)}</p>")
    quotes = "".join(quote_html(part, s) for s in draad.examples)
    note = words.chosen if draad.chosen else words.picked
    return Html(f"<h4>{escaped(words.title)}</h4>{quotes}<p class='ww-hint'>{escaped(note)}</p>")


def heading_html(draad: Draad) -> Html:
    wel = f"<p class='ww-feedback-wel'>{name_html(draad.wel)}</p>" if draad.wel.strip() else ""
    return Html(f"<h3>{name_html(draad.naam)}</h3>{wel}")


def projector_html(part: FeedbackPart, draden: Sequence[Draad]) -> Html:
    """The large view: every chosen rode draad with its quotes, nobody named."""
    words = part.projector
    sections = []
    for draad in draden:
        wel = f"<p class='ww-projector-wel'>{name_html(draad.wel)}</p>" if draad.wel.strip() else ""
        quotes = ("".join(quote_html(part, s) for s in draad.examples) if draad.examples
                  else f"<p class='ww-projector-empty'>{escaped(words.no_quotes)}</p>")
        sections.append(f"<section><h3>{name_html(draad.naam)}</h3>{wel}{quotes}</section>")
    return Html(f"<h2>{escaped(words.title)}</h2>{''.join(sections)}")


def substitutions_html(part: FeedbackPart, found: Picture) -> Html:
    """For trainers only: every substitution, original → shown."""
    words = part.substitutions
    if not found.substitutions:
        return Html(f"<p class='ww-empty'>{escaped(words.none)}</p>")
    lines = []
    for sub in found.substitutions:
        number = found.numbers.get(sub.item_id)
        where = words.theme if number is None else words.quote.format(nummer=number)
        kind = words.descriptor if sub.kind == DESCRIPTOR else words.name_in_text
        line = format_html(words.line, waar=escaped(where), soort=escaped(kind), origineel=sub.original or "\u2014",
                           getoond=sub.shown)
        lines.append(f"<li>{line}</li>")
    return Html(f"<p>{escaped(words.intro)}</p><ul class='ww-substitutions'>{''.join(lines)}</ul>")
