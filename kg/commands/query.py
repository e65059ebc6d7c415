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
from kg.rdf.source import SOURCE_HELP, open_source
from kg.rdf.sparql import format_results, run_query
from kg.runner import parse_date


EPILOG = ("examples:\n  kg query out/graph.ttl --file ontology/queries/projects_by_district.rq\n"
          "  kg query out/store --file ontology/queries/entity_facts.rq --param entity=江津区 --all\n"
          "  kg query out/store --since 2024-07-01 --file ontology/queries/officials_by_body.rq")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", metavar="GRAPH|STORE", help=SOURCE_HELP)
    p.add_argument("sparql", nargs="?", help="the query text")
    p.add_argument("--file", metavar="Q.rq", help="read the query from a file")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="table (labels instead of entity IRIs), or the SPARQL 1.1 csv or json results (IRIs)")
    p.add_argument("--param", action="append", metavar="NAME=VALUE",
                   help="bind a parameter the query declares in its header (# @param NAME TYPE DEFAULT ...); "
                        "repeatable")
    p.add_argument("--params", action="store_true", help="list the query's parameters and exit")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--latest", type=int, metavar="N",
                       help="a canned query starts from the entities of the N latest documents "
                            "(default: every document of a store of up to 300, the latest 300 beyond)")
    scope.add_argument("--since", metavar="YYYY-MM-DD", help="... of the documents dated on or after this day")
    scope.add_argument("--all", action="store_true", help="... of every document")


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
