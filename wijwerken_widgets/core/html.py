"""HTML that is safe to put in front of a participant: trainer-written Markdown and notice boxes."""

from __future__ import annotations

import functools
import html
from collections.abc import Callable


def notice_html(text: str, kind: str = "info", *, safe_html: bool = False) -> str:
    """A notice box as HTML (``kind``: info, success, warning, error); ``text`` is escaped unless ``safe_html``."""
    return f'<div class="ww-notice ww-notice-{kind}">{text if safe_html else html.escape(text)}</div>'


def render_markdown(text: str) -> str:
    """Trainer-written Markdown as HTML; raw HTML in it is escaped, never run."""
    if not text:
        return ""
    return _markdown()(text)


@functools.cache
def _markdown() -> Callable[[str], str]:
    """One Markdown renderer per process (making one compiles its parsers)."""
    import mistune

    return mistune.create_markdown(escape=True)
