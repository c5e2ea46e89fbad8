"""What the kruisbestuiving page may show: the shared work of every group, of every cohort, that chose to share
(Dag 4's ``Delen`` item), and only when at least ``min_groups`` groups did (the k-rule, :func:`visible`).

What is shared of a group: its rode draden (the chosen themes: name and what belongs to it, ``wel``) and the
``wat`` of its actions; never who owns an action, with whom, quotes, conversations, or the group's name. Every text
goes through the Dag 4 anonymiser (``shared/act/anonymise.py``) with the group's stakeholders (map and planned
conversations) and every person of the cohort, so a name in it becomes "[een betrokkene]" or "[een collega]".
A contribution is labelled by its gemeente only. Counts and lengths are capped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING

from wijwerken_widgets.shared.act.anonymise import Anonymiser, Wording
from wijwerken_widgets.shared.act.items import SPACE, Actie, Delen, Thema

if TYPE_CHECKING:
    from wijwerken_widgets.pages.kruisbestuiving.schema import KruisbestuivingContent
    from wijwerken_widgets.store import Cohort, Group, GroupItem, Store

MAX_THEMES = 20
MAX_ACTIONS = 30
MAX_CHARS = 600
"""At most this many rode draden and actions per group, each text cut at this many characters."""


@dataclass(frozen=True)
class SharedTheme:
    naam: str
    wel: str


@dataclass(frozen=True)
class Contribution:
    """One group's shared work, labelled by its gemeente (never by a person, nor by the group's name)."""

    gemeente: str
    themes: tuple[SharedTheme, ...]
    actions: tuple[str, ...]


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1].rstrip() + "…"


def shares(items: Iterable[GroupItem]) -> bool:
    """Whether a group's act items say it shares (the ``Delen`` item is on and not removed)."""
    found = next((i for i in items if i.kind == Delen.KIND and i.item_id == Delen.ID), None)
    return found is not None and not found.deleted and Delen.of(found).aan


def _stakeholders(store: Store, group_id: int) -> list[SimpleNamespace]:
    """Everyone with a name on the group's map or in its planned conversations."""
    found = [SimpleNamespace(naam=str(i.data.get("naam") or ""), functie=str(i.data.get("functie") or ""),
                             soort=str(i.data.get("soort") or ""))
             for i in store.items("map", group_id) if i.kind == "stakeholder"]
    found += [SimpleNamespace(naam=str(i.data.get("stakeholder") or ""), functie="", soort="")
              for i in store.items("gesprekken", group_id) if i.kind == "gesprek"]
    return [s for s in found if s.naam.strip()]


def contribution(store: Store, cohort: Cohort, group: Group, items: list[GroupItem], people: list[str],
                 content: KruisbestuivingContent, unknown: str) -> Contribution | None:
    """The group's shared work with every known name replaced; ``None`` when it has nothing to share."""
    words = content.anonymity
    wording = Wording({}, words.somebody, words.colleague, words.in_text,
                      not_names=frozenset(w.casefold().strip(".") for w in words.not_names))
    anonymiser = Anonymiser((), wording, _stakeholders(store, group.id), people)
    live = sorted((i for i in items if not i.deleted), key=lambda i: (str(i.data.get("aangemaakt", "")), i.id))
    themes = tuple(
        SharedTheme(_cut(anonymiser.text(t.id, t.naam)), _cut(anonymiser.text(t.id, t.wel)))
        for t in (Thema.of(i) for i in live if i.kind == Thema.KIND)
        if t.gekozen and not t.samengevoegd_in and t.naam.strip())[:MAX_THEMES]
    actions = tuple(_cut(anonymiser.text(a.id, a.wat))
                    for a in (Actie.of(i) for i in live if i.kind == Actie.KIND) if a.wat.strip())[:MAX_ACTIONS]
    if not themes and not actions:
        return None
    return Contribution(cohort.gemeente.strip() or unknown, themes, actions)


def contributions(store: Store, content: KruisbestuivingContent) -> list[Contribution]:
    """Every sharing group's contribution, of all cohorts (that is the point: across municipalities), sorted by
    gemeente. Only the groups that share are read further than their act items."""
    unknown = content.exercises.overview.unknown_gemeente
    found = []
    for cohort in store.cohorts():
        people: list[str] | None = None
        for group in store.groups(cohort.id):
            items = store.items(SPACE, group.id)
            if not shares(items):
                continue
            if people is None:
                people = [p.name for p in store.people(cohort.id)]
            made = contribution(store, cohort, group, items, people, content, unknown)
            if made is not None:
                found.append(made)
    return sorted(found, key=lambda c: c.gemeente.casefold())


def visible(found: list[Contribution], min_groups: int) -> list[Contribution] | None:
    """The k-rule: the contributions when at least ``min_groups`` groups contributed, else ``None`` (show only the
    count). ``min_groups`` below 3 counts as 3, whatever the YAML says."""
    return found if len(found) >= max(3, min_groups) else None


def by_gemeente(found: list[Contribution]) -> dict[str, list[Contribution]]:
    grouped: dict[str, list[Contribution]] = {}
    for item in found:
        grouped.setdefault(item.gemeente, []).append(item)
    return grouped
