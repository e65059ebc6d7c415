"""KnowledgeBase -> rdflib Dataset, in the shape documented in ``kg.rdf.vocab``.

Every IRI is minted from the content it names (entity id, document sha256, a
hash of a post's or a fact's parts, of an evidence's document and offsets), so
the same knowledge base always gives the same graph and there are no blank nodes.
"""
from __future__ import annotations

import hashlib

import pyoxigraph
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.knowledge import Entity, Evidence, Fact, KnowledgeBase, Post
from kg.rdf.vocab import CLASS, DCTERMS, KG, KGR, ORG, PREFIXES, PROPERTY, PROV, RDF, SKOS, XSD

#: Why a post has no org:postIn (SHACL requires a body or a reason).
NO_BODY_REASON = "the text names no body for this title"

_IRI_UNSAFE = {c: f"%{ord(c):02X}" for c in ' <>"{}|\\^`%#?'}


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


def entity_iri(entity_id: str) -> URIRef:
    return KGR["".join(_IRI_UNSAFE.get(c, c) for c in entity_id)]


def document_iri(sha256: str) -> URIRef:
    return KGR["doc/" + sha256]


def evidence_iri(ev: Evidence) -> URIRef:
    return KGR["evidence/" + _digest(ev.doc_sha256, ev.start, ev.end, ev.pattern)]


def post_iri(post: Post) -> URIRef:
    return KGR["post/" + _digest(post.person, post.title, post.organization or "")]


def fact_iri(fact: Fact) -> URIRef:
    return KGR["fact/" + _digest(fact.subject, fact.relation, fact.object)]


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


class _Quads:
    """Collects triples into the default graph or a document's named graph."""

    def __init__(self) -> None:
        self.ds = Dataset()
        for prefix, ns in PREFIXES.items():
            self.ds.bind(prefix, ns)
        self._graphs: dict[str, Graph] = {}

    def default(self, s: Node, p: Node, o: Node) -> None:
        self.ds.default_context.add((s, p, o))

    def stated(self, doc_sha: str, s: Node, p: Node, o: Node) -> None:
        graph = self._graphs.get(doc_sha)
        if graph is None:
            graph = self._graphs[doc_sha] = self.ds.graph(document_iri(doc_sha))
        graph.add((s, p, o))

    def evidence(self, ev: Evidence) -> URIRef:
        node = evidence_iri(ev)
        for p, o in ((RDF.type, KG.Evidence), (PROV.wasQuotedFrom, document_iri(ev.doc_sha256)),
                     (KG.start, Literal(ev.start)), (KG.end, Literal(ev.end)),
                     (KG.sentence, _zh(ev.text)), (KG.pattern, Literal(ev.pattern))):
            self.stated(ev.doc_sha256, node, p, o)
        return node

    def derived(self, node: URIRef, triples: list[tuple[Node, Node, Node]], evidence: list[Evidence]) -> None:
        """``triples`` (about ``node``) as stated by each evidence's document, with
        ``node prov:wasDerivedFrom`` the evidence; in the default graph if there is none."""
        for ev in evidence:
            for t in triples:
                self.stated(ev.doc_sha256, *t)
            self.stated(ev.doc_sha256, node, PROV.wasDerivedFrom, self.evidence(ev))
        if not evidence:
            for t in triples:
                self.default(*t)


def _add_entity(q: _Quads, e: Entity) -> None:
    node = entity_iri(e.id)
    q.default(node, RDF.type, CLASS[e.type])
    q.default(node, SKOS.prefLabel, _zh(e.label))
    for alias in e.aliases - {e.label}:
        q.default(node, SKOS.altLabel, _zh(alias))
    if e.how_resolved:
        q.default(node, KG.howResolved, Literal(e.how_resolved))
    for ev in e.mentions:
        q.stated(ev.doc_sha256, node, KG.mention, q.evidence(ev))


def _add_post(q: _Quads, post: Post) -> None:
    node = post_iri(post)
    body = ((ORG.postIn, entity_iri(post.organization)) if post.organization
            else (KG.bodyNotStated, Literal(NO_BODY_REASON, lang="en")))
    triples = [(entity_iri(post.person), ORG.holds, node), (node, RDF.type, ORG.Post),
               (node, SKOS.prefLabel, _zh(post.title)), (node, *body)]
    if post.date:
        triples.append((node, KG.asOf, Literal(post.date, datatype=XSD.date)))
    q.derived(node, triples, post.evidence)


def _add_fact(q: _Quads, fact: Fact) -> None:
    s, p, o = entity_iri(fact.subject), PROPERTY[fact.relation], entity_iri(fact.object)
    node = fact_iri(fact)
    triples = [(s, p, o), (node, RDF.type, RDF.Statement), (node, RDF.subject, s),
               (node, RDF.predicate, p), (node, RDF.object, o)]
    q.derived(node, triples, fact.evidence)


def build_dataset(kb: KnowledgeBase) -> Dataset:
    """The whole knowledge base as quads: descriptions in the default graph,
    what each document states in the document's named graph."""
    q = _Quads()
    for d in kb.documents:
        node = document_iri(d.sha256)
        q.default(node, RDF.type, KG.Document)
        q.default(node, DCTERMS.identifier, Literal(d.name))
        q.default(node, KG.sha256, Literal(d.sha256))
        if d.date:
            q.default(node, DCTERMS.date, Literal(d.date, datatype=XSD.date))
        if d.source:
            q.default(node, DCTERMS.publisher, _zh(d.source))
        for headline in d.headlines:
            q.default(node, DCTERMS.title, _zh(headline))
    for e in kb.entities.values():
        _add_entity(q, e)
    for post in kb.posts:
        _add_post(q, post)
    for fact in kb.facts:
        _add_fact(q, fact)
    return q.ds


def oxigraph_quads(ds: Dataset) -> list[pyoxigraph.Quad]:
    """The dataset as pyoxigraph quads, sorted (for the store and the TriG export)."""
    quads = pyoxigraph.parse(ds.serialize(format="nquads", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def union_graph(ds: Dataset) -> Graph:
    """All triples of all graphs in one graph (what graph.ttl holds)."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g

