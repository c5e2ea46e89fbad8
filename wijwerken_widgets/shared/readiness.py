"""How far participants are with a training day's exercises: the reading both trainer pages share.

Per participant and exercise of a day's key registry (``pages/dagN/keys.py``) one state, read the way a day's
progress box reads the store (``ui.progress.exercise_parts``): ``klaar`` when every part holds something, ``bezig``
when some does, ``niet_gestart`` otherwise; group work counts for every member. "Tussen de dagen" builds its matrix
from it (``pages/trainer/progress.py``), "Vandaag" counts per group who is klaar (``pages/vandaag``). The registries
come from the page (``pages.registries()``): ``shared`` never imports a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wijwerken_widgets.ui.progress import exercise_parts, group_items

if TYPE_CHECKING:
    from wijwerken_widgets.core.keys import Registry
    from wijwerken_widgets.store import Group, Person, Store

NOT_STARTED, BUSY, DONE = "niet_gestart", "bezig", "klaar"
_DAY_PAGE = re.compile(r"dag(\d+)")


def state_of(parts: Mapping[str, bool | None]) -> str:
    """``klaar`` when every part holds something, ``bezig`` when some does, else ``niet_gestart``."""
    filled = [part is True for part in parts.values()]
    return DONE if filled and all(filled) else BUSY if any(filled) else NOT_STARTED


def day_registries(registries: Iterable[Registry]) -> list[tuple[int, Registry]]:
    """The training days' registries (pages named ``dagN``), by day number."""
    found = [(int(m.group(1)), r) for r in registries if (m := _DAY_PAGE.fullmatch(r.page))]
    return sorted(found, key=lambda pair: pair[0])


def person_states(store: Store, registry: Registry, person: Person,
                  group_cache: dict[int, Mapping[str, Any]] | None = None) -> dict[str, str]:
    """Exercise → state of ``person`` for the day of ``registry`` (``group_cache``: group id → its items, filled
    as groups are read, so each group is read once)."""
    stored = store.latest_answers(person.id, f"{registry.page}.")
    items: Mapping[str, Any] = {}
    if person.group_id is not None:
        cache = group_cache if group_cache is not None else {}
        if person.group_id not in cache:
            cache[person.group_id] = group_items(store, registry, person.group_id)
        items = cache[person.group_id]
    return {name: state_of(parts) for name, parts in exercise_parts(registry, stored, items).items()}


@dataclass(frozen=True)
class GroupReadiness:
    """How many of a group's participants have each exercise klaar (``group`` None: those without a group)."""

    group: str | None
    total: int
    done: dict[str, int] = field(default_factory=dict)


def readiness(store: Store, registry: Registry, exercises: Sequence[str], people: Iterable[Person],
              groups: Iterable[Group]) -> list[GroupReadiness]:
    """Per group (in the order of ``groups``, then those without a group) the klaar counts of ``exercises``;
    only participants count, and a group without any is left out."""
    cache: dict[int, Mapping[str, Any]] = {}
    members: dict[int | None, list[Person]] = {}
    for person in people:
        if person.role == "deelnemer" and person.removed_at is None:
            members.setdefault(person.group_id, []).append(person)
    found = []
    for group_id, name in [*((g.id, g.name) for g in groups), (None, None)]:
        who = members.get(group_id, [])
        if not who:
            continue
        done = dict.fromkeys(exercises, 0)
        for person in who:
            states = person_states(store, registry, person, cache)
            for name_ in exercises:
                done[name_] += states.get(name_) == DONE
        found.append(GroupReadiness(name, len(who), done))
    return found
