"""15 participants log in at once: through JupyterHub (``deploy/jupyterhub``) against ``wijwerken serve``.

Both on the same PostgreSQL store (a scratch schema) with one generated cohort of 15 deelnemers, each with a hub
user name and a login code. Headless Chromium, one browser context per participant, all started together: the time
from opening the login page until the start page shows "Ingelogd als …" (login, under the hub also the spawn of the
participant's own server, the page and its kernel). Prints median, p95 and max per way, and the ratio of the p95s.

    python benchmarks/hub_logins.py [--participants 15] [--pg-url URL]

Needs the test extras, Chromium at /usr/bin/chromium and npm's configurable-http-proxy (scripts/test.sh installs it
into .cache/hub).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.async_api import Browser, async_playwright  # noqa: E402
from playwright.async_api import Error as PlaywrightError  # noqa: E402
from playwright.async_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from tests.app.test_cli import wijwerken  # noqa: E402
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.support.hub import PASSWORD, Hub, pg_schema  # noqa: E402
from tests.support.voila_server import free_port, printed_codes, start_wijwerken, stop_server  # noqa: E402

TIMEOUT_MS = 300_000


def cohort_yaml(participants: int) -> str:
    people = "".join(f"  - naam: Deelnemer {i:02d}\n    functie: medewerker\n    groep: Groep {1 + i % 3}\n"
                     f"    gebruikersnaam: deelnemer{i:02d}\n" for i in range(participants))
    groups = "".join(f"  - naam: Groep {g}\n    vraagstuk: extern\n" for g in (1, 2, 3))
    vraagstuk = "    titel: T\n    probleem: P\n    doel: D\n    hoofdvraag: H?\n"
    return (f"schema_version: 1\ngemeente: Benchgemeente\nnaam: Benchmark 2026\nslug: bench-2026\nvraagstukken:\n"
            f"  extern:\n{vraagstuk.replace('    ', '      ')}  intern:\n{vraagstuk.replace('    ', '      ')}"
            f"groepen:\n{groups}trainers:\n  - naam: Trainer\ndeelnemers:\n{people}")


RELOADS: list[str] = []
"""Participants whose hub "spawn pending" page never moved on by itself, so the script reloaded it (as a person
would, after 30 s without change): seen on 2 cores for the earliest few of 15 spawns at once."""


async def _one(browser: Browser, login: str, fill: dict[str, str], button: str, name: str) -> float:
    context = await browser.new_context(locale="nl-NL")
    page = await context.new_page()
    started = time.perf_counter()
    await page.goto(login, timeout=TIMEOUT_MS)
    for selector, value in fill.items():
        await page.locator(selector).fill(value, timeout=TIMEOUT_MS)
    await page.locator(button).first.click(timeout=TIMEOUT_MS)
    who = page.locator(".ww-who", has_text=name)
    while True:
        try:
            await who.wait_for(state="visible", timeout=30_000)
            break
        except PlaywrightTimeout:
            if time.perf_counter() - started > TIMEOUT_MS / 1000:
                raise
            if "spawn-pending" in page.url:
                RELOADS.append(name)
                with contextlib.suppress(PlaywrightError):  # it moved on by itself meanwhile
                    await page.reload(timeout=TIMEOUT_MS)
    seconds = time.perf_counter() - started
    await context.close()
    return seconds


async def burst(logins: list[tuple[str, dict[str, str], str, str]]) -> list[float]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            return list(await asyncio.gather(*(_one(browser, *login) for login in logins)))
        finally:
            await browser.close()


def summary(label: str, seconds: list[float]) -> float:
    ordered = sorted(seconds)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(f"{label:<28} median {statistics.median(ordered):6.2f} s   p95 {p95:6.2f} s   max {ordered[-1]:6.2f} s")
    return p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=15)
    parser.add_argument("--pg-url", default=os.environ.get("WIJWERKEN_TEST_DATABASE_URL",
                                                           "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="wijwerken-hub-bench-"))
    cohort = folder / "cohort.yaml"
    cohort.write_text(cohort_yaml(args.participants), encoding="utf-8")
    names = [f"Deelnemer {i:02d}" for i in range(args.participants)]
    with pg_schema(args.pg_url) as url:
        os.environ["WIJWERKEN_DATABASE_URL"] = url
        created = wijwerken("cohort", "create", str(cohort), data=folder / "data", env=dict(os.environ))
        assert created.returncode == 0, created.stderr
        codes = {c.naam: c.code for c in printed_codes(created.stdout)}

        server = start_wijwerken(data_dir=folder / "data", log_path=folder / "serve.log", port=free_port(),
                                 extra=["--no-demo"])
        try:
            serve = asyncio.run(burst([(server.url, {".ww-login input[type=password]": codes[name]},
                                        ".ww-login button", name) for name in names]))
        finally:
            stop_server(server)

        hub = Hub(folder=folder / "hub", database_url=url, port=free_port())
        hub.folder.mkdir()
        hub.start()
        try:
            hubbed = asyncio.run(burst([(f"{hub.url}/hub/login", {"#username_input": f"deelnemer{i:02d}",
                                                                  "#password_input": PASSWORD},
                                         "#login_submit", name) for i, name in enumerate(names)]))
        finally:
            hub.stop()
    print(f"{args.participants} participants log in at once (login page → start page usable), PostgreSQL, "
          f"{os.cpu_count()} cores:")
    serve_p95 = summary("wijwerken serve", serve)
    hub_p95 = summary("JupyterHub (deploy/jupyterhub)", hubbed)
    print(f"ratio of p95 (hub / serve): {hub_p95 / serve_p95:.2f}×")
    if RELOADS:
        print(f"reloaded a hub 'spawn pending' page that did not move on by itself: {len(RELOADS)} "
              f"({', '.join(RELOADS)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
