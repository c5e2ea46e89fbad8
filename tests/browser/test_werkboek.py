"""The whole werkboek downloaded from the start page in real headless Chromium against `wijwerken serve`, and
opened from disk with the network off."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from tests.support.accessibility import load_exceptions, run_axe, unexpected_and_stale
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from wijwerken_widgets.core.ids import new_id

pytestmark = pytest.mark.browser

PROBLEEM = "textarea[placeholder^='Bijvoorbeeld: Bewoners starten initiatieven']"
SAVE_TIMEOUT = 30_000


@pytest.fixture
def second_context(browser: Browser) -> Iterator[BrowserContext]:
    """A groupmate's browser."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    yield ctx
    ctx.close()


def download_werkboek(page: Page, workbook: Workbook, folder: Path) -> Path:
    """On the start page, make the werkboek and download its web page by clicking the link."""
    page.goto(workbook.url("start.ipynb"))
    section = page.locator(".ww-werkboek")
    expect(section).to_be_visible(timeout=LOAD_TIMEOUT)
    section.get_by_role("button", name="Maak mijn werkboek").click()
    link = section.get_by_role("link", name="Download je werkboek als webpagina", exact=False)
    expect(link).to_be_visible(timeout=SAVE_TIMEOUT)
    expect(section.get_by_role("link", name="Download je werkboek als tekst", exact=False)).to_be_visible()
    with page.expect_download() as download:
        link.click()
    path = folder / download.value.suggested_filename
    download.value.save_as(path)
    return path


def open_offline(browser: Browser, path: Path) -> str:
    """Open the file from disk in a browser with the network off; fail on any request but the file itself."""
    context = browser.new_context(offline=True)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))

    def refuse(route: Route) -> None:
        route.abort()

    context.route("http://**/*", refuse)
    context.route("https://**/*", refuse)
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        expect(page.locator("h1")).to_have_text("Werkboek Grip op Loslaten")
        text = page.locator("body").inner_text()
        assert [url for url in requested if not url.startswith("file:")] == []
        return text
    finally:
        context.close()


def test_the_downloaded_werkboek_opens_offline_with_my_answer_and_my_prive_entry_and_not_for_a_groupmate(
    workbook: Workbook, page: Page, browser: Browser, second_context: BrowserContext, tmp_path: Path
) -> None:
    tag = secrets.token_hex(3)
    answer = f"Initiatieven van bewoners stranden bij het loket ({tag})"
    secret = f"Ik twijfel of ik dit wel kan ({tag})"
    page.goto(workbook.url("dag1.ipynb"))
    log_in(page, workbook.participant(0).code)
    field = page.locator(PROBLEEM)
    field.fill(answer)
    field.blur()
    expect(page.locator(f".ww-field:has({PROBLEEM}) .ww-save-status").first).to_contain_text(
        "Opgeslagen", timeout=SAVE_TIMEOUT)
    with workbook.store() as store:  # a privé logboek entry, as the logboek page saves it
        person = next(p for p in store.people(1) if p.name == workbook.participant(0).naam)
        store.save_log_entry(person.id, new_id(), day="dag1", prompt="", text=secret, sharing="prive",
                             client_id="test")

    mine = download_werkboek(page, workbook, tmp_path / "mine")
    assert mine.suffix == ".html"
    unexpected, _stale = unexpected_and_stale("start-participant", run_axe(page), load_exceptions())
    assert not unexpected, f"the start page with its download links: {unexpected}"
    shown = open_offline(browser, mine)
    assert answer in shown and secret in shown
    assert "(privé)" in shown

    other = second_context.new_page()
    other.goto(workbook.url("start.ipynb"))
    log_in(other, workbook.participant(1).code)
    theirs = download_werkboek(other, workbook, tmp_path / "theirs")
    shown = open_offline(browser, theirs)
    assert workbook.participant(1).naam in shown and "Groep Buiten" in shown
    assert secret not in shown and answer not in shown
