"""``kg query GRAPH|STORE 'SPARQL' | --file Q.rq``: run SPARQL, print a table, CSV or JSON.

``--param NAME=VALUE`` binds a parameter the query declares, ``--latest N``,
``--since DATE`` and ``--all`` set the documents a canned query starts from
(``kg.rdf.queries``); the scope goes to stderr whenever it leaves documents out.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import UsageError
from kg.rdf.queries import DEFAULT_LATEST, bind, has_scope, parameters, scope
from kg.rdf.source import open_source
from kg.rdf.sparql import format_results, run_query
from kg.runner import parse_date


def run(args: argparse.Namespace) -> int:
    if (args.sparql is None) == (args.file is None):
        raise UsageError("give either a query text or --file Q.rq (not both)")
    if args.file:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except OSError as e:
            raise UsageError(f"cannot read --file {args.file}: {e.strerror}") from None
    else:
        text = args.sparql
    if args.params:
        declared = parameters(text)
        for p in declared:
            print(f"{p.name} ({p.type}, default {p.default or 'none'}): {p.description}")
        if not declared:
            print("this query declares no parameter")
        return 0
    values = dict(_param(p) for p in args.param or [])
    since = parse_date(args.since, "--since")
    if args.latest is not None and args.latest < 1:
        raise UsageError("--latest must be at least 1")
    if (since or args.all or args.latest) and not has_scope(text):
        raise UsageError("this query has no document scope (no VALUES ?scopeDoc block): "
                         "--latest, --since and --all apply to the canned queries")
    store = open_source(args.source)
    chosen = None
    if has_scope(text):
        chosen = scope(store, since=since, every=args.all, latest=args.latest or DEFAULT_LATEST)
    text = bind(text, values, chosen)
    if chosen and chosen.description:
        print(f"kg query: {chosen.description}", file=sys.stderr)
    sys.stdout.write(format_results(run_query(store, text), args.format, store))
    return 0


def _param(item: str) -> tuple[str, str]:
    name, sep, value = item.partition("=")
    if not sep or not name.strip():
        raise UsageError(f"--param takes NAME=VALUE, got {item!r}")
    return name.strip(), value
