"""Templates of ``exercises/dag2.yaml``: which ``{placeholders}`` a text may use, and the counts ("1 relatie").

Texts that Python completes (a name, a number) are templates: each one may use only the ``{placeholders}`` named
in its type, so a misspelt one is caught when the file is loaded instead of breaking the page.
"""

from __future__ import annotations

import re
import string
from typing import Annotated

from pydantic import AfterValidator

from wijwerken_widgets.content.schema import ContentModel, Text

COUNTED = {"stakeholders": "stakeholder", "relations": "relatie"}
"""Placeholders filled with a number in words (``counts`` of the YAML, via ``texts.counts``): "1 relatie"."""


def placeholders(*names: str) -> AfterValidator:
    """A validator: only ``{name}`` for the given ``names`` may appear between curly braces (use it as
    ``Annotated[Text, placeholders("naam")]``); a counted one (``COUNTED``) already holds its noun, so
    "{relations} relaties" is refused (it would read "1 relatie relaties")."""
    braces = [f"{{{name}}}" for name in names]
    allowed = braces[0] if len(braces) == 1 else f"{', '.join(braces[:-1])} of {braces[-1]}"

    def check(text: str) -> str:
        """The message is for a trainer (Dutch), like the rest of the YAML reporter's."""
        try:
            fields = [(field, spec, conversion) for _, field, spec, conversion in string.Formatter().parse(text)
                      if field is not None]
        except ValueError:
            raise ValueError(f"een accolade {{ of }} staat hier los; tussen accolades mag alleen {allowed}") from None
        for field, spec, conversion in fields:
            if field not in names or spec or conversion:
                shown = "{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
                raise ValueError(f"{shown} kan hier niet worden ingevuld; tussen accolades mag alleen {allowed}")
        for field, noun in COUNTED.items():
            if re.search(rf"\{{{field}\}}\s+{noun}", text, re.IGNORECASE):
                raise ValueError(f"{{{field}}} wordt al ingevuld met het woord erbij (zoals '1 {noun}', zie counts); "
                                 f"zet er niet nog eens '{noun}' achter")
        return text

    return AfterValidator(check)


Name = Annotated[Text, placeholders("naam")]
Who = Annotated[Text, placeholders("naam", "who")]
N = Annotated[Text, placeholders("n")]
NewUpdated = Annotated[Text, placeholders("new", "updated")]


class Count(ContentModel):
    """A number of things: ``one`` for exactly one, ``many`` (with ``{n}``) for any other number."""

    one: Text
    many: N


class Counts(ContentModel):
    stakeholders: Count
    relations: Count
