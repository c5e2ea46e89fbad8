"""The trainer page "Tussen de dagen" in real headless Chromium against `wijwerken serve`: a participant is refused,
the matrix shows a fresh Dag 1 answer as "bezig", and the feedback queue holds shared logboek entries only."""

from __future__ import annotations

import secrets

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from wijwerken_widgets.people.cohorts import remove_person

pytestmark = pytest.mark.browser

PROBLEEM = "textarea[placeholder^='Bijvoorbeeld: Bewoners starten initiatieven']"
SAVE_TIMEOUT = 15_000


def trainer_code(workbook: Workbook) -> str:
    return next(c for c in workbook.codes if c.rol == "trainer").code


def open_as(page: Page, workbook: Workbook, code: str) -> None:
    page.goto(workbook.url("trainer.ipynb"))
    log_in(page, code)


def test_a_participant_session_on_a_trainer_page_is_refused(workbook: Workbook, page: Page) -> None:
    open_as(page, workbook, workbook.participant(0).code)
    expect(page.locator(".ww-notice")).to_contain_text("alleen voor trainers", timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-matrix")).to_have_count(0)
    expect(page.locator(".ww-feedback-queue")).to_have_count(0)
    expect(page.get_by_text(workbook.participant(1).naam)).to_have_count(0)


def test_the_progress_matrix_shows_a_participants_fresh_dag1_answer_as_bezig(
        workbook: Workbook, page: Page, second_context: BrowserContext) -> None:
    participant = workbook.participant(1)
    page.goto(workbook.url("dag1.ipynb"))
    log_in(page, participant.code)
    field = page.locator(PROBLEEM)
    expect(field).to_be_visible(timeout=LOAD_TIMEOUT)
    field.fill(f"Inwoners vinden het loket niet ({secrets.token_hex(2)})")
    expect(page.locator(f".ww-field:has({PROBLEEM}) .ww-save-status").first).to_contain_text(
        "Opgeslagen", timeout=SAVE_TIMEOUT)

    coach = second_context.new_page()
    open_as(coach, workbook, trainer_code(workbook))
    row = coach.locator(".ww-matrix tbody tr").filter(has=coach.locator("th", has_text=participant.naam))
    cell = row.locator("td[data-exercise='dag1.problem_statement']")
    expect(cell).to_have_text("◐ bezig", timeout=LOAD_TIMEOUT)
    expect(row.locator("td[data-exercise='dag1.assumptions']")).to_have_text("○ niet gestart")
    coach.locator(".ww-matrix-scroll").focus()  # the table is reachable and scrolls by keyboard
    expect(coach.locator(".ww-matrix-scroll")).to_be_focused()


def test_a_trainer_sees_a_shared_logboek_entry_but_not_a_private_one(workbook: Workbook, page: Page) -> None:
    shared, private = f"Gedeeld inzicht {secrets.token_hex(3)}", f"Privé twijfel {secrets.token_hex(3)}"
    with workbook.store() as store:
        person = next(p for p in store.people(1) if p.name == workbook.participant(0).naam)
        store.save_log_entry(person.id, secrets.token_hex(8), day="dag1", prompt="", text=shared, sharing="trainer",
                             client_id="test")
        store.save_log_entry(person.id, secrets.token_hex(8), day="dag1", prompt="", text=private, sharing="prive",
                             client_id="test")
    open_as(page, workbook, trainer_code(workbook))
    queue = page.locator(".ww-feedback-queue")
    expect(queue).to_contain_text(shared, timeout=LOAD_TIMEOUT)
    expect(queue).to_contain_text(workbook.participant(0).naam)
    expect(page.get_by_text(private)).to_have_count(0)


def test_a_trainer_adds_a_participant_who_logs_in_with_the_code_shown_once(
        workbook: Workbook, page: Page, second_context: BrowserContext) -> None:
    name = f"Nieuwe Collega {secrets.token_hex(2)}"
    open_as(page, workbook, trainer_code(workbook))
    tasks = page.locator(".ww-section").filter(has_text="Deelnemers en codes")
    tasks.get_by_label("Naam").fill(name)
    tasks.get_by_role("button", name="Toevoegen").click()
    code = tasks.locator("code.ww-code")
    expect(code).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(tasks.locator(".ww-notice")).to_contain_text("maar één keer")
    issued = code.inner_text()

    newcomer = second_context.new_page()
    newcomer.goto(workbook.url("start.ipynb"))
    log_in(newcomer, issued)
    expect(newcomer.locator(".ww-who")).to_contain_text(name, timeout=LOAD_TIMEOUT)
    expect(newcomer.locator(".ww-programme h2")).to_have_text("Jouw programma: Grip op Loslaten")
    newcomer.get_by_text("Alle stappen van je programma").click()  # the fold-out with every step
    expect(newcomer.locator(".ww-programme-list a", has_text="Dag 1: het vraagstuk")).to_be_visible()

    page.reload()  # the code is shown once: a reload no longer has it
    expect(page.locator(".ww-section").filter(has_text="Deelnemers en codes")).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(page.get_by_text(issued)).to_have_count(0)
    with workbook.store() as store:  # the later tests count the groups' members as the cohort file has them
        remove_person(store, store.cohorts()[0], name)
