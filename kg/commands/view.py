"""``kg view``: an interactive HTML view of a graph file or store."""
from __future__ import annotations

import argparse

from kg.errors import UsageError
from kg.graphview import read_graph
from kg.view import write_view


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
