"""The trainer page "Vandaag" in real headless Chromium against `wijwerken serve`, with a participant in a second
browser: a hand raised on a participant page appears on Vandaag and "Geholpen" lowers it there again; a timer
started on Vandaag shows on the participant's page; a participant session is refused."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in

pytestmark = pytest.mark.browser

POLL_TIMEOUT = 30_000
"""Both kernels poll the store (participant pages every 5 s, Vandaag every 8 s): enough for a few rounds."""


def trainer_code(workbook: Workbook) -> str:
    return next(c for c in workbook.codes if c.rol == "trainer").code


def open_as(page: Page, workbook: Workbook, notebook: str, code: str) -> None:
    page.goto(workbook.url(notebook))
    log_in(page, code)


def test_a_participant_session_on_vandaag_is_refused(workbook: Workbook, page: Page) -> None:
    open_as(page, workbook, "vandaag.ipynb", workbook.participant(0).code)
    expect(page.locator(".ww-notice")).to_contain_text("alleen voor trainers", timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-hands")).to_have_count(0)
    expect(page.locator(".ww-where")).to_have_count(0)
    expect(page.get_by_text(workbook.participant(1).naam)).to_have_count(0)


def test_a_hand_raised_on_a_participant_page_appears_on_vandaag(workbook: Workbook, page: Page,
                                                               second_context: BrowserContext) -> None:
    participant = workbook.participant(1)
    coach = second_context.new_page()
    open_as(coach, workbook, "vandaag.ipynb", trainer_code(workbook))
    hands = coach.locator(".ww-hands")
    expect(coach.locator(".ww-hands-summary")).to_contain_text("geen hand opgestoken", timeout=LOAD_TIMEOUT)

    open_as(page, workbook, "dag1.ipynb", participant.code)
    hand = page.get_by_role("button", name="Hand opsteken")
    expect(hand).to_have_attribute("aria-pressed", "false", timeout=LOAD_TIMEOUT)
    hand.focus()
    page.keyboard.press("Space")  # by keyboard
    expect(hand).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".ww-hand-line")).to_contain_text("Je hand is opgestoken")

    expect(hands).to_contain_text(participant.naam, timeout=POLL_TIMEOUT)  # Vandaag refreshes itself
    where = coach.locator(".ww-where tbody tr").filter(has=coach.locator("th", has_text=participant.naam))
    expect(where).to_contain_text("Dag 1")

    coach.get_by_role("button", name=f"Geholpen: {participant.naam}").click()
    expect(hands).not_to_contain_text(participant.naam)
    expect(hand).to_have_attribute("aria-pressed", "false", timeout=POLL_TIMEOUT)  # lowered on their page too


def test_a_timer_started_on_vandaag_shows_on_the_participants_page(workbook: Workbook, page: Page,
                                                                  second_context: BrowserContext) -> None:
    participant = workbook.participant(0)
    open_as(page, workbook, "dag1.ipynb", participant.code)
    expect(page.get_by_role("button", name="Hand opsteken")).to_be_visible(timeout=LOAD_TIMEOUT)
    banner = page.locator(".ww-live-timer")
    expect(banner).to_be_hidden()

    coach = second_context.new_page()
    open_as(coach, workbook, "vandaag.ipynb", trainer_code(workbook))
    minutes = coach.get_by_label("Minuten (1 tot en met 120)")
    expect(minutes).to_be_visible(timeout=LOAD_TIMEOUT)
    minutes.fill("3")
    minutes.press("Tab")
    coach.get_by_role("button", name="Start").click()
    expect(coach.locator(".ww-vandaag-timer")).to_contain_text("Loopt: nog", timeout=LOAD_TIMEOUT)

    expect(banner).to_contain_text("Timer van je trainer: nog 3 minuten", timeout=POLL_TIMEOUT)
    expect(banner.locator(".ww-timer-clock")).to_have_text(re.compile(r"^0[0-3]:[0-5]\d$"))  # and in digits
    expect(page.locator(".ww-live-announce")).to_contain_text("Je trainer heeft een timer gestart: nog 3 minuten")

    coach.get_by_role("button", name="Pauze").click()
    expect(banner).to_contain_text("staat stil", timeout=POLL_TIMEOUT)
    coach.get_by_role("button", name="Stop").click()
    expect(coach.locator(".ww-vandaag-timer")).to_contain_text("Er loopt geen timer.")
    expect(banner).to_be_hidden(timeout=POLL_TIMEOUT)
