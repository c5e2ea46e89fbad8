"""Notices for participants: a one-off box (:func:`message`) and the one feedback line of a form (:class:`Feedback`).

A form says how its last action went in its own :class:`Feedback` line, updated in place: a new widget per notice
would be three more models in the kernel and the browser for every click.
"""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.ui import styles


def message(text: str, kind: str = "info") -> widgets.HTML:
    """A Dutch notice box made once (e.g. "you are in no group"); ``text`` is escaped, so it may contain anything."""
    return widgets.HTML(notice_html(text, kind), _dom_classes=("ww-notice-widget",))


class Feedback(widgets.HTML):
    """A form's feedback line: empty, or one notice (info, success, warning, error) that replaces the previous one."""

    def __init__(self) -> None:
        super().__init__("", layout=styles.layout(), style=styles.html_style(), _dom_classes=("ww-feedback",))

    def show(self, text: str, kind: str = "info") -> None:
        """Show ``text`` (escaped) as a notice of ``kind``, replacing what the line said before."""
        self.value = notice_html(text, kind)

    def clear(self) -> None:
        self.value = ""

    @property
    def text(self) -> str:
        """What the line says, as plain text (for tests and checks)."""
        import html
        import re

        return html.unescape(re.sub(r"<[^>]+>", "", self.value))
