"""A value forged in the browser's widget state (2 MB in one text field) is refused: nothing stored, a Dutch message,
the kernel alive. Measured at the protocol level, with a real kernel and a real store."""

from __future__ import annotations

import json

import pytest
from jupyter_client.manager import start_new_kernel

SETUP = """
import ipywidgets as widgets
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.autosave import autosave_widget
from wijwerken_widgets.ui.context import Context
store = Store.open({url!r})
person, _ = login(store, {code!r})
ctx = Context.for_person(store, person)
area = widgets.Textarea()
saver = autosave_widget(ctx, "dag1.probleem", area)
area.value = "Wat er al stond."
saver.flush()
print(area.comm.comm_id)
"""
CHECK = """
saver.flush()
print(json.dumps({"stored": [v.value for v in store.answer_history(person.id, "dag1.probleem")],
                  "status": saver.status.text, "on_screen": len(area.value)}))
"""


@pytest.mark.server
def test_a_forged_2_mb_value_is_refused_and_nothing_is_stored(db_url: str, codes) -> None:
    participant = next(c for c in codes if c.rol == "deelnemer")
    km, kc = start_new_kernel(kernel_name="python3")
    try:
        printed: list[str] = []

        def run(code: str) -> str:
            printed.clear()
            reply = kc.execute_interactive(code, timeout=60, output_hook=lambda m: printed.append(
                m["content"].get("text", "")) if m["msg_type"] == "stream" else None)
            assert reply["content"]["status"] == "ok", printed
            return "".join(printed)

        comm_id = run(SETUP.format(url=db_url, code=participant.code)).split()[-1]
        forged = kc.session.msg("comm_msg", {"comm_id": comm_id, "data": {
            "method": "update", "state": {"value": "x" * 2_000_000}, "buffer_paths": []}})
        kc.shell_channel.send(forged)
        seen = json.loads(run("import json" + CHECK).strip().splitlines()[-1])
        assert seen["stored"] == ["Wat er al stond."]  # the earlier version, and nothing of the 2 MB
        assert "te lang om op te slaan" in seen["status"] and seen["on_screen"] == 2_000_000
        assert run("print('nog in leven')").strip() == "nog in leven"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
