"""The schema (pydantic) of ``exercises/vandaag.yaml``: the trainer page "Vandaag" for a training day; loaded by
``content.loader``. Every text on the page is here, and the two settings of the "vastgelopen?" rule."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from wijwerken_widgets.content.schema import ContentModel, Part, Text, placeholders


class Sign(ContentModel):
    """A sign and a word (never colour alone)."""

    icon: Text
    label: Text


class CohortPart(Part):
    cohort_label: Text
    refresh_button: Text
    refreshed: Annotated[Text, placeholders("tijd")]


class HandsPart(Part):
    none: Text
    line: Annotated[Text, placeholders("naam", "groep", "tijd")]
    helped_button: Annotated[Text, placeholders("naam")]
    """One per raised hand: lowers it. ``{naam}`` makes each button's name unique for a screen reader."""
    count: Annotated[Text, placeholders("aantal")]


class WherePart(Part):
    caption: Annotated[Text, placeholders("cohort")]
    name_header: Text
    group_header: Text
    page_header: Text
    seen_header: Text
    saved_header: Text
    stuck_header: Text
    no_group: Text
    not_seen: Text
    never_saved: Text
    stuck: Sign
    fine: Sign
    away: Sign
    """Seen too long ago to say (see ``away_after_hours``)."""
    rule: Annotated[Text, placeholders("minuten", "uren")]
    """Markdown under the table: how "vastgelopen?" is decided."""


class ReadyPart(Part):
    day_label: Text
    caption: Annotated[Text, placeholders("dag")]
    group_header: Text
    no_group: Text
    cell: Annotated[Text, placeholders("klaar", "totaal")]
    summary: Annotated[Text, placeholders("klaar", "totaal", "oefening")]
    """The first exercise of the day for the whole cohort, as a sentence: "12/15 hebben …"."""
    no_days: Text


class TimerPart(Part):
    minutes_label: Text
    start_button: Text
    pause_button: Text
    resume_button: Text
    plus_one_button: Text
    plus_five_button: Text
    stop_button: Text
    none: Text
    running: Annotated[Text, placeholders("klok", "cohort")]
    paused: Annotated[Text, placeholders("klok", "cohort")]
    up: Annotated[Text, placeholders("cohort")]
    bad_minutes: Annotated[Text, placeholders("van", "tot")]


class Exercises(ContentModel):
    cohort: CohortPart
    hands: HandsPart
    where: WherePart
    ready: ReadyPart
    timer: TimerPart


class VandaagContent(ContentModel):
    """``exercises/vandaag.yaml``."""

    schema_version: Literal[1]
    title: Text
    intro: Text
    refused: Text
    no_cohort: Text
    stuck_after_minutes: Annotated[int, Field(ge=1, le=240)]
    """On a page this long without a save: "vastgelopen?"."""
    away_after_hours: Annotated[int, Field(ge=1, le=24)]
    """A page opened longer ago than this says nothing about today."""
    exercises: Exercises
