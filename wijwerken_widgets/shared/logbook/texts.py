"""The logboek's texts: ``exercises/logboek.yaml``, validated by ``schema.py`` (see ``content.loader``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content import loader

if TYPE_CHECKING:
    from wijwerken_widgets.shared.logbook.schema import LogbookContent

FILE = "logboek.yaml"
SCHEMA = "wijwerken_widgets.shared.logbook.schema:LogbookContent"


def load(directory: str | Path | None = None) -> LogbookContent:
    """The validated content (from ``directory``, default the exercises folder); raises ``ContentError``."""
    return loader.load(FILE, SCHEMA, directory)
