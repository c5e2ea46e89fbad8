"""The schema (pydantic) of ``exercises/groepswerk.yaml``: the trainer page "Werk van de groepen"; loaded by
``content.loader``. Every text on the page is here, down to the column headers of the downloads' tables."""

from __future__ import annotations

from typing import Annotated, Literal

from wijwerken_widgets.content.schema import ContentModel, Part, Text, placeholders


class ChooserPart(Part):
    current: Annotated[Text, placeholders("groep", "cohort")]
    nav_label: Text
    no_groups: Text


class Kinds(ContentModel):
    extern: Text
    intern: Text


class CardLabels(ContentModel):
    vraagstuk: Text
    description: Text
    probleem: Text
    doel: Text
    hoofdvraag: Text
    assumptions: Text
    underlying: Text
    perspectives: Text


class VraagstukkenPart(Part):
    file_name: Text
    kinds: Kinds
    labels: CardLabels
    coaching_title: Text
    good: Text
    tip: Text


class MapColumns(ContentModel):
    naam: Text
    functie: Text
    soort: Text
    positie: Text
    invloed: Text
    belang: Text
    houding: Text
    energie: Text
    notitie: Text
    van: Text
    naar: Text
    relatie: Text
    sterkte: Text


class KaartPart(Part):
    file_name: Text
    empty: Text
    caption: Annotated[Text, placeholders("groep")]
    relations_caption: Annotated[Text, placeholders("groep")]
    no_relations: Text
    columns: MapColumns


class PlanLabels(ContentModel):
    wie: Text
    wanneer: Text
    doel: Text
    vragen: Text
    opening: Text
    luisteren: Text
    afsluiten: Text


class ReportLabels(ContentModel):
    toestemming: Text
    notities: Text
    energie: Text
    verrassingen: Text
    vervolg: Text


class Consent(ContentModel):
    onbekend: Text
    ja: Text
    nee: Text


class RoleplayFeedback(ContentModel):
    """Role-play feedback a gespreksvoerder shared with the trainer (Dag 3)."""

    title: Text
    none: Text
    round: Annotated[Text, placeholders("nummer", "naam")]
    someone: Text
    tip: Text


class GesprekkenPart(Part):
    file_name: Text
    empty: Text
    heading: Annotated[Text, placeholders("stakeholder")]
    nobody: Text
    plan_labels: PlanLabels
    report_labels: ReportLabels
    consent: Consent
    no_report: Text
    quotes: Text
    quotes_withheld: Text
    roleplay: RoleplayFeedback


class Recognition(ContentModel):
    herkennen: Text
    deels: Text
    niet: Text


class ActionLabels(ContentModel):
    wat: Text
    waarom: Text
    eigenaar: Text
    met_wie: Text
    start: Text
    eind: Text
    nodig: Text
    merkbaar: Text


class RodeDradenPart(Part):
    file_name: Text
    empty: Text
    themes_title: Text
    chosen: Text
    wel: Text
    niet: Text
    reaction: Text
    recognition: Recognition
    added: Text
    changed: Text
    no_themes: Text
    actions_title: Text
    no_actions: Text
    action_labels: ActionLabels
    whole_group: Text
    no_owner: Text


class LogboekPart(Part):
    file_name: Text
    empty: Text


class Exercises(ContentModel):
    chooser: ChooserPart
    vraagstukken: VraagstukkenPart
    kaart: KaartPart
    gesprekken: GesprekkenPart
    rode_draden: RodeDradenPart
    logboek: LogboekPart


class GroepswerkContent(ContentModel):
    """``exercises/groepswerk.yaml``."""

    schema_version: Literal[1]
    title: Text
    intro: Text
    refused: Text
    refresh_button: Text
    missing: Text
    no_members: Text
    download_markdown: Text
    download_csv: Text
    download_xlsx: Text
    download_failed: Text
    file_heading: Annotated[Text, placeholders("onderdeel", "groep")]
    exercises: Exercises
