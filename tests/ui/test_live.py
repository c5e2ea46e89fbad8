"""A training day on every participant page (``ui/live.py``): the page says where its person is, "Hand opsteken"
raises and lowers the hand, and the trainer's timer shows in words and digits, said aloud only three times."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from wijwerken_widgets.people.identity import SESSION_COOKIE, login
from wijwerken_widgets.ui import live, live_timer, texts
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.page import Page

WORDS = texts.load().live
START = datetime(2026, 12, 7, 10, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self) -> None:
        self.at = START

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def page_env(monkeypatch: pytest.MonkeyPatch, db_url: str, codes) -> None:
    monkeypatch.setenv("WIJWERKEN_DATABASE_URL", db_url)
    for name in ("WIJWERKEN_CODE", "JUPYTERHUB_USER", "HTTP_COOKIE", "VOILA_BASE_URL", "VOILA_PREHEAT"):
        monkeypatch.delenv(name, raising=False)


def _open(monkeypatch, store, codes, role: str, **options) -> Page:
    code = next(c for c in codes if c.rol == role)
    _, token = login(store, code.code)
    monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={token}")
    return Page("Dag 1", workbook="dag1.ipynb", **options).show()


def _bars(page: Page) -> list[live.LiveBar]:
    return [w for w in page.root.children if isinstance(w, live.LiveBar)]


def test_a_participant_page_has_the_hand_button_and_says_where_its_person_is(page_env, monkeypatch, store,
                                                                            codes) -> None:
    page = _open(monkeypatch, store, codes, "deelnemer")
    [bar] = _bars(page)
    assert bar.hand.description == "Hand opsteken" and bar.hand.value is False
    [where] = store.signals(page.ctx.cohort.id, "page")
    assert where.person_id == page.ctx.person.id and where.data["page"] == "dag1"


def test_trainers_and_pages_without_login_get_no_hand_button(page_env, monkeypatch, store, codes) -> None:
    assert _bars(_open(monkeypatch, store, codes, "trainer")) == []
    assert _bars(_open(monkeypatch, store, codes, "deelnemer", needs_login=False)) == []


def test_does_the_hand_go_up_and_down_and_follow_the_trainer(ctx: Context) -> None:
    bar = live.LiveBar(ctx, "dag2")
    bar.hand.value = True
    assert [s.person_id for s in ctx.store.signals(ctx.cohort.id, "hand")] == [ctx.person.id]
    assert WORDS.hand_raised in bar.hand_line.value
    bar.hand.value = False
    assert ctx.store.signals(ctx.cohort.id, "hand") == []
    bar.hand.value = True
    ctx.store.clear_signal(ctx.cohort.id, "hand", person_id=ctx.person.id)  # the trainer: "Geholpen"
    bar.refresh()
    assert bar.hand.value is False and bar.hand_line.value == ""
    assert ctx.store.signals(ctx.cohort.id, "hand") == []  # un-pressing here wrote nothing back
    again = live.LiveBar(ctx, "dag2")
    again.hand.value = True
    assert live.LiveBar(ctx, "dag3").hand.value is True  # a page opened later shows the raised hand


def test_does_the_timer_show_in_words_and_digits_and_speak_three_times(ctx: Context) -> None:
    clock = Clock()
    bar = live.LiveBar(ctx, "dag1", now=clock)
    assert bar.clock.value == "" and bar.announce.value == ""
    ctx.store.set_signal(ctx.cohort.id, "timer", live_timer.started(5, clock()))
    bar.refresh()
    assert "nog 5 minuten (05:00)" in bar.clock.value
    assert bar.announce.value == "Je trainer heeft een timer gestart: nog 5 minuten."
    said = [bar.announce.value]
    for seconds in (30, 120, 239, 250, 299, 301):
        clock.at = START + timedelta(seconds=seconds)
        bar.draw()
        if bar.announce.value != said[-1]:
            said.append(bar.announce.value)
    assert said == ["Je trainer heeft een timer gestart: nog 5 minuten.", "Nog één minuut op de timer van je trainer.",
                    "De tijd is om."]
    assert "ww-time-up" in bar.clock.value and "De tijd is om." in bar.clock.value
    ctx.store.clear_signal(ctx.cohort.id, "timer")
    bar.refresh()
    assert bar.clock.value == ""


def test_does_a_paused_timer_say_it_stands_still(ctx: Context) -> None:
    clock = Clock()
    data = live_timer.paused(live_timer.started(3, START), START + timedelta(seconds=40))
    ctx.store.set_signal(ctx.cohort.id, "timer", data)
    clock.at = START + timedelta(minutes=10)  # paused: no time passes
    bar = live.LiveBar(ctx, "dag1", now=clock)
    assert "staat stil: nog 3 minuten (02:20)" in bar.clock.value


def test_timer_changes_keep_to_their_limits() -> None:
    with pytest.raises(ValueError):
        live_timer.started(0, START)
    with pytest.raises(ValueError):
        live_timer.started(121, START)
    timer = live_timer.started(1, START)
    later = START + timedelta(seconds=90)
    assert live_timer.remaining(timer, later) == 0
    again = live_timer.extended(timer, 60, later)  # a finished timer runs again with the extra minute
    assert live_timer.running(again) and live_timer.remaining(again, later) == 60
    stopped = live_timer.paused(again, later + timedelta(seconds=20))
    assert live_timer.remaining(stopped, later + timedelta(hours=1)) == 40
    assert live_timer.remaining(live_timer.extended(stopped, 10**6, later), later) == live_timer.MAX_SECONDS
    assert live.time_in_words(WORDS, 59) == "minder dan een minuut" and live.time_in_words(WORDS, 61) == "2 minuten"
