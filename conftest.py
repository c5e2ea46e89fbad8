"""Shared browser fixtures, the ``server`` marker, and the environment nbval runs the notebooks in.

The ``server`` marker: a test that starts a real server or Jupyter kernel process is marked ``server``, so that
``pytest -m "not browser and not server"`` is the fast loop (see CONTRIBUTING.md). It is applied here, at
collection, to

- every nbval item of a notebook (nbval starts a kernel per notebook);
- every test that uses a fixture of SERVER_FIXTURES (transitively), e.g. tests/app's ``server`` or tests/browser's
  ``workbook``;
- the tests listed in SERVER_TESTS (tests that start a kernel themselves, in folders whose tests are not written
  with these fixtures).

A test that starts a server or kernel any other way carries ``@pytest.mark.server`` itself. A test without the
marker that launches a kernel or server process anyway fails at once with a message saying so (`_guard_processes`):
the fast loop never starts one by accident, and a missing marker is found in the fast loop itself.

nbval runs every notebook in workbooks/ with a temporary store and a logged-in demo participant.

nbval starts one kernel per notebook when the notebook's first cell is set up, and the kernel inherits this
process's environment then; so the environment is set just before that and removed when the cell is done.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import PurePath

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
    """Nothing a test does lands in the real data folder (e.g. the content cache): XDG_DATA_HOME is temporary.

    The secret of the login codes is a temporary file too (also when WIJWERKEN_HOME is set), shared by this process
    and every server and kernel the tests start, so codes issued on either side log in on the other.
    """
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="wijwerken-xdg-")
    os.environ["WIJWERKEN_SECRET_FILE"] = os.path.join(tempfile.mkdtemp(prefix="wijwerken-secret-"), "code-secret")


def _is_notebook_cell(item: pytest.Item) -> bool:
    return item.path.suffix == ".ipynb"


# --- the server marker ------------------------------------------------------------------------------------------

SERVER_FIXTURES = frozenset({"server", "fresh_server", "server_factory", "workbook", "hub", "idle_hub"})
"""Fixtures that start a real server: tests/app/conftest.py (`run_voila`) and tests/browser/conftest.py
(`wijwerken serve`)."""

SERVER_TESTS = frozenset({
    # starts an IPython kernel to see the autosave debounce on a real event loop
    "tests/ui/test_autosave.py::test_saving_waits_until_typing_stops",
})
"""Node ids (without parameters) of tests that start a kernel or server without a SERVER_FIXTURES fixture and live
in folders where a ``@pytest.mark.server`` in the test file is not at hand."""


def _starts_servers(item: pytest.Item) -> bool:
    return (
        _is_notebook_cell(item)
        or not SERVER_FIXTURES.isdisjoint(getattr(item, "fixturenames", ()))
        or item.nodeid.split("[")[0] in SERVER_TESTS
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _starts_servers(item) and item.get_closest_marker("server") is None:
            item.add_marker(pytest.mark.server)


def _server_process(argv: object) -> str | None:
    """What kind of long-lived process the command line ``argv`` (as given to `subprocess.Popen`) starts, if any."""
    args = [os.fsdecode(a) if isinstance(a, (bytes, os.PathLike)) else str(a)
            for a in ([argv] if isinstance(argv, (str, bytes, os.PathLike)) else argv)]
    text = " ".join(args)
    if "ipykernel" in text:
        return "a Jupyter kernel"
    if "run_voila" in text or "voila" in args or "wijwerken_widgets.app.serve" in text:
        return "a Voilà server"
    names = {PurePath(a).name for a in args}
    if names & {"wijwerken", "wijwerken_widgets"} and "serve" in args and "--port" in args:
        return "a `wijwerken serve` server"
    return None


_UNMARKED: list[str] = []
"""The node id of the test being run when it is not marked ``server`` (empty otherwise)."""


def _guard_processes(event: str, args: tuple) -> None:
    """Audit hook: a test not marked ``server`` may not launch a kernel or a server."""
    if event == "subprocess.Popen" and _UNMARKED and (kind := _server_process(args[1])):
        raise RuntimeError(
            f"{_UNMARKED[0]} starts {kind} but is not marked `server`: add @pytest.mark.server (or use a fixture "
            "of SERVER_FIXTURES in conftest.py), so that the fast loop `pytest -m \"not browser and not server\"` "
            "leaves it out."
        )


sys.addaudithook(_guard_processes)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _UNMARKED[:] = [] if item.get_closest_marker("server") else [item.nodeid]
    if _is_notebook_cell(item):
        env = _demo_environment()
        _SAVED_ENV.update({key: os.environ.get(key) for key in env})
        os.environ.update(env)


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    _UNMARKED.clear()
    if _is_notebook_cell(item):
        for key, value in _SAVED_ENV.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def pytest_sessionfinish(session: pytest.Session) -> None:
    if home := _NBVAL_ENV.get("WIJWERKEN_HOME"):
        shutil.rmtree(home, ignore_errors=True)
