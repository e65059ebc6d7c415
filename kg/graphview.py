"""The entity graph as networkx: what the HTML views, ``kg stats`` and ``kg path`` read.

``to_networkx`` / ``from_store`` read the RDF graph (shape documented in
``kg.rdf.vocab``) into a ``networkx.MultiDiGraph``:

* one node per entity, keyed by its IRI relative to ``KGR`` (``person/0a1b…``),
  with ``type`` (Person, GovOrg…), ``label``, ``aliases`` (list),
  ``posts`` (list of ``{"title", "body", "date"}``, body the body's label) and
  ``evidence`` (the sentences that mention it, ``{"text", "doc"}``);
* one edge per fact, keyed by its relation (member_of, located_in…), with
  ``relation`` and ``evidence``; a post held in a named body is also an edge
  person → body (key ``holds_post:TITLE``) with relation ``holds_post`` and the post's ``title``.

Reading is a handful of SPARQL queries on pyoxigraph (a graph file is loaded
into an in-memory store first), fast enough for stores of millions of triples.
"""
from __future__ import annotations

import os
from collections import defaultdict

import networkx as nx
import pyoxigraph
from rdflib import Dataset, Graph

from kg.errors import KgError
from kg.rdf.source import open_source
from kg.rdf.sparql import run_query
from kg.rdf.vocab import KGR, RELATION_OF_PROPERTY, TYPE_OF_CLASS

_TYPE = {str(c): t for c, t in TYPE_OF_CLASS.items()}  # class IRI -> type
_RELATION = {str(p): r for p, r in RELATION_OF_PROPERTY.items()}  # property IRI -> relation
_CLASSES = " ".join(f"<{c}>" for c in _TYPE)
_PROPERTIES = " ".join(f"<{p}>" for p in _RELATION)
#: An evidence node's sentence and document name (?ev bound by the query around it).
_EVIDENCE = "OPTIONAL { ?ev kg:sentence ?text } OPTIONAL { ?ev prov:wasQuotedFrom ?doc . ?doc dcterms:identifier ?docname }"
QUERIES = {
    "entities": f"SELECT DISTINCT ?e ?class ?label WHERE {{ VALUES ?class {{ {_CLASSES} }} ?e a ?class . "
                "OPTIONAL { ?e skos:prefLabel ?label } }",
    "aliases": "SELECT DISTINCT ?e ?alias WHERE { ?e skos:altLabel ?alias }",
    "mentions": f"SELECT DISTINCT ?e ?ev ?text ?docname WHERE {{ ?e kg:mention ?ev . {_EVIDENCE} }}",
    "facts": f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {_PROPERTIES} }} ?s ?p ?o }}",
    "fact_evidence": "SELECT DISTINCT ?s ?p ?o ?ev ?text ?docname WHERE { ?st a rdf:Statement ; rdf:subject ?s ; "
                     f"rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?ev . {_EVIDENCE} }}",
    "posts": "SELECT DISTINCT ?person ?post ?title ?body ?date WHERE { ?person org:holds ?post . "
             "OPTIONAL { ?post skos:prefLabel ?title } OPTIONAL { ?post org:postIn ?body } "
             "OPTIONAL { ?post kg:asOf ?date } }",
    "post_evidence": "SELECT DISTINCT ?post ?ev ?text ?docname WHERE { ?person org:holds ?post . "
                     f"?post prov:wasDerivedFrom ?ev . {_EVIDENCE} }}",
}


def read_graph(source: str | os.PathLike) -> nx.MultiDiGraph:
    """The entity graph of a graph file (.ttl, .nt, .trig, .jsonld) or a store directory."""
    return from_store(open_source(source))


def as_networkx(graph) -> nx.MultiDiGraph:
    """Accept what callers have at hand: the networkx graph itself, an rdflib graph or
    dataset, a pyoxigraph store, or the path of a graph file or store."""
    if isinstance(graph, nx.Graph):
        return graph
    if isinstance(graph, Graph):
        return to_networkx(graph)
    if isinstance(graph, pyoxigraph.Store):
        return from_store(graph)
    return read_graph(graph)


def node_id(iri: str) -> str:
    return iri[len(str(KGR)):] if iri.startswith(str(KGR)) else iri


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The entity graph of an rdflib graph, or of a dataset (all its graphs)."""
    store = pyoxigraph.Store()
    if isinstance(graph, Dataset):
        store.bulk_load(graph.serialize(format="nquads", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
    else:
        store.bulk_load(graph.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return from_store(store)


def from_store(store: pyoxigraph.Store) -> nx.MultiDiGraph:
    """The entity graph of a pyoxigraph store (the union of its graphs)."""
    def rows(name: str):
        results = run_query(store, QUERIES[name])
        names = [v.value for v in results.variables]
        for solution in results:
            yield {n: (solution[n].value if solution[n] is not None else None) for n in names}

    def evidence(row) -> dict:
        return {"text": row["text"] or "", "doc": row["docname"] or ""}

    def in_order(items) -> list[dict]:
        return sorted(items, key=lambda e: (e["doc"], e["text"]))

    g = nx.MultiDiGraph()
    for r in rows("entities"):
        g.add_node(node_id(r["e"]), type=_TYPE[r["class"]],
                   label=r["label"] or node_id(r["e"]), aliases=[], posts=[], evidence=[])
    for r in rows("aliases"):
        if node_id(r["e"]) in g:
            g.nodes[node_id(r["e"])]["aliases"].append(r["alias"])
    mentions = defaultdict(dict)
    for r in rows("mentions"):
        mentions[node_id(r["e"])][r["ev"]] = evidence(r)
    for node, data in g.nodes(data=True):
        data["aliases"].sort()
        data["evidence"] = in_order(mentions[node].values())

    stated = defaultdict(dict)  # (s, p, o) -> evidence of its reified statements
    for r in rows("fact_evidence"):
        stated[(r["s"], r["p"], r["o"])][r["ev"]] = evidence(r)
    for r in rows("facts"):
        head, tail = node_id(r["s"]), node_id(r["o"])
        if head in g and tail in g:
            relation = _RELATION[r["p"]]
            g.add_edge(head, tail, key=relation, relation=relation,
                       evidence=in_order(stated[(r["s"], r["p"], r["o"])].values()))

    post_evidence = defaultdict(dict)
    for r in rows("post_evidence"):
        post_evidence[r["post"]][r["ev"]] = evidence(r)
    posts: dict[tuple, dict] = {}
    for r in rows("posts"):
        post = posts.setdefault((r["person"], r["post"]), {"title": r["title"] or "", "body": r["body"], "dates": set()})
        if r["date"]:
            post["dates"].add(r["date"])
    for (person, iri), post in sorted(posts.items()):
        head, body = node_id(person), node_id(post["body"]) if post["body"] else None
        if head not in g:
            continue
        g.nodes[head]["posts"].append({"title": post["title"],
                                       "body": g.nodes[body]["label"] if body in g else body,
                                       "date": max(post["dates"]) if post["dates"] else None})
        if body in g:
            g.add_edge(head, body, key="holds_post:" + post["title"], relation="holds_post",
                       title=post["title"], evidence=in_order(post_evidence[iri].values()))
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
