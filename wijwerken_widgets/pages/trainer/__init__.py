"""Tussen de dagen — the trainer page: ``workbooks/trainer.ipynb`` adds one section per part of
``exercises/trainer.yaml``.

Each part is the module of the same name (its ``section(ctx)`` builds it): ``matrix`` (participants × exercises
with five states, from the days' key registries: ``progress.py``), ``missing`` (wie mist nog?), ``feedback``
(logboek entries shared with the trainer), ``groups`` (actions and mini-interventies per group), ``downloads`` and
``cohort`` (add a participant, a new code: shown once) and ``forget`` (remove a name from every version, AVG).
Only trainers see anything (``shared/trainer_access.py``): a participant who opens the page reads a Dutch refusal, no section is
built for them, and every builder returns nothing for a participant's context anyway.
"""

from __future__ import annotations

from wijwerken_widgets.core.warmup import wait

wait()  # the kernel may still be importing the libraries below in the background (see warmup.py)

from wijwerken_widgets.pages.trainer import cohort, downloads, feedback, forget, groups, matrix, missing, texts
from wijwerken_widgets.shared.trainer_access import open_trainer_page
from wijwerken_widgets.ui.page import Page

__all__ = ["cohort", "downloads", "feedback", "forget", "groups", "matrix", "missing", "open_page"]


def open_page() -> Page:
    """The page; for anyone but a trainer only the refusal (no section is added after it)."""
    content = texts.load()
    return open_trainer_page(content.title, content.intro, content.refused, "trainer.ipynb")
