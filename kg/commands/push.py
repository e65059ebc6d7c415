"""``kg push``: load a graph into a SPARQL 1.1 Graph Store HTTP Protocol endpoint.

Works with any endpoint of that protocol (Oxigraph's /store, Fuseki's
/DATASET/data, GraphDB's /repositories/ID/rdf-graphs/service, ...):

- each named graph of the source (one per document in a kg store or TriG
  export) replaces the endpoint's graph of the same name: the first request
  is a PUT (replace), the following ones POST (add) the rest of its triples,
  so re-pushing a document after re-extraction leaves no stale triples;
- the source's default graph (the merged graph) is added to
  the endpoint's default graph with POST, as that graph may hold other data;
- with ``--graph IRI`` everything goes into that one graph, replaced whole.

Triples go as N-Triples, at most ``--batch`` per request. Triples with blank
nodes are sent in one request per graph, since a blank node means a fresh
node in every request. A token (``--token-file`` or KG_TOKEN) is sent as
``Authorization: Bearer ...``, as ``kg serve --writable`` requires.
"""
from __future__ import annotations

import argparse
import base64
import http.client
import sys
from itertools import islice
from typing import Iterable, Iterator
from urllib.parse import quote, urlsplit

import pyoxigraph

from kg.errors import KgError, UsageError
from kg.rdf.source import open_source
from kg.server.policy import read_token

NTRIPLES = "application/n-triples"


class GraphStore:
    """A Graph Store Protocol endpoint, over one kept-alive HTTP connection."""

    def __init__(self, url: str, token: str | None = None) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(f"--endpoint must be an http(s) URL, got {url!r}")
        self.url = url
        self.parts = parts
        self.headers = {"Content-Type": NTRIPLES + "; charset=utf-8"}
        if token is not None and parts.username is not None:
            raise UsageError("give either a user:password in the --endpoint URL or a --token-file, not both")
        if token is not None:  # what `kg serve --writable` asks of every write
            self.headers["Authorization"] = "Bearer " + token
        elif parts.username is not None:
            credentials = f"{parts.username}:{parts.password or ''}".encode()
            self.headers["Authorization"] = "Basic " + base64.b64encode(credentials).decode()
        self.connection: http.client.HTTPConnection | None = None

    def _connect(self) -> http.client.HTTPConnection:
        cls = http.client.HTTPSConnection if self.parts.scheme == "https" else http.client.HTTPConnection
        return cls(self.parts.hostname, self.parts.port, timeout=300)

    def send(self, method: str, graph: str | None, body: bytes) -> None:
        """PUT (replace) or POST (add) ``body`` to ``graph`` (None: the default graph)."""
        query = "default" if graph is None else "graph=" + quote(graph, safe="")
        if self.parts.query:  # e.g. an endpoint URL that already names a repository
            query = self.parts.query + "&" + query
        target = f"{self.parts.path or '/'}?{query}"
        for attempt in (1, 2):  # a kept-alive connection the server closed is retried once, fresh
            if self.connection is None:
                self.connection = self._connect()
            try:
                self.connection.request(method, target, body=body, headers=self.headers)
                response = self.connection.getresponse()
                detail = response.read().decode("utf-8", "replace")
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if attempt == 2:
                    raise KgError(f"{self.url} closed the connection during {method}") from None
            except OSError as e:
                self.close()
                raise KgError(f"cannot reach {self.url}: {e.strerror or e}") from None
        if response.status >= 300:
            first = " ".join(detail.split())[:200]
            raise KgError(f"{method} {graph or 'default graph'} to {self.url} failed: "
                          f"HTTP {response.status} {response.reason}{': ' + first if first else ''}")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def _graphs(store: pyoxigraph.Store, into: str | None) -> list[tuple[object, str | None]]:
    """(graph in the source, graph name at the endpoint; None: default graph), in a fixed order."""
    named = sorted(store.named_graphs(), key=str)
    return [(pyoxigraph.DefaultGraph(), into)] + [(g, into if into is not None else g.value) for g in named]


def _batches(triples: Iterable[pyoxigraph.Triple], size: int) -> Iterator[list[pyoxigraph.Triple]]:
    """Batches of ``size``; the triples with blank nodes all in one last batch."""
    with_blanks = []
    it = iter(triples)

    def plain() -> Iterator[pyoxigraph.Triple]:
        for t in it:
            if isinstance(t.subject, pyoxigraph.BlankNode) or isinstance(t.object, pyoxigraph.BlankNode):
                with_blanks.append(t)
            else:
                yield t

    rest = plain()
    while batch := list(islice(rest, size)):
        yield batch
    if with_blanks:
        yield with_blanks


def push(store: pyoxigraph.Store, endpoint: GraphStore, into: str | None, batch: int,
         quiet: bool = False) -> tuple[int, int]:
    """Send every graph of ``store``; returns (triples, requests)."""
    graphs = _graphs(store, into)
    bar = None
    if not quiet and len(graphs) > 1 and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=len(graphs), unit="graph", desc="pushing", file=sys.stderr, leave=False)
    triples = requests = 0
    replaced: set[str | None] = set()
    try:
        for source_graph, name in graphs:
            quads = store.quads_for_pattern(None, None, None, source_graph)
            for chunk in _batches((q.triple for q in quads), batch):
                # The endpoint's default graph is only ever added to (it may hold other data).
                method = "POST" if name is None or name in replaced else "PUT"
                endpoint.send(method, name, pyoxigraph.serialize(chunk, format=pyoxigraph.RdfFormat.N_TRIPLES))
                replaced.add(name)
                triples += len(chunk)
                requests += 1
            if bar is not None:
                bar.update(1)
    finally:
        endpoint.close()
        if bar is not None:
            bar.close()
    return triples, requests


EPILOG = ("examples:\n  kg push out/store --endpoint http://127.0.0.1:7878/store --token-file token\n"
          "  kg push out/graph.trig --endpoint http://user:pass@fuseki.example:3030/kg/data")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", metavar="GRAPH|STORE")
    p.add_argument("--endpoint", required=True, metavar="URL",
                   help="the Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store for kg serve")
    p.add_argument("--graph", metavar="IRI", help="push everything into this named graph")
    p.add_argument("--batch", type=int, default=50000, help="triples per request")
    p.add_argument("--token-file", metavar="FILE",
                   help="send the token in this file as 'Authorization: Bearer TOKEN' (default: the environment "
                        "variable KG_TOKEN, if set), as a `kg serve --writable` endpoint requires")


def run(args: argparse.Namespace) -> int:
    if args.batch < 1:
        raise UsageError(f"--batch must be at least 1, got {args.batch}")
    # KG_TOKEN (read when there is no --token-file) gives way to a user:password in the URL.
    with_password = urlsplit(args.endpoint).username is not None
    token = read_token(args.token_file) if args.token_file is not None or not with_password else None
    endpoint = GraphStore(args.endpoint, token)
    store = open_source(args.source)
    triples, requests = push(store, endpoint, args.graph, args.batch)
    print(f"{triples} triples in {requests} requests -> {args.endpoint}")
    return 0
