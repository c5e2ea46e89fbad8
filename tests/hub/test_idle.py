"""Under the hub an open page nothing happens in closes (its kernel is culled), after a warning on the page; the
participant's input puts the warning away and keeps the page. Here the limit is 45 s (warning 15 s before)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.hub.conftest import running_hub
from tests.hub.test_hub import WHO, _log_in
from tests.support.hub import Hub

pytestmark = pytest.mark.browser

IDLE = 45


@pytest.fixture(scope="module")
def idle_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    with running_hub(tmp_path_factory.mktemp("idle-hub"), env={"WIJWERKEN_HUB_IDLE_SECONDS": str(IDLE)}) as hub:
        yield hub


def test_an_idle_page_warns_then_closes_and_input_keeps_it(idle_hub: Hub, browser: Browser) -> None:
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    _log_in(page, idle_hub, "fatima")
    expect(page.locator(WHO)).to_be_visible(timeout=120_000)
    warning = page.locator(".ww-idle")
    expect(warning).to_be_hidden()
    expect(warning).to_be_visible(timeout=IDLE * 1000)  # nobody typed: the warning comes before the end
    expect(warning).to_contain_text("wat je typte blijft bewaard")
    warning.get_by_role("button", name="Ik werk verder").click()
    expect(warning).to_be_hidden()
    expect(page.locator("#wijwerken-verbinding")).to_be_hidden()
    expect(warning).to_be_visible(timeout=IDLE * 1000)  # still nothing: the warning again,
    expect(page.locator("#wijwerken-verbinding")).to_be_visible(timeout=3 * IDLE * 1000)  # then the page closes
    expect(page.locator("#wijwerken-verbinding")).to_contain_text(re.compile(r"\w"))
    context.close()
