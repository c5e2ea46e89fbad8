"""The pecha kucha page's texts: ``exercises/pechakucha.yaml``, validated by ``schema.py`` (see ``content.loader``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content import loader

if TYPE_CHECKING:
    from wijwerken_widgets.pages.pechakucha.schema import PechakuchaContent

FILE = "pechakucha.yaml"
SCHEMA = "wijwerken_widgets.pages.pechakucha.schema:PechakuchaContent"


def load(directory: str | Path | None = None) -> PechakuchaContent:
    """The validated content (from ``directory``, default the exercises folder); raises ``ContentError``."""
    return loader.load(FILE, SCHEMA, directory)
