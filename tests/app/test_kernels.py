"""Kernels follow pages: a closed or reloaded page frees its kernel, and a lost kernel is told to the participant."""

from __future__ import annotations

import signal
from collections.abc import Callable

import psutil
import pytest
import requests
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.voila_server import VoilaServer, kernel_id, stop_server
from tests.support.waiting import wait_for

BANNER = "#wijwerken-verbinding"
CULL_IDLE_TIMEOUT = 5
"""Seconds of idleness after which the culling test's server stops a kernel: the margin between a page being served
and the test looking at that page's kernel, which takes milliseconds."""

# True once the page's kernel connection has settled: the websocket is connected and the kernel idle. From then on
# the banner script (wijwerken.js) only shows the banner on a change of status, i.e. a real loss. (An async function:
# for `page.evaluate`, which awaits it; `page.wait_for_function` would take the promise itself as a truthy answer.)
CONNECTION_SETTLED = """async () => {
  const app = window.jupyterapp;
  if (!app) { return false; }
  const later = new Promise(resolve => setTimeout(() => resolve(null), 1000));
  const manager = await Promise.race([app.widgetManagerPromise.promise, later]);
  return !!manager && !!manager.kernel && manager.kernel.connectionStatus === "connected"
    && manager.kernel.status === "idle";
}"""


def _open(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("textarea")).to_be_visible(timeout=30_000)


@pytest.mark.browser
def test_visits_and_reloads_leave_no_kernels_behind(fresh_server: VoilaServer, context: BrowserContext) -> None:
    """After 30 visits (navigations, reloads, closed tabs) are there no more kernels than open pages?"""
    url = fresh_server.page_url("textarea.ipynb")
    page = context.new_page()
    for _ in range(10):
        _open(page, url)
    for _ in range(10):
        page.reload()
        expect(page.locator("textarea")).to_be_visible(timeout=30_000)
    for _ in range(10):
        tab = context.new_page()
        _open(tab, url)
        with tab.expect_event("close"):
            tab.close(run_before_unload=True)  # like a person closing the tab: beforeunload runs

    open_pages = len(context.pages)
    assert open_pages == 1
    wait_for(
        lambda: len(fresh_server.kernel_processes()) <= open_pages,
        timeout=30,
        message=f"kernels still running: {len(fresh_server.kernel_processes())}",
    )
    expect(page.locator("textarea")).to_be_visible()
    assert "api/shutdown" not in fresh_server.log()  # Voilà logs only refused (4xx) shutdown beacons


def test_kernels_without_a_page_are_culled(server_factory: Callable[..., VoilaServer]) -> None:
    """Is the kernel of a page fetched without a browser (no shutdown beacon) stopped once it is idle?

    Each page's kernel is looked at right after its page was served (it is idle from then on, and culled
    CULL_IDLE_TIMEOUT s later at the earliest), not after all three pages: three page loads on a busy machine can
    take longer than the idle timeout, and the first kernel was then already culled when they were counted.
    """
    server = server_factory(cull_idle_timeout=CULL_IDLE_TIMEOUT)
    kernels: dict[str, psutil.Process] = {}
    for _ in range(3):
        assert requests.get(server.page_url("textarea.ipynb"), cookies=server.cookies, timeout=30).status_code == 200
        known = {kernel.pid for kernel in kernels.values()}
        new = [kernel for kernel in server.kernel_processes() if kernel.pid not in known]
        assert len(new) == 1, f"the page's own kernel, alive after its page was served: {new}"
        kernels[kernel_id(new[0])] = new[0]

    _gone, alive = psutil.wait_procs(list(kernels.values()), timeout=60)
    assert alive == [], "idle kernels were not culled"
    assert server.kernel_processes() == []
    culled = [line for line in server.log().splitlines() if "Culling 'idle' kernel" in line]
    assert [k for k in kernels if not any(k in line for line in culled)] == [], server.log()  # stopped as idle


@pytest.mark.browser
def test_killed_kernel_shows_the_banner(fresh_server: VoilaServer, page: Page) -> None:
    """When the page's kernel process dies, does the page say in Dutch that the connection is lost?"""
    _open(page, fresh_server.page_url("textarea.ipynb"))
    banner = page.locator(BANNER)
    wait_for(lambda: page.evaluate(CONNECTION_SETTLED), timeout=30, message="the page's kernel never connected")
    expect(banner).to_be_hidden()  # no false alarm while the page loaded and connected

    (kernel,) = fresh_server.kernel_processes()
    kernel.send_signal(signal.SIGKILL)

    expect(banner).to_be_visible(timeout=20_000)
    expect(banner).to_contain_text("De verbinding met het werkboek is verbroken.")
    expect(banner).to_contain_text("Herlaad de pagina")


@pytest.mark.browser
def test_stopped_server_shows_the_banner(fresh_server: VoilaServer, page: Page) -> None:
    """When the server stops while a page is open, does the page show the banner?"""
    _open(page, fresh_server.page_url("textarea.ipynb"))
    expect(page.locator(BANNER)).to_be_hidden()

    assert stop_server(fresh_server) == 0

    expect(page.locator(BANNER)).to_be_visible(timeout=20_000)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_stop_signal_ends_server_and_kernels(fresh_server: VoilaServer, sig: int) -> None:
    """Does Ctrl-C (SIGINT) or SIGTERM stop the server with exit code 0 and leave no kernel running?"""
    for _ in range(2):
        page = requests.get(fresh_server.page_url("textarea.ipynb"), cookies=fresh_server.cookies, timeout=30)
        assert page.status_code == 200
    kernels = fresh_server.kernel_processes()
    assert len(kernels) == 2
    voila = psutil.Process(fresh_server.process.pid).children()

    assert stop_server(fresh_server, sig=sig) == 0

    _gone, alive = psutil.wait_procs(kernels + voila, timeout=10)
    assert alive == []
    assert "y/n" not in fresh_server.log() and "Shutdown this" not in fresh_server.log()
