#!/usr/bin/env python3
"""Throughput of the entity recognizer stage: ``--ner rules``, ``hanlp`` and ``ensemble`` on the same text.

Documents are normalized and split once; then each mode's recognizer runs over all of
them (best of --repeat runs).  Model loading is timed apart from recognition.

    .venv/bin/python benchmarks/ner_speed.py [DIR_OR_FILE...] [--repeat 3]
"""
from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.ner import entity_recognizer  # noqa: E402
from kg.pipeline import text_pipeline  # noqa: E402
from kg.reader import find_documents, load_document  # noqa: E402

MODES = ("rules", "hanlp", "ensemble")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", default=[str(ROOT / "seeds")])
    ap.add_argument("--hanlp-model", help="default: the shipped model")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    nlp = text_pipeline()
    docs = [nlp(load_document(p)) for p in find_documents(args.inputs)]
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} documents, {chars} characters")
    rates = {}
    for mode in MODES:
        t = time.perf_counter()
        recognize = entity_recognizer(mode, args.hanlp_model)
        loading = time.perf_counter() - t
        best = float("inf")
        for _ in range(args.repeat):
            batch = [copy.deepcopy(d) for d in docs]
            t = time.perf_counter()
            for doc in batch:
                recognize(doc)
            best = min(best, time.perf_counter() - t)
        rates[mode] = chars / best
        print(f"{mode:9s} {rates[mode]:10,.0f} chars/s  ({best:.2f} s; loading {loading:.2f} s)"
              f"  x{rates[mode] / rates['rules']:.2f} of rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
