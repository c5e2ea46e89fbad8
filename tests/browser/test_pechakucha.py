"""The pecha kucha in real headless Chromium against `wijwerken serve`: a member of the demo's example group picks 20
slides (axe checks their cards), gives one a new alt text, downloads the file, and the file — opened from disk with every request blocked —
shows their vraagstuk, makes no request, moves on from slide 1 to slide 2 after 20 seconds, and passes axe."""

from __future__ import annotations

import secrets
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.support.accessibility import load_exceptions, run_axe, unexpected_and_stale
from tests.support.browser import RequestLog
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from wijwerken_widgets.shared.vraagstuk import VRAAGSTUK_DESCRIPTION

pytestmark = pytest.mark.browser

SAVE_TIMEOUT = 30_000
SLIDE_SECONDS = 20


def _only_files(route: Route) -> None:
    """Anything but the file itself is refused."""
    if route.request.url.startswith("file:"):
        route.continue_()
    else:
        route.abort()


def test_the_file_opens_offline_shows_the_vraagstuk_and_advances_after_20_seconds(
        workbook: Workbook, page: Page, browser: Browser, tmp_path: Path) -> None:
    noor = next(c for c in workbook.codes if c.naam == "Noor Bakker")  # the demo's example group
    vraagstuk = f"Bewonersinitiatieven die sneller slagen ({secrets.token_hex(3)})"
    with workbook.store() as store:
        person = next(p for p in store.people(1) if p.name == noor.naam)
        store.save_answer(person.id, VRAAGSTUK_DESCRIPTION, vraagstuk, base_id=None, client_id="test")
    page.goto(workbook.url("pechakucha.ipynb"))
    log_in(page, noor.code)
    editor = page.locator(".ww-pechakucha-editor")
    expect(editor.get_by_role("checkbox").first).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(editor.get_by_role("checkbox", name=f"Mijn vraagstuk: {vraagstuk}")).not_to_be_checked()

    editor.get_by_role("button", name="Kies de eerste 20").click()
    expect(editor.locator(".ww-slide-count")).to_have_text("20 van 20 dia's gekozen", timeout=SAVE_TIMEOUT)
    expect(editor.locator(".ww-slide-card")).to_have_count(20)
    first = editor.locator(".ww-slide-card").first
    expect(first.get_by_label("Titel", exact=True)).to_have_value("Mijn vraagstuk")
    alt = first.get_by_label("Beschrijving voor wie de dia niet ziet (verplicht)")
    alt.fill("Tekstdia met de vraag waar ik mee begon.")
    expect(editor.locator(".ww-save-status").last).to_contain_text("Opgeslagen", timeout=SAVE_TIMEOUT)
    unexpected, _ = unexpected_and_stale("pechakucha-participant", run_axe(page), load_exceptions())
    assert not unexpected, f"the 20 slide cards: serious/critical axe violations: {unexpected}"

    page.get_by_role("button", name="Maak het bestand").click()
    link = page.locator("a.ww-download")
    expect(link).to_contain_text("Download je pecha kucha", timeout=SAVE_TIMEOUT)
    with page.expect_download() as info:
        link.click()
    saved = tmp_path / "pecha-kucha.html"
    info.value.save_as(saved)
    assert vraagstuk in saved.read_text(encoding="utf-8")

    offline = browser.new_context(viewport={"width": 1280, "height": 720}, offline=True)
    requests = RequestLog(offline)
    offline.route("**/*", _only_files)
    try:
        show = offline.new_page()
        opened = time.monotonic()
        show.goto(saved.as_uri())
        slideshow = show.locator("#pk")
        expect(show.locator("#dia-1")).to_be_visible()
        expect(show.locator("#dia-1")).to_contain_text(vraagstuk)
        expect(show.locator("#dia-2")).to_be_hidden()
        expect(show.locator("#pk-timer")).to_have_text("nog 20 s")
        expect(slideshow).to_have_attribute("data-current", "2", timeout=(SLIDE_SECONDS + 10) * 1000)
        assert time.monotonic() - opened >= SLIDE_SECONDS - 2  # it waited its 20 seconds, not less
        expect(show.locator("#dia-2")).to_be_visible()
        expect(show.locator("#dia-1")).to_be_hidden()
        serious = [v["id"] for v in run_axe(show) if v["impact"] in ("serious", "critical")]
        assert serious == [], f"the slideshow file: serious/critical axe violations: {serious}"
        assert [url for url in requests.urls if not url.startswith("file:")] == []
    finally:
        offline.close()


@pytest.fixture
def slideshow(page: Page, tmp_path: Path) -> Page:
    """A file of two slides (the first titled with markup, which must stay text), opened on a paused fake clock."""
    from datetime import datetime, timedelta

    from wijwerken_widgets.pages.pechakucha import texts
    from wijwerken_widgets.pages.pechakucha.deck import Slide
    from wijwerken_widgets.pages.pechakucha.slideshow import slideshow_html

    made = tmp_path / "twee.html"
    made.write_bytes(slideshow_html([Slide("a", "<b>Eerste</b>", "Een", "Dia een."),
                                     Slide("b", "Tweede", "Twee", "Dia twee.")], texts.load(), "Oefenen"))
    start = datetime(2027, 3, 1, 9, 0, 0)
    page.clock.install(time=start)
    page.goto(made.as_uri())
    expect(page.locator("#dia-2")).to_be_hidden()
    page.clock.pause_at(start + timedelta(seconds=1))
    return page


def test_pause_holds_the_slide_and_continue_moves_on(slideshow: Page) -> None:
    show = slideshow.locator("#pk")
    slideshow.keyboard.press("Space")
    expect(slideshow.get_by_role("button", name="Verder")).to_have_attribute("aria-pressed", "true")
    slideshow.clock.run_for(60_000)
    expect(show).to_have_attribute("data-current", "1")
    expect(slideshow.locator("#pk-timer")).to_contain_text("gepauzeerd")
    slideshow.get_by_role("button", name="Verder").click()
    slideshow.clock.run_for(SLIDE_SECONDS * 1000)
    expect(show).to_have_attribute("data-current", "2")
    slideshow.keyboard.press("ArrowLeft")
    expect(show).to_have_attribute("data-current", "1")


def test_rehearsal_shows_each_slides_time_and_flags_overruns_in_words(slideshow: Page) -> None:
    slideshow.get_by_role("button", name="Oefenmodus").click()
    timer = slideshow.locator("#pk-timer")
    slideshow.clock.run_for(23_000)
    expect(timer).to_have_text("23 s: te lang, 3 s over de tijd")
    expect(slideshow.locator("#pk")).to_have_attribute("data-current", "1")  # no moving on by itself
    slideshow.keyboard.press("ArrowRight")
    slideshow.clock.run_for(5_000)
    expect(timer).to_have_text("5 s")
    slideshow.keyboard.press("ArrowRight")
    summary = slideshow.locator("#pk-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("1 van de 2 dia's duurden te lang.")
    rows = summary.locator("tbody tr")
    expect(rows.nth(0)).to_have_text("1<b>Eerste</b>23 snee, 3 s te lang")
    expect(rows.nth(1)).to_have_text("2Tweede5 sja")


def test_a_slide_moved_with_the_keyboard_keeps_the_focus_and_moves_on(workbook: Workbook, page: Page) -> None:
    """Enter on "Dia 3 omhoog" twice takes the third slide to the top: the focus follows the slide it moved."""
    rachid = next(c for c in workbook.codes if c.naam == "Rachid Amrani")  # the demo's example group
    page.goto(workbook.url("pechakucha.ipynb"))
    log_in(page, rachid.code)
    editor = page.locator(".ww-pechakucha-editor")
    expect(editor.get_by_role("button", name="Kies de eerste 20")).to_be_visible(timeout=LOAD_TIMEOUT)
    editor.get_by_role("button", name="Kies de eerste 20").click()
    cards = editor.locator(".ww-slide-card")
    expect(cards).to_have_count(20, timeout=SAVE_TIMEOUT)
    third = cards.nth(2).get_by_label("Titel", exact=True).input_value()
    editor.get_by_role("button", name="Dia 3 omhoog").focus()
    page.keyboard.press("Enter")
    expect(editor.get_by_role("button", name="Dia 2 omhoog")).to_be_focused(timeout=SAVE_TIMEOUT)
    page.keyboard.press("Enter")
    expect(cards.first.get_by_label("Titel", exact=True)).to_have_value(third, timeout=SAVE_TIMEOUT)
    expect(editor.get_by_role("button", name="Dia 1 omlaag")).to_be_focused()  # at the top: the other arrow
