"""The schema (pydantic) of ``exercises/maanden.yaml`` (the three months after Dag 4: monitoring, mini-interventies,
olievlek); loaded by ``content.loader``. The olievlek's part has its own module (``olievlek_schema.py``).

A text marked with ``placeholders(...)`` (``content.schema``) is one the workbook fills in (``{actie}``, ``{aantal}``
…): only the placeholders it names may appear.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from wijwerken_widgets.content.schema import ContentModel, Part, Phase, Text, TextField, placeholders
from wijwerken_widgets.pages.maanden.olievlek_schema import OlievlekPart
from wijwerken_widgets.shared.act.interventions import TEMPLATES
from wijwerken_widgets.shared.act.monitoring import STATUSES

Days = Annotated[int, Field(ge=1, le=365)]


def _complete(found: Mapping[str, Any], keys: tuple[str, ...], what: str) -> None:
    missing = [k for k in keys if k not in found]
    unknown = [k for k in found if k not in keys]
    if missing:
        raise ValueError(f"{what}: ontbreekt {', '.join(missing)}")
    if unknown:
        raise ValueError(f"{what}: onbekend {', '.join(unknown)} (kies uit {', '.join(keys)})")


class Owners(ContentModel):
    nobody: Text
    group: Text
    unknown: Text


class Common(ContentModel):
    """Words several parts of the page use, the statuses and when an action is still."""

    refresh_button: Text
    no_actions: Text
    unnamed_action: Annotated[Text, placeholders("nummer")]
    statuses: dict[str, Text]
    status_icons: dict[str, Text]
    no_status: Text
    still_after_days: dict[str, Days]
    """After how many days without a new status an action is still, per its last status (op_schema, hapert)."""
    still: Annotated[Text, placeholders("dagen")]
    still_icon: Text
    days_since: Annotated[Text, placeholders("dagen")]
    today: Text
    owners: Owners
    trainer_watching: Annotated[Text, placeholders("groep")]
    store_busy: Text

    @model_validator(mode="after")
    def _every_status(self) -> Common:
        _complete(self.statuses, STATUSES, "statuses")
        _complete(self.status_icons, STATUSES, "status_icons")
        unknown = [k for k in self.still_after_days if k not in STATUSES]
        if unknown:
            raise ValueError(f"still_after_days: onbekend {', '.join(unknown)}")
        return self


class SincePart(Part):
    previous_checkin: Annotated[Text, placeholders("datum", "aantal")]
    no_previous_checkin: Annotated[Text, placeholders("aantal")]
    status_label: Annotated[Text, placeholders("actie")]
    note_label: Annotated[Text, placeholders("actie")]
    note_placeholder: str = ""
    contact_label: Text
    save_button: Text
    saved: Annotated[Text, placeholders("actie", "stand")]
    note_too_long: Annotated[Text, placeholders("maximum")]
    too_many_updates: Annotated[Text, placeholders("maximum")]
    since_mark: Text
    last_update: Annotated[Text, placeholders("stand", "wanneer", "door")]


class MonitoringColumns(ContentModel):
    actie: Text
    eigenaar: Text
    stand: Text
    sinds: Text
    eind: Text
    standen: Text


class ProgressColumns(ContentModel):
    week: Text
    gepland: Text
    klaar: Text


class MonitoringPart(Part):
    table_title: Text
    columns: MonitoringColumns
    timeline_title: Text
    timeline_empty: Text
    timeline_caption: Text
    progress_title: Text
    progress_caption: Text
    progress_columns: ProgressColumns
    progress_empty: Text
    history_title: Text
    history_choose: Text
    history_empty: Text
    history_line: Annotated[Text, placeholders("datum", "stand", "door")]
    contact_yes: Text
    contact_no: Text
    intervention_mark: Text
    owner_title: Text
    owner_label: Annotated[Text, placeholders("actie")]
    owner_button: Text
    owner_saved: Annotated[Text, placeholders("actie", "eigenaar")]
    owner_same: Text
    guard_title: Text
    guard_text: Annotated[Text, placeholders("eigenaar")]
    """Markdown: why the solution should stay with the stakeholders."""
    guard_reason: Text
    guard_reason_placeholder: str = ""
    guard_confirm: Text
    guard_cancel: Text
    guard_reason_missing: Text
    guard_note: Annotated[Text, placeholders("door", "reden")]


class Template(ContentModel):
    name: Text
    text: Text
    """Markdown: what you do and the questions that help."""


class InterventionsPart(Part):
    stalled_title: Text
    stalled_none: Text
    stalled_line: Annotated[Text, placeholders("actie", "stand")]
    choose_action: Text
    template_label: Text
    templates: dict[str, Template]
    wie: TextField
    wanneer: Text
    hoop: TextField
    opvolgen: Text
    date_hint: Text
    date_invalid: Annotated[Text, placeholders("waarde")]
    save_button: Text
    saved: Annotated[Text, placeholders("actie")]
    missing: Annotated[Text, placeholders("velden")]
    too_many: Annotated[Text, placeholders("maximum")]
    open_title: Text
    open_none: Text
    open_line: Annotated[Text, placeholders("sjabloon", "actie", "wie", "wanneer", "opvolgen")]
    done_line: Annotated[Text, placeholders("sjabloon", "actie", "uitkomst")]
    outcome_label: Text
    outcome_status: Text
    outcome_button: Text
    outcome_missing: Text
    outcome_saved: Annotated[Text, placeholders("actie")]
    outcome_note: Annotated[Text, placeholders("sjabloon", "uitkomst")]
    follow_up_due: Text

    @model_validator(mode="after")
    def _every_template(self) -> InterventionsPart:
        _complete(self.templates, TEMPLATES, "templates")
        return self


class CalendarPart(Part):
    checkins_title: Text
    checkin_line: Annotated[Text, placeholders("datum")]
    next_mark: Text
    past_mark: Text
    due_title: Text
    due_none: Text
    due_line: Annotated[Text, placeholders("datum", "actie", "eigenaar")]
    checkin_event: Text
    checkin_description: str = ""
    due_event: Annotated[Text, placeholders("actie")]
    due_description: Annotated[str, placeholders("groep", "eigenaar")] = ""
    reminder: Annotated[Text, placeholders("titel")]
    calendar_name: Annotated[Text, placeholders("groep")]
    download_button: Text
    download_label: Annotated[Text, placeholders("bestand")]
    file_name: Annotated[str, Field(pattern=r"^[a-z0-9-]+$")]
    failed: Text


class TrainerPart(Part):
    no_groups: Text
    group_line: Annotated[Text, placeholders("groep", "acties", "klaar", "hapert", "stil", "interventies")]
    open_group: Annotated[Text, placeholders("groep")]


class MaandenExercises(ContentModel):
    since: SincePart
    monitoring: MonitoringPart
    interventions: InterventionsPart
    calendar: CalendarPart
    olievlek: OlievlekPart
    logbook: Part
    """Title and instruction of the logboek on this page; its texts are in ``logboek.yaml``."""
    trainer: TrainerPart


class MaandenContent(ContentModel):
    """``exercises/maanden.yaml``: the three months after Dag 4."""

    schema_version: Literal[1]
    phase: Phase
    title: Text
    intro: Text
    no_group: Text
    common: Common
    exercises: MaandenExercises
    closing: str = ""
