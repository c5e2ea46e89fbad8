"""The server's log: wijwerken's lines reach the real stderr of a page kernel, which Voilà's server shares."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

from tests.support.waiting import wait_for
from wijwerken_widgets.core import paths

LINE = "save failed: person=12 key=dag1.vraagstuk reason=read_only"


def test_save_lines_go_to_the_real_stderr_when_sys_stderr_is_replaced() -> None:
    """With ``sys.stderr`` swapped for another stream (as ipykernel does), does a save line still reach fd 2?"""
    script = (
        "import io, sys\n"
        "sys.stderr = io.StringIO()\n"
        "from wijwerken_widgets.core import server_log\n"
        "server_log.configure(); server_log.configure()\n"
        "server_log.save_failed(12, 'key=dag1.vraagstuk', 'read_only')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert result.stderr.count(LINE) == 1  # configured twice, written once
    assert " wijwerken WARNING wijwerken.saves: " in result.stderr


@pytest.mark.server
def test_a_page_kernel_writes_save_lines_to_its_process_stderr(tmp_path: Path) -> None:
    """Does a kernel started from the served kernel spec (start-up code included) write a save line, logged in a
    cell, to the kernel process's own stderr (the server's log), not to the cell's output?"""
    specs = KernelSpecManager(kernel_dirs=[str(paths.jupyter_data_dir() / "kernels")])
    manager = KernelManager(kernel_name="python3", kernel_spec_manager=specs)
    log = tmp_path / "kernel-stderr.txt"
    with log.open("w") as stderr:
        manager.start_kernel(stderr=stderr)
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        output: list[str] = []
        reply = client.execute_interactive(
            "import logging; logging.getLogger('wijwerken.saves').warning("
            "'save failed: person=%s key=%s reason=%s', 12, 'dag1.vraagstuk', 'read_only')",
            timeout=60, output_hook=lambda msg: output.append(str(msg.get("content"))),
        )
        assert reply["content"]["status"] == "ok"
        wait_for(lambda: LINE in log.read_text(), timeout=30, message=log.read_text())
        assert not any(LINE in text for text in output)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
