"""``kg extract``: one gold-format JSON per document."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from kg import atomic
from kg.errors import KgError
from kg.gold import document_to_gold
from kg.parallel import add_extraction_options
from kg.propagation import sent_back_note
from kg.runner import extract_documents, name_propagation, parse_date, resolve_inputs


EPILOG = "example:\n  kg extract seeds --json-dir out/json"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_extraction_options(p)
    p.add_argument("--json-dir", required=True, metavar="DIR", help="where to write NAME.json files")


def run(args: argparse.Namespace) -> int:
    paths = resolve_inputs(args.inputs)
    date = parse_date(args.date)
    written: dict[str, str] = {}
    mentions = 0
    propagation = name_propagation(args.ner, args.hanlp_model, date, args.quiet, args.workers) \
        if args.propagation else None
    # Everything goes to a temporary directory that replaces --json-dir only
    # when every document succeeded.
    with atomic.output_dir(args.json_dir) as tmp:
        for doc in extract_documents(paths, args.ner, args.hanlp_model, date, args.quiet, args.workers,
                                     propagation=propagation):
            if doc.stem in written:
                raise KgError(f"two documents would both write {doc.stem}.json: {written[doc.stem]} and {doc.path}")
            written[doc.stem] = doc.path
            text = json.dumps(document_to_gold(doc), ensure_ascii=False, indent=1)
            (Path(tmp) / f"{doc.stem}.json").write_text(text + "\n", encoding="utf-8")
            mentions += len(doc.mentions)
    print(f"{len(written)} documents extracted ({mentions} mentions{sent_back_note(propagation)}) -> {args.json_dir}/")
    return 0
