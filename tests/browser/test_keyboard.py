"""What axe does not check: a visible focus ring after Tab, the skip link, one <h1> inside the one main landmark."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support.accessibility import wait_rendered
from tests.support.workbook import Workbook, log_in

pytestmark = pytest.mark.browser

MAX_TABS = 300

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
    """Is the first Tab stop a visible link to the main landmark, which holds the page's only <h1>?"""
    page.goto(workbook.url("start.ipynb"))
    wait_rendered(page, logged_in=False)
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
