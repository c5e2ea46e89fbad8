"""The page's texts: ``exercises/vandaag.yaml``, validated by ``schema.py`` (see ``content.loader``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content import loader

if TYPE_CHECKING:
    from wijwerken_widgets.pages.vandaag.schema import VandaagContent

FILE = "vandaag.yaml"
SCHEMA = "wijwerken_widgets.pages.vandaag.schema:VandaagContent"


def load(directory: str | Path | None = None) -> VandaagContent:
    """The validated content (from ``directory``, default the exercises folder); raises ``ContentError``."""
    return loader.load(FILE, SCHEMA, directory)
