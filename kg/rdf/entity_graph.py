"""The entity graph as networkx: what the HTML views, ``kg stats`` and ``kg path`` read.

``to_networkx`` / ``from_store`` read the RDF graph (shape documented in
``kg.rdf.vocab``) into a ``networkx.MultiDiGraph``:

* one node per entity, keyed by its IRI relative to ``KGR`` (``person/0a1b…``),
  with ``type`` (Person, GovOrg…), ``label``, ``aliases`` (list),
  ``posts`` (list of ``{"title", "body", "date", "documents", "evidence"}``, body the body's label),
  ``evidence`` (the sentences that mention it, ``{"text", "doc"}``), ``mentions`` (how many
  sentences) and ``documents`` (names of the documents that mention it);
* one edge per fact, keyed by its relation (member_of, located_in…), with
  ``relation``, ``evidence`` and ``documents``; a post held in a named body is also an edge
  person → body (key ``holds_post:TITLE``) with relation ``holds_post`` and the post's ``title``.

``evidence_limit`` keeps only the first sentences (by document, then text) of each
entity, fact and post, so that reading a large store for a view stays small.

Reading is a handful of SPARQL queries on pyoxigraph (a graph file is loaded
into an in-memory store first), fast enough for stores of millions of triples.
"""
from __future__ import annotations

import os
from collections import defaultdict
from typing import Iterable

import networkx as nx
import pyoxigraph
from rdflib import Dataset, Graph

from kg.errors import KgError
from kg.rdf.source import open_source
from kg.rdf.sparql import restricted, run_query
from kg.rdf.vocab import KGR, RELATION_OF_PROPERTY, TYPE_OF_CLASS

#: Louvain is randomised; a fixed seed makes `kg stats` and the communities of the views repeatable.
LOUVAIN_SEED = 1
_TYPE = {str(c): t for c, t in TYPE_OF_CLASS.items()}  # class IRI -> type
_RELATION = {str(p): r for p, r in RELATION_OF_PROPERTY.items()}  # property IRI -> relation
_CLASSES = " ".join(f"<{c}>" for c in _TYPE)
_PROPERTIES = " ".join(f"<{p}>" for p in _RELATION)
#: An evidence node's sentence and document name (?ev bound by the query around it). The evidence
#: queries have no DISTINCT, which would hold every row in memory: the reader skips repeats itself.
_EVIDENCE = "?ev kg:sentence ?text ; prov:wasQuotedFrom ?doc . ?doc dcterms:identifier ?docname"
QUERIES = {
    "entities": f"SELECT DISTINCT ?e ?class ?label WHERE {{ VALUES ?class {{ {_CLASSES} }} ?e a ?class . "
                "OPTIONAL { ?e skos:prefLabel ?label } }",
    "aliases": "SELECT DISTINCT ?e ?alias WHERE { ?e skos:altLabel ?alias }",
    "mentions": f"SELECT ?e ?ev ?text ?doc ?docname WHERE {{ ?e kg:mention ?ev . {_EVIDENCE} }}",
    "facts": f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {_PROPERTIES} }} ?s ?p ?o }}",
    # rdf:subject is only a statement's (kg.rdf.vocab): asking for its type too made the query bound to
    # some subjects (from_store(only=...)) six times slower
    "fact_evidence": "SELECT ?s ?p ?o ?ev ?text ?doc ?docname WHERE { ?st rdf:subject ?s ; "
                     f"rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?ev . {_EVIDENCE} }}",
    "posts": "SELECT DISTINCT ?person ?post ?title ?body ?date WHERE { ?person org:holds ?post . "
             "OPTIONAL { ?post skos:prefLabel ?title } OPTIONAL { ?post org:postIn ?body } "
             "OPTIONAL { ?post kg:asOf ?date } }",
    "copies": "SELECT ?doc ?first WHERE { ?doc kg:copyOf ?first }",
    "post_evidence": "SELECT ?post ?ev ?text ?doc ?docname WHERE { ?person org:holds ?post . "
                     f"?post prov:wasDerivedFrom ?ev . {_EVIDENCE} }}",
}

#: The queries bound to some entities (``from_store(only=...)``) test the class or property with a FILTER:
#: bound by two VALUES, the store tries every pair (five to seven times slower); unbound, VALUES is faster.
_BOUND_QUERIES = {
    "entities": "SELECT DISTINCT ?e ?class ?label WHERE { ?e a ?class "
                f"FILTER(?class IN ({', '.join(_CLASSES.split())})) OPTIONAL {{ ?e skos:prefLabel ?label }} }}",
    "facts": f"SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER(?p IN ({', '.join(_PROPERTIES.split())})) }}",
}

#: Evidence sentences per node or edge a view shows in a tooltip: enough to judge a fact, small
#: enough that a page of a few thousand entities stays a few megabytes.
MAX_EVIDENCE = 4
#: Sentences a view reads per node or edge: twice what it shows, as repeats are dropped when shown.
READ_EVIDENCE = 2 * MAX_EVIDENCE

#: The store's entities (what ``from_store`` makes its nodes of).
_ENTITY_IRIS = f"SELECT DISTINCT ?e WHERE {{ VALUES ?class {{ {_CLASSES} }} ?e a ?class }}"


def entity_iris(store: pyoxigraph.Store) -> list[str]:
    """The IRIs of the entities of a store (its default graph), sorted."""
    return sorted({s["e"].value for s in run_query(store, _ENTITY_IRIS)})


def viewed(g: nx.MultiDiGraph, node: str) -> list:
    """``[node, its attributes, [[tail, key, attributes] of its out-edges]]`` with what a view shows
    (``kg.server.graph_page``): type, label, aliases, posts (title, body, date) and evidence; an edge's
    relation, title and evidence. Not the documents of each, nor how many sentences: they grow with the
    input and a view shows neither."""
    d = g.nodes[node]
    data = {"type": d["type"], "label": d["label"], "aliases": d["aliases"], "evidence": d["evidence"],
            "posts": [{"title": p["title"], "body": p["body"], "date": p["date"]} for p in d["posts"]]}
    return [node, data, [[tail, key, {k: v for k, v in e.items() if k != "documents"}]
                         for _, tail, key, e in g.out_edges(node, keys=True, data=True)]]


def read_graph(source: str | os.PathLike, evidence_limit: int | None = None) -> nx.MultiDiGraph:
    """The entity graph of a graph file (.ttl, .nt, .trig, .jsonld) or a store directory."""
    return from_store(open_source(source), evidence_limit)


def as_networkx(graph, evidence_limit: int | None = None) -> nx.MultiDiGraph:
    """Accept what callers have at hand: the networkx graph itself, an rdflib graph or
    dataset, a pyoxigraph store, or the path of a graph file or store."""
    if isinstance(graph, nx.Graph):
        return graph
    if isinstance(graph, Graph):
        return to_networkx(graph, evidence_limit)
    if isinstance(graph, pyoxigraph.Store):
        return from_store(graph, evidence_limit)
    return read_graph(graph, evidence_limit)


def node_id(iri: str) -> str:
    return iri[len(str(KGR)):] if iri.startswith(str(KGR)) else iri


def to_networkx(graph: Graph, evidence_limit: int | None = None) -> nx.MultiDiGraph:
    """The entity graph of an rdflib graph, or of a dataset (all its graphs)."""
    store = pyoxigraph.Store()
    if isinstance(graph, Dataset):
        store.bulk_load(graph.serialize(format="nquads", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
    else:
        store.bulk_load(graph.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return from_store(store, evidence_limit)


class _Evidence:
    """The evidence of one entity, fact or post: its documents, how many sentences (a story
    syndicated by several outlets counted once), and the first ``limit`` of them in (document,
    text) order."""

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.documents: set[str] = set()
        self._single = 0  # sentences of documents that are one of a kind
        self._of_stories: set[tuple[str, str]] = set()  # (story, text) of documents that have copies or are one
        self.first: dict[str, dict] = {}  # evidence IRI -> {"text", "doc"}

    @property
    def count(self) -> int:
        """How many sentences: a sentence a story's copies repeat counts once."""
        return self._single + len(self._of_stories)

    def add(self, iri: str, item: dict, story: str | None = None) -> None:
        """``story``: the story's first document if the evidence's document has copies or is one."""
        if iri in self.first:
            return
        if story is None:
            self._single += 1
        else:
            self._of_stories.add((story, item["text"]))
        self.documents.add(item["doc"])
        self.first[iri] = item
        if self.limit is not None and len(self.first) > 2 * self.limit:
            self.first = dict(sorted(self.first.items(), key=lambda kv: _order(kv[1]))[:self.limit])

    def items(self) -> list[dict]:
        return sorted(self.first.values(), key=_order)[:self.limit]


def _order(ev: dict) -> tuple[str, str]:
    return (ev["doc"], ev["text"])


#: The variable each query is restricted by when only some entities are read (``from_store(only=...)``).
_SUBJECT = {"entities": "e", "aliases": "e", "mentions": "e", "facts": "s", "fact_evidence": "s",
            "posts": "person", "post_evidence": "person"}


def from_store(store: pyoxigraph.Store, evidence_limit: int | None = None,
               only: set[str] | None = None) -> nx.MultiDiGraph:
    """The entity graph of a pyoxigraph store (its default graph). ``only`` (entity IRIs): the part of
    it those entities head, with what it needs of the others (their type and label, as nodes with no
    evidence): what their rows in ``kg.rdf.rows`` are made from."""
    names: dict[str, str] = {}  # one string per document name, however many rows repeat it

    def rows(name: str, among: Iterable[str] | None = None):
        if only is not None and name in _SUBJECT:
            query = restricted(_BOUND_QUERIES.get(name, QUERIES[name]), _SUBJECT[name],
                               sorted(only if among is None else among))
        else:
            query = QUERIES[name]
        results = run_query(store, query)
        variables = [v.value for v in results.variables]
        for solution in results:  # a solution iterates its terms in the order of the variables
            yield dict(zip(variables, [None if term is None else term.value for term in solution]))

    def evidence_of(rows_) -> dict:
        found: dict = defaultdict(lambda: _Evidence(evidence_limit))
        for key, r in rows_:
            doc = r["docname"] or ""
            found[key].add(r["ev"], {"text": r["text"] or "", "doc": names.setdefault(doc, doc)},
                           story_of.get(r["doc"]))
        return found

    # documents of a story syndicated by several outlets -> its first document (kg:copyOf)
    story_of = {r["doc"]: r["first"] for r in rows("copies")}
    story_of.update({first: first for first in set(story_of.values())})

    g = nx.MultiDiGraph()
    def add_nodes(entity_rows) -> None:
        for r in entity_rows:
            g.add_node(node_id(r["e"]), type=_TYPE[r["class"]],
                       label=r["label"] or node_id(r["e"]), aliases=[], posts=[], evidence=[])

    add_nodes(rows("entities"))
    for r in rows("aliases"):
        if node_id(r["e"]) in g:
            g.nodes[node_id(r["e"])]["aliases"].append(r["alias"])
    mentions = evidence_of((node_id(r["e"]), r) for r in rows("mentions"))
    empty = _Evidence(0)
    for node, data in g.nodes(data=True):
        found = mentions.get(node, empty)
        data["aliases"].sort()
        data.update(evidence=found.items(), mentions=found.count, documents=sorted(found.documents))

    stated = evidence_of(((r["s"], r["p"], r["o"]), r) for r in rows("fact_evidence"))
    facts = list(rows("facts"))
    post_rows = list(rows("posts"))
    if only is not None:  # the entities they name, for their labels
        named = {r["o"] for r in facts} | {r["body"] for r in post_rows if r["body"]}
        add_nodes(rows("entities", named - only))
        for node, data in g.nodes(data=True):
            data.setdefault("mentions", 0)
            data.setdefault("documents", [])
    for r in facts:
        head, tail = node_id(r["s"]), node_id(r["o"])
        if head in g and tail in g:
            relation = _RELATION[r["p"]]
            found = stated.get((r["s"], r["p"], r["o"]), empty)
            g.add_edge(head, tail, key=relation, relation=relation, evidence=found.items(),
                       documents=sorted(found.documents))

    post_evidence = evidence_of((r["post"], r) for r in rows("post_evidence"))
    posts: dict[tuple, dict] = {}
    for r in post_rows:
        post = posts.setdefault((r["person"], r["post"]), {"title": r["title"] or "", "body": r["body"], "dates": set()})
        if r["date"]:
            post["dates"].add(r["date"])
    for (person, iri), post in sorted(posts.items()):
        head, body = node_id(person), node_id(post["body"]) if post["body"] else None
        if head not in g:
            continue
        found = post_evidence.get(iri, empty)
        g.nodes[head]["posts"].append({"title": post["title"],
                                       "body": g.nodes[body]["label"] if body in g else body,
                                       "body_id": body,
                                       "date": max(post["dates"]) if post["dates"] else None,
                                       "documents": sorted(found.documents), "evidence": found.items()})
        if body in g:
            g.add_edge(head, body, key="holds_post:" + post["title"], relation="holds_post",
                       title=post["title"], evidence=found.items(), documents=sorted(found.documents))
    for _, data in g.nodes(data=True):
        data["posts"].sort(key=lambda p: (p["title"], p["body"] or "", p["date"] or ""))
    return g


def links(g: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple graph: one link per pair of entities that any fact connects.

    Nodes and links are added in sorted order: sampled betweenness and Louvain depend on
    it, and a store and a file of the same graph list their triples in different orders."""
    u = nx.Graph()
    u.add_nodes_from(sorted(g.nodes(data=True)))
    u.add_edges_from(sorted((a, b) for a, b in g.edges() if a != b))
    return u


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
