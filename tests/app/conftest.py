"""Fixtures: a real wijwerken server (started through `run_voila`) on the fixture notebooks.

Every test that uses one of these fixtures is marked ``server`` by the root conftest.py (SERVER_FIXTURES there).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext

from tests.support.voila_server import VoilaServer, start_server, stop_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VoilaServer]:
    """One server shared by the tests of a module that leave it running as they found it."""
    folder = tmp_path_factory.mktemp("server")
    running = start_server(data_dir=folder / "data", log_path=folder / "server.log")
    yield running
    stop_server(running)


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[Callable[..., VoilaServer]]:
    """``server_factory(**options)`` starts a server of the test's own, with `start_server` options (e.g. a short
    ``cull_idle_timeout``); every server it started is stopped after the test, also when the test stopped it."""
    started: list[VoilaServer] = []

    def start(**options) -> VoilaServer:
        running = start_server(data_dir=tmp_path / "data", log_path=tmp_path / f"server-{len(started)}.log",
                               **options)
        started.append(running)
        return running

    yield start
    for running in started:
        stop_server(running)


@pytest.fixture
def context(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    """A fresh browser profile at laptop size, logged in to the test's server (``server`` or ``fresh_server``)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    for name in ("server", "fresh_server"):
        if name in request.fixturenames:
            request.getfixturevalue(name).sign_in(ctx)
    yield ctx
    ctx.close()


@pytest.fixture
def fresh_server(server_factory: Callable[..., VoilaServer]) -> VoilaServer:
    """A server of its own, for tests that kill kernels or stop the server."""
    return server_factory()
