"""Dag 1 in real headless Chromium against `wijwerken serve`: what a participant does and sees."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.browser import RequestLog
from tests.support.voila_server import printed_codes, start_wijwerken, stop_server
from tests.support.waiting import wait_for
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in

pytestmark = pytest.mark.browser

HOOFDVRAAG = "textarea[placeholder^='Bijvoorbeeld: Hoe kunnen initiatiefnemers']"
PROBLEEM = "textarea[placeholder^='Bijvoorbeeld: Bewoners starten initiatieven']"
XSS = "<img src=x onerror=alert(1)>"


def field_status(page: Page, selector: str):
    """The save status line under the field holding ``selector``."""
    return page.locator(f".ww-field:has({selector}) .ww-save-status").first


def type_and_wait_saved(page: Page, selector: str, text: str) -> None:
    page.locator(selector).fill(text)
    expect(field_status(page, selector)).to_contain_text(re.compile(r"Opgeslagen \d\d:\d\d"), timeout=15_000)


def open_dag1(page: Page, workbook: Workbook) -> None:
    page.goto(workbook.url("dag1.ipynb"))
    expect(page.locator(HOOFDVRAAG)).to_be_visible(timeout=LOAD_TIMEOUT)


def test_answer_survives_a_reload_and_the_start_page_knows_who_is_there(
    workbook: Workbook, context: BrowserContext, page: Page, request_log: RequestLog
) -> None:
    """Log in, type the hoofdvraag, reload: is it back? And does a second tab stay logged in?"""
    participant = workbook.participant(0)
    page.goto(workbook.url("dag1.ipynb"))
    log_in(page, participant.code)
    question = "Hoe kunnen inwoners en de gemeente samen zorgen dat initiatieven blijven bestaan?"
    type_and_wait_saved(page, HOOFDVRAAG, question)
    expect(page.locator(".ww-coach-goed[data-rule='open_question']").first).to_be_visible()

    page.reload()
    expect(page.locator(HOOFDVRAAG)).to_have_value(question, timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-login")).to_have_count(0)
    expect(page.locator(".ww-card")).to_contain_text(question)

    second = context.new_page()
    second.goto(workbook.url("start.ipynb"))
    expect(second.locator(".ww-who")).to_contain_text(f"Ingelogd als \u2068{participant.naam}\u2069", timeout=LOAD_TIMEOUT)
    expect(second.locator(".ww-start a[href='dag1.ipynb']")).to_be_visible()
    assert request_log.off_machine() == []


def test_wrong_code_gets_a_dutch_message_and_the_field_again(workbook: Workbook, page: Page) -> None:
    """Does a mistyped code get a friendly Dutch message next to the field, marked for a screen reader, and can the
    participant then log in with the right one?"""
    page.goto(workbook.url("start.ipynb"))
    field = page.locator(".ww-login input[type=password]")
    expect(field).to_be_visible(timeout=LOAD_TIMEOUT)
    field.fill("AAAA-BBBB-CCCC-DDDD")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_contain_text("Deze code kennen we niet", timeout=15_000)
    expect(page.locator(".ww-login input[type=password]")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".ww-who")).to_have_count(0)
    log_in(page, workbook.participant(3).code)
    expect(page).to_have_url(re.compile(r"/voila/render/start\.ipynb$"))


def test_html_in_an_answer_is_shown_literally_and_never_runs(workbook: Workbook, page: Page) -> None:
    """Does `<img src=x onerror=alert(1)>` appear as text on the card, also after a reload, without running?"""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(workbook.url("dag1.ipynb"))
    log_in(page, workbook.participant(1).code)
    type_and_wait_saved(page, PROBLEEM, f"Probleem {XSS} in de wijk")
    expect(page.locator(".ww-card")).to_contain_text(f"Probleem {XSS} in de wijk")
    page.reload()
    expect(page.locator(".ww-card")).to_contain_text(f"Probleem {XSS} in de wijk", timeout=LOAD_TIMEOUT)
    expect(page.locator(PROBLEEM)).to_have_value(f"Probleem {XSS} in de wijk")
    assert page.locator(".ww-card img").count() == 0
    assert dialogs == []


def test_kernel_killed_mid_typing_loses_nothing_that_was_on_screen(
    workbook: Workbook, context: BrowserContext, page: Page
) -> None:
    """Kill the kernel while typing: does the page say so and lock the field, and does a reload offer back all of
    the text that was on screen, stored again after one click?"""
    page.goto(workbook.url("dag1.ipynb"))
    log_in(page, workbook.participant(2).code)
    saved = "Eerste zin is bewaard."
    type_and_wait_saved(page, PROBLEEM, saved)
    before = {k.pid for k in workbook.server.kernel_processes()}
    page.locator(PROBLEEM).press_sequentially(" En dit typ", delay=20)
    for kernel in workbook.server.kernel_processes():
        kernel.kill()
    expect(page.locator("#wijwerken-verbinding")).to_be_visible(timeout=20_000)
    expect(page.locator("#wijwerken-verbinding")).to_contain_text("verbroken")
    expect(page.locator(PROBLEEM)).not_to_be_editable()
    wait_for(lambda: not (before & {k.pid for k in workbook.server.kernel_processes()}), timeout=10)

    page.get_by_role("button", name="Pagina herladen").click()
    restored = page.locator(PROBLEEM)
    expect(restored).to_be_visible(timeout=LOAD_TIMEOUT)
    value = restored.input_value()
    assert value.startswith(saved)
    if value != saved + " En dit typ":  # the last keystrokes were not stored before the kill: offered back whole
        offer = page.locator(".wijwerken-concept")
        expect(offer).to_contain_text("En dit typ")
        offer.get_by_role("button", name="Terugzetten").click()
    expect(restored).to_have_value(saved + " En dit typ")


@pytest.mark.server  # starts two servers of its own
def test_answers_survive_a_server_restart_and_reach_another_device(
    tmp_path, browser, page: Page
) -> None:
    """Stop and start the server on the same data folder: is the answer still there, also on a new device?"""
    server = start_wijwerken(data_dir=tmp_path / "data", log_path=tmp_path / "serve.log")
    try:
        participant = [c for c in printed_codes(server.log()) if c.rol == "deelnemer"][0]
        page.goto(server.page_url("dag1.ipynb"))
        log_in(page, participant.code)
        type_and_wait_saved(page, HOOFDVRAAG, "Wat hebben initiatiefnemers nodig om door te gaan?")
    finally:
        assert stop_server(server) == 0
    server = start_wijwerken(data_dir=tmp_path / "data", log_path=tmp_path / "serve.log")
    try:
        page.goto(server.page_url("dag1.ipynb"))
        expect(page.locator(HOOFDVRAAG)).to_have_value(
            "Wat hebben initiatiefnemers nodig om door te gaan?", timeout=LOAD_TIMEOUT
        )
        other_device = browser.new_context(viewport={"width": 820, "height": 1180})
        try:
            tablet = other_device.new_page()
            tablet.goto(server.page_url("dag1.ipynb"))
            log_in(tablet, participant.code)
            expect(tablet.locator(HOOFDVRAAG)).to_have_value("Wat hebben initiatiefnemers nodig om door te gaan?")
        finally:
            other_device.close()
    finally:
        stop_server(server)
