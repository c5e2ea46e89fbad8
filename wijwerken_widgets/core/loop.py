"""The kernel's event loop, for work that waits (debounced saves, polling, timers)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


def running_loop() -> asyncio.AbstractEventLoop | None:
    """The kernel's event loop; None outside a Jupyter kernel (then callers act at once instead of waiting)."""
    from IPython import get_ipython

    if getattr(get_ipython(), "kernel", None) is None:
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def call_when_still(
    pending: asyncio.TimerHandle | None, seconds: float, fn: Callable[[], object]
) -> asyncio.TimerHandle | None:
    """Call ``fn`` once nobody asked again for ``seconds``: cancels ``pending`` (the previous request) and returns
    the new one, to pass next time. Without a kernel event loop ``fn`` runs at once (and None is returned)."""
    if pending is not None:
        pending.cancel()
    loop = running_loop()
    if loop is None:
        fn()
        return None
    return loop.call_later(seconds, fn)
