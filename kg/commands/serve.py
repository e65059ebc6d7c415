"""``kg serve STORE|GRAPH``: a SPARQL 1.1 endpoint with a query page, until Ctrl-C.

Safe by default (see ``kg.server.policy``): read-only, no outside fetches, every
query stopped at ``--timeout``. A graph file is loaded into a temporary store that is
deleted on exit (so writes to it are lost then).
"""
from __future__ import annotations

import argparse
import importlib
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pyoxigraph
import uvicorn

from kg.errors import KgError, UsageError
from kg.rdf.source import FORMATS
from kg.rdf.database import is_store, open_oxigraph
from kg.server import backend
from kg.server.app import create_app
from kg.server.policy import PARSER_RECURSION_LIMIT, TOKEN_RECIPE, Policy, is_loopback, read_token

DESCRIPTION = ("Serve a store or graph file: a query page at /, SPARQL queries at /query,\n"
               "the Graph Store Protocol at /store. Safe by default: read-only unless --writable,\n"
               "no SERVICE or LOAD unless --allow-federation, every query stopped at --timeout.")
EPILOG = ("examples:\n"
          "  kg serve out/store --port 7878              read-only; then open http://127.0.0.1:7878/\n"
          "  kg serve out/graph.ttl --timeout 120        a graph file; slow queries get 2 minutes\n"
          "  kg serve out/store --writable --token-file token\n"
          "      accept writes that send the token:  kg push new.trig --endpoint "
          "http://127.0.0.1:7878/store --token-file token\n"
          "  kg serve out/store --host 0.0.0.0           reachable from other machines (read-only)")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", metavar="STORE|GRAPH", help="a store directory or a graph file (.ttl, .nt, .trig, ...)")
    p.add_argument("--port", type=int, default=7878, help="port to listen on (default: 7878)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this machine only); any other prints a warning")
    p.add_argument("--writable", action="store_true",
                   help="accept writes (/update, PUT/POST/DELETE /store) that carry the token as "
                        "'Authorization: Bearer TOKEN' and come from no other web origin")
    p.add_argument("--token-file", metavar="FILE",
                   help="file holding the write token (default: the environment variable KG_TOKEN); "
                        "make one with: python -c 'import secrets; print(secrets.token_urlsafe(32))' > token")
    p.add_argument("--allow-federation", action="store_true",
                   help="let SPARQL SERVICE and LOAD fetch data from other servers (refused by default)")
    p.add_argument("--timeout", type=int, default=30, metavar="SECONDS",
                   help="stop every query after this many seconds (default: 30)")


def run(args: argparse.Namespace) -> int:
    policy = _policy(args)
    source = Path(args.source)
    if source.is_dir():
        if not is_store(source):
            raise KgError(f"{source} is a directory but not a kg store (made by `kg build --store`)")
        open_oxigraph(source)  # fails with one clear line if another process holds the store
        return _serve(source / "oxigraph", args, policy)
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
        return _serve(Path(tmp), args, policy)


def _policy(args: argparse.Namespace) -> Policy:
    if not 0 < args.port < 65536:
        raise UsageError(f"--port must be 1-65535, got {args.port}")
    if args.timeout < 1:
        raise UsageError(f"--timeout must be at least 1 second, got {args.timeout}")
    token = read_token(args.token_file)
    if args.writable and token is None:
        raise UsageError(f"--writable needs a token: --token-file FILE or the environment variable KG_TOKEN "
                         f"(make one with: {TOKEN_RECIPE})")
    return Policy(writable=args.writable, token=token if args.writable else None,
                  allow_federation=args.allow_federation, timeout_s=args.timeout,
                  loopback_only=is_loopback(args.host))


def _serve(location: Path, args: argparse.Namespace, policy: Policy) -> int:
    if not policy.loopback_only:
        clear_token = ", and the write token travels unencrypted" if policy.writable else ""
        print(f"kg serve: warning: --host {args.host} is reachable from other machines: anyone there can query "
              f"the store{clear_token}", file=sys.stderr)
    backend.check_port(args.host, args.port)
    # uvicorn stops on Ctrl-C and SIGTERM (a service manager, a test) alike, then raises the signal again:
    # SIGTERM must then end this function normally too, so that the back end is stopped with it.
    signal.signal(signal.SIGTERM, _stop)
    server = None
    try:
        server = backend.start(location, writable=policy.writable, timeout_s=policy.timeout_s)
        front = uvicorn.Server(uvicorn.Config(create_app(policy, server.url), host=args.host, port=args.port,
                                              log_level="warning", timeout_graceful_shutdown=3))
        # The front stops too if the back end ends (killed, out of memory...), rather than answer 502s.
        threading.Thread(target=_stop_after, args=(server.process, front), daemon=True).start()
        base = f"http://{'[' + args.host + ']' if ':' in args.host else args.host}:{args.port}"
        mode = "writable with the token" if policy.writable else "read-only"
        print(f"SPARQL endpoint {base}/query ({mode}, queries stopped after {policy.timeout_s} s), "
              f"query page {base}/ (Ctrl-C to stop)", flush=True)
        sys.setrecursionlimit(max(sys.getrecursionlimit(), PARSER_RECURSION_LIMIT))
        importlib.import_module("rdflib.plugins.sparql.parser")  # half a second: now, not in the first query
        front.run()
        if (code := server.process.poll()) is not None:
            raise KgError(f"the oxigraph back end stopped (exit code {code}), and kg serve with it")
    except (KeyboardInterrupt, _Stopped):
        pass
    finally:
        if server is not None:
            server.stop()
    return 0


def _stop_after(process: subprocess.Popen, front: uvicorn.Server) -> None:
    process.wait()
    front.should_exit = True


class _Stopped(Exception):
    pass


def _stop(*_: object) -> None:
    raise _Stopped
