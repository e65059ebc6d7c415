"""The Oxigraph server behind ``kg serve``: it evaluates SPARQL on the store, on a private port.

The ``oxigraph`` binary (PyPI package ``oxigraph``, same version as ``pyoxigraph``, so it
reads the same store files) listens on loopback only, on a port that web browsers refuse
to connect to, so that it is reached through the front (``kg.server.app``), which checks
every request first, and not by the web pages open in the user's browser. It runs read-only
(``serve-read-only``) unless the front accepts writes, and with ``--timeout-s`` so that
every query stops at the time limit, even when its client has gone.
"""
from __future__ import annotations

import ctypes
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from kg.errors import KgError

#: The unprivileged ports of the Fetch standard's "bad port" list, the longest-blocked first:
#: web browsers never connect to them, so no web page can reach the back end around the front.
BROWSER_BLOCKED_PORTS = (6000, 6665, 6666, 6667, 6668, 6669, 2049, 3659, 4045, 5060, 5061, 6697,
                         1719, 1720, 1723, 4190, 6566, 6679, 10080)
STARTUP_SECONDS = 60  # opening a large store takes a while
PR_SET_PDEATHSIG = 1  # prctl option, from <linux/prctl.h>


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


@dataclass
class Backend:
    process: subprocess.Popen
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start(location: Path, writable: bool, timeout_s: int) -> Backend:
    """Start the server on an existing pyoxigraph store directory, on a free private port."""
    command = [oxigraph_binary(), "serve" if writable else "serve-read-only",
               "--location", str(location), "--timeout-s", str(timeout_s)]
    env = {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"}  # errors as one line
    for port in _free_ports():
        with tempfile.TemporaryFile() as errors:  # a file, not a pipe: nobody reads it while serving
            process = subprocess.Popen(command + ["--bind", f"127.0.0.1:{port}"], stdin=subprocess.DEVNULL,
                                       stdout=subprocess.DEVNULL, stderr=errors, env=env,
                                       preexec_fn=_end_with_parent if sys.platform == "linux" else None)
            if _answers(process, port):
                return Backend(process, port)
            process.kill()
            process.wait()
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace").strip()
        if "in use" not in message:  # anything but losing the port to another program is fatal
            raise KgError(f"the oxigraph server did not start: {(message.splitlines() or ['no message'])[-1]}")
    raise KgError("no free loopback port for the oxigraph server")


def _end_with_parent() -> None:
    """In the child, before exec: the kernel ends it when kg serve ends, even if kg serve is killed."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _free_ports() -> Iterator[int]:
    """The browser-blocked ports that are free now, then one the system picks."""
    for port in BROWSER_BLOCKED_PORTS:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        yield port
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    print(f"kg serve: warning: no browser-blocked port is free: web pages in a browser on this machine could "
          f"reach the back end on 127.0.0.1:{port} around the front's checks", file=sys.stderr)
    yield port


def _answers(process: subprocess.Popen, port: int) -> bool:
    """Wait until the process answers HTTP on the port as Oxigraph; False if it exited."""
    for _ in range(STARTUP_SECONDS * 10):
        if process.poll() is not None:
            return False
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("HEAD", "/")
            if connection.getresponse().getheader("server", "").startswith("Oxigraph"):
                return process.poll() is None
            return False  # another program took the port in the meantime
        except OSError:
            time.sleep(0.1)
        finally:
            connection.close()
    process.kill()
    process.wait()
    raise KgError(f"the oxigraph server did not answer within {STARTUP_SECONDS} s")
