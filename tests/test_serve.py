"""``kg serve``: a real SPARQL 1.1 endpoint on a free loopback port, queried over HTTP
with SPARQLWrapper, then stopped (the server process must go away with it)."""
from __future__ import annotations

import csv
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyoxigraph
import pytest
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper

from kg.rdf import build_quads
from kg.rdf.dataset import memory_store
from kg.rdf.exports import write_exports
from test_rdf import sample_kb

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = "SELECT ?name WHERE { ?p a <https://w3id.org/kg/ontology#Person> ; " \
         "<http://www.w3.org/2004/02/skos/core#prefLabel> ?name } ORDER BY ?name"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _serve(source: Path):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(source), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    for _ in range(200):
        if _port_open(port):
            return proc, port
        if proc.poll() is not None:
            pytest.fail("kg serve exited: " + proc.stderr.read())
        time.sleep(0.1)
    proc.kill()
    pytest.fail("kg serve did not listen within 20 s")


def _stop(proc, port: int) -> None:
    proc.terminate()
    assert proc.wait(timeout=20) == 0
    for _ in range(50):  # the oxigraph server child has gone too
        if not _port_open(port):
            return
        time.sleep(0.1)
    pytest.fail("the server still listens after kg serve stopped")


@pytest.fixture
def store(tmp_path) -> Path:
    kb = sample_kb()
    (tmp_path / "store").mkdir()
    db = pyoxigraph.Store(str(tmp_path / "store" / "oxigraph"))
    db.extend(build_quads(kb))
    db.flush()
    del db
    return tmp_path / "store"


def test_endpoint_answers_sparql_protocol_queries_in_json_xml_and_csv(store):
    proc, port = _serve(store)
    try:
        sparql = SPARQLWrapper(f"http://127.0.0.1:{port}/query")
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

        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read().decode()
        assert "yasgui" in page.lower()
    finally:
        _stop(proc, port)


def test_graph_store_protocol_writes_into_the_store(store):
    proc, port = _serve(store)
    graph = "https://w3id.org/kg/id/graph/test-upload"
    try:
        body = '<https://w3id.org/kg/id/x> <http://www.w3.org/2004/02/skos/core#prefLabel> "芦苇荡"@zh .'
        req = urllib.request.Request(f"http://127.0.0.1:{port}/store?graph={graph}", data=body.encode(),
                                     method="PUT", headers={"Content-Type": "text/turtle"})
        assert urllib.request.urlopen(req, timeout=10).status in (201, 204)
        back = urllib.request.urlopen(urllib.request.Request(
            f"http://127.0.0.1:{port}/store?graph={graph}", headers={"Accept": "application/n-triples"}),
            timeout=10).read().decode()
        assert "芦苇荡" in back
    finally:
        _stop(proc, port)
    assert any("芦苇荡" in str(q) for q in pyoxigraph.Store.read_only(str(store / "oxigraph"))
               .quads_for_pattern(None, None, None, None))


def test_a_graph_file_is_served_too(tmp_path):
    kb = sample_kb()
    write_exports(memory_store(build_quads(kb)), tmp_path, ["trig"])
    proc, port = _serve(tmp_path / "graph.trig")
    try:
        sparql = SPARQLWrapper(f"http://127.0.0.1:{port}/query", returnFormat=JSON)
        sparql.setQuery(PEOPLE)
        assert len(sparql.query().convert()["results"]["bindings"]) == 3
    finally:
        _stop(proc, port)


def test_a_busy_port_gives_one_clear_line(store):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "kg", "serve", str(store), "--port", str(port)],
                              capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg serve: error: cannot listen"), done.stderr


def test_a_store_held_by_another_process_gives_one_clear_line(store):
    holder = pyoxigraph.Store(str(store / "oxigraph"))
    done = subprocess.run([sys.executable, "-m", "kg", "serve", str(store), "--port", str(_free_port())],
                          capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    del holder
    lines = done.stderr.strip().splitlines()
    assert done.returncode != 0
    assert len(lines) == 1 and "cannot open store" in lines[0], done.stderr
