"""The kernel's event loop, for work that waits (debounced saves, polling, timers)."""

from __future__ import annotations

import asyncio


def running_loop() -> asyncio.AbstractEventLoop | None:
    """The kernel's event loop; None outside a Jupyter kernel (then callers act at once instead of waiting)."""
    from IPython import get_ipython

    if getattr(get_ipython(), "kernel", None) is None:
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
