"""Dag 3 — Think: gesprekken en rollenspel. ``workbooks/dag3.ipynb`` adds one section per part of
``exercises/dag3.yaml``.

Each part is the module of the same name (its ``section(ctx)`` builds it; ``plans_editor`` is the editor of one
plan). The group's plans, reports, quotes, trios and feedback share one ``ConversationSession``
(``shared.conversations.session.page_conversations``) and are read and written through their types
(``shared.conversations.items``); ``keys.py`` registers them and the personal answers Dag 3 saves. The Dag 2 map
(for the shortlist) is read once per page and on "Vernieuwen". The logboek is personal and works without a group.
Every text a participant reads is in ``exercises/dag3.yaml`` (``texts.load()``).
"""

from __future__ import annotations

from wijwerken_widgets.core.warmup import wait

wait()  # the kernel may still be importing the libraries below in the background (see warmup.py)

import ipywidgets as widgets

from wijwerken_widgets.pages.dag3 import keys, logbook, plans, reports, roleplay, texts, trainer
from wijwerken_widgets.ui.blocks import markdown
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.page import Page
from wijwerken_widgets.ui.progress import titles_of

__all__ = ["closing", "logbook", "open_page", "plans", "reports", "roleplay", "trainer"]


def open_page() -> Page:
    page = texts.load()
    return Page(page.title, page.intro, workbook="dag3.ipynb",
                progress=(keys.REGISTRY, titles_of(page.exercises))).show()


def closing(ctx: Context) -> widgets.Widget:
    return markdown(texts.load().closing, "ww-closing")
