"""The schema of the ``feedback`` part of ``exercises/dag4.yaml``: terugleggen (giving the picture back)."""

from __future__ import annotations

from wijwerken_widgets.content.schema import Part, Text


class FeedbackPart(Part):
    no_chosen: Text
    """No rode draad has been chosen yet (``vote``)."""
