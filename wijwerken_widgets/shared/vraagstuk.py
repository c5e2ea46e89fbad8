"""The participant's vraagstuk as the later days read it: the Dag 1 answers they build on, by one key each.

Dag 1 registers and saves these (``pages/dag1/keys.py``); a later page reads them through these constants, since a
page never imports another page. :func:`read` gives them as one :class:`Vraagstuk`, with the cohort's own text where
the participant stored no description of their own (as the Dag 1 card shows it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wijwerken_widgets.ui.context import Context

HOOFDVRAAG = "dag1.hoofdvraag"
"""The open main question of Dag 1; Dag 3's suggested conversation questions start from it."""
VRAAGSTUK_KIND = "dag1.vraagstuk.soort"
VRAAGSTUK_DESCRIPTION = "dag1.vraagstuk.beschrijving"
PROBLEEM = "dag1.probleem"
DOEL = "dag1.doel"
PREFIX = "dag1."


@dataclass(frozen=True)
class Vraagstuk:
    """The kind (``extern``/``intern``), the description, probleem, doel and hoofdvraag (empty when not written)."""

    kind: str = "extern"
    description: str = ""
    probleem: str = ""
    doel: str = ""
    hoofdvraag: str = ""


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def read(ctx: Context) -> Vraagstuk:
    """The logged-in participant's vraagstuk from their stored Dag 1 answers and the cohort settings."""
    answers = {key: version.value for key, version in ctx.store.latest_answers(ctx.person.id, PREFIX).items()}
    kind = _text(answers.get(VRAAGSTUK_KIND)) or (ctx.group.vraagstuk if ctx.group is not None else "extern")
    description = answers.get(VRAAGSTUK_DESCRIPTION)
    if not isinstance(description, str):
        settings = (ctx.cohort.settings if ctx.cohort else {}) or {}
        own = (settings.get("vraagstukken") or {}).get(kind) or {}
        description = "\n\n".join(part for part in (own.get("titel"), own.get("probleem")) if part)
    return Vraagstuk(kind, description, _text(answers.get(PROBLEEM)), _text(answers.get(DOEL)),
                     _text(answers.get(HOOFDVRAAG)))
