"""A real JupyterHub with the workbook's deploy configuration, on PostgreSQL, with a cohort whose participants and
trainer log in by their hub user names (``gebruikersnaam``)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.app.test_cli import DEMO, wijwerken
from tests.support.hub import Hub, pg_schema
from tests.support.voila_server import free_port

USERS = {"Marieke Verhoeven": "marieke", "Fatima El Amrani": "fatima", "Jeroen de Vries": "jeroen"}
"""The demo cohort's trainer and two participants of one group, with their hub user names."""


def _with_user_names(text: str) -> str:
    for name, user in USERS.items():
        text = re.sub(rf"(- naam: {re.escape(name)}[^\n]*\n)", rf"\1    gebruikersnaam: {user}\n", text)
    return text


@contextmanager
def running_hub(folder: Path, env: dict[str, str] | None = None) -> Iterator[Hub]:
    """A hub on a fresh PostgreSQL schema with the demo cohort and its hub user names; ``env`` for the hub."""
    base = os.environ.get("WIJWERKEN_TEST_DATABASE_URL")
    if not base:
        pytest.fail("the hub test runs on PostgreSQL: set WIJWERKEN_TEST_DATABASE_URL (scripts/test.sh does)")
    cohort_file = folder / "cohort.yaml"
    cohort_file.write_text(_with_user_names(Path(DEMO).read_text(encoding="utf-8")), encoding="utf-8")
    with pg_schema(base) as url:
        created = wijwerken("cohort", "create", str(cohort_file), data=folder / "data",
                            env={**os.environ, "WIJWERKEN_DATABASE_URL": url})
        assert created.returncode == 0, created.stderr
        running = Hub(folder=folder, database_url=url, port=free_port(), env=env or {})
        running.start()
        try:
            yield running
        finally:
            running.stop()


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    with running_hub(tmp_path_factory.mktemp("hub")) as running:
        yield running
