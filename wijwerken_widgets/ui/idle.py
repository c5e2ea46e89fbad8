"""The warning before an idle page closes, on a server that stops idle page kernels also while their tab is open
(JupyterHub: ``cull_connected``, ``deploy/jupyterhub``).

The server sets ``WIJWERKEN_IDLE_SECONDS`` (:data:`IDLE_ENV`) for its kernels: a page's kernel that nothing
happened in for that long is stopped. :func:`idle_html` is then part of every page's header: a hidden notice
(Dutch, from ``algemeen.yaml``) with the times in data attributes. ``static/wijwerken-idle.js`` shows it
:func:`warning_lead` seconds before the end when the participant has not typed, clicked or scrolled, hides it at
the next input, and tells the kernel about input (at most once a minute: a ``kernel_info_request``, which the server
counts as activity), so a participant who reads without typing keeps their page. A page that closes anyway keeps
what was typed in the browser (drafts) and says so (``static/wijwerken.js``).
"""

from __future__ import annotations

import html
import os

from wijwerken_widgets.ui import texts

IDLE_ENV = "WIJWERKEN_IDLE_SECONDS"


def idle_seconds() -> int | None:
    """The server's idle limit for page kernels, or None when it stops no open page."""
    value = os.environ.get(IDLE_ENV, "")
    return int(value) if value.isdigit() and int(value) > 0 else None


def warning_lead(seconds: int) -> int:
    """How long before the end the warning shows: five minutes, or a third of a short limit."""
    return min(300, seconds // 3)


def idle_html() -> str:
    """The hidden warning for the page's header; empty when the server stops no open page."""
    seconds = idle_seconds()
    if seconds is None:
        return ""
    content = texts.load()
    lead = warning_lead(seconds)
    minutes = max(1, round(lead / 60))
    when = (content.live.minutes.one if minutes == 1 else content.live.minutes.many).format(n=minutes)
    words = content.idle
    return (f'<div class="ww-idle ww-notice ww-notice-warning" role="alert" hidden data-seconds="{seconds}" '
            f'data-warn="{lead}"><p>{html.escape(words.warning.format(tijd=when))}</p>'
            f'<button type="button" class="ww-idle-button">{html.escape(words.button)}</button></div>')
