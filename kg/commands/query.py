"""``kg query GRAPH|STORE 'SPARQL' | --file Q.rq``: run SPARQL, print a table, CSV or JSON."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import UsageError
from kg.rdf.source import open_source
from kg.rdf.sparql import format_results, run_query


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
    store = open_source(args.source)
    sys.stdout.write(format_results(run_query(store, text), args.format))
    return 0
