"""Dag 4's rode draden in real headless Chromium against `wijwerken serve`: two groupmates in two browsers.

Participants 0 and 1 of the demo cohort are in "Groep Buiten". Each held one conversation on Dag 3 (put in the
server's store directly, as if made then, with consent and a quote); the group made one theme. Everything else is
done in the browser.
"""

from __future__ import annotations

import secrets

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.dag4 import hold_conversations
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.shared.act.items import Thema
from wijwerken_widgets.shared.act.session import ActSession
from wijwerken_widgets.ui.context import Context

pytestmark = pytest.mark.browser

SYNC_TIMEOUT = 45_000  # a groupmate's change: polled every 3 s
SAVE_TIMEOUT = 30_000
QUOTE_LIST = "Alle citaten en hun thema's"  # the fold-out with every quote and its themes


def seed(workbook: Workbook, theme: str) -> tuple[str, str]:
    """Participant 0 and 1 each held a conversation with one consented quote; the group has ``theme``. Returns the
    two quotes."""
    mark = secrets.token_hex(3)
    quotes = (f"Het loket is te ver weg {mark}", f"Niemand belt terug {mark}")
    with workbook.store() as store:
        people = {p.name: p for p in store.people(1)}
        for n, quote in enumerate(quotes):
            person = people[workbook.participant(n).naam]
            ctx = Context.for_person(store, person)
            hold_conversations(ctx, ({"naam": f"Stakeholder {n} {mark}", "soort": ("bestuur", "inwoner")[n]}, "ja",
                                     [quote]))
        ActSession(Context.for_person(store, people[workbook.participant(0).naam]), poll_seconds=None).put_item(
            Thema(new_id(), naam=theme))
    return quotes


def open_dag4(page: Page, workbook: Workbook, participant: int) -> None:
    page.goto(workbook.url("dag4.ipynb"))
    log_in(page, workbook.participant(participant).code)
    expect(page.locator(".ww-quotes")).to_be_visible(timeout=LOAD_TIMEOUT)


def assign(page: Page, theme: str) -> None:
    """Say with the keyboard that the shown quote fits ``theme``."""
    choice = page.locator(".ww-theme-choices").get_by_label(theme, exact=True)
    expect(choice).to_be_visible(timeout=SAVE_TIMEOUT)
    choice.focus()
    choice.select_option(label="past bij dit thema")
    status = page.locator(".ww-assign").get_by_role("status")
    expect(status).to_contain_text("Gekoppeld aan", timeout=SAVE_TIMEOUT)
    expect(status).to_contain_text(theme)


def test_two_members_assign_at_once_in_silence_and_see_each_others_links_only_after_the_reveal(
        workbook: Workbook, page: Page, second_context: BrowserContext) -> None:
    theme = f"Bereikbaarheid {secrets.token_hex(2)}"
    mine, theirs = seed(workbook, theme)
    other = second_context.new_page()
    open_dag4(page, workbook, 0)
    open_dag4(other, workbook, 1)
    # In silence each sees only the quote of the conversation they held.
    expect(page.locator(".ww-assign")).to_contain_text(mine, timeout=LOAD_TIMEOUT)
    expect(other.locator(".ww-assign")).to_contain_text(theirs, timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-quotes")).not_to_contain_text(theirs)
    expect(other.locator(".ww-quotes")).not_to_contain_text(mine)

    assign(page, theme)
    assign(other, theme)  # at the same moment: each link is its own item, neither overwrites the other

    page.reload()  # the session cookie logs the participant in again
    expect(page.locator(".ww-theme-choices").get_by_label(theme, exact=True).locator("option:checked")).to_have_text(
        "past bij dit thema", timeout=LOAD_TIMEOUT)
    overview = page.locator(".ww-quotes details", has_text=QUOTE_LIST)
    overview.locator("summary").click()
    expect(overview).to_contain_text(theme)
    expect(page.locator(".ww-quotes")).not_to_contain_text(theirs)  # still silent: theirs stays hidden
    expect(page.locator(".ww-evidence")).to_contain_text("dun")  # one conversation, as far as I can see

    reveal = page.get_by_role("button", name="Alles tonen en samen bespreken")
    reveal.click()
    page.get_by_role("button", name="Zeker weten? Iedereen ziet dan alles. Klik nogmaals").click()
    expect(page.locator(".ww-analysis-phase")).to_contain_text("Samen bespreken", timeout=SAVE_TIMEOUT)
    # The groupmate's page follows within a poll, and now shows both quotes with the theme.
    expect(other.locator(".ww-analysis-phase")).to_contain_text("Samen bespreken", timeout=SYNC_TIMEOUT)
    other_overview = other.locator(".ww-quotes details", has_text=QUOTE_LIST)
    other_overview.locator("summary").click()
    expect(other_overview).to_contain_text(mine, timeout=SYNC_TIMEOUT)
    expect(other_overview).to_contain_text(theirs)
    row = other.locator(".ww-evidence tbody tr").filter(has_text=theme)
    expect(row.locator("td").first).to_have_text("2", timeout=SYNC_TIMEOUT)  # two conversations
    expect(row).to_contain_text("opkomend")
