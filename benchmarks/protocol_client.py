"""A protocol-level Voilà 0.5.13 client: what a browser asks of the server to show a page, without a browser.

One page load is what Voilà's front end does (voila/labextensions/widgets-manager8, @jupyterlab/services):

1. ``GET /voila/render/<notebook>``: Voilà starts a kernel, runs every cell and streams the HTML; the kernel id is
   in ``<script id="jupyter-config-data">`` (``kernelId``). The response also sets the ``_xsrf`` cookie.
2. Websocket ``/api/kernels/<id>/channels?session_id=<uuid>`` with subprotocol ``v1.kernel.websocket.jupyter.org``;
   the connection counts as connected after a ``kernel_info_reply``.
3. The widget manager opens a comm on target ``jupyter.widget.control`` and sends ``{"method": "request_states"}``;
   ipywidgets answers with one ``comm_msg`` ``{"method": "update_states", "states": …}``. From then on the browser
   can draw every widget: that moment is the end of a page load here.

Closing a page is Voilà's shutdown beacon: ``POST /voila/api/shutdown/<id>`` with the ``_xsrf`` value.
Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit

import requests
import websocket
from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1, serialize_msg_to_ws_v1

PROTOCOL = "v1.kernel.websocket.jupyter.org"
CONFIG_RE = re.compile(r'<script id="jupyter-config-data" type="application/json">\s*(\{.*?\})\s*</script>', re.S)


@dataclass
class PageLoad:
    """One page load: seconds from the GET to the page HTML and to the widgets' state, and its kernel."""

    notebook: str
    kernel_id: str
    html_seconds: float
    ready_seconds: float
    widget_count: int
    session: requests.Session = field(repr=False)
    base_url: str = field(repr=False)

    def close(self, timeout: float = 10) -> None:
        """Send the shutdown beacon the browser sends on leaving the page."""
        shutdown_kernel(self.base_url, self.kernel_id, self.session, timeout=timeout)


def shutdown_kernel(base_url: str, kernel_id: str, session: requests.Session | None = None, *,
                    timeout: float = 10) -> None:
    """Voilà's shutdown beacon for ``kernel_id`` (with the session's ``_xsrf`` cookie, or a fresh one)."""
    _loopback_only(base_url)
    session = session or requests.Session()
    session.trust_env = False
    xsrf = session.cookies.get("_xsrf")
    if not xsrf:
        xsrf = uuid.uuid4().hex
        session.cookies.set("_xsrf", xsrf, domain="127.0.0.1", path="/")
    session.post(f"{base_url}voila/api/shutdown/{kernel_id}", data={"_xsrf": xsrf},
                 headers={"X-XSRFToken": xsrf}, timeout=timeout)


def _loopback_only(url: str) -> None:
    if urlsplit(url).hostname != "127.0.0.1":
        raise ValueError(f"refusing to contact {url}: the benchmark talks to 127.0.0.1 only")


def _message(msg_type: str, content: dict, session_id: str) -> dict:
    return {
        "header": {
            "msg_id": uuid.uuid4().hex,
            "msg_type": msg_type,
            "username": "benchmark",
            "session": session_id,
            "date": datetime.now(timezone.utc).isoformat(),
            "version": "5.3",
        },
        "parent_header": {},
        "metadata": {},
        "content": content,
        "buffers": [],
    }


def _send(ws: websocket.WebSocket, channel: str, msg: dict) -> None:
    parts = [json.dumps(msg[k]).encode() for k in ("header", "parent_header", "metadata", "content")]
    ws.send_bytes(serialize_msg_to_ws_v1(parts, channel))


def _receive_until(ws: websocket.WebSocket, deadline: float, accept) -> dict:
    """Read kernel messages until ``accept(channel, header, content)`` is true; return that message's content."""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no answer from the kernel in time")
        ws.settimeout(left)
        frame = ws.recv()
        if isinstance(frame, str):  # legacy JSON protocol (not chosen, but harmless to understand)
            msg = json.loads(frame)
            channel, header, content = msg.get("channel"), msg["header"], msg["content"]
        else:
            channel, parts = deserialize_msg_from_ws_v1(frame)
            header, content = json.loads(parts[0]), json.loads(parts[3])
        if accept(channel, header, content):
            return content


def _get_page(session: requests.Session, url: str, deadline: float) -> str:
    """The whole streamed page, or ``TimeoutError`` at ``deadline`` (Voilà keeps a stuck page open with heartbeats)."""
    with session.get(url, stream=True, timeout=(10, 30)) as response:
        response.raise_for_status()
        chunks = []
        for chunk in response.iter_content(chunk_size=None):
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise TimeoutError(f"page {url} not complete in time")
        return b"".join(chunks).decode(response.encoding or "utf-8", errors="replace")


def load_page(base_url: str, notebook: str, cookie: str | None = None, *, timeout: float = 120) -> PageLoad:
    """Load ``notebook`` as a browser would until its widgets can be drawn; the kernel keeps running."""
    _loopback_only(base_url)
    session = requests.Session()
    session.trust_env = False  # never a proxy
    if cookie:
        name, _, value = cookie.partition("=")
        session.cookies.set(name, value, domain="127.0.0.1", path="/")
    deadline = time.monotonic() + timeout
    started = time.perf_counter()
    html = _get_page(session, f"{base_url}voila/render/{notebook}", deadline)
    html_seconds = time.perf_counter() - started
    match = CONFIG_RE.search(html)
    if not match:
        raise RuntimeError(f"no jupyter-config-data in the page of {notebook}")
    kernel_id = json.loads(match.group(1))["kernelId"]

    session_id = uuid.uuid4().hex
    ws_url = f"ws://127.0.0.1:{urlsplit(base_url).port}/api/kernels/{kernel_id}/channels?session_id={session_id}"
    cookie_header = "; ".join(f"{c.name}={c.value}" for c in session.cookies)
    ws = websocket.create_connection(
        ws_url,
        timeout=max(1.0, deadline - time.monotonic()),
        subprotocols=[PROTOCOL],
        header=[f"Cookie: {cookie_header}"],
        origin=base_url.rstrip("/"),
        http_no_proxy=["127.0.0.1"],
    )
    try:
        info = _message("kernel_info_request", {}, session_id)
        _send(ws, "shell", info)
        _receive_until(
            ws, deadline, lambda ch, h, c: h["msg_type"] == "kernel_info_reply"
        )
        comm_id = uuid.uuid4().hex
        opening = _message(
            "comm_open", {"comm_id": comm_id, "target_name": "jupyter.widget.control", "data": {}}, session_id
        )
        opening["metadata"] = {"version": "1.0.0"}
        _send(ws, "shell", opening)
        _send(ws, "shell", _message("comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}},
                                    session_id))
        content = _receive_until(
            ws,
            deadline,
            lambda ch, h, c: h["msg_type"] == "comm_msg"
            and c.get("comm_id") == comm_id
            and c.get("data", {}).get("method") == "update_states",
        )
        ready_seconds = time.perf_counter() - started
        _send(ws, "shell", _message("comm_close", {"comm_id": comm_id, "data": {}}, session_id))
    finally:
        ws.close()
    return PageLoad(notebook, kernel_id, html_seconds, ready_seconds, len(content["data"]["states"]), session,
                    base_url)


def burst(base_url: str, notebook: str, cookies: list[str], *, timeout: float = 120
          ) -> tuple[list[PageLoad], list[str]]:
    """Everyone in ``cookies`` opens ``notebook`` at the same moment (one thread each).

    Returns the page loads that reached ``update_states`` (their kernels keep running) and a description of every
    load that failed or did not finish within ``timeout`` seconds.
    """
    gate = threading.Barrier(len(cookies))
    results: list[PageLoad | BaseException | None] = [None] * len(cookies)

    def user(index: int) -> None:
        try:
            gate.wait(timeout=30)
            results[index] = load_page(base_url, notebook, cookies[index], timeout=timeout)
        except BaseException as exc:  # reported by the caller
            results[index] = exc

    threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(len(cookies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout + 60)
    loads = [r for r in results if isinstance(r, PageLoad)]
    failures = ["still running" if r is None else repr(r) for r in results if not isinstance(r, PageLoad)]
    return loads, failures
