"""Structure of the entity graph (networkx): centrality, components, communities,
and the chains of facts that link two entities (what the graph holds is counted by
``kg.rdf.counts``).

All measures are taken on the undirected simple graph (two entities are
linked if any fact links them): "who is connected to whom" is what centrality
and communities are about here, whatever each fact's direction.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

import networkx as nx
from networkx.algorithms import community

from kg.rdf.entity_graph import LOUVAIN_SEED, find_entity, links

#: The rankings `kg stats` prints: officials, enterprises and parks.
RANKED_TYPES = ("Person", "Enterprise", "Park")
#: Above this many nodes betweenness is estimated from this many sampled sources.
BETWEENNESS_SAMPLE = 300


@dataclass
class Ranked:
    node: str
    label: str
    degree: int
    pagerank: float
    betweenness: float


@dataclass
class Stats:
    components: list[int]  # sizes, largest first
    communities: list[list[str]]  # labels of each community's members, best connected first
    modularity: float
    rankings: dict[str, list[Ranked]] = field(default_factory=dict)


def centrality(g: nx.MultiDiGraph) -> dict[str, dict[str, float]]:
    """Degree, PageRank and betweenness of every entity."""
    u = links(g)
    if not u:
        return {"degree": {}, "pagerank": {}, "betweenness": {}}
    k = BETWEENNESS_SAMPLE if len(u) > BETWEENNESS_SAMPLE else None
    return {"degree": dict(u.degree()),
            "pagerank": nx.pagerank(u),
            "betweenness": nx.betweenness_centrality(u, k=k, seed=LOUVAIN_SEED)}


def rank(g: nx.MultiDiGraph, type_: str, top: int = 10,
         measures: dict[str, dict[str, float]] | None = None) -> list[Ranked]:
    """The ``top`` entities of ``type_`` by degree, then PageRank, then betweenness.

    Degree leads because news graphs fall apart into many small components, where
    PageRank alone puts the two ends of an isolated pair above a hub of four.
    """
    m = measures or centrality(g)
    nodes = [n for n, t in g.nodes(data="type") if t == type_]
    nodes.sort(key=lambda n: (-m["degree"][n], -m["pagerank"][n], -m["betweenness"][n], g.nodes[n]["label"]))
    return [Ranked(n, g.nodes[n]["label"], m["degree"][n], m["pagerank"][n], m["betweenness"][n])
            for n in nodes[:top]]


def stats(g: nx.MultiDiGraph, top: int = 10) -> Stats:
    u = links(g)
    measures = centrality(g)
    partition = community.louvain_communities(u, seed=LOUVAIN_SEED) if u.number_of_edges() else []
    groups = sorted((c for c in partition if len(c) > 1), key=lambda c: (-len(c), min(c)))  # not lone entities
    return Stats(
        components=sorted((len(c) for c in nx.connected_components(u)), reverse=True),
        communities=[[u.nodes[n]["label"] for n in sorted(c, key=lambda n: (-u.degree(n), u.nodes[n]["label"]))]
                     for c in groups],
        modularity=community.modularity(u, partition) if partition else 0.0,
        rankings={t: rank(g, t, top, measures) for t in RANKED_TYPES},
    )


@dataclass
class Step:
    """One fact on a path, as stated: head --relation--> tail; ``forward`` when the
    path walks it from head to tail."""

    head: str  # labels
    relation: str
    title: str | None  # the post title of a holds_post fact
    tail: str
    evidence: list[dict]
    forward: bool = True


def paths(g: nx.MultiDiGraph, a: str, b: str, max_paths: int = 3) -> list[list[list[Step]]]:
    """The shortest chains linking the entities named ``a`` and ``b`` (shortest first).

    Each chain is a list of hops in walking order, from ``a`` to ``b``; each hop lists
    every fact between its two entities (in either direction), with their evidence.
    """
    start, end = find_entity(g, a), find_entity(g, b)
    if start == end:
        return []
    u = links(g)
    try:
        chains = list(islice(nx.shortest_simple_paths(u, start, end), max_paths))
    except nx.NetworkXNoPath:
        return []
    return [[_facts(g, x, y) for x, y in zip(chain, chain[1:])] for chain in chains]


def _facts(g: nx.MultiDiGraph, x: str, y: str) -> list[Step]:
    steps = []
    for head, tail in ((x, y), (y, x)):
        for data in (g.get_edge_data(head, tail) or {}).values():
            steps.append(Step(g.nodes[head]["label"], data["relation"], data.get("title"),
                              g.nodes[tail]["label"], data.get("evidence", []), forward=head == x))
    return steps
