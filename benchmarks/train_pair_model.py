#!/usr/bin/env python3
"""Train the relation pair classifier (kg/relations/pair_model.py) on gold folds; run by hand.

The documents go through the default pipeline without the pair stage (the recognizer's mentions and
the patterns' relations, as the stage sees them at run time); every candidate pair the patterns did
not state is an example, positive when the gold file states it.  With --validate, the model trained
on --train is scored, rules alone and rules plus model at each threshold of a grid, per relation
over the validation folds together (aggregate figures only); each relation's threshold is the one of
its best F1 among those whose added pairs are at least half right (else 1.0: the model adds none).
The shipped model is then trained on --train and the validation folds with those thresholds:

    .venv/bin/python benchmarks/train_crf.py --docs ../shared/corpus/docs --folds A B C D E --out /tmp/crf_AE
    .venv/bin/python benchmarks/train_pair_model.py --docs ../shared/corpus/docs \\
        --train A B C D E --validate F G --project-crf /tmp/crf_AE/model.crfsuite --leave-one-out \\
        --out kg/models/pair_model/weights.tsv --validation-out /tmp/pair_AE.tsv

--project-crf: the entities come from a project CRF trained on --train only (the shipped one has seen
the validation folds, whose Project names it then finds better than on unseen text).  --leave-one-out
also scores each --train fold with the model trained on the seeds and the other --train folds, at the
chosen thresholds (aggregate over the folds held out).  Without --validate it trains on --train with
--threshold and writes the model.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.errors import KgError  # noqa: E402
from kg.evaluate import match_key, score_documents  # noqa: E402
from kg.gold import document_to_gold  # noqa: E402
from kg.model import Document  # noqa: E402
from kg.ner.project_crf import stacked_projects  # noqa: E402
from kg.ner.recognizers import recognize_with, rule_components  # noqa: E402
from kg.pipeline import ENTITIES, PAIR_STAGE, Pipeline, default_pipeline  # noqa: E402
from kg.reader import load_document  # noqa: E402
from kg.relations.pair_model import PAIR_TYPES, PairModel, PairView, scored_pairs, train  # noqa: E402

EPOCHS, RATE, L2, POSITIVE_WEIGHT = 30, 0.1, 1e-3, 5.0
GRID = [round(0.05 * i, 2) for i in range(1, 20)]
MOSTLY_RIGHT = 0.5
RELATIONS = ("located_in", "owns_project", "part_of", "member_of", "alias_of", "holds_post", "RELATIONS")


def _pipeline(project_crf: str | None) -> Pipeline:
    """The default pipeline without the pair stage; its entities from the project CRF ``project_crf`` when given."""
    stages = [s for s in default_pipeline().stages if s.name != PAIR_STAGE]
    if project_crf:
        stages = [dataclasses.replace(s, run=recognize_with(rule_components(), [stacked_projects(project_crf)]))
                  if s.name == ENTITIES else s for s in stages]
    return Pipeline(stages)


def _documents(folds: list[str], docs_dir: str, nlp: Pipeline) -> list[tuple[Document, dict]]:
    """(document through the pipeline, gold) for the seeds (fold ``seeds``) or a corpus fold."""
    out = []
    for fold in folds:
        gold_dir, text_dir = ((ROOT / "tests/gold", ROOT / "seeds") if fold == "seeds"
                              else (ROOT / "tests/gold/corpus" / fold, Path(docs_dir)))
        for path in sorted(gold_dir.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            text = text_dir / gold["doc"]
            if not text.is_file():
                raise KgError(f"{path}: its document {gold['doc']} is not in {text_dir}")
            out.append((nlp(load_document(str(text))), gold))
    return out


def _examples(docs: list[tuple[Document, dict]]) -> list[tuple[list[str], bool]]:
    examples = []
    for doc, gold in docs:
        stated = {(match_key(r["head"]), r["relation"], match_key(r["tail"])) for r in gold.get("relations", [])
                  if r["relation"] in PAIR_TYPES}
        view = PairView(doc)
        for c in view.candidates():
            if not view.is_new(c):
                continue
            examples.append((view.features(c), (match_key(c.head.text), c.label, match_key(c.tail.text)) in stated))
    return examples


def _figures(docs: list[tuple[Document, dict]], models: list[PairModel | None]
             ) -> dict[str, tuple[float, float, float, int, int]]:
    """Per relation over ``docs``, each with its model of ``models`` (None: the rules alone): P, R, F1,
    true positives, system relations."""
    pairs = []
    for (doc, gold), model in zip(docs, models, strict=True):
        system = document_to_gold(doc)
        if model is not None:
            system["relations"] += [{"head": r.head.text, "relation": r.label, "tail": r.tail.text}
                                    for r in scored_pairs(doc, model)]
        pairs.append((gold, system))
    scores = score_documents(pairs)
    return {name: (s.precision, s.recall, s.f1, s.tp, s.sys) for name, s in
            ((n, scores[f"relation:{n}"]) for n in RELATIONS if f"relation:{n}" in scores)}


def _line(label: str, figures: dict[str, tuple[float, float, float, int, int]]) -> str:
    return f"{label:>10} " + " ".join(f"{n[:8]}={f[2]:.3f}({f[0]:.2f}/{f[1]:.2f})" for n, f in figures.items())


def _header(folds: list[str], examples: list[tuple[list[str], bool]], thresholds: dict[str, float]) -> str:
    return (f"kg relation pair classifier (kg/relations/pair_model.py), see MODEL_CARD.md\n"
            f"trained by benchmarks/train_pair_model.py on {' '.join(folds)}: {len(examples)} candidate pairs, "
            f"{sum(p for _, p in examples)} positive\n"
            f"logistic regression, SGD {EPOCHS} epochs, rate {RATE}/sqrt(1+epoch), L2 {L2}, positive weight "
            f"{POSITIVE_WEIGHT}; thresholds chosen on validation: "
            + ", ".join(f"{label} {t}" for label, t in sorted(thresholds.items())))


def _leave_one_out(by_fold: dict[str, list[tuple[Document, dict]]], folds: list[str],
                   thresholds: dict[str, float]) -> None:
    """Print the figures over ``folds``, each scored by the model trained on the seeds and the others."""
    held_out: list[tuple[Document, dict]] = []
    models: list[PairModel | None] = []
    for fold in folds:
        rest = [d for name, docs in by_fold.items() if name != fold for d in docs]
        model = train(_examples(rest), EPOCHS, RATE, L2, thresholds, POSITIVE_WEIGHT)
        held_out += by_fold[fold]
        models += [model] * len(by_fold[fold])
    print(_line("LOO rules", _figures(held_out, [None] * len(held_out))))
    print(_line("LOO model", _figures(held_out, models)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", required=True, help="the directory of the corpus folds' documents")
    ap.add_argument("--train", nargs="*", default=["A", "B", "C", "D", "E"],
                    help="corpus folds to train on, besides the seeds (default: A-E)")
    ap.add_argument("--validate", nargs="*", default=[], help="corpus folds to choose the threshold on")
    ap.add_argument("--threshold", type=float, default=0.5, help="the threshold of every relation, without --validate")
    ap.add_argument("--out", default=None, help="where to write the model (default: write none)")
    ap.add_argument("--validation-out", default=None,
                    help="where to write the model trained without the validation folds (to score them)")
    ap.add_argument("--project-crf", default=None,
                    help="the project CRF the entities come from (default: the shipped one); one trained on --train "
                         "only to score the validation folds honestly")
    ap.add_argument("--leave-one-out", action="store_true",
                    help="also score each --train fold with the model trained on the seeds and the other ones")
    args = ap.parse_args()
    started = time.process_time()
    nlp = _pipeline(args.project_crf)
    try:
        by_fold = {fold: _documents([fold], args.docs, nlp) for fold in ["seeds", *args.train]}
        validation = _documents(args.validate, args.docs, nlp)
    except KgError as e:
        print(f"train_pair_model: {e}", file=sys.stderr)
        return 1
    training = [d for docs in by_fold.values() for d in docs]
    examples = _examples(training)
    thresholds = {label: args.threshold for label in PAIR_TYPES}
    if validation:
        model = train(examples, EPOCHS, RATE, L2, positive_weight=POSITIVE_WEIGHT)
        rules = _figures(validation, [None] * len(validation))
        print(_line("rules", rules))
        thresholds = {label: 1.0 for label in PAIR_TYPES}
        best = {label: rules[label][2] for label in PAIR_TYPES}
        for t in GRID:
            model.thresholds = {label: t for label in PAIR_TYPES}
            figures = _figures(validation, [model] * len(validation))
            print(_line(f"t={t}", figures))
            for label in PAIR_TYPES:
                # the relations are independent: each its own threshold, the one of the best F1 among
                # those whose added pairs are mostly right (an owner split off a name becomes an entity
                # of the graph: a threshold that adds more wrong pairs than right ones is refused even
                # where its F1 is higher); 1.0 (the model adds nothing) when none beats the rules
                added, right = figures[label][4] - rules[label][4], figures[label][3] - rules[label][3]
                if figures[label][2] > best[label] and right >= MOSTLY_RIGHT * added:
                    best[label], thresholds[label] = figures[label][2], t
        print(f"chosen thresholds {thresholds}")
        if args.validation_out:
            model.thresholds = thresholds
            model.save(args.validation_out, _header(["seeds", *args.train], examples, thresholds)
                       + "\nthe model that chose the thresholds: validation folds not trained on")
        examples += _examples(validation)
    if args.leave_one_out:
        _leave_one_out(by_fold, args.train, thresholds)
    model = train(examples, EPOCHS, RATE, L2, thresholds, POSITIVE_WEIGHT)
    folds = ["seeds", *args.train, *args.validate]
    if args.out:
        model.save(args.out, _header(folds, examples, thresholds))
    print(f"{len(examples)} examples ({sum(p for _, p in examples)} positive), {len(model.weights)} features, "
          f"thresholds {thresholds}, {time.process_time() - started:.0f} s CPU"
          + (f" -> {args.out}" if args.out else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
