"""An archived cohort in real headless Chromium against `wijwerken serve`: a participant still logs in, reads and
downloads the werkboek, every page says the training is closed, and typing says why nothing is saved while the text
stays in the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_werkboek import download_werkboek
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from wijwerken_widgets.ui import texts

pytestmark = pytest.mark.browser

PROBLEEM = "textarea[placeholder^='Bijvoorbeeld: Bewoners starten initiatieven']"
EARLIER, LATER = "Wat ik schreef voor het archiveren", "Wat ik typte na het archiveren"


def test_an_archived_cohort_can_be_read_not_changed(workbook: Workbook, page: Page, tmp_path: Path) -> None:
    participant = workbook.participant(0)
    with workbook.store() as store:
        [cohort] = store.cohorts()
        me = next(p for p in store.people(cohort.id) if p.name == participant.naam)
        store.save_answer(me.id, "dag1.probleem", EARLIER, base_id=None, client_id="test")
        store.archive_cohort(cohort.id)
    notice = texts.load().privacy.archived

    page.goto(workbook.url("dag1.ipynb"))
    log_in(page, participant.code)  # logging in still works
    expect(page.locator(".ww-notice-widget").first).to_contain_text(notice[:40], timeout=LOAD_TIMEOUT)
    field = page.locator(PROBLEEM)
    expect(field).to_have_value(EARLIER, timeout=LOAD_TIMEOUT)

    field.fill(LATER)
    status = page.locator(f".ww-field:has({PROBLEEM}) .ww-save-status").first
    expect(status).to_contain_text("training is afgesloten", timeout=30_000)
    expect(status).to_contain_text("Je tekst blijft op je scherm staan")
    expect(field).to_have_value(LATER)
    with workbook.store() as store:
        assert store.latest_answer(me.id, "dag1.probleem").value == EARLIER  # type: ignore[union-attr]

    path = download_werkboek(page, workbook, tmp_path)  # the start page still makes the werkboek
    expect(page.locator(".ww-notice-widget").first).to_contain_text(notice[:40])
    assert EARLIER in path.read_text(encoding="utf-8")
