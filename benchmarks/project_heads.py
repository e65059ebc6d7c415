#!/usr/bin/env python3
"""Learn kg/data/name_head_types.tsv: for each head of a name (its last two characters), how
often the corpus gold makes a name with that head a Project, Park, Organization, Enterprise,
GovOrg or Place, and how often the head ends no gold name at all in the texts.

Read from the tuning folds only (A to E of tests/gold/corpus; fold F and any later fold stay
untouched).  A name's head is taken after a trailing phase or bracketed note (某某中心二期,
某某园(一期)); ``none`` counts the places in the texts where the head is written but no gold
name of the document ends there.  kg.ner.projects reads the table to type an item of a list
the text calls projects (甲、乙等项目) when its words are common ones: the head decides
(某某创新中心 yes, 数字经济 no).

    .venv/bin/python benchmarks/project_heads.py --docs ../shared/corpus/docs > kg/data/name_head_types.tsv
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.normalize import normalize_text  # noqa: E402

TUNING_FOLDS = ("A", "B", "C", "D", "E")
TYPES = ("Project", "Park", "Organization", "Enterprise", "GovOrg", "Place")
#: A phase or bracketed note after a name's head (某某中心二期, 某某园(一期)).
TRAILER = re.compile(r"(?:[（(][^（）()]*[）)]|[0-9一二三四五六七八九十]+期)+$")
HEAD = re.compile(r"[\u4e00-\u9fff]{2}$")
#: Heads seen fewer times than this over all types are left out (too rare to say anything).
MIN_COUNT = 2


def head_of(name: str) -> str:
    """The last two characters of ``name`` after a trailing phase or note, "" if not Chinese."""
    m = HEAD.search(TRAILER.sub("", name))
    return m.group() if m else ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", required=True, help="the directory of the gold files' documents")
    ap.add_argument("--gold", default=str(ROOT / "tests/gold/corpus"), help="the corpus gold (folds A..E are read)")
    args = ap.parse_args()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    texts: list[tuple[str, set[int]]] = []  # each text and where its gold names end
    for fold in TUNING_FOLDS:
        for path in sorted(Path(args.gold, fold).glob("*.json")):
            gold = json.loads(path.read_text("utf-8"))
            text = normalize_text((Path(args.docs) / gold["doc"]).read_text("utf-8"))
            ends: set[int] = set()
            for entity in gold["entities"]:
                name = entity["text"]
                head = head_of(name)
                if head and entity["type"] in TYPES:
                    counts[head][entity["type"]] += 1
                ends.update(m.end() for m in re.finditer(re.escape(name), text))
                trimmed = TRAILER.sub("", name)
                if trimmed:
                    ends.update(m.end() for m in re.finditer(re.escape(trimmed), text))
            texts.append((text, ends))
    for head, row in counts.items():
        row["none"] = sum(1 for text, ends in texts for m in re.finditer(head, text) if m.end() not in ends)
    print("# Heads of names (their last two characters, after a phase or bracketed note) and how often")
    print("# the corpus gold types a name with that head, learned from the tuning folds A-E of")
    print(f"# tests/gold/corpus ({len(texts)} documents; fold F and later folds are never read) by")
    print("# benchmarks/project_heads.py, which regenerates this file. none: the head written in those")
    print("# texts where no gold name ends. Heads seen fewer than", MIN_COUNT, "times as a name's head are left out.")
    print("# Columns: head, " + ", ".join(TYPES) + ", none")
    for head in sorted(counts, key=lambda h: (-sum(counts[h][t] for t in TYPES), h)):
        if sum(counts[head][t] for t in TYPES) >= MIN_COUNT:
            print("\t".join([head, *(str(counts[head][t]) for t in TYPES), str(counts[head]["none"])]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
