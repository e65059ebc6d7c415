"""Graphs for the view and analytics tests, written by hand with invented names
in the RDF shape of kg.rdf.vocab (so the tests go through kg.graphview's reader)."""
from __future__ import annotations

import random

import networkx as nx
from rdflib import Graph, Literal, URIRef

from kg.graphview import to_networkx
from kg.rdf.vocab import CLASS, DCTERMS, KG, KGR, ORG, PROPERTY, PROV, RDF, SKOS, XSD

XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_SENTENCE = "</script><script>alert(2)</script>据<b>报道</b>"


class RdfWriter:
    """Adds entities, posts and facts with their evidence to an rdflib graph."""

    def __init__(self):
        self.g = Graph()
        self._n = 0

    def document(self, key: str, name: str) -> URIRef:
        doc = KGR["doc/" + key]
        self.g.add((doc, RDF.type, KG.Document))
        self.g.add((doc, DCTERMS.identifier, Literal(name)))
        return doc

    def _evidence(self, doc: URIRef, sentence: str) -> URIRef:
        self._n += 1
        ev = KGR[f"evidence/{self._n}"]
        self.g.add((ev, RDF.type, KG.Evidence))
        self.g.add((ev, PROV.wasQuotedFrom, doc))
        self.g.add((ev, KG.sentence, Literal(sentence, lang="zh")))
        self.g.add((ev, KG.start, Literal(0)))
        self.g.add((ev, KG.end, Literal(len(sentence))))
        return ev

    def entity(self, key: str, type_: str, label: str, aliases=(), doc=None, sentence=None) -> URIRef:
        ent = KGR[f"{type_.lower()}/{key}"]
        self.g.add((ent, RDF.type, CLASS[type_]))
        self.g.add((ent, SKOS.prefLabel, Literal(label, lang="zh")))
        for a in aliases:
            self.g.add((ent, SKOS.altLabel, Literal(a, lang="zh")))
        if sentence:
            self.g.add((ent, KG.mention, self._evidence(doc, sentence)))
        return ent

    def fact(self, s: URIRef, relation: str, o: URIRef, doc: URIRef, sentence: str) -> None:
        self._n += 1
        st = KGR[f"fact/{self._n}"]
        self.g.add((s, PROPERTY[relation], o))
        self.g.add((st, RDF.type, RDF.Statement))
        self.g.add((st, RDF.subject, s))
        self.g.add((st, RDF.predicate, PROPERTY[relation]))
        self.g.add((st, RDF.object, o))
        self.g.add((st, PROV.wasDerivedFrom, self._evidence(doc, sentence)))

    def post(self, person: URIRef, title: str, body: URIRef | None, date: str | None,
             doc: URIRef, sentence: str) -> None:
        self._n += 1
        post = KGR[f"post/{self._n}"]
        self.g.add((person, ORG.holds, post))
        self.g.add((post, RDF.type, ORG.Post))
        self.g.add((post, SKOS.prefLabel, Literal(title, lang="zh")))
        if body is not None:
            self.g.add((post, ORG.postIn, body))
        if date:
            self.g.add((post, KG.asOf, Literal(date, datatype=XSD.date)))
        self.g.add((post, PROV.wasDerivedFrom, self._evidence(doc, sentence)))


def invented_rdf() -> Graph:
    """A small district: two officials (one named like an HTML tag), a body, a park,
    an enterprise with a project, places; 9 entities, 8 links, one isolated place."""
    w = RdfWriter()
    d1 = w.document("d1", "青梧日报_0412.txt")
    d2 = w.document("d2", "<i>澜汐</i>.txt")
    s1 = "区委副书记、区长柯望舒在青梧智造产业园调研澜汐新材料有限公司光膜生产基地建设。"
    s2 = "青梧智造产业园位于青梧区，园区内的澜汐新材(以下简称)光膜生产基地预计年底投产。"
    district = w.entity("qw", "Place", "青梧区", doc=d2, sentence=s2)
    city = w.entity("lz", "Place", "澜州市")
    w.entity("far", "Place", "雾岭镇")  # mentioned, linked to nothing
    gov = w.entity("qwgov", "GovOrg", "青梧区人民政府", ["区政府"], d1, s1)
    ke = w.entity("kws", "Person", "柯望舒", ["柯区长"], d1, s1)
    xss = w.entity("xss", "Person", XSS_NAME, ["图片先生"], d2, XSS_SENTENCE)
    park = w.entity("zz", "Park", "青梧智造产业园", ["智造园"], d1, s1)
    firm = w.entity("lx", "Enterprise", "澜汐新材料有限公司", ["澜汐新材"], d2, s2)
    plant = w.entity("gm", "Project", "澜汐光膜生产基地", (), d2, s2)
    w.post(ke, "区委副书记", None, "2024-04-12", d1, s1)
    w.post(ke, "区长", gov, "2024-04-12", d1, s1)
    w.post(xss, "<script>主任</script>", gov, None, d2, XSS_SENTENCE)
    w.fact(park, "located_in", district, d2, s2)
    w.fact(firm, "located_in", park, d2, s2)
    w.fact(firm, "owns_project", plant, d2, s2)
    w.fact(plant, "located_in", park, d2, s2)
    w.fact(district, "part_of", city, d2, s2)
    w.fact(gov, "located_in", district, d1, s1)
    return w.g


def invented_graph() -> nx.MultiDiGraph:
    return to_networkx(invented_rdf())


_SURNAMES = "柯穆澜岑祁蔺邝甘靳濮"
_GIVEN = "望舒青岚若川知微景行星河云起沐晨"
_PLACE = "梧汐岭澜岑溪峤桐芷"


def random_graph(n: int, seed: int) -> nx.MultiDiGraph:
    """``n`` entities of every type, about 1.5 links each, with invented names (for size tests)."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    types = list(CLASS)
    for i in range(n):
        t = types[i % len(types)]
        if t == "Person":
            label = rng.choice(_SURNAMES) + "".join(rng.sample(_GIVEN, 2))
        else:
            stem = "".join(rng.sample(_PLACE, 2))
            label = stem + {"GovOrg": "区发展改革委", "Enterprise": "科技有限公司", "Park": "产业园",
                            "Project": "生产基地项目", "Place": "镇", "Organization": "研究院"}[t]
        g.add_node(f"n{i}", type=t, label=f"{label}{i}", aliases=[], posts=[],
                   evidence=[{"text": f"{label}相关报道第{i}句。", "doc": f"doc{i % 50}.txt"}])
    relations = ["member_of", "located_in", "part_of", "owns_project"]
    for _ in range(int(1.5 * n)):
        a, b = rng.sample(range(n), 2)
        rel = rng.choice(relations)
        g.add_edge(f"n{a}", f"n{b}", key=rel, relation=rel, evidence=[])
    return g
