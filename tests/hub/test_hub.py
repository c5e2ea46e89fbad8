"""The workbook under a real JupyterHub (``deploy/jupyterhub``): each participant gets their own workbook and
nothing else, the trainer gets the trainer pages, and what was typed survives the hub's restart."""

from __future__ import annotations

import contextlib
import json
import re
import uuid

import psutil
import pytest
import websocket
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import create_engine, make_url, select

from tests.support.hub import PASSWORD, Hub
from tests.support.waiting import wait_for
from wijwerken_widgets.store import Store
from wijwerken_widgets.store.schema import metadata
from wijwerken_widgets.ui import texts

DAG1_ANSWER = "Inwoners weten niet bij wie ze terechtkunnen"
PROBLEEM = "textarea[placeholder^='Bijvoorbeeld: Bewoners starten initiatieven']"
WHO = ".ww-who"


def _log_in(page: Page, hub: Hub, user: str) -> None:
    page.goto(f"{hub.url}/hub/login")
    page.get_by_label("Username").fill(user)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()


@pytest.mark.browser
def test_each_user_sees_their_own_workbook_and_the_trainer_the_trainer_pages(hub: Hub, browser: Browser) -> None:
    for user, name in (("fatima", "Fatima El Amrani"), ("jeroen", "Jeroen de Vries")):
        context = browser.new_context(locale="nl-NL")
        page = context.new_page()
        _log_in(page, hub, user)
        expect(page.locator(WHO)).to_contain_text(f"Ingelogd als \u2068{name}\u2069", timeout=120_000)
        expect(page.locator(".ww-login")).to_have_count(0)  # no workbook login under the hub
        context.close()

    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    _log_in(page, hub, "marieke")
    page.get_by_label("Het werkboek (zoals deelnemers het zien)").check(timeout=60_000)
    page.get_by_role("button", name=re.compile("Start", re.I)).click()
    expect(page.locator(WHO)).to_contain_text("Marieke Verhoeven", timeout=120_000)
    page.goto(f"{hub.url}/user/marieke/voila/render/trainer.ipynb")
    expect(page.get_by_role("heading", name="Tussen de dagen", exact=True)).to_be_visible(timeout=120_000)
    context.close()


def test_a_participant_reaches_no_lab_files_terminals_or_kernels_api(hub: Hub) -> None:
    session = hub.login("fatima")
    for path in ("/lab", "/tree", "/terminals/1", "/api/terminals", "/api/kernels", "/api/contents",
                 "/api/contents/start.ipynb", "/files/start.ipynb", "/api/sessions", "/api/nbconvert",
                 "/api/config/notebook", "/edit/start.ipynb", "/notebooks/start.ipynb"):
        answer = hub.user_page(session, "fatima", path)
        assert answer.status_code in (403, 404), (path, answer.status_code)
        assert '"cells"' not in answer.text and '"kernel_id"' not in answer.text, path
    started = session.post(f"{hub.url}/user/fatima/api/kernels", json={"name": "python3"}, timeout=30,
                           headers={"X-XSRFToken": session.cookies.get("_xsrf", path="/user/fatima/") or ""})
    assert started.status_code == 403


def test_code_sent_to_the_pages_kernel_is_not_run(hub: Hub, tmp_path_factory: pytest.TempPathFactory) -> None:
    session = hub.login("jeroen")
    page = hub.user_page(session, "jeroen", "/voila/render/start.ipynb")
    kernel_id = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', page.text)
    assert kernel_id, page.text[:2000]
    marker = tmp_path_factory.mktemp("exec") / "ran"
    cookies = "; ".join(f"{c.name}={c.value}" for c in session.cookies)
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{hub.port}/user/jeroen/api/kernels/{kernel_id.group(1)}/channels",
        header=[f"Cookie: {cookies}"], timeout=60)
    try:
        def message(msg_type: str, content: dict) -> str:
            return json.dumps({"header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "x",
                                          "session": uuid.uuid4().hex, "version": "5.3", "date": ""},
                               "parent_header": {}, "metadata": {}, "content": content, "channel": "shell"})

        ws.send(message("execute_request", {"code": f"open({str(marker)!r}, 'w').write('x')", "silent": False,
                                            "store_history": False, "user_expressions": {}, "allow_stdin": False}))
        ws.send(message("kernel_info_request", {}))
        replies = []
        while not any(r.get("msg_type") == "kernel_info_reply" for r in replies):
            replies.append(json.loads(ws.recv()))  # the kernel answers what it was allowed to get, in order
    finally:
        ws.close()
    assert not [r for r in replies if r.get("msg_type") in ("execute_reply", "execute_input")]
    assert not marker.exists()


@pytest.mark.browser
def test_what_a_participant_typed_survives_a_restart_of_the_hub(hub: Hub, browser: Browser) -> None:
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    _log_in(page, hub, "fatima")
    expect(page.locator(WHO)).to_contain_text("Fatima El Amrani", timeout=120_000)
    page.goto(f"{hub.url}/user/fatima/voila/render/dag1.ipynb")
    page.locator(PROBLEEM).fill(DAG1_ANSWER)
    status = page.locator(f".ww-field:has({PROBLEEM}) .ww-save-status").first
    expect(status).to_contain_text(re.compile(r"Opgeslagen \d\d:\d\d"), timeout=60_000)
    context.close()

    hub.stop()
    hub.start()
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    _log_in(page, hub, "fatima")
    expect(page.locator(WHO)).to_contain_text("Fatima El Amrani", timeout=120_000)
    page.goto(f"{hub.url}/user/fatima/voila/render/dag1.ipynb")
    expect(page.locator(PROBLEEM)).to_have_value(DAG1_ANSWER, timeout=120_000)
    context.close()


def _kernel_environment(user: str) -> dict[str, str] | None:
    """The environment of one of ``user``'s page kernels (a process on this machine), or None."""
    for process in psutil.process_iter(["cmdline"]):
        if "ipykernel_launcher" in " ".join(process.info["cmdline"] or []):
            with contextlib.suppress(psutil.Error):
                environment = process.environ()
                if environment.get("JUPYTERHUB_USER") == user:
                    return environment
    return None


def test_with_the_database_of_a_participants_kernel_nothing_of_another_participant_is_read(hub: Hub) -> None:
    owner = Store.open(hub.database_url)
    try:
        fatima, jeroen = owner.person_by_hub_user("fatima"), owner.person_by_hub_user("jeroen")
        assert fatima is not None and jeroen is not None
        owner.save_answer(fatima.id, "dag1.doel", "EIGEN-fatima", base_id=None, client_id="t")
        owner.save_answer(jeroen.id, "dag1.doel", "GEHEIM-jeroen", base_id=None, client_id="t")
        owner.save_log_entry(jeroen.id, "p1", day="dag1", prompt="", text="PRIVE-jeroen", sharing="prive",
                             client_id="t")
    finally:
        owner.close()
    session = hub.login("fatima")
    assert hub.user_page(session, "fatima", "/voila/render/start.ipynb").status_code == 200
    environment = wait_for(lambda: _kernel_environment("fatima"), timeout=60, message="no kernel of fatima")
    url = make_url(environment["WIJWERKEN_DATABASE_URL"])
    assert url.username != make_url(hub.database_url).username  # not the owner's role
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            seen = repr({table.name: conn.execute(select(table)).all() for table in metadata.sorted_tables})
    finally:
        engine.dispose()
    assert "EIGEN-fatima" in seen
    assert "GEHEIM-jeroen" not in seen and "PRIVE-jeroen" not in seen


@pytest.mark.browser
@pytest.mark.parametrize("user", ["jeroen", "marieke"])
def test_every_page_opens_without_an_error_with_the_persons_own_database_role(hub: Hub, browser: Browser,
                                                                               user: str) -> None:
    """Row security must let every page read what it shows: each page of the navigation (and for the trainer the
    trainer pages) builds to its end without an error notice."""
    words = texts.load().navigation
    pages = [p.workbook for p in words.pages] + ([p.workbook for p in words.trainer_pages] if user == "marieke" else [])
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    _log_in(page, hub, user)
    if user == "marieke":
        page.get_by_label("Het werkboek (zoals deelnemers het zien)").check(timeout=60_000)
        page.get_by_role("button", name=re.compile("Start", re.I)).click()
    expect(page.locator(WHO)).to_be_visible(timeout=120_000)
    for workbook in pages:
        page.goto(f"{hub.url}/user/{user}/voila/render/{workbook}")
        expect(page.locator(WHO)).to_be_visible(timeout=120_000)
        expect(page.locator(".ww-footer").first).to_be_visible(timeout=120_000)  # the page's last part
        expect(page.locator(".ww-notice-error"), workbook).to_have_count(0)
    context.close()
