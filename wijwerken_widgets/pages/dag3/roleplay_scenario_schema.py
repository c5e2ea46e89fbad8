"""The schema (pydantic) of one role-play scenario (``exercises/rollenspel/*.yaml``); loaded by ``scenarios.py``.

A scenario is played in a trio: the gespreksvoerder leads the conversation (or facilitates the group), the
gesprekspartner plays the other person (or the group) from a private role card, and the observator watches.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator

from wijwerken_widgets.content.schema import ContentModel, Text

Soort = Literal["gesprek", "facilitator"]
"""``gesprek``: a one-to-one conversation; ``facilitator``: leading a group that must find its own answers."""


class Scenario(ContentModel):
    """One role-play scenario: what everyone reads, what only the gesprekspartner reads, and what to watch for."""

    schema_version: Literal[1]
    titel: Text
    soort: Soort
    korte_omschrijving: Annotated[str, Field(min_length=1, max_length=160)]
    """One line for the scenario picker."""
    situatie: Text
    """Markdown: the situation everyone in the trio reads."""
    rolkaart: Text
    """Markdown: the private role card, only for the gesprekspartner."""
    opdracht_gespreksvoerder: Text
    """Markdown: what the one who leads the conversation (or the group) tries to do."""
    aandachtspunten_observator: Annotated[list[Text], Field(min_length=1)]
    duur_minuten: Annotated[int, Field(ge=3, le=30)] = 8
    bron: str | None = None
    """Where the scenario comes from, e.g. "Geïnspireerd op de pilot in Sittard-Geleen"."""

    @field_validator("aandachtspunten_observator", mode="before")
    @classmethod
    def _no_pairs(cls, items: object) -> object:
        """``- Let op: iets`` is read by YAML as a pair, not a text; say so instead of "not a valid string"."""
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                raise ValueError(
                    f'item [{index}] contains ": ", so YAML read it as "name: value"; '
                    "put the whole line between double quotes"
                )
        return items

    @field_validator("korte_omschrijving")
    @classmethod
    def _one_line(cls, text: str) -> str:
        text = text.strip()
        if "\n" in text:
            raise ValueError(
                "must be one line (it is shown in the list of scenarios); put the rest in situatie"
            )
        if not text:
            raise ValueError("must not be empty")
        return text

    @field_validator("rolkaart")
    @classmethod
    def _private(cls, rolkaart: str, info: ValidationInfo) -> str:
        if rolkaart.strip() == str(info.data.get("situatie", "")).strip():
            raise ValueError(
                "is the same as situatie; the role card holds what only the gesprekspartner knows"
            )
        return rolkaart
