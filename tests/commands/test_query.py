"""``kg query`` on a graph file of the hand-made knowledge base: output formats,
the "show me the evidence" query, and one-line errors."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph
import pytest

from kg.rdf import build_quads
from kg.rdf.dataset import memory_store
from kg.rdf.exports import write_exports
from tests.conftest import DOC_A, DOC_B, ROOT, kg, sample_kb

QUERIES = ROOT / "ontology" / "queries"


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("graph")
    kb = sample_kb()
    write_exports(memory_store(build_quads(kb)), out, ["ttl", "trig"])
    return out / "graph.ttl"


def test_table_lines_up_and_counts_rows(graph):
    done = kg("query", str(graph), "SELECT ?name WHERE { ?p a kg:Person ; skos:prefLabel ?name } ORDER BY ?name")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].strip() == "name" and set(lines[1]) == {"-"}
    assert [l.strip() for l in lines[2:-1]] == sorted(["穆青岚", "杭素文", "沈柏舟"])
    assert lines[-1] == "(3 rows)"


def test_csv_and_json_are_sparql_result_formats(graph):
    q = "SELECT ?title ?body WHERE { ?post a org:Post ; skos:prefLabel ?title ; org:postIn/skos:prefLabel ?body }"
    rows = list(csv.DictReader(io.StringIO(kg("query", str(graph), q, "--format", "csv").stdout)))
    assert {(r["title"], r["body"]) for r in rows} == {("区委副书记", "岳川区委"), ("副院长", "西南工程学院"),
                                                      ("主任", "区经济信息委")}
    data = json.loads(kg("query", str(graph), q, "--format", "json").stdout)
    assert sorted(data["head"]["vars"]) == ["body", "title"] and len(data["results"]["bindings"]) == 3


def test_a_table_shows_labels_and_csv_the_iris(graph):
    q = "SELECT ?person ?post ?doc WHERE { ?person org:holds ?post ; kg:mention/prov:wasQuotedFrom ?doc } ORDER BY ?post"
    table = kg("query", str(graph), q).stdout
    assert "穆青岚" in table and "区委副书记" in table and "a.txt" in table and "kgr:" not in table
    rows = list(csv.DictReader(io.StringIO(kg("query", str(graph), "--format", "csv", q).stdout)))
    assert rows and all(r["person"].startswith("https://w3id.org/kg/id/person/") for r in rows)
    assert {r["doc"].split("/")[-2] for r in rows} == {"doc"}


@pytest.mark.parametrize("entity, subjects", [
    ("澄江智造产业园", {"澄江智造产业园", "高性能膜材料生产基地项目"}),
    ("澜舟新材", {"重庆澜舟新材料有限公司"}),  # an alias
    ('澄江"智造', set()),  # no such name: no rows, and no syntax error
])
def test_a_parameter_picks_the_entity(graph, entity, subjects):
    done = kg("query", str(graph), "--file", str(QUERIES / "entity_facts.rq"), "--param", f"entity={entity}",
              "--format", "csv")
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert {r["subject"] for r in csv.DictReader(io.StringIO(done.stdout))} == subjects


def test_params_lists_what_a_query_declares(graph):
    done = kg("query", str(graph), "--params", "--file", str(QUERIES / "paths.rq"))
    assert done.returncode == 0, done.stderr
    assert [line.split(" (")[0] for line in done.stdout.splitlines()] == ["from", "to"]
    assert kg("query", str(graph), "--params", "ASK {}").stdout == "this query declares no parameter\n"


def test_the_evidence_query_gives_each_fact_its_sentence_and_offsets(graph):
    done = kg("query", str(graph), "--file", str(QUERIES / "entity_facts.rq"), "--format", "json", "--latest", "1")
    assert done.returncode == 0, done.stderr
    assert done.stderr == "kg query: latest 1 of 2 documents (1 dated 2024-05-09 to 2024-05-09); " \
                          "--all for every one, --since DATE for a period\n"
    rows = [{k: v["value"] for k, v in b.items()} for b in json.loads(done.stdout)["results"]["bindings"]]
    assert rows
    texts = {name: text for name, text in (("a.txt", DOC_A), ("b.txt", DOC_B))}
    for row in rows:
        assert texts[row["document"]][int(row["start"]):int(row["end"])] == row["sentence"]
    # the default entity is the one in most facts the latest document states (b.txt has no date,
    # so it comes after a.txt): 穆青岚 (two posts and a membership; 澄江智造产业园 is in two facts)
    assert {r["subject"] for r in rows} == {"穆青岚"} and len(rows) == 3


def test_queries_see_every_named_graph_of_a_trig_file(graph):
    trig = graph.with_suffix(".trig")
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s kg:memberOf ?o }"
    assert kg("query", str(trig), q, "--format", "csv").stdout.split() == ["n", "3"]
    named = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s kg:memberOf ?o } }"
    assert kg("query", str(trig), named, "--format", "csv").stdout.split() == ["n", "2"]


def test_ask_and_construct(graph):
    assert kg("query", str(graph), "ASK { ?s kg:partOf ?o }").stdout == "true\n"
    out = kg("query", str(graph), "CONSTRUCT { ?s kg:partOf ?o } WHERE { ?s kg:partOf ?o }").stdout
    assert "kg:partOf" in out and out.count("kg:partOf") == 1


@pytest.mark.parametrize("args, words", [
    (["SELEC ?x WHERE { ?x ?p ?o }"], ["SPARQL syntax error", "1:"]),
    (["SELECT ?x WHERE { ?x nope:p ?o }"], ["SPARQL syntax error"]),
    ([], ["either a query text or --file"]),
    (["--file", "missing.rq"], ["cannot read --file"]),
    (["--file", str(QUERIES / "entity_facts.rq"), "--param", "entity"], ["--param takes NAME=VALUE"]),
    (["--file", str(QUERIES / "entity_facts.rq"), "--param", "park=x"], ["unknown parameter park", "entity (label)"]),
    (["--file", str(QUERIES / "entity_facts.rq"), "--since", "2024-02-30"], ["--since must be YYYY-MM-DD"]),
    (["--file", str(QUERIES / "entity_facts.rq"), "--latest", "0"], ["--latest must be at least 1"]),
    (["SELECT * WHERE { ?s ?p ?o }", "--since", "2024-01-01"], ["no document scope"]),
    (["SELECT * WHERE { ?s ?p ?o }", "--all"], ["no document scope"]),
])
def test_bad_queries_give_one_line_and_a_nonzero_exit(graph, args, words):
    done = kg("query", str(graph), *args)
    assert done.returncode != 0 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg query: error:"), done.stderr
    for word in words:
        assert word in lines[0]


@pytest.mark.parametrize("name, content, words", [
    ("missing.ttl", None, ["no such graph file or store"]),
    ("broken.ttl", "<a> <b> .", ["cannot read"]),
    ("graph.xyz", "", ["unknown graph file type"]),
    ("emptydir", "", ["not a kg store"]),
])
def test_bad_sources_give_one_line(tmp_path, name, content, words):
    path = tmp_path / name
    if name == "emptydir":
        path.mkdir()
    elif content is not None:
        path.write_text(content)
    done = kg("query", str(path), "ASK {}")
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and all(w in lines[0] for w in words), done.stderr


def test_every_canned_query_has_a_comment_header_and_parses():
    files = sorted(QUERIES.glob("*.rq"))
    assert len(files) >= 6
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert text.startswith("# ") and len([l for l in text.splitlines() if l.startswith("#")]) >= 2, f.name
        pyoxigraph.Store().query(text)  # parses with its own PREFIX lines, as an endpoint would
