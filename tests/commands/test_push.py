"""``kg push`` against a real Graph Store endpoint: the oxigraph server on a loopback port."""
import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from kg.runner import SEEDS
from kg.server.backend import oxigraph_binary
from tests.server.conftest import TOKEN, free_port, serve, stop

EX = "http://example.org/push-test/"


@pytest.fixture
def server(tmp_path):
    """A fresh in-memory oxigraph server; yields its base URL."""
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/query?query=" + urllib.parse.quote("ASK {}"), timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("oxigraph server exited: " + proc.stderr.read().decode())
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _select(base: str, query: str) -> list[dict]:
    req = urllib.request.Request(base + "/query?query=" + urllib.parse.quote(query),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        rows = json.load(r)["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in rows]


def _graph_contents(base: str) -> dict[str, set[tuple[str, str, str]]]:
    """Every triple at the endpoint, by graph ('' for the default graph)."""
    out: dict[str, set] = {}
    for row in _select(base, "SELECT ?g ?s ?p ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"):
        out.setdefault(row.get("g", ""), set()).add((row["s"], row["p"], row["o"]))
    return out


def _kg(*args: str, **env: str) -> subprocess.CompletedProcess:
    env = {**{k: v for k, v in os.environ.items() if k != "KG_TOKEN"}, **env}
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=600, env=env)


def _trig(graphs: dict[str, list[tuple[str, str, str]]]) -> str:
    """A TriG file: key '' is the default graph; objects are plain literals."""
    parts = []
    for name, triples in graphs.items():
        body = "".join(f'  <{EX}{s}> <{EX}{p}> "{o}" .\n' for s, p, o in triples)
        parts.append(f"<{EX}{name}> {{\n{body}}}\n" if name else f"{{\n{body}}}\n")
    return "".join(parts)


def _expected(graphs: dict[str, list[tuple[str, str, str]]]) -> dict[str, set]:
    return {(EX + g if g else ""): {(EX + s, EX + p, o) for s, p, o in ts} for g, ts in graphs.items() if ts}


def test_push_sends_every_graph_in_batches(server, tmp_path):
    graphs = {"": [("entity1", "label", "青禾镇")],
              "doc/a": [("entity1", "mention", f"a{i}") for i in range(7)],
              "doc/b": [("entity2", "mention", "乙")]}
    source = tmp_path / "g.trig"
    source.write_text(_trig(graphs), encoding="utf-8")
    done = _kg("push", str(source), "--endpoint", server + "/store", "--batch", "3")
    assert done.returncode == 0, done.stderr
    assert _graph_contents(server) == _expected(graphs)
    assert "9 triples in 5 requests" in done.stdout  # default 1 + doc/a 3 + doc/b 1


def test_re_pushing_a_document_replaces_its_named_graph(server, tmp_path):
    first = {"": [("entity1", "label", "青禾镇")],
             "doc/a": [("entity1", "mention", f"a{i}") for i in range(5)],
             "doc/b": [("entity2", "mention", "乙")]}
    source = tmp_path / "g.trig"
    source.write_text(_trig(first), encoding="utf-8")
    assert _kg("push", str(source), "--endpoint", server + "/store", "--batch", "2").returncode == 0
    # doc/a re-extracted: fewer and different triples; doc/b not in this push.
    second = {"": [("entity3", "label", "红岭村")], "doc/a": [("entity1", "mention", "新")]}
    source.write_text(_trig(second), encoding="utf-8")
    done = _kg("push", str(source), "--endpoint", server + "/store", "--batch", "2")
    assert done.returncode == 0, done.stderr
    got = _graph_contents(server)
    assert got[EX + "doc/a"] == _expected(second)[EX + "doc/a"]  # replaced, nothing stale
    assert got[EX + "doc/b"] == _expected(first)[EX + "doc/b"]  # untouched
    assert got[""] == _expected(first)[""] | _expected(second)[""]  # default graph is added to


def test_push_into_one_named_graph_replaces_it_whole(server, tmp_path):
    graphs = {"": [("e1", "label", "一")], "doc/a": [("e1", "mention", "二"), ("e1", "mention", "三")]}
    source = tmp_path / "g.trig"
    source.write_text(_trig(graphs), encoding="utf-8")
    target = "http://example.org/graphs/kg"
    assert _kg("push", str(source), "--endpoint", server + "/store", "--graph", target, "--batch", "1").returncode == 0
    assert _graph_contents(server) == {target: set().union(*_expected(graphs).values())}
    source.write_text(_trig({"": [("e9", "label", "九")]}), encoding="utf-8")
    assert _kg("push", str(source), "--endpoint", server + "/store", "--graph", target).returncode == 0
    assert _graph_contents(server) == {target: {(EX + "e9", EX + "label", "九")}}


def test_push_a_built_store_gives_the_endpoint_the_same_quads(server, tmp_path):
    store = tmp_path / "store"
    done = _kg("build", str(SEEDS), "--store", str(store), "--out", str(tmp_path / "out"), "--workers", "1", "-q")
    assert done.returncode == 0, done.stderr
    done = _kg("push", str(store), "--endpoint", server + "/store")
    assert done.returncode == 0, done.stderr
    here = _kg("query", str(store), "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "csv")
    n_named = int(here.stdout.split()[-1])
    assert n_named > 100
    there = _select(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(there[0]["n"]) == n_named
    graphs = _select(server, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(graphs[0]["n"]) == len(list(SEEDS.glob("*.txt")))  # one named graph per document


def test_an_unreachable_endpoint_is_a_one_line_error(tmp_path):
    source = tmp_path / "g.trig"
    source.write_text(_trig({"doc/a": [("e1", "mention", "x")]}), encoding="utf-8")
    done = _kg("push", str(source), "--endpoint", f"http://127.0.0.1:{free_port()}/store")
    assert done.returncode != 0
    assert "cannot reach" in done.stderr and "Traceback" not in done.stderr


def test_an_endpoint_that_refuses_is_a_one_line_error(server, tmp_path):
    source = tmp_path / "g.trig"
    source.write_text(_trig({"doc/a": [("e1", "mention", "x")]}), encoding="utf-8")
    done = _kg("push", str(source), "--endpoint", server + "/no-such-service")
    assert done.returncode != 0
    assert "HTTP 4" in done.stderr and len(done.stderr.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def writable_kg_serve(tmp_path_factory):
    """`kg serve --writable` of a TriG file holding doc/old; yields its base URL and token file."""
    tmp = tmp_path_factory.mktemp("served")
    (tmp / "served.trig").write_text(_trig({"doc/old": [("e0", "mention", "旧")]}), encoding="utf-8")
    (tmp / "token").write_text(TOKEN + "\n")
    proc, base = serve(tmp / "served.trig", "--writable", "--token-file", str(tmp / "token"))
    yield base, tmp / "token"
    stop(proc, base)


@pytest.mark.parametrize("token_from", ["--token-file", "KG_TOKEN"])
def test_push_sends_the_token_a_writable_kg_serve_requires(writable_kg_serve, tmp_path, token_from):
    base, token_file = writable_kg_serve
    graphs = {f"doc/{token_from}": [("e1", "mention", "青禾镇")]}
    source = tmp_path / "g.trig"
    source.write_text(_trig(graphs), encoding="utf-8")
    if token_from == "--token-file":
        done = _kg("push", str(source), "--endpoint", base + "/store", "--token-file", str(token_file))
    else:
        done = _kg("push", str(source), "--endpoint", base + "/store", KG_TOKEN=TOKEN)
    assert done.returncode == 0, done.stderr
    got = _graph_contents(base)
    assert got[EX + f"doc/{token_from}"] == _expected(graphs)[EX + f"doc/{token_from}"]
    assert EX + "doc/old" in got  # the other graphs stay


def test_push_without_the_token_is_refused_in_one_line(writable_kg_serve, tmp_path):
    base, _ = writable_kg_serve
    source = tmp_path / "g.trig"
    source.write_text(_trig({"doc/new": [("e1", "mention", "x")]}), encoding="utf-8")
    done = _kg("push", str(source), "--endpoint", base + "/store")
    assert done.returncode == 1 and "HTTP 403" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert EX + "doc/new" not in _graph_contents(base)


def test_a_password_in_the_url_and_a_token_file_are_one_too_many(tmp_path):
    (tmp_path / "token").write_text(TOKEN)
    (tmp_path / "g.trig").write_text(_trig({"doc/a": [("e1", "mention", "x")]}), encoding="utf-8")
    done = _kg("push", str(tmp_path / "g.trig"), "--endpoint", f"http://user:pw@127.0.0.1:{free_port()}/store",
               "--token-file", str(tmp_path / "token"))
    assert done.returncode == 2 and "not both" in done.stderr
