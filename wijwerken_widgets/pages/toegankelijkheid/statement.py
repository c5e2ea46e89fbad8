"""The statement's sections as HTML: on the workbook page and on the server's page for everyone (``/toegankelijkheid``)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from wijwerken_widgets.core.html import render_markdown

if TYPE_CHECKING:
    from wijwerken_widgets.pages.toegankelijkheid.schema import AccessibilityContent


def sections_html(content: AccessibilityContent) -> str:
    """The titled sections of ``toegankelijkheid.yaml``."""
    return "".join(f"<section><h2>{html.escape(s.title)}</h2>{render_markdown(s.text)}</section>"
                   for s in content.sections)
