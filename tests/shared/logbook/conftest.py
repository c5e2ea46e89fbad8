"""Fixtures of the logboek's tests: people the entries are shared with, or not (helpers: ``tests/support/logbook.py``)."""

from __future__ import annotations

import pytest

from tests.support.logbook import log_in
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.context import Context


@pytest.fixture
def other_group(store: Store, codes, ctx: Context) -> Context:
    """A deelnemer of the cohort's other group."""
    return log_in(store, next(c for c in codes if c.rol == "deelnemer" and c.groep != ctx.group.name))


@pytest.fixture
def trainer(store: Store, codes) -> Context:
    return log_in(store, next(c for c in codes if c.rol == "trainer"))


@pytest.fixture
def loner(store: Store, ctx: Context) -> Context:
    """A deelnemer of the cohort who is in no group."""
    person = store.add_person(ctx.person.cohort_id, "Lotte Los", "deelnemer", "hash-lotte")
    return Context.for_person(store, person)
