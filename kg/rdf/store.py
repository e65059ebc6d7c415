"""The persistent store of ``kg build --store DIR``: incremental and resolution-aware.

Layout of DIR::

    DIR/oxigraph/            pyoxigraph (RocksDB) store: the quads of kg.rdf.dataset
    DIR/documents/SHA.pickle each stored document as extracted (kg.model.Document)
    DIR/incoming/            documents of the running build, moved into documents/ at its end
    DIR/REBUILDING           present while the quads are being rewritten

Why keep the extracted documents: a new document can change how entities
resolve (a later article gives the full name of a short form), so adding
documents re-runs resolution over every stored document — cheap next to
extraction, which each document goes through only once — and rewrites the
quads. A document whose sha256 is already stored is skipped before
extraction: re-adding it changes nothing.

Memory does not grow with the corpus: documents stream through the two
passes of ``kg.resolve.Resolver`` from their files (the new ones are spilled to
incoming/ as they are extracted), and quads go into the store in batches of
``BATCH`` with pyoxigraph's bulk loader. Only names, people's context and
entity descriptions stay in memory between the passes.

The bulk loader is not transactional; ``REBUILDING`` is what makes that safe:
it is written before the quads are cleared and removed after the new
documents are stored, so an interrupted run leaves the marker, and the next
run rewrites the quads from the stored documents even if it adds nothing.

Documents are pickled because pickle keeps them exactly, shared objects
included (resolution compares relation heads by identity).
"""
from __future__ import annotations

import hashlib
import pickle
import shutil
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph

from kg import atomic
from kg.errors import KgError
from kg.knowledge import KnowledgeBase
from kg.model import Document
from kg.rdf.dataset import description_quads, statement_quads
from kg.rdf.sparql import run_query
from kg.rdf.vocab import CLASS

_CLASSES = " ".join(f"<{c}>" for c in CLASS.values())

#: Quads handed to the bulk loader at a time: the build's memory is this batch, not the corpus.
BATCH = 20_000


def is_store(path: str | Path) -> bool:
    return (Path(path) / "oxigraph").is_dir()


def file_sha256(path: Path) -> str:
    """The hash ``kg.reader`` gives a document (of its raw bytes)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def open_oxigraph(path: str | Path, read_only: bool = False) -> pyoxigraph.Store:
    location = Path(path) / "oxigraph"
    try:
        if read_only:
            return pyoxigraph.Store.read_only(str(location))
        return pyoxigraph.Store(str(location))
    except OSError as e:
        raise KgError(f"cannot open store {path}: {str(e).splitlines()[0]} (is `kg serve` using it?)") from None


@dataclass
class BuildReport:
    added: int  # documents extracted and added
    mentions: int  # entity mentions in them
    documents: int  # documents in the store
    entities_before: int | None  # distinct (document, name, type) of all stored documents; None: not re-resolved
    entities: int
    facts: int  # posts and reified facts


class KgStore:
    """A store directory: stored documents plus their graph."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise KgError(f"--store is not a directory: {self.path}")
        if self.path.is_dir() and any(self.path.iterdir()) and not is_store(self.path):
            raise KgError(f"--store {self.path} exists and is not a kg store (no oxigraph/ inside)")
        self.documents_dir = self.path / "documents"
        self.incoming_dir = self.path / "incoming"
        self.rebuilding = self.path / "REBUILDING"
        self.documents_dir.mkdir(parents=True, exist_ok=True)
        self.oxigraph = open_oxigraph(self.path)

    def stored_hashes(self) -> set[str]:
        return {p.stem for p in self.documents_dir.glob("*.pickle")}

    def add(self, docs: Iterable[Document], quiet: bool = True, overrides: list | None = None,
            force: bool = False) -> BuildReport:
        """Add the new ones of ``docs`` (an iterator is consumed as it is extracted),
        re-resolve everything stored and rewrite the quads (``quiet``: no progress bars;
        ``overrides``: kg.overrides corrections; ``force``: re-resolve even if nothing is added)."""
        from kg.resolve import Resolver
        from kg.runner import with_progress

        resolver = Resolver(overrides or ())
        known = self.stored_hashes()
        shutil.rmtree(self.incoming_dir, ignore_errors=True)
        self.incoming_dir.mkdir()
        added = mentions = 0
        for doc in docs:
            if doc.sha256 in known:
                continue
            known.add(doc.sha256)
            resolver.observe(doc)
            atomic.write_bytes(self.incoming_dir / f"{doc.sha256}.pickle", document_to_bytes(doc))
            added, mentions = added + 1, mentions + len(doc.mentions)
        if not added and not force and not self.rebuilding.exists():
            shutil.rmtree(self.incoming_dir)
            return self._report(0, 0, None)
        stored = sorted(self.documents_dir.glob("*.pickle"))
        for doc in _load_all(with_progress(stored, len(stored), "reading the store", quiet)):
            resolver.observe(doc)
        resolver.finish()
        self.rebuilding.touch()
        self.oxigraph.clear()
        # By file name, which is the sha256: the pass-2 order of Resolver.document_order.
        ordered = sorted(stored + list(self.incoming_dir.glob("*.pickle")), key=lambda p: p.name)
        batch: set[pyoxigraph.Quad] = set()
        for doc in _load_all(with_progress(ordered, len(ordered), "writing the graph", quiet)):
            batch |= statement_quads(resolver.part(doc))
            if len(batch) >= BATCH:
                self.oxigraph.bulk_extend(batch)
                batch = set()
        self._write(batch)
        descriptions = description_quads(KnowledgeBase(entities=resolver.entities(), documents=resolver.documents))
        self._write(descriptions)
        self.oxigraph.flush()
        for path in self.incoming_dir.glob("*.pickle"):
            path.replace(self.documents_dir / path.name)
        self.incoming_dir.rmdir()
        self.rebuilding.unlink()
        return self._report(added, mentions, resolver.mentions_before_resolution)

    def _write(self, quads: set[pyoxigraph.Quad]) -> None:
        """Into the store, ``BATCH`` at a time: the loader's memory grows with what it is given."""
        it = iter(quads)
        while chunk := list(islice(it, BATCH)):
            self.oxigraph.bulk_extend(chunk)

    def _report(self, added: int, mentions: int, entities_before: int | None) -> BuildReport:
        def count(query: str) -> int:
            return int(next(iter(run_query(self.oxigraph, query)))["n"].value)

        return BuildReport(added, mentions, len(self.stored_hashes()), entities_before,
                           count(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ VALUES ?c {{ {_CLASSES} }} ?e a ?c }}"),
                           count("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { { ?x a org:Post } UNION "
                                 "{ ?x a rdf:Statement } }"))


def _load_all(paths: Iterable[Path]) -> Iterator[Document]:
    for path in paths:
        yield document_from_bytes(path.read_bytes(), path.name)


def document_to_bytes(doc: Document) -> bytes:
    return pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)


def document_from_bytes(data: bytes, name: str = "") -> Document:
    try:
        doc = pickle.loads(data)
    except Exception as e:  # written by an incompatible version of kg.model
        raise KgError(f"cannot read stored document {name}: {e}; rebuild the store") from None
    if not isinstance(doc, Document):
        raise KgError(f"stored document {name} is not a kg document; rebuild the store")
    return doc
