"""The front door: the server's address opens the welcome page, which leads to Dag 1."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in

pytestmark = pytest.mark.browser


def test_the_address_opens_the_welcome_page_and_its_link_leads_to_dag1(workbook: Workbook, page: Page) -> None:
    """Does http://127.0.0.1:PORT/ ask for the code and then land on 'Welkom', and does the Dag 1 link open Dag 1,
    still logged in?"""
    page.goto(workbook.server.url)
    log_in(page, workbook.participant(3).code)
    expect(page.get_by_role("heading", name="Welkom bij Grip op Loslaten")).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-steps")).to_contain_text("Look")
    page.locator(".ww-start a[href='dag1.ipynb']").click()
    expect(page.get_by_role("heading", name="Dag 1 · Look: het vraagstuk")).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-who")).to_contain_text(workbook.participant(3).naam, timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-login")).to_have_count(0)


def test_a_participant_asks_who_viewed_their_work_and_sees_the_trainer(workbook: Workbook, page: Page) -> None:
    """A trainer's view of the group's work (an audit line: ids only) is read back with the trainer's name, on
    request."""
    participant = workbook.participant(3)
    with workbook.store() as store:
        person = next(p for p in store.people(1) if p.name == participant.naam)
        trainer = next(p for p in store.people(1) if p.role == "trainer")
        store.audit("view", "group", person.group_id, origin="kernel", actor_id=trainer.id, cohort_id=1)
    page.goto(workbook.url("start.ipynb"))
    log_in(page, participant.code)
    page.get_by_role("button", name="Laat zien wie je werk bekeek").click(timeout=LOAD_TIMEOUT)
    table = page.locator(".ww-viewed table")
    expect(table).to_contain_text(trainer.name, timeout=LOAD_TIMEOUT)
    expect(table).to_contain_text("bekeek het werk van je groep")
