"""Vandaag — the trainer page for a training day: ``workbooks/vandaag.ipynb`` adds one section per part of
``exercises/vandaag.yaml``.

Each part is the module of the same name (its ``section(ctx)`` builds it): ``cohort`` (which of the trainer's
cohorts, and "Vernieuwen"), ``hands`` (raised hands with "Geholpen"), ``where`` (who is on which page, when they last
saved, "vastgelopen?"), ``ready`` (per group how many have each exercise of a day klaar) and ``timer`` (a countdown
shown on the participants' pages). The sections share one ``board.Board``, which reads the cohort again every few
seconds on the kernel's loop. What participants' pages send (their page, a raised hand) and show (the timer) is
``ui/live.py``. Only trainers see anything (``shared/trainer_access.py``); a trainer sees only the cohorts they train.
"""

from __future__ import annotations

from wijwerken_widgets.core.warmup import wait

wait()  # the kernel may still be importing the libraries below in the background (see warmup.py)

from wijwerken_widgets.pages.vandaag import cohort, hands, ready, texts, timer, where
from wijwerken_widgets.shared.trainer_access import open_trainer_page
from wijwerken_widgets.ui.page import Page

__all__ = ["cohort", "hands", "open_page", "ready", "timer", "where"]


def open_page() -> Page:
    """The page; for anyone but a trainer only the refusal (no section is added after it)."""
    content = texts.load()
    return open_trainer_page(content.title, content.intro, content.refused, "vandaag.ipynb")
