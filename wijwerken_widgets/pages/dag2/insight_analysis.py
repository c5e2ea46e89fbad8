"""What the group's stakeholder map says as a network, in plain Dutch for municipal staff.

Four findings, each named in everyday words: a *spil* (clearly more lines than the others), a *verbinder* (links
groups that would otherwise not meet: high betweenness and neighbours in more than one community), who *hangt los*
(no line, or one weak line) and the *groepjes* (Louvain communities). Sentences are plain text: escape them
before putting them in HTML. Above 150 stakeholders betweenness is estimated from 100 sampled sources.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from wijwerken_widgets.shared.stakeholders.model import Stakeholder, StakeholderMap

SPIL_MIN_LINES = 3  # a spil has at least this many lines ...
SPIL_FACTOR = 1.5  # ... and at least this many times the average number
VERBINDER_SHARE = 0.5  # a verbinder is at least half as much "in between" as the most in-between person
TOP = 3
EXACT_UP_TO = 150  # above this many stakeholders, betweenness is sampled (it runs after every map change)
SAMPLE = 100
NAMES_SHOWN = 8

EMPTY_MAP = (
    "Nog geen stakeholders: voeg er een paar toe en teken de lijnen tussen hen. Dan zie je hier wie een spil is, "
    "wie groepen verbindt en wie nog los hangt."
)
NO_RELATIONS = (
    "Er zijn nog geen relaties getekend. Trek lijnen tussen stakeholders die met elkaar te maken hebben; dan zie "
    "je hier wie een spil is, wie groepen verbindt en wie nog los hangt."
)
NOT_ON_MAP = (
    "Je staat zelf (nog) niet op de kaart. Zet jezelf erop en teken je lijnen naar anderen: dan zie je waar jij "
    "staat in het netwerk."
)
REFLECTION_PROMPT = (
    "Kijk naar je eigen plek op de kaart. Heb je vooral losse of zwakke lijnen, juist heel veel lijnen, ben je een "
    "spil waar veel samenkomt, of een verbinder tussen groepen die elkaar anders niet zien? Wat betekent dat voor "
    "hoe jij een gesprek begint: bij wie klop je als eerste aan, wie kun je via een ander bereiken, en wie mag "
    "wat minder via jou lopen?"
)


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
    clusters = [sorted(group, key=by_name) for group in communities if len(group) > 1]
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


def _names(people: list[Stakeholder], limit: int = NAMES_SHOWN) -> str:
    """ "A, B en C", or "A, B, … en nog 4 anderen"."""
    names = [s.naam for s in people]
    if len(names) > limit:
        return f"{', '.join(names[:limit])} en nog {len(names) - limit} anderen"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"


def analyse(m: StakeholderMap) -> Insight:
    """Spillen, verbinders, who hangs loose and the groepjes, with a Dutch sentence for each finding."""
    if not m.stakeholders:
        return Insight([], [], [], [], [EMPTY_MAP])
    facts = _facts(m)

    def pick(ids: list[str]) -> list[Stakeholder]:
        return [facts.people[i] for i in ids]

    if facts.graph.number_of_edges() == 0:
        return Insight([], [], pick(facts.los), [], [NO_RELATIONS])
    spillen, verbinders, los = pick(facts.spillen), pick(facts.verbinders), pick(facts.los)
    clusters = [pick(group) for group in facts.clusters]
    return Insight(spillen, verbinders, los, clusters, _sentences(facts.graph, spillen, verbinders, los, clusters))


def _sentences(
    graph: nx.Graph,
    spillen: list[Stakeholder],
    verbinders: list[Stakeholder],
    los: list[Stakeholder],
    clusters: list[list[Stakeholder]],
) -> list[str]:
    sentences = []
    for index, s in enumerate(spillen):
        lines = graph.degree(s.id)
        if index == 0:
            sentences.append(
                f"Bij {s.naam} komen de meeste lijnen samen ({lines}): een spil. Via {s.naam} bereik je veel anderen."
            )
        else:
            sentences.append(f"Ook bij {s.naam} komen veel lijnen samen ({lines}): ook een spil.")
    if not spillen:
        sentences.append("Er is geen duidelijke spil: de lijnen zijn vrij gelijk verdeeld over de stakeholders.")
    for s in verbinders:
        sentences.append(
            f"{s.naam} verbindt groepen die anders los van elkaar staan: een verbinder. Veel wegen tussen die "
            f"groepen lopen via {s.naam}."
        )
    if len(clusters) > 1:
        shown = "; ".join(_names(group, 5) for group in clusters[:5])
        more = f" (de {min(len(clusters), 5)} grootste)" if len(clusters) > 5 else ""
        sentences.append(f"We zien {len(clusters)} groepjes die onderling veel contact hebben{more}: {shown}.")
        if not verbinders:
            sentences.append("Niemand verbindt die groepjes nog echt. Wie zou dat kunnen doen?")
    elif clusters:
        sentences.append("De getekende lijnen vormen samen één groep: er is geen duidelijke tweedeling.")
    if len(los) == 1:
        sentences.append(f"{los[0].naam} hangt los (geen of alleen een zwakke lijn). Wie kent {los[0].naam}?")
    elif los:
        sentences.append(f"Deze stakeholders hangen los (geen of alleen een zwakke lijn): {_names(los)}. Wie kent hen?")
    return sentences


def position_of(m: StakeholderMap, stakeholder_id: str | None) -> str:
    """One or two Dutch sentences on where the participant stands, for "this stakeholder is me"."""
    if stakeholder_id is None or stakeholder_id not in {s.id for s in m.stakeholders}:
        return NOT_ON_MAP
    facts = _facts(m)
    lines = facts.graph.degree(stakeholder_id)
    parts = []
    if stakeholder_id in facts.spil:
        parts.append(
            f"Bij jou komen veel lijnen samen ({lines}): je bent een spil. Via jou bereiken anderen veel mensen; "
            "let wel op dat niet alles via jou hoeft te lopen."
        )
    if stakeholder_id in facts.verbinder:
        parts.append(
            "Je verbindt groepen die anders los van elkaar staan: je bent een verbinder. Jij kunt mensen bij elkaar "
            "brengen die elkaar nu nog niet vinden."
        )
    if parts:
        return " ".join(parts)
    if lines == 0:
        return (
            "Je hebt nog geen lijnen naar anderen op de kaart: je hangt los. Met wie heb je eigenlijk al contact? "
            "Teken die lijnen erbij."
        )
    if stakeholder_id in facts.los:
        other = facts.people[next(iter(facts.graph[stakeholder_id]))].naam
        return (
            f"Je hebt maar één zwakke lijn, met {other}: je hangt nog wat los. Wie zou jou kunnen voorstellen aan "
            "anderen op de kaart?"
        )
    group = next((g for g in facts.clusters if stakeholder_id in g), None)
    if group is not None:
        others = [facts.people[n] for n in group if n != stakeholder_id]
        return (
            f"Je zit midden in een groepje dat onderling veel contact heeft, met {_names(others, 5)}. Wie buiten "
            "dat groepje kun je nog bereiken, en via wie?"
        )
    reach = "één ander" if lines == 1 else f"{lines} anderen"
    return f"Je hebt lijnen naar {reach} op de kaart. Wie zou je nog meer kunnen bereiken, en via wie?"
