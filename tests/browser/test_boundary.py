"""Nothing typed is lost between the browser and the kernel: continuous typing saves, a stopped kernel is noticed,
unsaved text stays in the browser and is offered back, and leaving with unsaved text asks first."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Dialog, Page, expect

from tests.support.waiting import wait_for
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from tests.ui.test_drafts import HASH_VECTORS
from wijwerken_widgets.core.dutch import clock
from wijwerken_widgets.pages.dag1 import keys
from wijwerken_widgets.people.codes import hash_code

pytestmark = pytest.mark.browser

DRAFTS_JS = (Path(__file__).resolve().parents[2] / "wijwerken_widgets" / "jupyter_data" / "voila" / "templates"
             / "wijwerken" / "static" / "wijwerken-drafts.js")
PROBLEEM = "textarea[placeholder^='Bijvoorbeeld: Bewoners starten initiatieven']"
HOOFDVRAAG = "textarea[placeholder^='Bijvoorbeeld: Hoe kunnen initiatiefnemers']"
SAVED = re.compile(r"Opgeslagen \d\d:\d\d")


def status_of(page: Page, selector: str):
    return page.locator(f".ww-field:has({selector}) .ww-save-status").first


def stored(workbook: Workbook, code: str, key: str) -> str | None:
    """What the server's store holds for the participant with ``code`` under ``key`` (None: nothing)."""
    with workbook.store() as store:
        person = store.person_by_code_hash(hash_code(code))
        latest = store.latest_answer(person.id, key)
        return None if latest is None else latest.value


def open_dag1(page: Page, workbook: Workbook, code: str) -> None:
    page.goto(workbook.url("dag1.ipynb"))
    log_in(page, code)
    expect(page.locator(PROBLEEM)).to_be_visible(timeout=LOAD_TIMEOUT)
    page.wait_for_function("() => document.querySelector('.ww-draft-ledger') !== null", timeout=30_000)
    expect(page.locator(".ww-draft-ledger")).to_be_hidden()  # the ledger is data for the page's script only


def kept_drafts(page: Page) -> int:
    return page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('wijwerken-concept:')).length")


def test_the_hash_agrees_with_python(page: Page) -> None:
    """Does the page's hash give the same digests as ui.drafts.fnv1a, also for "één" and an emoji?"""
    page.set_content("<html><body></body></html>")
    page.add_script_tag(path=str(DRAFTS_JS))
    digests = page.evaluate("texts => texts.map(t => window.wijwerkenDrafts.hash(t))", list(HASH_VECTORS))
    assert digests == list(HASH_VECTORS.values())


def test_typing_without_a_pause_reaches_the_store_while_typing_goes_on(workbook: Workbook, page: Page) -> None:
    """Type for ~8 s without ever pausing 0.8 s: is the text stored before the typing stops?"""
    code = workbook.participant(0).code
    open_dag1(page, workbook, code)
    field = page.locator(PROBLEEM)
    field.click()
    typed, seen_while_typing = "", None
    start = time.monotonic()
    while time.monotonic() - start < 8:
        chunk = "Inwoners haken af. "[len(typed) % 19:][:6] or "x"
        field.press_sequentially(chunk, delay=60)  # a keystroke every 60 ms, no pause between the chunks either
        typed += chunk
        value = stored(workbook, code, keys.PROBLEEM)
        if seen_while_typing is None and value:
            seen_while_typing = (time.monotonic() - start, value)
    assert seen_while_typing is not None, "nothing was stored while typing went on"
    at, value = seen_while_typing
    assert at < 6 and typed.startswith(value)


def test_a_kernel_shut_down_through_the_api_is_noticed_and_its_unsaved_text_offered_back(
    workbook: Workbook, page: Page
) -> None:
    """DELETE /api/kernels/<id> (as the culler does): banner within seconds, fields read-only, and the text typed
    just before is offered back after a reload; one click puts it back and it is saved."""
    code = workbook.participant(1).code
    open_dag1(page, workbook, code)
    field = page.locator(PROBLEEM)
    field.fill("Eerste zin is bewaard.")
    expect(status_of(page, PROBLEEM)).to_contain_text(SAVED, timeout=15_000)

    kernel = page.evaluate("async () => (await window.jupyterapp.widgetManagerPromise.promise).kernel.id")
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}  # this browser's session and _xsrf
    shut = requests.delete(f"{workbook.server.url}api/kernels/{kernel}", headers={"X-XSRFToken": cookies["_xsrf"]},
                           cookies=cookies, timeout=30)
    assert shut.status_code == 204
    stopped = time.monotonic()
    unsaved = "Eerste zin is bewaard. En dit kwam er net nog bij."
    # Typed in the moment before the page notices (it may already be read-only: then set it the way typing does).
    field.evaluate("(el, text) => { el.value = text; el.dispatchEvent(new Event('input', {bubbles: true})); }",
                   unsaved)

    banner = page.locator("#wijwerken-verbinding")
    expect(banner).to_be_visible(timeout=10_000)
    print(f"banner {time.monotonic() - stopped:.1f} s after the API shutdown")
    expect(banner).to_contain_text("bewaart deze browser")
    expect(field).not_to_be_editable()
    expect(status_of(page, PROBLEEM)).not_to_contain_text("Opgeslagen")
    assert stored(workbook, code, keys.PROBLEEM) == "Eerste zin is bewaard."

    page.get_by_role("button", name="Pagina herladen").click()
    offer = page.locator(".wijwerken-concept")
    expect(offer).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(page.locator(PROBLEEM)).to_have_value("Eerste zin is bewaard.")
    expect(offer).to_contain_text("En dit kwam er net nog bij.")
    # The time it was typed, on the workbook's clock like "Opgeslagen 10:24" (not the browser's time zone).
    now = datetime.now(timezone.utc)
    expect(offer).to_contain_text(re.compile("|".join(clock(now - timedelta(minutes=m)) for m in (0, 1, 2))))
    offer.get_by_role("button", name="Terugzetten").click()
    expect(page.locator(PROBLEEM)).to_have_value(unsaved)
    wait_for(lambda: stored(workbook, code, keys.PROBLEEM) == unsaved, timeout=15, message="restored text not saved")
    wait_for(lambda: kept_drafts(page) == 0, timeout=10, message="the draft was not forgotten after the save")
    expect(offer).to_have_count(0)


def reload_by_the_page(page: Page) -> None:
    """Start a reload from inside the page (as a link or the reload button would; the dialog then is Chromium's)."""
    page.evaluate("() => { window.setTimeout(() => window.location.reload(), 10); }")


def test_leaving_with_unsaved_text_asks_first_and_not_once_it_is_saved(workbook: Workbook, page: Page) -> None:
    """Is beforeunload armed right after typing (and staying keeps the kernel), and no longer once it is saved?"""
    code = workbook.participant(2).code
    open_dag1(page, workbook, code)
    asked: list[str] = []

    def stay(dialog: Dialog) -> None:
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.locator(HOOFDVRAAG).press_sequentially("Hoe houden we", delay=10)
    with page.expect_event("dialog", timeout=10_000):  # (Playwright delivers events only while it is called)
        reload_by_the_page(page)
    assert asked == ["beforeunload"]

    # Staying kept the kernel (Voilà's shutdown beacon was held back): the text is saved as usual.
    expect(status_of(page, HOOFDVRAAG)).to_contain_text(SAVED, timeout=15_000)
    wait_for(lambda: stored(workbook, code, keys.HOOFDVRAAG) == "Hoe houden we", timeout=10)
    page.wait_for_function("() => !window.wijwerkenDrafts.unsaved()", timeout=10_000)
    wait_for(lambda: kept_drafts(page) == 0, timeout=10, message="the draft was not forgotten after the save")
    with page.expect_event("load", timeout=LOAD_TIMEOUT):
        reload_by_the_page(page)
    assert asked == ["beforeunload"]
    expect(page.locator(HOOFDVRAAG)).to_have_value("Hoe houden we", timeout=LOAD_TIMEOUT)


def test_the_last_keystrokes_before_a_reload_come_back(workbook: Workbook, page: Page) -> None:
    """Type and reload at once (confirming the question): is every last keystroke there after the reload?"""
    code = workbook.participant(0).code
    open_dag1(page, workbook, code)
    page.on("dialog", lambda dialog: dialog.accept())
    field = page.locator(HOOFDVRAAG)
    field.fill("")
    full = "Wat hebben initiatiefnemers nodig, tot en met de laatste letter"
    field.press_sequentially(full, delay=5)
    kept = ("() => Object.entries(localStorage).filter(([k]) => k.startsWith('wijwerken-concept:'))"
            ".map(([, v]) => JSON.parse(v).value)")
    assert full in page.evaluate(kept)  # every keystroke is in the browser at once, before any save
    page.reload()
    field = page.locator(HOOFDVRAAG)
    expect(field).to_be_visible(timeout=LOAD_TIMEOUT)
    offer = page.locator(".wijwerken-concept")
    if field.input_value() != full:  # not saved in time: then it is offered back, whole
        expect(offer).to_contain_text(full, timeout=10_000)
        offer.get_by_role("button", name="Terugzetten").click()
    expect(field).to_have_value(full)
    wait_for(lambda: stored(workbook, code, keys.HOOFDVRAAG) == full, timeout=15, message="not saved")
