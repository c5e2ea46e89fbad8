"""Fixtures: a real wijwerken server (started through `run_voila`) on the fixture notebooks, and headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.support.browser import RequestLog, launch_chromium
from tests.support.voila_server import VoilaServer, start_server, stop_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VoilaServer]:
    """One server shared by the tests of a module that leave it running as they found it."""
    folder = tmp_path_factory.mktemp("server")
    running = start_server(data_dir=folder / "data", log_path=folder / "server.log")
    yield running
    stop_server(running)


@pytest.fixture
def fresh_server(tmp_path) -> Iterator[VoilaServer]:
    """A server of its own, for tests that kill kernels or stop the server."""
    running = start_server(data_dir=tmp_path / "data", log_path=tmp_path / "server.log")
    yield running
    stop_server(running)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile (no cookies) at laptop size."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    yield ctx
    ctx.close()


@pytest.fixture
def request_log(context: BrowserContext) -> RequestLog:
    """Every URL the context requests from now on."""
    return RequestLog(context)


@pytest.fixture
def page(context: BrowserContext, request_log: RequestLog) -> Page:
    return context.new_page()
