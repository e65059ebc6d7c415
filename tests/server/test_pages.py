"""kg's own pages on ``kg serve`` over plain HTTP: the endpoint page and its canned queries,
kg's prefixes on /query, entity pages and their content negotiation, search, and the
escaping of document text. A real ``kg serve`` on a store built from the seeds, with one
invented hostile entity added."""
from __future__ import annotations

import json
import re
import urllib.parse

import pyoxigraph
import pytest
import rdflib

from kg.rdf.vocab import KGR
from kg.server.pages import MAX_CANDIDATES, negotiate
from kg.server.policy import Refused
from tests.conftest import ROOT
from tests.server.conftest import (
    CROSS_JOIN,
    PARK,
    TIMELINE,
    TIMELINE_ID,
    XSS_ID,
    entity_named,
    http,
    serve,
    stop,
    store_rows,
)


def _page(base: str, path: str, **params: str) -> tuple[int, str]:
    status, body, _ = http("GET", base + path + ("?" + urllib.parse.urlencode(params) if params else ""))
    return status, body


# -- /query: kg's prefixes ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, rows", [
    ("SELECT ?n WHERE { ?p a kg:Person ; skos:prefLabel ?n }", "some"),  # no PREFIX at all, as in kg query
    ("PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nSELECT ?n WHERE { ?p a kg:Person ; skos:prefLabel ?n }",
     "some"),  # one declared, the other added
    ("PREFIX kg: <http://example.org/other#>\nSELECT ?n WHERE { ?p a kg:Person ; skos:prefLabel ?n }",
     "none"),  # the query's own kg: is kept
])
def test_a_query_gets_the_prefixes_kg_query_predeclares(seeds, text, rows):
    base, _ = seeds
    status, body, _ = http("POST", base + "/query", text, {"Content-Type": "application/sparql-query",
                                                           "Accept": "application/sparql-results+json"})
    assert status == 200, body
    found = json.loads(body)["results"]["bindings"]
    assert (len(found) > 0) == (rows == "some")


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { SERVICE kg:elsewhere { ?s ?p ?o } }",  # runs only with the added kg: prefix
    "SELECT * WHERE { ?s skos:prefLabel ?o . SERVICE <URL> { ?s ?p ?o } }",
])
def test_service_in_a_query_with_added_prefixes_is_refused(seeds, outside, text):
    base, _ = seeds
    url, asked = outside
    status, body, _ = http("POST", base + "/query", text.replace("URL", url),
                           {"Content-Type": "application/sparql-query"})
    assert status == 403 and "SERVICE refused" in body
    status, page = _page(base, "/", query=text.replace("URL", url))
    assert status == 403 and "SERVICE refused" in page and not asked


# -- the endpoint page ------------------------------------------------------------------------------

def test_the_endpoint_page_lists_the_canned_queries_with_their_parameters(seeds):
    base, _ = seeds
    status, page = _page(base, "/")
    assert status == 200
    for path in sorted((ROOT / "ontology" / "queries").glob("*.rq")):
        assert f"/?canned={path.stem}" in page
    status, page = _page(base, "/", canned="paths")
    assert status == 200 and 'name="from"' in page and 'name="to"' in page


def test_a_canned_query_runs_with_its_parameter_and_shows_labels_linked_to_entities(seeds):
    base, path = seeds
    status, page = _page(base, "/", canned="park_enterprises_projects", park=PARK, run="1")
    assert status == 200
    expected = store_rows(path, 'SELECT ?name ?x WHERE { ?p skos:prefLabel "%s"@zh . ?part kg:partOf* ?p . '
                                 '?x kg:locatedIn ?part ; skos:prefLabel ?name ; a kg:Project }' % PARK)
    assert expected
    for row in expected:
        link = "/id/" + row["x"].value[len(str(KGR)):]
        assert f'<a href="{link}"' in page and f">{row['name'].value}</a>" in page
    shown = re.sub(r"<[^>]+>", "", page[page.index('<table id="results"'):].split("</table>")[0])
    assert "@zh" not in shown and "https://" not in shown and "^^" not in shown


@pytest.mark.parametrize("value", [
    'x"@zh } } SERVICE <URL> { ?a ?b ?c } { VALUES ?park { "y',  # would end the literal if pasted
    "璧山\\u0022 } SERVICE <URL> {",
])
def test_a_parameter_value_is_bound_as_a_literal_never_pasted(seeds, outside, value):
    base, _ = seeds
    url, asked = outside
    status, page = _page(base, "/", canned="park_enterprises_projects", park=value.replace("URL", url), run="1")
    assert status == 200 and "0 rows" in page and not asked


def test_a_query_from_the_page_is_stopped_at_the_time_limit(big_store):
    proc, base = serve(big_store, "--timeout", "2")
    try:
        status, page = _page(base, "/", query=CROSS_JOIN)
    finally:
        stop(proc, base)
    assert status == 503 and "time limit of 2 s" in page


def test_a_syntax_error_is_one_message_on_the_page(seeds):
    base, _ = seeds
    status, page = _page(base, "/", query="SELECT ?x WHERE { ?x kg:nope")
    assert status == 400 and page.count('class="error"') == 1 and "Traceback" not in page


# -- entity pages -----------------------------------------------------------------------------------

def test_an_entity_page_shows_its_facts_with_their_sentences_and_documents(seeds):
    base, path = seeds
    iri = entity_named(path, "比亚迪")
    status, page = _page(base, "/id/" + iri[len(str(KGR)):])
    assert status == 200 and '<h1 id="title">比亚迪</h1>' in page
    stated = store_rows(path, f"SELECT ?sentence ?document ?o WHERE {{ ?st rdf:subject <{iri}> ; rdf:object ?o ; "
                               "prov:wasDerivedFrom ?ev . ?ev kg:sentence ?sentence ; "
                               "prov:wasQuotedFrom/dcterms:identifier ?document }")
    assert stated
    for row in stated:
        assert row["sentence"].value in page and row["document"].value in page
        assert 'href="/id/' + row["o"].value[len(str(KGR)):] + '"' in page  # the neighbour, linked
    assert "?view=graph" in page
    assert f'<link rel="alternate" type="text/turtle" href="/id/{iri[len(str(KGR)):]}?format=ttl">' in page


def test_a_person_page_shows_the_timeline_in_date_order(seeds):
    base, _ = seeds
    status, page = _page(base, "/id/" + TIMELINE_ID)
    assert status == 200
    timeline = re.sub(r"<[^>]+>", " ", page[page.index('<table id="timeline"'):].split("</table>")[0])
    events = [timeline.index(sentence) for _, _, sentence in TIMELINE]
    assert events == sorted(events)
    for kind, date, _ in TIMELINE:
        assert kind in timeline and date in timeline
    assert re.search(rf"{TIMELINE[0][1]}\s+{TIMELINE[1][1]}\s+holds\s+副区长", timeline)  # the stated holding


def test_a_project_page_shows_its_milestones_and_figures(seeds):
    base, path = seeds
    rows = store_rows(path, "SELECT ?p ?m ?q WHERE { ?x a kg:Milestone ; kg:project ?p ; kg:milestone ?m . "
                             "?f a kg:Figure ; kg:project ?p ; kg:qualifier ?q } LIMIT 1")
    assert rows
    status, page = _page(base, "/id/" + rows[0]["p"].value[len(str(KGR)):])
    assert status == 200 and 'id="milestones"' in page and 'id="figures"' in page
    assert rows[0]["m"].value in page and rows[0]["q"].value in page


def test_the_neighbourhood_view_draws_the_entity_and_its_neighbours(seeds):
    base, path = seeds
    iri = entity_named(path, "比亚迪")
    status, page = _page(base, "/id/" + iri[len(str(KGR)):], view="graph", depth="1")
    neighbours = store_rows(path, f"SELECT ?name WHERE {{ <{iri}> kg:ownsProject/skos:prefLabel ?name }}")
    assert status == 200 and "vis-network" in page and "https://" not in page.split("<script")[0]
    assert all(row["name"].value in page for row in neighbours)


@pytest.mark.parametrize("accept, fmt", [
    ("text/turtle", "turtle"),
    ("application/ld+json", "json-ld"),
    ("application/n-triples", "nt"),
    ("application/ld+json;q=0.5, text/turtle;q=0.9", "turtle"),
])
def test_an_entity_iri_dereferences_to_its_triples_by_accept(seeds, accept, fmt):
    base, path = seeds
    iri = entity_named(path, "比亚迪")
    status, body, headers = http("GET", base + "/id/" + iri[len(str(KGR)):], headers={"Accept": accept})
    assert status == 200 and "accept" in headers.get("vary", "").lower()
    graph = rdflib.Graph().parse(data=body, format=fmt)
    stored = store_rows(path, f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }}")
    assert stored
    for row in stored:
        o = row["o"]
        obj = rdflib.URIRef(o.value) if isinstance(o, pyoxigraph.NamedNode) else rdflib.Literal(
            o.value, lang=o.language, datatype=None if o.language else rdflib.URIRef(o.datatype.value))
        assert (rdflib.URIRef(iri), rdflib.URIRef(row["p"].value), obj) in graph


@pytest.mark.parametrize("query, media", [
    ({"format": "ttl"}, "text/turtle"),
    ({"format": "jsonld"}, "application/ld+json"),
    ({}, "text/html"),
])
def test_format_in_the_url_overrides_accept(seeds, query, media):
    base, path = seeds
    iri = entity_named(path, "比亚迪")
    url = base + "/id/" + iri[len(str(KGR)):] + ("?" + urllib.parse.urlencode(query) if query else "")
    status, _, headers = http("GET", url, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert status == 200 and headers["content-type"].startswith(media)


@pytest.mark.parametrize("format_, accept, expected", [
    (None, None, "html"),
    (None, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"),  # a browser
    (None, "text/turtle", "ttl"),
    (None, "application/ld+json", "jsonld"),
    (None, "text/turtle;q=0.2, application/ld+json;q=0.8", "jsonld"),
    (None, "*/*", "html"),
    ("ttl", "text/html", "ttl"),
    ("nt", None, "nt"),
])
def test_negotiation_picks_the_best_format(format_, accept, expected):
    assert negotiate(format_, accept) == expected


@pytest.mark.parametrize("format_, accept, status", [
    (None, "application/xml", 406),
    ("rdfxml", None, 400),
])
def test_negotiation_refuses_what_it_cannot_serve(format_, accept, status):
    with pytest.raises(Refused) as e:
        negotiate(format_, accept)
    assert e.value.status == status


@pytest.mark.parametrize("path, accept", [
    ("/id/person/no-such-entity", "text/html"),
    ("/id/person/no-such-entity", "text/turtle"),
    ("/id/person/a%20b", "text/html"),  # not an IRI
    ("/id/person/%3E%20%7D", "text/turtle"),
])
def test_an_unknown_id_is_404(seeds, path, accept):
    base, _ = seeds
    status, _, _ = http("GET", base + path, headers={"Accept": accept})
    assert status == 404


def test_other_iris_kg_mints_dereference_too(seeds):
    base, path = seeds
    doc = store_rows(path, "SELECT ?d ?name WHERE { ?d a kg:Document ; dcterms:identifier ?name } LIMIT 1")[0]
    status, page = _page(base, "/id/" + doc["d"].value[len(str(KGR)):])
    assert status == 200 and doc["name"].value in page
    mentioned = store_rows(path, f"SELECT DISTINCT ?name WHERE {{ ?ev prov:wasQuotedFrom <{doc['d'].value}> . "
                                  f"?e kg:mention ?ev ; skos:prefLabel ?name FILTER (?e != <{KGR[XSS_ID]}>) }}")
    assert mentioned and all(f">{row['name'].value}</a>" in page for row in mentioned)


# -- search --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("q, name", [
    ("合川", "合川区"),  # an alias
    ("合川区", "合川区"),  # the name
    ("比亚迪", "比亚迪"),  # a prefix of other names too: the exact one is listed
])
def test_search_finds_an_entity_by_name_or_alias(seeds, q, name):
    base, path = seeds
    status, page = _page(base, "/search", q=q)
    assert status == 200
    assert f'<a href="/id/{entity_named(path, name)[len(str(KGR)):]}">{name}</a>' in page


@pytest.mark.parametrize("q, found", [
    ('"', 1),  # the invented name has quotes
    ('") } UNION { ?e ?p ?o } #', 0),
    ("\\", 0),
    ("  ", 0),
])
def test_search_takes_any_text_as_a_literal(seeds, q, found):
    base, _ = seeds
    status, page = _page(base, "/search", q=q)
    assert status == 200 and page.count('<tr><td><a href="/id/') == found


def test_search_lists_a_bounded_number_of_candidates(seeds):
    base, _ = seeds
    status, page = _page(base, "/search", q="区")
    assert status == 200 and page.count('<tr><td><a href="/id/') == MAX_CANDIDATES


# -- escaping ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path, params", [
    ("/id/" + XSS_ID, {}),
    ("/search", {"q": "恶意别名"}),
    ("/", {"canned": "entity_facts", "entity": "恶意别名", "run": "1"}),
    ("/", {"query": "SELECT ?n WHERE { ?p skos:altLabel \"恶意别名\"@zh ; skos:prefLabel ?n }"}),
    ("/", {"query": "CONSTRUCT { ?p skos:prefLabel ?n } "
                    "WHERE { ?p skos:altLabel \"恶意别名\"@zh ; skos:prefLabel ?n }"}),
])
def test_document_text_is_escaped_on_every_page(seeds, path, params):
    base, _ = seeds
    status, page = _page(base, path, **params)
    assert status == 200
    assert "<script>window.pwned" not in page and "<img src=x" not in page and "<b>任职" not in page
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
