"""Pecha kucha: the participant's own story in 20 slides of 20 seconds. ``workbooks/pechakucha.ipynb`` adds one
section per part of ``exercises/pechakucha.yaml``.

``editor`` proposes about 30 slides from the participant's own work (``proposals.py``, read by ``material.py``) and
lets them pick, order and edit 20, each with an alt text; ``download`` makes the one self-contained HTML file
(``slideshow.py`` with ``slideshow.js`` and ``slideshow.css``). ``keys.py`` registers the one answer it saves.
"""

from __future__ import annotations

from wijwerken_widgets.core.warmup import wait

wait()  # the kernel may still be importing the libraries below in the background (see warmup.py)

import ipywidgets as widgets

from wijwerken_widgets.pages.pechakucha import download, editor, keys, texts
from wijwerken_widgets.ui.blocks import markdown
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.page import Page
from wijwerken_widgets.ui.progress import titles_of

__all__ = ["closing", "download", "editor", "open_page"]

WORKBOOK = "pechakucha.ipynb"


def open_page() -> Page:
    """Header, intro and login (or the recognised participant)."""
    page = texts.load()
    return Page(page.title, page.intro, workbook=WORKBOOK,
                progress=(keys.REGISTRY, titles_of(page.exercises))).show()


def closing(ctx: Context) -> widgets.Widget:
    return markdown(texts.load().closing, "ww-closing")
