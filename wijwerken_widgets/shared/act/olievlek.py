"""The olievlek: each participant passes Wij-Werken on to at least ten colleagues.

An :class:`Olievlek` is one entry (kind ``"olievlek"`` of the group's ``"act"`` space): with whom a member shared it —
a role or team, never a name —, how many colleagues that was, when, how (one of :data:`WAYS`) and what they took from
it. :func:`progress` counts per member and for the group. Pure: no widgets, no store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from wijwerken_widgets.shared.act.monitoring import parse_day
from wijwerken_widgets.shared.item_types import Item, mapping, text, whole

WAYS = ("gesprek", "werkoverleg", "presentatie", "actie")
"""How it was shared: a conversation, a team meeting, a presentation, or taking part in an action."""
AIM = 10
"""The programme's aim: at least ten colleagues per participant."""
MAX_COLLEAGUES = 200
"""At most this many colleagues in one entry (a large presentation)."""
MAX_WITH = 150
"""The most characters of "met wie" (a role or team)."""
MAX_TAKEN = 1500
"""The most characters of what the colleague(s) took from it."""
MAX_ENTRIES = 100
"""The most entries one member may keep."""


@dataclass(frozen=True)
class Olievlek(Item):
    """One time a member (``door``, a person id) shared Wij-Werken: with whom (``met``: a role or team), how many
    colleagues (``aantal``, at least 1), the day (``datum``, ISO), how (``hoe``, one of :data:`WAYS`) and what the
    colleague(s) took from it (``meegenomen``)."""

    KIND: ClassVar[str] = "olievlek"
    FIXED: ClassVar[tuple[str, ...]] = ("door",)

    id: str
    met: str = ""
    aantal: int = 1
    datum: str = ""
    hoe: str = "gesprek"
    meegenomen: str = ""
    door: int | None = None

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Olievlek:
        data = mapping(data)
        count = whole(data.get("aantal"))
        way = data.get("hoe")
        day = parse_day(data.get("datum"))
        return cls(id=item_id, met=text(data.get("met")),
                   aantal=min(max(count, 1), MAX_COLLEAGUES) if count is not None else 1,
                   datum=day.isoformat() if day else "", hoe=way if way in WAYS else "gesprek",
                   meegenomen=text(data.get("meegenomen")), door=whole(data.get("door")))


@dataclass(frozen=True)
class Progress:
    """How many colleagues each member reached (person id → count) and the group's total, against :data:`AIM`."""

    per_member: Mapping[int, int]
    aim: int = AIM

    @property
    def total(self) -> int:
        return sum(self.per_member.values())

    def reached(self, person_id: int) -> bool:
        return self.per_member.get(person_id, 0) >= self.aim

    def members_reached(self) -> int:
        return sum(1 for count in self.per_member.values() if count >= self.aim)


def by_way(entries: Iterable[Olievlek]) -> dict[str, int]:
    """How many entries were shared in each of the :data:`WAYS` (every way present, 0 when none)."""
    counts = dict.fromkeys(WAYS, 0)
    for entry in entries:
        counts[entry.hoe] = counts.get(entry.hoe, 0) + 1
    return counts


def progress(entries: Iterable[Olievlek], members: Iterable[int], aim: int = AIM) -> Progress:
    """Colleagues reached per member of ``members`` (0 without entries) from the group's entries."""
    counts = dict.fromkeys(members, 0)
    for entry in entries:
        if entry.door is not None:
            counts[entry.door] = counts.get(entry.door, 0) + entry.aantal
    return Progress(counts, aim)
