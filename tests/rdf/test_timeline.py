"""Facts in time in the graph and its exports: events, milestones and figures with their
evidence, holdings with a stated start and end (org:Membership, time:Interval), the SHACL
shapes with and without RDFS entailment, the CSV exports and the canned queries.
Names and texts are invented for these tests."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import OWL

from kg.knowledge import PersonnelEvent, ProjectFigure, ProjectMilestone
from kg.rdf import build_dataset, build_quads, union_graph
from kg.rdf.dataset import memory_store
from kg.rdf.exports import write_exports
from kg.rdf.queries import bind
from kg.rdf.sparql import run_query
from kg.rdf.vocab import KG, KGR, ORG, PROV, RDF, RDFS, TIME, XSD
from tests.conftest import DOC_A, DOC_B, ROOT, sample_kb, sentence_evidence

A1, B2 = DOC_A.split("。")[0] + "。", DOC_B.split("。")[1] + "。"


def timed_kb(conflict: bool = False):
    """sample_kb with an appointment (a.txt) and a removal (b.txt) of one holding, an event of a
    name that resolved to no entity, a milestone and a figure."""
    kb = sample_kb()
    ea, eb = sentence_evidence(DOC_A, "a.txt", A1, "events.after"), sentence_evidence(DOC_B, "b.txt", B2, "events.object")
    kb.events = [
        PersonnelEvent("person/muqinglan", "穆青岚", "appoint", False, "区长", "岳川区人民政府", "2023-02-01", [ea],
                       organization="govorg/yuechuan-quwei"),
        PersonnelEvent("person/muqinglan", "穆青岚", "remove", False, "区长", "岳川区人民政府", "2024-06", [eb],
                       organization="govorg/yuechuan-quwei"),
        PersonnelEvent(None, "闻一舟", "propose", True, "区长", None, None, [eb]),
    ]
    if conflict:
        kb.events.append(PersonnelEvent("person/shenbaizhou", "沈柏舟", "appoint", False, "区长", "岳川区人民政府",
                                        "2023-02-01", [eb]))
        kb.events = [e for e in kb.events if e.kind != "remove"]
    kb.milestones = [ProjectMilestone("project/mojidi", "高性能膜材料生产基地项目", "开工", "2024-03",
                                      [sentence_evidence(DOC_A, "a.txt", DOC_A.split("。")[1] + "。", "milestones")])]
    kb.figures = [ProjectFigure("project/mojidi", "高性能膜材料生产基地项目", "investment", "总投资", 1200000000, "CNY",
                                [sentence_evidence(DOC_A, "a.txt", DOC_A.split("。")[1] + "。", "figures")])]
    return kb


@pytest.fixture(scope="module")
def graph() -> Graph:
    return union_graph(build_dataset(timed_kb()))


def test_events_milestones_and_figures_carry_typed_values_and_evidence(graph):
    events = set(graph.subjects(RDF.type, KG.PersonnelEvent))
    assert len(events) == 3
    dates = {graph.value(e, KG.date) for e in events} - {None}
    assert dates == {Literal("2023-02-01", datatype=XSD.date), Literal("2024-06", datatype=XSD.gYearMonth)}
    for node in events | set(graph.subjects(RDF.type, KG.Milestone)) | set(graph.subjects(RDF.type, KG.Figure)):
        evidence = graph.value(node, PROV.wasDerivedFrom)
        assert evidence is not None and graph.value(evidence, KG.sentence) is not None
    figure = next(graph.subjects(RDF.type, KG.Figure))
    assert graph.value(figure, KG.value) == Literal("1200000000", datatype=XSD.decimal)
    unresolved = next(e for e in events if graph.value(e, KG.personName) == Literal("闻一舟", lang="zh"))
    assert graph.value(unresolved, KG.person) is None and graph.value(unresolved, KG.date) is None


def test_a_start_and_an_end_stated_in_two_documents_meet_on_one_holding(graph):
    memberships = list(graph.subjects(RDF.type, ORG.Membership))
    assert len(memberships) == 1
    interval = graph.value(memberships[0], ORG.memberDuring)
    begin, end = graph.value(interval, TIME.hasBeginning), graph.value(interval, TIME.hasEnd)
    assert graph.value(begin, TIME.inXSDDate) == Literal("2023-02-01", datatype=XSD.date)
    assert graph.value(end, TIME.inXSDgYearMonth) == Literal("2024-06", datatype=XSD.gYearMonth)
    assert graph.value(memberships[0], ORG.organization) == KGR["govorg/yuechuan-quwei"]
    # the first/last-seen dates of posts stay apart
    assert not set(graph.objects(memberships[0], KG.asOf))


def _validate(data: Graph, inference: str) -> tuple[bool, str]:
    from pyshacl import validate

    ok, _, report = validate(data, shacl_graph=Graph().parse(ROOT / "ontology" / "shapes.ttl"),
                             ont_graph=Graph().parse(ROOT / "ontology" / "kg.ttl"), inference=inference,
                             advanced=True)
    return ok, report


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_graph_validates_with_and_without_rdfs_entailment(graph, inference):
    ok, report = _validate(graph, inference)
    assert ok, report


@pytest.mark.parametrize("inference", ["none", "rdfs"])
@pytest.mark.parametrize("breakage", ["second_kg_type", "figure_without_value", "event_without_evidence"])
def test_shapes_reject_a_broken_graph_either_way(graph, inference, breakage):
    g = Graph()
    for t in graph:
        g.add(t)
    if breakage == "second_kg_type":  # a person that is a place too
        g.add((next(g.subjects(RDF.type, ORG.Membership)), RDF.type, KG.Figure))
        g.add((next(g.objects(None, ORG.member)), RDF.type, KG.Place))
    if breakage == "figure_without_value":
        g.remove((None, KG.value, None))
    if breakage == "event_without_evidence":
        for e in g.subjects(RDF.type, KG.PersonnelEvent):
            g.remove((e, PROV.wasDerivedFrom, None))
    ok, _ = _validate(g, inference)
    assert not ok


def test_two_holders_of_one_head_post_from_the_same_day_are_a_named_conflict():
    ok, report = _validate(union_graph(build_dataset(timed_kb(conflict=True))), "none")
    assert not ok and "holds the same post" in report


def _read_csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_csv_exports_of_facts_in_time(tmp_path):
    kb = timed_kb()
    write_exports(memory_store(build_quads(kb)), tmp_path, ["csv"])
    events = _read_csv(tmp_path / "events.csv")
    assert {(r["person"], r["kind"], r["acting"], r["title"], r["body"], r["date"], r["document"]) for r in events} == {
        ("穆青岚", "appoint", "false", "区长", "岳川区人民政府", "2023-02-01", "a.txt"),
        ("穆青岚", "remove", "false", "区长", "岳川区人民政府", "2024-06", "b.txt"),
        ("闻一舟", "propose", "true", "区长", "", "", "b.txt")}
    assert all(r["sentence"] for r in events)
    posts = {(r["person"], r["title"]): r for r in _read_csv(tmp_path / "posts.csv")}
    # 区长 of a.txt: start and end stated by the events; 区委副书记: seen in a.txt (2024-05-09) only
    held = posts[("穆青岚", "区长")]
    assert (held["start"], held["end"], held["start_how"], held["end_how"]) == ("2023-02-01", "2024-06", "stated", "stated")
    assert held["documents"] == "a.txt|b.txt"
    seen = posts[("穆青岚", "区委副书记")]
    assert (seen["start"], seen["end"], seen["start_how"], seen["end_how"]) == (
        "2024-05-09", "2024-05-09", "first_seen", "last_seen")
    assert [(r["project"], r["milestone"], r["date"]) for r in _read_csv(tmp_path / "milestones.csv")] == [
        ("高性能膜材料生产基地项目", "开工", "2024-03")]
    assert [(r["project"], r["kind"], r["qualifier"], r["value"], r["unit"]) for r in _read_csv(tmp_path / "figures.csv")] == [
        ("高性能膜材料生产基地项目", "investment", "总投资", "1200000000", "CNY")]


QUERIES = ROOT / "ontology" / "queries"


@pytest.mark.parametrize("on, expected", [
    (None, {("穆青岚", "区长", "stated"), ("穆青岚", "区委副书记", "seen"), ("穆青岚", "区长", "seen")}),
    ("2024-01-15", {("穆青岚", "区长", "stated")}),  # stated start 2023-02-01, stated end 2024-06
    ("2024-06-30", {("穆青岚", "区长", "stated")}),  # an end known to the month covers the month
    ("2024-07-01", set()),  # ended
    ("2023-01-31", set()),  # not yet appointed
])
def test_who_held_a_post_on_a_date(on, expected):
    store = memory_store(build_quads(timed_kb()))
    text = (QUERIES / "post_holders_on_date.rq").read_text(encoding="utf-8")
    if on:
        text = bind(text, {"date": on})
    assert {(r["person"].value, r["title"].value, r["how"].value) for r in run_query(store, text)} == expected


def test_projects_by_milestone_since_a_date():
    store = memory_store(build_quads(timed_kb()))
    text = (QUERIES / "project_milestones_since.rq").read_text(encoding="utf-8")
    rows = [(r["project"].value, r["stage"].value, r["investment"].value) for r in run_query(store, text)]
    assert rows == [("高性能膜材料生产基地项目", "开工", "1200000000")]
    assert not list(run_query(store, bind(text, {"from": "2024-04-01"})))
    assert not list(run_query(store, bind(text, {"milestone": "投产"})))
    assert len(list(run_query(store, bind(text, {"milestone": "开工"})))) == 1


def test_every_kg_term_of_facts_in_time_is_declared_in_the_ontology(graph):
    onto = Graph().parse(ROOT / "ontology" / "kg.ttl")
    used_properties = {p for _, p, _ in graph if str(p).startswith(str(KG))}
    used_classes = {o for o in graph.objects(None, RDF.type) if str(o).startswith(str(KG))}
    for prop in used_properties:
        assert set(onto.objects(prop, RDF.type)) & {OWL.ObjectProperty, OWL.DatatypeProperty}, prop
        assert {lit.language for lit in onto.objects(prop, RDFS.label)} >= {"zh", "en"}, prop
    for cls in used_classes:
        assert (cls, RDF.type, OWL.Class) in onto, cls


def test_a_document_reporting_an_end_gives_no_start_after_it(tmp_path):
    kb = timed_kb()
    # a.txt (2024-05-09) shows 区委副书记, and says it ended on 2024-05-01
    kb.events.append(PersonnelEvent("person/muqinglan", "穆青岚", "resign", False, "区委副书记", "岳川区委",
                                    "2024-05-01", [sentence_evidence(DOC_A, "a.txt", A1, "events.after")]))
    write_exports(memory_store(build_quads(kb)), tmp_path, ["csv"])
    row = {(r["person"], r["title"]): r for r in _read_csv(tmp_path / "posts.csv")}[("穆青岚", "区委副书记")]
    assert (row["start"], row["end"], row["start_how"], row["end_how"]) == ("", "2024-05-01", "", "stated")
