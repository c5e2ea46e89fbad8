"""Dag 4's actieplan in real headless Chromium against `wijwerken serve`.

Groep Buiten's Dag 2 map, a held Dag 3 conversation with a consented quote, a chosen rode draad and the quote's link
to it are put in the server's store directly (as the group made them earlier); the action is made in the browser.
"""

from __future__ import annotations

import secrets

import pytest
from playwright.sync_api import Page, expect

from tests.support.dag4 import act_session, hold_conversations
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from wijwerken_widgets.shared.act.items import SUPPORTS, TOGETHER, Fase, Koppeling, Thema
from wijwerken_widgets.ui.context import Context

pytestmark = pytest.mark.browser

SAVE_TIMEOUT = 30_000


def seed_rode_draad(workbook: Workbook, theme: str, quote: str) -> None:
    """A held conversation with ``quote`` (consent given), and the chosen rode draad ``theme`` it supports."""
    with workbook.store() as store:
        person = next(p for p in store.people(1) if p.name == workbook.participant(0).naam)
        ctx = Context.for_person(store, person)
        [held] = hold_conversations(ctx, ({"naam": "Wijkraad Noord", "soort": "inwoner"}, "ja", [quote]))
        act = act_session(ctx)
        act.put_item(Fase(fase=TOGETHER))
        theme_item = Thema(secrets.token_hex(8), naam=theme, gekozen=True)
        act.put_item(theme_item)
        act.put_item(Koppeling.new(held.quote_ids[0], theme_item.id, SUPPORTS, person.id, TOGETHER))


def test_an_action_linked_to_a_rode_draad_leads_back_to_its_quote_and_stays(workbook: Workbook, page: Page) -> None:
    theme = f"Kastje en muur {secrets.token_hex(2)}"
    quote = f"We worden van het kastje naar de muur gestuurd ({secrets.token_hex(3)})"
    seed_rode_draad(workbook, theme, quote)
    page.goto(workbook.url("dag4.ipynb"))
    log_in(page, workbook.participant(0).code)
    plan = page.locator(".ww-action-plan")
    expect(plan).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-plan-prompts")).to_contain_text("Wat ga jij eraan doen?")

    plan.get_by_role("button", name="Nieuwe actie").click()
    action = plan.locator(".ww-action")
    wat = action.locator("input[placeholder^='Bijvoorbeeld: elke maand']")
    expect(wat).to_be_visible(timeout=SAVE_TIMEOUT)
    name = f"Inloopavond {secrets.token_hex(3)}"
    wat.fill(name)
    action.get_by_label(theme, exact=True).check()
    quotes = action.locator(".ww-plan-quotes")
    expect(quotes).to_contain_text(f'Citaten bij "{theme}" (1)', timeout=SAVE_TIMEOUT)
    quotes.locator("summary").first.click()
    expect(quotes.get_by_text(quote)).to_be_visible()
    expect(quotes).to_contain_text("Wijkraad Noord (Inwoner)")
    action.get_by_label("Wie is eigenaar?").select_option(label="Stakeholder: Wijkraad Noord")
    expect(action.locator(".ww-save-status")).to_contain_text("Opgeslagen", timeout=SAVE_TIMEOUT)
    expect(plan.locator(".ww-plan-table")).to_contain_text(name, timeout=SAVE_TIMEOUT)
    expect(plan.locator(".ww-plan-checks")).to_contain_text("Stakeholders: 1 (100%)")

    page.reload()  # the session cookie logs the participant in again
    action = page.locator(".ww-action-plan .ww-action")
    expect(action.locator("input[placeholder^='Bijvoorbeeld: elke maand']")).to_have_value(name, timeout=LOAD_TIMEOUT)
    expect(action.get_by_label(theme, exact=True)).to_be_checked()
    quotes = action.locator(".ww-plan-quotes")
    quotes.locator("summary").first.click()
    expect(quotes.get_by_text(quote)).to_be_visible()
