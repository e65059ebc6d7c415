"""The RDF graph of a hand-made knowledge base: shape, SHACL validity, determinism, exports.

Names and texts are invented for these tests.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
import sys

import networkx as nx
import pytest
from rdflib import BNode, Dataset, Graph, Literal
from rdflib.namespace import OWL

from kg.rdf import build_dataset, build_quads, union_graph
from kg.rdf.dataset import memory_store
from kg.rdf.exports import DUMPS, EXPORTERS, FILES, write_exports
from kg.rdf.vocab import (
    CLASS,
    DCTERMS,
    DERIVED_PROPERTY,
    KG,
    KGR,
    ORG,
    PROPERTY,
    PROV,
    RDF,
    RDFS,
    SKOS,
)
from tests.conftest import DOC_A, DOC_B, ROOT, sample_kb


def _validate(data: Graph) -> tuple[bool, str]:
    from pyshacl import validate

    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    ok, _, report = validate(data, shacl_graph=shapes, advanced=True)
    return ok, report


def test_entities_posts_and_facts_have_the_documented_shape():
    kb = sample_kb()
    g = union_graph(build_dataset(kb))
    for e in kb.entities.values():
        nodes = list(g.subjects(SKOS.prefLabel, Literal(e.label, lang="zh")))
        assert len(nodes) == 1
        assert set(g.objects(nodes[0], RDF.type)) == {CLASS[e.type]}
    mu = next(g.subjects(SKOS.prefLabel, Literal("穆青岚", lang="zh")))
    titles = {str(g.value(p, SKOS.prefLabel)) for p in g.objects(mu, ORG.holds)}
    assert titles == {"区委副书记", "区长"}
    bodies = [g.value(p, ORG.postIn) for p in g.objects(mu, ORG.holds)]
    assert sum(b is not None for b in bodies) == 1
    assert len(list(g.subject_objects(PROPERTY["member_of"]))) == 3
    assert not [t for t in g if any(isinstance(x, BNode) for x in t)]


def test_every_fact_leads_to_its_sentence_and_offsets():
    kb = sample_kb()
    g = union_graph(build_dataset(kb))
    statements = list(g.subjects(RDF.type, RDF.Statement))
    assert len(statements) == len(kb.facts)
    texts = {hashlib.sha256(t.encode()).hexdigest(): t for t in (DOC_A, DOC_B)}
    for st in statements:
        evs = list(g.objects(st, PROV.wasDerivedFrom))
        assert evs
        for ev in evs:
            doc = g.value(ev, PROV.wasQuotedFrom)
            sha = str(g.value(doc, KG.sha256))
            start, end = g.value(ev, KG.start).toPython(), g.value(ev, KG.end).toPython()
            assert texts[sha][start:end] == str(g.value(ev, KG.sentence))


def test_trig_has_one_named_graph_per_document_with_what_it_states():
    kb = sample_kb()
    ds = Dataset()
    ds.parse(data=build_dataset(kb).serialize(format="trig"), format="trig")
    named = {str(c.identifier): c for c in ds.graphs() if str(c.identifier).startswith("https://w3id.org/kg/id/doc/")}
    assert len(named) == 2
    sha_b = kb.documents[1].sha256
    graph_b = named["https://w3id.org/kg/id/doc/" + sha_b]
    members = {(str(s), str(o)) for s, o in graph_b.subject_objects(PROPERTY["member_of"])}
    assert len(members) == 2 and not any("muqinglan" in s for s, _ in members)


def test_built_graph_validates_against_shapes():
    ok, report = _validate(union_graph(build_dataset(sample_kb())))
    assert ok, report


@pytest.mark.parametrize("breakage", ["second_type", "no_label", "fact_without_evidence", "post_without_body"])
def test_shapes_reject_a_broken_graph(breakage):
    kb = sample_kb()
    if breakage == "fact_without_evidence":
        kb.facts[0].evidence = []
    if breakage == "post_without_body":
        kb.posts[0].organization = None
    g = union_graph(build_dataset(kb))
    node = next(g.subjects(SKOS.prefLabel, Literal("杭素文", lang="zh")))
    if breakage == "second_type":
        g.add((node, RDF.type, CLASS["Enterprise"]))
    if breakage == "no_label":
        g.remove((node, SKOS.prefLabel, None))
    if breakage == "post_without_body":
        g.remove((None, KG.bodyNotStated, None))
    ok, _ = _validate(g)
    assert not ok


def test_ontology_parses_and_declares_every_class_and_property():
    onto = Graph().parse(ROOT / "ontology" / "kg.ttl")
    for cls in CLASS.values():
        assert (cls, RDF.type, OWL.Class) in onto
        labels = {lit.language for lit in onto.objects(cls, RDFS.label)}
        assert {"zh", "en"} <= labels
    for prop in [*PROPERTY.values(), *DERIVED_PROPERTY.values()]:
        assert (prop, RDF.type, OWL.ObjectProperty) in onto


def test_exports_are_written_and_byte_identical_across_processes(tmp_path):
    """Hash seeds differ between processes, so this catches set-ordered output."""
    script = ("import sys; sys.path.insert(0, sys.argv[2]); from pathlib import Path; "
              "from tests.conftest import sample_kb; from kg.rdf import build_quads; from kg.rdf.dataset import memory_store; "
              "from kg.rdf.exports import write_exports, FILES; kb = sample_kb(); "
              "write_exports(memory_store(build_quads(kb)), Path(sys.argv[1]), list(FILES))")
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        out.mkdir()
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", script, str(out), str(ROOT)], check=True, env=env)
        outs.append(out)
    names = [n for files in FILES.values() for n in files]
    assert sorted(p.name for p in outs[0].iterdir()) == sorted(names)
    for name in names:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_every_export_parses_back(tmp_path):
    kb = sample_kb()
    write_exports(memory_store(build_quads(kb)), tmp_path, list(FILES))
    n = len(union_graph(build_dataset(kb)))
    for name, fmt in (("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld")):
        assert len(Graph().parse(tmp_path / name, format=fmt)) == n, name
    gml = nx.read_graphml(tmp_path / "graph.graphml")
    assert gml.number_of_nodes() == len(kb.entities)
    assert {d["relation"] for _, _, d in gml.edges(data=True)} >= {"member_of", "holds_post", "located_in"}
    for name, header in (("entities.csv", b"id,"), ("relations.csv", b"subject,")):  # UTF-8 with a BOM, for Excel
        assert (tmp_path / name).read_bytes().startswith(b"\xef\xbb\xbf" + header), name
    entities = list(csv.DictReader(open(tmp_path / "entities.csv", encoding="utf-8-sig")))
    assert {r["label"] for r in entities} == {e.label for e in kb.entities.values()}
    assert list(entities[0])[0] == "id"
    relations = list(csv.DictReader(open(tmp_path / "relations.csv", encoding="utf-8-sig")))
    assert len(relations) == len(kb.facts) + len(kb.posts)
    assert sorted(n["@id"] for n in json.loads((tmp_path / "graph.jsonld").read_text()))[0].startswith(str(KGR))


def test_a_document_without_a_date_says_so():
    g = union_graph(build_dataset(sample_kb()))
    for doc in g.subjects(RDF.type, KG.Document):
        dated = (doc, DCTERMS.date, None) in g
        assert dated != ((doc, KG.dateNotStated, None) in g)
    assert any((doc, KG.dateNotStated, None) in g for doc in g.subjects(RDF.type, KG.Document))


@pytest.mark.parametrize("name, store_dump", [
    ("ttl", True), ("nt", True), ("jsonld", True), ("trig", True),  # the quads as they are: another process may write them
    ("graphml", False), ("csv", False),  # the entity graph the driver reads once
])
def test_the_exporter_table_says_which_exports_are_store_dumps(name, store_dump):
    assert EXPORTERS[name].store_dump is store_dump
    assert (name in DUMPS) is store_dump
