"""How `run_voila` sets up the server: what kernels receive, and what it refuses."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import requests

from tests.support.voila_server import FIXTURE_NOTEBOOKS, VoilaServer, free_port
from wijwerken_widgets.app.serve import run_voila


def test_kernel_gets_data_folder_and_cookie(server: VoilaServer) -> None:
    """Does a page's kernel see the data folder as WIJWERKEN_HOME and the browser's cookies as HTTP_COOKIE?"""
    response = requests.get(server.page_url("environment.ipynb"), cookies=server.cookies, timeout=30)
    text = html.unescape(response.text)
    assert f"WIJWERKEN_HOME={server.data_dir.resolve()}" in text
    assert f"wijwerken_sessie={server.session_token}" in text


def test_server_listens_on_loopback_only(server: VoilaServer) -> None:
    """Is the server reachable on 127.0.0.1 and nowhere else (0.0.0.0 would expose it to the network)?"""
    import psutil

    voila = psutil.Process(server.process.pid).children()[0]
    addresses = {conn.laddr.ip for conn in voila.net_connections(kind="inet") if conn.status == "LISTEN"}
    assert addresses == {"127.0.0.1"}


def test_data_folder_inside_workbooks_is_refused(tmp_path: Path) -> None:
    """Does run_voila refuse a data folder that Voilà would serve files from?"""
    workbooks = tmp_path / "workbooks"
    workbooks.mkdir()
    for data_dir in (workbooks / "data", workbooks):
        with pytest.raises(ValueError, match="inside the workbooks folder"):
            run_voila(port=free_port(), data_dir=data_dir, workbooks_dir=workbooks)


def test_missing_workbooks_folder_is_refused(tmp_path: Path) -> None:
    """Does run_voila say so when the workbooks folder does not exist?"""
    with pytest.raises(ValueError, match="does not exist"):
        run_voila(port=free_port(), data_dir=tmp_path / "data", workbooks_dir=tmp_path / "nope")


def test_fixture_notebooks_exist() -> None:
    """Are the notebooks the server tests rely on present?"""
    names = {path.name for path in FIXTURE_NOTEBOOKS.glob("*.ipynb")}
    assert {"textarea.ipynb", "failing_cell.ipynb", "environment.ipynb"} <= names


@pytest.mark.server
def test_the_demo_cohort_only_comes_into_an_empty_store(tmp_path: Path) -> None:
    """Does `serve --no-demo` start with no cohort and print no codes, and does a later plain `serve` on a store that
    holds a real cohort still add no demo?"""
    import subprocess
    import sys

    from tests.support.voila_server import ROOT, printed_codes, start_wijwerken, stop_server
    from wijwerken_widgets.store import Store

    data = tmp_path / "data"
    server = start_wijwerken(data_dir=data, log_path=tmp_path / "serve.log", extra=["--no-demo"])
    try:
        assert printed_codes(server.log()) == [] and "Demogemeente" not in server.log()
    finally:
        stop_server(server)
    settings = ROOT / "exercises" / "cohorts" / "demogemeente.yaml"
    real = tmp_path / "echt.yaml"
    real.write_text(settings.read_text(encoding="utf-8").replace("slug: demogemeente-2026", "slug: echte-gemeente"),
                    encoding="utf-8")
    created = subprocess.run([sys.executable, "-m", "wijwerken_widgets", "cohort", "create", str(real),
                              "--data", str(data)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert created.returncode == 0, created.stderr
    server = start_wijwerken(data_dir=data, log_path=tmp_path / "serve2.log")
    try:
        assert printed_codes(server.log()) == []
    finally:
        stop_server(server)
    with Store.open(f"sqlite:///{data / 'wijwerken.sqlite3'}") as store:
        assert [c.slug for c in store.cohorts()] == ["echte-gemeente"]


def _static_url(page: str) -> str:
    """The first script or stylesheet the page loads from the server itself."""
    import re

    match = re.search(r'(?:src|href)="(/voila/(?:static|templates)/[^"?]+)', page)
    assert match, "the page loads no static file"
    return match.group(1)


def test_every_response_carries_the_security_headers(server: VoilaServer) -> None:
    """Do a page, a static file, the kernels API and a 404 carry nosniff, same-origin referrers, no framing by
    other sites and a Content-Security-Policy that loads nothing from another host?"""
    page = requests.get(server.page_url("textarea.ipynb"), cookies=server.cookies, timeout=60)
    assert page.status_code == 200
    responses = {
        "page": page,
        "tree": requests.get(server.url, cookies=server.cookies, timeout=30),
        "login": requests.get(f"{server.url}login", timeout=30),
        "static": requests.get(server.url.rstrip("/") + _static_url(page.text), timeout=30),
        "kernels": requests.get(f"{server.url}api/kernels", cookies=server.cookies, timeout=30),
        "missing": requests.get(f"{server.url}voila/static/no-such-file.js", timeout=30),
    }
    assert responses["static"].status_code == 200
    for name, response in responses.items():
        headers = response.headers
        assert headers.get("X-Content-Type-Options") == "nosniff", name
        assert headers.get("Referrer-Policy") == "same-origin", name
        assert headers.get("X-Frame-Options") == "SAMEORIGIN", name
        csp = [d.strip() for d in headers.get("Content-Security-Policy", "").split(";")]
        for directive in ("frame-ancestors 'self'", "base-uri 'self'", "object-src 'none'", "form-action 'self'"):
            assert directive in csp, (name, csp)
        sources = " ".join(d for d in csp if d.split(" ")[0].endswith("-src"))
        assert "http" not in sources and "*" not in sources and "ws:" not in sources, (name, csp)
    page_csp = responses["page"].headers["Content-Security-Policy"]
    assert page_csp.startswith("default-src 'self';") and "connect-src 'self';" in page_csp


def test_nothing_without_a_live_session_reaches_a_page_or_a_kernel(server: VoilaServer) -> None:
    """Do pages without a session (or with a forged one) redirect to the login page and start no kernel, and do the
    kernel API and websocket answer 403?"""
    before = len(server.kernel_processes())
    forged = {"wijwerken_sessie": "A" * 43}
    for url, cookies in ((server.page_url("textarea.ipynb"), None), (server.page_url("textarea.ipynb"), forged),
                         (server.url, None)):
        response = requests.get(url, cookies=cookies, allow_redirects=False, timeout=30)
        assert response.status_code == 302, url
        assert response.headers["Location"].startswith("/login?next=%2F"), response.headers["Location"]
    kernel = "0" * 8 + "-0000-0000-0000-" + "0" * 12
    assert requests.get(f"{server.url}api/kernels/{kernel}", timeout=30).status_code == 403
    socket = requests.get(f"{server.url}api/kernels/{kernel}/channels", timeout=30,
                          headers={"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
                                   "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="})
    assert socket.status_code == 403
    assert len(server.kernel_processes()) == before


def test_the_request_of_a_preheated_kernel_is_only_for_the_servers_own_kernels(server: VoilaServer) -> None:
    """Is the query socket, where a pooled kernel learns its page request (with the session cookie), closed at once
    for anyone without the server's kernel token?"""
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.client import connect

    kernel = "0" * 8 + "-0000-0000-0000-" + "0" * 12
    for headers in ({}, {"X-Wijwerken-Kernel": "geraden"}):
        with connect(f"ws://127.0.0.1:{server.port}/voila/query/{kernel}", additional_headers=headers,
                     open_timeout=30) as socket, pytest.raises(ConnectionClosed) as closed:
            socket.recv(timeout=30)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1008


@pytest.mark.server
def test_behind_a_proxy_the_cookie_is_secure_and_the_limits_count_the_real_address(tmp_path: Path) -> None:
    """With --behind-proxy, does a login forwarded as HTTPS get a Secure cookie, and does the log (and with it the
    limit per address) name the forwarded client address?"""
    from tests.support.voila_server import printed_codes, start_wijwerken, stop_server

    server = start_wijwerken(data_dir=tmp_path / "data", log_path=tmp_path / "serve.log", extra=["--behind-proxy"])
    try:
        code = next(c for c in printed_codes(server.log()) if c.rol == "deelnemer").code
        session = requests.Session()
        forwarded = {"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"}
        session.get(f"{server.url}login", headers=forwarded, timeout=30)
        answer = session.post(f"{server.url}login", headers=forwarded, allow_redirects=False, timeout=30,
                              data={"code": code, "_xsrf": session.cookies["_xsrf"], "next": "/"})
        assert answer.status_code == 302, answer.text
        cookie = answer.headers["Set-Cookie"]
        assert "wijwerken_sessie=" in cookie and "Secure" in cookie and "HttpOnly" in cookie
        assert "login from 203.0.113.7: ok" in server.log()
        wrong = session.post(f"{server.url}login", headers=forwarded, allow_redirects=False, timeout=30,
                             data={"code": "ZZZZ-ZZZZ-ZZZZ-ZZZZ", "_xsrf": session.cookies["_xsrf"], "next": "/"})
        assert wrong.status_code == 403
        log = server.log()  # the audit trail's lines too: ids only, never the code or the address
        assert re.search(r"audit: action=login object=person-\d+ result=ok origin=web actor=\d+ cohort=\d+", log)
        assert "audit: action=login object=person result=refused origin=web actor=- cohort=-" in log
        assert "ZZZZ" not in log
    finally:
        stop_server(server)
