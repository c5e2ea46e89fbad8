"""Dag 3 — Think: gesprekken en rollenspel. ``workbooks/dag3.ipynb`` adds one section per part of
``exercises/dag3.yaml``.

Each part is the module of the same name (its ``section(ctx)`` builds it). The group's plans, reports, quotes, trios
and feedback share one ``ConversationSession`` (``shared.conversations.session.page_conversations``); the Dag 2 map
(for the shortlist) is read once per page and on "Vernieuwen". The logboek is personal and works without a group.
"""

from __future__ import annotations

from wijwerken_widgets.core.warmup import wait

wait()  # the kernel may still be importing the libraries below in the background (see warmup.py)

import ipywidgets as widgets

from wijwerken_widgets.pages.dag3 import logbook, plans, reports, roleplay, texts, trainer
from wijwerken_widgets.ui.blocks import markdown
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.page import Page

__all__ = ["closing", "logbook", "open_page", "plans", "reports", "roleplay", "trainer"]


def open_page() -> Page:
    page = texts.load()
    return Page(page.title, page.intro).show()


def closing(ctx: Context) -> widgets.Widget:
    return markdown(texts.load().closing, "ww-closing")
