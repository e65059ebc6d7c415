"""``kg build``: extract, resolve, write the graph, its exports and its HTML view.

The build goes through a store (``kg.rdf.store``): with ``--store DIR`` that
persistent one (documents already stored are skipped before extraction, and
the exports describe everything in the store), without it a temporary one
in a staging directory inside ``--out``. Either way documents stream from extraction into the store
and the exports stream out of it, so memory does not grow with the input.
A persistent store is checked first, and repaired from its stored documents
if its graphs were changed outside kg (``KgStore.check``).

``--overrides FILE`` corrects resolution (``kg.overrides``); a persistent store
keeps the file as ``overrides.json``, so later builds of it apply it again, and
a changed file re-resolves the store even when no document is added.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg import atomic, overrides
from kg.errors import KgError
from kg.graphview import from_store
from kg.rdf.counts import counts
from kg.rdf.exports import EXPORTERS, parse_formats, write_exports
from kg.rdf.store import KgStore, database_errors, file_sha256
from kg.parallel import add_extraction_options
from kg.runner import extract_documents, parse_date, resolve_inputs, with_progress
from kg.view import READ_EVIDENCE, write_view


DESCRIPTION = "Extract, resolve and write graph.ttl, graph.html and the other exports."
EPILOG = ("example:\n  kg build seeds --out out\n  kg build new_articles/ --store out/store --out out\n"
          "  kg build new_articles/ --store out/store --out out --overrides fixes.json")


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_extraction_options(p)
    p.add_argument("-o", "--out", default="out", metavar="DIR", help="output directory (default: out)")
    p.add_argument("--store", metavar="DIR", help="also add the documents to this persistent store (incremental)")
    p.add_argument("--formats", default=",".join(EXPORTERS),
                   help=f"exports to write, comma-separated (default: all of {','.join(EXPORTERS)})")
    p.add_argument("--overrides", metavar="FILE.json",
                   help="corrections to entity resolution: same/different groups of [document, mention text] "
                        "pairs (see README); a --store keeps them for later builds")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="where extraction runs")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (with --engine dask)")


def run(args: argparse.Namespace) -> int:
    formats = parse_formats(args.formats)
    paths = resolve_inputs(args.inputs)
    date = parse_date(args.date)
    # The temporary store lives in a staging directory inside --out: an unusable --out fails
    # here, before extraction, and a killed run's store is removed by the next run.
    with atomic.staging_dir(args.out) as work:
        store = KgStore(args.store or work / "store", checked=bool(args.store))
        problem = store.check() if args.store else None
        kept = store.path / STORED_OVERRIDES
        text = _overrides_text(args.overrides, kept)
        corrections = overrides.parse(text, f"--overrides {args.overrides or kept}") if text else []
        known = store.stored_hashes()
        paths = [p for p in paths if file_sha256(p) not in known]
        changed = args.overrides is not None and (not kept.is_file() or kept.read_text(encoding="utf-8") != text)
        report = store.add(extract_documents(paths, args.ner, args.hanlp_model, date, args.quiet,
                                             args.workers, args.engine, args.scheduler), args.quiet,
                           overrides=corrections, force=changed)
        if changed:
            atomic.write_text(kept, text)
        if problem:  # said once the repair is done: a stored document that cannot be read is the one line instead
            print(f"kg build: store {args.store} {problem}: rewrote its graphs from its {report.documents} stored "
                  f"documents", file=sys.stderr)
        # A store inside --out (--store out/store --out out) stays where it is: only exports are renamed in.
        with atomic.output_dir(args.out) as tmp:
            written: list[str] = []
            # the entity graph is read once for the exports and the view; one step at a time,
            # so that a terminal shows the progress through them
            steps = ["read", *formats, "view"]
            with database_errors(store.path):  # damage the check could not see (a table file's contents)
                for step in with_progress(steps, len(steps), "writing the outputs", args.quiet, unit="step"):
                    if step == "read":
                        graph = from_store(store.oxigraph, evidence_limit=READ_EVIDENCE)
                    elif step == "view":
                        write_view(graph, tmp / "graph.html")
                        written.append("graph.html")
                    else:
                        written += write_exports(store.oxigraph, tmp, [step], entity_graph=graph)
                held = counts(store.oxigraph)
            store.close()  # before a temporary store is removed
    extracted = f"{report.added} documents extracted " + (
        f"({report.mentions} mentions, {report.entities_before} entities before resolution)"
        if report.entities_before is not None else "(store unchanged)")
    where = f"store {args.store}" if args.store else "graph"
    applied = f", {len(corrections)} overrides applied" if corrections else ""
    print(f"{extracted}; {where}: {held.summary()}{applied} -> {args.out}/{{{','.join(written)}}}")
    return 0


#: The overrides a persistent store keeps, inside its directory.
STORED_OVERRIDES = "overrides.json"


def _overrides_text(given: str | None, kept: Path) -> str:
    """The overrides to apply: the file given, else the ones the store kept, else none."""
    if given is None:
        return kept.read_text(encoding="utf-8") if kept.is_file() else ""
    try:
        return Path(given).read_text(encoding="utf-8")
    except OSError as e:
        raise KgError(f"cannot read --overrides {given}: {e.strerror}") from None
    except UnicodeDecodeError:
        raise KgError(f"--overrides {given} is not UTF-8 text") from None
