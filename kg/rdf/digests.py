"""What a store's graphs were when kg last wrote them: digests, and a cheap fingerprint.

``DIR/digests.json`` (written by ``kg.rdf.store``) holds

- ``documents``: the sha256 of the stored documents the quads were made from;
- ``graphs``: a digest of each graph (``""`` the default graph, else the named
  graph's IRI): the sum modulo 2**256 of the sha256 of each of its triples in
  N-Triples, so it does not depend on the order quads are read in and one pass
  over the store, in constant memory, gives every graph's digest;
- ``fingerprint``: the number of quads and the state of the database's files
  (names, sizes, modification times; any write through the database changes
  them: its log grows or new table files appear), taken when kg closed the store.

A build compares the fingerprint only (milliseconds); when it differs, the
digests say whether the graphs did. Damaged bytes in the database's files
show when they are read (RocksDB checks each block): computing the digests
reads every quad through one of the database's indexes; damage in the other
indexes shows when a query reads it (a build's exports report it in one line). These detect changes made through the
database (a SPARQL update, ``DROP ALL``, another program) and damage: anyone who
can rewrite the store directory can rewrite this file too, so they are no
signature, and the stored documents remain the source of truth.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable

import pyoxigraph

from kg import atomic

VERSION = 1
_MODULUS = 1 << 256
#: Files of the database that change without a write: its info log and its lock.
_VOLATILE_PREFIXES = ("LOG", "LOCK")


@dataclass(frozen=True)
class Fingerprint:
    quads: int
    files: str  # digest of the database files' names, sizes and modification times


@dataclass
class StoreRecord:
    documents: list[str]
    graphs: dict[str, str]
    fingerprint: Fingerprint | None  # None: not taken (the store was not closed by kg since its last write)


def graph_digests(store: pyoxigraph.Store) -> dict[str, str]:
    """Every graph of ``store`` -> its digest (``""``: the default graph)."""
    sums: dict[str, int] = {}
    for quad in store:
        graph = graph_key(quad)
        sums[graph] = sums.get(graph, 0) + triple_hash(quad)
    return {graph: digest(total) for graph, total in sorted(sums.items())}


def graph_key(quad: pyoxigraph.Quad) -> str:
    """The name of a quad's graph in the record: ``""`` for the default graph, else its IRI."""
    return "" if isinstance(quad.graph_name, pyoxigraph.DefaultGraph) else quad.graph_name.value


def triple_hash(quad: pyoxigraph.Quad) -> int:
    """What one quad adds to the digest of its graph."""
    return int.from_bytes(hashlib.sha256(f"{quad.subject} {quad.predicate} {quad.object} .".encode()).digest(), "big")


def digest(total: int) -> str:
    """A graph's digest from the sum of its quads' ``triple_hash``: sums can be updated quad by quad."""
    return f"{total % _MODULUS:064x}"


def files_state(database_dir: Path) -> str:
    """A digest of the database files' names, sizes and modification times."""
    return paths_state(Path(entry.path) for entry in sorted(os.scandir(database_dir), key=lambda e: e.name)
                       if not entry.name.startswith(_VOLATILE_PREFIXES))


def paths_state(paths: Iterable[Path]) -> str:
    """A digest of the files' names, sizes and modification times; "" if one is missing."""
    entries = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            return ""
        entries.append(f"{path.name}\t{stat.st_size}\t{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(entries).encode()).hexdigest()


@functools.cache
def code_digest() -> str:
    """A digest of kg's own files (code and data): what a graph made by another kg may differ by."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix != ".pyc":
            digest.update(f"{path.relative_to(package)}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def differing_graphs(recorded: dict[str, str], actual: dict[str, str]) -> list[str]:
    """The graphs whose digest is not the recorded one, including graphs only one side has."""
    return sorted(g for g in recorded.keys() | actual.keys() if recorded.get(g) != actual.get(g))


def read_record(path: Path) -> StoreRecord | None:
    """The record at ``path``; None if there is none or it is not a valid one (then nothing is known)."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    if not (isinstance(data, dict) and data.get("kg_store") == VERSION and _strings(data.get("documents"))
            and isinstance(data.get("graphs"), dict) and _strings(list(data["graphs"]) + list(data["graphs"].values()))):
        return None
    fingerprint = data.get("fingerprint")
    if not (isinstance(fingerprint, dict) and type(fingerprint.get("quads")) is int
            and isinstance(fingerprint.get("files"), str) and len(fingerprint) == 2):
        fingerprint = None
    return StoreRecord(data["documents"], data["graphs"], Fingerprint(**fingerprint) if fingerprint else None)


def write_record(path: Path, record: StoreRecord) -> None:
    data = {"kg_store": VERSION, **asdict(record)}
    atomic.write_text(path, json.dumps(data, indent=0, sort_keys=True) + "\n")


def _strings(items: object) -> bool:
    return isinstance(items, list) and all(isinstance(x, str) for x in items)
