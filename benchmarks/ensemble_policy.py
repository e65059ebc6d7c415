#!/usr/bin/env python3
"""Entity F1 per type of each ensemble policy (rules, model, union, fill), to choose
kg/data/ensemble_policy.tsv.

Each ``--fold MODEL_DIR GOLD_DIR`` pair scores a model on a gold fold it was not
trained on (benchmarks/train_model.py --leave-out trains them); the counts of all pairs
are added.  The rule and model candidates of each document are computed once and
every policy is applied to them (kg.ner.ensemble.choose), scored with kg.evaluate.

    .venv/bin/python benchmarks/ensemble_policy.py --docs ../shared/corpus/docs \\
        --fold /tmp/model-F tests/gold/corpus/F
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.evaluate import Score, score_documents  # noqa: E402
from kg.gold import document_to_gold  # noqa: E402
from kg.model import ENTITY_TYPES  # noqa: E402
from kg.ner.recognizers import rule_components  # noqa: E402
from kg.ner.ensemble import POLICIES, choose  # noqa: E402
from kg.ner.hanlp_ner import hanlp_component  # noqa: E402
from kg.pipeline import text_pipeline  # noqa: E402
from kg.reader import load_document  # noqa: E402

#: A policy other than the rules must beat them by this much F1 to be chosen.
MARGIN = 0.005
#: On a tie, the policy that adds fewer model mentions wins.
PREFERENCE = ("rules", "fill", "union", "model")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fold", nargs=2, action="append", required=True, metavar=("MODEL_DIR", "GOLD_DIR"))
    ap.add_argument("--docs", required=True, help="the directory of the gold files' documents")
    args = ap.parse_args()

    prepare, rules = text_pipeline(), rule_components()
    cases = []  # (gold, document, rule candidates, model candidates)
    for model_dir, gold_dir in args.fold:
        model = hanlp_component(model_dir)
        for gold_path in sorted(Path(gold_dir).glob("*.json")):
            gold = json.loads(gold_path.read_text("utf-8"))
            doc = prepare(load_document(Path(args.docs) / gold["doc"]))
            cases.append((gold, doc, [m for component in rules for m in component(doc)], model(doc)))

    def scores(policy: dict[str, str]) -> dict[str, Score]:
        totals: dict[str, Score] = defaultdict(Score)
        for gold, doc, rule_mentions, model_mentions in cases:
            doc.mentions = choose(doc, rule_mentions, model_mentions, policy)
            for key, s in score_documents([(gold, document_to_gold(doc))]).items():
                if key.startswith("entity:"):
                    t = totals[key[7:]]
                    t.tp, t.sys, t.gold = t.tp + s.tp, t.sys + s.sys, t.gold + s.gold
        return totals

    uniform = {p: scores(dict.fromkeys(ENTITY_TYPES, p)) for p in POLICIES}
    chosen = {t: max(PREFERENCE, key=lambda p: (uniform[p][t].f1 - (MARGIN if p != "rules" else 0),
                                                -PREFERENCE.index(p))) for t in ENTITY_TYPES}
    columns = {**uniform, "chosen": scores(chosen)}
    print(f"{'type':<14}" + "".join(f"{c:>22}" for c in columns) + "   policy")
    for kg_type in (*ENTITY_TYPES, "ENTITIES"):
        print(f"{kg_type:<14}" + "".join(f"{c[kg_type].f1:>8.3f} (P{c[kg_type].precision:.2f} "
                                         f"R{c[kg_type].recall:.2f})" for c in columns.values())
              + f"   {chosen.get(kg_type, '')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
