"""The logboek's own page (``workbooks/logboek.ipynb``): the same log as on Dag 3, reachable on every day."""

from __future__ import annotations

from .warmup import wait

wait()  # the kernel may still be importing the libraries below in the background (see warmup.py)

import ipywidgets as widgets

from .content import load_dag3
from .context import Context
from .page import Page


def open_page() -> Page:
    part = load_dag3().exercises.logbook
    return Page(part.page_title, part.instruction).show()


def logbook(ctx: Context) -> widgets.Widget:
    from .logbook import Logbook

    return Logbook(ctx, load_dag3().exercises.logbook, day="algemeen")
