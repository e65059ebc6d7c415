"""Scoring entity resolution: ``entities.csv`` of ``kg build`` against a resolution gold.

The gold (docs/schema.md, "Resolution gold") lists clusters of mentions that name
one thing -- each mention a (document file name, entity text, type) of the
per-document gold -- and pairs that must stay apart. A mention is looked up in
``entities.csv`` as the entity of its type whose label or aliases hold its text
and whose documents hold its document; when several do, the one labelled with
the text wins, then the one seen in the fewest documents (the most local
reading), then the smallest id. A mention no entity carries is an extraction
miss: counted apart, and left out of the resolution figures.
"""
from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.evaluate import match_key
from kg.model import ENTITY_TYPES

Mention = tuple[str, str, str]  # (document file name, entity text, type)
PARTS = ("all", "tune", "heldout")


@dataclass
class ResolutionGold:
    clusters: list[tuple[str, list[Mention]]]  # (part, members)
    must_not_link: list[tuple[str, Mention, Mention, str]]  # (part, a, b, why)


@dataclass
class ResolutionScore:
    mentions: int = 0  # found (mapped to an entity)
    missing: int = 0  # not carried by any entity
    b3_precision: float = 0.0
    b3_recall: float = 0.0
    pair_precision: float = 0.0
    pair_recall: float = 0.0
    linked_recall: float = 0.0  # B-cubed recall of mentions whose gold cluster has two or more found
    clusters: int = 0  # gold clusters with two or more found mentions
    whole: int = 0  # ... of which all found mentions are one entity
    pairs: int = 0  # must-not-link pairs with both mentions found
    violations: int = 0  # ... of which the two are one entity
    split: list[list[tuple[Mention, str]]] = field(default_factory=list)  # clusters not whole: (mention, entity)
    merged: list[tuple[Mention, Mention, str, str]] = field(default_factory=list)  # (a, b, entity, why)
    mixed: dict[str, list[list[Mention]]] = field(default_factory=dict)  # entity -> its mentions by gold cluster
    missed: list[Mention] = field(default_factory=list)


def load_gold(path: str | Path) -> ResolutionGold:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        clusters = [(c.get("part", "tune"), [_mention(m) for m in c["members"]]) for c in data["clusters"]]
        pairs = [(p.get("part", "tune"), _mention(p["a"]), _mention(p["b"]), p.get("why", ""))
                 for p in data.get("must_not_link", [])]
    except OSError as e:
        raise KgError(f"cannot read {path}: {e.strerror}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise KgError(f"{path}: not a resolution gold file (docs/schema.md, Resolution gold): {e}") from None
    return ResolutionGold(clusters, pairs)


def _mention(item: list) -> Mention:
    doc, text, type_ = item
    if type_ not in ENTITY_TYPES:
        raise ValueError(f"unknown type {type_!r}")
    return (str(doc), str(text), type_)


class EntityIndex:
    """Entities of an ``entities.csv`` by (document, name key, type)."""

    def __init__(self, path: str | Path) -> None:
        self.by_key: dict[tuple[str, str, str], list[tuple[bool, int, str]]] = defaultdict(list)
        try:
            with open(path, encoding="utf-8-sig", newline="") as f:
                for row in csv.DictReader(f):
                    docs = [d for d in row["documents"].split("|") if d]
                    names = {match_key(row["label"])} | {match_key(a) for a in row["aliases"].split("|") if a}
                    for doc in docs:
                        for name in names:
                            labelled = name == match_key(row["label"])
                            self.by_key[(doc, name, row["type"])].append((not labelled, len(docs), row["id"]))
        except OSError as e:
            raise KgError(f"cannot read {path}: {e.strerror}") from None
        except (KeyError, csv.Error) as e:
            raise KgError(f"{path}: not an entities.csv of kg build (id, type, label, aliases, documents): {e}") \
                from None

    def entity(self, m: Mention) -> str | None:
        found = self.by_key.get((m[0], match_key(m[1]), m[2]))
        return min(found)[2] if found else None


def score(gold: ResolutionGold, index: EntityIndex, part: str = "all") -> ResolutionScore:
    """The resolution figures of the gold's clusters and pairs of ``part`` (all, tune, heldout)."""
    out = ResolutionScore()
    clusters = [members for p, members in gold.clusters if part in ("all", p)]
    gold_of: dict[Mention, int] = {}
    system_of: dict[Mention, str] = {}
    for i, members in enumerate(clusters):
        for m in members:
            eid = index.entity(m)
            if eid is None:
                out.missed.append(m)
            else:
                gold_of[m], system_of[m] = i, eid
    out.mentions, out.missing = len(system_of), len(out.missed)
    same_both = Counter((gold_of[m], system_of[m]) for m in system_of)
    gold_size = Counter(gold_of.values())
    system_size = Counter(system_of.values())
    if system_of:
        out.b3_precision = sum(same_both[(gold_of[m], e)] / system_size[e] for m, e in system_of.items()) / len(system_of)
        out.b3_recall = sum(same_both[(gold_of[m], e)] / gold_size[gold_of[m]] for m, e in system_of.items()) / len(system_of)
    linked = [m for m in system_of if gold_size[gold_of[m]] > 1]
    if linked:
        out.linked_recall = sum(same_both[(gold_of[m], system_of[m])] / gold_size[gold_of[m]] for m in linked) / len(linked)
    pairs = lambda n: n * (n - 1) // 2  # noqa: E731
    both = sum(pairs(n) for n in same_both.values())
    in_system = sum(pairs(n) for n in system_size.values())
    in_gold = sum(pairs(n) for n in gold_size.values())
    out.pair_precision = both / in_system if in_system else 1.0
    out.pair_recall = both / in_gold if in_gold else 1.0
    for i, members in enumerate(clusters):
        found = [(m, system_of[m]) for m in members if m in system_of]
        if len(found) > 1:
            out.clusters += 1
            if len({e for _, e in found}) == 1:
                out.whole += 1
            else:
                out.split.append(found)
    clusters_of: dict[str, dict[int, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for m, e in system_of.items():
        clusters_of[e][gold_of[m]].append(m)
    out.mixed = {e: list(by.values()) for e, by in sorted(clusters_of.items()) if len(by) > 1}
    for p, a, b, why in gold.must_not_link:
        if part not in ("all", p):
            continue
        ea, eb = index.entity(a), index.entity(b)
        if ea and eb:
            out.pairs += 1
            if ea == eb:
                out.violations += 1
                out.merged.append((a, b, ea, why))
    return out


def format_scores(scores: dict[str, ResolutionScore]) -> str:
    header = f"{'part':<8} {'found':>5} {'missing':>7} {'B3-P':>6} {'B3-R':>6} {'pair-P':>6} {'pair-R':>6} " \
             f"{'linked-R':>8} {'whole':>11} {'must-not-link':>14}"
    lines = [header]
    for part, s in scores.items():
        whole = f"{s.whole}/{s.clusters}"
        lines.append(f"{part:<8} {s.mentions:>5} {s.missing:>7} {s.b3_precision:>6.3f} {s.b3_recall:>6.3f} "
                     f"{s.pair_precision:>6.3f} {s.pair_recall:>6.3f} {s.linked_recall:>8.3f} "
                     f"{whole:>11} {f'{s.violations}/{s.pairs} merged':>14}")
    return "\n".join(lines)


def format_errors(s: ResolutionScore) -> str:
    """Clusters split, must-not-link pairs merged, mentions no entity carries."""
    lines = [f"clusters split ({len(s.split)}):"]
    for found in s.split:
        by_entity: dict[str, list[str]] = defaultdict(list)
        for (doc, text, _), eid in found:
            by_entity[eid].append(f"{doc}:{text}")
        lines.append(f"  {found[0][0][2]}: " + " | ".join(f"{eid} <- {', '.join(ms)}" for eid, ms in by_entity.items()))
    lines.append(f"entities holding mentions of several gold clusters ({len(s.mixed)}):")
    for eid, groups in s.mixed.items():
        lines.append(f"  {eid}: " + " | ".join(", ".join(f"{doc}:{text}" for doc, text, _ in g) for g in groups))
    lines.append(f"must-not-link pairs merged ({len(s.merged)}):")
    lines += [f"  {a[0]}:{a[1]} + {b[0]}:{b[1]} -> {eid} ({why})" for a, b, eid, why in s.merged]
    lines.append(f"mentions no entity carries ({len(s.missed)}):")
    lines += [f"  {doc}:{text} ({type_})" for doc, text, type_ in s.missed]
    return "\n".join(lines)
