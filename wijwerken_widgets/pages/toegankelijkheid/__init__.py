"""Toegankelijkheid: what was done for accessibility and the known limitations. Needs no login.

``workbooks/toegankelijkheid.ipynb`` opens it; every page's footer links to it (``ui/navigation.py``).
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.core.html import render_markdown
from wijwerken_widgets.pages.toegankelijkheid import texts
from wijwerken_widgets.ui.page import Page

WORKBOOK = "toegankelijkheid.ipynb"


def open_page() -> Page:
    """Header and, for someone logged in in this browser, who that is; never a login form."""
    content = texts.load()
    return Page(content.title, content.intro, workbook=WORKBOOK, needs_login=False).show()


def statement() -> widgets.Widget:
    """The sections of ``toegankelijkheid.yaml``."""
    body = "".join(f"<section><h2>{html.escape(s.title)}</h2>{render_markdown(s.text)}</section>"
                   for s in texts.load().sections)
    return widgets.HTML(body, _dom_classes=("ww-statement",))
