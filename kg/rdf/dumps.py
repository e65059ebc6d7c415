"""The dumps of a store (Turtle, N-Triples and JSON-LD of its default graph, the merged graph; TriG
of its dataset), kept in parts so that writing them costs what changed.

pyoxigraph writing a dump whole costs what the store holds, whatever a build changed. So each
subject of the default graph is serialized on its own (its triples in the store's order, which is
fixed for the same content) in the three formats, and each named graph on its own in TriG; the
parts are kept in ``DIR/dumps.sqlite`` (table ``subjects``: N-Triples form of the subject -> its
Turtle, N-Triples and JSON-LD; table ``graphs``: the graph's IRI -> its TriG block). A dump is
its parts in the order of their keys:

- Turtle: the prefixes, then every subject's block;
- N-Triples: every subject's lines;
- JSON-LD (expanded form, one object per node): ``[`` the subjects' objects joined by ``,`` ``]``;
- TriG: the prefixes, the subjects' Turtle blocks (the default graph), then every named graph's block.

``stamp``: which content the parts are of (``store_stamp`` of the store's graph digests,
``kg.rdf.digests``). A build that updates a store (``kg.rdf.store``) serializes again only the
subjects and named graphs whose quads it changed, when the parts were those of the store before;
otherwise (a new store, one kg wrote before parts were kept, parts deleted or damaged) they are made
again from the whole store when the dumps are next written. The parts are trusted as the store's
digests are: whoever can rewrite the directory can rewrite both.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

import pyoxigraph

from kg.rdf.vocab import PREFIXES

#: The file of the parts, inside a store directory.
PARTS_FILE = "dumps.sqlite"
#: --formats name -> its file name. The first three are of the default graph, TriG of the dataset.
DUMP_FILES = {"ttl": "graph.ttl", "nt": "graph.nt", "jsonld": "graph.jsonld", "trig": "graph.trig"}

_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}
_TURTLE, _TRIG = pyoxigraph.RdfFormat.TURTLE, pyoxigraph.RdfFormat.TRIG
_NTRIPLES, _JSONLD = pyoxigraph.RdfFormat.N_TRIPLES, pyoxigraph.RdfFormat.JSON_LD
#: Rows written to the parts per statement: memory is this many parts, not the store.
_BATCH = 2_000
#: The serialized columns of each table, in their order after the key, and those each dump is made of.
_COLUMN_INDEX = {"subjects": {"turtle": 1, "ntriples": 2, "jsonld": 3}, "graphs": {"trig": 1}}
_COLUMNS = set(_COLUMN_INDEX["subjects"])
_NEEDS = {"ttl": ("turtle",), "nt": ("ntriples",), "jsonld": ("jsonld",), "trig": ("turtle",)}
_SCHEMA = ("CREATE TABLE IF NOT EXISTS subjects (key TEXT PRIMARY KEY, turtle BLOB, ntriples BLOB, jsonld BLOB) "
           "WITHOUT ROWID; "
           "CREATE TABLE IF NOT EXISTS graphs (key TEXT PRIMARY KEY, trig BLOB) WITHOUT ROWID; "
           "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;")


def _prefix_lines() -> bytes:
    """The ``@prefix`` lines pyoxigraph starts a Turtle or TriG serialization with."""
    node = pyoxigraph.NamedNode("urn:x")
    text = pyoxigraph.serialize([pyoxigraph.Triple(node, node, node)], format=_TURTLE, prefixes=_PREFIXES)
    return text[:text.rstrip(b"\n").rindex(b"\n") + 1]  # all but the triple's line


PREFIX_LINES = _prefix_lines()


def store_stamp(graphs: dict[str, str]) -> str:
    """What parts made from a store with these graph digests are of."""
    return hashlib.sha256(json.dumps(graphs, sort_keys=True).encode()).hexdigest()


class StampedParts:
    """Pieces of outputs kept in the SQLite file ``path`` (``None``: in memory) with the stamp of
    the store content they are of, in a table ``meta``; ``schema`` creates the tables."""

    def __init__(self, path: Path | None, schema: str, read_only: bool = False) -> None:
        if path is None:
            self.db = sqlite3.connect(":memory:")
        elif read_only:
            self.db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        else:
            self.db = sqlite3.connect(path)
        if not read_only:
            try:
                self.db.executescript(schema)
            except sqlite3.DatabaseError:  # not a database (damaged): the pieces are made again, in a new file
                self.db.close()
                Path(path).unlink()
                self.db = sqlite3.connect(path)
                self.db.executescript(schema)

    def close(self) -> None:
        self.db.close()

    def stamp(self) -> str | None:
        """The stamp of the content the pieces are of; None if unknown (no pieces, or unreadable)."""
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
        except sqlite3.DatabaseError:
            return None
        return row[0] if row else None

    def _set_stamp(self, stamp: str | None) -> None:
        self.db.execute("DELETE FROM meta WHERE key = 'stamp'")
        if stamp is not None:
            self.db.execute("INSERT INTO meta VALUES ('stamp', ?)", (stamp,))


class DumpParts(StampedParts):
    """The parts of a store's dumps in the SQLite file ``path`` (``None``: in memory, for a store
    that keeps none)."""

    def __init__(self, path: Path | None, read_only: bool = False) -> None:
        super().__init__(path, _SCHEMA, read_only)

    def rebuild(self, store: pyoxigraph.Store, stamp: str | None) -> None:
        """Serialize every subject and named graph of ``store`` again."""
        with self.db:
            self.db.execute("DELETE FROM subjects")
            self.db.execute("DELETE FROM graphs")
            for rows in _batches(_subject_rows(store, _COLUMNS)):
                self.db.executemany("INSERT INTO subjects VALUES (?, ?, ?, ?)", rows)
            for rows in _batches(_graph_rows(store)):
                self.db.executemany("INSERT INTO graphs VALUES (?, ?)", rows)
            self._set_stamp(stamp)

    def update(self, store: pyoxigraph.Store, subjects: Iterable[pyoxigraph.NamedNode | pyoxigraph.BlankNode],
               graphs: Iterable[pyoxigraph.NamedNode], stamp: str | None) -> None:
        """Serialize again the default-graph ``subjects`` and the named ``graphs`` whose quads changed
        (those left without quads are dropped)."""
        with self.db:
            for subject in subjects:
                quads = list(store.quads_for_pattern(subject, None, None, pyoxigraph.DefaultGraph()))
                self.db.execute("DELETE FROM subjects WHERE key = ?", (str(subject),))
                if quads:
                    self.db.execute("INSERT INTO subjects VALUES (?, ?, ?, ?)", _subject_row(subject, quads))
            for graph in graphs:
                quads = list(store.quads_for_pattern(None, None, None, graph))
                self.db.execute("DELETE FROM graphs WHERE key = ?", (str(graph),))
                if quads:
                    self.db.execute("INSERT INTO graphs VALUES (?, ?)", _graph_row(graph, quads))
            self._set_stamp(stamp)

    def write(self, out: Path, fmt: str) -> None:
        """Write the dump ``fmt`` (a key of ``DUMP_FILES``) into the directory ``out``."""
        empty = not self.db.execute("SELECT 1 FROM subjects UNION ALL SELECT 1 FROM graphs LIMIT 1").fetchone()
        _write_dump(out, fmt, self._column, empty)

    def _column(self, table: str, column: str) -> Iterator[bytes]:
        for (part,) in self.db.execute(f"SELECT {column} FROM {table} ORDER BY key"):
            yield part


class _PartsOnce:
    """The parts of a store that keeps none, made for one write: in lists sorted by key (the order of
    ``DumpParts``' keys: SQLite compares text as UTF-8 bytes, which sort as their code points), and
    only the columns the dumps asked for are serialized."""

    def __init__(self, store: pyoxigraph.Store, formats: list[str]) -> None:
        columns = {column for fmt in formats for column in _NEEDS[fmt]}
        self.tables = {"subjects": sorted(_subject_rows(store, columns), key=itemgetter(0)) if columns else [],
                       "graphs": sorted(_graph_rows(store), key=itemgetter(0)) if "trig" in formats else []}
        # as DumpParts says it: no subject and no named graph (the graphs are not made for every dump)
        self.empty = not self.tables["subjects"] and next(iter(store.named_graphs()), None) is None

    def write(self, out: Path, fmt: str) -> None:
        _write_dump(out, fmt, self._column, self.empty)

    def _column(self, table: str, column: str) -> Iterator[bytes]:
        index = _COLUMN_INDEX[table][column]
        return (row[index] for row in self.tables[table])


def _write_dump(out: Path, fmt: str, column: Callable[[str, str], Iterable[bytes]], empty: bool) -> None:
    """Write the dump ``fmt`` into ``out`` from the parts' columns (``column(table, name)``: in key order)."""
    with open(out / DUMP_FILES[fmt], "wb") as f:
        if fmt == "nt":
            f.writelines(column("subjects", "ntriples"))
        elif fmt == "jsonld":
            _write_json_array(f, column("subjects", "jsonld"))
        else:
            if not empty:
                f.write(PREFIX_LINES)
            f.writelines(column("subjects", "turtle"))
            if fmt == "trig":
                f.writelines(column("graphs", "trig"))


def parts_current(parts_path: Path, stamp: str | None) -> bool:
    """Whether the parts at ``parts_path`` are of ``stamp`` (writing the dumps then costs copying bytes)."""
    if stamp is None or not parts_path.is_file():
        return False
    with contextlib.closing(DumpParts(parts_path, read_only=True)) as parts:
        return parts.stamp() == stamp


def write_dumps(parts_path: Path | None, stamp: str | None, store: pyoxigraph.Store | str, out: Path,
                formats: list[str]) -> None:
    """Write the dumps ``formats`` into ``out`` from the parts at ``parts_path`` (None: parts made in
    memory), making them again from ``store`` first unless they are of ``stamp``. ``store``: the
    store, or the directory of a snapshot of its database (``KgStore.snapshot``), opened read-only only
    if the parts are made again (so that another process can write the dumps while the one that wrote
    the store goes on)."""
    if parts_path is None or not parts_current(parts_path, stamp):
        store = pyoxigraph.Store.read_only(store) if isinstance(store, str) else store
    if parts_path is None:
        once = _PartsOnce(store, formats)
        for fmt in formats:
            once.write(Path(out), fmt)
        return
    with contextlib.closing(DumpParts(parts_path)) as parts:
        if not parts_current(parts_path, stamp):
            parts.rebuild(store, stamp)
        for fmt in formats:
            parts.write(Path(out), fmt)


def _subject_rows(store: pyoxigraph.Store, columns: set[str]) -> Iterator[tuple[str, bytes, bytes, bytes]]:
    """The parts of every subject of the default graph, in the store's order; the columns not in
    ``columns`` are left empty."""
    default = store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())
    return (_subject_row(subject, list(quads), columns) for subject, quads in groupby(default, key=lambda q: q.subject))


def _graph_rows(store: pyoxigraph.Store) -> Iterator[tuple[str, bytes]]:
    return (_graph_row(graph, list(store.quads_for_pattern(None, None, None, graph))) for graph in store.named_graphs())


def _subject_row(subject: pyoxigraph.NamedNode | pyoxigraph.BlankNode, quads: list[pyoxigraph.Quad],
                 columns: set[str] = _COLUMNS) -> tuple[str, bytes, bytes, bytes]:
    turtle = pyoxigraph.serialize(quads, format=_TURTLE, prefixes=_PREFIXES).removeprefix(PREFIX_LINES) \
        if "turtle" in columns else b""
    ntriples = pyoxigraph.serialize(quads, format=_NTRIPLES) if "ntriples" in columns else b""
    jsonld = pyoxigraph.serialize(quads, format=_JSONLD)[1:-1] if "jsonld" in columns else b""  # one object, no [ ]
    return str(subject), turtle, ntriples, jsonld


def _graph_row(graph: pyoxigraph.NamedNode, quads: list[pyoxigraph.Quad]) -> tuple[str, bytes]:
    return str(graph), pyoxigraph.serialize(quads, format=_TRIG, prefixes=_PREFIXES).removeprefix(PREFIX_LINES)


def _batches(rows: Iterator[tuple]) -> Iterator[list[tuple]]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_json_array(f: BinaryIO, objects: Iterable[bytes]) -> None:
    f.write(b"[")
    for i, obj in enumerate(objects):
        if i:
            f.write(b",")
        f.write(obj)
    f.write(b"]")
