"""Where each stakeholder sits on the map: computed in Python (networkx), stored with the map, never by the browser.

A first big import gets a proper layout (:func:`layout`); later additions get a quick place near their neighbours that
moves nobody else (:func:`place_new`). networkx, numpy and scipy load on first use.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from wijwerken_widgets.shared.stakeholders.model import StakeholderMap

if TYPE_CHECKING:
    import numpy as np

Position = tuple[float, float]

SPACING = 80.0  # px between neighbouring nodes
ENERGY_FROM = 100  # nodes; below this networkx' plain force method is as good and much faster
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
_SPIRAL_STEP = 0.6 * SPACING  # sunflower radius factor: neighbours end up about SPACING apart


# --- layout -------------------------------------------------------------------------------------------------------


class _Occupancy:
    """Placed points in a hash grid, to find a free spot near a point quickly."""

    def __init__(self, points: Iterable[Position], gap: float = 0.9 * SPACING) -> None:
        self.gap = gap
        self.cells: dict[tuple[int, int], list[Position]] = defaultdict(list)
        self.points: list[Position] = []
        for point in points:
            self.add(point)

    def _cell(self, point: Position) -> tuple[int, int]:
        return math.floor(point[0] / self.gap), math.floor(point[1] / self.gap)

    def add(self, point: Position) -> None:
        self.cells[self._cell(point)].append(point)
        self.points.append(point)

    def is_free(self, point: Position) -> bool:
        cx, cy = self._cell(point)
        return all(
            math.dist(point, other) >= self.gap
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for other in self.cells.get((cx + dx, cy + dy), ())
        )

    def free_spot(self, centre: Position, start_radius: float = 0.0, index: int = 0) -> tuple[Position, int]:
        """The first free point (and its index) on a sunflower spiral around ``centre``, from spiral ``index`` on
        and at least ``start_radius`` out."""
        index = max(index, math.ceil((start_radius / _SPIRAL_STEP) ** 2))
        while True:
            radius, angle = _SPIRAL_STEP * math.sqrt(index), index * _GOLDEN_ANGLE
            point = (round(centre[0] + radius * math.cos(angle), 1), round(centre[1] + radius * math.sin(angle), 1))
            if self.is_free(point):
                return point, index
            index += 1

    def outer_edge(self) -> tuple[Position, float]:
        """The centre of the placed points and a radius just outside them."""
        if not self.points:
            return (0.0, 0.0), 0.0
        centre = (
            sum(p[0] for p in self.points) / len(self.points),
            sum(p[1] for p in self.points) / len(self.points),
        )
        return centre, max(math.dist(centre, p) for p in self.points) + 0.5 * SPACING


def _neighbours(m: StakeholderMap) -> dict[str, list[str]]:
    result: dict[str, list[str]] = defaultdict(list)
    for relation in m.relations:
        result[relation.van].append(relation.naar)
        result[relation.naar].append(relation.van)
    return result


def _place(
    todo: Iterable[str], placed: Mapping[str, Position], neighbours: Mapping[str, list[str]]
) -> dict[str, Position]:
    """Spots for ``todo`` next to their placed neighbours, growing outward from there; a group with no placed
    neighbour starts on the outer edge, and people without any relation go round the outside at the end."""
    result: dict[str, Position] = {}
    occupancy = _Occupancy(placed.values())
    waiting = list(dict.fromkeys(todo))
    linked = [i for i in waiting if neighbours.get(i)]
    while linked:
        rest = []
        for item in linked:
            anchors = [p for p in (result.get(n) or placed.get(n) for n in neighbours[item]) if p is not None]
            if anchors:
                centre = (sum(a[0] for a in anchors) / len(anchors), sum(a[1] for a in anchors) / len(anchors))
                result[item] = occupancy.free_spot(centre)[0]
                occupancy.add(result[item])
            else:
                rest.append(item)
        if len(rest) == len(linked):  # a new group: its first member starts on the outer edge
            result[rest[0]] = occupancy.free_spot(*occupancy.outer_edge())[0]
            occupancy.add(result[rest[0]])
            rest = rest[1:]
        linked = rest
    centre, radius = occupancy.outer_edge()
    index = 0
    for item in (i for i in waiting if i not in result):
        result[item], index = occupancy.free_spot(centre, radius, index)
        occupancy.add(result[item])
    return result


def place_new(
    m: StakeholderMap, positions: Mapping[str, Position], new_ids: Iterable[str] = ()
) -> dict[str, Position]:
    """Positions for every stakeholder: existing ones kept, ``new_ids`` (and any unplaced one) placed next to their
    neighbours or on the free outer edge. Fast (no force layout), so it suits adding one stakeholder at a time."""
    ids = [s.id for s in m.stakeholders]
    new = set(new_ids)
    kept = {i: _point(positions[i]) for i in ids if i in positions and i not in new}
    kept.update(_place([i for i in ids if i not in kept], kept, _neighbours(m)))
    return {i: kept[i] for i in ids}


def layout(m: StakeholderMap, fixed: Mapping[str, Position] | None = None) -> dict[str, Position]:
    """vis-network pixel positions for every stakeholder. Those in ``fixed`` stay put; the others with relations
    settle with networkx ``spring_layout`` (about :data:`SPACING` apart, so the map grows with sqrt(n)); the ones
    without relations go on a sunflower spiral around the rest. Deterministic."""
    ids = [s.id for s in m.stakeholders]
    placed = {i: _point(fixed[i]) for i in ids if fixed and i in fixed}
    neighbours = _neighbours(m)
    linked = [i for i in ids if i not in placed and neighbours.get(i)]
    if linked:
        placed.update(_spring(m, placed, _place(linked, placed, neighbours)))
    placed.update(_place([i for i in ids if i not in placed], placed, neighbours))
    return {i: placed[i] for i in ids}


def _spring(m: StakeholderMap, fixed: Mapping[str, Position], start: Mapping[str, Position]) -> dict[str, Position]:
    """Let the free nodes in ``start`` settle among each other and the ``fixed`` ones, then pull apart any that
    still overlap. Works in units of SPACING; ``k=0.7`` gives lines of about 100-150 px on a small map."""
    import networkx as nx
    import numpy as np

    graph = nx.Graph()
    graph.add_nodes_from([*fixed, *start])
    graph.add_edges_from((r.van, r.naar) for r in m.relations if r.van in graph and r.naar in graph)
    everything = [*fixed.values(), *start.values()]
    # The energy method (scipy) keeps big maps compact where the force method flings leaves far out; it pulls every
    # connected component towards (0.5, 0.5), so the map's centre goes there.
    cx = sum(p[0] for p in everything) / len(everything) / SPACING - 0.5
    cy = sum(p[1] for p in everything) / len(everything) / SPACING - 0.5
    units = {i: (p[0] / SPACING - cx, p[1] / SPACING - cy) for i, p in [*fixed.items(), *start.items()]}
    method = "energy" if len(graph) >= ENERGY_FROM else "force"
    settled = nx.spring_layout(
        graph, k=0.7, pos=units, fixed=list(fixed) or None, seed=1, scale=None, weight=None, method=method
    )
    ids = list(settled)
    points = _separate(np.array([settled[i] for i in ids], dtype=float), [i in start for i in ids], gap=0.75)
    return {
        i: (round((x + cx) * SPACING, 1), round((y + cy) * SPACING, 1))
        for i, (x, y) in zip(ids, points.tolist())
        if i in start
    }


def _separate(points: np.ndarray, movable: list[bool], gap: float, rounds: int = 30) -> np.ndarray:
    """Push movable points apart until no two are closer than ``gap`` (or ``rounds`` run out)."""
    import numpy as np
    from scipy.spatial import cKDTree

    weight = np.array(movable, dtype=float)
    for _ in range(rounds):
        pairs = cKDTree(points).query_pairs(gap, output_type="ndarray")
        if not len(pairs):
            break
        first, second = pairs[:, 0], pairs[:, 1]
        delta = points[first] - points[second]
        distance = np.linalg.norm(delta, axis=1)
        # Identical points: part them in a fixed direction so the result stays deterministic.
        delta[distance < 1e-9] = (1.0, 0.0)
        distance = np.maximum(distance, 1e-9)
        push = delta / distance[:, None] * ((gap - distance) / 2 + 1e-3)[:, None]
        share_first, share_second = weight[first], weight[second]
        both = np.maximum(share_first + share_second, 1e-9)
        move = np.zeros_like(points)
        np.add.at(move, first, push * (2 * share_first / both)[:, None])
        np.add.at(move, second, -push * (2 * share_second / both)[:, None])
        points = points + move * weight[:, None]
    return points


def _point(value: Position) -> Position:
    return float(value[0]), float(value[1])


# --- the document -------------------------------------------------------------------------------------------------
