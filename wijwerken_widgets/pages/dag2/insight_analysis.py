"""What the group's stakeholder map says as a network, in plain Dutch for municipal staff.

Four findings, each named in everyday words: a *spil* (clearly more lines than the others), a *verbinder* (links
groups that would otherwise not meet: high betweenness and neighbours in more than one community), who *hangt los*
(no line, or one weak line) and the *groepjes* (Louvain communities). The sentences are ``exercises.insight`` of
``dag2.yaml`` (``findings`` and ``position``), filled in here; they are plain text, each name in it isolated
(``core.text.isolated``): escape them before putting them in HTML. Above 150 stakeholders betweenness is estimated from 100 sampled sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import networkx as nx

from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.shared.stakeholders.model import Stakeholder, StakeholderMap

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag2.schema import Findings, InsightPart

SPIL_MIN_LINES = 3  # a spil has at least this many lines ...
SPIL_FACTOR = 1.5  # ... and at least this many times the average number
VERBINDER_SHARE = 0.5  # a verbinder is at least half as much "in between" as the most in-between person
TOP = 3
EXACT_UP_TO = 150  # above this many stakeholders, betweenness is sampled (it runs after every map change)
SAMPLE = 100
NAMES_SHOWN = 8
GROUPS_SHOWN = 5


@dataclass(frozen=True)
class Insight:
    """The findings and the Dutch sentences that explain them (lists of people are best first)."""

    spillen: list[Stakeholder]
    verbinders: list[Stakeholder]
    los: list[Stakeholder]
    clusters: list[list[Stakeholder]]
    sentences: list[str]


@dataclass(frozen=True)
class _Facts:
    people: dict[str, Stakeholder]
    graph: nx.Graph
    spil: set[str]  # everyone who qualifies; the Insight shows the top 3
    verbinder: set[str]
    spillen: list[str]
    verbinders: list[str]
    los: list[str]
    clusters: list[list[str]]


def _graph(m: StakeholderMap) -> nx.Graph:
    """Stakeholder ids, one edge per pair with ``weight`` = the strongest sterkte between them."""
    graph = nx.Graph()
    graph.add_nodes_from(s.id for s in m.stakeholders)
    for r in m.relations:
        if r.van in graph and r.naar in graph and r.van != r.naar:
            weight = graph.edges[r.van, r.naar]["weight"] if graph.has_edge(r.van, r.naar) else 0
            graph.add_edge(r.van, r.naar, weight=max(weight, r.sterkte))
    return graph


_last: list[tuple[StakeholderMap, _Facts]] = []


def _facts(m: StakeholderMap) -> _Facts:
    """The facts of ``m``, computed once per map object (the page asks for the analysis and a position in turn)."""
    if _last and _last[0][0] is m:
        return _last[0][1]
    facts = _compute_facts(m)
    _last[:] = [(m, facts)]
    return facts


def _compute_facts(m: StakeholderMap) -> _Facts:
    people = {s.id: s for s in m.stakeholders}
    graph = _graph(m)

    def by_name(node: str) -> str:
        return people[node].key

    degree = dict(graph.degree())
    los = sorted(
        (n for n in graph if degree[n] == 0 or (degree[n] == 1 and next(iter(graph[n].values()))["weight"] <= 1)),
        key=by_name,
    )
    if graph.number_of_edges() == 0:
        return _Facts(people, graph, set(), set(), [], [], los, [])
    threshold = max(SPIL_MIN_LINES, SPIL_FACTOR * 2 * graph.number_of_edges() / len(graph))
    spil = {n for n in graph if degree[n] >= threshold}
    communities = nx.community.louvain_communities(graph, weight="weight", seed=1)
    community_of = {node: index for index, group in enumerate(communities) for node in group}
    sample = min(len(graph), SAMPLE) if len(graph) > EXACT_UP_TO else None
    between = nx.betweenness_centrality(graph, k=sample, seed=1)
    bridging = {
        n
        for n in graph
        if between[n] > 0 and len({community_of[n], *(community_of[other] for other in graph[n])}) > 1
    }
    highest = max((between[n] for n in bridging), default=0.0)
    verbinder = {n for n in bridging if between[n] >= VERBINDER_SHARE * highest}
    # Who hangs loose (one weak line) is in no groepje, though Louvain puts them with their one neighbour.
    loose = set(los)
    clusters = [sorted(group - loose, key=by_name) for group in communities if len(group - loose) > 1]
    clusters.sort(key=lambda group: (-len(group), by_name(group[0])))
    return _Facts(
        people,
        graph,
        spil,
        verbinder,
        sorted(spil, key=lambda n: (-degree[n], by_name(n)))[:TOP],
        sorted(verbinder, key=lambda n: (-between[n], by_name(n)))[:TOP],
        los,
        clusters,
    )


def _names(people: list[Stakeholder], words: Findings, limit: int = NAMES_SHOWN) -> str:
    """ "A, B en C", or "A, B, … en nog 4 anderen"."""
    names = [isolated(s.naam) for s in people]
    if len(names) > limit:
        return words.more_names.format(names=", ".join(names[:limit]), more=len(names) - limit)
    return names[0] if len(names) == 1 else words.names.format(names=", ".join(names[:-1]), last=names[-1])


def analyse(m: StakeholderMap, content: InsightPart | None = None) -> Insight:
    """Spillen, verbinders, who hangs loose and the groepjes, with a Dutch sentence for each finding (the
    ``findings`` of ``content``, default ``dag2.yaml``'s)."""
    words = (content or texts.load().exercises.insight).findings
    if not m.stakeholders:
        return Insight([], [], [], [], [words.empty_map])
    facts = _facts(m)

    def pick(ids: list[str]) -> list[Stakeholder]:
        return [facts.people[i] for i in ids]

    if facts.graph.number_of_edges() == 0:
        return Insight([], [], pick(facts.los), [], [words.no_relations])
    spillen, verbinders, los = pick(facts.spillen), pick(facts.verbinders), pick(facts.los)
    clusters = [pick(group) for group in facts.clusters]
    sentences = _sentences(facts.graph, spillen, verbinders, los, clusters, words)
    return Insight(spillen, verbinders, los, clusters, sentences)


def _sentences(
    graph: nx.Graph,
    spillen: list[Stakeholder],
    verbinders: list[Stakeholder],
    los: list[Stakeholder],
    clusters: list[list[Stakeholder]],
    words: Findings,
) -> list[str]:
    sentences = []
    for index, s in enumerate(spillen):
        spil = words.first_spil if index == 0 else words.other_spil
        sentences.append(spil.format(naam=isolated(s.naam), lines=graph.degree(s.id)))
    if not spillen:
        sentences.append(words.no_spil)
    sentences += [words.verbinder.format(naam=isolated(s.naam)) for s in verbinders]
    if len(clusters) > 1:
        shown = "; ".join(_names(group, words, GROUPS_SHOWN) for group in clusters[:GROUPS_SHOWN])
        largest = words.largest.format(shown=GROUPS_SHOWN) if len(clusters) > GROUPS_SHOWN else ""
        sentences.append(words.groups.format(count=len(clusters), largest=largest, groups=shown))
        if not verbinders:
            sentences.append(words.no_verbinder)
    elif clusters:
        sentences.append(words.one_group)
    if len(los) == 1:
        sentences.append(words.one_loose.format(naam=isolated(los[0].naam)))
    elif los:
        sentences.append(words.loose.format(names=_names(los, words)))
    return sentences


def position_of(m: StakeholderMap, stakeholder_id: str | None, content: InsightPart | None = None) -> str:
    """One or two Dutch sentences on where the participant stands, for "this stakeholder is me" (the ``position``
    of ``content``, default ``dag2.yaml``'s)."""
    content = content or texts.load().exercises.insight
    words = content.position
    if stakeholder_id is None or stakeholder_id not in {s.id for s in m.stakeholders}:
        return words.not_on_map
    facts = _facts(m)
    lines = facts.graph.degree(stakeholder_id)
    parts = []
    if stakeholder_id in facts.spil:
        parts.append(words.spil.format(lines=lines))
    if stakeholder_id in facts.verbinder:
        parts.append(words.verbinder)
    if parts:
        return " ".join(parts)
    if lines == 0:
        return words.no_lines
    if stakeholder_id in facts.los:
        other = facts.people[next(iter(facts.graph[stakeholder_id]))].naam
        return words.one_weak_line.format(naam=isolated(other))
    group = next((g for g in facts.clusters if stakeholder_id in g), None)
    if group is not None:
        others = [facts.people[n] for n in group if n != stakeholder_id]
        return words.in_group.format(names=_names(others, content.findings, GROUPS_SHOWN))
    return words.lines.format(reach=texts.counted(words.reach, lines))


ROLES = ("spil", "verbinder", "groepje", "los")
"""A stakeholder's roles in the network, in this order (the words are ``exercises.network.table.roles``)."""


def roles(m: StakeholderMap) -> dict[str, tuple[str, ...]]:
    """Per stakeholder id its roles (:data:`ROLES`): a spil, a verbinder, in a groepje, or hanging loose; ``()``
    for none of these. Uses the same analysis as :func:`analyse`, so the table and the findings agree."""
    if not m.stakeholders:
        return {}
    facts = _facts(m)
    in_group = {node for group in facts.clusters for node in group} if len(facts.clusters) > 1 else set()
    found = {"spil": facts.spil, "verbinder": facts.verbinder, "groepje": in_group, "los": set(facts.los)}
    return {s.id: tuple(role for role in ROLES if s.id in found[role]) for s in m.stakeholders}
