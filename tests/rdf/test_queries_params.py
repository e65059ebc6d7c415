"""Parameters and document scope of the canned queries (kg.rdf.queries): what a header
declares, values bound as escaped RDF terms, and the documents a query starts from."""
from __future__ import annotations

import datetime as dt

import pyoxigraph
import pytest

from kg.cli import build_parser, parse
from kg.errors import KgError, UsageError
from kg.rdf.queries import SCOPE_VARIABLE, Parameter, bind, parameters, scope
from kg.rdf.sparql import run_query
from kg.rdf.vocab import DCTERMS, KG, KGR, RDF, SKOS, XSD
from tests.conftest import QUERIES as QUERY_DIR

QUERIES = sorted(QUERY_DIR.glob("*.rq"))

#: a query with one parameter of each kind the tests bind
BY_LABEL = """# @param name label - An entity's name.
SELECT ?e WHERE { VALUES ?name { UNDEF } ?e skos:prefLabel ?name }"""

#: labels that would break out of a literal pasted into the text
TRICKY = ['他说"你好"', "反斜杠\\", "括号}", "换行\n第二行", 'x" } ?e ?p ?o . { "', "\\u0022", "'单引号'",
          "VALUES ?name { UNDEF }"]


def node(n: str) -> pyoxigraph.NamedNode:
    return pyoxigraph.NamedNode(f"{KGR}{n}")


@pytest.fixture(scope="module")
def labelled() -> pyoxigraph.Store:
    """One entity per tricky label, and one plain one."""
    store = pyoxigraph.Store()
    for i, label in enumerate(TRICKY + ["普通名称"]):
        store.add(pyoxigraph.Quad(node(f"place/{i}"), pyoxigraph.NamedNode(str(SKOS.prefLabel)),
                                  pyoxigraph.Literal(label, language="zh")))
    return store


@pytest.mark.parametrize("label", TRICKY, ids=range(len(TRICKY)))
def test_a_bound_value_is_a_literal_that_matches_only_itself(labelled, label):
    found = [s["e"].value for s in run_query(labelled, bind(BY_LABEL, {"name": label}))]
    assert found == [f"{KGR}place/{TRICKY.index(label)}"]


def test_an_unbound_parameter_keeps_the_files_default(labelled):
    assert len(list(run_query(labelled, bind(BY_LABEL, {})))) == len(TRICKY) + 1


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_every_canned_query_declares_its_parameters_and_binds_each_in_one_values_block(query):
    text = query.read_text(encoding="utf-8")
    declared = parameters(text)
    assert all(p.description.endswith(".") for p in declared)
    for p in declared:
        # the file's own VALUES block holds the header's default
        assert text.count(f"VALUES ?{p.name} {{ {'UNDEF' if p.default is None else p.default} }}") == 1
    assert text.count(f"VALUES ?{SCOPE_VARIABLE} {{ UNDEF }}") == 1
    sample = {"date": "2024-01-01", "integer": "1", "iri": "https://example.org/x"}
    bound = bind(text, {p.name: sample.get(p.type, "名称") for p in declared})
    pyoxigraph.Store().query(bound)  # still parses


@pytest.mark.parametrize("header, expected", [
    ("# @param park label - A park's name.", Parameter("park", "label", None, "A park's name.")),
    ("#  @param since date 2024-01-01 From this day on.", Parameter("since", "date", "2024-01-01", "From this day on.")),
    ("# @param top integer 10 How many.", Parameter("top", "integer", "10", "How many.")),
])
def test_header_lines_give_name_type_default_and_sentence(header, expected):
    assert parameters(header + "\nSELECT * WHERE {}") == [expected]


@pytest.mark.parametrize("text, values, error, words", [
    (BY_LABEL, {"nmae": "x"}, UsageError, ["unknown parameter nmae", "name (label): An entity's name."]),
    ("# @param day date - A day.\nSELECT * WHERE { VALUES ?day { UNDEF } }", {"day": "2024-13-01"}, KgError,
     ["not a date"]),
    ("# @param n integer - A number.\nSELECT * WHERE { VALUES ?n { UNDEF } }", {"n": "3 }"}, KgError,
     ["not an integer"]),
    ("# @param x iri - An IRI.\nSELECT * WHERE { VALUES ?x { UNDEF } }", {"x": "http://a/> } ?s ?p ?o {"},
     KgError, ["not an IRI"]),
    ("# @param x label - A name.\nSELECT * WHERE { ?s ?p ?x }", {"x": "a"}, KgError, ["exactly one block"]),
    ("# @param x sparql - Text.\nSELECT * WHERE { }", {}, KgError, ["TYPE one of"]),
])
def test_bad_values_and_declarations_are_one_clear_error(text, values, error, words):
    with pytest.raises(error) as e:
        bind(text, values)
    assert all(w in str(e.value) for w in words), str(e.value)


@pytest.fixture(scope="module")
def documents() -> pyoxigraph.Store:
    """Five documents: three dated, two undated."""
    store = pyoxigraph.Store()
    for name, date in (("a", "2024-01-05"), ("b", "2024-03-01"), ("c", "2024-02-10"), ("u1", None), ("u2", None)):
        doc = node(f"doc/{name}")
        store.add(pyoxigraph.Quad(doc, pyoxigraph.NamedNode(str(RDF.type)), pyoxigraph.NamedNode(str(KG.Document))))
        if date:
            store.add(pyoxigraph.Quad(doc, pyoxigraph.NamedNode(str(DCTERMS.date)),
                                      pyoxigraph.Literal(date, datatype=pyoxigraph.NamedNode(str(XSD.date)))))
        else:
            store.add(pyoxigraph.Quad(doc, pyoxigraph.NamedNode(str(KG.dateNotStated)), pyoxigraph.Literal("none")))
    return store


@pytest.mark.parametrize("kwargs, chosen, description", [
    ({}, None, ""),  # a small store: every document, nothing to say
    ({"every": True}, None, ""),
    ({"latest": 2}, ["b", "c"], "latest 2 of 5 documents (2 dated 2024-02-10 to 2024-03-01); "
                                "--all for every one, --since DATE for a period"),
    ({"latest": 4}, ["a", "b", "c", "u2"], "latest 4 of 5 documents (3 dated 2024-01-05 to 2024-03-01, "
                                           "then 1 of the 2 undated); --all for every one, --since DATE for a period"),
    ({"since": dt.date(2024, 2, 1)}, ["b", "c"], "documents dated 2024-02-01 or later: 2 of 5; 2 undated left out; "
                                                 "--all for every one"),
    ({"since": dt.date(2025, 1, 1)}, [], "documents dated 2025-01-01 or later: 0 of 5; 2 undated left out; "
                                         "--all for every one"),
])
def test_scope_says_which_documents_it_keeps(documents, kwargs, chosen, description):
    found = scope(documents, **kwargs)
    assert found.description == description
    assert found.documents == (None if chosen is None else [f"{KGR}doc/{d}" for d in chosen])


def test_a_scope_binds_the_documents_and_an_empty_one_matches_none(documents):
    text = "SELECT ?scopeDoc WHERE { VALUES ?scopeDoc { UNDEF } ?scopeDoc a kg:Document }"
    for kwargs, n in (({}, 5), ({"latest": 2}, 2), ({"since": dt.date(2025, 1, 1)}, 0)):
        assert len(list(run_query(documents, bind(text, {}, scope(documents, **kwargs))))) == n
    with pytest.raises(UsageError, match="no document scope to bind"):
        bind("SELECT * WHERE { ?s ?p ?o }", {}, scope(documents, latest=2))


@pytest.mark.parametrize("argv, expected", [
    (["query", "g.ttl", "--format", "csv", "SELECT ?s {}"], {"sparql": "SELECT ?s {}", "format": "csv"}),
    (["query", "--format", "json", "g.ttl", "--param", "a=1", "SELECT ?s {}", "--param", "b=x=y"],
     {"source": "g.ttl", "sparql": "SELECT ?s {}", "param": ["a=1", "b=x=y"]}),
    (["query", "g.ttl", "--file", "q.rq", "--all"], {"file": "q.rq", "sparql": None, "all": True}),
    (["stats", "--top", "3", "g.ttl"], {"source": "g.ttl", "top": 3}),
    (["path", "--max", "1", "甲", "乙", "--graph", "g.ttl"], {"a": "甲", "b": "乙", "max": 1}),
    (["view", "-o", "v.html", "g.ttl", "--focus", "江津区"], {"source": "g.ttl", "out": "v.html", "focus": "江津区"}),
    (["build", "-q", "docs", "--out", "o", "more"], {"inputs": ["docs", "more"], "out": "o", "quiet": True}),
    (["score", "--errors", "gold", "sys"], {"gold_dir": "gold", "system_dir": "sys", "errors": True}),
])
def test_options_go_anywhere_on_the_command_line(argv, expected):
    args = parse(build_parser(), argv)
    assert args.command == argv[0]
    assert {k: getattr(args, k) for k in expected} == expected


@pytest.mark.parametrize("argv", [["query", "g.ttl", "--since", "2024-01-01", "--all"], ["nope"], ["query"]])
def test_usage_errors_still_exit_2(argv):
    with pytest.raises(SystemExit) as e:
        parse(build_parser(), argv)
    assert e.value.code == 2
