"""``kg build``: extract, resolve, write the graph, its exports and its HTML view.

The build goes through a store (``kg.rdf.store``): with ``--store DIR`` that
persistent one (documents already stored are skipped before extraction, and
the exports describe everything in the store), without it a temporary one
beside ``--out``. Either way documents stream from extraction into the store
and the exports stream out of it, so memory does not grow with the input.

``--overrides FILE`` corrects resolution (``kg.overrides``); a persistent store
keeps the file as ``overrides.json``, so later builds of it apply it again, and
a changed file re-resolves the store even when no document is added.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from kg import atomic, overrides
from kg.errors import KgError
from kg.graphview import from_store
from kg.rdf.exports import parse_formats, write_exports
from kg.rdf.store import KgStore, file_sha256
from kg.runner import extract_documents, parse_date, resolve_inputs
from kg.view import READ_EVIDENCE, write_view


def run(args: argparse.Namespace) -> int:
    formats = parse_formats(args.formats)
    paths = resolve_inputs(args.inputs)
    parent = atomic.check_output_dir(args.out)
    date = parse_date(args.date)
    with tempfile.TemporaryDirectory(prefix=".kg-build-", dir=parent) as work:
        store = KgStore(args.store or f"{work}/store")
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
        # A store inside --out (--store out/store --out out) is moved into the new output, not copied.
        with atomic.output_dir(args.out, carry=store.path if args.store else None) as tmp:
            graph = from_store(store.oxigraph, evidence_limit=READ_EVIDENCE)  # read once for exports and view
            written = write_exports(store.oxigraph, tmp, formats, entity_graph=graph)
            write_view(graph, tmp / "graph.html")
            written.append("graph.html")
            del store  # closes the database before it is moved
    where = f" (store {args.store}: {report.documents} documents in all)" if args.store else ""
    before = (f"{report.entities_before} entities before resolution, {report.entities} after"
              if report.entities_before is not None else f"{report.entities} entities, store unchanged")
    applied = f", {len(corrections)} overrides" if corrections else ""
    print(f"{report.added} documents extracted, {report.mentions} mentions, {before}, "
          f"{report.facts} facts{applied}{where} -> {args.out}/{{{','.join(written)}}}")
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
