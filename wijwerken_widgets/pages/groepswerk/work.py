"""Which group the page shows and who is in it: one group of the cohorts the trainer trains (``?groep=<id>``, see
``shared/groups.page_group``), never a group of another cohort, and nothing at all for anyone but a trainer. Each
page open that shows a group is one audit line (``view``, the group: ``shared.groups.page_group``)."""

from __future__ import annotations

from dataclasses import dataclass

from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.shared.groups import page_group, trainer_groups, trainer_people
from wijwerken_widgets.store import Cohort, Group, Person
from wijwerken_widgets.ui.context import Context

KEY = "groepswerk.group"


@dataclass(frozen=True)
class GroupWork:
    """The group shown, its cohort, its participants (by name) and the names of everyone the trainer may see."""

    group: Group
    cohort: Cohort | None
    members: tuple[Person, ...]
    names: dict[int, str]


def shown_group(ctx: Context) -> GroupWork | None:
    """The group this page shows (read once per page into ``ctx.shared``); ``None`` for anyone but a trainer or when
    the trainer's cohorts have no group."""
    if not access.for_trainer(ctx):
        return None
    if KEY not in ctx.shared:
        allowed = {g.id for g in trainer_groups(ctx)}
        group = page_group(ctx)
        if group is None or group.id not in allowed:
            ctx.shared[KEY] = None
        else:
            people = trainer_people(ctx)
            members = sorted((p for p in people if p.group_id == group.id and p.role == "deelnemer"
                              and p.removed_at is None), key=lambda p: (p.name.lower(), p.id))
            ctx.shared[KEY] = GroupWork(group, ctx.store.cohort(group.cohort_id), tuple(members),
                                        {p.id: p.name for p in people})
    return ctx.shared[KEY]
