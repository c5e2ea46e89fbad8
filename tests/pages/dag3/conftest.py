"""Fixtures of Dag 3's tests: the role-play content and scenarios, a trio of groupmates, a clock the test moves.

Plain helpers (making sessions, plans, views; reading widgets) are in ``tests/support/dag3.py``.
"""

from __future__ import annotations

import pytest

from tests.support.dag3 import Clock
from wijwerken_widgets.pages.dag3 import texts as dag3_texts
from wijwerken_widgets.pages.dag3.roleplay_scenarios import load_scenarios
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.context import Context


@pytest.fixture
def trio(store: Store, codes, ctx: Context) -> list[Context]:
    """The three deelnemers of ctx's group, each in their own kernel (ctx first)."""
    mates = [c for c in codes if c.groep == ctx.group.name and c.naam != ctx.person.name]
    assert len(mates) == 2
    return [ctx, *(Context.for_person(store, login(store, c.code)[0]) for c in mates)]


@pytest.fixture
def part():
    """The role-play texts of ``dag3.yaml``."""
    return dag3_texts.load().exercises.roleplay


@pytest.fixture
def scenarios():
    """The shipped role-play scenarios."""
    return load_scenarios()


@pytest.fixture
def clock() -> Clock:
    """A ``now`` for the timer that only moves when the test advances it."""
    return Clock()
