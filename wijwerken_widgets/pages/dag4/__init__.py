"""Dag 4 — Act: rode draden, terugleggen en het actieplan. ``workbooks/dag4.ipynb`` adds one section per part of
``exercises/dag4.yaml``.

Each part is the module of the same name (its ``section(ctx)`` builds it): ``themes`` (the group's analysis of the
Dag 3 quotes: themes, silent assignment, evidence, who was not heard, history), ``vote`` (dots, and the rode draden
chosen), ``feedback`` (terugleggen: the anonymised projector view and what was said back), ``plan`` (the actieplan),
``logbook`` and ``trainer``. The group's items share one ``ActSession`` (``shared.act.session.page_act``); the
Dag 3 conversations and the Dag 2 map are read once per page and on "Vernieuwen" (``sources.py``). ``keys.py``
registers the items. Every text a participant reads is in ``exercises/dag4.yaml`` (``texts.load()``).
"""

from __future__ import annotations

from wijwerken_widgets.core.warmup import wait

wait()  # the kernel may still be importing the libraries below in the background (see warmup.py)

import ipywidgets as widgets

from wijwerken_widgets.pages.dag4 import feedback, keys, logbook, plan, texts, themes, trainer, vote
from wijwerken_widgets.ui.blocks import markdown
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.page import Page
from wijwerken_widgets.ui.progress import titles_of

__all__ = ["closing", "feedback", "logbook", "open_page", "plan", "themes", "trainer", "vote"]


def open_page() -> Page:
    page = texts.load()
    return Page(page.title, page.intro, workbook="dag4.ipynb",
                progress=(keys.REGISTRY, titles_of(page.exercises))).show()


def closing(ctx: Context) -> widgets.Widget:
    return markdown(texts.load().closing, "ww-closing")
