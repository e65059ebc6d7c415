#!/usr/bin/env python3
"""Reproduce the training of kg's shipped NER model (kg/models/ner/MODEL_CARD.md).

Gold: the seed articles (tests/gold, texts in seeds/) and corpus folds A and B
(tests/gold/corpus/A, B).  Silver: the rule recognizer on the other corpus documents.
Fold C (tests/gold/corpus/C) is left out entirely, as gold and as silver: it is the
untouched test fold.

    nice -n 10 .venv/bin/python benchmarks/train_model.py --corpus ../shared/corpus/docs
        # -> kg/models/ner
    nice -n 10 .venv/bin/python benchmarks/train_model.py --corpus ../shared/corpus/docs --fold A --out /tmp/model-A
        # a model for choosing the ensemble policy: gold = seeds + fold A, fold B left out too
        # (score it on fold B with benchmarks/ensemble_policy.py)

Training never runs in CI: it takes minutes of CPU and needs the corpus texts.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.cli import main as kg  # noqa: E402

GOLD = ROOT / "tests" / "gold"
FOLDS = ("A", "B")
UNTOUCHED = GOLD / "corpus" / "C"


def command(corpus: str, out: str, epochs: int, seed: int, fold: str | None) -> list[str]:
    """The ``kg train-ner`` arguments: every tuning fold as gold, or only ``fold`` (the other left out)."""
    args = ["train-ner", "--gold", str(GOLD), "--docs", str(ROOT / "seeds"), "--docs", corpus, "--silver", corpus,
            "--exclude", str(UNTOUCHED)]
    for f in FOLDS:
        args += ["--gold" if fold in (None, f) else "--exclude", str(GOLD / "corpus" / f)]
    return args + ["--out", out, "--epochs", str(epochs), "--seed", str(seed)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True, help="the directory of the corpus texts (c0001.txt ...)")
    ap.add_argument("--fold", choices=FOLDS, help="train on the seeds and this tuning fold only")
    ap.add_argument("--out", default=str(ROOT / "kg" / "models" / "ner"))
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    argv = command(args.corpus, args.out, args.epochs, args.seed, args.fold)
    print("kg " + " ".join(argv), file=sys.stderr)
    return kg(argv)


if __name__ == "__main__":
    sys.exit(main())
