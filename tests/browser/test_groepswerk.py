"""The trainer page "Werk van de groepen" in real headless Chromium against `wijwerken serve`: a trainer reads the
Dag 1 vraagstuk a participant just typed, a name with "<script>" shows as typed (and runs nothing), and a
participant is refused.

Own module, so its own `wijwerken serve`: a participant with an odd name is added to that server's store."""

from __future__ import annotations

import re
import secrets

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from wijwerken_widgets.shared.vraagstuk import PROBLEEM as PROBLEEM_KEY

pytestmark = pytest.mark.browser

PROBLEEM = "textarea[placeholder^='Bijvoorbeeld: Bewoners starten initiatieven']"
SAVE_TIMEOUT = 15_000
SCRIPT_NAME = "<script>window.ranScript = 1</script> Noor"


def test_a_participant_session_is_refused(workbook: Workbook, page: Page) -> None:
    page.goto(workbook.url("groepswerk.ipynb"))
    log_in(page, workbook.participant(0).code)
    expect(page.locator(".ww-notice")).to_contain_text("alleen voor trainers", timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-groepswerk")).to_have_count(0)
    expect(page.get_by_text(workbook.participant(1).naam)).to_have_count(0)


def test_a_trainer_reads_a_participants_fresh_vraagstuk_and_a_script_name_literally(
        workbook: Workbook, page: Page, second_context: BrowserContext) -> None:
    participant = workbook.participant(1)
    typed = f"Inwoners vinden het loket niet ({secrets.token_hex(3)})"
    page.goto(workbook.url("dag1.ipynb"))
    log_in(page, participant.code)
    field = page.locator(PROBLEEM)
    expect(field).to_be_visible(timeout=LOAD_TIMEOUT)
    field.fill(typed)
    expect(page.locator(f".ww-field:has({PROBLEEM}) .ww-save-status").first).to_contain_text(
        "Opgeslagen", timeout=SAVE_TIMEOUT)
    with workbook.store() as store:
        person = next(p for p in store.people(1) if p.name == participant.naam)
        odd = store.add_person(person.cohort_id, SCRIPT_NAME, "deelnemer", "hash-odd", group_id=person.group_id)
        store.save_answer(odd.id, PROBLEEM_KEY, "Probleem van Noor", client_id="test", base_id=None)
        group_id = person.group_id

    coach = second_context.new_page()
    coach.goto(workbook.url("start.ipynb"))
    log_in(coach, next(c for c in workbook.codes if c.rol == "trainer").code)
    coach.goto(workbook.url("groepswerk.ipynb") + f"?groep={group_id}")
    cards = coach.locator(".ww-exercise", has=coach.get_by_role("heading", name="Vraagstukken", exact=True))
    expect(cards).to_contain_text(typed, timeout=LOAD_TIMEOUT)
    expect(cards.get_by_role("heading", name=participant.naam)).to_be_visible()
    expect(cards.get_by_role("heading", name=SCRIPT_NAME)).to_be_visible()
    expect(cards).to_contain_text("Probleem van Noor")
    assert coach.evaluate("() => window.ranScript === undefined")
    cards.get_by_role("button", name="Download als tekst (Markdown)").click()
    expect(cards.locator("a.ww-download")).to_have_attribute(
        "download", re.compile(rf"vraagstukken-groep-{group_id}-\d{{4}}-\d\d-\d\d\.md"))
    expect(coach.locator(".ww-who")).to_contain_text("Ingelogd als")
