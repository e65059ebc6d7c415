"""``kg build``: extract, resolve, write the graph, its exports and its HTML view.

The build goes through a store (``kg.rdf.store``): with ``--store DIR`` that
persistent one (documents already stored are skipped before extraction, and
the exports describe everything in the store), without it a temporary one
in a staging directory inside ``--out``, whose database holds the default graph only (the named
graphs go to the TriG dump as they are made). Either way documents stream from extraction into the
store and the exports stream out of it, so memory does not grow with the input.
A persistent store is checked first, and repaired from its stored documents
if its graphs were changed outside kg (``KgStore.check``).

``--overrides FILE`` corrects resolution (``kg.overrides``); a persistent store
keeps the file as ``overrides.json``, so later builds of it apply it again, and
a changed file re-resolves the store even when no document is added.

A persistent store also remembers the outputs it last wrote (``outputs.json``:
what they were made from and the state of their files), so a re-run that
brings nothing new (same documents, overrides, formats and kg) to an --out
left as written rewrites nothing and says "unchanged". A file that changed
since it was stored replaces its older version.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from functools import partial
from pathlib import Path

from kg import atomic, overrides
from kg.errors import KgError
from kg.rdf.counts import counts
from kg.rdf.digests import StoreRecord, code_digest, paths_state
from kg.rdf.dumps import dumps_written, parts_current, write_dumps
from kg.rdf.exports import DUMPS, EXPORTERS, FILES, parse_formats
from kg.rdf.rows import kept_entity_graph, write_rows
from kg.rdf.database import database_errors
from kg.rdf.store import KgStore, file_sha256
from kg.parallel import add_extraction_options, check_workers, in_background, open_store
from kg.progress import with_progress
from kg.propagation import NameTable, sent_back_note
from kg.runner import extract_documents, name_propagation, parse_date, resolve_inputs
from kg.view import write_view


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
    p.add_argument("--view-limit", type=int, default=VIEW_LIMIT, metavar="N",
                   help=f"write graph.html only if the graph has at most N entities (default: {VIEW_LIMIT}; "
                        f"0: always): the view lays out the whole graph whatever a build added")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="where extraction runs")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (with --engine dask)")


def run(args: argparse.Namespace) -> int:
    formats = parse_formats(args.formats)
    paths = resolve_inputs(args.inputs)
    date = parse_date(args.date)
    workers = check_workers(args.workers)  # a bad count fails here, before the store is touched
    # The temporary store lives in a staging directory inside --out: an unusable --out fails
    # here, before extraction, and a killed run's store is removed by the next run.
    with atomic.staging_dir(args.out) as work:
        store = open_store(args.store or work / "store", checked=bool(args.store))
        problem = store.check() if args.store else None
        kept = store.path / STORED_OVERRIDES
        text = _overrides_text(args.overrides, kept)
        corrections = overrides.parse(text, f"--overrides {args.overrides or kept}") if text else []
        known = store.stored_hashes()
        paths = [p for p in paths if file_sha256(p) not in known]
        changed = args.overrides is not None and (not kept.is_file() or kept.read_text(encoding="utf-8") != text)
        applied = f", {len(corrections)} overrides applied" if corrections else ""
        # What the store recorded of the outputs it last wrote, and whether --out still holds them as written.
        recorded = _outputs_record(store) if args.store else None
        as_recorded = recorded is not None and _outputs_as_recorded(recorded, args.out)
        if args.store and not paths and not changed and problem is None:
            held_before = _unchanged_outputs(recorded, as_recorded, store, formats, text)
            if held_before is not None:
                store.close()
                print(f"0 documents extracted (store unchanged); store {args.store}: {held_before}{applied} -> "
                      f"{args.out} unchanged")
                return 0
        # A store that keeps a name table was built with name propagation: it goes on with it.
        propagate = args.propagation or (args.store is not None and (store.path / NameTable.FILE).is_file())
        propagation = name_propagation(args.ner, args.hanlp_model, date, args.quiet, args.workers) \
            if propagate else None
        # Without propagation the workers also make each document's stored record; propagation
        # reads the documents themselves, so they come to this process whole.
        docs = extract_documents(paths, args.ner, args.hanlp_model, date, args.quiet, args.workers, args.engine,
                                 args.scheduler, propagation=None if args.store else propagation,
                                 for_store=None if propagation else corrections)
        add = partial(propagation.add_to_store, store) if args.store and propagation else store.add
        report = add(docs, quiet=args.quiet, overrides=corrections, force=changed, removed=_replaced(store, paths),
                     workers=args.workers)
        if changed:
            atomic.write_text(kept, text)
        if problem:  # said once the repair is done: a stored document that cannot be read is the one line instead
            print(f"kg build: store {args.store} {problem}: rewrote its graphs from its {report.documents} stored "
                  f"documents", file=sys.stderr)
        # A store inside --out (--store out/store --out out) stays where it is: only exports are renamed in.
        view = args.view_limit == 0 or report.entities <= args.view_limit
        with atomic.output_dir(args.out) as tmp:
            written = [name for fmt in formats for name in FILES[fmt]] + (["graph.html"] if view else [])
            # The store's dumps (EXPORTERS marked store_dump) are written from the parts the store keeps
            # (kg.rdf.dumps). When those must be made again from the database as the add left it, that is
            # done by another process if there are workers and enough documents, while this one writes the
            # other exports and the view, one step at a time, so that a terminal shows the progress through them.
            dumps = list(dict.fromkeys(fmt for fmt in formats if fmt in DUMPS))
            background = workers > 1 and report.documents >= BACKGROUND_DUMPS and not parts_current(
                store.parts_path, store.dump_stamp())
            # The other exports and the view are written from the rows the store keeps (kg.rdf.rows),
            # updated by the add, or made again from the store a few entities at a time.
            others = list(dict.fromkeys(fmt for fmt in formats if fmt not in DUMPS))
            # A temporary store's rows too are in a file, in its directory (in memory, they grew with the input).
            rows_path = store.rows_path
            steps = ["rows"] + ["view"] * view
            # database_errors: damage the check could not see (a table file's contents)
            with database_errors(store.path):
                # The other process reads a snapshot of the database (hard links to its files, taken here):
                # RocksDB gives no guarantee to a reader of files that the process writing them changes (the
                # compactions after the bulk loads go on in this one).
                source = store.snapshot(work / "snapshot") if background and dumps else store.oxigraph
            # A temporary store keeps no parts: they are made for this write only (and only the ones asked for).
            parts_path = store.parts_path if args.store else None
            # The dumps last written into --out, if they are still as written: what did not change is copied.
            previous = Path(args.out) if as_recorded else None
            graphs_file = None if args.store else store.graphs_path  # a temporary store's named graphs
            dump_call = (write_dumps, (parts_path, store.dump_stamp(), source, tmp, dumps, previous, graphs_file))
            with database_errors(store.path), in_background([dump_call] if dumps else [],
                                                             workers if background else 1):
                for step in with_progress(steps, len(steps), "writing the outputs", args.quiet, unit="step"):
                    if step == "rows":
                        write_rows(rows_path, store.dump_stamp(), store.oxigraph, tmp,
                                   [name for fmt in others for name in FILES[fmt]])
                    else:
                        write_view(kept_entity_graph(rows_path), tmp / "graph.html")
                held = counts(store.oxigraph)
            dump_call = source = None  # they hold the database: closing the store must close it
            made_from = _outputs_key(store.record, formats, text) if args.store and store.record else None
            store.close()  # before a temporary store is removed
        if made_from:
            _record_outputs(store, made_from, args.out, written, held.summary())
            if dumps:
                dumps_written(store.parts_path, dumps)
    extracted = f"{report.added} documents extracted " + (
        f"({report.mentions} mentions, {report.entities_before} entities before resolution)"
        if report.entities_before is not None else "(store unchanged)")
    if report.removed:
        extracted += f", replacing {report.removed} older versions"
    extracted += sent_back_note(propagation)
    if not view:
        stale = Path(args.out) / "graph.html"
        stale.unlink(missing_ok=True)  # a view of the graph before this build
        print(f"kg build: graph.html not written: the graph has {report.entities} entities, more than --view-limit "
              f"{args.view_limit}; --view-limit 0 writes it, `kg view {args.store or 'GRAPH'} --focus NAME -o FILE.html` "
              f"a part of it", file=sys.stderr)
    where = f"store {args.store}" if args.store else "graph"
    print(f"{extracted}; {where}: {held.summary()}{applied} -> {args.out}/{{{','.join(written)}}}")
    return 0


#: Entities above which ``kg build`` writes no graph.html unless asked (--view-limit).
VIEW_LIMIT = 20_000

#: Documents in a store from which its dumps (TriG, Turtle, ...) are written by other processes:
#: below, starting them costs more than it saves.
BACKGROUND_DUMPS = 50

#: The overrides a persistent store keeps, inside its directory.
STORED_OVERRIDES = "overrides.json"


#: What a persistent store keeps of the outputs it last wrote.
OUTPUTS_RECORD = "outputs.json"


def _replaced(store: KgStore, paths: list[Path]) -> set[str]:
    """The stored documents that new ones replace: those read from the same file before it changed."""
    if not paths:
        return set()
    new = {p.resolve() for p in paths}
    return {sha for sha, (_, path) in store.stored_names().items() if Path(path).resolve() in new}


def _outputs_key(record: StoreRecord, formats: list[str], overrides_text: str) -> str:
    """What outputs are made from: the store's graphs (as recorded), the overrides, the formats, kg itself."""
    made_from = {"documents": record.documents, "graphs": record.graphs, "overrides": overrides_text,
                 "formats": formats, "kg": code_digest()}
    return hashlib.sha256(json.dumps(made_from, sort_keys=True).encode()).hexdigest()


def _output_files(out: str, written: list[str]) -> list[Path]:
    return [Path(out) / name for name in written]


def _record_outputs(store: KgStore, made_from: str, out: str, written: list[str], summary: str) -> None:
    record = {"made_from": made_from, "out": str(Path(out).resolve()), "written": written,
              "files": paths_state(_output_files(out, written)), "summary": summary}
    atomic.write_text(store.path / OUTPUTS_RECORD, json.dumps(record, indent=0, sort_keys=True) + "\n")


def _outputs_record(store: KgStore) -> dict | None:
    """What ``store`` recorded of the outputs it last wrote (``_record_outputs``); None if nothing kg wrote."""
    try:
        record = json.loads((store.path / OUTPUTS_RECORD).read_bytes())
    except (OSError, ValueError):  # no record, or not one kg wrote
        return None
    return record if isinstance(record, dict) else None


def _outputs_as_recorded(record: dict, out: str) -> bool:
    """Whether ``out`` holds the outputs of ``record`` (``_outputs_record``), as they were written."""
    try:
        return bool(record["out"] == str(Path(out).resolve()) and record["files"]
                    and paths_state(_output_files(out, record["written"])) == record["files"])
    except (KeyError, TypeError):  # not a record kg wrote
        return False


def _unchanged_outputs(record: dict | None, as_recorded: bool, store: KgStore, formats: list[str],
                       overrides_text: str) -> str | None:
    """The summary of the outputs of ``record`` (``_outputs_record``; ``as_recorded``: still in --out as
    written) if they are the ones this build would write, else None."""
    try:
        same = (as_recorded and store.record is not None
                and record["made_from"] == _outputs_key(store.record, formats, overrides_text))
        return str(record["summary"]) if same else None
    except (KeyError, TypeError):  # not a record kg wrote: write the outputs
        return None


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
