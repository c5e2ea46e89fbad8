"""Dag 4's texts: ``exercises/dag4.yaml``, validated by ``schema.py`` (see ``content.loader``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content import loader

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag4.schema import Dag4Content

FILE = "dag4.yaml"
SCHEMA = "wijwerken_widgets.pages.dag4.schema:Dag4Content"


def load(directory: str | Path | None = None) -> Dag4Content:
    """The validated content (from ``directory``, default the exercises folder); raises ``ContentError``."""
    return loader.load(FILE, SCHEMA, directory)
