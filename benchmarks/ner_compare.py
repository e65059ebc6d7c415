#!/usr/bin/env python3
"""Leave-one-document-out entity F1 of ``--ner rules``, ``hanlp`` and ``ensemble``.

For each gold document, kg's HanLP model is trained (the settings of ``kg train-ner``)
on the other gold documents plus the silver documents, then the held-out document is
extracted in each mode and scored with shared/eval/score.py (entities only).  Model
selection uses a tenth of the silver documents, never the held-out document.

    .venv/bin/python benchmarks/ner_compare.py --epochs 6 [--work DIR] [--markdown FILE]
"""
from __future__ import annotations

import argparse
import contextlib
import copy
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.gold import document_to_gold  # noqa: E402
from kg.ner.recognizers import entity_recognizer  # noqa: E402
from kg.training import bioes_samples, gold_documents, silver_documents, split, train_model  # noqa: E402

SHARED = ROOT.parent / "shared"
MODES = ("rules", "hanlp", "ensemble")
TYPES = ("Person", "GovOrg", "Enterprise", "Park", "Project", "Place", "Organization")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(SHARED / "dev" / "gold"))
    ap.add_argument("--docs", default=str(ROOT / "seeds"))
    ap.add_argument("--silver", default=str(SHARED / "corpus" / "docs"), help="'' for gold only")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--markdown", metavar="FILE", help="also write the table as Markdown")
    ap.add_argument("--work", metavar="DIR", help="keep the fold models here; models already there are reused "
                                                  "(to re-score after the rules changed, without retraining)")
    args = ap.parse_args()

    started = time.monotonic()
    gold = gold_documents([args.gold], [args.docs])
    silver = silver_documents([args.silver]) if args.silver else []
    for d in gold + silver:
        d.samples = bioes_samples(d.doc, d.mentions)
    _, selection = split(silver, 0.1, args.seed)
    silver_train = [d for d in silver if all(d is not s for s in selection)]
    print(f"{len(gold)} gold, {len(silver)} silver documents; labelled in {time.monotonic() - started:.0f} s",
          file=sys.stderr)

    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="kg-ner-compare-"))
    train_seconds = []
    for held_out in gold:
        train = [d for d in gold if d is not held_out] + silver_train
        model_dir = work / f"model-{held_out.doc.stem}"
        t = time.monotonic()
        if not (model_dir / "model.pt").exists():
            with contextlib.redirect_stdout(io.StringIO()):
                train_model([s for d in train for s in d.samples], [s for d in selection for s in d.samples],
                            model_dir, args.epochs, args.seed)
        train_seconds.append(time.monotonic() - t)
        for mode in MODES:
            doc = copy.deepcopy(held_out.doc)
            entity_recognizer(mode, str(model_dir))(doc)
            out = work / mode
            out.mkdir(exist_ok=True)
            (out / f"{doc.stem}.json").write_text(json.dumps(document_to_gold(doc), ensure_ascii=False))
        print(f"fold {held_out.doc.stem}: trained in {train_seconds[-1]:.0f} s", file=sys.stderr)

    scores = {mode: json.loads(subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), args.gold, str(work / mode), "--json"],
        capture_output=True, text=True, check=True).stdout) for mode in MODES}
    rows = ["| type | " + " | ".join(MODES) + " |", "|---|" + "---|" * len(MODES)]
    for key in ("ENTITIES",) + TYPES:
        cells = []
        for mode in MODES:
            s = scores[mode][f"entity:{key}"]
            cells.append(f"{s['f1']:.3f} (P {s['p']:.2f} R {s['r']:.2f})")
        rows.append(f"| {'all entities' if key == 'ENTITIES' else key} | " + " | ".join(cells) + " |")
    table = "\n".join(rows)
    best = max(MODES, key=lambda m: scores[m]["entity:ENTITIES"]["f1"])
    summary = (f"{len(gold)} folds, {args.epochs} epochs, seed {args.seed}, {len(silver_train)} silver documents "
               f"for training; training {sum(train_seconds) / len(train_seconds):.0f} s per fold; best: {best}")
    print(table)
    print(summary)
    if args.markdown:
        Path(args.markdown).write_text(table + "\n\n" + summary + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
