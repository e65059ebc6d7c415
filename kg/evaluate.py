"""Scoring extractions against gold files, by the rules of docs/schema.md.

Entities match on (normalized text, type); relations on (head, relation, tail),
where a ``holds_post`` tail also matches when one title ends with the other.
Precision, recall and F1 are micro-averaged over documents, per type and overall.

Facts in time (docs/schema-time.md) are scored only for documents whose gold has the
list: events match on (person, kind, title, date), the title by suffix like a
``holds_post`` tail; milestones on (project, milestone, date); figures on (project,
kind, value).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kg.model import ENTITY_TYPES, RELATION_TYPES
from kg.normalize import normalize_text

CORE_TYPES = ("Person", "Enterprise", "Park", "Project")


def match_key(text: str) -> str:
    """Comparison key: normalized, NFKC (so （ and ( agree), without whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", normalize_text(text)))


@dataclass
class Score:
    tp: int = 0
    sys: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.sys if self.sys else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}"


def entity_keys(doc: dict) -> set[tuple[str, str]]:
    """(name, type) of ``doc``'s entities, as the scorer compares them."""
    return {(match_key(e["text"]), e["type"]) for e in doc.get("entities", []) if e.get("text")}


def relation_keys(doc: dict) -> set[tuple[str, str, str]]:
    return {(match_key(r["head"]), r["relation"], match_key(r["tail"]))
            for r in doc.get("relations", []) if r.get("head") and r.get("tail")}


def _matched_relations(gold: set, system: set) -> int:
    left = set(system)
    tp = 0
    for g in sorted(gold):
        if g in left:
            left.discard(g)
            tp += 1
        elif g[1] == "holds_post":
            for s in sorted(left):
                if s[:2] == g[:2] and (s[2].endswith(g[2]) or g[2].endswith(s[2])):
                    left.discard(s)
                    tp += 1
                    break
    return tp


def _event_keys(doc: dict) -> list[tuple[str, str, str, str]]:
    return [(match_key(e.get("person") or ""), e.get("kind") or "", match_key(e.get("title") or ""),
             str(e.get("date") or "")) for e in doc.get("events", [])]


def _milestone_keys(doc: dict) -> list[tuple[str, str, str]]:
    return [(match_key(m.get("project") or ""), m.get("milestone") or "", str(m.get("date") or ""))
            for m in doc.get("milestones", [])]


def _figure_keys(doc: dict) -> list[tuple[str, str, float]]:
    return [(match_key(f.get("project") or ""), f.get("kind") or "", float(f["value"]))
            for f in doc.get("figures", []) if f.get("value") is not None]


def _same_event(gold: tuple, system: tuple) -> bool:
    return (gold[:2] == system[:2] and gold[3] == system[3]
            and bool(gold[2]) and bool(system[2]) and (gold[2].endswith(system[2]) or system[2].endswith(gold[2])))


def _matched(gold: list[tuple], system: list[tuple], same) -> int:
    """Pairs matched one to one, each gold item with the first unmatched system item it equals."""
    return len(gold) - len(_unmatched(gold, system, same)[0])


def _unmatched(gold: list, system: list, same) -> tuple[list, list]:
    """(gold items, system items) left unmatched when each gold item takes the first unmatched
    system item it equals."""
    left = list(system)
    missed = []
    for g in gold:
        hit = next((i for i, s in enumerate(left) if same(g, s)), None)
        if hit is None:
            missed.append(g)
        else:
            del left[hit]
    return missed, left


#: Facts in time: score key -> (gold list name, keys of a document, match of two keys)
_FACTS_IN_TIME = {
    "event:EVENTS": ("events", _event_keys, _same_event),
    "milestone:MILESTONES": ("milestones", _milestone_keys, lambda g, s: g == s),
    "figure:FIGURES": ("figures", _figure_keys, lambda g, s: g[:2] == s[:2] and abs(g[2] - s[2]) <= 1e-6 * max(1.0, abs(g[2]))),
}


def _score_facts_in_time(scores: dict[str, Score], gold: dict, system: dict) -> None:
    for key, (name, keys, same) in _FACTS_IN_TIME.items():
        if name not in gold:
            continue
        g, s = sorted(set(keys(gold))), sorted(set(keys(system)))
        c = scores[key]
        c.tp += _matched(g, s, same)
        c.sys += len(s)
        c.gold += len(g)


def score_documents(pairs: list[tuple[dict, dict]]) -> dict[str, Score]:
    """Scores keyed ``entity:TYPE``, ``entity:CORE``, ``entity:ENTITIES``,
    ``relation:NAME`` and ``relation:RELATIONS`` over (gold, system) pairs; and
    ``event:EVENTS``, ``milestone:MILESTONES``, ``figure:FIGURES`` where the gold has those lists."""
    scores: dict[str, Score] = defaultdict(Score)
    for gold, system in pairs:
        ge, se = entity_keys(gold), entity_keys(system)
        for t in ENTITY_TYPES:
            g = {e for e in ge if e[1] == t}
            s = {e for e in se if e[1] == t}
            buckets = [t, "ENTITIES"] + (["CORE"] if t in CORE_TYPES else [])
            for b in buckets:
                c = scores["entity:" + b]
                c.tp += len(g & s)
                c.sys += len(s)
                c.gold += len(g)
        gr, sr = relation_keys(gold), relation_keys(system)
        for rel in RELATION_TYPES:
            g = {x for x in gr if x[1] == rel}
            s = {x for x in sr if x[1] == rel}
            tp = _matched_relations(g, s)
            for b in (rel, "RELATIONS"):
                c = scores["relation:" + b]
                c.tp += tp
                c.sys += len(s)
                c.gold += len(g)
        _score_facts_in_time(scores, gold, system)
    return dict(scores)


def score_directories(gold_dir: str | Path, system_dir: str | Path) -> dict[str, Score]:
    """Score every gold file that has a system file of the same name (a missing one is empty)."""
    pairs = []
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        system_path = Path(system_dir) / gold_path.name
        system = json.loads(system_path.read_text("utf-8")) if system_path.exists() else {}
        pairs.append((json.loads(gold_path.read_text("utf-8")), system))
    return score_documents(pairs)


def format_scores(scores: dict[str, Score], prefix: str = "") -> str:
    """One line per score whose key starts with ``prefix`` (e.g. ``relation:``)."""
    return "\n".join(
        f"{k:28s} {v}  (tp={v.tp} sys={v.sys} gold={v.gold})"
        for k, v in sorted(scores.items()) if k.startswith(prefix))


@dataclass
class Miss:
    """One entity or relation that only one side has: missed (gold only) or spurious (system only)."""

    kind: str  # "missed" or "spurious"
    group: str  # entity:TYPE or relation:NAME
    item: str  # the entity text, or "head -relation-> tail"
    doc: str
    sentence: str  # where it occurs in the document, "" when no text was given


def _sentence_of(text: str, needle: str) -> str:
    """The sentence (between 。！？ or line breaks) of the first occurrence of ``needle``."""
    at = text.find(needle)
    if at < 0:
        return ""
    start = max(text.rfind(c, 0, at) for c in "。！？\n") + 1
    ends = [e for e in (text.find(c, at + len(needle)) for c in "。！？\n") if e >= 0]
    return text[start:(min(ends) + 1) if ends else len(text)].strip()


def error_list(gold_dir: str | Path, system_dir: str | Path, docs_dir: str | Path | None = None) -> list[Miss]:
    """Every missed and spurious entity and relation, with its sentence when ``docs_dir``
    holds the documents (by the gold file's ``doc`` name)."""
    misses: list[Miss] = []
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        system_path = Path(system_dir) / gold_path.name
        system = json.loads(system_path.read_text("utf-8")) if system_path.exists() else {}
        name = gold.get("doc", gold_path.stem)
        text = ""
        if docs_dir is not None and (Path(docs_dir) / name).is_file():
            text = normalize_text((Path(docs_dir) / name).read_text("utf-8"))
        ge, se = entity_keys(gold), entity_keys(system)
        shown = {(match_key(e["text"]), e["type"]): e["text"]
                 for d in (system, gold) for e in d.get("entities", []) if e.get("text")}
        for kind, keys in (("missed", ge - se), ("spurious", se - ge)):
            for key in sorted(keys):
                misses.append(Miss(kind, "entity:" + key[1], shown[key], name, _sentence_of(text, shown[key])))
        gr, sr = relation_keys(gold), relation_keys(system)
        for kind, mine, other in (("missed", gr, sr), ("spurious", sr, gr)):
            for key in sorted(mine):
                if _matched_relations({key}, other):
                    continue
                head, label, tail = key
                misses.append(Miss(kind, "relation:" + label, f"{head} -{label}-> {tail}", name,
                                   _sentence_of(text, tail) or _sentence_of(text, head)))
        misses += _facts_in_time_errors(gold, system, name, text)
    return misses


def _facts_in_time_errors(gold: dict, system: dict, name: str, text: str) -> list[Miss]:
    """The events, milestones and figures of lists the gold has that only one side states, each
    with the sentence of its person or project (a figure: of its amount's value, when that is
    written in full)."""
    misses: list[Miss] = []
    for group, (list_name, keys, same) in _FACTS_IN_TIME.items():
        if list_name not in gold:
            continue
        missed, spurious = _unmatched(sorted(set(keys(gold))), sorted(set(keys(system))), same)
        for kind, items in (("missed", missed), ("spurious", spurious)):
            for key in items:
                item = " | ".join(_shown(v) for v in key)
                misses.append(Miss(kind, group, item, name, _sentence_of(text, key[0])))
    return misses


def _shown(value: str | float) -> str:
    """A key's field as written: a whole amount without its decimal point."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return value


def _pattern(miss: Miss) -> str:
    """What a miss has in common with others of its group: an entity's last two characters
    (its head word: 集团, 项目, 园区 …), a relation's tail ending; an event's, milestone's or
    figure's kind (appoint, 开工, investment)."""
    if miss.group.split(":")[0] in ("event", "milestone", "figure"):
        return miss.item.split(" | ")[1]
    item = miss.item.split("-> ")[-1]
    return item[-2:]


def format_errors(misses: list[Miss]) -> str:
    """Grouped by kind and type; inside a group, the most frequent pattern first."""
    lines: list[str] = []
    groups: dict[tuple[str, str], list[Miss]] = defaultdict(list)
    for m in misses:
        groups[(m.kind, m.group)].append(m)
    for (kind, group), items in sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]), kv[0][1])):
        lines.append(f"== {kind} {group}: {len(items)}")
        by_pattern: dict[str, list[Miss]] = defaultdict(list)
        for m in items:
            by_pattern[_pattern(m)].append(m)
        for pattern, same in sorted(by_pattern.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            lines.append(f"  …{pattern} ×{len(same)}")
            for m in same:
                lines.append(f"    {m.item}  [{m.doc}]" + (f"  {m.sentence}" if m.sentence else ""))
    return "\n".join(lines)
