"""The persistent store of ``kg build --store DIR``: incremental and resolution-aware.

Layout of DIR::

    DIR/oxigraph/            pyoxigraph (RocksDB) store: the quads of kg.rdf.dataset
    DIR/documents/SHA.pickle each added document as extracted (kg.model.Document)

Why keep the extracted documents: a new document can change how entities
resolve (a later article gives the full name of a short form), so adding
documents re-runs ``kg.resolve`` over every stored document — cheap next to
extraction, which each document goes through only once — and the store's
quads are updated to the new graph by difference (only changed quads are
removed or added). A document whose sha256 is already stored is skipped before
extraction: re-adding it changes nothing.

Documents are pickled because pickle keeps them exactly, shared objects
included (resolution compares relation heads by identity). The quads are
always recomputed from the stored documents, and a document's file is
written only after its quads are in: an interrupted run leaves the
document unstored, and the next run adds it and repairs the quads by the same
difference. That is why the (faster, non-transactional) bulk load is safe here.
"""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import pyoxigraph

from kg import atomic
from kg.errors import KgError
from kg.knowledge import KnowledgeBase
from kg.model import Document
from kg.rdf.dataset import build_quads


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


class KgStore:
    """A store directory: stored documents plus their graph."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise KgError(f"--store is not a directory: {self.path}")
        if self.path.is_dir() and any(self.path.iterdir()) and not is_store(self.path):
            raise KgError(f"--store {self.path} exists and is not a kg store (no oxigraph/ inside)")
        self.documents_dir = self.path / "documents"
        self.documents_dir.mkdir(parents=True, exist_ok=True)
        self.oxigraph = open_oxigraph(self.path)

    def stored_hashes(self) -> set[str]:
        return {p.stem for p in self.documents_dir.glob("*.pickle")}

    def documents(self) -> list[Document]:
        return [document_from_bytes(p.read_bytes(), p.name) for p in self.documents_dir.glob("*.pickle")]

    def add(self, docs: list[Document]) -> KnowledgeBase:
        """Add the new ones of ``docs``, re-resolve everything stored, update the quads.

        Returns the knowledge base of all stored documents."""
        from kg.resolve import resolve

        known = self.stored_hashes()
        new = list({d.sha256: d for d in docs if d.sha256 not in known}.values())
        # A fixed order (name, hash), so adding A then B gives the graph of adding A and B together.
        kb = resolve(sorted(self.documents() + new, key=lambda d: (d.name, d.sha256)))
        if not new:
            return kb
        quads = set(build_quads(kb))
        old = set(self.oxigraph.quads_for_pattern(None, None, None, None))
        for quad in old - quads:
            self.oxigraph.remove(quad)
        self.oxigraph.bulk_extend(quads - old)  # not transactional: see the module docstring
        self.oxigraph.flush()
        # Documents are written last: a failure above leaves them unstored, so the next run retries.
        for d in new:
            atomic.write_bytes(self.documents_dir / f"{d.sha256}.pickle", document_to_bytes(d))
        return kb


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
