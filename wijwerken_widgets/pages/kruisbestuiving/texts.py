"""The kruisbestuiving page's texts: ``exercises/kruisbestuiving.yaml``, validated by ``schema.py``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content import loader

if TYPE_CHECKING:
    from wijwerken_widgets.pages.kruisbestuiving.schema import KruisbestuivingContent

FILE = "kruisbestuiving.yaml"
SCHEMA = "wijwerken_widgets.pages.kruisbestuiving.schema:KruisbestuivingContent"


def load(directory: str | Path | None = None) -> KruisbestuivingContent:
    """The validated content (from ``directory``, default the exercises folder); raises ``ContentError``."""
    return loader.load(FILE, SCHEMA, directory)
