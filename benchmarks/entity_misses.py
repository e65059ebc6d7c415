#!/usr/bin/env python3
"""Why entities are missed, in counts only: a fold's recall split by names nested in other names.

The gold annotates names nested in longer names (the company opening a project's name,
``某某电子5万吨某某材料项目`` -> 某某电子; the group opening a subsidiary's).  For each type asked
for (Enterprise and Project unless ``--types`` says otherwise) it prints precision and recall,
the recall of the gold names nested in another gold name of their document and of the others,
and files every missed nested name under what holds it:

- ``opens_<Type>``: it opens the name of a gold entity of that type (the first such holder), with
  ``_found`` / ``_missed`` saying whether the system names that holder;
- ``inside_<Type>``: it is written inside one, not at its start (after the place the name opens with).

No entity or sentence is printed: the figures can be read on a fold nobody may look into (the
sealed folds) as on any other.

    .venv/bin/python -m kg extract DOCS_DIR --json-dir SYSTEM_DIR -q
    .venv/bin/python benchmarks/entity_misses.py GOLD_DIR SYSTEM_DIR [--types Enterprise Project]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.evaluate import Score, entity_keys  # noqa: E402
from relation_misses import count_found, score_line  # noqa: E402


def holder(name: str, gold: set[tuple[str, str]]) -> tuple[str, str, str] | None:
    """(how, holder's name, holder's type) for the gold name that holds ``name`` (the one it opens
    first, longest first; else one it is inside, longest first), None when no gold name holds it."""
    holders = sorted(((n, t) for n, t in gold if n != name and name in n), key=lambda h: (-len(h[0]), h))
    opened = [h for h in holders if h[0].startswith(name)]
    if opened:
        return ("opens", *opened[0])
    return ("inside", *holders[0]) if holders else None


def entity_misses(gold_dir: Path, system_dir: Path, types: list[str]) -> dict[str, Counter]:
    """type -> counts of found, gold, system, nested and not, and each kind of missed nested name."""
    counts = {t: Counter() for t in types}
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = entity_keys(json.loads(gold_path.read_text(encoding="utf-8")))
        system_path = system_dir / gold_path.name
        system = entity_keys(json.loads(system_path.read_text(encoding="utf-8"))) if system_path.exists() else set()
        for name, typ in gold:
            if typ not in counts:
                continue
            c, found = counts[typ], (name, typ) in system
            held = holder(name, gold)
            where = "nested" if held else "alone"
            c[where] += 1
            c[where + "_found"] += found
            if held and not found:
                how, holder_name, holder_type = held
                c[f"{how}_{holder_type}" + ("" if how == "inside" else
                                             "_found" if (holder_name, holder_type) in system else "_missed")] += 1
        for typ, c in counts.items():
            count_found(c, {e for e in gold if e[1] == typ}, {e for e in system if e[1] == typ})
    return counts


def format_misses(counts: dict[str, Counter]) -> str:
    out = []
    for typ, c in counts.items():
        out.append(score_line(typ, c))
        for where in ("nested", "alone"):
            recall = Score(c[where + "_found"], 0, c[where]).recall
            out.append(f"  {where}: R={recall:.3f} (found={c[where + '_found']} gold={c[where]})")
        kinds = sorted(k for k in c if k.startswith(("opens_", "inside_")))
        out.append("  missed nested: " + (", ".join(f"{k}={c[k]}" for k in kinds) or "none"))
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("system_dir", type=Path)
    parser.add_argument("--types", nargs="+", default=["Enterprise", "Project"])
    args = parser.parse_args()
    print(format_misses(entity_misses(args.gold_dir, args.system_dir, args.types)))


if __name__ == "__main__":
    main()
