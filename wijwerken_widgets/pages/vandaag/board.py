"""The page's one shared state: the chosen cohort, what was last read of it, and the refresh on the kernel's loop.

Every section asks :func:`board` for it and follows it with :meth:`Board.on_change`. While any section is still on
the page, the board reads the cohort again every :data:`REFRESH_SECONDS` on the kernel's event loop
(``core/loop.py``); the readiness per group, the heaviest read (every participant's answers), only every
:data:`FULL_EVERY`-th time. "Vernieuwen" reads everything at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from wijwerken_widgets.core.loop import running_loop
from wijwerken_widgets.pages.vandaag import texts, today
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.store import StoreUnavailable

if TYPE_CHECKING:
    from asyncio import TimerHandle

    import ipywidgets as widgets

    from wijwerken_widgets.store import Cohort
    from wijwerken_widgets.ui.context import Context

log = logging.getLogger("wijwerken")

KEY = "vandaag.board"
REFRESH_SECONDS = 8.0
FULL_EVERY = 6
"""Every how many refreshes the readiness per group is read again (about once a minute)."""

Listener = Callable[[bool], None]
"""Called after each read; ``True`` when everything was read (the readiness too)."""


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class Board:
    """The chosen cohort of a trainer and its last :class:`~today.Snapshot`."""

    def __init__(self, ctx: Context, *, now: Callable[[], datetime] = utc_now) -> None:
        self.ctx, self.now = ctx, now
        self.content = texts.load()
        self.cohorts: list[Cohort] = access.trainer_cohorts(ctx)
        self.cohort: Cohort | None = self.cohorts[0] if self.cohorts else None
        self.snapshot: today.Snapshot | None = None
        self.error = ""
        self._listeners: list[Listener] = []
        self._views: list[widgets.Widget] = []
        self._handle: TimerHandle | None = None
        self._count = 0
        self.read()

    def on_change(self, listener: Listener, view: widgets.Widget) -> None:
        """Call ``listener`` after every read while ``view`` is on the page."""
        self._listeners.append(listener)
        self._views.append(view)
        self._schedule()

    def choose(self, cohort_id: int) -> None:
        """Show another of the trainer's cohorts (only one they train)."""
        found = next((c for c in self.cohorts if c.id == cohort_id), None)
        if found is not None and found != self.cohort:
            self.cohort = found
            self.read(full=True)

    def read(self, full: bool = True) -> None:
        """Read the chosen cohort again and tell every section."""
        if self.cohort is None:
            return
        try:
            self.snapshot = today.snapshot(self.ctx.store, self.cohort, self.now(), self.content.stuck_after_minutes,
                                           self.content.away_after_hours)
            self.error = ""
        except StoreUnavailable as exc:
            log.warning("Vandaag could not read the store", exc_info=True)
            self.error = exc.message
        for listener in list(self._listeners):
            listener(full)

    # -- the kernel's loop -------------------------------------------------------------------------------------
    def _schedule(self) -> None:
        loop = running_loop()
        if loop is None or self._handle is not None:
            return
        self._handle = loop.call_later(REFRESH_SECONDS, self._tick)

    def _tick(self) -> None:
        self._handle = None
        if not any(view.comm is not None for view in self._views):
            return  # the page is gone
        self._count += 1
        self.read(full=self._count % FULL_EVERY == 0)
        self._schedule()


def board(ctx: Context) -> Board:
    """The page's board (made once per page)."""
    found = ctx.shared.get(KEY)
    if not isinstance(found, Board):
        found = ctx.shared[KEY] = Board(ctx)
    return found
