"""The Toegankelijkheid page's texts: ``exercises/toegankelijkheid.yaml``, validated by ``schema.py``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content import loader

if TYPE_CHECKING:
    from wijwerken_widgets.pages.toegankelijkheid.schema import AccessibilityContent

FILE = "toegankelijkheid.yaml"
SCHEMA = "wijwerken_widgets.pages.toegankelijkheid.schema:AccessibilityContent"


def load(directory: str | Path | None = None) -> AccessibilityContent:
    """The validated content (from ``directory``, default the exercises folder); raises ``ContentError``."""
    return loader.load(FILE, SCHEMA, directory)
