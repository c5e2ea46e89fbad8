"""A real SQLite store in a temporary folder, and a clean identity environment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wijwerken_widgets.store import Store

IDENTITY_ENV = (
    "JUPYTERHUB_USER",
    "WIJWERKEN_CODE",
    "HTTP_COOKIE",
    "VOILA_PREHEAT",
    "SERVER_SOFTWARE",
    "VOILA_KERNEL_ID",
)


@pytest.fixture(autouse=True)
def clean_identity_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in IDENTITY_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'wijwerken.sqlite3'}"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store.open(db_url)
    yield opened
    opened.close()


@pytest.fixture
def issued(store: Store):
    """The demo cohort in the store, with the plain codes handed out for it."""
    from wijwerken_widgets.cohorts import create_cohort, demo_cohort_settings

    return create_cohort(store, demo_cohort_settings())
