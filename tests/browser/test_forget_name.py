"""Een naam verwijderen in real headless Chromium against `wijwerken serve`: a trainer finds a resident's name on a
group's map and removes it; the participant's Dag 2 page shows the replacement after a reload."""

from __future__ import annotations

import secrets

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from wijwerken_widgets.store import ItemChange

pytestmark = pytest.mark.browser

GONE = "(naam verwijderd)"
SAVE_TIMEOUT = 45_000  # Dag 2's first redraw loads networkx and pyvis


def test_a_trainer_removes_a_name_and_the_map_shows_the_replacement_after_a_reload(
        workbook: Workbook, page: Page, second_context: BrowserContext) -> None:
    name = f"Mevrouw Oosterhout {secrets.token_hex(3)}"
    participant = workbook.participant(0)
    with workbook.store() as store:
        me = next(p for c in store.cohorts() for p in store.people(c.id) if p.name == participant.naam)
        assert me.group_id is not None
        store.save_items("map", me.group_id, [ItemChange("stakeholder", "bewoner-1", {"naam": name})],
                         person_id=me.id, client_id="test")
    page.goto(workbook.url("dag2.ipynb"))
    log_in(page, participant.code)
    expect(page.locator(".ww-grid")).to_contain_text(name, timeout=SAVE_TIMEOUT)

    coach = second_context.new_page()
    coach.goto(workbook.url("trainer.ipynb"))
    log_in(coach, next(c for c in workbook.codes if c.rol == "trainer").code)
    section = coach.locator(".ww-section").filter(has_text="Een naam verwijderen")
    section.get_by_label("Naam die weg moet").fill(name.upper())
    section.get_by_role("button", name="Zoeken").click()
    expect(section.locator(".ww-notice")).to_contain_text("Stakeholder: 1 keer", timeout=LOAD_TIMEOUT)
    section.get_by_role("button", name="Verwijderen").click()
    section.get_by_role("button", name="Zeker weten").click()
    expect(section.locator(".ww-notice")).to_contain_text("is verwijderd", timeout=LOAD_TIMEOUT)
    expect(section.locator(".ww-notice")).to_contain_text("herladen")

    page.reload()  # the session stays: no new login
    expect(page.locator(".ww-grid")).to_contain_text(GONE, timeout=SAVE_TIMEOUT)
    expect(page.get_by_text(name)).to_have_count(0)
