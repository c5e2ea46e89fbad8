"""Who may use the trainer pages, and for which cohorts.

Every trainer page opens with :func:`open_trainer_page` and every section builder asks :func:`for_trainer` first and
returns nothing for anyone else: the person comes from the server-side login (``ctx.person``, read from the store),
never from a widget, so no forged widget state turns a participant into a trainer. :func:`trainer_cohorts` is the one
place that says which cohorts a trainer sees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wijwerken_widgets.ui.notices import message
from wijwerken_widgets.ui.page import Page

if TYPE_CHECKING:
    from wijwerken_widgets.store import Cohort
    from wijwerken_widgets.ui.context import Context


def for_trainer(ctx: Context | None) -> bool:
    """Whether ``ctx`` is a trainer's (the only people the trainer pages show anything)."""
    return ctx is not None and ctx.person.role == "trainer"


def trainer_cohorts(ctx: Context) -> list[Cohort]:
    """The cohorts whose work the trainer sees: their own, then those they are assigned to
    (``people.cohorts.trainer_cohorts``)."""
    from wijwerken_widgets.people.cohorts import trainer_cohorts as assigned

    return assigned(ctx.store, ctx.person) if for_trainer(ctx) else []


def open_trainer_page(title: str, intro: str, refused: str, workbook: str) -> Page:
    """A trainer page; for anyone but a trainer only the ``refused`` notice (no section is added after it)."""
    page = Page(title, intro, workbook=workbook).show()
    if page.ctx is not None and not for_trainer(page.ctx):
        page.add(message(refused, "warning"))
        page.ctx = None  # Page.section builds nothing without a context
    return page
