"""Wij-Werken checks of an actieplan, as pure functions: who owns the actions, what still lacks an owner or a date,
which rode draad has no action yet, and the "15 %" answers. Coaching, not grading: the page words them (``checks``
of the ``plan`` part of ``dag4.yaml``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from wijwerken_widgets.shared.act.items import Actie, Thema

STAKEHOLDER, PARTICIPANT, GROUP, NOBODY = "stakeholder", "deelnemer", "groep", ""
SHARE_ORDER = (STAKEHOLDER, PARTICIPANT, GROUP, NOBODY)
"""The parts of the owner bar, in the order drawn."""
NO = "nee"


def has_owner(action: Actie) -> bool:
    """Owned by the group, or by a named stakeholder or participant."""
    if action.eigenaar_soort == GROUP:
        return True
    return action.eigenaar_soort in (STAKEHOLDER, PARTICIPANT) and bool(action.eigenaar)


def owner_kind(action: Actie) -> str:
    """The action's part of the owner bar (:data:`NOBODY` when it has no owner yet)."""
    return action.eigenaar_soort if has_owner(action) else NOBODY


def owner_shares(actions: Iterable[Actie]) -> dict[str, int]:
    """How many actions each kind of owner has, every kind of :data:`SHARE_ORDER` present (0 when none)."""
    shares = dict.fromkeys(SHARE_ORDER, 0)
    for action in actions:
        shares[owner_kind(action)] += 1
    return shares


def percentages(shares: dict[str, int]) -> dict[str, int]:
    """Each share as a whole percentage of all actions (largest remainders, so they add up to 100)."""
    total = sum(shares.values())
    if not total:
        return dict.fromkeys(shares, 0)
    exact = {k: 100 * v / total for k, v in shares.items()}
    result = {k: int(v) for k, v in exact.items()}
    for key in sorted(exact, key=lambda k: exact[k] - result[k], reverse=True)[:100 - sum(result.values())]:
        result[key] += 1
    return result


def nobody_else_carries(shares: dict[str, int]) -> bool:
    """"Wie draagt dit straks?": some actions have an owner, and none of them is a stakeholder's (the participants,
    alone or as the whole group, own every owned action)."""
    owned = sum(n for kind, n in shares.items() if kind != NOBODY)
    return owned > 0 and shares.get(STAKEHOLDER, 0) == 0


def without_owner(actions: Iterable[Actie]) -> list[Actie]:
    return [a for a in actions if not has_owner(a)]


def without_dates(actions: Iterable[Actie]) -> list[Actie]:
    """Actions that miss a start or an end date."""
    return [a for a in actions if not a.start or not a.eind]


def dates_reversed(action: Actie) -> bool:
    """The end lies before the start (ISO dates compare as text)."""
    return bool(action.start and action.eind and action.eind < action.start)


def plan_threads(themes: Sequence[Thema]) -> list[Thema]:
    """The rode draden an action can answer: the chosen themes, or every theme while none is chosen."""
    chosen = [t for t in themes if t.gekozen]
    return chosen or list(themes)


def resolve_threads(draden: Iterable[str], merged: Mapping[str, str]) -> tuple[str, ...]:
    """An action's rode draden with every theme merged since (``merged``: theme id → the theme it went into)
    replaced by the theme it lives on in, without doubles."""
    found = []
    for theme_id in draden:
        seen = {theme_id}
        while theme_id in merged and merged[theme_id] not in seen:
            theme_id = merged[theme_id]
            seen.add(theme_id)
        found.append(theme_id)
    return tuple(dict.fromkeys(found))


def threads_without_action(threads: Iterable[Thema], actions: Iterable[Actie]) -> list[Thema]:
    """The rode draden no action names."""
    named = {theme_id for action in actions for theme_id in action.draden}
    return [t for t in threads if t.id not in named]


@dataclass(frozen=True)
class PlanCheck:
    """Everything the checks say about one plan."""

    shares: dict[str, int]
    carrier_warning: bool
    no_owner: list[Actie]
    no_dates: list[Actie]
    threads_without_action: list[Thema]
    not_tomorrow: list[Actie]


def check(actions: Sequence[Actie], threads: Sequence[Thema]) -> PlanCheck:
    """All checks of a plan with ``actions`` that answer the rode draden ``threads``."""
    shares = owner_shares(actions)
    return PlanCheck(shares, nobody_else_carries(shares), without_owner(actions), without_dates(actions),
                     threads_without_action(threads, actions), [a for a in actions if a.morgen == NO])
