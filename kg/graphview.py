"""The entity graph as networkx: what the HTML views, ``kg stats`` and ``kg path`` read.

``to_networkx`` reads the RDF graph (shape documented in ``kg.rdf.vocab``)
into a ``networkx.MultiDiGraph``:

* one node per entity, keyed by its IRI relative to ``KGR`` (``person/0a1b…``),
  with ``type`` (Person, GovOrg…), ``label``, ``aliases`` (list),
  ``posts`` (list of ``{"title", "body", "date"}``, body the body's label) and
  ``evidence`` (the sentences that mention it, ``{"text", "doc"}``);
* one edge per fact, keyed by its relation (member_of, located_in…), with
  ``relation`` and ``evidence``; a post held in a named body is also an edge
  person → body with relation ``holds_post`` and the post's ``title``.
"""
from __future__ import annotations

import os
from collections import defaultdict

import networkx as nx
from rdflib import Dataset, Graph, URIRef

from kg.errors import KgError
from kg.rdf.dataset import union_graph
from kg.rdf.source import load_graph
from kg.rdf.vocab import CLASS, DCTERMS, KG, KGR, ORG, PROV, RDF, RELATION_OF_PROPERTY, SKOS, TYPE_OF_CLASS


def read_graph(source: str | os.PathLike) -> nx.MultiDiGraph:
    """The entity graph of a graph file (.ttl, .nt, .trig, .jsonld) or a store directory."""
    return to_networkx(load_graph(source))


def as_networkx(graph) -> nx.MultiDiGraph:
    """Accept what callers have at hand: the networkx graph itself, an rdflib graph or
    dataset, or the path of a graph file or store."""
    if isinstance(graph, nx.Graph):
        return graph
    if isinstance(graph, Graph):
        return to_networkx(graph)
    return read_graph(graph)


def node_id(iri: URIRef) -> str:
    text = str(iri)
    return text[len(str(KGR)):] if text.startswith(str(KGR)) else text


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    if isinstance(graph, Dataset):  # entities are in the default graph, evidence in each document's graph
        graph = union_graph(graph)
    g = nx.MultiDiGraph()
    doc_names: dict = {}

    def evidence(ev) -> dict:
        doc = graph.value(ev, PROV.wasQuotedFrom)
        if doc not in doc_names:
            doc_names[doc] = str(graph.value(doc, DCTERMS.identifier) or node_id(doc)) if doc else ""
        return {"text": str(graph.value(ev, KG.sentence) or ""), "doc": doc_names[doc]}

    def label(node) -> str:
        return str(graph.value(node, SKOS.prefLabel) or node_id(node))

    for cls in CLASS.values():
        for ent in graph.subjects(RDF.type, cls):
            if not isinstance(ent, URIRef):
                continue
            g.add_node(node_id(ent), type=TYPE_OF_CLASS[cls], label=label(ent),
                       aliases=sorted(str(a) for a in graph.objects(ent, SKOS.altLabel)),
                       evidence=sorted((evidence(ev) for ev in graph.objects(ent, KG.mention)),
                                       key=lambda e: (e["doc"], e["text"])),
                       posts=[])

    statements = defaultdict(list)  # (s, p, o) -> evidence of its reified statements
    for st in graph.subjects(RDF.type, RDF.Statement):
        key = (graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object))
        statements[key].extend(evidence(ev) for ev in graph.objects(st, PROV.wasDerivedFrom))
    for prop, relation in RELATION_OF_PROPERTY.items():
        for s, o in graph.subject_objects(prop):
            head, tail = node_id(s), node_id(o)
            if head in g and tail in g:
                g.add_edge(head, tail, key=relation, relation=relation,
                           evidence=sorted(statements[(s, prop, o)], key=lambda e: (e["doc"], e["text"])))

    for person, post in graph.subject_objects(ORG.holds):
        head = node_id(person)
        if head not in g:
            continue
        title = str(graph.value(post, SKOS.prefLabel) or "")
        body = graph.value(post, ORG.postIn)
        dates = sorted(str(d) for d in graph.objects(post, KG.asOf))
        ev = sorted((evidence(e) for e in graph.objects(post, PROV.wasDerivedFrom)),
                    key=lambda e: (e["doc"], e["text"]))
        g.nodes[head]["posts"].append({"title": title, "body": label(body) if body is not None else None,
                                       "date": dates[-1] if dates else None})
        if body is not None and node_id(body) in g:
            g.add_edge(head, node_id(body), key="holds_post:" + title, relation="holds_post",
                       title=title, evidence=ev)
    for _, data in g.nodes(data=True):
        data["posts"].sort(key=lambda p: (p["title"], p["body"] or "", p["date"] or ""))
    return g


def snippet(text: str, limit: int = 160) -> str:
    """A sentence on one line, cut at ``limit`` characters: evidence as views and reports show it."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def find_entity(g: nx.Graph, name: str) -> str:
    """The node named ``name``: an exact label, else an exact alias, else the only
    label containing it. Among equal matches the best connected one wins."""
    name = name.strip()
    for matches in ([n for n, d in g.nodes(data=True) if d.get("label") == name],
                    [n for n, d in g.nodes(data=True) if name in d.get("aliases", ())]):
        if matches:
            return max(matches, key=lambda n: (g.degree(n), n))
    partial = [n for n, d in g.nodes(data=True) if name and name in d.get("label", "")]
    if len(partial) == 1:
        return partial[0]
    if partial:
        shown = "、".join(sorted(g.nodes[n]["label"] for n in partial)[:8])
        raise KgError(f"{name!r} is ambiguous: {shown}{' …' if len(partial) > 8 else ''}")
    raise KgError(f"no entity named {name!r} in the graph ({g.number_of_nodes()} entities)")
