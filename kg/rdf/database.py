"""Opening a store's Oxigraph database, and its errors as one line that says what to do.

Below kg.rdf.store, so that what only reads a store (kg.rdf.source: kg query, kg stats, the
views) opens its database without the store's building machinery."""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

import pyoxigraph

from kg.errors import KgError


class DamagedStoreError(KgError):
    """The database of a store cannot be read (``kg check`` rebuilds it from the stored documents)."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"store {path} is damaged ({reason}): `kg check {path}` rebuilds its database from its "
                         f"stored documents")
        self.reason = reason


def is_store(path: str | Path) -> bool:
    return (Path(path) / "oxigraph").is_dir()


def open_oxigraph(path: str | Path, read_only: bool = False) -> pyoxigraph.Store:
    location = Path(path) / "oxigraph"
    with database_errors(path):
        if read_only:
            return pyoxigraph.Store.read_only(str(location))
        return pyoxigraph.Store(str(location))


@contextlib.contextmanager
def database_errors(path: str | Path) -> Iterator[None]:
    """Errors of the database under ``path`` as one line that says what to do.

    pyoxigraph reports damage (RocksDB's "Corruption: ...") as RuntimeError and the
    database's I/O problems as OSError without an errno. Other errors of these
    types (writing an output file; a RuntimeError of Python's own, which is a bug)
    are left to their callers."""
    try:
        yield
    except RuntimeError as e:
        if "corrupt" not in str(e).lower():
            raise
        raise DamagedStoreError(path, _first_line(e)) from None
    except OSError as e:
        if e.errno is not None:
            raise
        message = _first_line(e)
        if "lock" in message.lower():
            raise KgError(f"cannot open store {path}: it is in use by another process (is `kg serve` using it?)") \
                from None
        if any(cause in message for cause in ("Read-only file system", "Permission denied", "not permitted")):
            raise not_writable(path, message) from None
        raise KgError(f"cannot open store {path}: {message}") from None


def not_writable(path: str | Path, why: str) -> KgError:
    return KgError(f"store {path} is not writable ({why}): copy it to a writable place to add to it; "
                   f"`kg query` and `kg serve` read it as it is")


def _first_line(e: BaseException) -> str:
    return " ".join(str(e).split("\n")[0].split())
