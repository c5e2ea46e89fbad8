"""The schema of the ``feedback`` part of ``exercises/dag4.yaml``: terugleggen (giving the picture back)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from wijwerken_widgets.content.schema import ContentModel, Part, Text, TextField, placeholders


class AnonymityTexts(ContentModel):
    """How a quote is shown without naming anyone (``shared/act/anonymise.py``)."""

    threshold: Annotated[int, Field(ge=2, le=20)]
    """From how many distinct conversations a functie or soort may be shown (fewer: one step vaguer)."""
    somebody: Text
    """The vaguest descriptor ("een betrokkene")."""
    colleague: Text
    """What the name of a person of the leergang becomes in a text ("een collega")."""
    in_text: Annotated[Text, placeholders("wie")]
    """How a name replaced inside a quote is marked ("[{wie}]")."""
    not_names: list[str] = []
    """First words of a name that are no name (articles, titles: "de", "wethouder"), in any case."""


class ProjectorTexts(ContentModel):
    """The large view for the projector."""

    present_button: Text
    stop_button: Text
    hint: Text
    title: Text
    quote_by: Annotated[Text, placeholders("wie")]
    no_quotes: Text


class ExampleTexts(ContentModel):
    """The quotes that stand for a rode draad, and choosing them."""

    title: Text
    picked: Text
    """The quotes were picked by the workbook (none chosen)."""
    chosen: Text
    none: Text
    choose_button: Text
    close_button: Text
    choose_label: Annotated[Text, placeholders("maximum")]
    too_many: Annotated[Text, placeholders("maximum")]
    option: Annotated[Text, placeholders("tekst", "wie")]


class ResponseTexts(ContentModel):
    """What the people involved said back, per rode draad."""

    title: Text
    herkenning: Text
    """The label of the choice: do they recognise it?"""
    herkenning_options: Annotated[list[Text], Field(min_length=4, max_length=4)]
    """Not asked yet, recognised, partly, not recognised."""
    aanvulling: TextField
    veranderd: TextField


class SummaryTexts(ContentModel):
    """What changed after the picture was given back."""

    title: Text
    intro: Text
    empty: Text
    herkenning: Annotated[Text, placeholders("herkenning")]
    aanvulling: Text
    renamed: Annotated[Text, placeholders("van", "naar")]
    defined: Text
    linked: Annotated[Text, placeholders("aantal")]
    unlinked: Annotated[Text, placeholders("aantal")]
    unchosen: Text
    unchanged: Text
    veranderd: Text


class SubstitutionTexts(ContentModel):
    """For trainers: every replacement, to check the anonymising."""

    title: Text
    intro: Text
    none: Text
    quote: Annotated[Text, placeholders("nummer")]
    theme: Text
    descriptor: Text
    name_in_text: Text
    line: Annotated[Text, placeholders("waar", "soort", "origineel", "getoond")]


class FeedbackPart(Part):
    no_chosen: Text
    """No rode draad has been chosen yet (``vote``)."""
    anonymity: AnonymityTexts
    projector: ProjectorTexts
    examples: ExampleTexts
    response: ResponseTexts
    summary: SummaryTexts
    substitutions: SubstitutionTexts
