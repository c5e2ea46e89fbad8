"""Dag 1 — Look: het vraagstuk. ``workbooks/dag1.ipynb`` adds one section per exercise of ``exercises/dag1.yaml``.

Each exercise is the module of the same name (its ``section(ctx)`` builds it); ``keys`` lists what they store.
"""

from __future__ import annotations

from wijwerken_widgets.core.warmup import wait

wait()  # the kernel may still be importing the libraries below in the background (see warmup.py)

import ipywidgets as widgets

from wijwerken_widgets.pages.dag1 import (
    assumptions,
    keys,
    problem_statement,
    real_problem,
    summary_card,
    texts,
    vraagstuk_choice,
)
from wijwerken_widgets.ui.blocks import markdown
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.page import Page
from wijwerken_widgets.ui.progress import titles_of

__all__ = ["assumptions", "closing", "open_page", "problem_statement", "real_problem", "summary_card",
           "vraagstuk_choice"]


def open_page() -> Page:
    """Header, intro and login (or the recognised participant)."""
    page = texts.load()
    return Page(page.title, page.intro, workbook="dag1.ipynb",
                progress=(keys.REGISTRY, titles_of(page.exercises))).show()


def closing(ctx: Context) -> widgets.Widget:
    return markdown(texts.load().closing, "ww-closing")
