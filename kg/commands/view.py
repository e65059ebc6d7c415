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
    write_view(read_graph(args.source), args.out, focus=args.focus, depth=args.depth, types=types)
    return 0
