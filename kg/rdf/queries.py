"""Parameters and document scope of the canned queries (``ontology/queries/*.rq``).

A query file declares each parameter on one header comment line::

    # @param park label - A park's name (label or alias); none: every park named in the documents in scope.

that is ``@param NAME TYPE DEFAULT SENTENCE``, DEFAULT ``-`` meaning none. Its body
holds one ``VALUES ?NAME { ... }`` block per parameter, with the default in it
(``UNDEF`` for none), so the file runs as it is on any SPARQL endpoint.
``bind`` replaces the inside of those blocks with RDF terms built from the values
(pyoxigraph serializes and escapes them), never with the text as given.

The scope is the set of documents whose entities a query starts from: the block
``VALUES ?scopeDoc { UNDEF }`` (every document) becomes the list of documents
``scope`` chose (the latest ones, or those since a date).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Mapping

import pyoxigraph

from kg.errors import KgError, UsageError
from kg.rdf.sparql import run_query
from kg.rdf.vocab import XSD

#: The variable of the scope's VALUES block.
SCOPE_VARIABLE = "scopeDoc"
#: Documents in the default scope: every one of a store up to this size, the latest ones beyond it
#: (each canned query stays interactive on a 1M-triple store: README, "Speed and scale").
DEFAULT_LATEST = 300
#: Language of the labels kg writes (skos:prefLabel "…"@zh).
LABEL_LANGUAGE = "zh"

_PARAM_LINE = re.compile(r"^#\s*@param\s+(\S+)\s+(\S+)\s+(\S+)\s+(.+?)\s*$", re.MULTILINE)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: A one-variable VALUES block as the files write it (their default terms hold no braces).
_VALUES_BLOCK = re.compile(r"VALUES\s+\?(\w+)\s*\{[^{}]*\}")


def _date(value: str) -> pyoxigraph.Literal:
    try:
        return pyoxigraph.Literal(dt.date.fromisoformat(value).isoformat(), datatype=pyoxigraph.NamedNode(XSD.date))
    except ValueError:
        raise KgError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _integer(value: str) -> pyoxigraph.Literal:
    try:
        return pyoxigraph.Literal(str(int(value)), datatype=pyoxigraph.NamedNode(XSD.integer))
    except ValueError:
        raise KgError(f"not an integer: {value!r}") from None


def _iri(value: str) -> pyoxigraph.NamedNode:
    try:
        return pyoxigraph.NamedNode(value)
    except ValueError as e:
        raise KgError(f"not an IRI: {value!r} ({e})") from None


#: parameter type -> the RDF term of a value given as text
TERM_OF_TYPE: dict[str, Callable[[str], pyoxigraph.NamedNode | pyoxigraph.Literal]] = {
    "label": lambda v: pyoxigraph.Literal(v, language=LABEL_LANGUAGE),  # a name as kg writes labels
    "string": pyoxigraph.Literal,
    "date": _date,
    "integer": _integer,
    "iri": _iri,
}


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str  # a key of TERM_OF_TYPE
    default: str | None  # None: unbound (the query's "every …")
    description: str


@dataclass(frozen=True)
class Scope:
    """The documents a query starts from: ``documents`` None means every one."""

    documents: list[str] | None
    description: str  # for stderr; "" when every document is in


def parameters(text: str) -> list[Parameter]:
    """The parameters a query's header declares, in order."""
    found = []
    for name, type_, default, description in _PARAM_LINE.findall(text):
        if not _NAME.match(name) or type_ not in TERM_OF_TYPE:
            raise KgError(f"bad @param line for {name!r}: NAME must be a SPARQL variable name and TYPE one of "
                          f"{', '.join(TERM_OF_TYPE)}")
        found.append(Parameter(name, type_, None if default == "-" else default, description))
    return found


def bind(text: str, values: Mapping[str, str], scope: Scope | None = None) -> str:
    """``text`` with each given parameter, and the scope's documents, bound in their VALUES blocks.

    Unknown names are an error listing the known ones; parameters not given keep the
    file's default."""
    declared = {p.name: p for p in parameters(text)}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        known = "; ".join(f"{p.name} ({p.type}): {p.description}" for p in declared.values()) or "none"
        raise UsageError(f"unknown parameter {', '.join(unknown)}; this query's parameters: {known}")
    terms = {name: str(TERM_OF_TYPE[declared[name].type](value)) for name, value in values.items()}
    if scope is not None and scope.documents is not None:
        if not has_scope(text):
            raise UsageError("this query has no document scope to bind (no VALUES ?scopeDoc block)")
        terms[SCOPE_VARIABLE] = " ".join(f"<{d}>" for d in scope.documents)  # none: no document, no row
    blocks = [m for m in _VALUES_BLOCK.finditer(text) if m.group(1) in terms]
    for name in terms:
        if sum(m.group(1) == name for m in blocks) != 1:
            raise KgError(f"the query must have exactly one block VALUES ?{name} {{ ... }} to bind ?{name}")
    # one pass over the file's text: a bound value can never be taken for another block
    return _VALUES_BLOCK.sub(lambda m: f"VALUES ?{m.group(1)} {{ {terms[m.group(1)]} }}"
                             if m.group(1) in terms else m.group(0), text)


def has_scope(text: str) -> bool:
    return any(m.group(1) == SCOPE_VARIABLE for m in _VALUES_BLOCK.finditer(text))


def scope(store: pyoxigraph.Store, since: dt.date | None = None, every: bool = False,
          latest: int = DEFAULT_LATEST) -> Scope:
    """Which documents a canned query starts from: every one (``every``), those dated
    ``since`` or later, or else the ``latest`` most recent (undated documents come after
    every dated one: their time is unknown)."""
    if every:
        return Scope(None, "")
    docs = [(s["d"].value, s["date"].value if s["date"] is not None else None)
            for s in run_query(store, "SELECT ?d (MAX(?day) AS ?date) WHERE { ?d a kg:Document "
                                      "OPTIONAL { ?d dcterms:date ?day } } GROUP BY ?d")]
    undated = sum(1 for _, date in docs if date is None)
    if since is not None:
        chosen = [(d, date) for d, date in docs if date is not None and date >= since.isoformat()]
        left = f"; {undated} undated left out" if undated else ""
        return Scope(sorted(d for d, _ in chosen),
                     f"documents dated {since.isoformat()} or later: {len(chosen)} of {len(docs)}{left}; "
                     "--all for every one")
    if len(docs) <= latest:
        return Scope(None, "")
    docs.sort(key=lambda d: (d[1] is not None, d[1] or "", d[0]), reverse=True)
    chosen = docs[:latest]
    dates = [date for _, date in chosen if date is not None]
    parts = [f"{len(dates)} dated {min(dates)} to {max(dates)}" if dates else "",
             f"{len(chosen) - len(dates)} of the {undated} undated" if len(chosen) > len(dates) else ""]
    return Scope(sorted(d for d, _ in chosen),
                 f"latest {len(chosen)} of {len(docs)} documents ({', then '.join(p for p in parts if p)}); "
                 "--all for every one, --since DATE for a period")
