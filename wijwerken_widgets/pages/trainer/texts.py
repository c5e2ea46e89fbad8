"""The trainer page's texts: ``exercises/trainer.yaml``, validated by ``schema.py`` (see ``content.loader``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content import loader

if TYPE_CHECKING:
    from wijwerken_widgets.pages.trainer.schema import TrainerContent

FILE = "trainer.yaml"
SCHEMA = "wijwerken_widgets.pages.trainer.schema:TrainerContent"


def load(directory: str | Path | None = None) -> TrainerContent:
    """The validated content (from ``directory``, default the exercises folder); raises ``ContentError``."""
    return loader.load(FILE, SCHEMA, directory)
