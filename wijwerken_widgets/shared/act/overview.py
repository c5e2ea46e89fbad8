"""A group's actions in numbers, for trainers: all, klaar, hapert, stil (needing a mini-interventie) and the open
mini-interventies. Read by the months' trainer view and the trainer page."""

from __future__ import annotations

from datetime import date

from wijwerken_widgets.shared.act.interventions import Interventie, needs_intervention
from wijwerken_widgets.shared.act.items import SPACE, Actie
from wijwerken_widgets.shared.act.monitoring import DONE, STALLING, Status, Thresholds, history, stillness
from wijwerken_widgets.store import Group, Store


def group_counts(store: Store, group: Group, limits: Thresholds, today: date) -> dict[str, int]:
    """One group's actions: ``acties``, ``klaar``, ``hapert``, ``stil`` and open ``interventies``."""
    items = [i for i in store.items(SPACE, group.id) if not i.deleted]
    actions = [Actie.of(i) for i in items if i.kind == Actie.KIND]
    updates = [Status.of(i) for i in items if i.kind == Status.KIND]
    counts = {"acties": len(actions), "klaar": 0, "hapert": 0, "stil": 0,
              "interventies": sum(1 for i in items if i.kind == Interventie.KIND and not Interventie.of(i).afgerond)}
    for action in actions:
        found = history(action.id, updates)
        still = stillness(action.start, found, limits, today)
        last = found[-1].status if found else ""
        counts["klaar"] += last == DONE
        counts["hapert"] += last == STALLING
        counts["stil"] += still.still and needs_intervention(still)
    return counts
