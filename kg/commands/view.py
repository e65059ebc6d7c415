"""``kg view``: an interactive HTML view of a graph file or store."""
from __future__ import annotations

import argparse

from kg.errors import UsageError
from kg.rdf.entity_graph import read_graph
from kg.rdf.source import SOURCE_HELP
from kg.view import write_view


EPILOG = "example:\n  kg view out/graph.ttl --focus 江津区 --depth 2 --out jiangjin.html"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", metavar="GRAPH|STORE", help=SOURCE_HELP)
    p.add_argument("--focus", metavar="NAME", help="an entity name: show its neighbourhood only")
    p.add_argument("--depth", type=int, default=1, metavar="N", help="neighbourhood depth with --focus")
    p.add_argument("--types", metavar="T1,T2", help="only these entity types, e.g. Person,Park")
    p.add_argument("-o", "--out", required=True, metavar="FILE.html", help="the page to write")


def run(args: argparse.Namespace) -> int:
    if args.focus is not None and not args.focus.strip():
        raise UsageError("--focus needs an entity name, got an empty one (leave --focus out to view everything)")
    types = [t.strip() for t in args.types.split(",") if t.strip()] if args.types else None
    drawn = write_view(read_graph(args.source), args.out, focus=args.focus, depth=args.depth, types=types)
    chosen = [f"within {args.depth} link{'s' if args.depth != 1 else ''} of {args.focus}" if args.focus else "",
              f"types {','.join(types)}" if types else ""]
    what = "; ".join(c for c in chosen if c)
    print(f"{drawn.number_of_nodes()} entities and {drawn.number_of_edges()} links drawn"
          f"{f' ({what})' if what else ''} -> {args.out}")
    return 0
