"""The schema (pydantic) of ``exercises/dag3.yaml`` (Dag 3, Think: gesprekken en rollenspel); loaded by ``content.py``.

The role-play scenarios (``exercises/rollenspel/``) and the question coaching (``exercises/vraagcoaching.yaml``)
have their own files and schemas.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator

from wijwerken_widgets.content.schema import ContentModel, Part, Phase, Text, TextField


class PlanFields(ContentModel):
    """The parts of a gespreksplan."""

    doel: TextField
    opening: TextField
    vragen: TextField
    luisteren: TextField
    afsluiten: TextField
    wanneer: TextField


class PlansPart(Part):
    shortlist_title: Text
    shortlist_empty: Text
    other_stakeholder: Text
    """Label of the choice of any stakeholder of the map (not only the shortlist)."""
    fields: PlanFields
    suggestions_intro: Text


class ReportFields(ContentModel):
    notities: TextField
    energie: TextField
    verrassingen: TextField
    vervolg: TextField
    citaat: TextField


class ReportsPart(Part):
    privacy_reminder: Text
    """Shown above every report: roles or initials for residents, consent for quotes."""
    consent_label: Text
    consent_options: Annotated[list[Text], Field(min_length=3, max_length=3)]
    """Not asked yet, yes (quotes may be used), no: the third means no quotes may be kept."""
    no_consent_message: Text
    fields: ReportFields


class CheckItem(ContentModel):
    """One point of the observer's checklist: a short name, the question, and what a concrete example looks like."""

    key: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    label: Text
    vraag: Text
    voorbeeld: Text


Checklist = Annotated[list[CheckItem], Field(min_length=1)]


class Reflection(ContentModel):
    goed: TextField
    anders: TextField
    meenemen: TextField


class RolePart(ContentModel):
    naam: Text
    uitleg: Text


class Roles(ContentModel):
    gespreksvoerder: RolePart
    gesprekspartner: RolePart
    observator: RolePart


class RoleplayPart(Part):
    roles: Roles
    ratings: Annotated[list[Text], Field(min_length=2, max_length=5)]
    """What the observator can answer per checklist point, from "seen" to "not seen"."""
    checklist_gesprek: Checklist
    checklist_facilitator: Checklist
    tip: TextField
    reflection_title: Text
    reflection: Reflection
    feedback_title: Text
    feedback_empty: Text

    @field_validator("checklist_gesprek", "checklist_facilitator")
    @classmethod
    def _unique_keys(cls, items: list[CheckItem]) -> list[CheckItem]:
        keys = [item.key for item in items]
        if doubles := sorted({k for k in keys if keys.count(k) > 1}):
            raise ValueError(f"key used more than once: {', '.join(doubles)}")
        return items


class TrainerPart(Part):
    pass


class Dag3Exercises(ContentModel):
    plans: PlansPart
    reports: ReportsPart
    roleplay: RoleplayPart
    logbook: Part
    """Title and instruction of the logboek on this day; its texts are in ``logboek.yaml``."""
    trainer: TrainerPart


class Dag3Content(ContentModel):
    """``exercises/dag3.yaml``: Dag 3, Think: gesprekken en rollenspel."""

    schema_version: Literal[1]
    day: Literal[3]
    phase: Phase
    title: Text
    intro: Text
    no_group: Text
    exercises: Dag3Exercises
    closing: str = ""
