"""A real `wijwerken serve` (the README's command) with the demo cohort, for the participant's browser tests.

Every test that uses ``workbook`` is marked ``server`` by the root conftest.py (SERVER_FIXTURES there).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext

from tests.support.voila_server import printed_codes, start_wijwerken, stop_server
from tests.support.workbook import Workbook


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workbook]:
    folder = tmp_path_factory.mktemp("workbook")
    server = start_wijwerken(data_dir=folder / "data", log_path=folder / "serve.log")
    codes = printed_codes(server.log())
    assert len([c for c in codes if c.rol == "deelnemer"]) >= 2, server.log()
    yield Workbook(server, codes)
    stop_server(server)


@pytest.fixture
def second_context(browser: Browser) -> Iterator[BrowserContext]:
    """A second browser profile, made like the `context` fixture: a groupmate on another laptop."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    yield ctx
    ctx.close()
