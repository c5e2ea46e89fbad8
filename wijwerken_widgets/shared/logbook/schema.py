"""The schema (pydantic) of ``exercises/logboek.yaml``: the logboek's texts on its own page and on every day."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from wijwerken_widgets.content.schema import ContentModel, Text


class LogbookContent(ContentModel):
    """``exercises/logboek.yaml``."""

    schema_version: Literal[1]
    title: Text
    """Title of the logboek's own page (``workbooks/logboek.ipynb``), reachable from the start page on every day."""
    intro: Text
    prompts: Annotated[dict[str, Annotated[list[Text], Field(min_length=1)]], Field(min_length=1)]
    """Reflection prompts per day (``dag1``, ``dag2``, ``dag3``, …, ``algemeen``); the page offers today's first."""
    sharing_help: Text
    shared_title: Text
    shared_empty: Text
    trainer_shared_title: Text
    trainer_shared_empty: Text
