"""Evidence, not loudness: the quotes a group may analyse, and what supports each theme.

Pure functions over stored items (no widgets, no store): the Dag 3 conversations (``"gesprekken"`` space) and the
Dag 2 map give the quotes with their context (:func:`analysable_quotes`; a quote of a conversation without consent
never appears), the Dag 4 links say which quotes carry which theme. From those: per theme the number of distinct
conversations, stakeholder kinds, interviewers and quotes with a badge (:func:`evidence`), the themes × kinds grid
(:func:`grid`), who was not heard (:func:`unheard`) and how many new themes each conversation brought
(:func:`saturation`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wijwerken_widgets.shared.act.items import CONTRADICTS, SILENT, SUPPORTS, Koppeling, Thema
from wijwerken_widgets.shared.conversations.items import Citaat, Gesprek, Verslag
from wijwerken_widgets.store import GroupItem

THIN, EMERGING, BROAD, EMPTY = "dun", "opkomend", "breed", "leeg"
"""The badges: one conversation; more, not yet broad; broadly supported (thresholds below); no quote yet."""


@dataclass(frozen=True)
class Quote:
    """A quote the group may analyse, with its conversation (``order``: its place in the order held, from 1), the
    stakeholder it came from (id, name, functie, soort and positie as on the Dag 2 map; empty when not on the map)
    and who held the conversation (``interviewer``, a person id)."""

    id: str
    tekst: str
    gesprek_id: str
    order: int
    stakeholder_id: str = ""
    stakeholder: str = ""
    functie: str = ""
    soort: str = ""
    positie: str = ""
    interviewer: int | None = None


@dataclass(frozen=True)
class Thresholds:
    """When a theme is "breed gedragen" (from the day's YAML)."""

    broad_conversations: int = 3
    broad_kinds: int = 2


@dataclass(frozen=True)
class Evidence:
    """What supports one theme: distinct conversations, stakeholder kinds, interviewers and quotes (supporting
    links only), the tegengeluid quotes, and the badge (one of :data:`THIN`, :data:`EMERGING`, :data:`BROAD`,
    :data:`EMPTY`)."""

    theme_id: str
    conversations: int
    kinds: int
    interviewers: int
    quotes: int
    contradicting: int
    badge: str


def conversation_order(items: Iterable[GroupItem]) -> list[Gesprek]:
    """The group's live conversations in the order they were held: by when their report was begun (a conversation
    without report last, in the order it was planned)."""
    live = [i for i in items if not i.deleted]
    reported = {i.item_id: (str(i.data.get("aangemaakt", "")), i.id) for i in live if i.kind == Verslag.KIND}
    plans = [i for i in live if i.kind == Gesprek.KIND]
    plans.sort(key=lambda p: (p.item_id not in reported, reported.get(p.item_id, ("", 0)),
                              str(p.data.get("aangemaakt", "")), p.id))
    return [Gesprek.of(p) for p in plans]


def analysable_quotes(conversation_items: Iterable[GroupItem], stakeholders: Mapping[str, Any]) -> list[Quote]:
    """The quotes of conversations whose report says consent was given ("ja"), conversation by conversation in the
    order held. ``stakeholders`` maps a map id to its stakeholder (anything with ``naam``, ``soort``, ``positie`` and
    optionally ``functie``)."""
    items = list(conversation_items)
    consent = {i.item_id for i in items
               if i.kind == Verslag.KIND and not i.deleted and Verslag.of(i).toestemming == "ja"}
    quotes: dict[str, list[Citaat]] = {}
    for item in items:
        if item.kind == Citaat.KIND and not item.deleted:
            quote = Citaat.of(item)
            if quote.tekst.strip():
                quotes.setdefault(quote.gesprek_id, []).append(quote)
    result = []
    for order, plan in enumerate(conversation_order(items), start=1):
        if plan.id not in consent:
            continue
        for quote in quotes.get(plan.id, []):
            who = stakeholders.get(quote.stakeholder_id or plan.stakeholder_id)
            result.append(Quote(
                quote.id, quote.tekst, plan.id, order, quote.stakeholder_id or plan.stakeholder_id,
                getattr(who, "naam", "") or plan.stakeholder, getattr(who, "functie", ""),
                getattr(who, "soort", ""), getattr(who, "positie", ""), plan.wie))
    return result


def visible_links(links: Iterable[Koppeling], themes: Iterable[Thema], quotes: Iterable[Quote], *, phase: str,
                  person_id: int) -> list[Koppeling]:
    """The links a member sees: of live themes and analysable quotes; in the silent phase only their own."""
    theme_ids, quote_ids = {t.id for t in themes}, {q.id for q in quotes}
    return [k for k in links if k.thema_id in theme_ids and k.citaat_id in quote_ids
            and (phase != SILENT or k.door == person_id)]


def own_quotes(quotes: Iterable[Quote], *, phase: str, person_id: int) -> list[Quote]:
    """The quotes a member assigns: in the silent phase those of the conversations they held, after it all."""
    return [q for q in quotes if phase != SILENT or q.interviewer == person_id]


def badge(conversations: int, kinds: int, thresholds: Thresholds) -> str:
    if conversations == 0:
        return EMPTY
    if conversations == 1:
        return THIN
    if conversations >= thresholds.broad_conversations and kinds >= thresholds.broad_kinds:
        return BROAD
    return EMERGING


def evidence(themes: Sequence[Thema], links: Iterable[Koppeling], quotes: Iterable[Quote],
             thresholds: Thresholds = Thresholds()) -> dict[str, Evidence]:
    """Per theme (by id) what supports it. A quote counts once per theme; unknown quotes are left out."""
    by_id = {q.id: q for q in quotes}
    supporting: dict[str, dict[str, Quote]] = {t.id: {} for t in themes}
    against: dict[str, set[str]] = {t.id: set() for t in themes}
    for link in links:
        quote = by_id.get(link.citaat_id)
        if quote is None or link.thema_id not in supporting:
            continue
        if link.soort == CONTRADICTS:
            against[link.thema_id].add(quote.id)
        else:
            supporting[link.thema_id][quote.id] = quote
    result = {}
    for theme in themes:
        found = supporting[theme.id].values()
        conversations = len({q.gesprek_id for q in found})
        kinds = len({q.soort for q in found if q.soort})
        result[theme.id] = Evidence(theme.id, conversations, kinds, len({q.interviewer for q in found}), len(found),
                                    len(against[theme.id]), badge(conversations, kinds, thresholds))
    return result


def grid(themes: Sequence[Thema], links: Iterable[Koppeling], quotes: Iterable[Quote]) -> dict[tuple[str, str], int]:
    """(theme id, stakeholder soort) → the number of distinct conversations supporting it (missing: none)."""
    by_id = {q.id: q for q in quotes}
    heard: dict[tuple[str, str], set[str]] = {}
    theme_ids = {t.id for t in themes}
    for link in links:
        quote = by_id.get(link.citaat_id)
        if quote is not None and link.soort == SUPPORTS and link.thema_id in theme_ids:
            heard.setdefault((link.thema_id, quote.soort), set()).add(quote.gesprek_id)
    return {cell: len(conversations) for cell, conversations in heard.items()}


def unheard(stakeholders: Mapping[str, Any], conversations: Iterable[Gesprek]) -> list[str]:
    """The ids of the map's stakeholders nobody planned a conversation with, in map order."""
    spoken = {c.stakeholder_id for c in conversations}
    return [sid for sid in stakeholders if sid not in spoken]


def saturation(themes: Sequence[Thema], links: Iterable[Koppeling], quotes: Iterable[Quote]) -> list[tuple[int, int]]:
    """For every conversation with analysable quotes, in the order held: its number in that order and how many
    themes it brought up first (supporting links only)."""
    by_id = {q.id: q for q in quotes}
    first: dict[str, int] = {}
    theme_ids = {t.id for t in themes}
    for link in links:
        quote = by_id.get(link.citaat_id)
        if quote is not None and link.soort == SUPPORTS and link.thema_id in theme_ids:
            first[link.thema_id] = min(first.get(link.thema_id, quote.order), quote.order)
    orders = sorted({q.order for q in by_id.values()})
    return [(order, sum(1 for o in first.values() if o == order)) for order in orders]


def saturated(new_per_conversation: Sequence[int], last: int = 3) -> bool:
    """Whether the last ``last`` conversations brought no new theme (after at least one that did); the counts as
    :func:`saturation` gives them, without the numbers."""
    return (len(new_per_conversation) > last and not any(new_per_conversation[-last:])
            and any(new_per_conversation))
