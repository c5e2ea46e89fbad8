"""Dag 2 — Think: de stakeholderkaart. ``workbooks/dag2.ipynb`` adds one section per part of ``exercises/dag2.yaml``.

Each part is the module of the same name (its ``section(ctx)`` builds it). All sections of a page share one
``MapSession`` (the group's map, ``shared.stakeholders.session.page_map``), so an edit in the form redraws the graph,
the grid, the energy view and the insight, and so does a groupmate's edit once polling finds it.
"""

from __future__ import annotations

from wijwerken_widgets.core.warmup import wait

wait()  # the kernel may still be importing the libraries below in the background (see warmup.py)

import ipywidgets as widgets

from wijwerken_widgets.pages.dag2 import energy, entry, export, grid, history, insight, keys, network, texts
from wijwerken_widgets.ui.blocks import markdown
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.page import Page
from wijwerken_widgets.ui.progress import titles_of

__all__ = ["closing", "energy", "entry", "export", "grid", "history", "insight", "network", "open_page"]


def open_page() -> Page:
    page = texts.load()
    return Page(page.title, page.intro, workbook="dag2.ipynb",
                progress=(keys.REGISTRY, titles_of(page.exercises))).show()


def closing(ctx: Context) -> widgets.Widget:
    return markdown(texts.load().closing, "ww-closing")
