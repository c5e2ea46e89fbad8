"""The start page's texts: ``exercises/start.yaml``, validated by ``schema.py`` (see ``content.loader``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content import loader

if TYPE_CHECKING:
    from wijwerken_widgets.pages.start.schema import StartContent

FILE = "start.yaml"
SCHEMA = "wijwerken_widgets.pages.start.schema:StartContent"


def load(directory: str | Path | None = None) -> StartContent:
    """The validated content (from ``directory``, default the exercises folder); raises ``ContentError``."""
    return loader.load(FILE, SCHEMA, directory)
