"""The schema (pydantic) of ``exercises/start.yaml``: welkom, Wij-Werken, Look – Think – Act and the programme."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from wijwerken_widgets.content.schema import ContentModel, Phase, Section, Text


class Step(ContentModel):
    """One of Look, Think, Act."""

    phase: Phase
    subtitle: Text
    text: Text


class LookThinkAct(ContentModel):
    title: Text
    intro: Text
    steps: Annotated[list[Step], Field(min_length=1)]


class DayItem(ContentModel):
    """A day (or later part) of the programme as listed on the start page."""

    label: Text  # "Dag 1", "Later"
    phase: Phase | None = None
    title: Text
    text: Text
    available: bool = False
    workbook: str | None = None  # notebook file name when available, e.g. "dag1.ipynb"


class Programme(ContentModel):
    title: Text
    intro: Text
    days: Annotated[list[DayItem], Field(min_length=1)]


class StartContent(ContentModel):
    """``exercises/start.yaml``: the welcome page."""

    schema_version: Literal[1]
    title: Text
    intro: Text
    wij_werken: Section
    look_think_act: LookThinkAct
    programme: Programme
    closing: str = ""
