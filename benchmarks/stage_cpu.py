#!/usr/bin/env python3
"""CPU time of each stage of the default pipeline over a directory of texts, and its share of the
whole extraction (e.g. the relation pair classifier's cost, which must stay small).

    .venv/bin/python benchmarks/stage_cpu.py                       # the 250 texts of the shared corpus
    .venv/bin/python benchmarks/stage_cpu.py --docs DIR --rounds 3

Each document goes through the stages one by one, each timed with ``time.process_time()`` (CPU, not
wall: a loaded machine slows the wall clock, not this); the figures are the best of ``--rounds``
runs per stage, summed over the documents.  Only times are printed, nothing a document says.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.pipeline import default_pipeline  # noqa: E402
from kg.reader import load_document  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "docs"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", default=str(CORPUS), help="a directory of .txt documents (default: the shared corpus)")
    ap.add_argument("--rounds", type=int, default=3, help="runs per document; the best counts (default 3)")
    args = ap.parse_args()
    paths = sorted(Path(args.docs).glob("*.txt"))
    if not paths:
        print(f"stage_cpu: no .txt documents in {args.docs}", file=sys.stderr)
        return 1
    nlp = default_pipeline()
    nlp(load_document(str(paths[0])))  # models and lexicons loaded before timing
    totals = dict.fromkeys(nlp.names, 0.0)
    for path in paths:
        best = dict.fromkeys(nlp.names, float("inf"))
        for _ in range(args.rounds):
            doc = load_document(str(path))
            for stage in nlp.stages:
                started = time.process_time()
                stage.run(doc)
                best[stage.name] = min(best[stage.name], time.process_time() - started)
        for name, seconds in best.items():
            totals[name] += seconds
    whole = sum(totals.values())
    print(f"{len(paths)} documents, {whole:.2f} s CPU for the whole pipeline (best of {args.rounds} per stage)")
    for name, seconds in totals.items():
        print(f"  {name:<16} {seconds:8.3f} s  {100 * seconds / whole:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
