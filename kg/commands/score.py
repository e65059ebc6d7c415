"""``kg score``: precision, recall and F1 of extracted JSON files against gold files;
with ``--resolution``, the entity resolution of ``entities.csv`` against a resolution gold."""
from __future__ import annotations

import argparse
from pathlib import Path

from kg import resolution_score
from kg.errors import KgError, UsageError
from kg.evaluate import error_list, format_errors, format_scores, score_directories


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
