#!/usr/bin/env python3
"""Reproduce the training of kg's shipped NER model (kg/models/ner/MODEL_CARD.md).

Gold: the seed articles (tests/gold, texts in seeds/) and corpus folds A to F
(tests/gold/corpus/A ... F).  Silver: the rule recognizer on the 44 corpus documents
of fold I (tests/gold/corpus/I), which were annotated for facts in time only when the
shipped model was trained; their entity gold (added later) is never read here, so that
fold I stays a test fold.  Folds G and H are never read.

    nice -n 10 .venv/bin/python benchmarks/train_model.py --corpus ../shared/corpus/docs
        # -> kg/models/ner
    nice -n 10 .venv/bin/python benchmarks/train_model.py --corpus ../shared/corpus/docs --leave-out F --out /tmp/model-F
        # a model for choosing the ensemble policy: fold F left out as gold and as silver
        # (score it on F with benchmarks/ensemble_policy.py)

Training never runs in CI: it takes minutes of CPU and needs the corpus texts.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.cli import main as kg  # noqa: E402

GOLD = ROOT / "tests" / "gold"
FOLDS = ("A", "B", "C", "D", "E", "F")
SILVER_NAMES = GOLD / "corpus" / "I"  # texts only: the rules label them


def command(corpus: str, silver_dir: str, out: str, epochs: int, seed: int, left_out: str | None) -> list[str]:
    """The ``kg train-ner`` arguments: every corpus fold as gold but ``left_out``, which is excluded."""
    args = ["train-ner", "--gold", str(GOLD), "--docs", str(ROOT / "seeds"), "--docs", corpus,
            "--silver", silver_dir]
    for f in FOLDS:
        args += ["--exclude" if f == left_out else "--gold", str(GOLD / "corpus" / f)]
    return args + ["--out", out, "--epochs", str(epochs), "--seed", str(seed)]


def link_silver(corpus: Path, into: Path) -> None:
    """Links in ``into`` to the corpus texts that fold I names: the silver documents."""
    for gold in sorted(SILVER_NAMES.glob("*.json")):
        text = corpus / f"{gold.stem}.txt"
        if not text.is_file():
            raise SystemExit(f"train_model: {text} is missing (--corpus must be ../shared/corpus/docs)")
        (into / text.name).symlink_to(text.resolve())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True, help="the directory of the corpus texts (c0001.txt ...)")
    ap.add_argument("--leave-out", choices=FOLDS, help="leave this fold out, as gold and as silver")
    ap.add_argument("--out", default=str(ROOT / "kg" / "models" / "ner"))
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-silver-") as silver:
        link_silver(Path(args.corpus), Path(silver))
        argv = command(args.corpus, silver, args.out, args.epochs, args.seed, args.leave_out)
        print("kg " + " ".join(argv), file=sys.stderr)
        return kg(argv)


if __name__ == "__main__":
    sys.exit(main())
