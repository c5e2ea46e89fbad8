"""axe-core in a test browser (offline: the axe.min.js bundled by the axe-playwright-python package) and the
known-exceptions list of tests/browser/axe_exceptions.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from axe_playwright_python.base import AXE_FILE_PATH
from playwright.sync_api import Frame, Page, expect

from tests.support.workbook import LOAD_TIMEOUT

EXCEPTIONS_FILE = Path(__file__).resolve().parents[1] / "browser" / "axe_exceptions.yaml"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
QUIET_MS = 750

# True once the page's DOM has not changed for QUIET_MS: widgets render asynchronously after the cells ran.
_QUIET = """(quietMs) => {
  if (!window.__wwQuiet) {
    window.__wwQuiet = {last: performance.now()};
    new MutationObserver(() => { window.__wwQuiet.last = performance.now(); })
      .observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true});
  }
  return performance.now() - window.__wwQuiet.last > quietMs;
}"""


def wait_rendered(page: Page, *, logged_in: bool) -> None:
    """Wait until the page is shown and the DOM has settled: logged in, until Voilà has shown the cells and every
    widget section is filled; logged out, the server's own page (the login page, or the accessibility statement)."""
    if not logged_in:
        expect(page.locator("main h1")).to_be_visible(timeout=LOAD_TIMEOUT)
    else:
        expect(page.locator("#loading")).to_have_count(0, timeout=LOAD_TIMEOUT)
        expect(page.locator(".ww-header h1")).to_be_visible(timeout=LOAD_TIMEOUT)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.ww-section')].every(s => s.children.length > 0)",
            timeout=LOAD_TIMEOUT,
        )
    page.wait_for_function(_QUIET, arg=QUIET_MS, timeout=LOAD_TIMEOUT, polling=100)


def _inject(frame: Frame) -> None:
    frame.evaluate(AXE_FILE_PATH.read_text(encoding="utf-8"))


def run_axe(page: Page) -> list[dict]:
    """axe's violations of the WCAG 2.1 A/AA rules on the page, its iframes included (axe is put into every frame)."""
    for frame in page.frames:
        _inject(frame)
    results = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return list(results["violations"])


def summary(view: str, violations: list[dict]) -> str:
    """One line per rule: id, impact, number of elements, first target."""
    if not violations:
        return f"{view}: no violations"
    lines = [f"{view}: {len(violations)} rule(s) violated"]
    for v in sorted(violations, key=lambda v: (v["impact"] not in BLOCKING, v["id"])):
        first = " ".join(str(t) for t in v["nodes"][0]["target"]) if v["nodes"] else ""
        lines.append(f"  {v['id']:<28} {v['impact'] or '-':<9} {len(v['nodes']):>3}  e.g. {first[:90]}")
    return "\n".join(lines)


@dataclass(frozen=True)
class AxeException:
    """A known serious or critical violation we cannot fix yet (tests/browser/axe_exceptions.yaml)."""

    rule: str
    pages: tuple[str, ...]
    wcag: str
    reason: str


def load_exceptions(path: Path = EXCEPTIONS_FILE) -> list[AxeException]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    found = []
    for entry in entries:
        assert set(entry) == {"rule", "pages", "wcag", "reason"}, f"{path.name}: exactly rule, pages, wcag, reason: {entry}"
        assert entry["pages"] and all(isinstance(p, str) for p in entry["pages"]), entry
        assert str(entry["reason"]).strip() and "\n" not in str(entry["reason"]).strip(), f"one-line reason: {entry}"
        found.append(AxeException(entry["rule"], tuple(entry["pages"]), str(entry["wcag"]), str(entry["reason"])))
    return found


def unexpected_and_stale(view: str, violations: list[dict], exceptions: list[AxeException]) -> tuple[list[str], list[str]]:
    """Serious/critical rules on ``view`` that no exception covers, and exceptions for ``view`` that no longer occur."""
    blocking = {v["id"] for v in violations if v["impact"] in BLOCKING}
    allowed = {e.rule for e in exceptions if view in e.pages}
    return sorted(blocking - allowed), sorted(allowed - blocking)
