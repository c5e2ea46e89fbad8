"""The schema (pydantic) of ``exercises/logboek.yaml``: the logboek's texts on its own page and on every day."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from wijwerken_widgets.content.schema import ContentModel, Text, placeholders


class PerSharing(ContentModel):
    """One text per sharing level of an entry (``store.schema.SHARING``)."""

    prive: Text
    trainer: Text
    groep: Text


class Readers(PerSharing):
    """Who can read an entry, per sharing level; ``of_a_trainer`` for a trainer's own shared entries."""

    of_a_trainer: Text


class ExportTexts(ContentModel):
    """The trainer's download of the entries shared with them."""

    trainers_only: Text
    intro: Text
    csv_button: Text
    excel_button: Text
    failed: Text


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
    no_group_shared: Text
    refresh_button: Text
    day: Annotated[Text, placeholders("nummer")]
    """How an entry's day (``dag3``) is called; other days (``algemeen``) are shown capitalised."""
    writer_title: Text
    prompt_label: Text
    text_label: Text
    free_prompt: Text
    """The last choice of prompt: writing without one (stored as an empty prompt)."""
    placeholder: Text
    sharing_label: Text
    sharing_options: PerSharing
    no_group_help: Text
    add_button: Text
    empty_entry: Text
    not_saved: Text
    added: Text
    readers: Readers
    own_title: Text
    own_empty: Text
    own_unreadable: Text
    free_written: Text
    """Shown instead of the prompt above an entry written without one."""
    shared_with: PerSharing
    edit_older: Annotated[Text, placeholders("aantal")]
    remove_button: Text
    remove_confirm: Text
    not_removed: Text
    removed: Text
    author_trainer: Text
    author_no_group: Text
    export: ExportTexts
