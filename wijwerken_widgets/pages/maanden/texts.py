"""The texts of the three months after Dag 4: ``exercises/maanden.yaml``, validated by ``schema.py`` (see
``content.loader``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content import loader

if TYPE_CHECKING:
    from wijwerken_widgets.pages.maanden.schema import MaandenContent

FILE = "maanden.yaml"
SCHEMA = "wijwerken_widgets.pages.maanden.schema:MaandenContent"


def load(directory: str | Path | None = None) -> MaandenContent:
    """The validated content (from ``directory``, default the exercises folder); raises ``ContentError``."""
    return loader.load(FILE, SCHEMA, directory)
