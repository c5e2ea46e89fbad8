"""A preheated Voilà kernel learns the browser's cookie only when the request arrives; it waits for it."""

from __future__ import annotations

import json
import os
import threading

import pytest
from websockets.sync.server import serve

from wijwerken_widgets.people.identity import SESSION_COOKIE, login, person_from_environment


@pytest.fixture
def restore_environ():
    """voila.utils.wait_for_request writes the request info straight into os.environ."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


def test_does_a_preheated_voila_kernel_wait_for_the_request_and_read_its_cookie(
    store, issued, monkeypatch, restore_environ
):
    code = next(c for c in issued if c.rol == "deelnemer")
    _, token = login(store, code.code)
    kernel_id = "1234-kernel"
    paths_asked = []

    def send_request_info(websocket):
        paths_asked.append(websocket.request.path)
        websocket.send(
            json.dumps({"SERVER_SOFTWARE": "voila/0.5.13", "HTTP_COOKIE": f"{SESSION_COOKIE}={token}"})
        )

    with serve(send_request_info, "127.0.0.1", 0) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        monkeypatch.setenv("VOILA_PREHEAT", "True")
        monkeypatch.setenv("VOILA_KERNEL_ID", kernel_id)
        monkeypatch.setenv("VOILA_APP_PORT", str(server.socket.getsockname()[1]))
        monkeypatch.setenv("VOILA_SERVER_URL", "/")

        person = person_from_environment(store)
        again = person_from_environment(store)  # the request already arrived: no second wait
        server.shutdown()

    assert person is not None and person.name == code.naam
    assert again == person
    assert paths_asked == [f"/voila/query/{kernel_id}"]
