"""Browser fixtures shared by every browser test (registered in the root conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.support.browser import RequestLog, launch_chromium


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
