"""Kruisbestuiving — a trainers' page: ``workbooks/kruisbestuiving.ipynb`` adds one section per part of
``exercises/kruisbestuiving.yaml``.

The rode draden and actions of groups of every cohort, side by side per gemeente, for the programme's exchange
meetings: only of groups that chose to share on Dag 4 (``shared.act.items.Delen``), without names, and only when
at least ``min_groups`` (≥ 3) groups did (``collect.py``). ``overview`` shows it, ``downloads`` makes Markdown and
an offline web page of it. Only trainers see anything (``shared/trainer_access.py``).
"""

from __future__ import annotations

from wijwerken_widgets.pages.kruisbestuiving import downloads, overview, texts
from wijwerken_widgets.shared.trainer_access import open_trainer_page
from wijwerken_widgets.ui.page import Page

__all__ = ["downloads", "open_page", "overview"]


def open_page() -> Page:
    """The page; for anyone but a trainer only the refusal (no section is added after it)."""
    content = texts.load()
    return open_trainer_page(content.title, content.intro, content.refused, "kruisbestuiving.ipynb")
