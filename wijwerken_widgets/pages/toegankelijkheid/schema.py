"""The schema (pydantic) of ``exercises/toegankelijkheid.yaml``: what was done for accessibility, and what not yet."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from wijwerken_widgets.content.schema import ContentModel, Section, Text


class AccessibilityContent(ContentModel):
    """``exercises/toegankelijkheid.yaml``: the page, in titled Markdown sections."""

    schema_version: Literal[1]
    title: Text
    intro: Text
    sections: Annotated[list[Section], Field(min_length=1)]
