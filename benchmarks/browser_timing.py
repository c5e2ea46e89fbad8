"""Navigation → interactive in headless Debian Chromium, one page at a time (see VOILA_NOTES.md "Measuring").

Chromium runs with the flags that work on this machine and resolves every host except 127.0.0.1 to nothing,
so no request can leave the machine.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, for the tests' browser settings
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS

SETTLE_SECONDS = 0.5
"""Pause after a page's kernel has stopped, so the server's clean-up does not overlap the next measurement."""

# JavaScript predicates: true once a participant can see and use the page.
_VISIBLE = "(el) => !!el && el.checkVisibility() && el.getBoundingClientRect().height > 0"
READY = {
    "bare.ipynb": f"""() => {{
        const v = {_VISIBLE};
        const t = document.querySelector('.jupyter-widgets textarea');
        return v(t) && !t.disabled;
    }}""",
    "start.ipynb": f"""() => {{
        const v = {_VISIBLE};
        const who = document.querySelector('.ww-who');
        return v(document.querySelector('.ww-start')) && v(who) && who.textContent.includes('Ingelogd als');
    }}""",
    # Dag 1: the summary card (last exercise) is visible and at least `minInputs` text inputs are visible and
    # enabled (the number a settled page shows, counted after the warm-up).
    "dag1.ipynb": f"""(minInputs) => {{
        const v = {_VISIBLE};
        const cards = [...document.querySelectorAll('.ww-card')];
        if (!cards.some(v)) return false;
        const inputs = [...document.querySelectorAll('.ww-section textarea, .ww-section input[type=text]')]
            .filter((el) => v(el) && !el.disabled && !el.readOnly);
        return inputs.length >= Math.max(1, minInputs);
    }}""",
}
COUNT_DAG1_INPUTS = f"""() => {{
    const v = {_VISIBLE};
    return [...document.querySelectorAll('.ww-section textarea, .ww-section input[type=text]')]
        .filter((el) => v(el) && !el.disabled && !el.readOnly).length;
}}"""


def log_in(page: Page, url: str, code: str, timeout_ms: int = 60_000) -> None:
    """Log in on the server's login page (``url`` redirects there) so the context holds the session cookie."""
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    field = page.locator(".ww-login input[type=password]")
    field.wait_for(state="visible", timeout=timeout_ms)
    field.fill(code)
    page.get_by_role("button", name="Inloggen").click(timeout=timeout_ms)
    page.locator(".ww-who", has_text="Ingelogd als").wait_for(state="visible", timeout=timeout_ms)


def time_to_interactive(page: Page, url: str, notebook: str, arg: int = 0, timeout_ms: int = 120_000) -> float:
    """Seconds from starting the navigation until ``notebook``'s page is usable."""
    started = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    page.wait_for_function(READY[notebook], arg=arg, timeout=timeout_ms, polling="raf")
    return time.perf_counter() - started


def leave(page: Page, wait_idle: Callable[[], None]) -> None:
    """Leave the page (Voilà's beacon stops its kernel) and wait until the server has no kernel left."""
    page.goto("about:blank", timeout=30_000)
    wait_idle()
    time.sleep(SETTLE_SECONDS)


def measure_pages(
    page_url: Callable[[str], str],
    code: str,
    notebooks: list[str],
    runs: int,
    wait_idle: Callable[[], None],
) -> dict[str, list[float]]:
    """Interleaved runs (one warm-up, then ``runs``) per notebook in one logged-in browser context."""
    timings: dict[str, list[float]] = {nb: [] for nb in notebooks}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context: BrowserContext = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
            page = context.new_page()
            log_in(page, page_url("start.ipynb"), code)
            leave(page, wait_idle)
            dag1_inputs = 0
            for notebook in notebooks:  # warm-up: server, browser cache, kernel imports on disk cache
                time_to_interactive(page, page_url(notebook), notebook)
                if notebook == "dag1.ipynb":
                    time.sleep(1.0)
                    dag1_inputs = page.evaluate(COUNT_DAG1_INPUTS)
                leave(page, wait_idle)
            for _ in range(runs):
                for notebook in notebooks:
                    arg = dag1_inputs if notebook == "dag1.ipynb" else 0
                    timings[notebook].append(time_to_interactive(page, page_url(notebook), notebook, arg))
                    leave(page, wait_idle)
            context.close()
        finally:
            browser.close()
    return timings
