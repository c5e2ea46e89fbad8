"""The schema pieces every content file shares (pydantic): text, input fields, titled parts, coaching messages.

Unknown keys are errors, so a typo is caught with file, line and field. Longer texts are Markdown. Each page has its
own schema beside it (``pages/<page>/schema.py``); pages never import a schema: ``content.loader`` validates a file
against it only when the file or the schema changed.
"""

from __future__ import annotations

import string
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

Text = Annotated[str, Field(min_length=1)]
"""Participant-facing text (plain or Markdown); never empty."""


def placeholders(*names: str) -> AfterValidator:
    """For text the workbook fills in with ``str.format`` (``Annotated[Text, placeholders("naam")]``): it may hold
    the placeholders ``{name}`` of ``names`` (each optional) and no others, so a trainer's typo is reported when the
    file loads, not when the text is shown."""
    allowed = ", ".join(f"{{{name}}}" for name in names)

    def check(text: str) -> str:
        # The messages are for a trainer (Dutch), like every content error.
        try:
            found = {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
        except ValueError:
            raise ValueError("een { zonder } (of andersom); schrijf {{ of }} voor een accolade zelf") from None
        if unknown := sorted(found - set(names)):
            shown = ", ".join(f"{{{name}}}" for name in unknown)
            where = f"hier alleen {allowed}" if names else "hier niets"
            raise ValueError(f"{shown} kan het werkboek niet invullen; tussen accolades mag {where}")
        return text

    return AfterValidator(check)


Phase = Literal["Look", "Think", "Act"]
VraagstukKind = Literal["extern", "intern"]


class ContentModel(BaseModel):
    """Base for every content model: unknown keys are errors and loaded content is read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- shared pieces -----------------------------------------------------------------------------------------


class TextField(ContentModel):
    """One input box: its label, the grey example text inside it, and an optional help text (Markdown)."""

    label: Text
    placeholder: str = ""
    help: str = ""


class Section(ContentModel):
    """A titled block of Markdown."""

    title: Text
    text: Text


class PilotExample(ContentModel):
    """A worked example, with where it comes from (e.g. "Geïnspireerd op de pilot in Brielle")."""

    source: Text
    vraagstuk: VraagstukKind
    text: Text
    why: Text


class Improvement(ContentModel):
    """A weaker hoofdvraag, a better one, and why the second works better."""

    before: Text
    after: Text
    why: Text


class Part(ContentModel):
    """A titled block of a page (one exercise, or a view): its title and instruction (Markdown)."""

    title: Text
    instruction: Text


class Message(ContentModel):
    """A coaching message and an optional better example. ``{signaal}`` is replaced by the words found."""

    message: Text
    example: str | None = None
