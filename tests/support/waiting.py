"""Waiting on a condition with a deadline: the one polling loop of the tests (never a fixed sleep)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_for(check: Callable[[], T], *, timeout: float, interval: float = 0.2, message: str = "") -> T:
    """Poll ``check`` until it returns something truthy and return that; raise ``TimeoutError`` after ``timeout`` s.

    ``check`` runs at least once, and once more at the deadline, so a slow machine only makes the wait longer,
    never the answer different. ``timeout`` is a limit for a broken condition, not a duration the test relies on.
    """
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(message or f"condition not met within {timeout} s")
        time.sleep(min(interval, remaining))
