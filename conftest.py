"""Shared browser fixtures, and the environment nbval runs the notebooks in.

nbval runs every notebook in workbooks/ with a temporary store and a logged-in demo participant.

nbval starts one kernel per notebook when the notebook's first cell is set up, and the kernel inherits this
process's environment then; so the environment is set just before that and removed when the cell is done.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

pytest_plugins = ["tests.support.fixtures"]

_NBVAL_ENV: dict[str, str] = {}
_SAVED_ENV: dict[str, str | None] = {}


def _demo_environment() -> dict[str, str]:
    """A fresh data folder with the demo cohort; log in as its first deelnemer."""
    if not _NBVAL_ENV:
        from wijwerken_widgets.people.cohorts import ensure_demo_cohort
        from wijwerken_widgets.store import Store

        home = tempfile.mkdtemp(prefix="wijwerken-nbval-")
        store = Store.open(f"sqlite:///{home}/wijwerken.sqlite3")
        codes = ensure_demo_cohort(store)
        store.close()
        participant = next(c for c in codes if c.rol == "deelnemer")
        _NBVAL_ENV.update(
            WIJWERKEN_HOME=home,
            WIJWERKEN_DATABASE_URL=f"sqlite:///{home}/wijwerken.sqlite3",
            WIJWERKEN_CODE=participant.code,
        )
    return _NBVAL_ENV


def pytest_configure(config: pytest.Config) -> None:
    """Nothing a test does lands in the real data folder (e.g. the content cache): XDG_DATA_HOME is temporary."""
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="wijwerken-xdg-")


def _is_notebook_cell(item: pytest.Item) -> bool:
    return item.path.suffix == ".ipynb"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if _is_notebook_cell(item):
        env = _demo_environment()
        _SAVED_ENV.update({key: os.environ.get(key) for key in env})
        os.environ.update(env)


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    if _is_notebook_cell(item):
        for key, value in _SAVED_ENV.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def pytest_sessionfinish(session: pytest.Session) -> None:
    if home := _NBVAL_ENV.get("WIJWERKEN_HOME"):
        shutil.rmtree(home, ignore_errors=True)
