"""Import the heavy libraries of a workbook page in the background while a fresh kernel waits for its page.

Under ``wijwerken serve`` every page view starts a kernel; its kernel spec (``jupyter_data/kernels/python3``)
imports this module at start-up. Between the kernel being ready and Voilà sending the notebook's cell, the kernel
is idle; a thread uses that time to import SQLAlchemy and ipywidgets. Code that needs them calls :func:`wait`
first, so no module is ever imported by two threads at once.
"""

from __future__ import annotations

import importlib
import threading

from wijwerken_widgets.core import server_log

MODULES = ("sqlalchemy", "ipywidgets")
_thread: threading.Thread | None = None


def _import_all() -> None:
    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception:
            return


def start() -> None:
    """Begin the background imports (once per process), and send the ``wijwerken`` log to the server's log."""
    global _thread
    if _thread is None:
        server_log.configure()
        _thread = threading.Thread(target=_import_all, name="wijwerken-warmup", daemon=True)
        _thread.start()


def wait(timeout: float = 30.0) -> None:
    """Let the background imports finish (at once when they never started)."""
    if _thread is not None:
        _thread.join(timeout)

