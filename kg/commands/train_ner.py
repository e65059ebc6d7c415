"""``kg train-ner``: train kg's HanLP BiLSTM-CRF on gold (and silver) annotations, report held-out F1."""
from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
from typing import TYPE_CHECKING

from kg import atomic
from kg.errors import KgError, UsageError, require_hanlp

if TYPE_CHECKING:
    from kg.training import AnnotatedDocument


def _samples(documents: list[AnnotatedDocument]) -> list[dict]:
    return [s for d in documents for s in d.samples]


def _report(title: str, documents: list[AnnotatedDocument], model) -> str:
    from kg.training import predict_tags, span_scores  # imports hanlp and torch, the optional extra

    samples = _samples(documents)
    scores = span_scores([s["tag"] for s in samples], predict_tags(model, samples))
    lines = [f"{title} ({len(documents)} documents, exact character spans)",
             f"  {'type':<13}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}"]
    for kg_type, m in scores.items():
        lines.append(f"  {kg_type:<13}{m.prec:7.3f}{m.rec:7.3f}{m.fscore:7.3f}{m.tp + m.fn:7d}")
    return "\n".join(lines)


EPILOG = "example:\n  kg train-ner --gold ../shared/dev/gold --docs seeds --out models/ner"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", required=True, action="append", metavar="DIR", help="gold JSON directory (repeatable)")
    p.add_argument("--docs", required=True, action="append", metavar="DIR",
                   help="the documents of the gold files (repeatable)")
    p.add_argument("--silver", action="append", metavar="DIR",
                   help="unlabelled documents to label with the rule recognizer as extra training data (repeatable)")
    p.add_argument("--exclude", action="append", metavar="GOLD_DIR",
                   help="leave out the documents named by the gold files in this directory, as gold and as "
                        "silver: an untouched test fold (repeatable)")
    p.add_argument("-o", "--out", required=True, metavar="MODEL_DIR")
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--dev-ratio", type=float, default=0.1, help="held-out share for the per-type F1 report")


def run(args: argparse.Namespace) -> int:
    require_hanlp("kg train-ner")  # an optional extra: one line naming the install command, not an ImportError
    # kg.training imports hanlp and torch: here, so that `kg train-ner --help` works without the extra
    from kg.training import (bioes_samples, gold_document_names, gold_documents, silver_documents, split,
                             train_model)

    if args.epochs < 1:
        raise UsageError("--epochs must be at least 1")
    if not 0 <= args.dev_ratio < 1:
        raise UsageError("--dev-ratio must be in [0, 1)")
    excluded = gold_document_names(args.exclude or [])
    gold = gold_documents(args.gold, args.docs, skip=excluded)
    silver = silver_documents(args.silver, skip=excluded | {d.doc.name for d in gold}) if args.silver else []
    documents = gold + silver
    for d in documents:
        d.samples = bioes_samples(d.doc, d.mentions)
    train, held_out = split(documents, args.dev_ratio, args.seed)
    if not _samples(train):
        raise KgError("no training text: the gold files' documents are empty")
    started = time.monotonic()
    # HanLP draws its own progress bars on stdout: show them on a terminal, keep stdout for the report
    progress = sys.stderr if sys.stderr.isatty() else io.StringIO()
    with atomic.output_dir(args.out) as tmp, contextlib.redirect_stdout(progress):
        model = train_model(_samples(train), _samples(held_out), tmp, args.epochs, args.seed)
        seconds = time.monotonic() - started
        reports = [_report("held-out gold" if source == "gold" else "held-out silver (agreement with the rules)",
                           docs, model)
                   for source in ("gold", "silver") if (docs := [d for d in held_out if d.source == source])]
    print(f"trained on {len(train)} documents ({sum(len(s['token']) for s in _samples(train))} characters) "
          f"in {seconds:.0f} s; model in {args.out}")
    print("\n".join(reports))
    return 0
