"""Small stakeholder maps for the tests of the map's model, layout, session and Dag 2's views."""

from __future__ import annotations

from wijwerken_widgets.shared.stakeholders.model import (
    Relation,
    Stakeholder,
    StakeholderMap,
    validate_relation,
    validate_stakeholder,
)
from wijwerken_widgets.shared.stakeholders.session import MapSession
from wijwerken_widgets.ui.context import Context


def person(item_id: str, naam: str, **fields: object) -> Stakeholder:
    return validate_stakeholder({"naam": naam, **fields}, item_id=item_id)


def relation(item_id: str, van: str, naar: str, soort: str = "samenwerking", sterkte: int = 2) -> Relation:
    return validate_relation({"van": van, "naar": naar, "soort": soort, "sterkte": sterkte}, item_id=item_id)


def chain_map(n: int, links: bool = True) -> StakeholderMap:
    """n people; with ``links`` a ring plus a few chords, so the spring layout has real work to do."""
    people = [person(f"p{i:04d}", f"Persoon {i}", invloed=1 + i % 5, belang=1 + (i * 3) % 5) for i in range(n)]
    relations = []
    if links and n > 1:
        relations = [relation(f"r{i}", f"p{i:04d}", f"p{(i + 1) % n:04d}") for i in range(n)]
        relations += [relation(f"c{i}", f"p{i:04d}", f"p{(i * 7 + 3) % n:04d}", "informeel") for i in range(0, n, 5)]
    return StakeholderMap.build(people, relations)


def map_session(ctx: Context) -> MapSession:
    """The map of ``ctx``'s group in a kernel that reads the store only when told (no polling)."""
    return MapSession(ctx, poll_seconds=None)
