"""``kg score``: precision, recall and F1 of extracted JSON files against gold files."""
from __future__ import annotations

import argparse
from pathlib import Path

from kg.errors import KgError
from kg.evaluate import error_list, format_errors, format_scores, score_directories


def run(args: argparse.Namespace) -> int:
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
