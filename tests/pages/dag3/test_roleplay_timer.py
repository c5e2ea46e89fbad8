"""Dag 3's round timer: one clock for the trio, kept in the trio item, ticking in the kernel only while it runs."""

from __future__ import annotations

import pytest

from tests.support.dag3 import new_views, start_trio
from wijwerken_widgets.pages.dag3.roleplay_timer import RoundTimer
from wijwerken_widgets.shared.conversations.items import Trio


def test_the_timer_is_shared_and_counts_down_with_pauses(trio, part, scenarios, clock) -> None:
    """When one member starts, pauses and resets the timer, does another member's kernel show the same time?"""
    fatima, jeroen, _ = new_views(trio, scenarios, part, now=clock)
    start_trio(fatima)
    jeroen.session.reload()
    timer, theirs = fatima.timer, jeroen.timer
    assert isinstance(timer, RoundTimer) and timer.text == "08:00" and "08:00" in timer.clock.value
    assert not timer.running and timer.pause_button.disabled
    timer.start_button.click()
    clock.advance(90)
    assert timer.text == "06:30" and timer.running and timer.start_button.disabled
    assert theirs.text == "08:00"  # not polled yet
    jeroen.session.reload()
    assert theirs.text == "06:30" and theirs.running
    theirs.pause_button.click()  # Jeroen pauses
    clock.advance(100)
    fatima.session.reload()
    assert timer.text == theirs.text == "06:30" and not timer.running
    timer.start()
    clock.advance(389.5)
    assert timer.text == "00:01"
    clock.advance(1)
    jeroen.session.reload()
    for shown in (timer, theirs):
        shown.draw()  # what the once-a-second tick does in a kernel
        assert "De tijd is om" in shown.text and "De tijd is om" in shown.clock.value
        assert shown.start_button.disabled
    theirs.reset_button.click()
    fatima.session.reload()
    assert timer.text == "08:00" and not timer.running


def test_the_clock_ticks_on_the_event_loop_only_while_running_and_on_show(
    trio, part, scenarios, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a kernel: does the clock redraw by itself once a second, and stop when paused or when the round moves on?"""
    import asyncio
    import threading

    from wijwerken_widgets.pages.dag3 import roleplay_timer

    loop = asyncio.new_event_loop()
    monkeypatch.setattr(roleplay_timer, "running_loop", lambda: loop)
    try:
        view = new_views(trio[:1], scenarios, part, now=clock)[0]
        start_trio(view)
        timer = view.timer
        assert timer._handle is None  # not started: nothing ticks
        timer.start()
        assert timer._handle is not None
        clock.advance(2)
        # Its own thread: the browser tests' Playwright may already run a loop in this one.
        async def ticked() -> None:  # the loop runs until the clock has redrawn by itself (at most 10 s)
            while "07:58" not in timer.clock.value:
                await asyncio.sleep(0.02)

        runner = threading.Thread(target=lambda: loop.run_until_complete(asyncio.wait_for(ticked(), 10)))
        runner.start()
        runner.join()
        assert "07:58" in timer.clock.value
        timer.pause()
        assert timer._handle is None
        timer.start()
        view.next_round()
        assert timer._handle is None and view.timer is not timer and view.timer._handle is None
    finally:
        loop.close()


def test_a_round_a_groupmate_appends_survives_my_timer_write(trio, part, scenarios, clock, monkeypatch) -> None:
    """When Jeroen starts the clock while Fatima's next round lands between his kernel's read and its write, does
    the trio keep her new round instead of his older copy winning (his start of the old round then lapses: that round
    is no longer on show)?"""
    from tests.support.races import groupmate_saves_first

    fatima, jeroen, _ = new_views(trio, scenarios, part, now=clock)
    start_trio(fatima)
    jeroen.session.reload()
    fatima.session.reload()
    ran = groupmate_saves_first(trio[0].store, monkeypatch, fatima.next_round)
    jeroen.timer.start_button.click()
    assert ran
    fatima.session.reload()
    [item] = fatima.session.trios_of(trio[0].person.id)
    rounds = Trio.of(item).rondes
    assert len(rounds) == 2, "the round Fatima appended was lost"
    assert [r.gestart for r in rounds] == [None, None]
    assert len(Trio.of(jeroen.session.item(Trio.KIND, item.item_id)).rondes) == 2  # his screen follows


def test_one_more_minute_extends_a_running_paused_or_finished_round(trio, part, scenarios, clock) -> None:
    """Can a trio that needs more time add a minute: while it runs, while paused, and after the time is up (then it
    runs again), with the groupmate's screen following and the extension bounded?"""
    from wijwerken_widgets.pages.dag3.roleplay_timer import MAX_EXTRA_SECONDS

    fatima, jeroen, _ = new_views(trio, scenarios, part, now=clock)
    start_trio(fatima)
    jeroen.session.reload()
    timer = fatima.timer
    timer.extend_button.click()  # not started yet: 9 minutes, still waiting for Start
    assert timer.text == "09:00" and not timer.running
    timer.start()
    clock.advance(30)
    timer.extend_button.click()
    assert timer.text == "09:30" and timer.running
    jeroen.session.reload()
    assert jeroen.timer.text == "09:30"
    jeroen.timer.pause_button.click()
    fatima.session.reload()
    timer.extend()
    clock.advance(100)
    assert timer.text == "10:30" and not timer.running  # paused: the extension waits too
    timer.start()
    clock.advance(10 * 60 + 30)
    timer.draw()
    assert "De tijd is om" in timer.clock.value and "ww-time-up" in timer.clock.value
    timer.extend_button.click()
    assert timer.text == "01:00" and timer.running  # the conversation can be finished
    for _ in range(60):
        timer.extend()
    assert timer.remaining() == timer.duration + MAX_EXTRA_SECONDS
