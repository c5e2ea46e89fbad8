"""Around the exercises: links between the pages, logging out, printing and downloading, a phone-sized screen."""

from __future__ import annotations

import base64
import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.accessibility import wait_rendered
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from wijwerken_widgets.people.codes import hash_token
from wijwerken_widgets.people.identity import SESSION_COOKIE

pytestmark = pytest.mark.browser

CLIPPING = """() => [...document.querySelectorAll('body *')].filter(el => {
    const style = getComputedStyle(el);
    return /hidden|auto|scroll|clip/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 2
        && el.getClientRects().length > 0;
}).map(el => `${el.tagName}#${el.id}.${el.className} ${el.scrollHeight}>${el.clientHeight}`)"""


def _open(workbook: Workbook, page: Page, notebook: str, logged_in: bool) -> None:
    page.goto(workbook.url(notebook))
    wait_rendered(page, logged_in=logged_in)


def test_every_page_links_to_the_others_and_dag1_leads_on_to_dag2(workbook: Workbook, page: Page) -> None:
    """Does Dag 1 have a navigation landmark, a header link home, "Verder naar Dag 2 →" and a working footer link?"""
    page.goto(workbook.url("dag1.ipynb"))
    log_in(page, workbook.participant(0).code)
    wait_rendered(page, logged_in=True)
    nav = page.get_by_role("navigation", name="Pagina's van het werkboek")
    expect(nav.get_by_role("link")).to_have_count(8)
    expect(nav.get_by_role("link", name="Dag 1: het vraagstuk")).to_have_attribute("aria-current", "page")
    expect(page.locator(".wijwerken-kop").get_by_role("link", name="Grip op Loslaten")).to_have_attribute(
        "href", "start.ipynb")
    expect(page.get_by_role("link", name="← Terug naar Start")).to_be_visible()
    page.get_by_role("link", name="Verder naar Dag 2: de stakeholderkaart →").click()
    expect(page).to_have_url(re.compile(r"/voila/render/dag2\.ipynb$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dag 2", timeout=LOAD_TIMEOUT)
    page.locator(".ww-footer").get_by_role("link", name="Toegankelijkheid").click()
    expect(page.get_by_role("heading", name="Toegankelijkheid", level=1)).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(page.get_by_role("heading", name="Wat nog niet goed werkt")).to_be_visible()


def test_logging_out_ends_the_session_and_forgets_this_browsers_drafts(workbook: Workbook, page: Page) -> None:
    """After "Uitloggen": the login page says so, the cookie is gone and logs nobody in, this person's drafts gone."""
    participant = workbook.participant(1)
    page.goto(workbook.url("dag1.ipynb"))
    log_in(page, participant.code)
    wait_rendered(page, logged_in=True)
    expect(page.locator(".ww-logout")).to_contain_text("Niet jij?")
    old = next(c["value"] for c in page.context.cookies() if c["name"] == SESSION_COOKIE)
    who = page.evaluate("() => JSON.parse(document.querySelector('.ww-draft-ledger').textContent).who")
    page.evaluate("""(who) => {
        localStorage.setItem(`wijwerken-concept:${who}:/x:dag1-doel`, '{"value": "half af", "at": 1}');
        localStorage.setItem('wijwerken-concept:iemand-anders:/x:dag1-doel', '{"value": "van een ander", "at": 1}');
    }""", who)
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.locator(".ww-login-message")).to_have_text("Je bent uitgelogd. Tot de volgende keer!",
                                                           timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-login-message")).to_have_attribute("role", "status")
    expect(page.locator(".ww-login input[type=password]")).to_be_visible()
    assert [c for c in page.context.cookies() if c["name"] == SESSION_COOKIE] == []
    kept = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('wijwerken-concept:'))")
    assert kept == ["wijwerken-concept:iemand-anders:/x:dag1-doel"]
    with workbook.store() as store:
        assert store.person_by_session(hash_token(old)) is None
    page.context.add_cookies([{"name": SESSION_COOKIE, "value": old, "url": workbook.server.url}])
    page.goto(workbook.url("dag1.ipynb"))  # the old cookie brought back: still the login page
    expect(page.locator(".ww-login input[type=password]")).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-who")).to_have_count(0)


def test_dag1_prints_whole_on_several_pages_and_its_card_downloads(workbook: Workbook, page: Page) -> None:
    """Progress follows a save; in print media nothing is clipped, the last part is laid out, the PDF has more than
    one page; the card downloads as a file too."""
    participant = workbook.participant(2)
    page.goto(workbook.url("dag1.ipynb"))
    log_in(page, participant.code)
    wait_rendered(page, logged_in=True)
    progress = page.locator(".ww-progress")
    expect(progress).to_contain_text("0 van 4 oefeningen ingevuld")
    field = page.locator(".ww-section textarea").nth(1)  # the probleem of exercise 2
    field.fill("Samen <b>veilig</b> & prettig wonen")
    field.blur()
    card = page.locator(".ww-card")
    expect(card).to_contain_text("Samen <b>veilig</b> & prettig wonen", timeout=30_000)
    expect(progress).to_contain_text("2 van 4 oefeningen ingevuld")  # refreshed by the save, no reload
    # the vraagstuk kept as the cohort wrote it counts once the day is in use
    expect(progress.locator(".ww-progress-done")).to_have_text(["✓ 1. Kies je vraagstuk (ingevuld)",
                                                                "✓ 2. Probleem, doel en hoofdvraag (ingevuld)"])
    link = page.locator("a.ww-download")
    expect(link).to_have_attribute("download", re.compile(r"^mijn-vraagstuk-\d{4}-\d\d-\d\d\.html$"))
    document = base64.b64decode(link.get_attribute("href").split(",", 1)[1]).decode("utf-8")
    assert "Samen &lt;b&gt;veilig&lt;/b&gt; &amp; prettig wonen" in document and "@page { size: A4" in document

    page.emulate_media(media="print")
    assert page.evaluate(CLIPPING) == []
    closing = page.locator(".ww-closing").bounding_box()
    assert closing is not None and closing["height"] > 0 and closing["y"] > 2000  # below the first screen, laid out
    for hidden in (".wijwerken-kop", ".ww-nav", ".ww-page-end", ".ww-whobar", "button"):
        expect(page.locator(hidden).first).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) > 1


def test_the_login_field_fits_a_phone(workbook: Workbook, browser: Browser) -> None:
    """At 390 px wide, are the code field and the button wholly inside the screen?"""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    try:
        page = context.new_page()
        _open(workbook, page, "dag1.ipynb", logged_in=False)
        for control in (page.locator(".ww-login input[type=password]"), page.get_by_role("button", name="Inloggen")):
            control.scroll_into_view_if_needed()
            box = control.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


@pytest.mark.parametrize("notebook", ["start", "dag1", "dag2", "dag3", "maanden", "pechakucha", "logboek",
                                      "toegankelijkheid"])
def test_every_page_prints_its_whole_content(workbook: Workbook, page: Page, notebook: str) -> None:
    """In print, does no box cut its content off, is the page's last section laid out, and does it make a PDF?"""
    page.goto(workbook.url("start.ipynb"))
    log_in(page, workbook.participant(2).code)
    _open(workbook, page, f"{notebook}.ipynb", logged_in=True)
    page.emulate_media(media="print")
    assert page.evaluate(CLIPPING) == []
    last = page.get_by_role("main").locator(".widget-html:visible").last  # the page's last text, as printed
    box = last.bounding_box()
    assert box is not None and box["height"] > 0 and last.inner_text().strip()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 1
