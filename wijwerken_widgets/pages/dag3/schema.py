"""The schema (pydantic) of ``exercises/dag3.yaml`` (Dag 3, Think: gesprekken en rollenspel); loaded by
``content.loader``. Every text a participant reads on Dag 3 is here, down to button labels and notices.

A text marked with ``placeholders(...)`` (``content.schema``) is one the workbook fills in (``{naam}``, ``{aantal}``
…): only the placeholders it names may appear, so a trainer's typo is reported when the file loads, not when a
participant presses a button.

The role-play scenarios (``exercises/rollenspel/``) and the question coaching (``exercises/vraagcoaching.yaml``)
have their own files and schemas.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator

from wijwerken_widgets.content.schema import ContentModel, Part, Phase, Text, TextField, placeholders


class Common(ContentModel):
    """Words several parts of the page use."""

    conversation: Text
    """Label of the choice of one of the group's conversations (plans and reports)."""
    nobody_yet: Text
    """Who leads a conversation nobody took on yet."""
    unknown_stakeholder: Text
    refresh_button: Text


class PlanFields(ContentModel):
    """The parts of a gespreksplan."""

    wie: TextField
    doel: TextField
    opening: TextField
    vragen: TextField
    luisteren: TextField
    afsluiten: TextField
    wanneer: TextField


class PlanEditorTexts(ContentModel):
    """The buttons and notices of one plan."""

    suggest_button: Text
    add_suggestion: Text
    suggestion_added: Text
    already_there: Text
    remove_button: Text
    confirm_remove: Text
    confirm_yes: Text
    confirm_no: Text
    download_button: Text
    """Makes the plan a file of its own (a web page that prints on one A4): ``plans_print.py``."""
    document_title: Annotated[Text, placeholders("naam")]
    file_name: Annotated[str, Field(pattern=r"^[a-z0-9-]+$")]
    missing: Text


class QuestionCoachingTexts(ContentModel):
    """The frame of the coaching on a plan's questions (the coaching itself is in ``vraagcoaching.yaml``)."""

    title: Text
    one: Annotated[Text, placeholders("nummer")]
    several: Annotated[Text, placeholders("nummers", "laatste")]


class PlansPart(Part):
    shortlist_title: Text
    shortlist_empty: Text
    other_stakeholder: Text
    """Label of the choice of any stakeholder of the map (not only the shortlist)."""
    no_gap: Text
    """The map has stakeholders, but nobody whose energy should rise."""
    planned: Annotated[Text, placeholders("plannen")]
    not_planned: Text
    plan_button: Annotated[Text, placeholders("naam")]
    open_button: Annotated[Text, placeholders("naam")]
    choose_stakeholder: Text
    already_planned: Annotated[Text, placeholders("naam")]
    plan_other_button: Text
    choose_first: Text
    not_on_map: Text
    plans_title: Text
    plans_empty: Text
    nobody: Text
    """The "wie" choice for nobody yet."""
    removed: Annotated[Text, placeholders("naam", "wie")]
    removed_by_you: Text
    removed_unknown: Text
    trainer_intro: Text
    """For trainers, before the links to the groups' conversations."""
    editor: PlanEditorTexts
    coaching: QuestionCoachingTexts
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
    empty: Text
    quotes_title: Text
    no_quotes: Text
    add_quote: Text
    remove_quote: Text
    ask_consent: Text
    quotes_kept_one: Text
    """Markdown: consent was refused and one quote is still kept."""
    quotes_kept: Annotated[Text, placeholders("aantal")]
    """Markdown: consent was refused and ``{aantal}`` quotes are still kept."""
    quote_empty: Text
    quote_too_long: Annotated[Text, placeholders("maximum")]
    quote_twice: Text
    quote_saved: Text
    quote_saved_ask_consent: Text
    quote_removed: Text
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
    facilitator: str = ""
    """Added to the role's name in a facilitator scenario ("Gespreksvoerder (facilitator van de groep)")."""
    facilitator_uitleg: Text
    """Markdown added to the role's explanation in a facilitator scenario."""


class Roles(ContentModel):
    gespreksvoerder: RolePart
    gesprekspartner: RolePart
    observator: RolePart


class Soorten(ContentModel):
    """How each soort of scenario is called (``soort`` in ``exercises/rollenspel/*.yaml``)."""

    gesprek: Text
    facilitator: Text


class StartTexts(ContentModel):
    """The form that starts a trio."""

    title: Text
    intro: Text
    scenario_label: Text
    button: Text
    back_button: Text
    too_few_members: Text
    no_scenarios: Text
    too_few: Annotated[Text, placeholders("aantal")]
    too_many: Annotated[Text, placeholders("aantal")]
    choose_scenario: Text
    started: Text


class RoundTexts(ContentModel):
    """One round: its title, who plays what, the scenario as far as one's role may read it."""

    title: Annotated[Text, placeholders("nummer")]
    title_with_scenario: Annotated[Text, placeholders("nummer", "titel")]
    details: Annotated[Text, placeholders("soort", "minuten")]
    me: Annotated[Text, placeholders("naam")]
    my_role: Annotated[Text, placeholders("rol")]
    unreadable: Text
    scenario_gone: Annotated[Text, placeholders("scenario")]
    situation_title: Text
    rolkaart_title: Text
    assignment_title: Text
    assignment_title_facilitator: Text


class NextRoundTexts(ContentModel):
    title: Text
    intro: Text
    picker_label: Text
    button: Text
    new_trio_button: Text
    choose_scenario: Text
    trio_gone: Text
    already_started: Text
    started: Annotated[Text, placeholders("nummer")]


class TimerTexts(ContentModel):
    start_button: Text
    pause_button: Text
    extend_button: Text
    """Adds one minute (also after the time is up, to finish the conversation)."""
    reset_button: Text
    running: Text
    paused: Text
    ready: Text
    time_up: Text
    round_gone: Text


class ChecklistTexts(ContentModel):
    title: Text
    reminders: Text
    """Above the scenario's points for the observator."""
    rating_label: Text
    not_rated: Text
    example_label: Text


class RoleplayPart(Part):
    roles: Roles
    soorten: Soorten
    start: StartTexts
    round: RoundTexts
    next_round: NextRoundTexts
    timer: TimerTexts
    checklist: ChecklistTexts
    ratings: Annotated[list[Text], Field(min_length=2, max_length=5)]
    """What the observator can answer per checklist point, from "seen" to "not seen"."""
    checklist_gesprek: Checklist
    checklist_facilitator: Checklist
    tip: TextField
    reflection_title: Text
    reflection_hint: Text
    earlier_reflections: Annotated[Text, placeholders("aantal")]
    """Above one's reflections on the earlier rounds, which stay readable."""
    reflection: Reflection
    feedback_title: Text
    feedback_share: Text
    """The checkbox under the feedback received: the trainer may read it."""
    feedback_empty: Text
    feedback_untitled: Text
    """The title of feedback whose scenario no longer exists."""
    feedback_round: Annotated[Text, placeholders("nummer")]
    feedback_from: Annotated[Text, placeholders("naam", "tijd")]
    feedback_someone: Text
    feedback_tip: Text

    @field_validator("checklist_gesprek", "checklist_facilitator")
    @classmethod
    def _unique_keys(cls, items: list[CheckItem]) -> list[CheckItem]:
        keys = [item.key for item in items]
        if doubles := sorted({k for k in keys if keys.count(k) > 1}):
            raise ValueError(f"key used more than once: {', '.join(doubles)}")
        return items


class TrainerPart(Part):
    conversations: Annotated[Text, placeholders("aantal")]
    no_conversations: Text
    report_done: Text
    quotes: Annotated[Text, placeholders("aantal")]
    roleplay: Annotated[Text, placeholders("aantal")]
    """Markdown."""
    trio: Annotated[Text, placeholders("namen", "nummer", "scenario", "naam")]
    no_trios: Text
    broken_scenarios: Text


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
    common: Common
    exercises: Dag3Exercises
    closing: str = ""
