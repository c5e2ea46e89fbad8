"""Dag 3 and the logboek in real headless Chromium against `wijwerken serve`.

Participants 0, 1 and 2 of the demo cohort are all in "Groep Buiten". The group's Dag 2 map is put in the server's
store directly (as if the group made it on Dag 2); everything else is done in the browser.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timezone

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.dag3 import GESPREK, new_map, new_session
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.shared.conversations.items import Ronde, Trio
from wijwerken_widgets.ui.context import Context

pytestmark = pytest.mark.browser

SYNC_TIMEOUT = 45_000  # a groupmate's change: polled every 3 s
SAVE_TIMEOUT = 30_000


def put_on_map(workbook: Workbook, *names: str) -> None:
    """Stakeholders whose energy should rise (so they are on the shortlist), on Groep Buiten's map."""
    with workbook.store() as store:
        person = next(p for p in store.people(1) if p.name == workbook.participant(0).naam)
        new_map(Context.for_person(store, person),
                *({"naam": n, "soort": "inwoner", "energie_nu": "weerstand", "energie_gewenst": "steunend"}
                  for n in names))


def open_page(page: Page, workbook: Workbook, notebook: str, participant: int, ready: str) -> None:
    page.goto(workbook.url(notebook))
    log_in(page, workbook.participant(participant).code)
    expect(page.locator(ready).first).to_be_visible(timeout=LOAD_TIMEOUT)


def test_a_participant_writes_a_plan_for_a_stakeholder_from_the_shortlist(workbook: Workbook, page: Page) -> None:
    naam = f"Bewonersgroep {secrets.token_hex(3)}"
    put_on_map(workbook, naam)
    open_page(page, workbook, "dag3.ipynb", 0, ".ww-conversation-plans")
    expect(page.locator(".ww-conversation-plans")).to_contain_text(naam, timeout=LOAD_TIMEOUT)
    page.get_by_role("button", name=f"Plan een gesprek met {naam}").click()
    plan = page.locator(".ww-plan")
    doel = plan.locator("textarea[placeholder^='Bijvoorbeeld: begrijpen hoe de wijkraad']")
    expect(doel).to_be_visible(timeout=SAVE_TIMEOUT)
    doel.fill("Begrijpen waarom de bewoners afhaken")
    vragen = plan.locator("textarea[placeholder^='Wat gaat er volgens u goed']")
    vragen.fill("Bent u tevreden over het wijkplatform?")
    expect(plan).to_contain_text("ja/nee", timeout=SAVE_TIMEOUT)  # question coaching flags the closed question
    expect(plan.locator(".ww-save-status")).to_contain_text("Opgeslagen", timeout=SAVE_TIMEOUT)

    page.reload()  # the session cookie logs the participant in again
    selector = page.locator(".ww-conversation-plans").get_by_label("Gesprek", exact=True)
    expect(selector.locator("option").filter(has_text=naam.split()[1])).to_have_count(1, timeout=LOAD_TIMEOUT)
    selector.select_option(selector.locator("option").filter(has_text=naam.split()[1]).get_attribute("value"))
    plan = page.locator(".ww-plan")
    expect(plan.locator("textarea[placeholder^='Bijvoorbeeld: begrijpen hoe de wijkraad']")).to_have_value(
        "Begrijpen waarom de bewoners afhaken", timeout=SAVE_TIMEOUT)
    expect(plan.locator("textarea[placeholder^='Wat gaat er volgens u goed']")).to_have_value(
        "Bent u tevreden over het wijkplatform?")
    wie = plan.locator("select").first
    expect(wie.locator("option:checked")).to_have_text(workbook.participant(0).naam)


def test_the_observators_feedback_appears_for_the_gespreksvoerder(
    workbook: Workbook, page: Page, second_context: BrowserContext
) -> None:
    leader, observer = workbook.participant(0), workbook.participant(2)
    open_page(page, workbook, "dag3.ipynb", 0, ".ww-roleplay")
    roleplay = page.locator(".ww-roleplay")
    for n in (1, 2):
        roleplay.get_by_label(workbook.participant(n).naam, exact=True).check()
    roleplay.get_by_role("button", name="Start het trio").click()
    expect(roleplay).to_contain_text("Ronde 1", timeout=SAVE_TIMEOUT)
    expect(roleplay.locator(".ww-role-mine")).to_contain_text("Gespreksvoerder")

    other = second_context.new_page()
    open_page(other, workbook, "dag3.ipynb", 2, ".ww-roleplay")
    checklist = other.locator(".ww-observer-checklist")
    expect(checklist).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(other.locator(".ww-role-mine")).to_contain_text("Observator")
    expect(other.locator(".ww-rolkaart")).to_have_count(0)  # the private role card is only for the gesprekspartner
    checklist.locator("select").first.select_option(label="Duidelijk gezien")
    example = f"<script>alert(1)</script> Vroeg: hoe merkt u dat? {secrets.token_hex(3)}"
    checklist.locator("textarea").first.fill(example)
    expect(checklist.locator(".ww-save-status")).to_contain_text("Opgeslagen", timeout=SAVE_TIMEOUT)

    feedback = page.locator(".ww-received-feedback")  # the gespreksvoerder's page, not reloaded
    expect(feedback).to_contain_text(example, timeout=SYNC_TIMEOUT)
    expect(feedback).to_contain_text("Duidelijk gezien")
    expect(feedback).to_contain_text(observer.naam)
    assert feedback.locator("script").count() == 0
    assert leader.naam != observer.naam


def test_the_end_of_a_round_is_seen_heard_and_shown_in_the_tab_title(workbook: Workbook, page: Page) -> None:
    """When a groupmate's clock runs out, does this participant's page say so, play a sound and mark the tab?"""
    page.add_init_script("""
        window.tonesStarted = 0;
        const make = AudioContext.prototype.createOscillator;
        AudioContext.prototype.createOscillator = function () {
            const tone = make.call(this);
            const start = tone.start.bind(tone);
            tone.start = (...at) => { window.tonesStarted += 1; return start(...at); };
            return tone;
        };
    """)
    open_page(page, workbook, "dag3.ipynb", 1, ".ww-roleplay")
    page.locator(".ww-roleplay").click()  # having used the page, the browser lets it play sound
    title = page.title()
    with workbook.store() as store:
        people = {p.name: p for p in store.people(1)}
        ids = [people[workbook.participant(n).naam].id for n in (0, 1, 2)]
        session = new_session(Context.for_person(store, people[workbook.participant(0).naam]))
        session.put_item(Trio(new_id(), leden=tuple(ids),
                              rondes=(Ronde(GESPREK, gestart=datetime.now(timezone.utc), resterend=12),)))
    clock = page.locator(".ww-round-timer")
    expect(clock.locator(".ww-timer-running")).to_be_visible(timeout=SYNC_TIMEOUT)
    expect(clock.locator(".ww-time-up")).to_contain_text("De tijd is om", timeout=SYNC_TIMEOUT)
    expect(page).to_have_title(re.compile("De tijd is om"))
    page.wait_for_function("window.tonesStarted >= 3")
    assert page.evaluate("window.wijwerkenTimer.signals") == 1
    clock.get_by_role("button", name="+1 minuut").click()
    expect(clock.locator(".ww-timer-running")).to_be_visible(timeout=SAVE_TIMEOUT)
    expect(page).to_have_title(title)


def test_a_private_logbook_entry_is_invisible_to_a_groupmate(
    workbook: Workbook, page: Page, second_context: BrowserContext
) -> None:
    tag = secrets.token_hex(4)
    private, shared = f"Ik zie op tegen het gesprek met de wethouder {tag}", f"Stilte laten vallen werkt {tag}"
    open_page(page, workbook, "logboek.ipynb", 0, ".ww-logbook")
    logbook = page.locator(".ww-logbook")
    writer = logbook.locator("textarea[placeholder^='Schrijf hier je gedachten op']")
    for text, sharing in ((private, "Privé"), (shared, "Groep")):
        writer.fill(text)
        logbook.get_by_role("button", name=sharing, exact=True).first.click()
        logbook.get_by_role("button", name="Stukje toevoegen").click()
        expect(writer).to_have_value("", timeout=SAVE_TIMEOUT)
        expect(logbook).to_contain_text("Toegevoegd aan je logboek")
    page.reload()  # both are kept, each with its own sharing level
    cards = page.locator(".ww-logbook .ww-row-card textarea")
    expect(cards.first).to_be_visible(timeout=LOAD_TIMEOUT)
    values = [cards.nth(i).input_value() for i in range(cards.count())]
    assert private in values and shared in values

    other = second_context.new_page()
    open_page(other, workbook, "logboek.ipynb", 1, ".ww-logbook")
    expect(other.locator(".ww-logbook")).to_contain_text(shared, timeout=LOAD_TIMEOUT)
    assert private not in other.content()
    assert tag in other.content()
