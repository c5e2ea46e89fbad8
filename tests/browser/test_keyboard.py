"""What axe does not check: a visible focus ring after Tab, the skip link, one <h1> inside the one main landmark, and
that Dag 1 can be done with the keyboard alone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.support.accessibility import wait_rendered
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in

pytestmark = pytest.mark.browser

MAX_TABS = 300
SAVE_TIMEOUT = 15_000
SAVED = re.compile(r"Opgeslagen \d\d:\d\d")

# The focused element's outline and the colour behind the ring (the first opaque background of its ancestors),
# with the WCAG contrast ratio between them.
_RING = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bg = [255, 255, 255];
  for (let node = el.parentElement; node; node = node.parentElement) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] === 1)) { bg = c.slice(0, 3); break; }
  }
  const [a, b] = [lum(rgb(style.outlineColor).slice(0, 3)), lum(bg)];
  return {tag: el.tagName.toLowerCase(), style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
}"""


def _tab_to(page: Page, selector: str) -> None:
    """Press Tab until the focused element matches ``selector`` (at most MAX_TABS presses)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _tab_until(page: Page, target: Locator, *, backwards: bool = False) -> None:
    """Press Tab (Shift+Tab when ``backwards``) until ``target`` has the focus (at most MAX_TABS presses)."""
    expect(target).to_be_visible()
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{'Shift+' if backwards else ''}Tab never reached {target}")


def _assert_ring(page: Page) -> None:
    ring = page.evaluate(_RING)
    assert ring["style"] != "none" and ring["width"] >= 2, ring
    assert ring["contrast"] >= 3, ring


@pytest.mark.parametrize("selector", ["textarea", "button"])
def test_keyboard_focus_shows_a_ring_with_contrast(workbook: Workbook, page: Page, selector: str) -> None:
    """Does a textarea or button reached with Tab show an outline of at least 3:1 against what is behind it?"""
    page.goto(workbook.url("dag1.ipynb"))
    log_in(page, workbook.participant(1).code)
    page.goto(workbook.url("dag1.ipynb"))
    wait_rendered(page, logged_in=True)
    page.locator(".ww-header h1").click()  # start the Tab order from the top of the page content
    _tab_to(page, f"#rendered_cells {selector}")
    _assert_ring(page)


def test_skip_link_comes_first_and_leads_to_the_main_landmark_with_one_h1(workbook: Workbook, page: Page) -> None:
    """Is the first Tab stop a visible link to the main landmark, which holds the page's only <h1>: on the login page
    and on a workbook page?"""
    page.goto(workbook.url("start.ipynb"))
    wait_rendered(page, logged_in=False)
    page.keyboard.press("Tab")
    expect(page.locator("a.wijwerken-overslaan")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    log_in(page, workbook.participant(0).code)
    wait_rendered(page, logged_in=True)
    page.keyboard.press("Tab")
    skip = page.locator("a.wijwerken-overslaan")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    _assert_ring(page)
    page.keyboard.press("Enter")
    expect(page.locator("#rendered_cells")).to_be_focused()
    expect(page.get_by_role("main")).to_have_count(1)
    expect(page.locator("h1")).to_have_count(1)
    expect(page.get_by_role("main").locator("h1")).to_have_count(1)


def test_dag1_can_be_completed_with_the_keyboard_alone(workbook: Workbook, page: Page) -> None:
    """Log in, choose the other vraagstuk, write the problem and the hoofdvraag, add an aanname with its button and
    reach the summary card with Tab, Shift+Tab, Enter, Space and typing only: does the card show it all, and is it
    all there again after a reload?"""
    probleem, hoofdvraag = "Initiatieven in de wijk stoppen na een jaar.", "Hoe houden we initiatieven in de lucht?"
    aanname = "initiatiefnemers weten niet bij wie ze terechtkunnen"
    page.goto(workbook.url("dag1.ipynb"))
    wait_rendered(page, logged_in=False)
    _tab_until(page, page.locator(".ww-login input[type=password]"))
    page.keyboard.type(workbook.participant(3).code)
    page.keyboard.press("Enter")
    expect(page.locator(".ww-who")).to_contain_text("Ingelogd als", timeout=30_000)
    wait_rendered(page, logged_in=True)

    group = page.get_by_role("group", name="Mijn vraagstuk is")
    kind = group.get_by_role("button", pressed=False).inner_text().strip()
    choice = group.get_by_role("button", name=kind, exact=True)
    _tab_until(page, choice)
    page.keyboard.press("Space")
    expect(choice).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".ww-choice + .ww-save-status")).to_have_text(SAVED, timeout=SAVE_TIMEOUT)

    for label, text in (("Het probleem", probleem), ("De hoofdvraag", hoofdvraag)):
        field = page.get_by_role("textbox", name=label, exact=True)
        _tab_until(page, field)
        page.keyboard.type(text)
        expect(page.locator(".ww-field").filter(has=field).locator(".ww-save-status")).to_have_text(
            SAVED, timeout=SAVE_TIMEOUT)

    _tab_until(page, page.get_by_role("button", name="Aanname toevoegen"))
    page.keyboard.press("Enter")
    row_field = page.get_by_role("textbox", name="Ik neem aan dat …", exact=True)
    _tab_until(page, row_field, backwards=True)  # the new row is above the button
    page.keyboard.type(aanname)

    card = page.locator(".ww-card")
    _tab_until(page, page.locator("a.ww-download"))  # on to the summary card, which follows every save
    for text in (kind, probleem, hoofdvraag, aanname):
        expect(card).to_contain_text(text, timeout=SAVE_TIMEOUT)

    page.reload()
    wait_rendered(page, logged_in=True)
    expect(page.get_by_role("textbox", name="Het probleem", exact=True)).to_have_value(probleem, timeout=LOAD_TIMEOUT)
    expect(page.get_by_role("textbox", name="De hoofdvraag", exact=True)).to_have_value(hoofdvraag)
    expect(page.get_by_role("textbox", name="Ik neem aan dat …", exact=True)).to_have_value(aanname)
    expect(page.get_by_role("group", name="Mijn vraagstuk is").get_by_role("button", pressed=True)).to_have_text(kind)
