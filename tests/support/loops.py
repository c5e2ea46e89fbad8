"""Running an asyncio loop in a test: on its own thread, since the browser tests' Playwright runs one in the main
thread for the whole session (``run_until_complete`` there fails with "another loop is running")."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def run_on_own_thread(loop: asyncio.AbstractEventLoop, coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` to completion on ``loop`` in a new thread; return its result or raise its exception."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["result"] = loop.run_until_complete(coroutine)
        except BaseException as exc:  # handed to the test's thread
            outcome["error"] = exc

    runner = threading.Thread(target=run)
    runner.start()
    runner.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]
