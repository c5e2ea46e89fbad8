"""Dag 2's texts: ``exercises/dag2.yaml``, validated by ``schema.py`` (see ``content.loader``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content import loader

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag2.schema import Dag2Content

FILE = "dag2.yaml"
SCHEMA = "wijwerken_widgets.pages.dag2.schema:Dag2Content"


def load(directory: str | Path | None = None) -> Dag2Content:
    """The validated content (from ``directory``, default the exercises folder); raises ``ContentError``."""
    return loader.load(FILE, SCHEMA, directory)


def counted(count, n: int) -> str:
    """``n`` things in words (``counts.stakeholders`` of the YAML): its ``one`` for 1, else ``many`` with ``{n}``."""
    return count.one if n == 1 else count.many.format(n=n)


def counts(page: Dag2Content, **numbers: int) -> dict[str, str]:
    """The ``{stakeholders}`` and ``{relations}`` of a template, always in words ("1 relatie", "3 relaties"):
    ``counts(page, stakeholders=2, relations=1)``. A template never says the noun after such a placeholder itself
    (``schema_templates.placeholders`` refuses "{relations} relaties"), so every count of the YAML goes through here."""
    return {name: counted(getattr(page.counts, name), n) for name, n in numbers.items()}
