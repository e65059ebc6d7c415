"""``kg score``: precision, recall and F1 of extracted JSON files against gold files;
with ``--resolution``, the entity resolution of ``entities.csv`` against a resolution gold."""
from __future__ import annotations

import argparse
from pathlib import Path

from kg import resolution_score
from kg.errors import KgError, UsageError
from kg.evaluate import error_list, format_errors, format_scores, score_directories


EPILOG = ("examples:\n  kg extract seeds --json-dir out/json && kg score tests/gold out/json\n"
          "  kg score tests/gold out/json --errors --docs seeds\n"
          "  kg score --resolution tests/gold/resolution/resolution.json out/entities.csv")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold_dir", nargs="?", metavar="GOLD_DIR", help="gold JSON files (docs/schema.md)")
    p.add_argument("system_dir", nargs="?", metavar="SYSTEM_DIR",
                   help="the system's JSON files of the same names (kg extract)")
    p.add_argument("--resolution", nargs=2, metavar=("GOLD.json", "ENTITIES.csv"),
                   help="instead: score entity resolution (entities.csv of kg build) against a resolution gold: "
                        "B-cubed and pairwise precision/recall, clusters whole, must-not-link pairs merged")
    p.add_argument("--errors", action="store_true",
                   help="after the scores, list every missed and spurious entity and relation (and event, "
                        "milestone, figure where the gold has them), grouped by type, the most frequent ending "
                        "(or kind) first (with --resolution: clusters split, pairs merged)")
    p.add_argument("--docs", metavar="DIR",
                   help="with --errors: the documents' directory, to show the sentence of each error")


def run(args: argparse.Namespace) -> int:
    if args.resolution:
        if args.gold_dir or args.system_dir:
            raise UsageError("--resolution takes GOLD.json ENTITIES.csv instead of GOLD_DIR SYSTEM_DIR")
        return _resolution(*args.resolution, errors=args.errors)
    if not (args.gold_dir and args.system_dir):
        raise UsageError("give GOLD_DIR and SYSTEM_DIR (or --resolution GOLD.json ENTITIES.csv)")
    for d in (args.gold_dir, args.system_dir):
        if not Path(d).is_dir():
            raise KgError(f"not a directory: {d}")
    if not any(Path(args.gold_dir).glob("*.json")):
        raise KgError(f"no gold .json files in {args.gold_dir}")
    try:
        print(format_scores(score_directories(args.gold_dir, args.system_dir)))
        if args.errors:
            if args.docs and not Path(args.docs).is_dir():
                raise KgError(f"not a directory: {args.docs}")
            print(format_errors(error_list(args.gold_dir, args.system_dir, args.docs)))
    except (ValueError, KeyError) as e:
        raise KgError(f"malformed JSON file: {e}") from None
    return 0


def _resolution(gold_path: str, entities_csv: str, errors: bool) -> int:
    gold = resolution_score.load_gold(gold_path)
    index = resolution_score.EntityIndex(entities_csv)
    scores = {part: resolution_score.score(gold, index, part) for part in resolution_score.PARTS}
    print(resolution_score.format_scores(scores))
    if errors:
        print(resolution_score.format_errors(scores["all"]))
    return 0
