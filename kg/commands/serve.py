"""``kg serve STORE|GRAPH --port N``: a SPARQL 1.1 endpoint with a query page, until Ctrl-C.

A store is served read-write (``kg push`` can load graphs into it through
/store); a graph file is loaded into a temporary store that is deleted on exit.
"""
from __future__ import annotations

import argparse
import signal
import tempfile
from pathlib import Path

import pyoxigraph

from kg.errors import KgError
from kg.rdf import endpoint
from kg.rdf.source import FORMATS
from kg.rdf.store import is_store, open_oxigraph


def run(args: argparse.Namespace) -> int:
    source = Path(args.source)
    if not 0 < args.port < 65536:
        raise KgError(f"--port must be 1-65535, got {args.port}")
    if source.is_dir():
        if not is_store(source):
            raise KgError(f"{source} is a directory but not a kg store (made by `kg build --store`)")
        open_oxigraph(source)  # fails with one clear line if another process holds the store
        return _serve(source / "oxigraph", args)
    if not source.is_file():
        raise KgError(f"no such store or graph file: {source}")
    if source.suffix.lower() not in FORMATS:
        raise KgError(f"unknown graph file type {source.suffix or '(none)'}: use one of {', '.join(FORMATS)}")
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as tmp:
        store = pyoxigraph.Store(tmp)
        try:
            store.bulk_load(path=str(source), format=FORMATS[source.suffix.lower()])
        except (SyntaxError, ValueError, OSError) as e:
            raise KgError(f"cannot read {source}: {str(e).splitlines()[0]}") from None
        store.flush()
        del store  # release the database lock for the server
        return _serve(Path(tmp), args)


def _serve(location: Path, args: argparse.Namespace) -> int:
    endpoint.check_port(args.host, args.port)
    print(f"SPARQL endpoint http://{args.host}:{args.port}/query, query page http://{args.host}:{args.port}/ "
          f"(Ctrl-C to stop)", flush=True)
    process = endpoint.start(location, args.host, args.port)
    stopping = []

    def stop(*_: object) -> None:  # SIGTERM (e.g. from a test or a service manager) stops the server too
        stopping.append(True)
        process.terminate()

    signal.signal(signal.SIGTERM, stop)
    try:
        code = process.wait()
    except KeyboardInterrupt:
        stop()
        process.wait()
        return 0
    if code != 0 and not stopping:
        raise KgError(f"the oxigraph server stopped with exit code {code} (is port {args.port} in use, "
                      f"or the store open in another process?)")
    return 0
