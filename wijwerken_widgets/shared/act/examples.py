"""The quotes that stand for a rode draad when it is given back: the group's choice, or up to three picked for it.

Pure (no widgets, no store). A theme's own choice (``Thema.voorbeelden``) counts only for quotes that still support
it and may still be analysed; without any, the quotes are picked: supporting quotes of distinct conversations,
different kinds of stakeholders first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from wijwerken_widgets.shared.act.evidence import Quote
from wijwerken_widgets.shared.act.items import SUPPORTS, Koppeling, Thema

MAXIMUM = 3
"""How many quotes a rode draad shows at most (``Thema.voorbeelden`` keeps three)."""


def supporting(theme_id: str, links: Iterable[Koppeling], quotes: Sequence[Quote]) -> list[Quote]:
    """The analysable quotes that support the theme, in the order of ``quotes`` (the order held)."""
    ids = {k.citaat_id for k in links if k.thema_id == theme_id and k.soort == SUPPORTS}
    return [q for q in quotes if q.id in ids]


def picked(candidates: Sequence[Quote], maximum: int = MAXIMUM) -> list[Quote]:
    """Up to ``maximum`` of ``candidates``, one per conversation, a new kind of stakeholder first; in their order."""
    chosen: list[Quote] = []
    for new_kind_only in (True, False):
        for quote in candidates:
            if len(chosen) == maximum:
                break
            if quote in chosen or any(q.gesprek_id == quote.gesprek_id for q in chosen):
                continue
            if new_kind_only and any(q.soort == quote.soort for q in chosen):
                continue
            chosen.append(quote)
    return sorted(chosen, key=candidates.index)


def chosen(theme: Thema, candidates: Sequence[Quote]) -> list[Quote]:
    """The theme's own choice among ``candidates`` (its supporting quotes), in the order chosen."""
    by_id = {q.id: q for q in candidates}
    return [by_id[i] for i in theme.voorbeelden if i in by_id][:MAXIMUM]


def examples(theme: Thema, candidates: Sequence[Quote]) -> tuple[list[Quote], bool]:
    """The quotes the theme shows, and whether the group chose them (else they were picked)."""
    own = chosen(theme, candidates)
    return (own, True) if own else (picked(candidates), False)


def toggled(current: Sequence[str], quote_id: str, on: bool, valid: Iterable[str],
            maximum: int = MAXIMUM) -> list[str] | None:
    """The theme's ``voorbeelden`` after ticking (``on``) or unticking ``quote_id``; ids no longer valid are dropped.
    ``None`` when nothing changes or a tick would pass ``maximum``."""
    allowed = set(valid)
    keep = [i for i in current if i in allowed]
    if on:
        if quote_id in keep or len(keep) >= maximum:
            return None
        return [*keep, quote_id]
    if quote_id not in keep:
        return None
    return [i for i in keep if i != quote_id]
