"""The texts every page shares: ``exercises/algemeen.yaml``, validated by ``schema.py`` (see ``content.loader``).

Every page kernel reads it (through the loader's JSON cache, without pydantic) when its ui kit first shows text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content import loader

if TYPE_CHECKING:
    from wijwerken_widgets.ui.schema import CommonContent

FILE = "algemeen.yaml"
SCHEMA = "wijwerken_widgets.ui.schema:CommonContent"


def load(directory: str | Path | None = None) -> CommonContent:
    """The validated content (from ``directory``, default the exercises folder); raises ``ContentError``."""
    return loader.load(FILE, SCHEMA, directory)
