"""``kg build``: extract, resolve, write the graph, its exports and its HTML view."""
from __future__ import annotations

import argparse
from pathlib import Path

from kg import atomic
from kg.rdf import build_dataset
from kg.resolve import resolve
from kg.runner import extract_documents, parse_date, resolve_inputs


def run(args: argparse.Namespace) -> int:
    paths = resolve_inputs(args.inputs)
    date = parse_date(args.date)
    docs = list(extract_documents(paths, args.ner, args.hanlp_model, date, args.quiet))
    kb = resolve(docs)
    ds = build_dataset(kb)
    with atomic.output_dir(args.out) as tmp:
        ds.default_context.serialize(destination=str(Path(tmp) / "graph.ttl"), format="turtle")
    n_mentions = sum(len(d.mentions) for d in docs)
    print(f"{len(docs)} documents, {n_mentions} mentions, "
          f"{kb.mentions_before_resolution} entities before resolution, {len(kb.entities)} after, "
          f"{len(kb.facts) + len(kb.posts)} facts -> {args.out}/graph.ttl")
    return 0
