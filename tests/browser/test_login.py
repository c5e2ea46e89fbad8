"""Logging in happens at the server, before any kernel: redirects, the HttpOnly cookie, limits, kernels per session."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
import requests
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.support.voila_server import printed_codes, start_wijwerken, stop_server
from tests.support.waiting import wait_for
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from wijwerken_widgets.people.identity import SESSION_COOKIE

pytestmark = [pytest.mark.browser, pytest.mark.server]

KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')
OPEN_SOCKET = """(url) => new Promise(resolve => {
    const socket = new WebSocket(url);
    socket.onopen = () => { socket.close(); resolve("open"); };
    socket.onerror = () => resolve("refused");
    socket.onclose = () => resolve("refused");
})"""


@pytest.fixture
def own_workbook(tmp_path, request) -> Iterator[Workbook]:
    """A server of the test's own (the login limits it tests would slow down the shared one's other tests)."""
    extra = getattr(request, "param", ())
    server = start_wijwerken(data_dir=tmp_path / "data", log_path=tmp_path / "serve.log", extra=extra)
    yield Workbook(server, printed_codes(server.log()))
    stop_server(server)


def _session(context: BrowserContext) -> dict | None:
    return next((c for c in context.cookies() if c["name"] == SESSION_COOKIE), None)


def test_a_page_without_a_session_redirects_to_the_login_page_and_starts_no_kernel(
        workbook: Workbook, context: BrowserContext, page: Page) -> None:
    """Does Dag 1 without a session show the login page (no kernel started), and does the right code set an HttpOnly,
    SameSite=Lax cookie and land on Dag 1?"""
    before = len(workbook.server.kernel_processes())
    for _ in range(5):
        assert requests.get(workbook.url("dag1.ipynb"), allow_redirects=False, timeout=30).status_code == 302
    page.goto(workbook.url("dag1.ipynb"))
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fvoila%2Frender%2Fdag1\.ipynb$"))
    expect(page.get_by_role("heading", name="Inloggen", level=1)).to_be_visible()
    assert len(workbook.server.kernel_processes()) == before  # no page, no kernel
    assert _session(context) is None

    log_in(page, workbook.participant(0).code)
    expect(page).to_have_url(re.compile(r"/voila/render/dag1\.ipynb$"))
    cookie = _session(context)
    assert cookie is not None and cookie["httpOnly"] and cookie["sameSite"] == "Lax", cookie
    assert 29 * 86400 < cookie["expires"] - time.time() <= 30 * 86400
    assert page.evaluate("() => document.cookie").find(SESSION_COOKIE) == -1  # page scripts cannot read it
    log = workbook.server.log()
    assert re.search(r"login from 127\.0\.0\.1: ok, person-\d+", log)
    assert log.count(workbook.participant(0).code) == 1  # only where `serve` printed the demo codes


def test_wrong_codes_are_limited_across_reloads_and_logged_without_the_code(own_workbook: Workbook, page: Page) -> None:
    """After three wrong codes that start like the participant's own, is even the right code refused for a while,
    also after reloading the login page; and does the server log each attempt without the code?"""
    code = own_workbook.participant(0).code
    wrong = [code[:5] + "ZZZZ-ZZZZ-ZZZ" + str(n) for n in range(3)]
    for attempt in wrong:
        page.goto(own_workbook.url("dag1.ipynb"))  # the login page loaded anew each time: that resets nothing
        page.locator(".ww-login input[type=password]").fill(attempt)
        page.get_by_role("button", name="Inloggen").click()
        expect(page.get_by_role("alert")).to_contain_text("Deze code kennen we niet")
    expect(page.get_by_role("alert")).to_contain_text(re.compile(r"Probeer het over [1-5] seconden? opnieuw"))
    page.goto(own_workbook.url("dag1.ipynb"))
    page.locator(".ww-login input[type=password]").fill(code)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_contain_text("Er is te vaak een verkeerde code geprobeerd")
    assert _session(page.context) is None
    log = own_workbook.server.log()
    assert log.count("login from 127.0.0.1: wrong code") == 3 and "login from 127.0.0.1: refused" in log
    assert not any(attempt in log for attempt in wrong) and log.count(code) == 1  # printed by `serve` only


def test_a_kernel_opens_only_for_the_session_that_started_it(workbook: Workbook, browser: Browser) -> None:
    """Can another logged-in participant, or a browser without a session, open my page's kernel websocket or see
    it through the kernel API? (My own page works, so the websocket does open for me.)"""
    mine, theirs = browser.new_context(), browser.new_context()
    try:
        page = mine.new_page()
        page.goto(workbook.url("dag1.ipynb"))
        log_in(page, workbook.participant(1).code)
        kernel_id = KERNEL_ID.search(page.content())[1]
        socket = f"ws://127.0.0.1:{workbook.server.port}/api/kernels/{kernel_id}/channels"
        other = theirs.new_page()
        other.goto(workbook.url("start.ipynb"))
        log_in(other, workbook.participant(2).code)
        assert other.evaluate(OPEN_SOCKET, socket) == "refused"
        assert other.evaluate("(url) => fetch(url).then(r => r.status)",
                              f"{workbook.server.url}api/kernels/{kernel_id}") == 403
        assert page.evaluate(OPEN_SOCKET, socket) == "open"  # the same request from my own page opens
        anonymous = requests.get(f"{workbook.server.url}api/kernels/{kernel_id}", timeout=30)
        assert anonymous.status_code == 403
        expect(page.locator(".ww-who")).to_contain_text(workbook.participant(1).naam)
    finally:
        mine.close()
        theirs.close()


@pytest.mark.parametrize("own_workbook", [("--max-kernels", "1")], indirect=True)
def test_a_full_server_says_in_dutch_that_it_is_busy(own_workbook: Workbook, context: BrowserContext) -> None:
    """With room for one page, does a second page get the Dutch "het is even druk" page (503), and the first work?"""
    first = context.new_page()
    first.goto(own_workbook.url("start.ipynb"))
    log_in(first, own_workbook.participant(0).code)
    second = context.new_page()
    response = second.goto(own_workbook.url("dag1.ipynb"))
    assert response is not None and response.status == 503 and response.headers.get("retry-after") == "30"
    expect(second.get_by_role("heading", name="Het is even druk", level=1)).to_be_visible()
    expect(second.get_by_role("main")).to_contain_text("Wacht een halve minuut")
    expect(first.locator(".ww-who")).to_contain_text("Ingelogd als")
    first.close(run_before_unload=True)  # its kernel stops (the page's shutdown beacon); then there is room again
    wait_for(lambda: second.reload().status == 200, timeout=60, interval=1,
             message="no room again after the first page's kernel stopped")
    expect(second.locator(".ww-who")).to_contain_text("Ingelogd als", timeout=LOAD_TIMEOUT)


def test_the_statement_is_there_before_logging_in(workbook: Workbook, page: Page) -> None:
    """Does the login page link to the accessibility statement, readable without logging in and without a kernel?"""
    before = len(workbook.server.kernel_processes())
    page.goto(workbook.server.url + "login")
    page.get_by_role("link", name="Toegankelijkheid").click()
    expect(page.get_by_role("heading", name="Toegankelijkheid", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Wat nog niet goed werkt")).to_be_visible()
    page.get_by_role("link", name="Inloggen").click()
    expect(page.locator(".ww-login input[type=password]")).to_be_visible()
    assert len(workbook.server.kernel_processes()) == before


@pytest.fixture
def training_day(tmp_path) -> Iterator[Workbook]:
    """A server whose only cohort has Dag 1 today: Dag 1's kernels are started before anyone asks (and the server
    looks at the programme again every 2 seconds)."""
    import datetime
    import subprocess
    import sys

    import yaml

    from wijwerken_widgets.core import paths

    settings = yaml.safe_load((paths.exercises_dir() / "cohorts" / "demogemeente.yaml").read_text(encoding="utf-8"))
    settings["programma"] = [{"dag": 1, "datum": datetime.date.today().isoformat()}]
    cohort_file = tmp_path / "cohort.yaml"
    cohort_file.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    created = subprocess.run([sys.executable, "-m", "wijwerken_widgets", "cohort", "create", str(cohort_file),
                              "--data", str(tmp_path / "data")], capture_output=True, text=True, check=True)
    server = start_wijwerken(data_dir=tmp_path / "data", log_path=tmp_path / "serve.log",
                             extra=["--no-demo", "--pool-refresh", "2"])
    yield Workbook(server, printed_codes(created.stdout))
    stop_server(server)


def test_on_a_training_day_each_participant_gets_a_started_kernel_of_their_own(
        training_day: Workbook, browser: Browser) -> None:
    """With Dag 1 on today's programme, do two participants each get a kernel from the pool, see their own name and
    save their own answer, and is each kernel refused to the other?"""
    pool = len([c for c in training_day.codes if c.rol == "deelnemer"]) + 2  # Dag 1's and the start page's
    wait_for(lambda: training_day.server.log().count("preheated kernel ready, waiting for its page request") >= pool,
             timeout=180, message="the pools' kernels did not get ready")
    pages, kernels = [], []
    for n in (0, 1):
        context = browser.new_context()
        page = context.new_page()
        page.goto(training_day.url("dag1.ipynb"))
        log_in(page, training_day.participant(n).code)
        expect(page.locator(".ww-who")).to_contain_text(training_day.participant(n).naam)
        field = page.locator(".ww-section textarea").nth(1)
        field.fill(f"Het probleem volgens {training_day.participant(n).naam}")
        field.blur()
        pages.append(page)
        kernels.append(KERNEL_ID.search(page.content())[1])
    log = training_day.server.log()
    assert all(f"Using pre-heated kernel: {kernel} for dag1.ipynb" in log for kernel in kernels), log
    socket = f"ws://127.0.0.1:{training_day.server.port}/api/kernels/{{}}/channels"
    assert pages[1].evaluate(OPEN_SOCKET, socket.format(kernels[0])) == "refused"
    assert pages[0].evaluate(OPEN_SOCKET, socket.format(kernels[1])) == "refused"
    with training_day.store() as store:
        people = {p.name: p for p in store.people(1)}
        for n in (0, 1):
            person = people[training_day.participant(n).naam]
            saved = wait_for(lambda p=person: store.latest_answer(p.id, "dag1.probleem"), timeout=30)
            assert saved.value == f"Het probleem volgens {person.name}"
    for page in pages:
        page.context.close()


def test_a_changed_programme_stops_and_starts_the_pools_while_serving(training_day: Workbook, tmp_path) -> None:
    """When the training day moves to another date, are the waiting kernels stopped; and when it comes back to today,
    are they started again, without restarting the server?"""
    import datetime
    import subprocess
    import sys

    import yaml

    from wijwerken_widgets.core import paths

    pool = len([c for c in training_day.codes if c.rol == "deelnemer"]) + 2
    wait_for(lambda: training_day.server.log().count("preheated kernel ready, waiting for its page request") >= pool,
             timeout=180, message="the pools' kernels did not get ready")
    settings = yaml.safe_load((paths.exercises_dir() / "cohorts" / "demogemeente.yaml").read_text(encoding="utf-8"))

    def programme(day: datetime.date) -> None:
        settings["programma"] = [{"dag": 1, "datum": day.isoformat()}]
        changed = tmp_path / f"programma-{day}.yaml"
        changed.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "wijwerken_widgets", "cohort", "programme", "demogemeente-2026",
                        str(changed), "--data", str(training_day.server.data_dir)], check=True, capture_output=True)

    programme(datetime.date.today() + datetime.timedelta(days=7))
    wait_for(lambda: not training_day.server.kernel_processes(), timeout=60, message="the pool kernels run on")
    programme(datetime.date.today())
    wait_for(lambda: len(training_day.server.kernel_processes()) == pool, timeout=120,
             message="the pools did not come back")
    wait_for(lambda: training_day.server.log().count("preheated kernel ready, waiting for its page request")
             >= 2 * pool, timeout=180, message="the new pool kernels did not get ready")
