"""Dag 4 in Chromium: a theme's definition typed just before its kernel stops is offered back after a reload."""

from __future__ import annotations

import secrets

import pytest
import requests
from playwright.sync_api import Page, expect

from tests.support.waiting import wait_for
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from wijwerken_widgets.shared.act.items import Thema

pytestmark = pytest.mark.browser

WEL = "input[placeholder^='Bijvoorbeeld: inwoners die niet weten']"


def test_a_themes_definition_typed_as_the_kernel_stops_is_offered_back(workbook: Workbook, page: Page) -> None:
    noor = next(c for c in workbook.codes if c.naam == "Noor Bakker")  # the demo's example group
    page.goto(workbook.url("dag4.ipynb"))
    log_in(page, noor.code)
    editor = page.locator(".ww-theme-editor")
    editor.get_by_label("Thema", exact=True).select_option(label="Snelheid")
    field = editor.locator(WEL)
    expect(field).to_have_value("de wens dat het sneller gaat", timeout=LOAD_TIMEOUT)
    page.wait_for_function("() => document.querySelector('.ww-draft-ledger') !== null", timeout=30_000)

    kernel = page.evaluate("async () => (await window.jupyterapp.widgetManagerPromise.promise).kernel.id")
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    shut = requests.delete(f"{workbook.server.url}api/kernels/{kernel}", headers={"X-XSRFToken": cookies["_xsrf"]},
                           cookies=cookies, timeout=30)
    assert shut.status_code == 204
    typed = f"de wens dat het sneller gaat, binnen zes weken {secrets.token_hex(2)}"
    field.evaluate("(el, text) => { el.value = text; el.dispatchEvent(new Event('input', {bubbles: true})); }",
                   typed)
    expect(page.locator("#wijwerken-verbinding")).to_be_visible(timeout=10_000)

    page.get_by_role("button", name="Pagina herladen").click()
    editor = page.locator(".ww-theme-editor")
    editor.get_by_label("Thema", exact=True).select_option(label="Snelheid", timeout=LOAD_TIMEOUT)
    offer = page.locator(".wijwerken-concept")
    expect(offer).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(offer).to_contain_text(typed)
    offer.get_by_role("button", name="Terugzetten").click()
    expect(editor.locator(WEL)).to_have_value(typed)
    wait_for(lambda: stored_wel(workbook) == typed, timeout=30, message="the restored definition was not saved")


def stored_wel(workbook: Workbook) -> str:
    with workbook.store() as store:
        group = next(g for g in store.groups(1) if g.name == "Voorbeeldgroep")
        return next(Thema.of(i).wel for i in store.items("act", group.id)
                    if i.kind == Thema.KIND and Thema.of(i).naam == "Snelheid")
