"""``kg serve``: a real endpoint (the kg front and its oxigraph back end) on free loopback
ports, read and attacked over HTTP, then stopped (the back end must go away with it)."""
from __future__ import annotations

import csv
import io
import os
import random
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph
import pytest
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper

from kg.rdf import build_quads
from kg.rdf.dataset import memory_store
from kg.rdf.exports import write_exports
from kg.server.policy import Refused, _bare_keyword, fetching_keyword, is_loopback
from tests.conftest import sample_kb
from tests.server.conftest import (
    CROSS_JOIN,
    PEOPLE,
    TOKEN,
    backend_pid,
    free_port,
    http,
    make_store,
    port_open,
    serve,
    server_env,
    stop,
    triple_count,
)

NT = '<https://w3id.org/kg/id/x> <http://www.w3.org/2004/02/skos/core#prefLabel> "芦苇荡"@zh .'
EVIL = "http://evil.example"
#: Every kind of write: (method, path, content type, body, what a web page could send along).
WRITES = [
    ("POST", "/update", "application/x-www-form-urlencoded", "update=DROP%20ALL", {"Origin": EVIL}),
    ("POST", "/update", "application/sparql-update", "DROP ALL", {}),
    ("PUT", "/store?default", "application/n-triples", NT, {}),
    ("POST", "/store?graph=https%3A%2F%2Fw3id.org%2Fkg%2Fid%2Fgraph%2Fnew", "application/n-triples", NT, {}),
    ("DELETE", "/store", None, "", {}),
]


def _write(base: str, method: str, path: str, content_type: str | None, body: str,
           headers: dict[str, str]) -> tuple[int, str]:
    headers = {**headers, **({"Content-Type": content_type} if content_type else {})}
    status, text, _ = http(method, base + path, body, headers)
    return status, text


@pytest.fixture
def store(tmp_path) -> Path:
    return make_store(tmp_path / "store")


@pytest.fixture(scope="module")
def read_only(tmp_path_factory):
    """A default (read-only) server; yields its base URL."""
    proc, base = serve(make_store(tmp_path_factory.mktemp("ro") / "store"))
    yield base
    stop(proc, base)


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    """A --writable server with TOKEN; yields its base URL."""
    tmp = tmp_path_factory.mktemp("rw")
    (tmp / "token").write_text(TOKEN + "\n")
    proc, base = serve(make_store(tmp / "store"), "--writable", "--token-file", str(tmp / "token"))
    yield base
    stop(proc, base)


# -- reads -------------------------------------------------------------------------------------------

def test_endpoint_answers_sparql_protocol_queries_in_json_xml_and_csv(read_only):
    sparql = SPARQLWrapper(f"{read_only}/query")
    sparql.setQuery(PEOPLE)
    sparql.setReturnFormat(JSON)
    names = [b["name"]["value"] for b in sparql.query().convert()["results"]["bindings"]]
    assert sorted(names) == sorted(["穆青岚", "杭素文", "沈柏舟"])

    sparql.setReturnFormat(XML)
    xml = sparql.query().convert()
    assert len(xml.getElementsByTagName("result")) == 3

    sparql.setReturnFormat(CSV)
    sparql.setMethod("POST")
    rows = list(csv.DictReader(io.StringIO(sparql.query().convert().decode("utf-8"))))
    assert sorted(r["name"] for r in rows) == sorted(names)

    # each document keeps its own named graph, reachable with GRAPH ?g
    sparql.setMethod("GET")
    sparql.setReturnFormat(JSON)
    sparql.setQuery("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert sparql.query().convert()["results"]["bindings"][0]["n"]["value"] == "2"


def test_a_query_posted_as_sparql_query_and_a_graph_read_work(read_only):
    status, text, _ = http("POST", read_only + "/query", PEOPLE,
                           {"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and "沈柏舟" in text
    status, text, _ = http("GET", read_only + "/store?default", headers={"Accept": "application/n-triples"})
    assert status == 200 and "沈柏舟" in text


@pytest.mark.parametrize("path, mark", [("/", "canned"), ("/yasgui", "Yasgui")])
def test_query_pages_are_served_and_load_nothing_from_other_hosts(read_only, path, mark):
    status, page, headers = http("GET", read_only + path)
    assert status == 200 and mark in page
    assert "http://" not in page and "https://" not in page
    assert "default-src 'self'" in headers["content-security-policy"]  # the browser blocks any outside fetch
    assert "frame-ancestors 'self'" in headers["content-security-policy"]  # no other site frames them
    for asset in ("/yasgui.min.js", "/yasgui.min.css"):
        assert http("GET", read_only + asset)[0] == 200


@pytest.mark.parametrize("text", [
    'SELECT ?s WHERE { ?s ?p "SERVICE and LOAD" }',  # the words in a string
    "# load the people, no service\n" + PEOPLE,  # in a comment
    "PREFIX ex: <http://example.org/> SELECT ?s WHERE { ?s ex:load ?service }",  # in names
    "# no service: 150 patterns in one block\nSELECT * WHERE { "
    + " ".join(f"?s <http://example.org/p{i}> ?o{i} ." for i in range(150)) + " }",
])
def test_queries_that_only_mention_service_or_load_are_answered(read_only, text):
    status, body, _ = http("POST", read_only + "/query", text,
                           {"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200, body


def test_a_long_query_that_mentions_service_is_refused_rather_than_parsed_for_long(read_only):
    text = "# service\nSELECT * WHERE { VALUES ?x { " + " ".join(f'"v{i}"' for i in range(5000)) + " } }"
    status, body, _ = http("POST", read_only + "/query", text, {"Content-Type": "application/sparql-query"})
    assert status == 413 and "up to 16384 characters" in body
    status, body, _ = http("POST", read_only + "/query", text.replace("service", "values"),
                           {"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200, body  # without the word it is not parsed at all


def test_a_graph_file_is_served_too(tmp_path):
    write_exports(memory_store(build_quads(sample_kb())), tmp_path, ["trig"])
    proc, base = serve(tmp_path / "graph.trig")
    try:
        sparql = SPARQLWrapper(f"{base}/query", returnFormat=JSON)
        sparql.setQuery(PEOPLE)
        assert len(sparql.query().convert()["results"]["bindings"]) == 3
    finally:
        stop(proc, base)


# -- writes ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("method,path,content_type,body,headers", WRITES)
def test_the_default_server_refuses_every_write(read_only, method, path, content_type, body, headers):
    before = triple_count(read_only)
    status, text = _write(read_only, method, path, content_type, body, headers)
    assert status == 403 and "read-only" in text
    assert triple_count(read_only) == before > 0


@pytest.mark.parametrize("credentials", [
    {},
    {"Authorization": "Bearer wrong-token-0123456789"},
    {"Authorization": TOKEN},
    {"Authorization": f"Bearer {TOKEN}", "Origin": EVIL},  # a web page that got hold of the token
    {"Authorization": f"Bearer {TOKEN}", "Origin": "null"},
], ids=["no token", "wrong token", "no Bearer", "other origin", "null origin"])
@pytest.mark.parametrize("method,path,content_type,body,headers", WRITES)
def test_a_writable_server_refuses_writes_without_the_token_or_from_another_origin(
        writable, credentials, method, path, content_type, body, headers):
    before = triple_count(writable)
    status, text = _write(writable, method, path, content_type, body, {**headers, **credentials})
    assert status == 403, text
    assert triple_count(writable) == before > 0


def test_a_writable_server_accepts_writes_with_the_token(writable):
    graph = "https://w3id.org/kg/id/graph/test-upload"
    target = f"{writable}/store?graph={urllib.parse.quote(graph, safe='')}"
    token = {"Authorization": f"Bearer {TOKEN}"}
    status, text = _write(writable, "PUT", target[len(writable):], "application/n-triples", NT, token)
    assert status in (201, 204), text
    assert "芦苇荡" in http("GET", target, headers={"Accept": "application/n-triples"})[1]
    own = {**token, "Origin": writable}  # the server's own page may write too
    status, text = _write(writable, "POST", "/update", "application/sparql-update",
                          f"DELETE WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", own)
    assert status == 204, text
    assert "芦苇荡" not in http("GET", writable + "/store?default", headers={"Accept": "application/n-quads"})[1]
    status, text = _write(writable, "DELETE", target[len(writable):], None, "", token)
    assert status == 204, text
    assert http("GET", target)[0] == 404


def test_writes_reach_the_store_on_disk(tmp_path, store):
    (tmp_path / "token").write_text(TOKEN)
    proc, base = serve(store, "--writable", "--token-file", str(tmp_path / "token"))
    try:
        status, text = _write(base, "POST", "/store?default", "application/n-triples", NT,
                              {"Authorization": f"Bearer {TOKEN}"})
        assert status == 204, text
    finally:
        stop(proc, base)
    assert any("芦苇荡" in str(q) for q in pyoxigraph.Store.read_only(str(store / "oxigraph"))
               .quads_for_pattern(None, None, None, None))


def test_requests_addressed_to_another_host_name_are_refused(read_only):
    """A page on evil.example whose name now points at 127.0.0.1 (DNS rebinding) reads nothing."""
    status, text, _ = http("GET", read_only + "/query?query=" + urllib.parse.quote(PEOPLE),
                           headers={"Host": "evil.example:" + read_only.rsplit(":", 1)[1]})
    assert status == 403 and "沈柏舟" not in text


# -- outside fetches ---------------------------------------------------------------------------------

SERVICE_QUERIES = [
    "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "select * where { service silent <{url}> { ?s ?p ?o } }",
    "SELECT * WHERE { # a comment with a } in it\n SeRvIcE <{url}> { ?s ?p ?o } }",
    r"SELECT * WHERE { \u0053ERVICE <{url}> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y ?z FILTER EXISTS { SERVICE <{url}> { ?s ?p ?o } } } LIMIT 1",
    "SELECT * WHERE { OPTIONAL { { SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } } } } }",
    "PREFIX out: <{base}> SELECT * WHERE { SERVICE out:data { ?s ?p ?o } }",
    # \u0022 is a quote in a string to Oxigraph, but ends the string to a parser that expands escapes
    # everywhere first (as the standard says), which then reads the SERVICE line as a comment
    'SELECT * WHERE { FILTER("x\\u0022 # ") SERVICE <{url}> { ?a ?b ?c } FILTER("""\n) } # """) }',
    # a comment ends at a carriage return (the standard, Oxigraph), not only at a line feed
    "SELECT * WHERE { # a comment\rSERVICE <{url}> { ?s ?p ?o }\n}",
    "PREFIX : <{base}> SELECT * WHERE { BIND(1 AS ?z) SERVICE:data { ?s ?p ?o } }",  # Oxigraph: SERVICE :data
]
SENDS = [  # how the query goes: (method, how it is put into the request)
    ("GET", "url"), ("POST", "form"), ("POST", "direct"),
]


def _send_query(base: str, text: str, method: str, how: str) -> tuple[int, str]:
    if how == "url":
        status, body, _ = http(method, base + "/query?query=" + urllib.parse.quote(text))
    elif how == "form":
        status, body, _ = http(method, base + "/query", urllib.parse.urlencode({"query": text}),
                               {"Content-Type": "application/x-www-form-urlencoded"})
    else:
        status, body, _ = http(method, base + "/query", text, {"Content-Type": "application/sparql-query"})
    return status, body


@pytest.mark.parametrize("method,how", SENDS)
@pytest.mark.parametrize("template", SERVICE_QUERIES)
def test_service_is_refused(read_only, outside, template, method, how):
    url, asked = outside
    text = template.replace("{url}", url).replace("{base}", url.rsplit("/", 1)[0] + "/")
    status, body = _send_query(read_only, text, method, how)
    assert status in (403, 400) and "SERVICE" in body, body  # 400: text the checker cannot read both ways
    assert asked == []


#: Pieces that open or close comments, strings, IRIs and names, raw or as \u escapes.
DISGUISES = ["#", "\r", "\n", '"', "'", '"""', "'''", r"\u0022", r"\u0027", r"\u0023", r"\u000A", r"\u000D",
             r"\u003C", r"\u003E", "<", ">", "FILTER(", ")", "BIND(", " AS ?q)", "?x", ":", "ex:", "\\", ".", "{",
             "}", "1", " ", "@en", "_:b", "$v", "%20", "^^", '"x"', "<http://example.org/>", "(", ";", '\\"',
             "ex:a\\#", "SERVICE", r"\u0053ERVICE", "SERVICE:", "\t"]


def test_random_disguises_of_service_never_reach_the_outside(read_only, outside):
    """A SERVICE that Oxigraph would run, between random pieces; a fixed seed, so every run is the same."""
    url, asked = outside
    pick = random.Random(12).choice
    for _ in range(600):
        before, after = ("".join(pick(DISGUISES) for _ in range(pick(range(7)))) for _ in range(2))
        text = (f"PREFIX ex: <http://example.org/> SELECT * WHERE {{ BIND(1 AS ?z) {before} "
                f"SERVICE <{url}> {{ ?s ?p ?o }} {after} }}")
        _send_query(read_only, text, "POST", "direct")
    assert asked == []


@pytest.mark.parametrize("template", [
    "LOAD <{url}>",
    "load silent <{url}> into graph <http://example.org/g>",
    "INSERT { ?s ?p ?o } WHERE { SERVICE <{url}> { ?s ?p ?o } }",
])
def test_load_and_service_in_updates_are_refused_even_with_the_token(writable, outside, template):
    url, asked = outside
    status, text = _write(writable, "POST", "/update", "application/sparql-update", template.replace("{url}", url),
                          {"Authorization": f"Bearer {TOKEN}"})
    assert status == 403, text
    assert asked == []


@pytest.mark.parametrize("template", [
    'SELECT * WHERE { ?s ?p "SERVICE" ',  # unclosed
    r"SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } } # \UFFFFFFFF",  # an escape of no character
])
def test_text_the_checker_cannot_read_is_refused_not_passed_on(read_only, outside, template):
    url, asked = outside
    status, text = _send_query(read_only, template.replace("{url}", url), "GET", "url")
    assert status == 400 and "cannot check" in text
    assert asked == []


def test_allow_federation_lets_service_through(store, outside):
    """The control: the same query does reach the outside server when the user allows it."""
    url, asked = outside
    proc, base = serve(store, "--allow-federation")
    try:
        _send_query(base, SERVICE_QUERIES[0].replace("{url}", url), "GET", "url")
    finally:
        stop(proc, base)
    assert asked != []


@pytest.mark.parametrize("text,kind,expected", [
    ("SELECT * WHERE { ?s ?p ?o }", "query", None),
    ("SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }", "query", "SERVICE"),
    ("ASK { MINUS { SERVICE <http://example.org/s> { ?s ?p ?o } } }", "query", "SERVICE"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { SERVICE <http://example.org/s> { ?s ?p ?o } } }", "query",
     "SERVICE"),
    ('INSERT DATA { <http://example.org/a> <http://example.org/b> "LOAD <http://example.org/>" }', "update", None),
    ("CLEAR ALL ; LOAD <http://example.org/x.ttl>", "update", "LOAD"),
    ('INSERT DATA { <http://example.org/a> <http://example.org/b> "\\u004cOAD <http://example.org/>" }', "update",
     "refused 400"),  # Oxigraph reads this \\u escape in a string; rdflib's grammar only after expanding it
    (r"\u004cOAD <http://example.org/x.ttl>", "update", "LOAD"),  # the standard's reading; Oxigraph's: an error
    ("SELECT * WHERE { ?s ?p 1SERVICE <http://example.org/s> { ?a ?b ?c } }", "query", "SERVICE"),  # 1 SERVICE
])
def test_fetching_keyword_reads_the_text_as_sparql(text, kind, expected):
    try:
        found = fetching_keyword(text, kind)
    except Refused as e:
        found = f"refused {e.status}"
    assert found == expected


@pytest.mark.parametrize("text,expected", [
    ('SELECT * WHERE { ?s ?p "SERVICE" . ?s <http://example.org/load> ?service } # LOAD', None),
    ("SELECT * WHERE { ?s ?p '''a ''SERVICE'' b''' . ?s ex:service _:load }", None),
    ("SELECT * WHERE { # a comment\rSERVICE <http://example.org/s> { } }", "SERVICE"),
    ('SELECT * WHERE { FILTER("x\\u0022 # ") SERVICE <http://example.org/s> { } }', "SERVICE"),
    (r"SELECT * WHERE { <http://example.org/\u0041#> SERVICE <http://example.org/s> { } }", "SERVICE"),
    ("CLEAR ALL; load <http://example.org/x.ttl>", "LOAD"),
])
def test_the_token_reading_finds_keywords_in_the_code_only(text, expected):
    """The second, independent reading (the tokens as Oxigraph reads them), on its own."""
    assert _bare_keyword(text) == expected


# -- time limit --------------------------------------------------------------------------------------


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def _wait_idle(pid: int) -> None:
    """Until the process uses no CPU for a second (the cross join would keep it busy for minutes)."""
    last = _cpu_ticks(pid)
    for _ in range(60):
        time.sleep(1)
        now = _cpu_ticks(pid)
        if now - last <= 2:
            return
        last = now
    pytest.fail("the back end is still busy a minute later")


def test_a_query_is_stopped_at_the_time_limit_even_after_its_client_left(big_store):
    proc, base = serve(big_store, "--timeout", "2")
    try:
        status, text = _send_query(base, CROSS_JOIN, "GET", "url")
        assert status == 503 and "time limit of 2 s" in text

        backend = backend_pid(proc)
        with pytest.raises(OSError):  # a client that gives up after half a second
            http("GET", base + "/query?query=" + urllib.parse.quote(CROSS_JOIN), timeout=0.5)
        _wait_idle(backend)
        assert triple_count(base) == 2000  # and the server still answers
    finally:
        stop(proc, base)


# -- command line ------------------------------------------------------------------------------------

@pytest.mark.parametrize("options,code,message", [
    (["--writable"], 2, "--writable needs a token"),
    (["--writable", "--host", "0.0.0.0"], 2, "--writable needs a token"),
    (["--writable", "--token-file", "{short}"], 1, "at least 16"),
    (["--writable", "--token-file", "{missing}"], 1, "cannot read --token-file"),
    (["--timeout", "0"], 2, "--timeout"),
])
def test_bad_options_give_one_clear_line(store, tmp_path, options, code, message):
    (tmp_path / "short").write_text("secret")
    options = [o.format(short=tmp_path / "short", missing=tmp_path / "missing") for o in options]
    done = subprocess.run([sys.executable, "-m", "kg", "serve", str(store), "--port", str(free_port()), *options],
                          capture_output=True, text=True, timeout=60, env=server_env())
    assert done.returncode == code
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], done.stderr


def test_kg_serve_stops_with_one_line_when_its_back_end_dies(store):
    proc, base = serve(store)
    os.kill(backend_pid(proc), 9)
    assert proc.wait(timeout=30) == 1
    lines = proc.stderr.read().strip().splitlines()
    assert len(lines) == 1 and "the oxigraph back end stopped" in lines[0], lines
    assert not port_open(int(base.rsplit(":", 1)[1]))


def test_a_host_other_than_loopback_is_warned_about(store):
    """192.0.2.1 (reserved for documentation) is no address of this machine: the warning, then no server."""
    done = subprocess.run([sys.executable, "-m", "kg", "serve", str(store), "--host", "192.0.2.1"],
                          capture_output=True, text=True, timeout=60, env=server_env())
    warning, error = done.stderr.strip().splitlines()
    assert "warning: --host 192.0.2.1 is reachable from other machines" in warning
    assert done.returncode == 1 and "cannot listen on 192.0.2.1" in error


def test_kg_token_in_the_environment_makes_a_writable_server(store):
    proc, base = serve(store, "--writable", env=server_env(KG_TOKEN=TOKEN))
    try:
        status, text = _write(base, "POST", "/store?default", "application/n-triples", NT,
                              {"Authorization": f"Bearer {TOKEN}"})
        assert status == 204, text
    finally:
        stop(proc, base)


@pytest.mark.parametrize("host,loopback", [
    ("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.10", False), ("example.org", False),
])
def test_which_hosts_are_loopback(host, loopback):
    assert is_loopback(host) == loopback


def test_a_busy_port_gives_one_clear_line(store):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "kg", "serve", str(store), "--port", str(port)],
                              capture_output=True, text=True, timeout=60, env=server_env())
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg serve: error: cannot listen"), done.stderr


def test_a_store_held_by_another_process_gives_one_clear_line(store):
    holder = pyoxigraph.Store(str(store / "oxigraph"))
    done = subprocess.run([sys.executable, "-m", "kg", "serve", str(store), "--port", str(free_port())],
                          capture_output=True, text=True, timeout=60, env=server_env())
    del holder
    lines = done.stderr.strip().splitlines()
    assert done.returncode != 0
    assert len(lines) == 1 and "cannot open store" in lines[0], done.stderr
