"""CPU time of writing and reading the stored document records (kg.document_json), and of
the resolution summary a build's worker makes beside each record (``Resolver.summary``):
the texts of N documents are extracted once, then every record is encoded and decoded
and every summary made ``--rounds`` times with the kg in this checkout.

    .venv/bin/python benchmarks/document_records.py                 # 250 documents, 3 rounds
    .venv/bin/python benchmarks/document_records.py --docs 100 --rounds 5

Run it on two commits to compare them: it times the current implementation only.  The
figures are ``time.process_time()`` seconds (CPU, not wall: a loaded machine slows the
wall clock, not this), the best round of each, and a checksum of the records' bytes so
that two commits can be seen to write the same records.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.document_json import document_from_json, document_to_json  # noqa: E402
from kg.pipeline import default_pipeline  # noqa: E402
from kg.reader import load_document  # noqa: E402
from kg.resolve import Resolver  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "docs"


def best_cpu_seconds(work, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"a folder of .txt news texts (default: {CORPUS})")
    parser.add_argument("--docs", type=int, default=250, help="how many of its texts, in name order (default 250)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of encoding and decoding; the best is kept (default 3)")
    args = parser.parse_args()
    paths = sorted(args.corpus.glob("*.txt"))[:args.docs]
    if not paths:
        sys.exit(f"benchmarks: no .txt texts in {args.corpus}")
    nlp = default_pipeline("rules")
    docs = [nlp(load_document(p)) for p in paths]
    records = [document_to_json(d) for d in docs]
    encode = best_cpu_seconds(lambda: [document_to_json(d) for d in docs], args.rounds)
    decode = best_cpu_seconds(lambda: [document_from_json(r) for r in records], args.rounds)
    resolver = Resolver(())
    summaries = json.dumps([resolver.summary(d) for d in docs], ensure_ascii=False).encode()
    summarize = best_cpu_seconds(lambda: [resolver.summary(d) for d in docs], args.rounds)
    assert all(document_from_json(r) == d for r, d in zip(records, docs))
    digest = hashlib.sha256(b"".join(records)).hexdigest()[:16]
    print(f"{len(docs)} documents, {sum(map(len, records)) / (1 << 20):.2f} MB of records (sha256 {digest}), "
          f"best of {args.rounds} rounds: encode {encode:.3f} s, decode {decode:.3f} s, "
          f"both {encode + decode:.3f} s of CPU")
    print(f"resolution summaries (sha256 {hashlib.sha256(summaries).hexdigest()[:16]}): {summarize:.3f} s of CPU")


if __name__ == "__main__":
    main()
