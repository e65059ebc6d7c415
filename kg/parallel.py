"""Running the extraction pipeline over many documents in several processes.

Two engines, both yielding the extracted documents in input order, so that
what comes out (and the graph built from it) is the same as a one-process run:

- ``extract_in_processes``: a local pool of N worker processes. Each worker
  builds the pipeline once (lexicons, models) and then extracts chunks of
  paths; at most a few chunks per worker are in flight, so memory depends on
  the chunk size, not on the number of documents. For a store (``kg build``),
  a worker also makes what the store keeps of each document and what
  resolution needs of it (``Extraction.for_store``): the driver only writes it.
- ``extract_on_dask``: the same work mapped over a Dask distributed cluster
  (or a LocalCluster when no scheduler address is given). Documents are read
  here and shipped to the workers, so the workers need ``kg`` installed but no
  access to the input files.

After extraction and resolution, ``document_graphs`` turns the stored documents
into their quads (pass 2 of ``kg.resolve.Resolver``) in a pool of processes too,
each holding a copy of the finished resolver. ``open_store`` gives a store
(kg.rdf.store) the resolver and this pool for its re-resolution.

Workers are started with the ``spawn`` method: forking a process that has
loaded torch (the HanLP recognizer) can deadlock.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import multiprocessing
import os
import signal
import threading
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

import pyoxigraph

from kg.errors import KgError
from kg.model import Document
from kg.overrides import Override
from kg.rdf.dataset import statement_graphs, statement_quads
from kg.rdf.dumps import named_graphs
from kg.rdf.store import KgStore, NewDocument, Resolution, read_stored_document
from kg.reader import load_document
from kg.resolve import DocumentPart, Resolver

if TYPE_CHECKING:  # imported where a pipeline is built: the other processes of a build do without it (see _built_pipeline)
    from kg.pipeline import Pipeline

#: Documents sent to a worker per task: large enough to keep inter-process
#: traffic small, small enough to balance uneven document sizes.
CHUNK_SIZE = 4
#: Tasks in flight per worker: keeps workers busy while bounding buffered results.
TASKS_PER_WORKER = 3


@dataclass(frozen=True)
class Extraction:
    """What the pipeline needs to know, the same in every worker. ``for_store``: the overrides
    (kg.overrides) of the store the documents go to; each then comes out as the store's
    ``NewDocument`` (its record and resolution summary made by the worker), else as a Document."""

    ner: str | None = None
    hanlp_model: str | None = None
    date: dt.date | None = None
    for_store: tuple[Override, ...] | None = None


def add_extraction_options(p: argparse.ArgumentParser) -> None:
    """The options of every command that runs the extraction (``kg build``, ``kg extract``)."""
    from kg.ner.recognizers import RECOGNIZERS

    p.add_argument("inputs", nargs="*", metavar="INPUT", default=None,
                   help="files or directories (.txt, .md, .html); default: the bundled seeds/")
    p.add_argument("--date", help="publication date (YYYY-MM-DD) for documents that do not state one")
    p.add_argument("--ner", choices=tuple(RECOGNIZERS), default=None,
                   help="entity recognizer: rules (default: grammars plus a small project CRF), grammar (the "
                        "grammars alone, faster), hanlp or ensemble (need kg[hanlp]); see README")
    p.add_argument("--hanlp-model", metavar="ID_OR_PATH",
                   help="HanLP NER model: a pretrained identifier or a local directory")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes, for extraction and for writing the graph "
                        "(default: all cores; one for a few documents)")
    p.add_argument("--propagate-names", dest="propagation", action="store_true",
                   help="corpus-level name propagation: a company name another document gives with a legal suffix "
                        "(某某科技有限公司) is recognized alone (某某科技) in the others; a store built with it keeps "
                        "it (see README)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def default_workers() -> int:
    """All the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_workers(workers: int | None) -> int:
    if workers is None:
        return default_workers()
    if workers < 1:
        raise KgError(f"--workers must be at least 1, got {workers}")
    return workers


# --- worker side: one pipeline per process, built on first use -------------

_pipelines: dict[tuple[str | None, str | None], Pipeline] = {}


def _pipeline(settings: Extraction) -> Pipeline:
    key = (settings.ner, settings.hanlp_model)
    if key not in _pipelines:
        _pipelines[key] = _built_pipeline(settings)
    return _pipelines[key]


def _built_pipeline(settings: Extraction) -> Pipeline:
    """A new pipeline, its objects (lexicons, dictionaries, models: millions of them) then left out of the
    garbage collector's full passes, which would otherwise walk them again and again while documents are
    extracted: they live as long as the process (``gc.freeze``). The pipeline's modules are imported here,
    not with this module: the processes of a build that extract nothing (pass 2's workers, the one writing
    the dumps) import this module for their functions, and would spend a third of a second on them."""
    from kg.pipeline import default_pipeline

    nlp = default_pipeline(settings.ner, settings.hanlp_model)
    gc.freeze()
    return nlp


def _ignore_interrupts() -> None:
    """Ctrl-C is the driver's to handle (it stops the pool): no traceback from every worker.
    SIGTERM ends a worker at once and quietly, also when the driver, cleaning up after its own
    SIGTERM, ignores further ones (a worker started then would inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextlib.contextmanager
def _children_ignore_interrupts() -> Iterator[None]:
    """Processes started in the body begin with SIGINT ignored, as exec keeps an ignored signal:
    a Ctrl-C that reaches a worker while it still imports kg (before ``_ignore_interrupts`` runs)
    would print a traceback.  The driver ignores SIGINT only while it starts them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _pool(workers: int, initializer: Callable[..., None] = _ignore_interrupts, initargs: tuple = ()):
    """A pool of ``workers`` spawned processes (Pool starts them all at once)."""
    with _children_ignore_interrupts():
        return multiprocessing.get_context("spawn").Pool(workers, initializer=initializer, initargs=initargs)


_summarizers: dict[tuple[Override, ...], Resolver] = {}


def _extracted(settings: Extraction, doc: Document) -> Document | NewDocument:
    """``doc`` as the caller takes it (``Extraction.for_store``)."""
    if settings.for_store is None:
        return doc
    if settings.for_store not in _summarizers:
        _summarizers[settings.for_store] = Resolver(settings.for_store)
    return NewDocument.of(doc, _summarizers[settings.for_store].summary)


def _extract_paths(settings: Extraction, paths: list[Path]) -> list[Document | NewDocument]:
    nlp = _pipeline(settings)
    return [_extracted(settings, nlp(load_document(p, date=settings.date))) for p in paths]


def _extract_docs(settings: Extraction, docs: list[Document]) -> list[Document | NewDocument]:
    nlp = _pipeline(settings)
    return [_extracted(settings, nlp(d)) for d in docs]


def _rerun_docs(settings: Extraction, docs: list[Document]) -> list[Document]:
    from kg.pipeline import ENTITIES

    nlp = _pipeline(settings)
    return [nlp.run_from(ENTITIES, d) for d in docs]


# --- driver side ------------------------------------------------------------

def extract(paths: list[Path], settings: Extraction, workers: int | None = 1, engine: str = "local",
            scheduler: str | None = None) -> Iterator[Document]:
    """Extract ``paths`` in order: in this process (1 worker), in a process pool, or on Dask."""
    if engine == "dask":
        return extract_on_dask(paths, settings, scheduler, workers)
    if scheduler:
        raise KgError("--scheduler needs --engine dask")
    if workers is None:  # all cores, but starting a worker costs seconds: not for a few documents
        workers = max(1, min(default_workers(), len(paths) // (2 * CHUNK_SIZE)))
    workers = min(check_workers(workers), len(paths))
    if workers <= 1:
        return _extract_here(paths, settings)
    return extract_in_processes(paths, settings, workers)


def rerun_entities(docs: Iterable[Document], settings: Extraction, workers: int | None = 1,
                   count: int = 0) -> Iterator[Document]:
    """Run ``docs`` (``count`` of them) again from the entity stage (corpus-level name propagation,
    kg.propagation), in order: here, or in ``workers`` processes (None: all cores) when there are enough."""
    if workers is None:
        workers = default_workers()
    workers = min(check_workers(workers), count // (2 * CHUNK_SIZE))
    if workers <= 1:
        from kg.pipeline import ENTITIES

        nlp = _pipeline(settings)
        yield from (nlp.run_from(ENTITIES, d) for d in docs)
        return
    with _pool(workers) as pool:
        def submit(chunk: list[Document]):
            return pool.apply_async(_rerun_docs, (settings, chunk)).get

        yield from _in_order(submit, _chunks(docs, CHUNK_SIZE), workers * TASKS_PER_WORKER)


def _extract_here(paths: list[Path], settings: Extraction) -> Iterator[Document | NewDocument]:
    nlp = _built_pipeline(settings)
    for path in paths:
        yield _extracted(settings, nlp(load_document(path, date=settings.date)))


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _in_order(submit, chunks: Iterator[list], window: int) -> Iterator[Document]:
    """Submit chunks keeping ``window`` in flight; yield their documents in order."""
    pending: deque = deque(submit(c) for c in islice(chunks, window))
    while pending:
        head = pending.popleft()
        for chunk in islice(chunks, 1):  # refill first, so the window stays full while we wait
            pending.append(submit(chunk))
        yield from head()


def extract_in_processes(paths: list[Path], settings: Extraction, workers: int,
                         chunk_size: int = CHUNK_SIZE) -> Iterator[Document]:
    """Extract ``paths`` in ``workers`` processes; documents come out in input order."""
    with _pool(workers) as pool:
        def submit(chunk: list[Path]):
            return pool.apply_async(_extract_paths, (settings, chunk)).get

        yield from _in_order(submit, _chunks(paths, chunk_size), workers * TASKS_PER_WORKER)


def extract_on_dask(paths: list[Path], settings: Extraction, scheduler: str | None = None,
                    workers: int | None = None, chunk_size: int = CHUNK_SIZE) -> Iterator[Document]:
    """Extract ``paths`` on the Dask cluster at ``scheduler`` (None: a LocalCluster
    of ``workers`` single-threaded processes); documents come out in input order."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise KgError("--engine dask needs dask[distributed]: pip install 'dask[distributed]'") from None

    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as e:
            raise KgError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
        cluster = None
    else:
        cluster = LocalCluster(n_workers=check_workers(workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info()["workers"]))
        docs = (load_document(p, date=settings.date) for p in paths)

        def submit(chunk: list[Document]):
            return client.submit(_extract_docs, settings, chunk, pure=False).result

        yield from _in_order(submit, _chunks(docs, chunk_size), n_workers * TASKS_PER_WORKER)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --- after resolution: each document's quads ---------------------------------

#: The finished resolver of a worker of ``document_graphs``.
_resolver: Resolver | None = None
#: Documents in a pool of ``document_graphs`` below which one process is faster (starting workers costs seconds).
MIN_DOCUMENTS_PER_WORKER = 25


def _start_graphs_worker(resolver: Resolver) -> None:
    global _resolver
    _ignore_interrupts()
    _resolver = resolver
    gc.freeze()  # the resolver lives as long as the worker: see document_graphs


def _graphs_of(resolver: Resolver, paths: list[Path], apart: bool
               ) -> list[tuple[set | bytes, bytes | None, DocumentPart]]:
    """Pass 2 of each stored document of ``paths``: its quads, and what it gave the descriptions. ``apart``:
    the quads of the default graph only, as N-Quads, and the TriG blocks of the named graphs (else None)."""
    out = []
    for doc in map(read_stored_document, paths):
        part = resolver.part(doc)
        if apart:
            unstated, named = statement_graphs(part)
            blocks, merged = named_graphs(named)
            quads = pyoxigraph.serialize(unstated, format=pyoxigraph.RdfFormat.N_QUADS) + merged
        else:
            quads, blocks = statement_quads(part), None
        out.append((quads, blocks, resolver.parts.pop(doc.sha256)))
    return out


def _serialized_graphs_of(paths: list[Path], apart: bool) -> list[tuple[bytes, bytes | None, DocumentPart]]:
    """``_graphs_of`` in a worker, the quads as N-Quads (the driver's store loads them without Python objects)."""
    return [(quads if isinstance(quads, bytes) else pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS),
             blocks, part) for quads, blocks, part in _graphs_of(_resolver, paths, apart)]


def document_graphs(resolver: Resolver, paths: list[Path], workers: int | None = 1, apart: bool = False,
                    chunk_size: int = CHUNK_SIZE) -> Iterator[tuple[set | bytes, bytes | None, DocumentPart]]:
    """The quads of each stored document of ``paths`` (a set, or N-Quads from a worker), the TriG blocks
    of its named graphs if ``apart`` (its quads then those of the default graph only; see ``_graphs_of``)
    and its ``DocumentPart``, in order; in this process, or in ``workers`` processes (None: all cores)
    when there are enough documents. The parts are not added to ``resolver`` (``contribute`` them)."""
    workers = min(check_workers(workers), len(paths) // MIN_DOCUMENTS_PER_WORKER)
    # The finished resolver (names, people, summaries: a few objects per mention of the corpus) lives to
    # the end of the build: out of the collector's full passes, which would walk it again and again while
    # each document's quads are made (7.6 s of a 10 MB build's pass 2), or their parts come back from the
    # workers (which freeze their copy of it too), as _built_pipeline does.
    gc.freeze()
    if workers <= 1:
        for path in paths:
            yield from _graphs_of(resolver, [path], apart)
        return
    with _pool(workers, _start_graphs_worker, (resolver,)) as pool:
        def submit(chunk: list[Path]):
            return pool.apply_async(_serialized_graphs_of, (chunk, apart)).get

        yield from _in_order(submit, _chunks(paths, chunk_size), workers * TASKS_PER_WORKER)


def open_store(path: str | Path, checked: bool = True) -> KgStore:
    """The store at ``path`` (see ``KgStore``), re-resolving with ``kg.resolve.Resolver`` and writing
    the graphs of a rewrite with ``document_graphs``."""
    return KgStore(path, checked, Resolution(Resolver, document_graphs))


# --- beside the driver: work that needs no answer until the end ----------------

@contextlib.contextmanager
def in_background(calls: list[tuple], workers: int) -> Iterator[None]:
    """Run ``calls`` (function, arguments) in up to ``workers`` processes while the body runs;
    at its end, wait for them and raise the first error of one. None of them if ``workers`` is 1."""
    if workers <= 1 or not calls:
        yield
        for function, arguments in calls:
            function(*arguments)
        return
    with ProcessPoolExecutor(min(workers, len(calls)), mp_context=multiprocessing.get_context("spawn"),
                             initializer=_ignore_interrupts) as pool:
        with _children_ignore_interrupts():  # the executor starts a process at each submit
            futures = [pool.submit(function, *arguments) for function, arguments in calls]
        yield
        for future in futures:
            future.result()
