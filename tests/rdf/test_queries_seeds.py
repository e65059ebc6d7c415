"""The seeds graph: two builds give byte-identical Turtle (one through the store), the
graph validates against ontology/shapes.ttl, and every canned query returns rows on it,
from the Turtle file and from the store."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.rdf.source import open_source
from kg.rdf.sparql import run_query
from kg.runner import SEEDS
from tests.conftest import ROOT, kg

QUERIES = sorted((ROOT / "ontology" / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """seeds built twice in separate processes (different hash seeds): plain, and into a store."""
    tmp = tmp_path_factory.mktemp("seeds")
    for args in (["--out", str(tmp / "a")], ["--out", str(tmp / "b"), "--store", str(tmp / "store")]):
        done = kg("build", str(SEEDS), "-q", "--formats", "ttl,trig", *args)
        assert done.returncode == 0, done.stderr
    return tmp


def test_two_builds_give_identical_bytes(built):
    for name in ("graph.ttl", "graph.trig"):
        assert (built / "a" / name).read_bytes() == (built / "b" / name).read_bytes(), name


def test_seeds_graph_validates_against_the_shapes(built):
    from pyshacl import validate

    data = Graph().parse(built / "a" / "graph.ttl")
    assert len(data) > 1000
    ok, _, report = validate(data, shacl_graph=Graph().parse(ROOT / "ontology" / "shapes.ttl"), advanced=True)
    assert ok, report


@pytest.fixture(scope="module")
def sources(built):
    return [open_source(built / "a" / "graph.ttl"), open_source(built / "store")]


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_canned_query_returns_rows_on_the_graph_and_the_store(sources, query):
    text = query.read_text(encoding="utf-8")
    on_graph, on_store = ([tuple(map(str, row)) for row in run_query(source, text)] for source in sources)
    # the same rows up to the order of ties and of GROUP_CONCAT's parts
    assert on_graph and len(on_graph) == len(on_store)
    assert sorted(row[0] for row in on_graph) == sorted(row[0] for row in on_store)
