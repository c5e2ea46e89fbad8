"""The login form: a participant types their personal code once per browser."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.people.identity import LoginBackoff, WrongCode, login, session_cookie_js
from wijwerken_widgets.ui import texts

if TYPE_CHECKING:
    from wijwerken_widgets.store import Person, Store


def wait_text(seconds: float) -> str:
    """'Try again in N seconds' (rounded up), as ``login.wait`` of ``algemeen.yaml`` says it."""
    n = max(1, int(-(-seconds // 1)))
    wait = texts.load().login.wait
    return (wait.one if n == 1 else wait.many).format(n=n)


class LoginForm(widgets.VBox):
    """Code field, login button and a message line (texts: ``login`` of ``algemeen.yaml``); sets the session
    cookie after a right code.

    ``submit(code)`` does what the button does, so tests need no browser. Only plain-text widgets show text
    that contains user input.
    """

    def __init__(self, store: Store, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.clock = clock
        self.backoff = LoginBackoff()
        self._callbacks: list[Callable[[Person], None]] = []
        self._timer: threading.Timer | None = None
        self.words = words = texts.load().login

        self.intro = widgets.Label(words.intro)
        self.code = widgets.Password(
            placeholder=words.code_placeholder,
            description=words.code_label,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="24em"),
        )
        self.button = widgets.Button(description=words.button, button_style="primary", icon="sign-in")
        self.message = widgets.Label("")
        self.script = widgets.Output()
        self.person: Person | None = None
        self.token: str | None = None  # the new session's token, for logging out again
        # Enter (or leaving the field) sends the code too; the button is the visible way.
        self.code.continuous_update = False
        self.code.observe(lambda change: self._typed(change["new"]), names="value")
        self.button.on_click(lambda _button: self.submit(self.code.value) if self.person is None else None)
        super().__init__([self.intro, widgets.HBox([self.code, self.button]), self.message, self.script])
        self.add_class("ww-login")

    def on_login(self, callback: Callable[[Person], None]) -> None:
        """Call ``callback(person)`` after a successful login."""
        self._callbacks.append(callback)

    def _typed(self, code: str) -> None:
        if self.person is None and code:
            self.submit(code)

    def submit(self, code: str) -> Person | None:
        """Try ``code``; return the person on success, else None (with a Dutch message on the form)."""
        from wijwerken_widgets.store import StoreUnavailable

        wait = self.backoff.seconds_to_wait(self.clock())
        if wait > 0:
            self._show_wait(wait)
            return None
        if not code.strip():
            self.message.value = self.words.empty_code
            return None
        self.button.disabled = True
        self.message.value = self.words.checking
        try:
            person, token = login(self.store, code)
        except WrongCode:
            delay = self.backoff.record_failure(self.clock())
            self.message.value = f"{self.words.wrong_code} {wait_text(delay)}"
            self._schedule_refresh()
            return None
        except StoreUnavailable as error:
            self.button.disabled = False
            self.message.value = error.message
            return None
        self.backoff.record_success()
        self.person, self.token = person, token
        self.code.value = ""
        self.message.value = self.words.welcome.format(naam=isolated(person.name))
        # Voilà treats widget outputs as trusted, so the browser runs this script and stores the cookie.
        self.script.outputs = (
            {
                "output_type": "display_data",
                "data": {"application/javascript": session_cookie_js(token), "text/plain": ""},
                "metadata": {},
            },
        )
        for callback in self._callbacks:
            callback(person)
        return person

    def refresh(self) -> None:
        """Update the countdown; enable the button again once the back-off is over."""
        wait = self.backoff.seconds_to_wait(self.clock())
        if wait > 0:
            self._show_wait(wait)
            self._schedule_refresh()
        elif self.button.disabled:
            self.button.disabled = False
            self.message.value = self.words.try_again

    def _show_wait(self, wait: float) -> None:
        self.button.disabled = True
        self.message.value = f"{self.words.wrong_code} {wait_text(wait)}"

    def _schedule_refresh(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(1.0, self.refresh)
        self._timer.daemon = True
        self._timer.start()
