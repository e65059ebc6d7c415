#!/usr/bin/env python3
"""Throughput of the entity recognizer stage: ``--ner rules``, ``hanlp`` and ``ensemble`` on the same text.

Each mode runs in a fresh process, because rule components cache work per text and
a second pass over the same text would flatter them.  Documents are normalized and
split first; only recognition is timed, model loading apart.

    .venv/bin/python benchmarks/ner_speed.py [DIR_OR_FILE...] [--hanlp-model DIR]
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
from kg.ner import entity_recognizer  # noqa: E402
from kg.pipeline import text_pipeline  # noqa: E402
from kg.reader import find_documents, load_document  # noqa: E402

MODES = ("rules", "hanlp", "ensemble")
WARMUP = "区长林志航在临江高新区考察了宁川农机制造有限公司新建的智能化车间项目。"


def measure(mode: str, inputs: list[str], hanlp_model: str | None) -> dict:
    nlp = text_pipeline()
    docs = [nlp(load_document(p)) for p in find_documents(inputs)]
    t = time.perf_counter()
    recognize = entity_recognizer(mode, hanlp_model)
    # components load their lexicons on first use: warm up on a text of no document
    recognize(nlp(Document(path="", name="warmup.txt", sha256="", encoding="utf-8", raw_text=WARMUP)))
    loading = time.perf_counter() - t
    t = time.perf_counter()
    for doc in docs:
        recognize(doc)
    seconds = time.perf_counter() - t
    return {"docs": len(docs), "chars": sum(len(d.text) for d in docs), "seconds": seconds, "loading": loading}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", default=[str(ROOT / "seeds")])
    ap.add_argument("--hanlp-model", help="default: the shipped model")
    ap.add_argument("--only", choices=MODES, help=argparse.SUPPRESS)  # one mode, in this process
    args = ap.parse_args()
    if args.only:
        print(json.dumps(measure(args.only, args.inputs, args.hanlp_model)))
        return 0
    rates = {}
    for mode in MODES:
        command = [sys.executable, __file__, *args.inputs, "--only", mode]
        if args.hanlp_model:
            command += ["--hanlp-model", args.hanlp_model]
        r = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        rates[mode] = r["chars"] / r["seconds"]
        if mode == MODES[0]:
            print(f"{r['docs']} documents, {r['chars']} characters")
        print(f"{mode:9s} {rates[mode]:9,.0f} chars/s  ({r['seconds']:.2f} s; loading {r['loading']:.2f} s)"
              f"  x{rates[mode] / rates['rules']:.2f} of rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
