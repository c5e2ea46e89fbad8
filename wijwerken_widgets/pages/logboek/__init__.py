"""The logboek's own page (``workbooks/logboek.ipynb``): the same log as on the days, reachable on every day.

Texts: ``exercises/logboek.yaml`` (``shared/logbook``).
"""

from __future__ import annotations

from wijwerken_widgets.core.warmup import wait

wait()  # the kernel may still be importing the libraries below in the background (see warmup.py)

import ipywidgets as widgets

from wijwerken_widgets.shared.logbook import texts
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.page import Page


def open_page() -> Page:
    page = texts.load()
    return Page(page.title, page.intro, workbook="logboek.ipynb").show()


def logbook(ctx: Context) -> widgets.Widget:
    from wijwerken_widgets.shared.logbook.widget import Logbook

    return Logbook(ctx, texts.load(), day="algemeen")
