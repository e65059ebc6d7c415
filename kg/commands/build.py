"""``kg build``: extract, resolve, write the graph, its exports and its HTML view.

With ``--store DIR`` the documents are added to the persistent store (those
already stored are skipped before extraction) and the exports describe
everything in the store; without it they describe the inputs.
"""
from __future__ import annotations

import argparse

from kg import atomic
from kg.rdf.dataset import build_quads, memory_store
from kg.rdf.exports import parse_formats, write_exports
from kg.rdf.store import KgStore, file_sha256
from kg.resolve import resolve
from kg.runner import extract_documents, parse_date, resolve_inputs
from kg.view import write_view


def run(args: argparse.Namespace) -> int:
    formats = parse_formats(args.formats)
    paths = resolve_inputs(args.inputs)
    atomic.check_output_dir(args.out)
    date = parse_date(args.date)
    store = KgStore(args.store) if args.store else None
    if store is not None:
        known = store.stored_hashes()
        paths = [p for p in paths if file_sha256(p) not in known]
    docs = list(extract_documents(paths, args.ner, args.hanlp_model, date, args.quiet,
                                  args.workers, args.engine, args.scheduler))
    n_docs, n_mentions = len(docs), sum(len(d.mentions) for d in docs)
    kb = store.add(docs) if store is not None else resolve(docs)
    del docs  # past resolution only the knowledge base is needed: free the documents before the graph
    quads = build_quads(kb)
    with atomic.output_dir(args.out) as tmp:
        written = write_exports(kb, quads, tmp, formats)
        write_view(memory_store(quads), tmp / "graph.html")
        written.append("graph.html")
    where = f" (store {args.store}: {len(kb.documents)} documents in all)" if store is not None else ""
    print(f"{n_docs} documents extracted, {n_mentions} mentions, "
          f"{kb.mentions_before_resolution} entities before resolution, {len(kb.entities)} after, "
          f"{len(kb.facts) + len(kb.posts)} facts{where} -> {args.out}/{{{','.join(written)}}}")
    return 0
