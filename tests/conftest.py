"""Every test below gets a real SQLite store in a temporary folder and a clean identity environment; exercise
widgets are driven from Python against it, with the demo cohort."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from sqlalchemy import make_url

from wijwerken_widgets.people.cohorts import ensure_demo_cohort
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.store import Store
from wijwerken_widgets.store.engine import make_engine
from wijwerken_widgets.ui.context import Context

IDENTITY_ENV = ("JUPYTERHUB_USER", "WIJWERKEN_CODE", "HTTP_COOKIE", "VOILA_PREHEAT", "SERVER_SOFTWARE", "VOILA_KERNEL_ID")


@pytest.fixture(autouse=True)
def clean_identity_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the developer's own login or hub environment."""
    for name in IDENTITY_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'wijwerken.sqlite3'}"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """A migrated store with the Demogemeente cohort; short lock timeout so lock tests stay quick."""
    Store.open(db_url).close()
    opened = Store(make_engine(db_url, lock_timeout_ms=200))
    yield opened
    opened.close()


@pytest.fixture
def codes(store: Store):
    return ensure_demo_cohort(store)


@pytest.fixture
def issued(store: Store):
    """The demo cohort in the store, with the plain codes handed out for it."""
    from wijwerken_widgets.people.cohorts import create_cohort, demo_cohort_settings

    return create_cohort(store, demo_cohort_settings())


@pytest.fixture
def ctx(store: Store, codes) -> Context:
    """A browser tab of the first deelnemer (Groep Buiten, extern vraagstuk)."""
    person, _token = login(store, next(c for c in codes if c.rol == "deelnemer").code)
    return Context.for_person(store, person)


@pytest.fixture
def second_tab(ctx: Context) -> Context:
    """Another tab (its own kernel) of the same participant."""
    return Context.for_person(ctx.store, ctx.person)


@pytest.fixture
def groupmate(store: Store, codes, ctx: Context) -> Context:
    """Another participant of the same group, in their own kernel."""
    code = next(c for c in codes if c.groep == ctx.group.name and c.naam != ctx.person.name).code
    person, _ = login(store, code)
    return Context.for_person(store, person)


@pytest.fixture
def write_locked(db_url: str) -> Callable[[], AbstractContextManager[None]]:
    """``with write_locked():`` another writer holds the database, so every save times out (StoreUnavailable)."""

    @contextmanager
    def hold() -> Iterator[None]:
        other = sqlite3.connect(make_url(db_url).database, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()

    return hold
