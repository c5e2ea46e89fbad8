"""What a training day adds to every participant page: "Hand opsteken" and the trainer's timer.

:func:`attach` is the one call from ``ui/page.py`` (a participant's page that needs a login; never a trainer's).
When the page opens it stores which page this person has open (the ``page`` signal, so the trainer's page
"Vandaag" shows who is where); the toggle button raises and lowers the person's hand (the ``hand`` signal; the
trainer can lower it too, "Geholpen"). Every few seconds the kernel reads the cohort's signals on its event loop
(``core/loop.py``): so a hand the trainer lowered un-presses here, and a timer the trainer starts appears as a
banner with the time left in words and digits, ticking once a second while it runs. A screen reader hears the
timer only three times: when it appears, at one minute, and at the end (a separate polite live region; the ticking
clock itself is not live). The end also gets the sound and tab title of ``static/wijwerken-timer.js``.
"""

from __future__ import annotations

import html
import logging
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import ipywidgets as widgets

from wijwerken_widgets.core.loop import running_loop
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import live_timer, styles, texts

if TYPE_CHECKING:
    from asyncio import TimerHandle

    from wijwerken_widgets.ui.context import Context
    from wijwerken_widgets.ui.schema import LiveTexts

log = logging.getLogger("wijwerken")

POLL_SECONDS = 5.0
"""How often the kernel reads the cohort's signals (a raised hand lowered by the trainer, a timer)."""
TICK_SECONDS = 1.0
"""How often a running timer redraws."""


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class Page(Protocol):
    """What :func:`attach` needs of ``ui.page.Page`` (not imported: the page imports this module)."""

    ctx: Context | None
    workbook: str | None
    needs_login: bool

    def add(self, widget: widgets.Widget) -> None: ...


def attach(page: Page) -> None:
    """Add the live bar to ``page`` when a participant uses it (not a trainer, not a page without login)."""
    ctx = page.ctx
    if ctx is None or not page.needs_login or ctx.person.role == "trainer" or ctx.cohort is None:
        return
    page.add(LiveBar(ctx, Path(page.workbook).stem if page.workbook else ""))


def time_in_words(words: LiveTexts, seconds: float) -> str:
    """``5 minuten`` (rounded up), ``1 minuut``, or ``minder dan een minuut``."""
    minutes = live_timer.whole_minutes(seconds)
    if minutes == 0:
        return words.under_a_minute
    return (words.minutes.one if minutes == 1 else words.minutes.many).format(n=minutes)


class LiveBar(widgets.VBox):
    """The hand button with its line, the timer banner and the timer's live region, for one participant page."""

    def __init__(self, ctx: Context, page_name: str, *, now=utc_now) -> None:
        self.ctx, self.now = ctx, now
        self.words = words = texts.load().live
        assert ctx.cohort is not None
        self.cohort_id, self.person_id = ctx.cohort.id, ctx.person.id
        self.timer: dict[str, Any] | None = None
        self.announced: dict[str, str] = {}  # timer id → the last thing said about it ("start", "minute", "end")
        self._handle: TimerHandle | None = None
        self._last_read = 0.0
        self._syncing = False
        self.opened = now()
        raised = self._read_safely()
        self.hand = widgets.ToggleButton(value=raised, description=words.hand_button, tooltip=words.hand_tooltip,
                                         layout=styles.plain_layout(), _dom_classes=("ww-hand",))
        self.hand_line = widgets.HTML(self._hand_html(raised), layout=styles.plain_layout(),
                                      style=styles.html_style(), _dom_classes=("ww-hand-line", "ww-feedback"))
        self.clock = widgets.HTML("", layout=styles.plain_layout(), style=styles.html_style(),
                                  _dom_classes=("ww-live-timer",))  # empty, so not drawn, while there is no timer
        self.announce = widgets.HTML("", layout=styles.plain_layout(), style=styles.html_style(),
                                     _dom_classes=("ww-feedback", "ww-live-announce"))
        self.hand.observe(self._toggled, names="value")
        hand_row = widgets.HBox([self.hand, self.hand_line], layout=styles.plain_layout(),
                                _dom_classes=("ww-hand-row",))
        super().__init__([hand_row, self.clock, self.announce], layout=styles.plain_layout(),
                         _dom_classes=("ww-live",))
        loop = running_loop()
        if loop is None:
            self._opened(page_name)
        else:  # after the page is on its way to the browser: a write waits for the store's write lock
            loop.call_soon(self._opened, page_name)
        self.draw()

    # -- store -------------------------------------------------------------------------------------------------
    def _opened(self, page_name: str) -> None:
        """Store which page is open now (``sinds``: when the page was built)."""
        try:
            self.ctx.store.set_signal(self.cohort_id, "page", {"page": page_name, "sinds": self.opened.isoformat()},
                                      person_id=self.person_id)
        except StoreUnavailable:
            log.warning("live signals unavailable while opening a page", exc_info=True)

    def _read_safely(self) -> bool:
        try:
            return self._read()
        except StoreUnavailable:
            log.warning("live signals unavailable while opening a page", exc_info=True)
            return False

    def _read(self) -> bool:
        """Read the cohort's hand and timer signals; returns whether this person's hand is up."""
        found = self.ctx.store.signals(self.cohort_id)
        timers = [s.data for s in found if s.kind == "timer"]
        self.timer = timers[0] if timers else None
        return any(s.kind == "hand" and s.person_id == self.person_id for s in found)

    def _toggled(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        up = bool(change["new"])
        try:
            if up:
                self.ctx.store.set_signal(self.cohort_id, "hand", {}, person_id=self.person_id)
            else:
                self.ctx.store.clear_signal(self.cohort_id, "hand", person_id=self.person_id)
            self.hand_line.value = self._hand_html(up)
        except StoreUnavailable as exc:
            from wijwerken_widgets.core.html import notice_html

            self.hand_line.value = notice_html(exc.message, "error")

    def _hand_html(self, up: bool) -> str:
        return f"<span>{html.escape(self.words.hand_raised)}</span>" if up else ""

    def refresh(self) -> None:
        """Read the signals again and redraw (the poll; also for tests)."""
        try:
            up = self._read()
        except StoreUnavailable:
            log.warning("live signals unavailable while polling", exc_info=True)
            return
        if up != self.hand.value:  # lowered by the trainer ("Geholpen"), or raised in another tab
            self._syncing = True
            try:
                self.hand.value = up
            finally:
                self._syncing = False
            self.hand_line.value = self._hand_html(up)
        self.draw()

    # -- the timer ---------------------------------------------------------------------------------------------
    def draw(self) -> None:
        """The banner and, at its three moments, the live region; then wait for the next tick or poll."""
        timer, now = self.timer, self.now()
        if not timer:
            self.clock.value = ""
            self._schedule(POLL_SECONDS)
            return
        left, running = live_timer.remaining(timer, now), live_timer.running(timer)
        words = self.words
        if left <= 0:
            body = (f'<div class="ww-live-banner ww-time-up"><span class="ww-timer-clock">00:00</span> '
                    f"<strong>{html.escape(words.timer_up)}</strong></div>")
        else:
            line = words.timer_running if running else words.timer_paused
            state = "running" if running else "paused"
            text = line.format(tijd=time_in_words(words, left), klok=live_timer.mm_ss(left))
            body = (f'<div class="ww-live-banner"><span class="ww-timer-clock ww-timer-{state}" '
                    f'aria-hidden="true">{live_timer.mm_ss(left)}</span> {html.escape(text)}</div>')
        if body != self.clock.value:
            self.clock.value = body
        self._say(timer, left, running)
        self._schedule(TICK_SECONDS if running and left > 0 else POLL_SECONDS)

    def _say(self, timer: dict[str, Any], left: float, running: bool) -> None:
        """Fill the live region at the timer's three moments only (each once per timer)."""
        key, words = str(timer.get("id", "")), self.words
        said = self.announced.get(key)
        if left <= 0:
            moment, text = "end", words.timer_up
        elif running and left <= 60:
            moment, text = "minute", words.announce_minute
        elif said in (None, "end"):  # new, or extended after its end
            moment, text = "start", words.announce_start.format(tijd=time_in_words(words, left))
        else:
            if said == "minute" and left > 65:
                self.announced[key] = "start"  # extended after the minute was said: say it again when due
            return
        if said != moment:
            self.announced[key] = moment
            self.announce.value = html.escape(text)

    # -- the kernel's loop -------------------------------------------------------------------------------------
    def _schedule(self, seconds: float) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        loop = running_loop()
        if loop is None:
            return  # no kernel event loop (tests, scripts): redrawn on refresh() only
        self._handle = loop.call_later(seconds, self._tick)

    def _tick(self) -> None:
        self._handle = None
        if self.comm is None:  # the page is gone
            return
        loop = running_loop()
        clock = loop.time() if loop is not None else 0.0
        if clock - self._last_read >= POLL_SECONDS - 0.1:
            self._last_read = clock
            self.refresh()
        else:
            self.draw()


REPEATS = 3
"""A coaching tip still there after this many saves of the same field makes the trainer's "Vastgelopen?"."""


class RepeatedTips:
    """Counts, per field, the saves after which a coaching tip still shows; at :data:`REPEATS` saves with the same
    tip, the person's ``page`` signal gets ``herhaald`` (the tip's rule), which Vandaag shows as "vastgelopen?".
    Written once per tip and page view; nothing of the text leaves the page."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.counts: dict[tuple[str, str], int] = {}

    def saved(self, field: str, tips: list[str]) -> None:
        """``field`` was saved while ``tips`` (rule ids) showed; a tip that stopped showing starts over."""
        for key in [k for k in self.counts if k[0] == field and k[1] not in tips]:
            del self.counts[key]
        for rule in tips:
            count = self.counts[(field, rule)] = self.counts.get((field, rule), 0) + 1
            if count == REPEATS:
                self._note(rule)

    def _note(self, rule: str) -> None:
        ctx = self.ctx
        if ctx.cohort is None or ctx.person.role == "trainer":
            return
        try:
            ctx.store.change_signal(ctx.cohort.id, "page", lambda current: None if current is None else
                                    {**current.data, "herhaald": rule}, person_id=ctx.person.id)
        except (StoreUnavailable, ValueError):
            log.warning("could not note a repeated coaching tip", exc_info=True)
