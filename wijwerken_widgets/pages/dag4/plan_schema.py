"""The schema of the ``plan`` part of ``exercises/dag4.yaml``: the actieplan."""

from __future__ import annotations

from wijwerken_widgets.content.schema import Part, Text


class PlanPart(Part):
    prompts: Text
    """Markdown: the facilitator's prompts ("Wat ga jij eraan doen? Wat kan jij bijdragen?")."""
