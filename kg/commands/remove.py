"""``kg remove STORE DOC...``: take documents out of a store, at the cost of what they change.

A DOC is a stored document's file name (as in ``dcterms:identifier``) or its sha256 (or
the start of it, 8 characters or more). The entities they alone named go, and the
resolution of the others is redone where it depended on them (``KgStore.add``), so the
store is the one a build without them gives. The next ``kg build --store STORE --out DIR``
writes the outputs of the store as it now is.
"""
from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path

from kg.errors import KgError
from kg.parallel import open_store
from kg.propagation import NameTable, sent_back_note
from kg.rdf.database import is_store
from kg.runner import name_propagation

#: The shortest start of a sha256 that names a document.
SHA_PREFIX = 8

DESCRIPTION = ("Take documents out of a store: its graph becomes the one a build without them "
               "gives, at the cost of what they change. The next kg build --store writes the "
               "outputs.")
EPILOG = "example:\n  kg remove out/store a.txt 3f2a9c81"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("store", metavar="STORE", help="a store directory (made by kg build --store)")
    p.add_argument("documents", nargs="+", metavar="DOC",
                   help="a stored document's file name, or its sha256 (8 characters or more of it)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar while re-resolving")


def run(args: argparse.Namespace) -> int:
    path = Path(args.store)
    if not is_store(path):
        raise KgError(f"no kg store at {path} (one is made by `kg build --store {path}`)")
    store = open_store(path)
    problem = store.check()
    names = store.stored_names()
    removed = {sha for doc in args.documents for sha in _named(doc, names, path)}
    # A store built with name propagation keeps its name table: the documents that knew a name only the
    # removed ones gave go back through the entity stage (with the default recognizer).
    propagated = (path / NameTable.FILE).is_file()
    propagation = name_propagation(quiet=args.quiet) if propagated else None
    add = partial(propagation.add_to_store, store) if propagation else store.add
    report = add(iter(()), quiet=args.quiet, removed=removed)
    store.close()
    repaired = f" (it {problem}: its graphs were rewritten from its documents)" if problem else ""
    print(f"store {path}: {report.removed} documents removed, {report.documents} left{sent_back_note(propagation)}"
          f"{repaired}")
    return 0


def _named(doc: str, names: dict[str, tuple[str, str]], store: Path) -> list[str]:
    """The stored documents ``doc`` names: by sha256 (or its start) or by file name; exactly one."""
    found = [sha for sha, (name, _) in names.items()
             if name == doc or (len(doc) >= SHA_PREFIX and sha.startswith(doc.lower()))]
    if not found:
        raise KgError(f"store {store} has no document {doc} (give its file name or sha256)")
    if len(found) > 1:
        raise KgError(f"{doc} names {len(found)} documents of store {store}: give the sha256 of the one to remove "
                      f"({', '.join(sha[:12] for sha in sorted(found))})")
    return found
