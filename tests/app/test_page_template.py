"""What a participant sees of a workbook page: Dutch, styled, offline, without Jupyter or Voilà traces."""

from __future__ import annotations

import re

import pytest
import requests
from playwright.sync_api import Page, expect

from tests.support.browser import RequestLog
from tests.support.voila_server import VoilaServer
from tests.support.waiting import wait_for

pytestmark = pytest.mark.browser

DUTCH_CELL_ERROR = "Er ging iets mis bij het laden van dit onderdeel."


def test_page_is_dutch_and_shows_the_textarea(server: VoilaServer, page: Page) -> None:
    """Does a workbook page say it is Dutch, load with Dutch text, and then show its textarea?"""
    response = page.goto(server.page_url("textarea.ipynb"))
    html = response.text()
    assert '<html lang="nl">' in html
    assert re.search(r'<p id="loading_text"[^>]*>Werkboek wordt geladen…</p>', html)
    for english in ("Running", "Executing", "Reading"):
        assert english not in html

    expect(page.locator("textarea")).to_be_visible(timeout=30_000)
    expect(page.locator("#loading")).to_have_count(0)
    expect(page).to_have_title("Tekstvak")
    assert page.evaluate("document.documentElement.lang") == "nl"
    expect(page.locator("header")).to_have_text("Grip op Loslaten · Werkboek", use_inner_text=True)
    assert "voil" not in page.locator("body").inner_text().lower()


def test_textarea_takes_the_column_width(server: VoilaServer, page: Page) -> None:
    """Is the textarea as wide as the content column, and are controls touch-sized?"""
    page.goto(server.page_url("page_layout.ipynb"))
    textarea = page.locator("textarea")
    expect(textarea).to_be_visible(timeout=30_000)
    column = page.locator("#rendered_cells > div").bounding_box()
    box = textarea.bounding_box()
    assert column["width"] <= 900
    assert box["width"] >= 0.85 * column["width"]
    assert box["x"] + box["width"] <= column["x"] + column["width"]
    for selector in ("select", "input[type=text]", "button.jupyter-button"):
        assert page.locator(selector).first.bounding_box()["height"] >= 40


def test_no_request_leaves_the_machine(server: VoilaServer, page: Page, request_log: RequestLog) -> None:
    """Do the pages (widgets, markdown with formulas, the workbook list) load everything from the server itself?"""
    for notebook in ("textarea.ipynb", "page_layout.ipynb", "math.ipynb"):
        page.goto(server.page_url(notebook))
        expect(page.locator("#loading")).to_have_count(0, timeout=30_000)
        page.wait_for_load_state("networkidle")
    page.goto(server.url)
    expect(page.get_by_role("heading", name="Werkboeken")).to_be_visible()

    assert any("/voila/static/" in url for url in request_log.urls)
    assert request_log.off_machine() == []
    assert [url for url in request_log.urls if "awesome" in url.lower()] == []


def test_failing_cell_shows_only_a_dutch_message(server: VoilaServer, page: Page) -> None:
    """Does a failing cell show the Dutch message, without traceback, code or English, while the log has it all?"""
    page.goto(server.page_url("failing_cell.ipynb"))
    message = page.locator(".wijwerken-fout")
    expect(message).to_be_visible(timeout=30_000)
    expect(message).to_contain_text(DUTCH_CELL_ERROR)
    expect(message).to_contain_text("meld het dan bij je trainer")

    text = page.locator("body").inner_text()
    html = page.content()
    for leak in ("Traceback", "Error", "error", "Voil", "Please", "bereken_score", "wijwerken-testfout"):
        assert leak not in text
    for leak in ("Traceback", "RuntimeError", "bereken_score", "wijwerken-testfout", "There was an error"):
        assert leak not in html

    log = wait_for(lambda: "wijwerken-testfout-7f3a" in server.log() and server.log(), timeout=10)
    assert "Traceback (most recent call last)" in log
    assert "RuntimeError" in log and "bereken_score()" in log


def test_unknown_page_answers_in_dutch(server: VoilaServer) -> None:
    """Does a mistyped address get a Dutch 404 page that loads nothing from elsewhere?"""
    response = requests.get(server.page_url("bestaat_niet.ipynb"), cookies=server.cookies, timeout=10)
    assert response.status_code == 404
    assert '<html lang="nl">' in response.text
    assert "Deze pagina bestaat niet" in response.text
    assert "cdn" not in response.text.lower() and "awesome" not in response.text.lower()
