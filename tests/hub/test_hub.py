"""The workbook under a real JupyterHub (``deploy/jupyterhub``): each participant gets their own workbook and
nothing else, the trainer gets the trainer pages, and what was typed survives the hub's restart."""

from __future__ import annotations

import json
import re
import uuid

import pytest
import websocket
from playwright.sync_api import Browser, Page, expect

from tests.support.hub import PASSWORD, Hub

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
