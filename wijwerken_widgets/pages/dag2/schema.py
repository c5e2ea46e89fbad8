"""The schema (pydantic) of ``exercises/dag2.yaml`` (Dag 2, Think: de stakeholderkaart); loaded by ``content.py``."""

from __future__ import annotations

from typing import Literal

from wijwerken_widgets.content.schema import ContentModel, Part, Phase, Text, TextField


class EntryPart(Part):
    naam_hint: Text
    """Shown under the name field: residents by role or initials."""


class EnergyPart(Part):
    shortlist_title: Text
    shortlist_intro: Text
    shortlist_empty: Text


class InsightPart(Part):
    position_label: Text
    reflection: TextField


class Dag2Exercises(ContentModel):
    entry: EntryPart
    network: Part
    grid: Part
    energy: EnergyPart
    insight: InsightPart
    history: Part
    export: Part


class Dag2Content(ContentModel):
    """``exercises/dag2.yaml``: Dag 2, Think: de stakeholderkaart."""

    schema_version: Literal[1]
    day: Literal[2]
    phase: Phase
    title: Text
    intro: Text
    no_group: Text
    exercises: Dag2Exercises
    closing: str = ""

