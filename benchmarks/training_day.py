"""The training day: Dag 1 on today's programme, so `wijwerken serve` keeps a pool of started Dag 1 kernels.

Measured on a server of its own (its cohort has Dag 1 today), beside the figures of the ordinary server in the same
run: the idle pools' memory, 15 participants opening Dag 1 at once (each gets a pooled kernel), and Dag 1 one page at
a time in Chromium; bare (which has no pool, so it starts its kernel as before) is measured alike on the same server.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import browser_timing
import protocol_client
import workspace

READY = "preheated kernel ready, waiting for its page request"
START_POOL = 2  # the start page's pool on a training day (wijwerken_widgets.app.web.pools.START_POOL)


def ready_count(server: workspace.Server) -> int:
    """How many pool kernels have said they are ready, since the server started."""
    return server.log_path.read_text(encoding="utf-8", errors="replace").count(READY)


def wait_ready(server: workspace.Server, count: int, timeout: float = 300) -> None:
    workspace.wait_for(lambda: ready_count(server) >= count, timeout=timeout, interval=0.5,
                       message=f"fewer than {count} pool kernels got ready")
    time.sleep(2.0)  # the last ones settle (their CPU drops to idle)


def pool_memory(server: workspace.Server, kernel_rss: Callable) -> float:
    """RSS in MiB of every kernel running (only the pools' kernels, when nobody has a page open)."""
    return sum(kernel_rss(process)[1] for process in server.kernels().values())


def burst(server: workspace.Server, cookies: list[str], bursts: int, expected: int
          ) -> tuple[dict[str, list[float]], list[str], int]:
    """``bursts`` times: everyone opens bare (no pool) at once, then Dag 1 (from a full pool); the pool refills."""
    ready: dict[str, list[float]] = {"bare.ipynb": [], "dag1.ipynb": []}
    failed: list[str] = []
    for _ in range(bursts):
        for notebook in ready:
            wait_ready(server, expected)
            loads, failures = protocol_client.burst(server.url, notebook, cookies)
            ready[notebook] += [load.ready_seconds for load in loads]
            failed += [f"{notebook}: {failure}" for failure in failures]
            for load in loads:
                load.close()
                protocol_client.shutdown_kernel(server.url, load.kernel_id)
        expected += len(cookies)  # the refill of the Dag 1 kernels just taken
    return ready, failed, expected


def one_at_a_time(server: workspace.Server, code: str, runs: int, expected: int) -> tuple[dict[str, list[float]], int]:
    """Dag 1 (from the pool) and bare (no pool), interleaved, in one logged-in Chromium."""
    state = {"expected": expected}

    def settle() -> None:
        wait_ready(server, state["expected"])

    timings: dict[str, list[float]] = {"bare.ipynb": [], "dag1.ipynb": []}
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_timing.CHROMIUM,
                                             args=browser_timing.CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
            page = context.new_page()
            browser_timing.log_in(page, server.page_url("start.ipynb"), code)  # takes a start page kernel
            state["expected"] += 1  # ... which the start page's pool refills
            dag1_inputs = 0
            for run in range(runs + 1):  # the first is a warm-up
                for notebook in timings:
                    settle()
                    seconds = browser_timing.time_to_interactive(page, server.page_url(notebook), notebook,
                                                                 dag1_inputs if notebook == "dag1.ipynb" else 0)
                    if notebook == "dag1.ipynb":
                        state["expected"] += 1
                        if run == 0:
                            time.sleep(1.0)
                            dag1_inputs = page.evaluate(browser_timing.COUNT_DAG1_INPUTS)
                    if run > 0:
                        timings[notebook].append(seconds)
                    page.goto("about:blank", timeout=30_000)
            context.close()
        finally:
            browser.close()
    return timings, state["expected"]


def measure(folder: Path, workbooks: Path, participants: int, bursts: int, runs: int, kernel_rss: Callable
            ) -> dict:
    """Every training-day figure, from a server of its own."""
    data = folder / "data"
    cohort = workspace.write_cohort_yaml(folder / "training-day.yaml", participants, training_day=1)
    codes = workspace.create_cohort(data, cohort)
    cookies = workspace.session_cookies(data, codes)
    server = workspace.start_server(data_dir=data, workbooks_dir=workbooks, log_path=folder / "server.log")
    try:
        expected = participants + START_POOL
        wait_ready(server, expected)
        results: dict = {"pool_kernels": len(server.kernels()), "pool_mib": pool_memory(server, kernel_rss)}
        results["burst_seconds"], results["burst_failures"], expected = burst(server, cookies, bursts, expected)
        results["browser_seconds"], expected = one_at_a_time(server, next(iter(codes.values())), runs, expected)
        return results
    except Exception:
        import sys

        log = server.log_path.read_text(encoding="utf-8", errors="replace")
        print(f"training-day server: {ready_count(server)} ready lines; log tail:\n{log[-4000:]}", file=sys.stderr)
        raise
    finally:
        workspace.stop_server(server)


