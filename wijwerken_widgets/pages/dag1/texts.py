"""Dag 1's texts: ``exercises/dag1.yaml``, validated by ``schema.py`` (see ``content.loader``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content import loader

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag1.schema import Dag1Content

FILE = "dag1.yaml"
SCHEMA = "wijwerken_widgets.pages.dag1.schema:Dag1Content"


def load(directory: str | Path | None = None) -> Dag1Content:
    """The validated content (from ``directory``, default the exercises folder); raises ``ContentError``."""
    return loader.load(FILE, SCHEMA, directory)
