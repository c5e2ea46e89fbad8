"""Kernels belong to the session whose page started them, and there are only so many of them.

`SessionKernelManager` remembers each kernel's session and refuses a new kernel (`Busy`) beyond ``max_kernels`` in
total or ``max_kernels_per_session`` for one browser session; the page handler then answers with the Dutch "het is
even druk" page instead of an error. A kernel started for a request belongs to the session in its ``Cookie`` header
(which Voilà passes to the kernel); a preheated kernel from a pool (Voilà's ``preheat_kernel``) belongs to nobody
until a page request takes it, and then to that request's session (`CLAIMANT`, set by the page handler).
"""

from __future__ import annotations

import hmac
import os
import secrets
from contextvars import ContextVar
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Int
from voila.request_info_handler import RequestInfoSocketHandler

from wijwerken_widgets.app.web.auth import session_of

MAX_KERNELS = 60
"""Default cap on kernels in total (about 70 MiB each: some 4 GiB)."""
MAX_KERNELS_PER_SESSION = 6
"""Default cap on kernels of one browser session (one per open page)."""


CLAIMANT: ContextVar[str | None] = ContextVar("wijwerken_claimant", default=None)
"""The session of the page request being served (set by the page handler before Voilà looks for a kernel)."""


KERNEL_TOKEN_ENV = "WIJWERKEN_KERNEL_TOKEN"
KERNEL_TOKEN_HEADER = "X-Wijwerken-Kernel"


def kernel_token() -> str:
    """This server's secret for its own kernels (in their environment), made once per server process."""
    return os.environ.setdefault(KERNEL_TOKEN_ENV, secrets.token_urlsafe(32))


class KernelQueryHandler(RequestInfoSocketHandler):  # type: ignore[misc]
    """Voilà's ``/voila/query/<kernel id>``, where a preheated kernel learns its page request (with the session
    cookie): only for this server's kernels (the header `KERNEL_TOKEN_HEADER`), and each request is handed out once."""

    def open(self, kernel_id: str) -> None:
        sent = self.request.headers.get(KERNEL_TOKEN_HEADER, "")
        if not hmac.compare_digest(sent.encode(), kernel_token().encode()):
            self.close(code=1008, reason="not a kernel of this server")
            return
        super().open(kernel_id)
        self._cache.pop(kernel_id, None)

    def on_close(self) -> None:
        if self in self._waiters.values():
            super().on_close()


class Busy(Exception):
    """No kernel can start now: ``who`` is ``"everyone"`` (the server is full) or ``"you"`` (too many own pages)."""

    def __init__(self, who: str) -> None:
        super().__init__(f"no room for another kernel ({who})")
        self.who = who


class SessionKernelManager(AsyncMappingKernelManager):
    """Kernels with an owner (the session of the page that started them) and caps on their number."""

    max_kernels = Int(MAX_KERNELS, config=True, help="Most kernels running at once, for all sessions together.")
    max_kernels_per_session = Int(MAX_KERNELS_PER_SESSION, config=True,
                                  help="Most kernels running at once for one browser session.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)  # type: ignore[no-untyped-call]
        self._owners: dict[str, str | None] = {}
        self._starting: list[str | None] = []
        if (handout := getattr(self, "get_rendered_notebook", None)) is not None:  # Voilà's pools are on

            async def claimed(*args: Any, **kwargs: Any) -> Any:
                task, rendered, kernel_id = await handout(*args, **kwargs)
                self._owners[kernel_id] = CLAIMANT.get()
                return task, rendered, kernel_id

            self.get_rendered_notebook = claimed

    def owner(self, kernel_id: str) -> str | None:
        """The session that started ``kernel_id``, while the kernel runs."""
        return self._owners.get(kernel_id) if kernel_id in self else None

    def check_room(self, session: str | None) -> None:
        """Raise `Busy` when a kernel for ``session`` would exceed a cap."""
        live = [self._owners.get(kernel_id) for kernel_id in self.list_kernel_ids()]
        everyone = [*live, *self._starting]
        if len(everyone) >= self.max_kernels:
            raise Busy("everyone")
        if session is not None and everyone.count(session) >= self.max_kernels_per_session:
            raise Busy("you")

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
        session = session_of((kwargs.get("env") or {}).get("HTTP_COOKIE"))
        self.check_room(session)
        self._starting.append(session)
        try:
            kernel_id: str = await super().start_kernel(*args, **kwargs)
        finally:
            self._starting.remove(session)
        self._owners[kernel_id] = session
        for gone in [k for k in self._owners if k not in self]:  # kernels that ended since
            del self._owners[gone]
        return kernel_id

    def remove_kernel(self, kernel_id: str) -> Any:
        self._owners.pop(kernel_id, None)
        return super().remove_kernel(kernel_id)
