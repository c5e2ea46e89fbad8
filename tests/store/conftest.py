"""Fixtures for the store tests: every ``db_url``/``store`` test runs on SQLite and, when
``WIJWERKEN_TEST_DATABASE_URL`` is set, on PostgreSQL too (each test in its own fresh schema)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.support.pg import drop_person_roles
from wijwerken_widgets.store import Person, Store

PG_URL = os.environ.get("WIJWERKEN_TEST_DATABASE_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a fresh SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'wijwerken.sqlite3'}"
        return
    assert PG_URL is not None
    name = f"wwtest_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={name}", "application_name": name})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :n"),
                {"n": name},
            )
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
            drop_person_roles(conn, name)
        admin.dispose()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """A store opened (and thereby migrated) on an empty database."""
    opened = Store.open(db_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def person(store: Store) -> Person:
    """One participant in a demo cohort."""
    cohort = store.add_cohort("demo", "Demogemeente", "Demo", {"dagen": 3})
    group = store.add_group(cohort.id, "Team Wijk", "extern")
    return store.add_person(cohort.id, "Anna de Vries", "deelnemer", "hash-anna", group_id=group.id)
