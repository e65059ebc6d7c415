#!/usr/bin/env python3
"""Throughput of the entity recognizer stage: ``--ner rules``, ``hanlp`` and ``ensemble`` on the same text.

``grammar`` is ``rules`` without the stacked project CRF, to show what the model costs.
Each mode runs in a fresh process (``--rounds N``: N fresh processes each, the least CPU kept), because rule components cache what they load and
a second pass over the same text would flatter them.  Documents are normalized and
split first; recognition is timed on its own, model loading apart.  The whole
extraction (text stages, entities, relations, facts in time; no reading or writing)
is also compared with jieba.posseg on the same texts, the yardstick of README's
speed targets: a default recognizer must keep extraction at least 2x jieba.posseg.
All times are CPU seconds of the measuring process (time.process_time), which other
jobs on a shared machine do not inflate as they do the wall clock.

    .venv/bin/python benchmarks/ner_speed.py [DIR_OR_FILE...] [--hanlp-model DIR] [--modes rules grammar] [--rounds 3]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.model import Document  # noqa: E402
from kg.ner.recognizers import entity_recognizer  # noqa: E402
from kg.pipeline import text_pipeline  # noqa: E402
from kg.reader import find_documents, load_document  # noqa: E402

MODES = ("rules", "grammar", "hanlp", "ensemble")
WARMUP = "区长林志航在临江高新区考察了宁川农机制造有限公司新建的智能化车间项目。"


def measure(mode: str, inputs: list[str], hanlp_model: str | None) -> dict:
    from kg.ner.projects import subject_project_start
    from kg.relations import extract_relations
    from kg.relations.time_facts import extract_facts_in_time

    nlp = text_pipeline()
    loaded = [load_document(p) for p in find_documents(inputs)]
    t = time.process_time()
    docs = [nlp(d) for d in loaded]
    text_seconds = time.process_time() - t
    t = time.process_time()
    recognize = entity_recognizer(mode, hanlp_model)
    # components load their lexicons on first use: warm up on a text of no document
    warmup = nlp(Document(path="", name="warmup.txt", sha256="", encoding="utf-8", raw_text=WARMUP))
    recognize(warmup)
    extract_relations(warmup)
    extract_facts_in_time(warmup, subject_project_start)
    loading = time.process_time() - t
    t = time.process_time()
    for doc in docs:
        recognize(doc)
    seconds = time.process_time() - t
    t = time.process_time()
    for doc in docs:
        extract_relations(doc)
        extract_facts_in_time(doc, subject_project_start)
    # extraction as `kg extract` does it, reading and writing apart: text stages, entities, relations, facts
    extraction = text_seconds + seconds + time.process_time() - t
    return {"docs": len(docs), "chars": sum(len(d.text) for d in docs), "seconds": seconds, "loading": loading,
            "extraction_seconds": extraction}


def jieba_seconds(inputs: list[str]) -> float:
    """jieba.posseg over the same texts: the yardstick of README's speed targets (benchmarks/run.py)."""
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [load_document(p).raw_text for p in find_documents(inputs)]
    t = time.process_time()
    for text in texts:
        for _ in pseg.cut(text):
            pass
    return time.process_time() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", default=[str(ROOT / "seeds")])
    ap.add_argument("--hanlp-model", help="default: the shipped model")
    ap.add_argument("--only", choices=(*MODES, "jieba"), help=argparse.SUPPRESS)  # one mode, in this process
    ap.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES), help="default: all")
    ap.add_argument("--rounds", type=int, default=1, help="fresh processes per mode and for jieba; the least CPU is kept")
    args = ap.parse_args()
    if args.only == "jieba":
        print(json.dumps({"seconds": jieba_seconds(args.inputs)}))
        return 0
    if args.only:
        print(json.dumps(measure(args.only, args.inputs, args.hanlp_model)))
        return 0
    jieba = min(json.loads(subprocess.run([sys.executable, __file__, *args.inputs, "--only", "jieba"],
                                          capture_output=True, text=True, check=True).stdout)["seconds"]
                for _ in range(args.rounds))
    rates = {}
    for mode in args.modes:
        command = [sys.executable, __file__, *args.inputs, "--only", mode]
        if args.hanlp_model:
            command += ["--hanlp-model", args.hanlp_model]
        r = min((json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
                 for _ in range(args.rounds)), key=lambda run: run["extraction_seconds"])
        rates[mode] = r["chars"] / r["seconds"]
        if mode == args.modes[0]:
            print(f"{r['docs']} documents, {r['chars']} characters; jieba.posseg {jieba:.2f} CPU s, "
                  f"{r['chars'] / jieba:,.0f} chars/s")
        print(f"{mode:12s} {rates[mode]:9,.0f} chars/s  ({r['seconds']:.2f} s; loading {r['loading']:.2f} s)"
              f"  x{rates[mode] / rates[args.modes[0]]:.2f} of {args.modes[0]}; whole extraction "
              f"{r['extraction_seconds']:.2f} s, x{jieba / r['extraction_seconds']:.2f} of jieba.posseg")
    return 0


if __name__ == "__main__":
    sys.exit(main())
