"""The schema (pydantic) of ``exercises/kruisbestuiving.yaml``: the trainers' page "Kruisbestuiving"; loaded by
``content.loader``."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from wijwerken_widgets.content.schema import ContentModel, Part, Text, placeholders


class Anonymity(ContentModel):
    """How names in shared text are replaced (``shared/act/anonymise.py``)."""

    somebody: Text
    colleague: Text
    in_text: Annotated[Text, placeholders("wie")]
    not_names: list[str] = []


class OverviewPart(Part):
    below_threshold: Annotated[Text, placeholders("aantal", "minimum")]
    count: Annotated[Text, placeholders("aantal", "gemeenten")]
    region_label: Annotated[Text, placeholders("gemeente")]
    contribution: Annotated[Text, placeholders("nummer")]
    themes_title: Text
    actions_title: Text
    no_themes: Text
    no_actions: Text
    unknown_gemeente: Text


class DownloadsPart(Part):
    markdown_button: Text
    html_button: Text
    file_name: Annotated[str, Field(pattern=r"^[a-z0-9_-]{1,60}$")]
    made_on: Annotated[Text, placeholders("datum")]
    failed: Text


class Exercises(ContentModel):
    overview: OverviewPart
    downloads: DownloadsPart


class KruisbestuivingContent(ContentModel):
    """``exercises/kruisbestuiving.yaml``."""

    schema_version: Literal[1]
    title: Text
    intro: Text
    refused: Text
    min_groups: Annotated[int, Field(ge=3, le=100)]
    """The k of the k-rule: nothing is shown or exported until at least this many groups have shared."""
    refresh_button: Text
    anonymity: Anonymity
    exercises: Exercises
