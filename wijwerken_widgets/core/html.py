"""HTML that is safe to put in front of a participant: trainer-written Markdown, notice boxes and typed names."""

from __future__ import annotations

import functools
import html
from typing import TYPE_CHECKING

from wijwerken_widgets.core.text import without_hidden

if TYPE_CHECKING:
    import mistune


class Html(str):
    """Text that is HTML already (made by the functions here): :func:`format_html` fills it in as it is."""


def notice_html(text: str, kind: str = "info", *, safe_html: bool = False) -> str:
    """A notice box as HTML (``kind``: info, success, warning, error); ``text`` is escaped unless ``safe_html`` or
    it is :class:`Html` already (made by :func:`format_html`)."""
    body = text if safe_html or isinstance(text, Html) else html.escape(text)
    return f'<div class="ww-notice ww-notice-{kind}">{body}</div>'


def name_html(text: object) -> Html:
    """Something a person typed (a name, a group, a theme) as HTML inside a sentence, list or table cell.

    Escaped, without hidden characters, and isolated in ``<bdi>``: a right-to-left name ("سارة", "דנה") keeps its
    own direction without pulling a number or word after it into it, and nothing in it can reorder the sentence.
    """
    return Html(f"<bdi>{html.escape(without_hidden(str(text)))}</bdi>")


def escaped(text: str) -> Html:
    """Trusted text (a word of the YAML, a count) escaped, for :func:`format_html` to fill in without isolating."""
    return Html(html.escape(text))


def format_html(template: str, /, **values: str | int) -> Html:
    """``template`` (trusted text with ``{placeholders}``) escaped; each text value filled in with :func:`name_html`,
    each number and each :class:`Html` as it is."""
    filled = {k: v if isinstance(v, (int, Html)) else name_html(v) for k, v in values.items()}
    return Html(html.escape(template).format(**filled))


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
