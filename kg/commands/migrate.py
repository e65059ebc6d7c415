"""``kg migrate STORE --trust``: convert a store of pickled documents (kg before JSON
records) to the current format, then rewrite its graphs from the converted documents.

Loading a pickle runs whatever code it holds, so this is the one place kg reads
one, and only when the user vouches for the store with ``--trust``.
"""
from __future__ import annotations

import argparse
import pickle
from pathlib import Path

from kg import atomic
from kg.document_json import document_to_json
from kg.errors import KgError
from kg.model import Document
from kg.parallel import open_store
from kg.rdf.database import is_store
from kg.rdf.store import PICKLED


DESCRIPTION = ("Convert the pickled documents of a store made by an older kg to JSON records "
               "and rewrite its graphs from them. Reading a pickle runs whatever code it "
               "holds: give --trust only for a store you made or whose maker you trust.")
EPILOG = "example:\n  kg migrate out/store --trust"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("store", metavar="STORE", help="a store directory holding documents/*.pickle")
    p.add_argument("--trust", action="store_true",
                   help="you vouch for the store's pickles (required: without it nothing is read)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar while rewriting")


def run(args: argparse.Namespace) -> int:
    path = Path(args.store)
    if not is_store(path):
        raise KgError(f"no kg store at {path} (one is made by `kg build --store {path}`)")
    pickled = sorted((path / "documents").glob(PICKLED))
    if not pickled:
        print(f"store {path}: no pickled documents, nothing to migrate")
        return 0
    if not args.trust:
        raise KgError(f"store {path} holds {len(pickled)} pickled documents, and reading a pickle runs whatever code "
                      f"it holds: if you made this store or trust who did, run `kg migrate {path} --trust`")
    store = open_store(path)  # fails before any conversion if the store is in use, read-only or damaged
    for source in pickled:
        atomic.write_bytes(source.with_suffix(".json"), document_to_json(_unpickle(source)))
        source.unlink()
    store.check()  # finds no digests of the converted documents' graphs: the graphs are rewritten
    store.add(iter(()), args.quiet)
    quads = len(store.oxigraph)
    store.close()
    print(f"store {path}: {len(pickled)} pickled documents converted to JSON records; "
          f"graphs rewritten from them ({quads} quads)")
    return 0


def _unpickle(path: Path) -> Document:
    try:
        doc = pickle.loads(path.read_bytes())  # the user vouched for this store with --trust
    except Exception as e:  # written by a kg whose model no longer loads
        raise KgError(f"cannot read pickled document {path} ({type(e).__name__}: {e}): build the store again from "
                      f"its source documents") from None
    if not isinstance(doc, Document):
        raise KgError(f"{path} is not a pickled kg document (a {type(doc).__name__}): move it away and run again")
    return doc
