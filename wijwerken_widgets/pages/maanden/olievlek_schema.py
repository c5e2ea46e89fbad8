"""The schema of the ``olievlek`` part of ``exercises/maanden.yaml``: passing Wij-Werken on to ten colleagues."""

from __future__ import annotations

from wijwerken_widgets.content.schema import Part


class OlievlekPart(Part):
    """Title and instruction; the entry form, progress and trainer totals."""
