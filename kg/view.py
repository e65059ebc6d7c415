"""Interactive HTML views of the graph, written to a file (``kg view``, ``kg build``'s graph.html).

``write_view`` writes the page of ``kg.server.graph_page`` for a chosen part of the entity graph
(see ``kg.rdf.entity_graph``): some entity types, or the neighbourhood of one entity;
``view_page`` is the same page as a string.
"""
from __future__ import annotations

import os

import networkx as nx

from kg import atomic
from kg.errors import KgError
from kg.rdf.entity_graph import READ_EVIDENCE, as_networkx, find_entity
from kg.server.graph_page import START_NODES, TYPE_STYLE, opening_nodes, render


def write_view(graph, path: str | os.PathLike, focus: str | None = None, depth: int = 1,
               types: list[str] | None = None, title: str | None = None,
               start: int = START_NODES) -> nx.MultiDiGraph:
    """Write an HTML view of ``graph`` (an rdflib graph, a store, a graph file or the networkx
    graph of ``kg.rdf.entity_graph``) to ``path``; return the subgraph of the entities it opens on.

    ``types`` keeps only those entity types; ``focus`` (a name or alias) keeps the entities
    within ``depth`` links of that entity. The page carries all of that; it opens on at most
    ``start`` entities (see ``opening_nodes``; fewer if its window cannot hold that many
    legibly) and draws more on search and click.
    """
    html, opening = view_page(graph, focus, depth, types, title, start)
    atomic.write_text(path, html)
    return opening


def view_page(graph, focus: str | None = None, depth: int = 1, types: list[str] | None = None,
              title: str | None = None, start: int = START_NODES) -> tuple[str, nx.MultiDiGraph]:
    """The HTML page of ``write_view`` and the subgraph it opens on, without writing a file
    (for pages that embed a neighbourhood view)."""
    g = select(as_networkx(graph, evidence_limit=READ_EVIDENCE), focus, depth, types)
    if title is None:
        title = f"{focus} · {depth} 度关系" if focus else "知识图谱"
    opening = opening_nodes(g, start, g.graph["focus"])
    return render(g, title, g.graph["focus"], opening), nx.MultiDiGraph(g.subgraph(opening))


def select(g: nx.MultiDiGraph, focus: str | None = None, depth: int = 1,
           types: list[str] | None = None) -> nx.MultiDiGraph:
    """The part of ``g`` a view shows (see ``write_view``); its ``graph["focus"]`` is the
    focused node, or None."""
    if types:
        unknown = sorted(set(types) - set(TYPE_STYLE))
        if unknown:
            raise KgError(f"unknown type {', '.join(unknown)} (types: {', '.join(TYPE_STYLE)})")
        g = g.subgraph([n for n, t in g.nodes(data="type") if t in types])
    center = None
    if focus:
        if depth < 0:
            raise KgError(f"--depth must be 0 or more, got {depth}")
        center = find_entity(g, focus)
        near = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), center, cutoff=depth)
        g = g.subgraph(near)
    shown = nx.MultiDiGraph(g)
    shown.graph["focus"] = center
    return shown
