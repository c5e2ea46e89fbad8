"""Who may use the trainer page, and for which cohorts.

Every section builder asks :func:`for_trainer` first and returns nothing for anyone else: the person comes from the
server-side login (``ctx.person``, read from the store), never from a widget, so no forged widget state turns a
participant into a trainer. :func:`trainer_cohorts` is the one place that says which cohorts a trainer sees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wijwerken_widgets.store import Cohort
    from wijwerken_widgets.ui.context import Context


def for_trainer(ctx: Context | None) -> bool:
    """Whether ``ctx`` is a trainer's (the only people this page shows anything)."""
    return ctx is not None and ctx.person.role == "trainer"


def trainer_cohorts(ctx: Context) -> list[Cohort]:
    """The cohorts whose progress the trainer sees: their own, then those they are assigned to
    (``people.cohorts.trainer_cohorts``)."""
    from wijwerken_widgets.people.cohorts import trainer_cohorts as assigned

    return assigned(ctx.store, ctx.person) if for_trainer(ctx) else []
