#!/usr/bin/env python3
"""Train the project CRF (kg/ner/project_crf.py) from gold annotations: the seeds and corpus folds.

Gold files list (text, type) pairs without offsets: every occurrence of a Project name is tagged,
longest first (kg.training reads the gold).  The features include the rule components' candidates,
so the rules run on every training document.  Training is deterministic (L-BFGS, no sampling).

    .venv/bin/python benchmarks/train_crf.py --docs ../shared/corpus/docs --folds A B C D E F G
    # the model that chose the combination policy: --folds A B C D E --out /tmp/crf_AE

It writes OUT/model.crfsuite and prints one line: documents, sentences, characters, seconds.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.errors import KgError  # noqa: E402
from kg.ner.project_crf import train, training_sequences  # noqa: E402
from kg.ner.recognizers import rule_components  # noqa: E402
from kg.training import gold_documents  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", required=True, help="the directory of the corpus folds' documents")
    ap.add_argument("--folds", nargs="*", default=["A", "B", "C", "D", "E", "F", "G"],
                    help="folds of tests/gold/corpus to train on, besides the seeds (default: A-G)")
    ap.add_argument("--out", default=str(ROOT / "kg/models/project_crf"), help="the model directory")
    args = ap.parse_args()
    started = time.perf_counter()
    gold_dirs = [str(ROOT / "tests/gold")] + [str(ROOT / "tests/gold/corpus" / fold) for fold in args.folds]
    try:
        annotated = gold_documents(gold_dirs, [str(ROOT / "seeds"), args.docs])
    except KgError as e:
        print(f"train_crf: {e}", file=sys.stderr)
        return 1
    components = rule_components()
    sequences = []
    for a in annotated:
        candidates = [m for component in components for m in component(a.doc)]
        projects = [(m.start, m.end) for m in a.mentions if m.type == "Project"]
        sequences += training_sequences(a.doc, candidates, projects)
    train(sequences, Path(args.out) / "model.crfsuite")
    chars = sum(len(tags) for _features, tags in sequences)
    print(f"{len(annotated)} documents, {len(sequences)} sentences, {chars} characters, "
          f"{time.perf_counter() - started:.0f} s -> {Path(args.out) / 'model.crfsuite'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
