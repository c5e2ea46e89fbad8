"""The schema of the ``olievlek`` part of ``exercises/maanden.yaml``: passing Wij-Werken on to ten colleagues."""

from __future__ import annotations

from typing import Annotated

from pydantic import model_validator

from wijwerken_widgets.content.schema import ContentModel, Part, Text, TextField, placeholders
from wijwerken_widgets.shared.act.olievlek import WAYS


class OlievlekForm(ContentModel):
    """The entry form: its fields, its button and what it says about what was typed."""

    title: Text
    met: TextField
    aantal: Text
    aantal_hint: Annotated[Text, placeholders("maximum")]
    datum: Text
    date_hint: Text
    hoe: Text
    meegenomen: TextField
    add_button: Text
    added: Annotated[Text, placeholders("met", "aantal")]
    missing: Annotated[Text, placeholders("velden")]
    too_long: Annotated[Text, placeholders("veld", "maximum")]
    date_invalid: Annotated[Text, placeholders("waarde")]
    date_future: Annotated[Text, placeholders("datum")]
    aantal_invalid: Annotated[Text, placeholders("maximum")]
    too_many: Annotated[Text, placeholders("maximum")]
    name_hint: Text
    """Shown (never blocking) when what was typed at "met wie" looks like a person's name."""
    role_words: list[str]
    """Words that make "met wie" a role or team, not a name (lower case): "team", "collega's" …"""
    name_particles: list[str]
    """The small words inside Dutch surnames ("de", "van" …): "Jan de Vries" still looks like a name."""


class OlievlekMine(ContentModel):
    """The member's own entries: the list, and changing or removing one."""

    title: Text
    empty: Text
    entry_line: Annotated[Text, placeholders("datum", "met", "aantal", "hoe")]
    edit_title: Text
    choose: Text
    remove_button: Text
    confirm_remove: Text
    removed: Annotated[Text, placeholders("met")]
    undo_button: Text
    restored: Annotated[Text, placeholders("met")]
    not_yours: Text


class OlievlekProgress(ContentModel):
    """Progress towards the aim, per member and for the group."""

    title: Text
    member_line: Annotated[Text, placeholders("naam", "aantal", "doel")]
    you: Text
    reached: Text
    group_line: Annotated[Text, placeholders("aantal", "doel")]
    group_reached: Annotated[Text, placeholders("bereikt", "leden", "doel")]
    per_way: Text
    way_count: Annotated[Text, placeholders("hoe", "aantal")]


class OlievlekTotals(ContentModel):
    """The trainer's totals of every group of the cohort."""

    intro: Text
    refresh_button: Text
    no_groups: Text
    caption: Text
    group: Text
    reached: Text
    reached_cell: Annotated[Text, placeholders("bereikt", "leden")]
    colleagues: Text
    entries: Text
    open_group: Annotated[Text, placeholders("groep")]
    back: Text


class OlievlekPart(Part):
    """Title and instruction; the entry form, the member's own entries, progress and the trainer's totals."""

    ways: dict[str, Text]
    """The four ways of sharing (gesprek, werkoverleg, presentatie, actie), as the lists show them."""
    colleague_one: Text
    colleague_many: Annotated[Text, placeholders("aantal")]
    form: OlievlekForm
    mine: OlievlekMine
    progress: OlievlekProgress
    totals: OlievlekTotals

    @model_validator(mode="after")
    def _every_way(self) -> OlievlekPart:
        missing = [w for w in WAYS if w not in self.ways]
        unknown = [w for w in self.ways if w not in WAYS]
        if missing:
            raise ValueError(f"ways: ontbreekt {', '.join(missing)}")
        if unknown:
            raise ValueError(f"ways: onbekend {', '.join(unknown)} (kies uit {', '.join(WAYS)})")
        return self
