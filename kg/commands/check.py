"""``kg check STORE``: compare every graph of a store with the digest kg recorded when
it wrote it, and rewrite the graphs from the stored documents if any differs.

A database that cannot be opened or read (damaged files) is set aside, kept as
``STORE/oxigraph.damaged``, and rebuilt from the stored documents: they, not the
quads, are the store's source of truth (``kg.rdf.store``).
"""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from kg.errors import KgError
from kg.parallel import open_store
from kg.rdf.database import DamagedStoreError, is_store


DESCRIPTION = ("Compare every graph of a store with the digest kg recorded when it wrote it. "
               "Graphs changed outside kg, or a damaged database (kept as "
               "STORE/oxigraph.damaged), are rewritten from the stored documents.")
EPILOG = ("examples:\n  kg check out/store          says ok, or what it repaired\n"
          "  kg build new/ --store out/store --out out   (checks the store too, cheaply)")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("store", metavar="STORE", help="a store directory (made by kg build --store)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar while rewriting")


def run(args: argparse.Namespace) -> int:
    path = Path(args.store)
    if not is_store(path):
        raise KgError(f"no kg store at {path} (one is made by `kg build --store {path}`)")
    try:
        store = open_store(path)
        problem = store.check(every_digest=True)
        damage = None
    except DamagedStoreError as e:
        damage = e.reason
    if damage is not None:
        store = None  # closes the database if it was opened, before it is moved
        kept = _set_aside(path)
        store = open_store(path)
        store.check()
        problem = f"had a damaged database ({damage}; kept in {kept})"
    if problem:
        store.add(iter(()), args.quiet)
    quads, graphs, documents = len(store.oxigraph), len(store.record.graphs), len(store.stored_hashes())
    store.close()
    if problem:
        print(f"store {path} {problem}: rewritten from its {documents} stored documents "
              f"({graphs} graphs, {quads} quads), now as recorded")
    else:
        print(f"store {path}: ok ({documents} documents; {graphs} graphs, {quads} quads match their digests)")
    return 0


def _set_aside(path: Path) -> Path:
    """Move the damaged database (and the digests of it) out of the way; an older damaged copy goes."""
    kept = path / "oxigraph.damaged"
    shutil.rmtree(kept, ignore_errors=True)
    (path / "oxigraph").replace(kept)
    (path / "oxigraph").mkdir()  # an empty database, for the rebuild
    (path / "digests.json").unlink(missing_ok=True)
    return kept
