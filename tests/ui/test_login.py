"""The login form: wrong code, back-off, right code, and a store that is down."""

from __future__ import annotations

import pytest

from wijwerken_widgets.people.identity import SESSION_COOKIE, LoginBackoff, person_from_environment
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import texts
from wijwerken_widgets.ui.login import LoginForm

WRONG_CODE = texts.load().login.wrong_code


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def cookie_token(form: LoginForm) -> str:
    """The token the form's script puts in the browser cookie."""
    (output,) = form.script.outputs
    script = output["data"]["application/javascript"]
    return script.split(f"{SESSION_COOKIE}=", 1)[1].split(";", 1)[0]


def test_does_a_wrong_then_right_code_log_in_after_the_pause(store, issued, monkeypatch):
    clock = FakeClock()
    form = LoginForm(store, clock=clock)
    seen = []
    form.on_login(seen.append)
    code = next(c for c in issued if c.rol == "deelnemer")

    assert form.submit("AAAA-BBBB-CCCC-DDDD") is None
    assert form.message.value == f"{WRONG_CODE} Probeer het over 2 seconden opnieuw."
    assert form.button.disabled
    assert form.script.outputs == ()

    assert form.submit(code.code) is None  # still within the pause
    assert form.button.disabled and "Probeer het over 2 seconden" in form.message.value

    clock.now += 2
    form.refresh()
    assert not form.button.disabled

    person = form.submit(code.code)
    assert person is not None and person.name == code.naam
    assert seen == [person]
    assert code.naam in form.message.value

    monkeypatch.setenv("HTTP_COOKIE", f"{SESSION_COOKIE}={cookie_token(form)}")
    assert person_from_environment(store) == person


def test_does_the_button_log_in_like_submit(store, issued):
    form = LoginForm(store)
    seen = []
    form.on_login(seen.append)
    code = next(c for c in issued if c.rol == "trainer")
    form.code.value = code.code
    form.button.click()
    assert [p.name for p in seen] == [code.naam]
    assert form.code.value == ""


def test_is_an_empty_code_answered_without_a_pause(store, issued):
    form = LoginForm(store)
    assert form.submit("   ") is None
    assert form.message.value == "Vul eerst je persoonlijke code in."
    assert not form.button.disabled


def test_does_the_form_show_the_store_message_when_the_store_is_down(store, issued):
    class DownStore:
        def person_by_code_hash(self, code_hash):
            raise StoreUnavailable("Het werkboek kan je gegevens nu niet bereiken.")

    form = LoginForm(DownStore())
    assert form.submit(issued[0].code) is None
    assert form.message.value == "Het werkboek kan je gegevens nu niet bereiken."
    assert not form.button.disabled


def test_does_the_form_keep_user_text_out_of_html_widgets(store, issued):
    import ipywidgets as widgets

    form = LoginForm(store)
    form.submit("<img src=x onerror=alert(1)>")

    def all_widgets(widget):
        yield widget
        for child in getattr(widget, "children", ()):
            yield from all_widgets(child)

    assert not any(isinstance(w, widgets.HTML) for w in all_widgets(form))


def test_does_the_back_off_grow_and_cap_at_30_seconds():
    backoff = LoginBackoff()
    assert backoff.seconds_to_wait(0) == 0
    delays = [backoff.record_failure(now=100.0 * i) for i in range(1, 8)]
    assert delays == [2, 4, 8, 16, 30, 30, 30]
    assert backoff.seconds_to_wait(700.0) == 30
    assert backoff.seconds_to_wait(715.0) == 15
    assert backoff.seconds_to_wait(731.0) == 0
    backoff.record_success()
    assert backoff.record_failure(now=800.0) == 2


@pytest.mark.parametrize(("seconds", "text"), [(1, "1 seconde"), (1.2, "2 seconden"), (30, "30 seconden")])
def test_is_the_wait_told_in_whole_seconds(seconds, text):
    from wijwerken_widgets.ui.login import wait_text

    assert wait_text(seconds) == f"Probeer het over {text} opnieuw."
