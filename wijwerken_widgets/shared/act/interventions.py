"""Mini-interventies: when an action stalls, a short plan that helps its stakeholders find their own way again —
without the group taking the action over.

An :class:`Interventie` is one item of the ``"act"`` space (kind ``"interventie"``), made from a method template
(the template keys are :data:`TEMPLATES`; their Dutch names, questions and help live in the page's YAML). Its
outcome goes back into the action's history as a status update (``monitoring.Status``) that names it.
:func:`takes_over` is the "niet overnemen" guard. Pure: no widgets, no store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from wijwerken_widgets.shared.act.monitoring import STALLING, Stillness, parse_day
from wijwerken_widgets.shared.item_types import Item, mapping, text, whole

TEMPLATES = ("dad", "vijftien_procent", "troika", "eigen")
"""The method templates: a Discovery & Action Dialogue ("wie heeft dit wél voor elkaar gekregen?"), the 15 %
question, a troika consult, and a plan of the group's own."""
OPEN, DONE = "open", "afgerond"


@dataclass(frozen=True)
class Interventie(Item):
    """A mini-interventie for action ``actie_id``: its template (one of :data:`TEMPLATES`), who does it with whom
    (``wie``), when (``wanneer``, ISO date), what we hope the stakeholders discover (``hoop``), the follow-up date
    (``opvolgen``), and afterwards its outcome (``uitkomst``; the intervention is done once ``afgerond``).
    ``door`` is the member who started it (a person id)."""

    KIND: ClassVar[str] = "interventie"
    FIXED: ClassVar[tuple[str, ...]] = ("actie_id", "sjabloon", "door")
    TEXTS: ClassVar[tuple[str, ...]] = ("wie", "hoop", "uitkomst")

    id: str
    actie_id: str = ""
    sjabloon: str = "dad"
    wie: str = ""
    wanneer: str = ""
    hoop: str = ""
    opvolgen: str = ""
    uitkomst: str = ""
    afgerond: bool = False
    door: int | None = None

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Interventie:
        data = mapping(data)
        template = data.get("sjabloon")
        return cls(id=item_id, actie_id=text(data.get("actie_id")),
                   sjabloon=template if template in TEMPLATES else "eigen",
                   **{name: text(data.get(name)) for name in cls.TEXTS},
                   wanneer=_iso(data.get("wanneer")), opvolgen=_iso(data.get("opvolgen")),
                   afgerond=data.get("afgerond") is True, door=whole(data.get("door")))

    @property
    def state(self) -> str:
        return DONE if self.afgerond else OPEN


def _iso(value: Any) -> str:
    day = parse_day(value)
    return day.isoformat() if day else ""


def needs_intervention(stillness: Stillness) -> bool:
    """Whether an action should prompt a mini-interventie: its last update says "hapert", or it has gone still."""
    return stillness.status == STALLING or stillness.still


def takes_over(owner_kind: str, new_owner_kind: str, new_owner: str, person_id: int, stalled: bool) -> bool:
    """The "niet overnemen" guard: does this reassignment make the member ``person_id`` the owner of a stalled
    action that was a stakeholder's (or the whole group's)? Then the page explains why the solution should stay
    with the stakeholders and asks for a reason before it saves."""
    return (stalled and owner_kind in ("stakeholder", "groep") and new_owner_kind == "deelnemer"
            and new_owner == str(person_id))
