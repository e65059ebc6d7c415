"""A synthetic knowledge graph in the shape ``kg build`` writes (see kg/rdf/vocab.py),
for measuring stores at sizes no test corpus reaches.

Documents, entities of every type, mentions with evidence sentences, posts in
bodies, facts with their reified statements; all of it in the default graph
(the merged graph queries read), and everything a document states also in that
document's named graph. Mentions follow a power law (a few entities
are everywhere, most are rare), as in news. Labels are made up ("人物123"),
and the same seed gives the same graph.
"""
from __future__ import annotations

import random
from pathlib import Path

from kg.rdf.vocab import CLASS, DCTERMS, DERIVED_PROPERTY, KG, KGR, ORG, PROPERTY, PROV, RDF, SKOS, XSD

#: share of each entity type in the pool, and the label it gets (see _label for places and parks)
TYPES = {"Person": (0.40, "人物{}"), "GovOrg": (0.10, "第{}区委"), "Enterprise": (0.20, "第{}科技有限公司"),
         "Park": (0.05, "第{}号产业园"), "Project": (0.15, "第{}号厂房项目"), "Place": (0.05, "第{}"),
         "Organization": (0.05, "第{}研究院")}
#: the label of a park zone
ZONE = "第{}片区"
#: relation -> (subject type, object type) templates for facts; part_of is added as
#: hierarchies: places in a tree of administrative divisions (cities, districts, towns,
#: villages), park zones (片区) in parks
FACTS = [("member_of", "Person", "GovOrg"), ("located_in", "Enterprise", "Park"), ("located_in", "Project", "Park"),
         ("located_in", "Park", "Place"), ("located_in", "Project", "Place"), ("owns_project", "Enterprise", "Project")]
#: relations with one object per subject (located_in) or one subject per object (owns_project)
ONE_OBJECT = ("located_in", "owns_project")
#: children per parent in the part_of hierarchies
FANOUT = 8
#: the suffix of a place by its depth in the tree: the root and its children are cities
PLACE_LEVELS = ("市", "市", "区", "镇", "村")
MENTIONS_PER_DOC = 8
FACTS_PER_DOC = 2
POSTS_PER_DOC = 1
TITLES = ("区长", "副区长", "区委书记", "主任", "董事长", "总经理")


def _iri(node: object) -> str:
    return f"<{node}>"


def _zh(text: str) -> str:
    return f'"{text}"@zh'


def _int(n: int) -> str:
    return f'"{n}"^^<{XSD.integer}>'


class _Writer:
    def __init__(self, nq, nt) -> None:
        self.nq, self.nt, self.count = nq, nt, 0

    def add(self, s: str, p: object, o: str, graph: str | None = None) -> None:
        """A triple of the merged graph (the default graph of the dataset), also in
        ``graph`` if a document states it."""
        triple = f"{s} <{p}> {o}"
        self.nt.write(triple + " .\n")
        self.nq.write(triple + " .\n")
        if graph:
            self.nq.write(f"{triple} {graph} .\n")
        self.count += 1


def _place_depth(i: int) -> int:
    return 0 if i == 0 else 1 + _place_depth(i // FANOUT)


def _label(type_: str, i: int, size: int) -> str:
    """Entity ``i`` of a pool of ``size``: places end in their level's suffix (one
    level of the tree is 区), parks past the first 1/FANOUT are zones of those."""
    if type_ == "Park" and i >= size // FANOUT:
        return ZONE.format(i)
    label = TYPES[type_][1].format(i)
    return label + PLACE_LEVELS[min(_place_depth(i), len(PLACE_LEVELS) - 1)] if type_ == "Place" else label


def generate(triples: int, nquads: Path, ntriples: Path, seed: int = 1) -> int:
    """Write about ``triples`` triples (at least that many) as N-Quads (the dataset
    ``kg build`` writes into the store: the merged graph as default graph, and each
    document's statements also in its named graph) and as N-Triples (the merged
    graph, for rdflib); returns the number of triples."""
    rng = random.Random(seed)
    n_entities = max(50, triples // 40)
    pools: dict[str, list[str]] = {}
    with open(nquads, "w", encoding="utf-8") as nq, open(ntriples, "w", encoding="utf-8") as nt:
        w = _Writer(nq, nt)
        labels: dict[str, str] = {}
        for type_, (share, _) in TYPES.items():
            pool = pools[type_] = []
            size = max(3, int(n_entities * share))
            for i in range(size):
                node = _iri(KGR[f"{type_.lower()}/{i:08x}"])
                pool.append(node)
                labels[node] = _label(type_, i, size)
                w.add(node, RDF.type, _iri(CLASS[type_]))
                w.add(node, SKOS.prefLabel, _zh(labels[node]))
                if i % 5 == 0:
                    w.add(node, SKOS.altLabel, _zh(labels[node][:3]))
        everyone = [n for pool in pools.values() for n in pool]

        places, parks = pools["Place"], pools["Park"]
        for i in range(1, len(places)):  # a tree: place i is part of place i // FANOUT
            w.add(places[i], PROPERTY["part_of"], places[i // FANOUT])
        for i, body in enumerate(pools["GovOrg"]):  # each body governs a place (kg:jurisdiction)
            w.add(body, DERIVED_PROPERTY["jurisdiction"], places[i % len(places)])
        top_parks = max(1, len(parks) // FANOUT)
        for i in range(top_parks, len(parks)):  # one level: zone i is part of park i % top_parks
            w.add(parks[i], PROPERTY["part_of"], parks[i % top_parks])

        def popular(pool: list[str], skew: float = 3.0) -> str:
            """Low indexes far more often: the most popular of 10,000 gets ~5% of the picks."""
            return pool[int(len(pool) * rng.random() ** skew)]

        serial = 0
        stated: set[tuple[str, str, str]] = set()
        single: dict[tuple[str, str], str] = {}
        doc_no = 0
        while w.count < triples:
            doc = _iri(KGR[f"doc/{doc_no:064x}"])
            w.add(doc, RDF.type, _iri(KG.Document))
            w.add(doc, DCTERMS.identifier, f'"gen{doc_no:06d}.txt"')
            w.add(doc, DCTERMS.date, f'"20{10 + doc_no % 15}-{1 + doc_no % 12:02d}-{1 + doc_no % 28:02d}"^^<{XSD.date}>')
            w.add(doc, DCTERMS.title, _zh(f"新闻标题{doc_no}"))

            def evidence(about: str) -> str:
                nonlocal serial
                serial += 1
                ev = _iri(KGR[f"evidence/{serial:016x}"])
                start = rng.randrange(0, 3000)
                for p, o in ((RDF.type, _iri(KG.Evidence)), (PROV.wasQuotedFrom, doc), (KG.start, _int(start)),
                             (KG.end, _int(start + 30)), (KG.sentence, _zh(f"{labels[about]}出席会议并讲话，第{serial}句。")),
                             (KG.pattern, '"generated"')):
                    w.add(ev, p, o, doc)
                return ev

            for _ in range(MENTIONS_PER_DOC):
                entity = popular(pools[rng.choice(list(pools))]) if rng.random() < 0.5 else rng.choice(everyone)
                w.add(entity, KG.mention, evidence(entity), doc)
            for _ in range(POSTS_PER_DOC):
                person, body = popular(pools["Person"]), popular(pools["GovOrg"])
                post = _iri(KGR[f"post/{serial:016x}"])
                for s, p, o in ((person, ORG.holds, post), (post, RDF.type, _iri(ORG.Post)),
                                (post, SKOS.prefLabel, _zh(rng.choice(TITLES))), (post, ORG.postIn, body),
                                (post, KG.asOf, f'"20{10 + doc_no % 15}-01-01"^^<{XSD.date}>'),
                                (post, PROV.wasDerivedFrom, evidence(person))):
                    w.add(s, p, o, doc)
            for _ in range(FACTS_PER_DOC):
                relation, s_type, o_type = rng.choice(FACTS)
                s, o = popular(pools[s_type], 2.0), popular(pools[o_type], 2.0)
                if relation in ONE_OBJECT:  # a thing is in one place, a project has one owner: restated, not new
                    s, o = (s, single.setdefault((relation, s), o)) if relation == "located_in" else \
                        (single.setdefault((relation, o), s), o)
                if s == o or (s, relation, o) in stated:  # each direct triple once: the union counts them once
                    continue
                stated.add((s, relation, o))
                fact = _iri(KGR[f"fact/{serial:016x}"])
                p = _iri(PROPERTY[relation])
                for t in ((s, PROPERTY[relation], o), (fact, RDF.type, _iri(RDF.Statement)), (fact, RDF.subject, s),
                          (fact, RDF.predicate, p), (fact, RDF.object, o), (fact, PROV.wasDerivedFrom, evidence(s))):
                    w.add(*t, doc)
            doc_no += 1
    return w.count
