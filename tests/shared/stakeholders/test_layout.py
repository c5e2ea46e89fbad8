"""Where stakeholders go on the map: the first layout, and a place for newcomers that moves nobody."""

from __future__ import annotations

import math

import pytest

from tests.support.maps import chain_map, person, relation
from wijwerken_widgets.shared.stakeholders.layout import SPACING, layout, place_new
from wijwerken_widgets.shared.stakeholders.model import StakeholderMap


def min_distance(positions: dict[str, tuple[float, float]]) -> float:
    points = list(positions.values())
    return min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1:])


@pytest.mark.parametrize("n", [0, 1, 2, 50])
def test_layout_places_everyone_deterministically(n: int) -> None:
    """Does everyone get a finite place, the same one every time, with room between neighbours?"""
    m = chain_map(n)
    positions = layout(m)
    assert set(positions) == {s.id for s in m.stakeholders}
    assert layout(m) == positions
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in positions.values())
    if n > 1:
        assert min_distance(positions) >= 0.7 * SPACING


def test_layout_keeps_fixed_positions_and_puts_the_others_near_their_relations() -> None:
    """Do fixed places stay exactly where they are, and do the others land near the people they relate to?"""
    m = chain_map(50)
    first = layout(m)
    fixed = {i: first[i] for i in list(first)[:40]}
    fixed["p0000"] = (5000.0, 5000.0)  # a position the spring layout would never choose
    again = layout(m, fixed)
    assert {i: again[i] for i in fixed} == fixed
    assert set(again) == set(first)
    assert min_distance(again) >= 0.5 * SPACING
    edges = [math.dist(again[r.van], again[r.naar]) for r in m.relations if r.soort == "samenwerking"]
    assert sorted(edges)[len(edges) // 2] < 4 * SPACING


def test_layout_without_relations_is_a_tidy_spiral() -> None:
    """Are people without any relation laid out as a compact spiral rather than a long row?"""
    positions = layout(chain_map(30, links=False))
    assert 0.9 * SPACING <= min_distance(positions) <= 1.3 * SPACING
    radius = max(math.hypot(x, y) for x, y in positions.values())
    assert radius < 5 * SPACING  # about sqrt(30) neighbour distances across, not a long row


def test_layout_of_600_people_uses_the_scipy_energy_method() -> None:
    """Does a big map (scipy's energy method) keep fixed places and still put related people near each other?"""
    m = chain_map(600)
    fixed = {"p0001": (0.0, 0.0), "p0300": (900.0, 0.0)}
    positions = layout(m, fixed)
    assert len(positions) == 600 and positions["p0001"] == (0.0, 0.0) and positions["p0300"] == (900.0, 0.0)
    assert min_distance(positions) >= 0.5 * SPACING
    ring = sorted(math.dist(positions[r.van], positions[r.naar]) for r in m.relations if r.soort == "samenwerking")
    ids = sorted(positions)
    across = sorted(math.dist(positions[ids[i]], positions[ids[(i + 300) % 600]]) for i in range(600))
    assert ring[300] < across[300] / 4  # related people end up near each other, far from the rest


def test_place_new_moves_nobody_and_puts_newcomers_by_their_neighbours() -> None:
    """Does a newcomer land by the person they relate to, a loner at the edge, while nobody else moves?"""
    m = chain_map(20)
    positions = layout(m)
    friend = person("new1", "Nieuwe collega")
    loner = person("new2", "Losse eend")
    bigger = StakeholderMap.build([*m.stakeholders, friend, loner], [*m.relations, relation("rn", "new1", "p0005")])
    placed = place_new(bigger, positions, ["new1", "new2"])
    assert {i: placed[i] for i in positions} == positions
    assert math.dist(placed["new1"], positions["p0005"]) < 2 * SPACING
    centre = (sum(x for x, _ in positions.values()) / 20, sum(y for _, y in positions.values()) / 20)
    outer = max(math.dist(centre, p) for p in positions.values())
    assert math.dist(centre, placed["new2"]) > outer
    for new in ("new1", "new2"):
        assert min(math.dist(placed[new], p) for i, p in placed.items() if i != new) >= 0.85 * SPACING
