"""Dag 3 role-play: the countdown of the current round, shared by the trio (Start / Pauze / +1 minuut / Opnieuw).

The state lives in the trio item's round (:class:`~wijwerken_widgets.shared.conversations.items.Ronde`:
``gestart`` while running, ``resterend``: seconds left when paused or at the start of the running stretch), so
every member's kernel shows the same time after polling. The clock ticks once per second on the kernel's event
loop, only while running and while it is the round on show. When the time is up the clock shows it in words; the
page's ``static/wijwerken-timer.js`` adds a short sound and the tab title.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.core.loop import running_loop
from wijwerken_widgets.shared.conversations.items import Ronde, Trio
from wijwerken_widgets.shared.conversations.session import ConversationSession
from wijwerken_widgets.store import GroupItem, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import button

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag3.schema import TimerTexts


EXTEND_SECONDS = 60
"""What "+1 minuut" adds."""
MAX_EXTRA_SECONDS = 30 * 60
"""A round never runs more than this beyond its scenario's duration, however often it is extended."""


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def mm_ss(seconds: float) -> str:
    """``07:59``; whole seconds rounded up, so a fresh 8-minute round shows ``08:00``."""
    whole = max(0, math.ceil(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


class RoundTimer(widgets.VBox):
    """The mm:ss countdown of round ``round_index`` of trio ``trio_id``, with Start / Pauze / +1 minuut / Opnieuw."""

    def __init__(self, session: ConversationSession, trio_id: str, round_index: int, minutes: int,
                 words: TimerTexts, *, now: Callable[[], datetime] | None = None) -> None:
        self.session, self.trio_id, self.round_index, self.words = session, trio_id, round_index, words
        self.duration = float(minutes) * 60
        self.now = now or utc_now
        self.clock = widgets.HTML(layout=styles.layout(), style=styles.html_style(), _dom_classes=("ww-timer",))
        self.start_button = button(words.start_button, "play")
        self.pause_button = button(words.pause_button, "pause")
        self.extend_button = button(words.extend_button, "plus")
        self.reset_button = button(words.reset_button, "undo")
        self.start_button.on_click(lambda _: self.start())
        self.pause_button.on_click(lambda _: self.pause())
        self.extend_button.on_click(lambda _: self.extend())
        self.reset_button.on_click(lambda _: self.reset())
        self.error = ""
        self._handle = None
        self._stopped = False
        buttons = widgets.HBox([self.start_button, self.pause_button, self.extend_button, self.reset_button],
                               layout=styles.plain_layout())
        super().__init__([self.clock, buttons], layout=styles.layout(), _dom_classes=("ww-round-timer",))
        self._follow = lambda _: self.draw()
        session.on_change(self._follow)
        self.draw()

    # -- state -----------------------------------------------------------------------------------------------
    def _round(self) -> Ronde:
        """This round as the session has it now (a fresh round when the trio or the round is gone)."""
        item = self.session.item(Trio.KIND, self.trio_id)
        rounds = Trio.of(item).rondes if item is not None else ()
        return rounds[self.round_index] if 0 <= self.round_index < len(rounds) else Ronde()

    def _base(self, state: Ronde) -> float:
        """Seconds left when the running stretch began (or while paused), within the round's duration."""
        limit = self.duration + MAX_EXTRA_SECONDS
        return self.duration if state.resterend is None else min(max(0.0, state.resterend), limit)

    def remaining(self, state: Ronde | None = None) -> float:
        """Seconds left (0 when the time is up) of this round, or of its version ``state``."""
        state = self._round() if state is None else state
        if state.gestart is None:
            return self._base(state)
        return max(0.0, self._base(state) - max(0.0, (self.now() - state.gestart).total_seconds()))

    @property
    def running(self) -> bool:
        return self._round().gestart is not None and self.remaining() > 0

    @property
    def text(self) -> str:
        """What the clock shows: ``07:59``, or the time-up message."""
        left = self.remaining()
        return f"00:00 · {self.words.time_up}" if left <= 0 else mm_ss(left)

    # -- actions ---------------------------------------------------------------------------------------------
    def start(self) -> None:
        if not self.running and self.remaining() > 0:
            self._write(gestart=self.now(), resterend=self.remaining())

    def pause(self) -> None:
        if self.running:
            self._write(gestart=None, resterend=self.remaining())

    def reset(self) -> None:
        self._write(gestart=None, resterend=None)

    def extend(self) -> None:
        """One minute more, on the newest state of the round: a running or finished clock (re)starts with it, a
        paused or unstarted one stays paused."""
        def longer(state: Ronde) -> dict[str, Any]:
            left = min(self.remaining(state) + EXTEND_SECONDS, self.duration + MAX_EXTRA_SECONDS)
            return {"gestart": self.now(), "resterend": left} if state.gestart is not None else {"resterend": left}

        self._write(changes_for=longer)

    def _write(self, changes_for: Callable[[Ronde], dict[str, Any]] | None = None, **changes: Any) -> None:
        """Change this round's timer fields in the newest version of the trio (a groupmate may have changed it);
        ``changes_for`` computes them from that newest version of the round."""
        def timed(item: GroupItem | None) -> dict | None:
            """The trio with this round's timer changed (``None``: the round is gone or no longer on show)."""
            if self._stopped:
                return None  # a new round began meanwhile; this timer is no longer on show
            if item is None or item.deleted or not 0 <= self.round_index < len(Trio.of(item).rondes):
                self.error = self.words.round_gone
                return None
            self.error = ""
            trio = Trio.of(item)
            fields = changes_for(trio.rondes[self.round_index]) if changes_for is not None else changes
            return trio.with_timer(self.round_index, **fields).data()

        try:
            self.session.reload()
            self.session.update(Trio.KIND, self.trio_id, timed)
        except StoreUnavailable as exc:
            self.error = exc.message
        if self.error:
            self.draw()

    # -- drawing and ticking ---------------------------------------------------------------------------------
    def draw(self) -> None:
        if self._stopped:
            return
        left, running = self.remaining(), self.running
        if left <= 0:
            body = (f'<div class="ww-notice ww-notice-error ww-time-up" role="alert"><span class="ww-timer-clock">'
                    f"00:00</span> <strong>{html.escape(self.words.time_up)}</strong></div>")
        else:
            state = "running" if running else "paused" if self._round().resterend is not None else "ready"
            hint = html.escape(getattr(self.words, state))
            body = (f'<span class="ww-timer-clock ww-timer-{state}">{mm_ss(left)}</span> '
                    f'<span class="ww-hint">{hint}</span>')

        if self.error:
            body += notice_html(self.error, "error")
        if body != self.clock.value:
            self.clock.value = body
        for control, disabled in ((self.start_button, running or left <= 0), (self.pause_button, not running)):
            if control.disabled != disabled:
                control.disabled = disabled
        self._schedule(running, left)

    def _schedule(self, running: bool, left: float) -> None:
        if not running or self._stopped:
            self._cancel()
            return
        if self._handle is not None:
            return
        loop = running_loop()
        if loop is None:
            return  # no kernel event loop (tests, scripts): the clock is drawn on changes only
        # Wake when the shown second changes.
        delay = left - math.floor(left) or 1.0
        self._handle = loop.call_later(min(delay + 0.01, 1.0), self._tick)

    def _tick(self) -> None:
        self._handle = None
        if self.comm is None:  # closed
            self.stop()
            return
        self.draw()

    def stop(self) -> None:
        """This round is no longer on show: stop ticking and following the session."""
        self._stopped = True
        self._cancel()
        self.session.off_change(self._follow)

    def _cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
