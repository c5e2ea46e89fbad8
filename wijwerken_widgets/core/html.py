"""HTML that is safe to put in front of a participant: trainer-written Markdown and notice boxes."""

from __future__ import annotations

import functools
import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import mistune


def notice_html(text: str, kind: str = "info", *, safe_html: bool = False) -> str:
    """A notice box as HTML (``kind``: info, success, warning, error); ``text`` is escaped unless ``safe_html``."""
    return f'<div class="ww-notice ww-notice-{kind}">{text if safe_html else html.escape(text)}</div>'


def plain_text_html(text: str) -> str:
    """Typed text as HTML: escaped, trimmed, its line breaks kept."""
    return html.escape(text.strip()).replace("\n", "<br>")


def render_markdown(text: str) -> str:
    """Trainer-written Markdown as HTML; raw HTML in it is escaped, never run."""
    if not text:
        return ""
    rendered = _markdown()(text)
    if not isinstance(rendered, str):  # only an AST renderer gives tokens
        raise TypeError("the Markdown renderer did not return HTML")
    return rendered


@functools.cache
def _markdown() -> mistune.Markdown:
    """One Markdown renderer per process (making one compiles its parsers)."""
    import mistune

    return mistune.create_markdown(escape=True)
