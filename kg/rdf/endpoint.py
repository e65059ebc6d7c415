"""The SPARQL endpoint of ``kg serve``: Oxigraph's own HTTP server over the store.

The ``oxigraph`` binary (PyPI package ``oxigraph``, same version as
``pyoxigraph``, so it reads the same store files) serves on one port:

    /           query page (YASGUI, bundled in the binary, no network needed)
    /query      SPARQL 1.1 Protocol query (GET/POST; JSON, XML, CSV, TSV by Accept)
    /update     SPARQL 1.1 Update
    /store      SPARQL 1.1 Graph Store HTTP Protocol (GET/PUT/POST/DELETE, ?graph= or ?default)

Queries see the default graph (the merged graph) and the named graph of each document, as ``kg query`` does.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from kg.errors import KgError


def oxigraph_binary() -> str:
    """The server binary: next to this Python (a venv's bin/) or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise KgError("the oxigraph server is not installed: pip install oxigraph")
    return found


def check_port(host: str, port: int) -> None:
    """Fail with one line now rather than with the server's own error later."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as e:
            raise KgError(f"cannot listen on {host}:{port}: {e.strerror}") from None


def start(location: Path, host: str, port: int) -> subprocess.Popen:
    """Start the server on an existing pyoxigraph store directory; returns the process."""
    command = [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"{host}:{port}"]
    env = {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"}  # errors as one line
    return subprocess.Popen(command, stdin=subprocess.DEVNULL, env=env)
