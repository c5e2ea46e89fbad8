"""Timer: the trainer starts a countdown that every participant page of the cohort shows (``ui/live.py``), with
Pauze/Verder, +1 min, +5 min and Stop. Its state is the cohort's ``timer`` signal (``ui/live_timer.py``); each
change is made on the newest state in one transaction, so two trainers pressing at once do not undo each other."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.core.loop import running_loop
from wijwerken_widgets.pages.vandaag.board import Board, board
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import live_timer, styles
from wijwerken_widgets.ui.blocks import Exercise, button, hidden, static_html
from wijwerken_widgets.ui.context import Context

if TYPE_CHECKING:
    from asyncio import TimerHandle

DEFAULT_MINUTES = 10


class TimerView(Exercise):
    def __init__(self, ctx: Context, found: Board) -> None:
        self.ctx, self.board = ctx, found
        part = self.part = found.content.exercises.timer
        self.minutes = widgets.IntText(value=DEFAULT_MINUTES, description=part.minutes_label,
                                       style={"description_width": "initial"}, _dom_classes=("ww-timer-minutes",))
        self.start_button = button(part.start_button, "play", "ww-timer-start")
        self.pause_button = button(part.pause_button, "pause", "ww-timer-pause")
        self.plus_one = button(part.plus_one_button, "plus", "ww-timer-plus1")
        self.plus_five = button(part.plus_five_button, "plus", "ww-timer-plus5")
        self.stop_button = button(part.stop_button, "stop", "ww-timer-stop")
        self.status = static_html("", "ww-vandaag-timer")
        self.start_button.on_click(lambda _: self.start())
        self.pause_button.on_click(lambda _: self.pause_or_resume())
        self.plus_one.on_click(lambda _: self.change(lambda d, now: live_timer.extended(d, 60, now)))
        self.plus_five.on_click(lambda _: self.change(lambda d, now: live_timer.extended(d, 300, now)))
        self.stop_button.on_click(lambda _: self.change(lambda _d, _now: None))
        self.error = ""
        self._handle: TimerHandle | None = None
        buttons = widgets.HBox([self.start_button, self.pause_button, self.plus_one, self.plus_five,
                                self.stop_button], layout=styles.plain_layout(), _dom_classes=("ww-hand-row",))
        super().__init__(part.title, part.instruction, [self.minutes, buttons, self.status])
        found.on_change(lambda _full: self.draw(), self)
        self.draw()

    @property
    def timer(self) -> dict[str, Any] | None:
        return self.board.snapshot.timer if self.board.snapshot is not None else None

    # -- actions -----------------------------------------------------------------------------------------------
    def start(self) -> None:
        """A new timer of the typed minutes (refused with a Dutch message outside 1–120)."""
        low, high = live_timer.MIN_MINUTES, live_timer.MAX_MINUTES
        minutes = self.minutes.value
        if not isinstance(minutes, int) or not low <= minutes <= high:
            self.error = self.part.bad_minutes.format(van=low, tot=high)
            self.draw()
            return
        self.change(lambda _d, now: live_timer.started(minutes, now), new=True)

    def pause_or_resume(self) -> None:
        self.change(lambda d, now: live_timer.paused(d, now) if live_timer.running(d)
                    else live_timer.resumed(d, now))

    def change(self, how: Callable[[dict[str, Any], datetime], dict[str, Any] | None], *, new: bool = False) -> None:
        """Apply ``how`` to the newest timer of the cohort on show (a new one only when ``new``), then read again."""
        cohort = self.board.cohort
        if cohort is None:
            return
        now = self.board.now()

        def changed(current):
            if current is None and not new:
                return None
            return how(current.data if current is not None else {}, now)

        self.error = ""
        try:
            self.ctx.store.change_signal(cohort.id, "timer", changed)
        except StoreUnavailable as exc:
            self.error = exc.message
        self.board.read(full=False)

    # -- drawing -----------------------------------------------------------------------------------------------
    def draw(self) -> None:
        part, timer, now = self.part, self.timer, self.board.now()
        cohort = self.board.cohort.name if self.board.cohort is not None else ""
        left = live_timer.remaining(timer, now)
        running = live_timer.running(timer) and left > 0
        if not timer:
            text = part.none
        elif left <= 0:
            text = part.up.format(cohort=cohort)
        else:
            text = (part.running if running else part.paused).format(klok=live_timer.mm_ss(left), cohort=cohort)
        body = f'<p><span class="ww-timer-clock" aria-hidden="true">{live_timer.mm_ss(left)}</span> ' \
               f"{html.escape(text)}</p>" if timer else f"<p>{html.escape(text)}</p>"
        if self.error:
            body += notice_html(self.error, "error")
        if body != self.status.value:
            self.status.value = body
        self.pause_button.description = part.pause_button if running or not timer else part.resume_button
        for control, disabled in ((self.pause_button, not timer or left <= 0), (self.plus_one, not timer),
                                  (self.plus_five, not timer), (self.stop_button, not timer)):
            if control.disabled != disabled:
                control.disabled = disabled
        self._tick_later(running)

    def _tick_later(self, running: bool) -> None:
        loop = running_loop()
        if not running or loop is None or self._handle is not None:
            return
        self._handle = loop.call_later(1.0, self._tick)

    def _tick(self) -> None:
        self._handle = None
        if self.comm is not None:
            self.draw()


def section(ctx: Context) -> widgets.Widget:
    """The ``timer`` part of ``vandaag.yaml``: only for trainers."""
    if not access.for_trainer(ctx) or board(ctx).cohort is None:
        return hidden()
    return TimerView(ctx, board(ctx))
