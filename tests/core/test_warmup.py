"""Kernels started by `wijwerken serve` import the page's heavy libraries while they wait for their page."""

from __future__ import annotations

import os
import subprocess
import sys

from jupyter_client.kernelspec import KernelSpecManager

from wijwerken_widgets.app.serve import voila_env
from wijwerken_widgets.core import paths


def test_the_served_python_kernel_starts_the_warmup(tmp_path) -> None:
    """Does Voilà, with the environment `wijwerken serve` gives it, find our python3 kernel spec first?"""
    env = voila_env(data_dir=tmp_path)
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = env["JUPYTER_PATH"]
    try:
        spec = KernelSpecManager().get_kernel_spec("python3")
    finally:
        if old is None:
            os.environ.pop("JUPYTER_PATH")
        else:
            os.environ["JUPYTER_PATH"] = old
    assert spec.resource_dir.startswith(str(paths.jupyter_data_dir()))
    assert spec.argv[:3] == ["python", "-m", "ipykernel_launcher"]  # jupyter_client swaps in sys.executable
    assert "--IPKernelApp.exec_lines=from wijwerken_widgets.core.warmup import start; start()" in spec.argv


def test_warmup_imports_in_the_background_and_pages_wait_for_it() -> None:
    """After start() and a page module's import, are the libraries loaded, with the warmup thread finished?"""
    code = (
        "import sys, threading\n"
        "from wijwerken_widgets.core.warmup import start\n"
        "start()\n"
        "assert any(t.name == 'wijwerken-warmup' for t in threading.enumerate())\n"
        "from wijwerken_widgets.pages import dag1\n"
        "assert not any(t.name == 'wijwerken-warmup' for t in threading.enumerate())\n"
        "assert 'sqlalchemy' in sys.modules and 'ipywidgets' in sys.modules\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "ok", result.stderr
