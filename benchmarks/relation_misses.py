#!/usr/bin/env python3
"""Why relations are missed, in counts only: a fold's errors by reason, without its strings.

For each relation label (located_in and part_of unless ``--labels`` says otherwise) it prints
precision and recall and sorts every gold fact the system missed by the first reason that holds:

- ``head_missing`` / ``tail_missing`` / ``both_missing``: the system names no entity with that
  text, so no relation pattern could reach the fact (entity recall, not the patterns);
- ``tail_in_head_name``: the tail is written inside the head (the place opening a park's name);
- ``same_sentence`` / ``same_line``: both ends are found and written in one sentence, or one
  line (paragraph), with no relation between them;
- ``farther``: both ends are found but never written in one line.

Spurious facts are split by whether both their ends are gold entities of the document (a wrong
pairing) or not (an end the gold does not hold).  No entity or sentence is printed: the figures
can be read on a fold nobody may look into (the sealed folds) as on any other.

    .venv/bin/python -m kg extract DOCS_DIR --json-dir SYSTEM_DIR -q
    .venv/bin/python benchmarks/relation_misses.py GOLD_DIR SYSTEM_DIR DOCS_DIR [--labels located_in part_of]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.evaluate import Score, match_key, relation_keys  # noqa: E402
from kg.reader import decode  # noqa: E402

#: Where a sentence of a line ends.
SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")
REASONS = ("head_missing", "tail_missing", "both_missing", "tail_in_head_name", "same_sentence", "same_line",
           "farther")


def _entity_keys(doc: dict) -> set[str]:
    return {match_key(e["text"]) for e in doc.get("entities", []) if e.get("text")}


def _facts(doc: dict, label: str) -> set[tuple[str, str]]:
    """(head, tail) of ``doc``'s relations ``label``, as the scorer compares them (``relation_keys``)."""
    return {(head, tail) for head, relation, tail in relation_keys(doc) if relation == label}


def miss_reason(head: str, tail: str, entities: set[str], sentences: list[str], lines: list[str]) -> str:
    """The first reason of REASONS that holds for a missed fact (head, tail), texts compacted."""
    if head not in entities and tail not in entities:
        return "both_missing"
    if head not in entities:
        return "head_missing"
    if tail not in entities:
        return "tail_missing"
    if tail in head:
        return "tail_in_head_name"
    if any(head in s and tail in s for s in sentences):
        return "same_sentence"
    if any(head in s and tail in s for s in lines):
        return "same_line"
    return "farther"


def relation_misses(gold_dir: Path, system_dir: Path, docs_dir: Path, labels: list[str]) -> dict[str, Counter]:
    """label -> counts of found, gold, system, each miss reason and each kind of spurious fact."""
    counts = {label: Counter() for label in labels}
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        system_path = system_dir / gold_path.name
        system = json.loads(system_path.read_text(encoding="utf-8")) if system_path.exists() \
            else {"entities": [], "relations": []}
        text, _ = decode((docs_dir / gold["doc"]).read_bytes(), gold["doc"])
        raw_lines = text.splitlines()
        lines = [match_key(line) for line in raw_lines]
        sentences = [match_key(s) for line in raw_lines for s in SENTENCE_END.split(line)]
        entities, gold_entities = _entity_keys(system), _entity_keys(gold)
        for label in labels:
            gold_facts, system_facts = _facts(gold, label), _facts(system, label)
            c = counts[label]
            count_found(c, gold_facts, system_facts)
            for head, tail in gold_facts - system_facts:
                c[miss_reason(head, tail, entities, sentences, lines)] += 1
            for head, tail in system_facts - gold_facts:
                c["spurious_gold_ends" if {head, tail} <= gold_entities else "spurious_other_ends"] += 1
    return counts


def count_found(counts: Counter, gold: set, system: set) -> None:
    """Add to ``counts`` the gold and system items of one document and those both hold."""
    counts["gold"] += len(gold)
    counts["system"] += len(system)
    counts["found"] += len(gold & system)


def score_line(label: str, counts: Counter) -> str:
    """``label: P=… R=… F1=… (found=… system=… gold=…)`` of ``counts`` (see ``count_found``)."""
    score = Score(counts["found"], counts["system"], counts["gold"])
    return f"{label}: {score} (found={counts['found']} system={counts['system']} gold={counts['gold']})"


def format_misses(counts: dict[str, Counter]) -> str:
    out = []
    for label, c in counts.items():
        out.append(score_line(label, c))
        out.append("  missed: " + ", ".join(f"{reason}={c[reason]}" for reason in REASONS))
        out.append(f"  spurious: between gold entities={c['spurious_gold_ends']}, "
                   f"with an end the gold lacks={c['spurious_other_ends']}")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("system_dir", type=Path)
    parser.add_argument("docs_dir", type=Path)
    parser.add_argument("--labels", nargs="+", default=["located_in", "part_of"])
    args = parser.parse_args()
    print(format_misses(relation_misses(args.gold_dir, args.system_dir, args.docs_dir, args.labels)))


if __name__ == "__main__":
    main()
