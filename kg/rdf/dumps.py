"""The dumps of a store (Turtle, N-Triples and JSON-LD of its default graph, the merged graph; TriG
of its dataset), kept in parts so that writing them costs what changed.

pyoxigraph writing a dump whole costs what the store holds, whatever a build changed. So each
subject of the default graph is serialized on its own (its triples in ``kg.rdf.dataset.triple_order``:
rdf:type first, then by predicate and object: the bytes do not depend on the order a store iterates
quads in, which differs between one on disk and one in memory, nor on the order kg makes them in) in
the three formats, and each named graph on its own in TriG; the parts are kept in ``DIR/dumps.sqlite`` (table ``subjects``: N-Triples form of the subject -> its
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

Writing a dump whole copies every part, however few changed. So the parts also keep, for each
key an update changed since the dumps were last written (``DumpParts.written``, said by ``kg build``
once its outputs are in place), the lengths its parts had then; a dump whose last written file is
still as written is made from that file and those lengths: the runs of unchanged parts are copied from
it by the kernel (``os.copy_file_range``), the changed parts written from the parts. A file whose
layout is not the one the lengths give (its size) is written whole.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
from itertools import groupby, islice
from operator import itemgetter
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyoxigraph

from kg.rdf.dataset import triple_order
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
#: Subjects serialized together (``_turtle_blocks``): memory is their quads and parts.
_SUBJECTS_AT_ONCE = 500
#: Where a subject's Turtle block starts: a line that does not start with a tab (``_turtle_blocks``).
_BLOCK_START = re.compile(rb"\n(?!\t)")
#: The serialized columns of each table, in their order after the key, and those each dump is made of.
_COLUMN_INDEX = {"subjects": {"turtle": 1, "ntriples": 2, "jsonld": 3}, "graphs": {"trig": 1}}
_COLUMNS = set(_COLUMN_INDEX["subjects"])
_NEEDS = {"ttl": ("turtle",), "nt": ("ntriples",), "jsonld": ("jsonld",), "trig": ("turtle",)}
_SCHEMA = ("CREATE TABLE IF NOT EXISTS subjects (key TEXT PRIMARY KEY, turtle BLOB, ntriples BLOB, jsonld BLOB) "
           "WITHOUT ROWID; "
           "CREATE TABLE IF NOT EXISTS graphs (key TEXT PRIMARY KEY, trig BLOB) WITHOUT ROWID; "
           "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID; "
           # the lengths the parts updated since the dumps were last written had then (NULL: no such part)
           "CREATE TABLE IF NOT EXISTS subjects_before (key TEXT PRIMARY KEY, turtle INT, ntriples INT, jsonld INT) "
           "WITHOUT ROWID; "
           "CREATE TABLE IF NOT EXISTS graphs_before (key TEXT PRIMARY KEY, trig INT) WITHOUT ROWID;")
#: Each dump's file: what starts it, the (table, column) of the parts it is made of in turn, what
#: separates two parts, what ends it (Turtle and TriG start with the prefixes only if not empty).
_LAYOUT = {"nt": (b"", (("subjects", "ntriples"),), b"", b""),
           "ttl": (None, (("subjects", "turtle"),), b"", b""),
           "trig": (None, (("subjects", "turtle"), ("graphs", "trig")), b"", b""),
           "jsonld": (b"[", (("subjects", "jsonld"),), b",", b"]")}


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
            for table in ("subjects", "graphs", "subjects_before", "graphs_before"):
                self.db.execute(f"DELETE FROM {table}")
            self.db.execute("DELETE FROM meta WHERE key = 'written'")  # the files written before are of other parts
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
            kept = []  # subjects still with quads and their quads, serialized together (_subject_batch)
            for subject in subjects:
                quads = list(store.quads_for_pattern(subject, None, None, pyoxigraph.DefaultGraph()))
                self._keep_before("subjects", str(subject))
                self.db.execute("DELETE FROM subjects WHERE key = ?", (str(subject),))
                if quads:
                    kept.append((subject, quads))
                if len(kept) >= _SUBJECTS_AT_ONCE:
                    self.db.executemany("INSERT INTO subjects VALUES (?, ?, ?, ?)", _subject_batch(kept, _COLUMNS))
                    kept = []
            if kept:
                self.db.executemany("INSERT INTO subjects VALUES (?, ?, ?, ?)", _subject_batch(kept, _COLUMNS))
            for graph in graphs:
                quads = list(store.quads_for_pattern(None, None, None, graph))
                self._keep_before("graphs", str(graph))
                self.db.execute("DELETE FROM graphs WHERE key = ?", (str(graph),))
                if quads:
                    self.db.execute("INSERT INTO graphs VALUES (?, ?)", _graph_row(graph, quads))
            self._set_stamp(stamp)

    def _keep_before(self, table: str, key: str) -> None:
        """Keep the lengths the parts of ``key`` had when the dumps were last written (the first
        update since then keeps them)."""
        lengths = ", ".join(f"length(p.{column})" for column in _COLUMN_INDEX[table])
        self.db.execute(f"INSERT OR IGNORE INTO {table}_before SELECT ?1, {lengths} FROM (SELECT 1) "
                        f"LEFT JOIN {table} p ON p.key = ?1", (key,))

    def written(self, formats: list[str]) -> None:
        """The dumps ``formats`` now in the outputs are those of these parts: the next write of each
        may copy from them what did not change since (``write``'s ``previous``)."""
        with self.db:
            self.db.execute("DELETE FROM subjects_before")
            self.db.execute("DELETE FROM graphs_before")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('written', ?)", (json.dumps(sorted(formats)),))

    def write(self, out: Path, fmt: str, previous: Path | None = None) -> None:
        """Write the dump ``fmt`` (a key of ``DUMP_FILES``) into the directory ``out``. ``previous``: a
        directory holding the dump as it was written last (``written``): the bytes of the parts that did
        not change since are copied from it (by the kernel) rather than read from the parts."""
        empty = not self.db.execute("SELECT 1 FROM subjects UNION ALL SELECT 1 FROM graphs LIMIT 1").fetchone()
        if previous is not None and not empty and fmt in self._written():
            try:
                if self._write_updated(out / DUMP_FILES[fmt], fmt, previous / DUMP_FILES[fmt]):
                    return
            except OSError:  # no copy_file_range here, the file went away...: written whole below
                pass
        _write_dump(out, fmt, self._column, empty)

    def _written(self) -> list[str]:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'written'").fetchone()
        return json.loads(row[0]) if row else []

    def _write_updated(self, target: Path, fmt: str, old: Path) -> bool:
        """Write ``target`` from the file ``old`` (the dump as last written) and the parts updated since:
        False, and the file left to be written whole, if ``old`` is not laid out as those parts say."""
        head, segments, separator, tail = _LAYOUT[fmt]
        head = _head(head, empty=False)  # only a dump with parts is updated
        with open(old, "rb", buffering=0) as source, open(target, "wb", buffering=0) as f:
            size = os.fstat(source.fileno()).st_size
            if source.read(len(head)) != head:
                return False
            f.write(head)
            copier = _Copier(source.fileno(), f.fileno(), len(head))
            for table, column in segments:
                self._copy_segment(copier, table, column, separator)
            copier.flush()
            if copier.position != size - len(tail):
                return False
            f.write(tail)
        return True

    def _copy_segment(self, copier: _Copier, table: str, column: str, separator: bytes) -> None:
        """The parts of ``column`` in key order: copied from the old file where unchanged, else written;
        ``separator`` between two parts."""
        before = dict(self.db.execute(f"SELECT key, {column} FROM {table}_before"))
        changed = iter(sorted(before))
        pending = next(changed, None)
        old_index = new_index = 0  # parts met so far in the old file and in the new one

        def step_over(length: int | None) -> None:
            """Step over an old part (None: it was not in the old file)."""
            nonlocal old_index
            if length is not None:
                copier.skip(length + len(separator) * (old_index > 0))
                old_index += 1

        def new_part(key: str) -> None:
            part = self.db.execute(f"SELECT {column} FROM {table} WHERE key = ?", (key,)).fetchone()[0]
            copier.write((separator if new_index else b"") + part)

        for key, length in self.db.execute(f"SELECT key, length({column}) FROM {table} ORDER BY key"):
            while pending is not None and pending < key:  # updated and gone
                step_over(before[pending])
                pending = next(changed, None)
            if pending == key:  # updated: its old bytes stepped over, its new ones from the parts
                step_over(before[key])
                pending = next(changed, None)
                new_part(key)
            elif (old_index > 0) == (new_index > 0):  # unchanged, with the same separator before it
                copier.copy(length + len(separator) * (new_index > 0))
                old_index += 1
            else:  # unchanged, but first in one file and not in the other
                step_over(length)
                new_part(key)
            new_index += 1
        while pending is not None:
            step_over(before[pending])
            pending = next(changed, None)

    def _column(self, table: str, column: str) -> Iterator[bytes]:
        for (part,) in self.db.execute(f"SELECT {column} FROM {table} ORDER BY key"):
            yield part


class _Copier:
    """Writes a file from runs of bytes of another (``os.copy_file_range``: in the kernel) and new bytes;
    ``position``: where the next byte of the old file to use is."""

    def __init__(self, source: int, target: int, position: int) -> None:
        self.source, self.target, self.position = source, target, position
        self.run = 0  # bytes from ``position`` on to copy, not copied yet

    def copy(self, length: int) -> None:
        self.run += length

    def skip(self, length: int) -> None:
        self.flush()
        self.position += length

    def write(self, data: bytes) -> None:
        self.flush()
        view = memoryview(data)
        while view:
            view = view[os.write(self.target, view):]

    def flush(self) -> None:
        while self.run:
            copied = os.copy_file_range(self.source, self.target, self.run, self.position)
            if not copied:  # the old file is shorter than its parts say
                raise OSError("the previous dump ends early")
            self.position, self.run = self.position + copied, self.run - copied


def named_graphs(quads: Iterable[pyoxigraph.Quad]) -> tuple[bytes, bytes]:
    """The TriG blocks of the named graphs of ``quads`` (as kg made them, not read from a store) in key order,
    as ``DumpParts`` keeps them, and their triples as N-Triples (their copies in the default graph, which
    ``kg.rdf.dataset.statement_graphs`` does not make): their literals in the canonical form a store gives
    them (``"1.50"^^xsd:decimal`` is ``"1.5"``), hence the small store they go through."""
    canonical = pyoxigraph.Store()
    canonical.extend(q for q in quads if not isinstance(q.graph_name, pyoxigraph.DefaultGraph))
    graphs = sorted(canonical.named_graphs(), key=str)
    blocks = b"".join(_graph_row(graph, list(canonical.quads_for_pattern(None, None, None, graph)))[1]
                      for graph in graphs)
    return blocks, b"".join(canonical.dump(format=_NTRIPLES, from_graph=graph) for graph in graphs)


def _write_once(store: pyoxigraph.Store, out: Path, formats: list[str], graphs_file: Path | None) -> None:
    """Write the dumps ``formats`` of a store that keeps no parts into ``out``, laid out as the parts of
    ``DumpParts`` would give them (``_LAYOUT``, keys in order: SQLite compares text as UTF-8 bytes, which sort
    as their code points). The store is read once, in its own order (a subject's quads together); each
    subject's parts (only the columns asked for) go to a scratch file as they are made and are read back from
    it in key order, so that memory holds where each part is, not the dumps. ``graphs_file``: the named
    graphs' blocks (``named_graphs``) in key order, if ``store`` holds the default graph only."""
    columns = {column for fmt in formats for column in _NEEDS[fmt]}
    with tempfile.TemporaryFile(dir=out) as scratch, contextlib.ExitStack() as stack:
        index = []  # (key, offset and length of each column's part in scratch)
        offset = 0
        for key, *parts in _subject_rows(store, columns):
            scratch.write(b"".join(parts))
            index.append((key, [(offset + sum(map(len, parts[:i])), len(part)) for i, part in enumerate(parts)]))
            offset += sum(map(len, parts))
        scratch.flush()
        index.sort(key=itemgetter(0))
        graphs = sorted(store.named_graphs(), key=str) if graphs_file is None else []
        rows = {"subjects": (tuple(os.pread(scratch.fileno(), n, at) for at, n in spans) for _, spans in index),
                "graphs": (_graph_row(g, list(store.quads_for_pattern(None, None, None, g)))
                           for g in (graphs if "trig" in formats else ()))}
        empty = not index and not graphs and not (graphs_file is not None and graphs_file.stat().st_size)
        files = {fmt: stack.enter_context(open(out / DUMP_FILES[fmt], "wb")) for fmt in formats}
        for fmt, f in files.items():
            f.write(_head(_LAYOUT[fmt][0], empty))
        for table in ("subjects", "graphs"):
            # (file, column of the row, separator) of each dump made of this table's parts; a subject's row
            # read back from scratch has no key, so its columns are one place lower
            writers = [(files[fmt], _COLUMN_INDEX[table][column] - (table == "subjects"), _LAYOUT[fmt][2])
                       for fmt in formats for segment, column in _LAYOUT[fmt][1] if segment == table]
            for i, row in enumerate(rows[table]):
                for f, position, separator in writers:
                    f.write(separator + row[position] if i else row[position])
            if table == "graphs" and graphs_file is not None:
                for f, _, _ in writers:  # TriG: its blocks follow each other with no separator
                    with open(graphs_file, "rb") as blocks:
                        shutil.copyfileobj(blocks, f)
        for fmt, f in files.items():
            f.write(_LAYOUT[fmt][3])


def _write_dump(out: Path, fmt: str, column: Callable[[str, str], Iterable[bytes]], empty: bool) -> None:
    """Write the dump ``fmt`` into ``out`` from the parts' columns (``column(table, name)``: in key order),
    laid out as ``_LAYOUT`` says."""
    head, segments, separator, tail = _LAYOUT[fmt]
    with open(out / DUMP_FILES[fmt], "wb") as f:
        f.write(_head(head, empty))
        for table, name in segments:
            for i, part in enumerate(column(table, name)):
                f.write(separator + part if i else part)
        f.write(tail)


def _head(head: bytes | None, empty: bool) -> bytes:
    """What starts a dump (``_LAYOUT``): None, the prefix lines unless the dump is empty."""
    return head if head is not None else b"" if empty else PREFIX_LINES


def parts_current(parts_path: Path, stamp: str | None) -> bool:
    """Whether the parts at ``parts_path`` are of ``stamp`` (writing the dumps then costs copying bytes)."""
    if stamp is None or not parts_path.is_file():
        return False
    with contextlib.closing(DumpParts(parts_path, read_only=True)) as parts:
        return parts.stamp() == stamp


def write_dumps(parts_path: Path | None, stamp: str | None, store: pyoxigraph.Store | str, out: Path,
                formats: list[str], previous: Path | None = None, graphs_file: Path | None = None) -> None:
    """Write the dumps ``formats`` into ``out`` from the parts at ``parts_path`` (None: parts made in
    memory), making them again from ``store`` first unless they are of ``stamp``. ``store``: the
    store, or the directory of a snapshot of its database (``KgStore.snapshot``), opened read-only only
    if the parts are made again (so that another process can write the dumps while the one that wrote
    the store goes on). ``previous``: the directory of the dumps as last written from these parts, if
    they are still as written (``DumpParts.write``). ``graphs_file``: with no parts, the TriG blocks of the
    named graphs of a store that holds its default graph only (``KgStore.graphs_path``)."""
    if parts_path is None or not parts_current(parts_path, stamp):
        store = pyoxigraph.Store.read_only(store) if isinstance(store, str) else store
    if parts_path is None:
        _write_once(store, Path(out), formats, graphs_file)
        return
    with contextlib.closing(DumpParts(parts_path)) as parts:
        if not parts_current(parts_path, stamp):
            parts.rebuild(store, stamp)
        for fmt in formats:
            parts.write(Path(out), fmt, previous)


def dumps_written(parts_path: Path, formats: list[str]) -> None:
    """The dumps ``formats`` of the parts at ``parts_path`` are now the outputs (``DumpParts.written``)."""
    with contextlib.closing(DumpParts(parts_path)) as parts:
        parts.written(formats)


def _subject_rows(store: pyoxigraph.Store, columns: set[str]) -> Iterator[tuple[str, bytes, bytes, bytes]]:
    """The parts of every subject of the default graph, in the store's order; the columns not in
    ``columns`` are left empty."""
    default = store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())
    subjects = ((subject, list(quads)) for subject, quads in groupby(default, key=lambda q: q.subject))
    while batch := list(islice(subjects, _SUBJECTS_AT_ONCE)):
        yield from _subject_batch(batch, columns)


def _graph_rows(store: pyoxigraph.Store) -> Iterator[tuple[str, bytes]]:
    return (_graph_row(graph, list(store.quads_for_pattern(None, None, None, graph))) for graph in store.named_graphs())


def _subject_batch(subjects: list[tuple[pyoxigraph.NamedNode | pyoxigraph.BlankNode, list[pyoxigraph.Quad]]],
                   columns: set[str]) -> list[tuple[str, bytes, bytes, bytes]]:
    """The parts of each of ``subjects`` (a subject and its quads), only the ``columns`` asked for."""
    ordered = [sorted(quads, key=triple_order) for _, quads in subjects]
    turtle = _turtle_blocks(ordered) if "turtle" in columns else [b""] * len(ordered)
    return [(str(subject),
             block,
             pyoxigraph.serialize(quads, format=_NTRIPLES) if "ntriples" in columns else b"",
             pyoxigraph.serialize(quads, format=_JSONLD)[1:-1] if "jsonld" in columns else b"")  # one object, no [ ]
            for (subject, _), quads, block in zip(subjects, ordered, turtle)]


def _turtle_blocks(ordered: list[list[pyoxigraph.Quad]]) -> list[bytes]:
    """The Turtle block of each subject's quads of ``ordered``, from one call of the serializer (a call per
    subject costs twice as much). The serializer starts each subject's block on a line of its own, the
    block's other lines with a tab, and escapes the newlines of literals: so a block starts at each line that
    does not start with a tab."""
    text = pyoxigraph.serialize([q for quads in ordered for q in quads], format=_TURTLE, prefixes=_PREFIXES)
    text = text.removeprefix(PREFIX_LINES)
    cuts = [0, *(m.end() for m in _BLOCK_START.finditer(text, 0, len(text) - 1)), len(text)]
    if len(cuts) != len(ordered) + 1:
        raise RuntimeError(f"pyoxigraph's Turtle has {len(cuts) - 1} blocks for {len(ordered)} subjects: "
                           f"kg.rdf.dumps._turtle_blocks no longer knows its layout")
    return [text[start:end] for start, end in zip(cuts, cuts[1:])]


def _graph_row(graph: pyoxigraph.NamedNode, quads: list[pyoxigraph.Quad]) -> tuple[str, bytes]:
    quads = sorted(quads, key=triple_order)
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
