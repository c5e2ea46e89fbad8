"""The participant's slides as stored (``keys.SLIDES``): pure rules for picking, ordering, editing and checking them.

A deck is a list of :class:`Slide` in the order shown; it never holds more than the page's number of slides (20)
nor the same proposal twice. :func:`problems` says what still stands between the deck and the file: exactly 20
slides, each with an alt text and a title or text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from wijwerken_widgets.core.ids import new_id

OWN = "eigen-"
"""The start of the source id of a slide the participant typed themselves."""
FIELDS = ("titel", "tekst", "alt")


@dataclass(frozen=True)
class Slide:
    """One picked slide: where it came from (a proposal's id, or ``eigen-…``), its title, text and alt text."""

    bron: str
    titel: str = ""
    tekst: str = ""
    alt: str = ""

    @property
    def own(self) -> bool:
        return self.bron.startswith(OWN)

    def record(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class Problems:
    """What stands between the deck and the file: slides missing (negative: too many), the numbers (from 1) of
    slides without alt text, and of slides with neither title nor text."""

    missing: int
    no_alt: tuple[int, ...] = ()
    empty: tuple[int, ...] = ()

    @property
    def ready(self) -> bool:
        return self.missing == 0 and not self.no_alt and not self.empty


def limits_of(limits: Any) -> dict[str, int]:
    """The page's limits (``limits`` of the YAML) by field name."""
    return {name: int(getattr(limits, name)) for name in FIELDS}


def _clipped(value: Any, maximum: int) -> str:
    return value[:maximum] if isinstance(value, str) else ""


def from_stored(value: Any, size: int, limits: Mapping[str, int]) -> list[Slide]:
    """The deck in a stored answer, read tolerantly: rows without a source or seen before are left out, texts are
    cut at their limits, and at most ``size`` slides are kept."""
    deck: list[Slide] = []
    seen: set[str] = set()
    for row in value if isinstance(value, list) else []:
        bron = row.get("bron") if isinstance(row, dict) else None
        if not isinstance(bron, str) or not bron or bron in seen:
            continue
        seen.add(bron)
        deck.append(Slide(bron, *(_clipped(row.get(name), limits[name]) for name in FIELDS)))
    return deck[:size]


def records(deck: Sequence[Slide]) -> list[dict[str, str]]:
    return [s.record() for s in deck]


def picked(deck: Sequence[Slide], slide: Slide, size: int) -> list[Slide] | None:
    """The deck with ``slide`` added at the end; ``None`` when it is full or holds that source already."""
    if len(deck) >= size or any(s.bron == slide.bron for s in deck):
        return None
    return [*deck, slide]


def own_slide() -> Slide:
    """A new empty slide for the participant to type."""
    return Slide(OWN + new_id())


def without(deck: Sequence[Slide], bron: str) -> list[Slide]:
    return [s for s in deck if s.bron != bron]


def moved(deck: Sequence[Slide], index: int, step: int) -> list[Slide]:
    """The deck with slide ``index`` moved ``step`` places (-1 up, 1 down); unchanged at either end."""
    to = index + step
    if not (0 <= index < len(deck) and 0 <= to < len(deck)):
        return list(deck)
    result = list(deck)
    result[index], result[to] = result[to], result[index]
    return result


def edited(deck: Sequence[Slide], index: int, name: str, text: str, limits: Mapping[str, int]) -> list[Slide]:
    """The deck with field ``name`` (titel, tekst or alt) of slide ``index`` set to ``text``, cut at its limit."""
    result = list(deck)
    result[index] = replace(result[index], **{name: text[:limits[name]]})
    return result


def problems(deck: Sequence[Slide], size: int) -> Problems:
    return Problems(size - len(deck),
                    tuple(n for n, s in enumerate(deck, start=1) if not s.alt.strip()),
                    tuple(n for n, s in enumerate(deck, start=1) if not s.titel.strip() and not s.tekst.strip()))


def numbers(found: Sequence[int], and_word: str) -> str:
    """Slide numbers as a sentence reads them: "3", "3 en 7", "3, 5 en 7" (``and_word`` from the YAML)."""
    shown = [str(n) for n in found]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + f" {and_word} " + shown[-1]
