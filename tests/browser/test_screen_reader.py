"""What a screen reader hears that axe does not check: which toggle is chosen, that a save status is a live region,
that controls carry the name of the visible label above them (static/wijwerken-a11y.js)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.support.accessibility import wait_rendered
from tests.support.workbook import Workbook, log_in

pytestmark = pytest.mark.browser

PROBLEEM = "textarea[placeholder^='Bijvoorbeeld: Bewoners starten initiatieven']"
SAVE_TIMEOUT = 15_000


def open_logged_in(page: Page, workbook: Workbook, notebook: str, participant: int) -> None:
    page.goto(workbook.url(notebook))
    log_in(page, workbook.participant(participant).code)
    page.goto(workbook.url(notebook))
    wait_rendered(page, logged_in=True)


def test_a_toggle_group_says_which_option_is_chosen_and_follows_a_click(workbook: Workbook, page: Page) -> None:
    """Is the vraagstuk choice a named group whose chosen button is aria-pressed="true" (the other "false"), and do
    both flip after choosing the other one?"""
    open_logged_in(page, workbook, "dag1.ipynb", 0)
    group = page.get_by_role("group", name="Mijn vraagstuk is")
    expect(group.get_by_role("button")).to_have_count(2)
    chosen = group.get_by_role("button", pressed=True)
    other = group.get_by_role("button", pressed=False)
    expect(chosen).to_have_count(1)
    expect(other).to_have_count(1)
    chosen_name, other_name = chosen.inner_text(), other.inner_text()
    expect(chosen).to_have_attribute("aria-pressed", "true")
    expect(other).to_have_attribute("aria-pressed", "false")

    other.click()
    expect(group.get_by_role("button", name=other_name, exact=True)).to_have_attribute("aria-pressed", "true")
    expect(group.get_by_role("button", name=chosen_name, exact=True)).to_have_attribute("aria-pressed", "false")


def test_a_save_status_is_a_live_region_that_says_saved(workbook: Workbook, page: Page) -> None:
    """Does the status line under an autosaved field have role=status, and does it say "Opgeslagen hh:mm"?"""
    open_logged_in(page, workbook, "dag1.ipynb", 1)
    status = page.locator(f".ww-field:has({PROBLEEM}) .ww-save-status")
    expect(status).to_have_attribute("role", "status")
    page.locator(PROBLEEM).fill("Initiatieven stoppen na een jaar.")
    expect(status).to_have_text(re.compile(r"Opgeslagen \d\d:\d\d"), timeout=SAVE_TIMEOUT)
    expect(page.get_by_role("status").filter(has_text=re.compile(r"Opgeslagen \d\d:\d\d"))).to_have_count(1)


def test_fields_carry_the_name_of_their_visible_label(workbook: Workbook, page: Page) -> None:
    """Are Dag 1's text fields, Dag 2's sliders, 'wie ben ik' dropdown and toggle group, and the logboek's fields
    named by their visible labels, and are the forms' feedback lines live regions?"""
    open_logged_in(page, workbook, "dag1.ipynb", 2)
    expect(page.get_by_role("textbox", name="Beschrijf je vraagstuk", exact=True)).to_have_count(1)
    page.get_by_role("button", name="Aanname toevoegen").click()
    expect(page.get_by_role("textbox", name="Ik neem aan dat …", exact=True)).to_have_count(1)

    page.goto(workbook.url("dag2.ipynb"))  # still logged in
    wait_rendered(page, logged_in=True)
    for name in ("Invloed", "Belang"):
        expect(page.get_by_role("slider", name=name, exact=True)).to_have_count(1)
        expect(page.get_by_role("textbox", name=name, exact=True)).to_have_text("3")  # the number beside it
    expect(page.get_by_role("combobox", name="Waar sta jij zelf op de kaart?", exact=True)).to_have_count(1)
    plek = page.get_by_role("group", name="Plek", exact=True)
    expect(plek.get_by_role("button", pressed=True)).to_have_count(1)
    feedback = page.locator(".ww-feedback")
    expect(feedback.first).to_be_attached()
    for n in range(feedback.count()):
        expect(feedback.nth(n)).to_have_attribute("role", "status")

    page.goto(workbook.url("logboek.ipynb"))
    wait_rendered(page, logged_in=True)
    writer = page.locator(".ww-logbook")
    expect(writer.get_by_role("combobox", name="Waar wil je over schrijven?", exact=True)).to_have_count(1)
    expect(writer.get_by_role("textbox", name="Je stukje", exact=True)).to_have_count(1)
    expect(writer.get_by_role("group", name="Met wie deel je dit?", exact=True)).to_have_count(1)
