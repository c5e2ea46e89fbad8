"""The participant's vraagstuk as the later days read it: the Dag 1 answers they build on, by one key each.

Dag 1 registers and saves these (``pages/dag1/keys.py``); a later page reads them through these constants, since a
page never imports another page. :func:`read` gives them as one :class:`Vraagstuk`, with the cohort's own text where
the participant stored no description of their own (as the Dag 1 card shows it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wijwerken_widgets.store import Cohort, Group, Person, Store
    from wijwerken_widgets.ui.context import Context

HOOFDVRAAG = "dag1.hoofdvraag"
"""The open main question of Dag 1; Dag 3's suggested conversation questions start from it."""
VRAAGSTUK_KIND = "dag1.vraagstuk.soort"
VRAAGSTUK_DESCRIPTION = "dag1.vraagstuk.beschrijving"
PROBLEEM = "dag1.probleem"
DOEL = "dag1.doel"
AANNAMES = "dag1.aannames"
WAAROM = "dag1.waarom"
PERSPECTIEVEN = "dag1.perspectieven"
"""The rest of the summary card (:func:`summary_for`): assumptions, the why chain, perspectives."""
PREFIX = "dag1."


@dataclass(frozen=True)
class Vraagstuk:
    """The kind (``extern``/``intern``), the description, probleem, doel and hoofdvraag (empty when not written)."""

    kind: str = "extern"
    description: str = ""
    probleem: str = ""
    doel: str = ""
    hoofdvraag: str = ""


@dataclass(frozen=True)
class VraagstukSummary:
    """The Dag 1 summary card's facts: the vraagstuk plus the assumptions to check, the underlying cause and the
    perspectives of others (rows as stored, empty rows left out)."""

    kind: str
    description: str
    probleem: str = ""
    doel: str = ""
    hoofdvraag: str = ""
    assumptions: list[dict] = field(default_factory=list)
    underlying: str = ""
    perspectives: list[dict] = field(default_factory=list)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _rows(value: Any) -> list[dict]:
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


def read(ctx: Context) -> Vraagstuk:
    """The logged-in participant's vraagstuk from their stored Dag 1 answers and the cohort settings."""
    return read_for(ctx.store, ctx.person, ctx.group, ctx.cohort)


def read_for(store: Store, person: Person, group: Group | None, cohort: Cohort | None) -> Vraagstuk:
    """``person``'s vraagstuk (in ``group`` of ``cohort``) from their stored Dag 1 answers and the cohort settings."""
    found = summary_for(store, person, group, cohort)
    return Vraagstuk(found.kind, found.description, found.probleem, found.doel, found.hoofdvraag)


def summary_for(store: Store, person: Person, group: Group | None, cohort: Cohort | None) -> VraagstukSummary:
    """Everything the Dag 1 summary card shows of ``person``: stored answers, with the cohort's texts where nothing
    is stored yet (a trainer's page reads a participant's card with this too)."""
    answers = {key: version.value for key, version in store.latest_answers(person.id, PREFIX).items()}
    kind = _text(answers.get(VRAAGSTUK_KIND)) or (group.vraagstuk if group is not None else "extern")
    description = answers.get(VRAAGSTUK_DESCRIPTION)
    if not isinstance(description, str):
        settings = (cohort.settings if cohort else {}) or {}
        own = (settings.get("vraagstukken") or {}).get(kind) or {}
        description = "\n\n".join(part for part in (own.get("titel"), own.get("probleem")) if part)
    why = answers.get(WAAROM)
    return VraagstukSummary(
        kind=kind, description=description, probleem=_text(answers.get(PROBLEEM)), doel=_text(answers.get(DOEL)),
        hoofdvraag=_text(answers.get(HOOFDVRAAG)),
        assumptions=[r for r in _rows(answers.get(AANNAMES)) if any(_text(v).strip() for v in r.values())],
        underlying=_text(why.get("oorzaak")) if isinstance(why, dict) else "",
        perspectives=[r for r in _rows(answers.get(PERSPECTIEVEN)) if _text(r.get("who")).strip()],
    )
