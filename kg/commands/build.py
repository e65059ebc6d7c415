"""``kg build``: extract, resolve, write the graph, its exports and its HTML view.

The build goes through a store (``kg.rdf.store``): with ``--store DIR`` that
persistent one (documents already stored are skipped before extraction, and
the exports describe everything in the store), without it a temporary one
beside ``--out``. Either way documents stream from extraction into the store
and the exports stream out of it, so memory does not grow with the input.
"""
from __future__ import annotations

import argparse

from kg import atomic
from kg.graphview import from_store
from kg.rdf.exports import parse_formats, write_exports
from kg.rdf.store import KgStore, file_sha256
from kg.runner import extract_documents, parse_date, resolve_inputs
from kg.view import READ_EVIDENCE, write_view


def run(args: argparse.Namespace) -> int:
    formats = parse_formats(args.formats)
    paths = resolve_inputs(args.inputs)
    date = parse_date(args.date)
    # The temporary store lives in a staging directory inside --out: an unusable --out fails
    # here, before extraction, and a killed run's store is removed by the next run.
    with atomic.staging_dir(args.out) as work:
        store = KgStore(args.store or work / "store")
        known = store.stored_hashes()
        paths = [p for p in paths if file_sha256(p) not in known]
        report = store.add(extract_documents(paths, args.ner, args.hanlp_model, date, args.quiet,
                                             args.workers, args.engine, args.scheduler), args.quiet)
        # A store inside --out (--store out/store --out out) stays where it is: only exports are renamed in.
        with atomic.output_dir(args.out) as tmp:
            graph = from_store(store.oxigraph, evidence_limit=READ_EVIDENCE)  # read once for exports and view
            written = write_exports(store.oxigraph, tmp, formats, entity_graph=graph)
            write_view(graph, tmp / "graph.html")
            written.append("graph.html")
            del store  # closes the database before a temporary one is removed
    where = f" (store {args.store}: {report.documents} documents in all)" if args.store else ""
    before = (f"{report.entities_before} entities before resolution, {report.entities} after"
              if report.entities_before is not None else f"{report.entities} entities, store unchanged")
    print(f"{report.added} documents extracted, {report.mentions} mentions, {before}, "
          f"{report.facts} facts{where} -> {args.out}/{{{','.join(written)}}}")
    return 0
