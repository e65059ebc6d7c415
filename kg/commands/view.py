"""``kg view``: an interactive HTML view of a graph file or store."""
from __future__ import annotations

import argparse

from kg.graphview import read_graph
from kg.view import write_view


def run(args: argparse.Namespace) -> int:
    types = [t.strip() for t in args.types.split(",") if t.strip()] if args.types else None
    write_view(read_graph(args.source), args.out, focus=args.focus, depth=args.depth, types=types)
    return 0
