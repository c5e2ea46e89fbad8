""""Niet jij? Uitloggen" next to who is logged in, for shared laptops.

Logging out saves what is pending, ends this browser's session in the store, forgets this person's unsaved drafts in
this browser (``static/wijwerken-drafts.js``) and posts to the server's ``/logout`` (a script output, which Voilà
runs), which removes the HttpOnly session cookie and shows the login page.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.people.identity import logout
from wijwerken_widgets.ui import styles, texts
from wijwerken_widgets.ui.blocks import button

if TYPE_CHECKING:
    from wijwerken_widgets.store import Store


def logout_js(draft_owner: str) -> str:
    """Forget ``draft_owner``'s drafts in this browser, then post to the server's ``/logout`` (with the page's
    ``_xsrf`` cookie, as Jupyter's own requests do)."""
    url = os.environ.get("VOILA_BASE_URL", "/") + "logout"
    return (
        "(function (who, url) { var d = window.wijwerkenDrafts; if (d && d.forget) { d.forget(who); }"
        " var m = document.cookie.match(/(?:^|; )_xsrf=([^;]*)/);"
        " var f = document.createElement('form'); f.method = 'post'; f.action = url; f.hidden = true;"
        " var x = document.createElement('input'); x.type = 'hidden'; x.name = '_xsrf';"
        " x.value = m ? decodeURIComponent(m[1]) : ''; f.appendChild(x); document.body.appendChild(f);"
        " f.submit(); })"
        f"({json.dumps(draft_owner)}, {json.dumps(url)});"
    )


class LogoutBox(widgets.HBox):
    """"Niet jij?" and the Uitloggen button (``before`` runs first); ``click()`` does what the button does, so tests need no browser."""

    def __init__(self, store: Store, token: str, draft_owner: str, *,
                 before: Callable[[], object] | None = None) -> None:
        words = texts.load().logout
        self.store, self.token, self.draft_owner, self.before = store, token, draft_owner, before
        self.words = words
        self.question = widgets.Label(words.question, layout=styles.plain_layout(), style=styles.label_style())
        self.button = button(words.button, "sign-out", "ww-logout-button")
        self.button.on_click(lambda _button: self.click())
        self.message = widgets.Label("", layout=styles.plain_layout(), style=styles.label_style())
        self.script: widgets.Output | None = None  # made on the click: one widget less on every page load
        super().__init__([self.question, self.button, self.message], layout=styles.plain_layout(),
                         _dom_classes=("ww-logout",))

    def click(self) -> None:
        """Save what is pending and end the session in the store, then let the browser forget it."""
        from wijwerken_widgets.store import StoreUnavailable

        self.button.disabled = True
        try:
            if self.before is not None:
                self.before()  # e.g. save what is still pending, while this person is still logged in
            logout(self.store, self.token)
        except StoreUnavailable as error:
            self.button.disabled = False
            self.message.value = error.message
            return
        self.message.value = self.words.done
        self.script = widgets.Output(layout=styles.plain_layout())
        self.script.outputs = (
            {
                "output_type": "display_data",
                "data": {"application/javascript": logout_js(self.draft_owner), "text/plain": ""},
                "metadata": {},
            },
        )
        self.children = [self.question, self.button, self.message, self.script]
