"""Run a SPARQL query on a pyoxigraph store and print its results.

Queries see the default graph, which holds the whole merged graph (see
``kg.rdf.vocab``; ``GRAPH ?g`` reaches each document's statements), and the prefixes of ``kg.rdf.vocab.PREFIXES``
are predeclared.
"""
from __future__ import annotations

import unicodedata
from typing import Iterable

import pyoxigraph

from kg.errors import KgError
from kg.rdf.vocab import PREFIXES

_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}


def run_query(store: pyoxigraph.Store, text: str):
    """SELECT -> QuerySolutions, ASK -> QueryBoolean, CONSTRUCT/DESCRIBE -> QueryTriples."""
    try:
        return store.query(text, prefixes=_PREFIXES)
    except SyntaxError as e:
        raise KgError(f"SPARQL syntax error: {' '.join(str(e).split())}") from None
    except OSError as e:
        raise KgError(f"query failed: {' '.join(str(e).split())}") from None


def restricted(query: str, variable: str, iris: Iterable[str]) -> str:
    """``query`` (a SELECT with one WHERE group) with ``?variable`` bound to each of ``iris``."""
    values = " ".join(f"<{iri}>" for iri in iris)
    head, _, rest = query.partition("WHERE {")
    return f"{head}WHERE {{ VALUES ?{variable} {{ {values} }} {rest}"


def format_results(results, fmt: str, store: pyoxigraph.Store | None = None) -> str:
    """``fmt`` is table (aligned, prefixed names), csv or json (SPARQL 1.1 result formats)
    for SELECT and ASK; Turtle, N-Triples or JSON-LD for CONSTRUCT and DESCRIBE.
    With the ``store`` queried, a table shows the label of each entity, post or document
    instead of its IRI (csv and json keep the IRIs)."""
    text = _format(results, fmt, store)
    return text if text.endswith("\n") else text + "\n"


def _format(results, fmt: str, store: pyoxigraph.Store | None) -> str:
    if isinstance(results, pyoxigraph.QueryTriples):
        # triples have no table form: Turtle for reading, N-Triples for csv, JSON-LD for json
        rdf_format = {"table": pyoxigraph.RdfFormat.TURTLE, "csv": pyoxigraph.RdfFormat.N_TRIPLES,
                      "json": pyoxigraph.RdfFormat.JSON_LD}[fmt]
        return pyoxigraph.serialize(results, format=rdf_format, prefixes=_PREFIXES).decode()
    if fmt in ("csv", "json"):
        out_format = pyoxigraph.QueryResultsFormat.CSV if fmt == "csv" else pyoxigraph.QueryResultsFormat.JSON
        return results.serialize(format=out_format).decode()
    if isinstance(results, pyoxigraph.QueryBoolean):
        return "true\n" if bool(results) else "false\n"
    names = [v.value for v in results.variables]
    solutions = [[s[name] for name in names] for s in results]
    labels = _labels(store, {t for row in solutions for t in row if isinstance(t, pyoxigraph.NamedNode)})
    rows = [[labels.get(t) or _short(t) for t in row] for row in solutions]
    return text_table(names, rows)


def _labels(store: pyoxigraph.Store | None, iris: set[pyoxigraph.NamedNode]) -> dict:
    """The label of each of ``iris`` kg describes: an entity's or post's skos:prefLabel,
    a document's file name."""
    ours = sorted((t for t in iris if t.value.startswith(_PREFIXES["kgr"])), key=lambda t: t.value)
    if store is None or not ours:
        return {}
    query = ("SELECT ?x (SAMPLE(?name) AS ?label) WHERE { VALUES ?x { %s } "
             "?x skos:prefLabel|dcterms:identifier ?name } GROUP BY ?x" % " ".join(str(t) for t in ours))
    return {s["x"]: s["label"].value for s in run_query(store, query)}


def _short(term) -> str:
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        for prefix, ns in _PREFIXES.items():
            if term.value.startswith(ns):
                return f"{prefix}:{term.value[len(ns):]}"
        return term.value
    if isinstance(term, pyoxigraph.Literal):
        return term.value
    return str(term)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def text_table(names: list[str], rows: list[list[str]]) -> str:
    """A plain-text table whose columns line up in a terminal, Chinese included."""
    rows = [[" ".join(c.split()) for c in row] for row in rows]
    widths = [max([_width(n)] + [_width(r[i]) for r in rows]) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
