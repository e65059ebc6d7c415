"""KnowledgeBase -> quads, in the shape documented in ``kg.rdf.vocab``.

``build_quads`` makes pyoxigraph quads (fast: the store, the exports and the
view read them); ``build_dataset`` gives the same as an rdflib Dataset.
Every IRI is minted from the content it names (entity id, document sha256, a
hash of a post's or a fact's parts, of an evidence's document and offsets), so
the same knowledge base always gives the same graph and there are no blank nodes.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
from decimal import Decimal

import pyoxigraph
from pyoxigraph import DefaultGraph, NamedNode, Quad
from rdflib import Dataset, Graph, URIRef

from kg.divisions import code_iri
from kg.knowledge import Entity, Evidence, Fact, KnowledgeBase, PersonnelEvent, Post, ProjectFigure, ProjectMilestone
from kg.rdf.vocab import (CLASS, DCTERMS, IDENTIFIER_TYPE, KG, KGR, ORG, PREFIXES, PROPERTY, PROV, RDF, SKOS, TIME,
                          XSD)

#: Why a post has no org:postIn (SHACL requires a body or a reason).
NO_BODY_REASON = "the text names no body for this title"
#: Why a document has no dcterms:date (and how queries find the undated ones cheaply).
NO_DATE_REASON = "no date in the text or its masthead, and none given with --date"

_IRI_UNSAFE = {c: f"%{ord(c):02X}" for c in ' <>"{}|\\^`%#?'}

Term = NamedNode | pyoxigraph.Literal
_RDF_TYPE = NamedNode(str(RDF.type))


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


@functools.lru_cache(maxsize=None)
def _v(term: URIRef) -> NamedNode:
    """A vocabulary term (rdflib, as kg.rdf.vocab defines it) as a pyoxigraph node."""
    return NamedNode(str(term))


def entity_iri(entity_id: str) -> NamedNode:
    return NamedNode(str(KGR) + "".join(_IRI_UNSAFE.get(c, c) for c in entity_id))


def document_iri(sha256: str) -> NamedNode:
    return NamedNode(f"{KGR}doc/{sha256}")


def evidence_iri(ev: Evidence) -> NamedNode:
    return NamedNode(f"{KGR}evidence/{_digest(ev.doc_sha256, ev.start, ev.end, ev.pattern)}")


def post_iri(post: Post) -> NamedNode:
    return NamedNode(f"{KGR}post/{_digest(post.person, post.title, post.organization or '')}")


def fact_iri(fact: Fact) -> NamedNode:
    return NamedNode(f"{KGR}fact/{_digest(fact.subject, fact.relation, fact.object)}")


def _zh(text: str) -> pyoxigraph.Literal:
    return pyoxigraph.Literal(text, language="zh")


def _str(text: str) -> pyoxigraph.Literal:
    return pyoxigraph.Literal(text)


def _int(n: int) -> pyoxigraph.Literal:
    return pyoxigraph.Literal(str(n), datatype=_INTEGER)


def _date(d: dt.date) -> pyoxigraph.Literal:
    return pyoxigraph.Literal(d.isoformat(), datatype=_v(XSD.date))


#: length of an ISO date as precise as the text -> (its datatype, the OWL-Time property of an instant)
_PRECISION = {10: (XSD.date, TIME.inXSDDate), 7: (XSD.gYearMonth, TIME.inXSDgYearMonth)}
_YEAR = (XSD.gYear, TIME.inXSDgYear)


def _stated_date(value: str) -> pyoxigraph.Literal:
    """An ISO date as precise as the text: xsd:date, xsd:gYearMonth or xsd:gYear."""
    return pyoxigraph.Literal(value, datatype=_v(_PRECISION.get(len(value), _YEAR)[0]))


#: Event kinds that start a holding and that end one.
_STARTS = ("appoint", "elect")
_ENDS = ("remove", "resign")


class _Quads:
    """Collects triples into the default graph or a document's named graph. ``merged``: a triple stated
    in a document's graph is also put in the default graph's quads (else they are only the triples no
    document's graph holds)."""

    def __init__(self, merged: bool = True) -> None:
        self.merged = merged
        self.quads: set[Quad] = set()  # of the default graph
        self.named: set[Quad] = set()  # of the documents' named graphs
        self._graphs: dict[str, NamedNode] = {}  # document sha256 -> its named graph
        self._evidence: dict[tuple, NamedNode] = {}  # an evidence's fields -> its node, once its quads are in

    def default(self, s: NamedNode, p: URIRef, o: Term) -> None:
        self.quads.add(Quad(s, _v(p), o, _DEFAULT))

    def stated(self, doc_sha: str, s: NamedNode, p: URIRef | NamedNode, o: Term) -> None:
        """In the document's graph, and in the default graph (the merged graph)."""
        self._stated(self._graph(doc_sha), s, p if type(p) is NamedNode else _v(p), o)

    def _graph(self, doc_sha: str) -> NamedNode:
        graph = self._graphs.get(doc_sha)
        if graph is None:
            graph = self._graphs[doc_sha] = document_iri(doc_sha)
        return graph

    def _stated(self, graph: NamedNode, s: NamedNode, p: NamedNode, o: Term) -> None:
        self.named.add(Quad(s, p, o, graph))
        if self.merged:
            self.quads.add(Quad(s, p, o, _DEFAULT))

    def evidence(self, ev: Evidence) -> NamedNode:
        # Mentions, posts and facts often share a sentence's evidence: its quads are made once.
        key = (ev.doc_sha256, ev.start, ev.end, ev.pattern, ev.text)
        node = self._evidence.get(key)
        if node is None:
            node = self._evidence[key] = evidence_iri(ev)
            graph = self._graph(ev.doc_sha256)
            for p, o in ((_TYPE, _EVIDENCE), (_QUOTED_FROM, graph), (_START, _int(ev.start)), (_END, _int(ev.end)),
                         (_SENTENCE, _zh(ev.text)), (_PATTERN, _str(ev.pattern))):
                self._stated(graph, node, p, o)
        return node

    def derived(self, node: NamedNode, triples: list[tuple], evidence: list[Evidence]) -> None:
        """``triples`` (about ``node``) as stated by each evidence's document, with
        ``node prov:wasDerivedFrom`` the evidence; in the default graph if there is none."""
        triples = [(s, _v(p), o) for s, p, o in triples]
        for ev in evidence:
            graph = self._graph(ev.doc_sha256)
            for t in triples:
                self._stated(graph, *t)
            self._stated(graph, node, _DERIVED_FROM, self.evidence(ev))
        if not evidence:
            for s, p, o in triples:
                self.quads.add(Quad(s, p, o, _DEFAULT))


_DEFAULT = DefaultGraph()
_TYPE, _EVIDENCE, _QUOTED_FROM, _DERIVED_FROM = _RDF_TYPE, _v(KG.Evidence), _v(PROV.wasQuotedFrom), \
    _v(PROV.wasDerivedFrom)
_START, _END, _SENTENCE, _PATTERN, _MENTION = _v(KG.start), _v(KG.end), _v(KG.sentence), _v(KG.pattern), _v(KG.mention)
_INTEGER = _v(XSD.integer)


def _describe_entity(q: _Quads, e: Entity) -> None:
    node = entity_iri(e.id)
    q.default(node, RDF.type, _v(CLASS[e.type]))
    q.default(node, SKOS.prefLabel, _zh(e.label))
    for alias in e.aliases - {e.label}:
        q.default(node, SKOS.altLabel, _zh(alias))
    if e.how_resolved:
        q.default(node, KG.howResolved, _str(e.how_resolved))
    if e.jurisdiction:
        q.default(node, KG.jurisdiction, entity_iri(e.jurisdiction))
    if e.identifier and e.type in IDENTIFIER_TYPE:
        q.default(node, DCTERMS.identifier, pyoxigraph.Literal(e.identifier, datatype=_v(IDENTIFIER_TYPE[e.type])))
        if e.type == "Place":
            q.default(node, SKOS.exactMatch, NamedNode(code_iri(e.identifier)))
    if e.within:
        q.default(node, KG.withinDivision, entity_iri(e.within))
    for correction in e.corrections:
        q.default(node, KG.correction, _str(correction))


def _add_post(q: _Quads, post: Post) -> None:
    node = post_iri(post)
    body = ((ORG.postIn, entity_iri(post.organization)) if post.organization
            else (KG.bodyNotStated, pyoxigraph.Literal(NO_BODY_REASON, language="en")))
    triples = [(entity_iri(post.person), ORG.holds, node), (node, RDF.type, _v(ORG.Post)),
               (node, SKOS.prefLabel, _zh(post.title)), (node, *body)]
    if post.date:
        triples.append((node, KG.asOf, _date(post.date)))
    q.derived(node, triples, post.evidence)


def _add_fact(q: _Quads, fact: Fact) -> None:
    s, p, o = entity_iri(fact.subject), PROPERTY[fact.relation], entity_iri(fact.object)
    node = fact_iri(fact)
    triples = [(s, p, o), (node, RDF.type, _v(RDF.Statement)), (node, RDF.subject, s),
               (node, RDF.predicate, _v(p)), (node, RDF.object, o)]
    q.derived(node, triples, fact.evidence)


def _add_event(q: _Quads, e: PersonnelEvent) -> None:
    node = NamedNode(f"{KGR}event/{_digest(e.person or e.person_name, e.kind, e.acting, e.title, e.body, e.date)}")
    triples = [(node, RDF.type, _v(KG.PersonnelEvent)), (node, KG.eventKind, _str(e.kind)),
               (node, KG.acting, pyoxigraph.Literal(str(e.acting).lower(), datatype=_v(XSD.boolean))),
               (node, KG.personName, _zh(e.person_name)), (node, KG.title, _zh(e.title))]
    if e.person:
        triples.append((node, KG.person, entity_iri(e.person)))
    if e.body:
        triples.append((node, KG.body, _zh(e.body)))
    if e.date:
        triples.append((node, KG.date, _stated_date(e.date)))
    q.derived(node, triples, e.evidence)
    if e.person and e.date and e.kind in _STARTS + _ENDS:
        _add_membership(q, e)


def _add_membership(q: _Quads, e: PersonnelEvent) -> None:
    """The holding an event starts or ends: its stated beginning or end (org:memberDuring)."""
    key = _digest(e.person, e.title, e.organization or e.body or "")
    node, interval = NamedNode(f"{KGR}membership/{key}"), NamedNode(f"{KGR}interval/{key}")
    instant = NamedNode(f"{KGR}instant/{_digest(e.date)}")
    in_xsd = _PRECISION.get(len(e.date), _YEAR)[1]
    triples = [(node, RDF.type, _v(ORG.Membership)), (node, ORG.member, entity_iri(e.person)),
               (node, KG.title, _zh(e.title)), (node, ORG.memberDuring, interval),
               (interval, RDF.type, _v(TIME.Interval)),
               (interval, TIME.hasBeginning if e.kind in _STARTS else TIME.hasEnd, instant),
               (instant, RDF.type, _v(TIME.Instant)), (instant, in_xsd, _stated_date(e.date))]
    if e.body:
        triples.append((node, KG.body, _zh(e.body)))
    if e.organization:
        triples.append((node, ORG.organization, entity_iri(e.organization)))
    q.derived(node, triples, e.evidence)


def _add_milestone(q: _Quads, m: ProjectMilestone) -> None:
    node = NamedNode(f"{KGR}milestone/{_digest(m.project or m.project_name, m.milestone, m.date)}")
    triples = [(node, RDF.type, _v(KG.Milestone)), (node, KG.milestone, _zh(m.milestone)),
               (node, KG.projectName, _zh(m.project_name))]
    if m.project:
        triples.append((node, KG.project, entity_iri(m.project)))
    if m.date:
        triples.append((node, KG.date, _stated_date(m.date)))
    q.derived(node, triples, m.evidence)


def _add_figure(q: _Quads, f: ProjectFigure) -> None:
    node = NamedNode(f"{KGR}figure/{_digest(f.project or f.project_name, f.kind, f.value, f.unit)}")
    triples = [(node, RDF.type, _v(KG.Figure)), (node, KG.figureKind, _str(f.kind)),
               (node, KG.qualifier, _zh(f.qualifier)), (node, KG.projectName, _zh(f.project_name)),
               (node, KG.value, pyoxigraph.Literal(format(Decimal(str(f.value)), "f"), datatype=_v(XSD.decimal))),
               (node, KG.unit, _str(f.unit))]
    if f.project:
        triples.append((node, KG.project, entity_iri(f.project)))
    q.derived(node, triples, f.evidence)


def build_quads(kb: KnowledgeBase) -> list[Quad]:
    """The whole knowledge base as sorted quads: everything in the default graph,
    and what each document states also in the document's named graph."""
    return sorted(description_quads(kb) | statement_quads(kb), key=lambda q: (str(q.graph_name), *triple_order(q)))


def description_quads(kb: KnowledgeBase) -> set[Quad]:
    """What describes ``kb``'s documents and entities (default graph); entities' mentions aside."""
    q = _Quads()
    for d in kb.documents:
        node = document_iri(d.sha256)
        q.default(node, RDF.type, _v(KG.Document))
        q.default(node, DCTERMS.identifier, _str(d.name))
        q.default(node, KG.sha256, _str(d.sha256))
        if d.date:
            q.default(node, DCTERMS.date, _date(d.date))
        else:
            q.default(node, KG.dateNotStated, pyoxigraph.Literal(NO_DATE_REASON, language="en"))
        if d.source:
            q.default(node, DCTERMS.publisher, _zh(d.source))
        for headline in d.headlines:
            q.default(node, DCTERMS.title, _zh(headline))
        if d.copy_of:
            q.default(node, KG.copyOf, document_iri(d.copy_of))
    for e in kb.entities.values():
        _describe_entity(q, e)
    return q.quads


def statement_quads(kb: KnowledgeBase) -> set[Quad]:
    """What ``kb``'s documents state: mentions, posts and facts with their evidence. A streaming
    build adds these one document's part of the knowledge base at a time (``kg.resolve.Resolver``)."""
    q = _statements(kb, _Quads())
    q.quads |= q.named
    return q.quads


def statement_graphs(kb: KnowledgeBase) -> tuple[set[Quad], set[Quad]]:
    """``statement_quads`` as the quads of the default graph that no document's named graph holds, and
    those of the named graphs: the default graph is the first and the triples of the second, which are
    not made twice (their copies in the default graph are half of ``statement_quads``; a build's
    temporary store takes them from the named graphs' serialization, ``kg.rdf.dumps.named_graphs``)."""
    q = _statements(kb, _Quads(merged=False))
    return q.quads, q.named


def _statements(kb: KnowledgeBase, q: _Quads) -> _Quads:
    """``q`` with what ``kb``'s documents state."""
    for e in kb.entities.values():
        node = entity_iri(e.id)
        for ev in e.mentions:
            q.stated(ev.doc_sha256, node, _MENTION, q.evidence(ev))
    for post in kb.posts:
        _add_post(q, post)
    for fact in kb.facts:
        _add_fact(q, fact)
    for event in kb.events:
        _add_event(q, event)
    for milestone in kb.milestones:
        _add_milestone(q, milestone)
    for figure in kb.figures:
        _add_figure(q, figure)
    return q


def triple_order(t: pyoxigraph.Triple | Quad) -> tuple:
    """By subject, its rdf:type first (so Turtle reads `x a kg:Person ; ...`), then the rest: the
    order of the quads in the dumps (``kg.rdf.dumps``), whatever store holds them. ``str(t)`` is
    ``<s> <p> <o>`` (and the graph, the same for the quads compared): as no IRI holds ``>``, it orders
    by predicate, then object, in one call instead of two."""
    return (str(t.subject), t.predicate != _RDF_TYPE, str(t))


def memory_store(quads: list[Quad]) -> pyoxigraph.Store:
    """An in-memory pyoxigraph store of ``quads`` (for SPARQL over a fresh build)."""
    store = pyoxigraph.Store()
    store.extend(quads)
    return store


def build_dataset(kb: KnowledgeBase) -> Dataset:
    """The same quads as an rdflib Dataset."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    data = pyoxigraph.serialize(build_quads(kb), format=pyoxigraph.RdfFormat.N_QUADS)
    ds.parse(data=data.decode("utf-8"), format="nquads")
    return ds


def union_graph(ds: Dataset) -> Graph:
    """All triples of all graphs in one graph (what graph.ttl holds)."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g

