"""What the stakeholder map says when input is wrong: ``exercises/stakeholderkaart.yaml``, validated by
``schema.py`` (see ``content.loader``).

Read only when a message is made: checking a valid stakeholder, or importing the model, reads no file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content import loader

if TYPE_CHECKING:
    from wijwerken_widgets.shared.stakeholders.schema import StakeholderMapContent

FILE = "stakeholderkaart.yaml"
SCHEMA = "wijwerken_widgets.shared.stakeholders.schema:StakeholderMapContent"


def load(directory: str | Path | None = None) -> StakeholderMapContent:
    """The validated content (from ``directory``, default the exercises folder); raises ``ContentError``."""
    return loader.load(FILE, SCHEMA, directory)
