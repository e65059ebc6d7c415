"""Extraction time is linear in a document's size: chars/s on one-line documents of
0.25, 1, 4 and 16 MB against chars/s on normal news (the bundled seed articles).

    .venv/bin/python benchmarks/linear_time.py            # all four sizes (~5 min on 2 cores)
    .venv/bin/python benchmarks/linear_time.py --sizes 0.25 1

The big documents are the seeds' sentences one after another on a single line,
cycled until the size is reached.  Each sentence gets a running number in front
(（17）…), so that no sentence repeats word for word: kg marks repeated text as
OCR overlap and skips it, which would make a plain repetition look fast.  The
full pipeline runs (normalization, date, articles, sentences, entities,
relations), in this process, one document at a time.  A size passes when its
chars/s is at least a third of the seeds'.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.model import Document  # noqa: E402
from kg.pipeline import default_pipeline  # noqa: E402
from kg.reader import load_document  # noqa: E402
from kg.runner import SEEDS  # noqa: E402

MB = 1 << 20
#: A big document may be at most this many times slower per character than normal news.
MAX_SLOWDOWN = 3.0
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")


def seed_sentences() -> list[str]:
    return [m.group().strip() for path in sorted(SEEDS.glob("*.txt"))
            for m in _SENTENCE.finditer(path.read_text(encoding="utf-8")) if m.group().strip()]


def one_line_document(size_bytes: int, sentences: list[str]) -> str:
    """Numbered seed sentences on one line, ``size_bytes`` of UTF-8 or just over."""
    parts, total, i = [], 0, 0
    while total < size_bytes:
        part = f"（{i + 1}）{sentences[i % len(sentences)]}"
        parts.append(part)
        total += len(part.encode("utf-8"))
        i += 1
    return "".join(parts)


def chars_per_second(nlp, docs: list[Document]) -> tuple[int, float]:
    chars, started = 0, time.perf_counter()
    for doc in docs:
        nlp(doc)
        chars += len(doc.text)
    return chars, chars / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", type=float, default=[0.25, 1, 4, 16], metavar="MB")
    args = parser.parse_args(argv)
    nlp = default_pipeline()
    sentences = seed_sentences()
    # Loads lexicons and models once.  Not on the seeds themselves: some stages cache their
    # results per text, which would make the seeds' second run look faster than it is.
    warm_up = one_line_document(50_000, sentences)
    chars_per_second(nlp, [Document(path="warm.txt", name="warm.txt", sha256="", encoding="utf-8", raw_text=warm_up)])
    chars, normal = chars_per_second(nlp, [load_document(p) for p in sorted(SEEDS.glob("*.txt"))])
    print(f"{'document':<28}{'chars':>12}{'chars/s':>12}{'vs news':>9}  holds (>= 1/{MAX_SLOWDOWN:g})")
    print(f"{'normal news: the 5 seeds':<28}{chars:>12,}{normal:>12,.0f}{1:>9.2f}")
    holds = True
    for size in args.sizes:
        text = one_line_document(int(size * MB), sentences)
        doc = Document(path=f"{size:g}MB.txt", name=f"{size:g}MB.txt", sha256="", encoding="utf-8", raw_text=text)
        chars, speed = chars_per_second(nlp, [doc])
        ratio = speed / normal
        holds &= ratio >= 1 / MAX_SLOWDOWN
        print(f"{f'one line of {size:g} MB':<28}{chars:>12,}{speed:>12,.0f}{ratio:>9.2f}  "
              f"{'yes' if ratio >= 1 / MAX_SLOWDOWN else 'NO'}")
    return 0 if holds else 1


if __name__ == "__main__":
    sys.exit(main())
