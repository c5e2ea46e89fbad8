"""The three months in real headless Chromium against `wijwerken serve`: two groupmates write a new status for the
same action at the same moment, and both updates are in its history — on both screens and after a reload."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.support.dag4 import act_session
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.shared.act.items import Actie
from wijwerken_widgets.ui.context import Context

pytestmark = pytest.mark.browser

SAVE_TIMEOUT = 30_000


@pytest.fixture
def second_context(browser: Browser) -> Iterator[BrowserContext]:
    """A second browser profile: a groupmate on another laptop."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    yield ctx
    ctx.close()


def seed_action(workbook: Workbook, name: str) -> None:
    """An action of the first participant's group's actieplan, made on Dag 4."""
    with workbook.store() as store:
        person = next(p for p in store.people(1) if p.name == workbook.participant(0).naam)
        act_session(Context.for_person(store, person)).put_item(
            Actie(new_id(), wat=name, eigenaar_soort="groep", start="2027-02-01", eind="2027-05-01"))


def open_months(page: Page, workbook: Workbook, n: int) -> None:
    page.goto(workbook.url("maanden.ipynb"))
    log_in(page, workbook.participant(n).code)
    expect(page.locator(".ww-since")).to_be_visible(timeout=LOAD_TIMEOUT)


def write_status(page: Page, action: str, status: str, note: str) -> None:
    page.get_by_label(f"Stand van {action}", exact=True).select_option(label=status)
    page.get_by_label(f"Toelichting bij {action}", exact=True).fill(note)


def test_two_groupmates_update_one_action_and_both_updates_are_in_its_history(
    workbook: Workbook, page: Page, second_context: BrowserContext
) -> None:
    action = f"Inloopavond {secrets.token_hex(3)}"
    seed_action(workbook, action)
    other = second_context.new_page()
    open_months(page, workbook, 0)
    open_months(other, workbook, 1)
    mine, theirs = f"Eerste avond liep goed {secrets.token_hex(2)}", f"Zaal is weer weg {secrets.token_hex(2)}"
    write_status(page, action, "✓ op schema", mine)
    write_status(other, action, "⚠ hapert", theirs)
    line = page.locator(".ww-since-line", has_text=action)
    other_line = other.locator(".ww-since-line", has_text=action)
    line.get_by_role("button", name="Stand bijschrijven").click()  # both at once: each its own new item
    other_line.get_by_role("button", name="Stand bijschrijven").click()
    expect(line.locator(".ww-feedback")).to_contain_text("bijgeschreven", timeout=SAVE_TIMEOUT)
    expect(other_line.locator(".ww-feedback")).to_contain_text("bijgeschreven", timeout=SAVE_TIMEOUT)

    for screen in (page, other):
        screen.get_by_label("Kies een actie", exact=True).select_option(label=action)
        history = screen.locator(".ww-action-history")
        expect(history).to_contain_text(mine, timeout=SAVE_TIMEOUT)
        expect(history).to_contain_text(theirs, timeout=SAVE_TIMEOUT)
        expect(screen.locator(".ww-monitoring-table")).to_contain_text("2", timeout=SAVE_TIMEOUT)

    page.reload()  # the session cookie logs the participant in again
    expect(page.locator(".ww-since")).to_be_visible(timeout=LOAD_TIMEOUT)
    page.get_by_label("Kies een actie", exact=True).select_option(label=action)
    history = page.locator(".ww-action-history")
    expect(history).to_contain_text(mine, timeout=SAVE_TIMEOUT)
    expect(history).to_contain_text(theirs)
    expect(history).to_contain_text("contact")
