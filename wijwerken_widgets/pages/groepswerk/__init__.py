"""Werk van de groepen — a trainer page: ``workbooks/groepswerk.ipynb`` adds one section per part of
``exercises/groepswerk.yaml``, for the one group the trainer chose.

Each part is the module of the same name (its ``section(ctx)`` builds it): ``chooser`` (links to the groups of the
cohorts the trainer trains), ``vraagstukken`` (each participant's Dag 1 card with its coaching signals), ``kaart``
(the stakeholder map as tables), ``gesprekken`` (plans, reports, quotes only with consent), ``rode_draden`` (Dag 4
themes and the actieplan) and ``logboek`` (only entries shared with the trainer). Each part downloads as Markdown,
CSV or Excel. ``work.shown_group`` picks the group; only trainers see anything (``shared/trainer_access.py``): a
participant who opens the page reads a Dutch refusal, no section is built for them, and every builder returns
nothing for a participant's context anyway.
"""

from __future__ import annotations

from wijwerken_widgets.core.warmup import wait

wait()  # the kernel may still be importing the libraries below in the background (see warmup.py)

from wijwerken_widgets.pages.groepswerk import (
    chooser,
    gesprekken,
    kaart,
    logboek,
    rode_draden,
    texts,
    vraagstukken,
)
from wijwerken_widgets.shared.trainer_access import open_trainer_page
from wijwerken_widgets.ui.page import Page

__all__ = ["chooser", "gesprekken", "kaart", "logboek", "open_page", "rode_draden", "vraagstukken"]


def open_page() -> Page:
    """The page; for anyone but a trainer only the refusal (no section is added after it)."""
    content = texts.load()
    return open_trainer_page(content.title, content.intro, content.refused, "groepswerk.ipynb")
