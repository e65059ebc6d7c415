"""Shared builders for the ``kg serve`` tests: a real server on a free loopback port, HTTP requests,
stores built from the hand-made knowledge base or from the seeds, an invented hostile entity."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph
import pytest

from kg.rdf import build_quads
from kg.rdf.vocab import DCTERMS, KG, KGR, ORG, PROV, RDF, SKOS, TIME, XSD
from tests.conftest import ROOT, Browser, sample_kb

PEOPLE = "SELECT ?name WHERE { ?p a <https://w3id.org/kg/ontology#Person> ; " \
         "<http://www.w3.org/2004/02/skos/core#prefLabel> ?name } ORDER BY ?name"


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


TOKEN = "invented-test-token-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def server_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KG_TOKEN"}
    return {**env, "PYTHONPATH": str(ROOT), **extra}


def serve(source: Path, *options: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    """Start ``kg serve``; returns the process and its base URL once it answers."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(source), "--port", str(port), *options],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env or server_env())
    for _ in range(300):
        if port_open(port):
            return proc, f"http://127.0.0.1:{port}"
        if proc.poll() is not None:
            pytest.fail("kg serve exited: " + proc.stderr.read())
        time.sleep(0.1)
    proc.kill()
    pytest.fail("kg serve did not listen within 30 s")


def stop(proc: subprocess.Popen, base: str) -> None:
    backend = backend_pid(proc)
    proc.terminate()
    assert proc.wait(timeout=20) == 0
    port = int(base.rsplit(":", 1)[1])
    for _ in range(50):  # the front and the oxigraph back end have both gone
        if not port_open(port) and not Path(f"/proc/{backend}").exists():
            return
        time.sleep(0.1)
    pytest.fail("the server still runs after kg serve stopped")


def backend_pid(proc: subprocess.Popen) -> int:
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
    assert len(children) == 1, children
    return int(children[0])


def http(method: str, url: str, body: str = "", headers: dict[str, str] | None = None,
         timeout: float = 60) -> tuple[int, str, dict[str, str]]:
    """(status, body, headers) of one request; error statuses are answers too."""
    request = urllib.request.Request(url, data=body.encode() if body else None, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, r.read().decode(), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), dict(e.headers)


def triple_count(base: str) -> int:
    status, text, _ = http("GET", base + "/query?query=" + urllib.parse.quote(COUNT), headers={"Accept": "text/csv"})
    assert status == 200, text
    return int(text.split()[-1])


def make_store(path: Path) -> Path:
    path.mkdir()
    db = pyoxigraph.Store(str(path / "oxigraph"))
    db.extend(build_quads(sample_kb()))
    db.flush()
    del db
    return path


@pytest.fixture
def outside():
    """A web server standing for any outside address; yields its URL and the paths it was asked for."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = b'<http://example.org/s> <http://example.org/p> "fetched" .\n'
            self.send_response(200)
            self.send_header("Content-Type", "application/n-triples")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/data", asked
    server.shutdown()
    server.server_close()


CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture
def big_store(tmp_path) -> Path:
    """2,000 triples: the three-way cross join has 8e9 rows, minutes of work."""
    (tmp_path / "big").mkdir()
    db = pyoxigraph.Store(str(tmp_path / "big" / "oxigraph"))
    ex = "http://example.org/"
    db.extend(pyoxigraph.Quad(pyoxigraph.NamedNode(f"{ex}{i}"), pyoxigraph.NamedNode(ex + "p"),
                              pyoxigraph.Literal(str(i)), pyoxigraph.DefaultGraph()) for i in range(2000))
    db.flush()
    del db
    return tmp_path / "big"


@pytest.fixture
def browser(tmp_path):
    b = Browser(tmp_path / "profile")
    # Browser starts offline; these pages need the loopback server (outside hosts stay unreachable anyway).
    b.call("Network.emulateNetworkConditions", offline=False, latency=0, downloadThroughput=-1, uploadThroughput=-1)
    yield b
    b.close()


def open_page(browser: Browser, url: str) -> None:
    browser.call("Page.navigate", url=url)
    browser.wait_for("document.readyState === 'complete'")


def page_requests(browser: Browser) -> list[tuple[str, dict | None]]:
    """(URL, the Network.loadingFailed parameters if it failed) of every request the page made."""
    failed = {e["params"]["requestId"]: e["params"] for e in browser.events
              if e.get("method") == "Network.loadingFailed"}
    return [(e["params"]["request"]["url"], failed.get(e["params"]["requestId"])) for e in browser.events
            if e.get("method") == "Network.requestWillBeSent"]


#: The invented hostile entity: markup and quotes in its name and in the sentence that states its fact.
XSS_ID = "person/invented-xss"


XSS_NAME = """<script>window.pwned=1</script>"穆'青&岚"""


XSS_SENTENCE = """</td><img src=x onerror="window.pwned=2">据"报道"，穆青岚<b>任职</b>。"""


PARK = "璧山国家高新区"


TIMELINE_ID = "person/invented-timeline"


#: The invented person's events: (kind, date, sentence), in date order.
TIMELINE = [("appoint", "2023-04-02", "会议决定任命岑望舒为副区长。"),
            ("remove", "2024-06-30", "会议决定免去岑望舒的副区长职务。")]


def seed_store(path: Path) -> Path:
    """The seeds built into a store by `kg build`, plus the hostile entity and a fact with its sentence."""
    subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "--out", str(path / "out"),
                    "--store", str(path / "store"), "--formats", "ttl", "--workers", "1", "-q"],
                   check=True, env=server_env(), capture_output=True)
    store = pyoxigraph.Store(str(path / "store" / "oxigraph"))
    body = next(iter(store.query("SELECT ?b WHERE { ?b a kg:GovOrg } ORDER BY ?b LIMIT 1",
                                 prefixes={"kg": str(KG)})))["b"]
    doc = next(iter(store.query("SELECT ?d WHERE { ?d a kg:Document } ORDER BY ?d LIMIT 1",
                                prefixes={"kg": str(KG)})))["d"]
    n = pyoxigraph.NamedNode
    person, fact, ev = n(KGR[XSS_ID]), n(KGR["fact/invented-xss"]), n(KGR["evidence/invented-xss"])
    triples = [
        (person, n(RDF.type), n(KG.Person)), (person, n(SKOS.prefLabel), pyoxigraph.Literal(XSS_NAME, language="zh")),
        (person, n(SKOS.altLabel), pyoxigraph.Literal("恶意别名", language="zh")),
        (person, n(KG.memberOf), body), (person, n(KG.mention), ev),
        (fact, n(RDF.type), n(RDF.Statement)), (fact, n(RDF.subject), person), (fact, n(RDF.predicate), n(KG.memberOf)),
        (fact, n(RDF.object), body), (fact, n(PROV.wasDerivedFrom), ev),
        (ev, n(RDF.type), n(KG.Evidence)), (ev, n(KG.sentence), pyoxigraph.Literal(XSS_SENTENCE, language="zh")),
        (ev, n(PROV.wasQuotedFrom), doc), (ev, n(KG.start), pyoxigraph.Literal(0)),
        (ev, n(KG.end), pyoxigraph.Literal(len(XSS_SENTENCE))),
    ]
    triples += invented_timeline(n, doc)
    store.extend(pyoxigraph.Quad(s, p, o, pyoxigraph.DefaultGraph()) for s, p, o in triples)
    store.flush()
    del store
    return path / "store"


def invented_timeline(n, doc) -> list[tuple]:
    """An invented person with facts in time (shape in kg.rdf.vocab): an appointment stated by a sentence,
    the holding it starts, and a removal a year later."""
    person = n(KGR[TIMELINE_ID])
    name = pyoxigraph.Literal("岑望舒", language="zh")
    triples = [(person, n(RDF.type), n(KG.Person)), (person, n(SKOS.prefLabel), name)]
    for i, (kind, date, sentence) in enumerate(TIMELINE):
        event, ev = n(KGR[f"event/invented-{i}"]), n(KGR[f"evidence/invented-event-{i}"])
        triples += [(event, n(RDF.type), n(KG.PersonnelEvent)), (event, n(KG.eventKind), pyoxigraph.Literal(kind)),
                    (event, n(KG.person), person), (event, n(KG.personName), name),
                    (event, n(KG.title), pyoxigraph.Literal("副区长", language="zh")),
                    (event, n(KG.acting), pyoxigraph.Literal(False)),
                    (event, n(KG.date), pyoxigraph.Literal(date, datatype=n(XSD.date))),
                    (event, n(PROV.wasDerivedFrom), ev), (ev, n(RDF.type), n(KG.Evidence)),
                    (ev, n(KG.sentence), pyoxigraph.Literal(sentence, language="zh")), (ev, n(PROV.wasQuotedFrom), doc)]
    membership, interval = n(KGR["membership/invented"]), n(KGR["interval/invented"])
    start, end = n(KGR["instant/invented-start"]), n(KGR["instant/invented-end"])
    triples += [(membership, n(RDF.type), n(ORG.Membership)), (membership, n(ORG.member), person),
                (membership, n(KG.title), pyoxigraph.Literal("副区长", language="zh")),
                (membership, n(ORG.memberDuring), interval), (interval, n(TIME.hasBeginning), start),
                (interval, n(TIME.hasEnd), end),
                (start, n(TIME.inXSDDate), pyoxigraph.Literal(TIMELINE[0][1], datatype=n(XSD.date))),
                (end, n(TIME.inXSDDate), pyoxigraph.Literal(TIMELINE[1][1], datatype=n(XSD.date)))]
    return triples


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    """A read-only kg serve on the seeds store; yields (base URL, the store's path)."""
    path = seed_store(tmp_path_factory.mktemp("seeds"))
    proc, base = serve(path)
    yield base, path
    stop(proc, base)


def store_rows(path: Path, query: str) -> list:
    """Expected values, read from the store directly (the server holds it read-only: a second reader is fine)."""
    store = pyoxigraph.Store.read_only(str(path / "oxigraph"))
    prefixes = {"kg": str(KG), "skos": str(SKOS), "prov": str(PROV), "dcterms": str(DCTERMS), "rdf": str(RDF)}
    return list(store.query(query, prefixes=prefixes))


def entity_named(path: Path, name: str) -> str:
    rows = store_rows(path, f'SELECT ?e WHERE {{ ?e skos:prefLabel "{name}"@zh }}')
    assert len(rows) == 1, name
    return rows[0]["e"].value
