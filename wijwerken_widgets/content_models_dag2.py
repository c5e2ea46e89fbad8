"""The schema (pydantic) of ``exercises/dag2.yaml`` (Dag 2, Think: de stakeholderkaart); loaded by ``content.py``."""

from __future__ import annotations

from typing import Literal

from .content_models import ContentModel, Phase, Text, TextField


class Part(ContentModel):
    """A titled part of the page with its instruction (Markdown)."""

    title: Text
    instruction: Text


class MapPart(Part):
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
    map: MapPart
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

