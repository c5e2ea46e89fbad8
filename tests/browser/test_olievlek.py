"""The olievlek on the Drie maanden page in real headless Chromium against `wijwerken serve`: a participant adds an
entry, it is still there after a reload with the progress "… van 10", and a groupmate in a second browser sees the
group's total change."""

from __future__ import annotations

import re
import secrets

import pytest
from axe_playwright_python.base import AXE_FILE_PATH
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.support.accessibility import BLOCKING, WCAG_TAGS, summary, wait_rendered
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in

pytestmark = pytest.mark.browser

SYNC_TIMEOUT = 30_000  # a groupmate's entry: the page polls every second


def open_olievlek(page: Page, workbook: Workbook, n: int) -> Locator:
    """Participant ``n`` logs in on the Drie maanden page; returns its olievlek."""
    page.goto(workbook.url("maanden.ipynb"))
    log_in(page, workbook.participant(n).code)
    section = page.locator(".ww-olievlek")
    expect(section).to_be_visible(timeout=LOAD_TIMEOUT)
    return section


def group_total(section: Locator) -> int:
    """The number in "Samen: N van M collega's"."""
    text = section.locator(".ww-olievlek-total").inner_text(timeout=LOAD_TIMEOUT)
    found = re.search(r"Samen: (\d+) van", text)
    assert found, text
    return int(found.group(1))


def test_an_entry_is_added_stays_after_a_reload_and_a_groupmate_sees_the_total(
        workbook: Workbook, page: Page, second_context: BrowserContext) -> None:
    other = second_context.new_page()
    theirs = open_olievlek(other, workbook, 1)
    before = group_total(theirs)

    mine = open_olievlek(page, workbook, 0)
    form = mine.locator(".ww-olievlek-form")
    team = f"mijn team Vergunningen {secrets.token_hex(2)}"
    form.get_by_placeholder("Bijvoorbeeld: mijn team Vergunningen").fill(team)
    form.get_by_label("Hoeveel collega's?").fill("7")
    form.get_by_label("Hoe?", exact=True).select_option(label="werkoverleg")
    form.get_by_placeholder("Bijvoorbeeld: ze gaan in het werkoverleg").fill("Eerst vragen wat de inwoner wil")
    form.get_by_role("button", name="Toevoegen").click()
    expect(form.locator(".ww-feedback")).to_contain_text("Toegevoegd:", timeout=SYNC_TIMEOUT)
    expect(mine.locator(".ww-olievlek-mine")).to_contain_text(f"{team} · 7 collega's · werkoverleg")
    me = workbook.participant(0).naam
    expect(mine.locator(".ww-olievlek-me")).to_contain_text(f"{me} (jij): 7 van 10 collega's")
    expect(mine.get_by_role("progressbar", name=f"{me} (jij): 7 van 10 collega's")).to_have_attribute("value", "7")

    expect(theirs.locator(".ww-olievlek-total")).to_contain_text(f"Samen: {before + 7} van", timeout=SYNC_TIMEOUT)
    expect(theirs.locator(".ww-olievlek-progress")).to_contain_text(f"{me}: 7 van 10 collega's")

    page.reload()  # the session cookie logs the participant in again
    mine = page.locator(".ww-olievlek")
    expect(mine.locator(".ww-olievlek-mine")).to_contain_text(team, timeout=LOAD_TIMEOUT)
    expect(mine.locator(".ww-olievlek-me")).to_contain_text(f"{me} (jij): 7 van 10 collega's")

    # With an entry, its editor and the progress bars shown: axe finds nothing serious in the section.
    wait_rendered(page, logged_in=True)
    page.evaluate(AXE_FILE_PATH.read_text(encoding="utf-8"))
    found = page.evaluate("(tags) => axe.run({include: [['.ww-olievlek']]}, {runOnly: {type: 'tag', values: tags},"
                          " resultTypes: ['violations']})", WCAG_TAGS)["violations"]
    blocking = [v for v in found if v["impact"] in BLOCKING]
    assert not blocking, summary("maanden olievlek", blocking)


def test_a_bad_date_is_refused_in_dutch_and_the_typed_text_stays(workbook: Workbook, page: Page) -> None:
    mine = open_olievlek(page, workbook, 0)
    form = mine.locator(".ww-olievlek-form")
    met = form.get_by_placeholder("Bijvoorbeeld: mijn team Vergunningen")
    met.fill("twee collega's van Burgerzaken")
    form.get_by_label("Wanneer?").fill("gisteren")
    form.get_by_placeholder("Bijvoorbeeld: ze gaan in het werkoverleg").fill("Ze willen een keer meedoen")
    form.get_by_role("button", name="Toevoegen").click()
    expect(form.locator(".ww-feedback")).to_contain_text("is geen datum", timeout=SYNC_TIMEOUT)
    expect(met).to_have_value("twee collega's van Burgerzaken")
