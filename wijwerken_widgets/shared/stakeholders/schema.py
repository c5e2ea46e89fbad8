"""The schema (pydantic) of ``exercises/stakeholderkaart.yaml``: what the stakeholder map says when input is wrong.

The checks of one stakeholder or relation (``model.py``) and the problems of an imported file or pasted list
(``table_rows.py``, ``table_import.py``), shown to participants on Dag 2. Loaded by ``texts.py`` only when a message
is made; never imported by a page kernel (see ``content.loader``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from wijwerken_widgets.content.schema import ContentModel, Text, placeholders

Where = Annotated[Text, placeholders("plek")]


class FieldNames(ContentModel):
    """How each field is called inside a message (``{veld}`` of the checks)."""

    soort: Text
    positie: Text
    invloed: Text
    belang: Text
    houding: Text
    energie_nu: Text
    energie_gewenst: Text
    relatie: Text
    sterkte: Text


class Checks(ContentModel):
    """Why one stakeholder or relation cannot be saved as it is (``model.py``)."""

    missing_choice: Annotated[Text, placeholders("veld")]
    invalid_choice: Annotated[Text, placeholders("waarde", "veld", "keuzes")]
    invalid_score: Annotated[Text, placeholders("veld", "van", "tot", "waarde")]
    no_name: Text
    name_too_long: Annotated[Text, placeholders("max")]
    functie_too_long: Annotated[Text, placeholders("max")]
    note_too_long: Annotated[Text, placeholders("max")]
    relation_ends: Text
    relation_to_itself: Text


class RowTexts(ContentModel):
    """Problems of the rows of a file or pasted list (``table_rows.py``); each row problem starts with ``{plek}``."""

    row: Annotated[Text, placeholders("n")]
    line: Annotated[Text, placeholders("n")]
    sheet_row: Annotated[Text, placeholders("blad", "n")]
    unused_columns: Annotated[Text, placeholders("kolommen")]
    no_relation_columns: Text
    no_name_column: Text
    unknown_type: Annotated[Text, placeholders("plek", "type")]
    invalid_row: Annotated[Text, placeholders("plek", "melding")]
    merged: Annotated[Text, placeholders("plek", "naam", "eerder")]
    relation_ends: Where
    relation_to_itself: Annotated[Text, placeholders("plek", "van")]
    relation_twice: Annotated[Text, placeholders("plek", "soort", "van", "naar", "eerder")]


class FileTexts(ContentModel):
    """A file that cannot be read at all (``table_import.py``)."""

    csv_unreadable: Text
    excel_unreadable: Text
    old_excel: Text


class FittingTexts(ContentModel):
    """Imported relations whose stakeholders are looked up on the map (``table_import.resolve_relations``)."""

    one_missing: Annotated[Text, placeholders("van", "naar", "naam")]
    both_missing: Annotated[Text, placeholders("van", "naar")]
    invalid: Annotated[Text, placeholders("van", "naar", "melding")]


class StakeholderMapContent(ContentModel):
    """``exercises/stakeholderkaart.yaml``."""

    schema_version: Literal[1]
    fields: FieldNames
    checks: Checks
    rows: RowTexts
    files: FileTexts
    fitting: FittingTexts
