"""Autosave: versions, restore, debounce, two tabs, and an unavailable store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import ipywidgets as widgets
from jupyter_client.manager import start_new_kernel

from tests.support.loops import run_on_own_thread
from wijwerken_widgets.ui.autosave import autosave_widget
from wijwerken_widgets.ui.context import Context


@contextmanager
def running_kernel() -> Iterator[Callable[[str], str]]:
    """A real IPython kernel; ``run(code)`` executes a cell and returns what it printed (stripped)."""
    km, kc = start_new_kernel(kernel_name="python3")
    try:

        def run(code: str) -> str:
            printed: list[str] = []

            def collect(msg: dict) -> None:
                if msg["msg_type"] == "stream":
                    printed.append(msg["content"]["text"])
                elif msg["msg_type"] == "error":
                    printed.append("\n".join(msg["content"]["traceback"]))

            reply = kc.execute_interactive(code, timeout=60, output_hook=collect)
            assert reply["content"]["status"] == "ok", "".join(printed)
            return "".join(printed).strip()

        yield run
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_typing_saves_a_version_and_a_new_page_restores_it(ctx: Context) -> None:
    """Is every edit a new version, and does a freshly built widget show the latest one?"""
    area = widgets.Textarea()
    saver = autosave_widget(ctx, "t.answer", area)
    area.value = "eerste"
    area.value = "tweede"
    history = ctx.store.answer_history(ctx.person.id, "t.answer")
    assert [v.value for v in history] == ["eerste", "tweede"]
    assert saver.status.text.startswith("Opgeslagen ")

    reloaded = widgets.Textarea()
    autosave_widget(Context.for_person(ctx.store, ctx.person), "t.answer", reloaded)
    assert reloaded.value == "tweede"


def test_loading_a_stored_answer_does_not_save_it_again(ctx: Context) -> None:
    """Does opening a page with a stored answer leave the history alone?"""
    first = widgets.Textarea()
    autosave_widget(ctx, "t.answer", first)
    first.value = "bewaard"
    autosave_widget(Context.for_person(ctx.store, ctx.person), "t.answer", widgets.Textarea())
    assert len(ctx.store.answer_history(ctx.person.id, "t.answer")) == 1


def test_saving_waits_until_typing_stops(db_url: str, codes) -> None:
    """In a real kernel, is a burst of keystrokes one save, made about a second after typing stops?"""
    code = next(c for c in codes if c.rol == "deelnemer").code
    setup = f"""
import asyncio, ipywidgets as widgets
from wijwerken_widgets.ui.autosave import autosave_widget
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.store import Store
store = Store.open({db_url!r})
ctx = Context.for_person(store, login(store, {code!r})[0])
area = widgets.Textarea()
autosave_widget(ctx, "t.debounced", area)
def count():
    return len(store.answer_history(ctx.person.id, "t.debounced"))
for text in ("W", "Wi", "Wij", "Wij-", "Wij-Werken"):
    area.value = text
    await asyncio.sleep(0.05)
print(count())
"""
    saved = """
for _ in range(400):  # wait until the save has happened (at most 20 s): the burst's versions, all of them
    if count():
        break
    await asyncio.sleep(0.05)
print(count())
"""
    with running_kernel() as run:
        during = run(setup)
        after = run(saved)
        value = run('print(store.latest_answer(ctx.person.id, "t.debounced").value)')
    assert (during, after, value) == ("0", "1", "Wij-Werken")


def test_the_later_tab_is_told_and_both_versions_are_kept(ctx: Context, second_tab: Context) -> None:
    """Two tabs edit the same answer: does the later one hear about it, with nothing lost?"""
    tab_a, tab_b = widgets.Textarea(), widgets.Textarea()
    autosave_widget(ctx, "t.shared", tab_a)
    saver_b = autosave_widget(second_tab, "t.shared", tab_b)
    tab_a.value = "versie uit tab A"
    tab_b.value = "versie uit tab B"
    assert "ander venster" in saver_b.status.text
    assert saver_b.status.other_text.value == "versie uit tab A"
    assert [v.value for v in ctx.store.answer_history(ctx.person.id, "t.shared")] == [
        "versie uit tab A",
        "versie uit tab B",
    ]


def test_unavailable_store_keeps_the_text_and_saves_once_back(ctx: Context, write_locked) -> None:
    """While the database is locked by another writer: Dutch message, text kept; afterwards the retry saves."""
    area = widgets.Textarea()
    saver = autosave_widget(ctx, "t.retry", area)
    with write_locked():
        area.value = "belangrijke gedachte"
        assert saver.status.text.startswith("Niet opgeslagen — probeer opnieuw")
        assert saver.status.retry_button.layout.display != "none"
        assert area.value == "belangrijke gedachte"
    saver.status.retry_button.click()
    assert saver.status.text.startswith("Opgeslagen")
    assert ctx.store.latest_answer(ctx.person.id, "t.retry").value == "belangrijke gedachte"


def test_continuous_typing_is_saved_before_it_stops(ctx: Context, monkeypatch) -> None:
    """On a real asyncio loop, typing without any pause for 7 s: is it saved within about 3 s, while still typing?"""
    import asyncio

    from wijwerken_widgets.ui import autosave

    loop = asyncio.new_event_loop()
    monkeypatch.setattr(autosave, "running_loop", lambda: loop)
    area = widgets.Textarea()
    autosave_widget(ctx, "t.continuous", area)

    async def type_for(seconds: float) -> list[tuple[float, int]]:
        start, counts = loop.time(), []
        text = ""
        while loop.time() - start < seconds:
            text += "a"
            area.value = text
            await asyncio.sleep(0.1)  # a keystroke every 0.1 s: never the 0.8 s pause the debounce waits for
            counts.append((loop.time() - start, len(ctx.store.answer_history(ctx.person.id, "t.continuous"))))
        return counts

    try:
        counts = run_on_own_thread(loop, type_for(7.0))
    finally:
        loop.close()
    first_save = next(at for at, saved in counts if saved)
    assert first_save < autosave.MAX_WAIT_SECONDS + 1.0
    assert counts[-1][1] >= 2  # it keeps saving every few seconds while typing goes on


def test_a_pause_still_saves_after_the_short_debounce(ctx: Context, monkeypatch) -> None:
    """One keystroke then quiet: saved after the debounce (well before the maximum wait)."""
    import asyncio

    from wijwerken_widgets.ui import autosave

    loop = asyncio.new_event_loop()
    monkeypatch.setattr(autosave, "running_loop", lambda: loop)
    area = widgets.Textarea()
    autosave_widget(ctx, "t.pause", area)

    async def one_edit() -> float:
        start = loop.time()
        area.value = "kort"
        while not ctx.store.answer_history(ctx.person.id, "t.pause"):
            await asyncio.sleep(0.02)
            assert loop.time() - start < 10
        return loop.time() - start

    try:
        waited = run_on_own_thread(loop, one_edit())
    finally:
        loop.close()
    assert autosave.DEBOUNCE_SECONDS - 0.05 <= waited < autosave.MAX_WAIT_SECONDS


def test_a_text_over_the_limit_is_not_stored_and_the_participant_is_told(ctx: Context) -> None:
    """Does pasting 150 kB show a Dutch "te lang" message, keep the text on screen and the earlier version stored,
    and save as soon as the text is short enough again?"""
    area = widgets.Textarea()
    saver = autosave_widget(ctx, "t.groot", area)
    area.value = "eerst kort"
    area.value = "plak " * 30_000
    assert "te lang om op te slaan" in saver.status.text and "hoogstens 100 kB" in saver.status.text
    assert area.value.startswith("plak plak")
    assert [v.value for v in ctx.store.answer_history(ctx.person.id, "t.groot")] == ["eerst kort"]
    area.value = "weer kort"
    assert saver.status.text.startswith("Opgeslagen")
    assert ctx.store.latest_answer(ctx.person.id, "t.groot").value == "weer kort"


def test_typing_in_an_archived_cohort_says_it_is_not_saved_and_keeps_the_text(ctx: Context) -> None:
    """When the cohort is archived, does typing show why nothing is saved, keep the text in the field, and leave
    the stored answer as it was?"""
    area = widgets.Textarea()
    saver = autosave_widget(ctx, "t.answer", area)
    area.value = "bewaard"
    ctx.store.archive_cohort(ctx.person.cohort_id)
    area.value = "na het archiveren"
    assert area.value == "na het archiveren"
    assert "kon niet worden opgeslagen" in saver.status.text and "training is afgesloten" in saver.status.text
    assert "probeer opnieuw" not in saver.status.text and saver.status.retry_button is None  # retrying cannot help
    assert ctx.store.latest_answer(ctx.person.id, "t.answer").value == "bewaard"
