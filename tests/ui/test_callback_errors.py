"""A widget callback that fails on a participant's page sends no traceback over the websocket (paths, SQL with its
parameters); it is logged on the server. Measured at the protocol level, with a real kernel."""

from __future__ import annotations

import pytest
from jupyter_client.manager import start_new_kernel

SETUP = """
import os
os.environ["VOILA_BASE_URL"] = "/"  # as in a kernel Voilà started for a page
from wijwerken_widgets.core import server_log
from wijwerken_widgets.ui.page import _install_friendly_errors
server_log.configure()  # as Page does: the server log is the kernel's own stderr, not the page
_install_friendly_errors()
import ipywidgets as widgets
button = widgets.Button(description="Opslaan")
def fail(_):
    raise RuntimeError("SELECT * FROM people WHERE code_hash = 'geheim' -- /srv/wijwerken/data")
button.on_click(fail)
print(button.comm.comm_id)
"""


@pytest.mark.server
def test_a_failing_click_handler_sends_no_traceback_to_the_browser() -> None:
    km, kc = start_new_kernel(kernel_name="python3")
    try:
        printed: list[str] = []
        reply = kc.execute_interactive(SETUP, timeout=60, output_hook=lambda m: printed.append(
            m["content"].get("text", "")) if m["msg_type"] == "stream" else None)
        assert reply["content"]["status"] == "ok", printed
        comm_id = "".join(printed).split()[-1]
        click = kc.session.msg("comm_msg", {"comm_id": comm_id,
                                            "data": {"method": "custom", "content": {"event": "click"}}})
        kc.shell_channel.send(click)
        sent: list[dict] = []
        while True:  # everything the kernel publishes for the click, until it is idle again
            msg = kc.get_iopub_msg(timeout=30)
            if msg["parent_header"].get("msg_id") != click["header"]["msg_id"]:
                continue
            sent.append(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        assert any(m["msg_type"] == "status" for m in sent)
        assert [m["msg_type"] for m in sent if m["msg_type"] in ("error", "stream", "display_data")] == []
        assert not any("geheim" in str(m["content"]) or "Traceback" in str(m["content"]) for m in sent)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
