"""The three months after Dag 4: monitoring the actieplan, mini-interventies and the olievlek.
``workbooks/maanden.ipynb`` adds one section per part of ``exercises/maanden.yaml``.

Each part is the module of the same name (its ``section(ctx)`` builds it): ``since`` ("acties sinds vorige keer":
one line per action to write a new status), ``monitoring`` (table, timeline, done versus planned, each action's
history and its owner, with the "niet overnemen" guard), ``interventions`` (mini-interventies for stalled actions),
``calendar`` (check-ins and due dates, and the ``.ics`` file), ``olievlek``, ``logbook`` and ``trainer``. The group's
items share one ``ActSession`` (``shared.act.session.page_act``); ``board.py`` reads the actions' state from it.
``keys.py`` registers the items. Every text a participant reads is in ``exercises/maanden.yaml`` (``texts.load()``).
"""

from __future__ import annotations

from wijwerken_widgets.core.warmup import wait

wait()  # the kernel may still be importing the libraries below in the background (see warmup.py)

import ipywidgets as widgets

from wijwerken_widgets.pages.maanden import (
    calendar,
    interventions,
    keys,
    logbook,
    monitoring,
    olievlek,
    since,
    texts,
    trainer,
)
from wijwerken_widgets.ui.blocks import markdown
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.page import Page
from wijwerken_widgets.ui.progress import titles_of

__all__ = ["calendar", "closing", "interventions", "logbook", "monitoring", "olievlek", "open_page", "since",
           "trainer"]


def open_page() -> Page:
    page = texts.load()
    return Page(page.title, page.intro, workbook="maanden.ipynb",
                progress=(keys.REGISTRY, titles_of(page.exercises))).show()


def closing(ctx: Context) -> widgets.Widget:
    return markdown(texts.load().closing, "ww-closing")
