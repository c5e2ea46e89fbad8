"""Toegankelijkheid: what was done for accessibility and the known limitations.

``workbooks/toegankelijkheid.ipynb`` opens it; every page's footer links to it (``ui/navigation.py``). Before
logging in, the server shows the same statement at ``/toegankelijkheid`` (``app/web/pages.py``).
"""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.pages.toegankelijkheid import texts
from wijwerken_widgets.pages.toegankelijkheid.statement import sections_html
from wijwerken_widgets.ui.page import Page

WORKBOOK = "toegankelijkheid.ipynb"


def open_page() -> Page:
    """Header and, for someone logged in in this browser, who that is; never a request to log in."""
    content = texts.load()
    return Page(content.title, content.intro, workbook=WORKBOOK, needs_login=False).show()


def statement() -> widgets.Widget:
    """The sections of ``toegankelijkheid.yaml``."""
    return widgets.HTML(sections_html(texts.load()), _dom_classes=("ww-statement",))
