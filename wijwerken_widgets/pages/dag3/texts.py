"""Dag 3's texts: ``exercises/dag3.yaml``, validated by ``schema.py`` (see ``content.loader``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content import loader

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag3.schema import Dag3Content

FILE = "dag3.yaml"
SCHEMA = "wijwerken_widgets.pages.dag3.schema:Dag3Content"


def load(directory: str | Path | None = None) -> Dag3Content:
    """The validated content (from ``directory``, default the exercises folder); raises ``ContentError``."""
    return loader.load(FILE, SCHEMA, directory)
