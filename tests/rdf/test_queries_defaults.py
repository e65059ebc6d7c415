"""The canned queries start from the documents in scope: on a small graph where the
busiest entities are all in older documents, the 7 latest documents give answers about
what the latest ones name, every document reaches the older ones again, and the
parameters each query declares pick one entity."""
from __future__ import annotations

import pyoxigraph
import pytest

from kg.rdf.queries import bind, scope
from kg.rdf.sparql import run_query
from kg.rdf.vocab import CLASS, DCTERMS, KG, KGR, ORG, PROPERTY, PROV, RDF, SKOS, XSD
from tests.conftest import QUERIES

#: entity key -> (class, label)
ENTITIES = {
    "old_district": ("Place", "旧港区"), "new_district": ("Place", "新城区"), "town": ("Place", "望江镇"),
    "park": ("Park", "晴川产业园"), "zone": ("Park", "晴川东片区"), "old_park": ("Park", "老工业园"),
    "firm": ("Enterprise", "云帆科技有限公司"), "old_firm": ("Enterprise", "石桥机械厂"),
    "project": ("Project", "云帆电池项目"), "old_project": ("Project", "石桥改造项目"),
    "busy_person": ("Person", "苏念"), "new_person": ("Person", "林远舟"),
    "body": ("GovOrg", "新城区委"), "old_body": ("GovOrg", "旧港区委"),
}


class _Graph:
    """Turtle of documents, mentions, facts and posts in the shape of kg.rdf.vocab."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.serial = 0
        for key, (cls, label) in ENTITIES.items():
            self.add(self.node(key), RDF.type, f"<{CLASS[cls]}>")
            self.add(self.node(key), SKOS.prefLabel, f'"{label}"@zh')

    @staticmethod
    def node(key: str) -> str:
        return f"<{KGR}{key}>"

    def add(self, s: str, p: object, o: str) -> None:
        self.lines.append(f"{s} <{p}> {o} .")

    def document(self, day: int) -> str:
        doc = f"<{KGR}doc/{day:02d}>"
        self.add(doc, RDF.type, f"<{KG.Document}>")
        self.add(doc, DCTERMS.identifier, f'"day{day:02d}.txt"')
        self.add(doc, DCTERMS.date, f'"2024-05-{day:02d}"^^<{XSD.date}>')
        return doc

    def evidence(self, doc: str) -> str:
        self.serial += 1
        ev = f"<{KGR}evidence/{self.serial}>"
        for p, o in ((RDF.type, f"<{KG.Evidence}>"), (PROV.wasQuotedFrom, doc), (KG.start, f'"{self.serial * 10}"^^<{XSD.integer}>'),
                     (KG.end, f'"{self.serial * 10 + 8}"^^<{XSD.integer}>'), (KG.sentence, f'"第{self.serial}句。"@zh')):
            self.add(ev, p, o)
        return ev

    def mention(self, key: str, doc: str, times: int = 1) -> None:
        for _ in range(times):
            self.add(self.node(key), KG.mention, self.evidence(doc))

    def fact(self, s: str, relation: str, o: str, doc: str) -> None:
        self.serial += 1
        st = f"<{KGR}fact/{self.serial}>"
        self.add(self.node(s), PROPERTY[relation], self.node(o))
        for p, obj in ((RDF.type, f"<{RDF.Statement}>"), (RDF.subject, self.node(s)),
                       (RDF.predicate, f"<{PROPERTY[relation]}>"), (RDF.object, self.node(o)),
                       (PROV.wasDerivedFrom, self.evidence(doc))):
            self.add(st, p, obj)

    def post(self, person: str, title: str, body: str, doc: str, day: int) -> None:
        self.serial += 1
        post = f"<{KGR}post/{self.serial}>"
        self.add(self.node(person), ORG.holds, post)
        for p, o in ((RDF.type, f"<{ORG.Post}>"), (SKOS.prefLabel, f'"{title}"@zh'), (ORG.postIn, self.node(body)),
                     (KG.asOf, f'"2024-05-{day:02d}"^^<{XSD.date}>'), (PROV.wasDerivedFrom, self.evidence(doc))):
            self.add(post, p, o)


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    g = _Graph()
    docs = {day: g.document(day) for day in range(1, 10)}  # days 3..9 are the 7 latest dates
    old, new = docs[1], docs[9]
    # the old documents name much more than the latest ones
    g.mention("old_district", old, 12)
    g.mention("old_district", docs[2], 5)
    g.mention("new_district", old)
    g.mention("new_district", docs[8], 2)
    g.mention("new_district", new)
    g.mention("town", docs[5], 2)
    for key in ("old_park", "busy_person", "old_body"):
        g.mention(key, old, 3)
    g.mention("zone", old)
    for key in ("park", "new_person", "body"):
        g.mention(key, new)
    for s, relation, o in (("old_firm", "located_in", "old_park"), ("old_park", "located_in", "old_district"),
                           ("old_project", "located_in", "old_district"), ("old_firm", "owns_project", "old_project"),
                           ("busy_person", "member_of", "old_body")):
        g.fact(s, relation, o, old)
    for s, relation, o in (("zone", "part_of", "park"), ("firm", "located_in", "zone"),
                           ("project", "located_in", "park"), ("firm", "owns_project", "project"),
                           ("park", "located_in", "town"), ("town", "part_of", "new_district")):
        g.fact(s, relation, o, new)
    for title in ("区委书记", "区长", "主任", "副主任", "组长"):
        g.post("busy_person", title, "old_body", old, 1)
    g.post("new_person", "区委副书记", "body", new, 9)
    g.post("new_person", "区长", "body", docs[4], 4)
    store = pyoxigraph.Store()
    store.load("\n".join(g.lines).encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def rows(store: pyoxigraph.Store, name: str, latest: int | None = 7, **params: str) -> list[dict[str, str]]:
    """The rows of a canned query bound to ``params``, starting from the ``latest`` documents
    (one a day here: the 7 latest dates), or from every document (None)."""
    text = bind((QUERIES / f"{name}.rq").read_text(encoding="utf-8"), params,
                scope(store, every=latest is None, latest=latest or 1))
    return [{v.value: s[v.value].value for v in result.variables if s[v.value] is not None}
            for result in [run_query(store, text)] for s in result]


def test_documents_mentioning_defaults_to_the_entity_the_latest_documents_name_most(store):
    found = rows(store, "documents_mentioning")
    assert {r["entity"] for r in found} == {"新城区"}
    # every document that mentions it, the old one too
    assert [r["document"] for r in found] == ["day01.txt", "day08.txt", "day09.txt"]
    assert [r["sentences"] for r in found] == ["1", "2", "1"]


def test_documents_mentioning_answers_about_a_given_entity_in_scope(store):
    assert rows(store, "documents_mentioning", entity="旧港区") == []  # only the old documents name it
    assert [(r["document"], r["sentences"]) for r in rows(store, "documents_mentioning", None, entity="旧港区")] == [
        ("day01.txt", "12"), ("day02.txt", "5")]


def test_entity_facts_defaults_to_the_entity_in_most_relations_of_the_latest_documents(store):
    found = rows(store, "entity_facts")
    # 晴川产业园: its zone, its project and its town; 旧港区 has as many, but only in day 1
    assert {(r["subject"], r["relation"], r["object"]) for r in found} == {
        ("晴川东片区", "partOf", "晴川产业园"), ("云帆电池项目", "locatedIn", "晴川产业园"),
        ("晴川产业园", "locatedIn", "望江镇")}
    assert {r["document"] for r in found} == {"day09.txt"}
    # every document: 苏念, with five posts and a membership
    assert {r["subject"] for r in rows(store, "entity_facts", None)} == {"苏念"}


def test_officials_by_body_lists_the_posts_the_latest_documents_state(store):
    found = rows(store, "officials_by_body")
    assert [(r["body"], r["official"], r["title"], r["first"], r["last"]) for r in found] == [
        ("新城区委", "林远舟", "区委副书记", "2024-05-09", "2024-05-09"),
        ("新城区委", "林远舟", "区长", "2024-05-04", "2024-05-04")]
    assert {r["official"] for r in rows(store, "officials_by_body", None)} == {"林远舟", "苏念"}
    assert {r["official"] for r in rows(store, "officials_by_body", None, body="旧港区委")} == {"苏念"}


def test_paths_start_from_the_best_connected_person_of_the_latest_documents(store):
    found = rows(store, "paths")
    # 苏念 holds more posts, but only the oldest document names them
    assert {r["from"] for r in found} == {"林远舟"}
    assert ("→memberOf" not in {r["step1"] for r in found}
            and {(r["step1"], r["to"]) for r in found if r["length"] == "1"} == {("→holds", "区委副书记"),
                                                                                   ("→holds", "区长")})
    assert {r["to"] for r in found if r["length"] == "2"} == {"新城区委"}


def test_paths_between_two_given_entities(store):
    found = rows(store, "paths", None, **{"from": "晴川产业园", "to": "新城区"})
    assert [(r["from"], r["step1"], r["via1"], r["step2"], r["to"]) for r in found] == [
        ("晴川产业园", "→locatedIn", "望江镇", "→partOf", "新城区")]


def test_park_query_covers_the_parks_the_latest_documents_name_and_their_zones(store):
    found = {(r["park"], r["kind"], r["name"], r["how"]) for r in rows(store, "park_enterprises_projects")}
    assert found == {("晴川产业园", "Enterprise", "云帆科技有限公司", "located in"),
                     ("晴川产业园", "Enterprise", "云帆科技有限公司", "owns a project there"),
                     ("晴川产业园", "Project", "云帆电池项目", "located in")}
    # a zone is a park too
    assert {r["park"] for r in rows(store, "park_enterprises_projects", None)} == {"晴川产业园", "晴川东片区", "老工业园"}
    assert {r["name"] for r in rows(store, "park_enterprises_projects", None, park="老工业园")} == {"石桥机械厂"}


def test_projects_by_district_follows_parks_and_smaller_places_down(store):
    found = rows(store, "projects_by_district")
    assert [(r["district"], r["projects"], r["names"]) for r in found] == [("新城区", "1", "云帆电池项目")]
    assert {(r["district"], r["projects"]) for r in rows(store, "projects_by_district", None)} == {
        ("新城区", "1"), ("旧港区", "1")}
    assert [r["district"] for r in rows(store, "projects_by_district", None, district="旧港区")] == ["旧港区"]
