"""The persistent store of ``kg build --store DIR``: incremental, resolution-aware, checked.

Layout of DIR::

    DIR/oxigraph/            pyoxigraph (RocksDB) store: the quads of kg.rdf.dataset
    DIR/documents/SHA.json   each stored document as extracted (kg.document_json records)
    DIR/digests.json         what kg wrote: digests of every graph and a fingerprint (kg.rdf.digests)
    DIR/incoming/            documents of the running build, moved into documents/ at its end
    DIR/REBUILDING           present while the quads are being rewritten
    DIR/resolution/SHA.json  what resolution needs of each document and gave it (kept by ``_keep_resolved``)
    DIR/resolution/descriptions.nq, state.json  the entity and document descriptions; which kg and documents
    DIR/resolution/names.json  each stored document's name and path (``stored_names``)
    DIR/outputs.json         what the outputs kg build last wrote were made from (kg.commands.build)
    DIR/dumps.sqlite         the dumps (TriG, Turtle, ...) in parts, per subject and named graph (kg.rdf.dumps)
    DIR/rows.sqlite          the rows of the CSV files and GraphML, by whose they are (kg.rdf.rows)

Why keep the extracted documents: a new document can change how entities
resolve (a later article gives the full name of a short form), so the
documents whose entities now resolve otherwise are turned into quads again.
Which ones: resolution runs again over the summaries kept in resolution/
(pass 1 of ``kg.resolve.Resolver`` without reading the documents), and a
stored document is read again only if its ``Resolver.signature`` (the entity
ids and labels it gets, and whether the entities it asked about are known)
changed; the others give what they gave last time to the entity
descriptions. The new, changed and removed documents' named graphs are
rewritten and the default graph updated quad by quad (``_update``), with its
digest, the parts of the dumps (``kg.rdf.dumps``) of the subjects and graphs
that changed and the rows of the other exports (``kg.rdf.rows``) the changed quads reach: the result is the store a rewrite of everything (``_rewrite``, when
nothing was kept, the overrides or kg changed, or the store needs repair)
gives. A document whose sha256 is already stored is skipped before
extraction: re-adding it changes nothing. What resolution/ keeps is trusted
as digests.json is: whoever can rewrite the directory can rewrite both.

The stored documents are the source of truth; the quads are checked, not
trusted. Opening a store compares the database with the fingerprint kg took
when it last closed it (milliseconds) and, when they differ, every graph with
its recorded digest; quads changed outside kg (a SPARQL update through an
endpoint, another program) are rewritten from the documents. ``kg check``
compares every digest whatever the fingerprint says.

Memory does not grow with the corpus: documents stream through the two
passes of ``kg.resolve.Resolver`` from their files (the new ones are spilled to
incoming/ as they are extracted), and quads go into the store in batches of
``BATCH`` with pyoxigraph's bulk loader. Only names, people's context and
entity descriptions stay in memory between the passes.

The bulk loader is not transactional; ``REBUILDING`` is what makes that safe:
it is written before the quads are cleared and removed after the new
documents and the digests are stored, so an interrupted run leaves the marker,
and the next run rewrites the quads from the stored documents even if it adds
nothing. A store found changed gets the marker too.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import pyoxigraph

from kg import atomic
from kg.document_json import RecordError, document_from_json, document_to_json
from kg.errors import KgError
from kg.knowledge import KnowledgeBase
from kg.model import Document
from kg.progress import with_progress
from kg.rdf.database import database_errors, is_store, not_writable, open_oxigraph
from kg.rdf.dataset import description_quads, document_iri, statement_quads
from kg.rdf.digests import Fingerprint, StoreRecord, code_digest, differing_graphs, digest, files_state, \
    graph_digests, graph_key, read_record, triple_hash, write_record
from kg.rdf.dumps import PARTS_FILE, DumpParts, parts_current, store_stamp
from kg.rdf.rows import ROWS_FILE, RowParts, rows_current
from kg.rdf.sparql import run_query
from kg.rdf.vocab import CLASS

_CLASSES = " ".join(f"<{c}>" for c in CLASS.values())

#: In DIR/resolution/, beside one SHA.json per document: the description quads, and what the rest is of.
DESCRIPTIONS = "descriptions.nq"
RESOLUTION_STATE = "state.json"
#: In DIR/resolution/: each stored document's sha256 -> its name and path (what ``stored_names`` reads).
NAMES = "names.json"
#: Quads handed to the bulk loader at a time: the build's memory is this batch, not the corpus.
BATCH = 20_000
#: The TriG blocks of the named graphs of a temporary store, in the order of their IRIs (see ``KgStore``).
GRAPHS_FILE = "graphs.trig"
#: Stored documents of kg before the JSON records: pickles, which run code when loaded.
PICKLED = "*.pickle"


def file_sha256(path: Path) -> str:
    """The hash ``kg.reader`` gives a document (of its raw bytes)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class BuildReport:
    added: int  # documents extracted and added
    mentions: int  # entity mentions in them
    removed: int  # stored documents taken out (kg remove; older versions of changed files)
    documents: int  # documents in the store
    entities_before: int | None  # distinct (document, name, type) of all stored documents; None: not re-resolved
    entities: int  # entities in the graph (kg.rdf.counts holds the counts that commands print)


@dataclass(frozen=True)
class NewDocument:
    """A new document as the store takes it: its record (``kg.document_json``) and what pass 1 of
    resolution needs of it (``Resolver.summary`` with the build's overrides), made where it was
    extracted (``kg.parallel``), so that the process writing the store does neither."""
    sha256: str
    record: bytes
    summary: dict
    mentions: int

    @classmethod
    def of(cls, doc: Document, summarize: Callable[[Document], dict]) -> NewDocument:
        """``doc`` as the store takes it, summarized by ``summarize`` (a Resolver's ``summary``)."""
        return cls(doc.sha256, document_to_json(doc), summarize(doc), len(doc.mentions))


@dataclass(frozen=True)
class Resolution:
    """How a store resolves its documents, given by the driver that opens it (``kg.parallel.open_store``),
    so that kg.rdf imports neither the resolution stage nor a driver.

    ``resolver(overrides)``: a new ``kg.resolve.Resolver`` with those kg.overrides corrections;
    ``document_graphs(resolver, paths, workers, apart)``: the quads (a set, or N-Quads), the TriG blocks of the
    named graphs if ``apart`` (the quads then of the default graph only) and the ``DocumentPart`` of each
    stored document of ``paths``, in order, in up to ``workers`` processes (``kg.parallel.document_graphs``)."""
    resolver: Callable[[Iterable], Any]
    document_graphs: Callable[[Any, list[Path], int | None, bool], Iterator[tuple[set | bytes, bytes | None, Any]]]


class KgStore:
    """A store directory: stored documents plus their graph.

    ``checked``: keep digests of the graphs (``check`` and ``close``); a build's
    temporary store, read once and deleted, goes without, and its database holds the default graph
    only: its named graphs, which only the TriG dump reads, are written as TriG blocks to ``graphs_path``
    as they are made (``kg.rdf.dumps.write_dumps`` reads them there), half the quads it need not load
    and read back. (Not pyoxigraph's in-memory store: it loads and reads faster, but at about 300 bytes
    a quad a 10 MB build would hold close to a GiB.)
    ``resolution``: how ``add`` re-resolves the documents (a store that is only read needs none)."""

    def __init__(self, path: str | Path, checked: bool = True, resolution: Resolution | None = None) -> None:
        self.path = Path(path)
        self.resolution = resolution
        if self.path.exists() and not self.path.is_dir():
            raise KgError(f"--store is not a directory: {self.path}")
        if self.path.is_dir() and any(self.path.iterdir()) and not is_store(self.path):
            raise KgError(f"--store {self.path} exists and is not a kg store (no oxigraph/ inside)")
        self.documents_dir = self.path / "documents"
        self.incoming_dir = self.path / "incoming"
        self.rebuilding = self.path / "REBUILDING"
        self.database_dir = self.path / "oxigraph"
        self.record_path = self.path / "digests.json"
        self.resolution_dir = self.path / "resolution"
        self.parts_path = self.path / PARTS_FILE
        self.rows_path = self.path / ROWS_FILE
        self.graphs_path = self.path / GRAPHS_FILE
        for directory in (self.path, self.database_dir, self.documents_dir):
            if directory.is_dir() and not os.access(directory, os.W_OK):
                raise not_writable(self.path, f"no write access to {directory}")
        try:
            self.documents_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise KgError(f"cannot create store {self.path}: {e.strerror}") from None
        self.checked = checked
        # taken before opening: a read-write open changes the database's files
        self._files_at_open = files_state(self.database_dir) if self.database_dir.is_dir() else ""
        self.oxigraph = open_oxigraph(self.path)
        #: What kg last recorded, once ``check`` found the graphs match it (or ``add`` wrote them).
        self.record: StoreRecord | None = None

    def stored_hashes(self) -> set[str]:
        return {p.name.removesuffix(".json") for p in self.documents_dir.glob("*.json")}

    def stored_names(self) -> dict[str, tuple[str, str]]:
        """Each stored document's sha256 -> its name and path, from the index resolution kept of them
        (one file), or else from what it kept of each document, or else from the document."""
        stored = sorted(self.stored_hashes())
        try:
            names = json.loads((self.resolution_dir / NAMES).read_bytes())
            if sorted(names) == stored:
                return {sha: (str(names[sha][0]), str(names[sha][1])) for sha in stored}
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            pass
        out = {}
        for sha in stored:
            try:
                record = json.loads((self.resolution_dir / f"{sha}.json").read_bytes())["summary"]["record"]
                out[sha] = (record[1], record[2])
            except (OSError, ValueError, KeyError, TypeError, IndexError):
                doc = read_stored_document(self.documents_dir / f"{sha}.json")
                out[sha] = (doc.name, doc.path)
        return out

    def dump_stamp(self) -> str | None:
        """What the parts of the dumps (``kg.rdf.dumps``) must be of: the store's graphs as
        recorded; None for a store that keeps no record (its parts are made again)."""
        return store_stamp(self.record.graphs) if self.checked and self.record is not None else None

    def check(self, every_digest: bool = False) -> str | None:
        """None if the quads are the ones kg wrote from the stored documents, else why
        not (then the next ``add`` rewrites them). Compares the digests when the
        fingerprint differs, or always with ``every_digest``. A store of pickled
        documents (kg before JSON records) is refused: ``kg migrate`` converts it."""
        if any(self.documents_dir.glob(PICKLED)):
            raise KgError(f"store {self.path} holds documents in the pickle format of earlier kg versions, which can "
                          f"run code when read: if you made it or trust who did, convert it once with "
                          f"`kg migrate {self.path} --trust`")
        recorded = read_record(self.record_path)
        documents = sorted(self.stored_hashes())
        with database_errors(self.path):
            quads = len(self.oxigraph)
            if self.rebuilding.exists():
                problem = "was left to be rewritten by a run that stopped before it finished"
            elif recorded is None and (documents or quads):
                problem = "was changed outside kg: its digests.json is missing or unreadable"
            elif recorded is None:  # a new store
                problem, recorded = None, StoreRecord([], {}, None)
            elif recorded.documents != documents:
                problem = "was changed outside kg: its documents are not the ones its graphs were made from"
            elif not every_digest and recorded.fingerprint == Fingerprint(quads, self._files_at_open):
                problem = None
            else:
                differing = differing_graphs(recorded.graphs, graph_digests(self.oxigraph))
                problem = (f"was changed outside kg: {len(differing)} of {len(recorded.graphs)} graphs differ from "
                           f"the digests kg recorded" if differing else None)
        if problem is None:
            self.record = recorded
        else:
            self.rebuilding.touch()
        return problem

    def add(self, docs: Iterable[Document | NewDocument], quiet: bool = True, overrides: list | None = None,
            force: bool = False, removed: Iterable[str] = (), workers: int | None = 1) -> BuildReport:
        """Add the new ones of ``docs`` (an iterator is consumed as it is extracted) and take the
        stored documents ``removed`` (sha256) out, re-resolve and rewrite the quads that change
        (``quiet``: no progress bars; ``overrides``: kg.overrides corrections; ``force``: re-resolve
        and rewrite everything even if nothing is added; ``workers``: processes that write the graphs
        of a rewrite, ``Resolution.document_graphs``)."""
        with database_errors(self.path):
            return self._add(docs, quiet, overrides, force, set(removed), workers)

    def _add(self, docs: Iterable[Document | NewDocument], quiet: bool, overrides: list | None, force: bool,
             removed: set[str], workers: int | None) -> BuildReport:
        if self.resolution is None:
            raise TypeError("KgStore.add needs the store opened with a resolution (kg.parallel.open_store)")
        resolver = self.resolution.resolver(overrides or ())
        known = self.stored_hashes()
        removed &= known
        known -= removed
        shutil.rmtree(self.incoming_dir, ignore_errors=True)
        self.incoming_dir.mkdir()
        added = mentions = 0
        summaries: dict[str, dict] = {}  # of the new documents (and, in a rewrite of a kept store, of all)
        for doc in docs:
            if doc.sha256 in known:
                continue
            known.add(doc.sha256)
            if isinstance(doc, Document):
                doc = NewDocument.of(doc, resolver.summary)
            resolver.observe_summary(doc.summary)
            if self.checked:
                summaries[doc.sha256] = doc.summary
            # Not written atomically (that checks the file system on every call): incoming/ is removed
            # at the start of every add, so a record cut short by a killed run is never read.
            (self.incoming_dir / f"{doc.sha256}.json").write_bytes(doc.record)
            added, mentions = added + 1, mentions + doc.mentions
        if not added and not removed and not force and not self.rebuilding.exists():
            shutil.rmtree(self.incoming_dir)
            return self._report(0, 0, None)
        kept = None if overrides or force or self.rebuilding.exists() else self._kept_resolution()
        self.rebuilding.touch()
        for sha in removed:  # the marker is there: an interrupted run rewrites the store without them
            (self.documents_dir / f"{sha}.json").unlink()
            if kept:
                del kept[0][sha]
                (self.resolution_dir / f"{sha}.json").unlink()
        if kept is None:
            self._rewrite(resolver, summaries, quiet, workers)
        else:
            self._update(resolver, summaries, *kept, removed, quiet)
        for path in self.incoming_dir.glob("*.json"):
            path.replace(self.documents_dir / path.name)
        self.incoming_dir.rmdir()
        if self.checked:
            write_record(self.record_path, self.record)
        self.rebuilding.unlink()
        return self._report(added, mentions, resolver.mentions_before_resolution, len(removed))

    def _rewrite(self, resolver, summaries: dict[str, dict], quiet: bool, workers: int | None) -> None:
        """Resolve every stored document again and rewrite all the quads."""
        stored = sorted(self.documents_dir.glob("*.json"))
        for doc in map(read_stored_document, with_progress(stored, len(stored), "reading the store", quiet)):
            summary = resolver.summary(doc)
            resolver.observe_summary(summary)
            if self.checked:
                summaries[doc.sha256] = summary
        resolver.finish()
        self.oxigraph.clear()
        # By file name, which is the sha256: the pass-2 order of Resolver.document_order.
        ordered = sorted(stored + list(self.incoming_dir.glob("*.json")), key=lambda p: p.name)
        batch: set[pyoxigraph.Quad] = set()
        serialized: list[bytes] = []  # quads as N-Quads (from workers, or a temporary store's default graph)
        lines = 0  # quads in serialized
        if self.checked:
            shutil.rmtree(self.resolution_dir, ignore_errors=True)
            self.resolution_dir.mkdir()
        # The pass-2 order is that of the named graphs' IRIs (kg.rdf.dataset.document_iri), which graphs_path needs.
        graphs = self.resolution.document_graphs(resolver, ordered, workers, not self.checked)
        blocks_file = open(self.graphs_path, "wb") if not self.checked else contextlib.nullcontext()
        with blocks_file:
            for path, (quads, blocks, part) in zip(ordered, with_progress(graphs, len(ordered), "writing the graph",
                                                                          quiet)):
                sha = path.name.removesuffix(".json")
                resolver.contribute(part.contribution)
                resolver.parts[sha] = part
                self._keep_resolved(resolver, sha, summaries.get(sha))
                if blocks is not None:
                    blocks_file.write(blocks)
                if isinstance(quads, bytes):
                    serialized.append(quads)
                    lines += quads.count(b"\n")
                    if lines >= BATCH:
                        self.oxigraph.bulk_load(b"".join(serialized), format=pyoxigraph.RdfFormat.N_QUADS)
                        serialized, lines = [], 0
                    continue
                batch |= quads
                if len(batch) >= BATCH:
                    self.oxigraph.bulk_extend(batch)
                    batch = set()
        self._write(batch)
        if serialized:
            self.oxigraph.bulk_load(b"".join(serialized), format=pyoxigraph.RdfFormat.N_QUADS)
        descriptions = description_quads(KnowledgeBase(entities=resolver.entities(), documents=resolver.documents))
        self._write(descriptions)
        self.oxigraph.flush()
        if self.checked:
            documents = sorted(summaries)
            self._keep_descriptions(descriptions, documents, resolver.documents)
            self.record = StoreRecord(documents, graph_digests(self.oxigraph), None)

    def _update(self, resolver, summaries: dict[str, dict], kept: dict[str, dict], kept_descriptions: set,
                removed: set[str], quiet: bool) -> None:
        """Resolve again from the kept summaries; rewrite only the graphs of the new documents and
        of those the resolution now reads otherwise, and the entity descriptions that changed.
        What comes out is what ``_rewrite`` gives."""
        for sha in sorted(kept):
            resolver.observe_summary(kept[sha]["summary"])
        resolver.finish()
        update_parts = parts_current(self.parts_path, self.dump_stamp())  # else made whole when written
        update_rows = rows_current(self.rows_path, self.dump_stamp())
        changed: list[pyoxigraph.Quad] = []  # default-graph quads added and removed
        sums = {"": int(self.record.graphs.get("", "0"), 16)}
        rewritten: list[pyoxigraph.NamedNode] = []  # the named graphs rewritten
        maybe_stale: set[pyoxigraph.Quad] = set()  # default quads that may no longer be stated
        for sha in removed:
            maybe_stale |= self._drop_graph(sha)
            rewritten.append(document_iri(sha))
        batch: set[pyoxigraph.Quad] = set()
        for sha in with_progress(sorted(kept.keys() | summaries.keys()), len(kept) + len(summaries),
                                 "resolving", quiet):
            if sha in kept:
                state = kept[sha]
                if resolver.signature(state["summary"], state["asked"]) == state["signature"]:
                    resolver.contribute(state["contribution"])
                    continue
                summaries[sha] = state["summary"]
                maybe_stale |= self._drop_graph(sha)
                doc = read_stored_document(self.documents_dir / f"{sha}.json")
            else:
                doc = read_stored_document(self.incoming_dir / f"{sha}.json")
            rewritten.append(document_iri(sha))
            batch |= statement_quads(resolver.part(doc))
            self._keep_resolved(resolver, sha, summaries[sha])
            if len(batch) >= BATCH:
                self._insert(batch, sums, changed)
                batch = set()
        descriptions = description_quads(KnowledgeBase(entities=resolver.entities(), documents=resolver.documents))
        self._insert(batch | (descriptions - kept_descriptions), sums, changed)
        for quad in sorted(maybe_stale | (kept_descriptions - descriptions), key=str):
            if quad not in descriptions and quad in self.oxigraph and not any(
                    not isinstance(q.graph_name, pyoxigraph.DefaultGraph)
                    for q in self.oxigraph.quads_for_pattern(quad.subject, quad.predicate, quad.object)):
                sums[""] -= self._stored_hash(quad)
                self.oxigraph.remove(quad)
                changed.append(quad)
        self.oxigraph.flush()
        documents = sorted(kept.keys() | summaries.keys())
        self._keep_descriptions(descriptions, documents, resolver.documents)
        graphs = dict(self.record.graphs)
        graphs[""] = digest(sums[""])
        for graph in rewritten:
            quads = list(self.oxigraph.quads_for_pattern(None, None, None, graph))
            graphs[graph.value] = digest(sum(map(triple_hash, quads)))
            if not quads:
                graphs.pop(graph.value)
        self.record = StoreRecord(documents, dict(sorted(graphs.items())), None)
        if update_parts:
            with contextlib.closing(DumpParts(self.parts_path)) as parts:
                parts.update(self.oxigraph, sorted({q.subject for q in changed}, key=str), rewritten,
                             self.dump_stamp())
        if update_rows:
            with contextlib.closing(RowParts(self.rows_path)) as rows:
                rows.update(self.oxigraph, changed, self.dump_stamp())

    def _drop_graph(self, sha: str) -> set[pyoxigraph.Quad]:
        """Remove the named graph of document ``sha``; its statements in the default graph stay,
        and are returned (the caller removes those no other document states)."""
        old = list(self.oxigraph.quads_for_pattern(None, None, None, document_iri(sha)))
        for quad in old:
            self.oxigraph.remove(quad)
        return {pyoxigraph.Quad(q.subject, q.predicate, q.object) for q in old}

    def _insert(self, quads: set[pyoxigraph.Quad], sums: dict[str, int], changed: list) -> None:
        """Add ``quads`` (of whole named graphs, and default-graph quads), keeping the default graph's
        digest sum and adding its new quads to ``changed``."""
        new_default = [q for q in quads if not graph_key(q) and q not in self.oxigraph]
        self._write({q for q in quads if graph_key(q)} | set(new_default))
        sums[""] += sum(map(self._stored_hash, new_default))
        changed.extend(new_default)

    def _stored_hash(self, quad: pyoxigraph.Quad) -> int:
        """``triple_hash`` of ``quad`` as the store holds it: it writes typed literals in their canonical form."""
        stored = next(self.oxigraph.quads_for_pattern(quad.subject, quad.predicate, quad.object, quad.graph_name))
        return triple_hash(stored)

    def _kept_resolution(self) -> tuple[dict[str, dict], set[pyoxigraph.Quad]] | None:
        """What the last build kept of the resolution of every stored document (by sha256) and the
        description quads, if they can be used: made by this kg, without overrides, for these documents."""
        if not self.checked or self.record is None:
            return None
        try:
            if json.loads((self.resolution_dir / RESOLUTION_STATE).read_bytes()) != \
                    {"kg": code_digest(), "documents": self.record.documents}:
                return None
            states = {sha: json.loads((self.resolution_dir / f"{sha}.json").read_bytes())
                      for sha in self.record.documents}
            descriptions = set(pyoxigraph.parse(path=self.resolution_dir / DESCRIPTIONS,
                                                format=pyoxigraph.RdfFormat.N_QUADS))
        except (OSError, ValueError, SyntaxError):
            return None
        return states, descriptions

    def _keep_resolved(self, resolver, sha: str, summary: dict | None) -> None:
        """Keep, for the next ``_update``, the document's summary and what its part took and gave
        (``summary`` None: a build's temporary store keeps nothing)."""
        part = resolver.parts.pop(sha)
        if summary is not None:
            state = {"summary": summary, "asked": part.asked, "contribution": part.contribution,
                     "signature": resolver.signature(summary, part.asked)}
            (self.resolution_dir / f"{sha}.json").write_text(json.dumps(state, ensure_ascii=False),
                                                             encoding="utf-8")

    def _keep_descriptions(self, descriptions: set[pyoxigraph.Quad], documents: list[str], records: list) -> None:
        """Keep the description quads, and say which documents and which kg the kept resolution is of;
        keep the documents' names and paths (``records``: their ``kg.model.DocumentRecord``)."""
        atomic.write_text(self.resolution_dir / NAMES,
                          json.dumps({r.sha256: [r.name, r.path] for r in records}, ensure_ascii=False))
        pyoxigraph.serialize(descriptions, output=self.resolution_dir / DESCRIPTIONS,
                             format=pyoxigraph.RdfFormat.N_QUADS)
        atomic.write_text(self.resolution_dir / RESOLUTION_STATE,
                          json.dumps({"kg": code_digest(), "documents": documents}))

    def snapshot(self, directory: Path) -> str:
        """A copy of the database as it is now in ``directory`` (new; hard links to its files where
        it is on the same file system), for another process to read (``Store.read_only``) whatever
        this one writes later. The database is compacted first: a read-only reader never compacts, and
        the table files the bulk loads leave (many, each over the whole key range) are all merged on every
        read: the default graph of a 10 MB build read back in 19 s of CPU from them, in 7 s once compacted
        (which took about 1 s). A reader of the live database gets that from RocksDB's own compactions."""
        self.oxigraph.flush()
        self.oxigraph.optimize()
        self.oxigraph.backup(str(directory))
        return str(directory)

    def close(self) -> None:
        """Close the database and, if its graphs are the recorded ones, record its
        fingerprint (taken after closing: closing changes the database's files)."""
        with database_errors(self.path):
            quads = len(self.oxigraph)
        del self.oxigraph
        if self.checked and self.record is not None and not self.rebuilding.exists():
            self.record.fingerprint = Fingerprint(quads, files_state(self.database_dir))
            write_record(self.record_path, self.record)

    def _write(self, quads: set[pyoxigraph.Quad]) -> None:
        """Into the store, ``BATCH`` at a time: the loader's memory grows with what it is given."""
        it = iter(quads)
        while chunk := list(islice(it, BATCH)):
            self.oxigraph.bulk_extend(chunk)

    def _report(self, added: int, mentions: int, entities_before: int | None, removed: int = 0) -> BuildReport:
        def count(query: str) -> int:
            return int(next(iter(run_query(self.oxigraph, query)))["n"].value)

        return BuildReport(added, mentions, removed, len(self.stored_hashes()), entities_before,
                           count(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ VALUES ?c {{ {_CLASSES} }} ?e a ?c }}"))


def read_stored_document(path: Path) -> Document:
    """A stored document, read and validated; one line of error if it is not a valid record."""
    try:
        doc = document_from_json(path.read_bytes())
    except RecordError as e:
        raise KgError(f"stored document {path} is not a valid kg document ({e}): move it away and add its source "
                      f"document again") from None
    if doc.sha256 != path.name.removesuffix(".json"):
        raise KgError(f"stored document {path} holds document {doc.sha256[:12]}..., not the one its name says: "
                      f"move it away and add its source document again")
    return doc
