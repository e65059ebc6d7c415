"""Open what the user names as GRAPH|STORE: an exported graph file or a store directory."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph

from kg.errors import KgError
from kg.rdf.database import is_store, open_oxigraph

#: What a GRAPH|STORE argument takes.
SOURCE_HELP = "a graph file (.ttl, .nt, .trig, .jsonld) or a store directory"

#: file suffix -> pyoxigraph format
FORMATS = {".ttl": pyoxigraph.RdfFormat.TURTLE, ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
           ".nq": pyoxigraph.RdfFormat.N_QUADS, ".trig": pyoxigraph.RdfFormat.TRIG,
           ".jsonld": pyoxigraph.RdfFormat.JSON_LD, ".rdf": pyoxigraph.RdfFormat.RDF_XML}


def open_source(path: str | Path) -> pyoxigraph.Store:
    """A store directory opened read-only, or a graph file loaded into memory."""
    p = Path(path)
    if not p.exists():
        raise KgError(f"no such graph file or store: {p}")
    if p.is_dir():
        if not is_store(p):
            raise KgError(f"{p} is a directory but not a kg store (made by `kg build --store`)")
        return open_oxigraph(p, read_only=True)
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise KgError(f"unknown graph file type {p.suffix or '(none)'}: use one of {', '.join(FORMATS)}")
    store = pyoxigraph.Store()
    try:
        store.bulk_load(path=str(p), format=fmt)
    except (SyntaxError, ValueError, OSError) as e:
        raise KgError(f"cannot read {p}: {str(e).splitlines()[0]}") from None
    return store

