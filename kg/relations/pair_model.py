"""A learned complement to the located_in and owns_project patterns: a pair classifier.

The patterns of locations.py and ownership.py were written from the errors of the tuning folds and
fire on those wordings.  This stage scores candidate pairs of a document's mentions with a logistic
regression over sparse features (the two types, their order and distance, the cue words between them
from kg/data/pair_cues.txt, list and heading position, the document's dominant place, what the
patterns already relate) and adds the pairs the patterns did not give when the score passes the
model's threshold for the relation.  It also scores the owners a Project's name may open with (a
trade name the recognizer left inside the name, 某某智慧医药基地: 某某), as the ownership pattern
``unnamed_owner`` does: the owner is the relation's head, not a mention of the entity stage.  The
weights live in kg/models/pair_model/weights.tsv (trained by benchmarks/train_pair_model.py; see
MODEL_CARD.md there for what it gains and why not more: most missed facts lack one of their entities).

Candidates are bounded so the stage stays linear in the text: per sentence, each head with the
``NEAREST`` nearest tails on each side within ``MAX_GAP`` characters and those overlapping it; a few
owner lengths per Project name.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from kg import gazetteer
from kg.errors import KgError
from kg.lexicon import load_lines, load_set
from kg.model import Document, Mention, Relation, Sentence, Span
from kg.names import compact
from kg.relations.context import plausible_owner
from kg.vocabulary import word_tag, words

MODEL = Path(__file__).resolve().parent.parent / "models" / "pair_model" / "weights.tsv"

#: relation -> (head types, tail types), as docs/schema.md section 3 allows them.
PAIR_TYPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "located_in": (("Enterprise", "Project", "Park", "Organization"), ("Place", "Park")),
    "owns_project": (("Enterprise", "Organization", "GovOrg"), ("Project",)),
}
#: Tails farther than this (characters between the two) in a sentence are not candidates: a fact
#: stated in one sentence names its two ends within a clause or a list.
MAX_GAP = 64
#: The tails nearest a head on each side that are candidates.
NEAREST = 2
#: Where the pattern name of an added relation says it came from the model.
PATTERN = "pair_model"
#: Distance buckets (characters between head and tail).
_BUCKETS = (0, 1, 2, 4, 8, 16, 32, 64)
#: Lengths of the owner a Project's name may open with (某某能源10万吨…基地: 某某能源), after the place
#: the name may open with.  (Splitting a short place off a site's name, 某某工业园: 某某, was tried and
#: added nothing on the validation folds.)
OWNER_LENGTHS = range(2, 7)
#: Types of the site a document is about.  (Pairing every head with it, with the place heading its
#: section or the places of its article's headline, was tried: the model accepted none of those pairs.)
DOMINANT_TYPES = ("Place", "Park")
#: Mention.source of the owners split off a Project's name.
SOURCE = "relations.pair_model"
#: Characters that separate the items of a list; marks that separate the clauses of a sentence.
_LIST_MARKS = "、及和与"
_CLAUSE_MARKS = re.compile("[，,；;：:]")


@lru_cache(maxsize=1)
def cue_words() -> tuple[str, ...]:
    """The cue words of kg/data/pair_cues.txt."""
    return load_lines("pair_cues.txt")


@lru_cache(maxsize=1)
def trade_words() -> frozenset[str]:
    """Industry and product words that start what follows a company's trade name in a project's name."""
    return load_set("industry_words.txt") | load_set("product_words.txt")


@dataclass(frozen=True)
class Candidate:
    """A pair the classifier scores."""

    label: str
    head: Mention
    tail: Mention
    sentence: Sentence
    index: int  # of the sentence in Document.sentences
    how: str  # ``sentence``: two mentions of one sentence; ``split``: the head is an owner split off the tail
    head_key: str  # kg.names.compact of the head's text, computed once per mention by PairView
    tail_key: str  # and of the tail's

    @property
    def fact(self) -> tuple[str, str, str]:
        """The (head, relation, tail) the candidate would state, by compact names."""
        return (self.head_key, self.label, self.tail_key)


def _visible(text: str) -> str:
    """``text`` (a few characters a feature takes from the document) with line breaks and tabs written
    visibly: the model file holds one feature a line."""
    if "\n" in text or "\t" in text or "\r" in text:
        return text.replace("\r", "⏎").replace("\n", "⏎").replace("\t", "⇥")
    return text


def _named(label: str, features: list[str]) -> list[str]:
    """The features of a candidate of ``label``, each prefixed with it."""
    return [f"{label}|{x}" for x in features]


@lru_cache(maxsize=4096)  # a name recurs in its document, and in a corpus's
def _cuts(name: str) -> dict[int, str]:
    """Offsets in ``name`` where the dictionary starts a word, with the word."""
    cuts, at = {}, 0
    for token in words(name):
        cuts[at] = token
        at += len(token)
    return cuts


def _bucket(n: int) -> int:
    return _BUCKETS[bisect_right(_BUCKETS, n) - 1]


class PairView:
    """What the features read of one document, built once: mentions by sentence, the dominant place,
    the names the document writes and the facts the patterns already state."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        entities = sorted(doc.entities(), key=lambda m: (m.start, -m.end))
        # the compact text of each mention's span, once per mention: what the features and facts compare
        self._keys_at: dict[tuple[int, int], str] = {m.span: compact(m.text) for m in entities}
        starts = [s.start for s in doc.sentences]
        self.by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in entities:
            i = bisect_right(starts, m.start) - 1
            if i >= 0 and m.end <= doc.sentences[i].end:
                self.by_sentence[i].append(m)
        self._starts = {i: [m.start for m in ms] for i, ms in self.by_sentence.items()}
        self._keys = {i: {self.key(m) for m in ms} for i, ms in self.by_sentence.items()}
        places = Counter(self.key(m) for m in entities if m.type in DOMINANT_TYPES)
        top = places.most_common(2)
        # a tie names no dominant place: the document is about several
        self.dominant: str | None = (top[0][0] if top and top[0][1] >= 2 and (len(top) == 1 or top[1][1] < top[0][1])
                                     else None)
        self._entities = entities
        self.ruled: set[tuple[str, str, str]] = set()
        self.ruled_heads: set[tuple[str, str]] = set()
        self.ruled_tails: dict[tuple[str, str], set[str]] = defaultdict(set)
        for r in doc.relations:
            head, tail = compact(r.head.text), compact(r.tail.text)
            self.ruled.add((head, r.label, tail))
            self.ruled_heads.add((head, r.label))
            self.ruled_tails[(tail, r.label)].add(head)

    @cached_property
    def names(self) -> dict[str, set[str]]:
        """The types of the names the document writes (read by the owner splits only)."""
        names: dict[str, set[str]] = defaultdict(set)
        for m in self._entities:
            names[self.key(m)].add(m.type)
        return names

    @cached_property
    def openings(self) -> dict[str, set[str]]:
        """The types of the names the document writes by what they open with (a trade name 某某 opening
        某某集团): an owner split off a project's name that another name opens with is likelier a name."""
        openings: dict[str, set[str]] = defaultdict(set)
        for m in self._entities:
            key = self.key(m)
            for k in OWNER_LENGTHS:
                if k < len(key):
                    openings[key[:k]].add(m.type)
        return openings

    def key(self, m: Mention) -> str:
        """The compact text of ``m``, a mention of the document."""
        return self._keys_at[m.span]

    def is_new(self, c: Candidate) -> bool:
        """Whether ``c`` states a fact the patterns do not, between two different names."""
        return c.fact not in self.ruled and c.head_key != c.tail_key

    def candidates(self) -> Iterator[Candidate]:
        """Every candidate pair of the document, sentence by sentence, then the owner splits."""
        for i, mentions in sorted(self.by_sentence.items()):
            sentence = self.doc.sentences[i]
            for label, (head_types, tail_types) in PAIR_TYPES.items():
                tails = [m for m in mentions if m.type in tail_types]
                tail_starts = [m.start for m in tails]
                for head in mentions:
                    if head.type in head_types:
                        head_key = self.key(head)
                        for tail in self._near(tails, tail_starts, head):
                            yield Candidate(label, head, tail, sentence, i, "sentence", head_key, self.key(tail))
        yield from self.split_candidates()

    @staticmethod
    def _near(tails: list[Mention], tail_starts: list[int], head: Mention) -> list[Mention]:
        """The tails within MAX_GAP of ``head``: the names overlapping it and the ``NEAREST`` nearest on each
        side (on the tuning folds a tail with two others between it and the head was one positive in
        1,450 candidates); a bounded number per head, however long the sentence."""
        # names start in text order (their ends need not): a tail ending within MAX_GAP before the head
        # and no longer than MAX_GAP starts at most twice that before it
        lo = bisect_right(tail_starts, head.start - 2 * MAX_GAP - 1)
        before: list[Mention] = []
        after: list[Mention] = []
        overlapping: list[Mention] = []
        for tail in tails[lo:]:
            if tail.start > head.end + MAX_GAP or len(after) == NEAREST:
                break
            if tail.start == head.start and tail.end == head.end or tail.end < head.start - MAX_GAP:
                continue
            if tail.end <= head.start:
                before.append(tail)
            elif tail.start >= head.end:
                after.append(tail)
            else:
                overlapping.append(tail)
        return overlapping + before[-NEAREST:] + after

    def split_candidates(self) -> Iterator[Candidate]:
        """The owners a Project's name may open with, as a new Enterprise mention: its trade name, after the
        place the name opens with.  Only where the dictionary starts a word (on the tuning folds every
        owner ends there), a bounded number per name: linear in the mentions."""
        for i, mentions in sorted(self.by_sentence.items()):
            sentence = self.doc.sentences[i]
            spans = {(m.start, m.end) for m in mentions}  # a span the recognizer typed is no new name
            places: dict[int, int] = {}  # start -> end of the longest place starting there
            for m in mentions:
                if m.type == "Place":
                    places[m.start] = max(places.get(m.start, m.end), m.end)
            for name in mentions:
                if name.type == "Project":
                    opening = places.get(name.start, name.start)
                    if opening >= name.end:
                        opening = name.start
                    cuts, name_key = _cuts(name.text), self.key(name)
                    for start in sorted({name.start, opening}):
                        for k in OWNER_LENGTHS:
                            if start + k - name.start in cuts and start + k <= name.end - 2 \
                                    and (start, start + k) not in spans and plausible_owner(self.text[start:start + k]):
                                owner = Mention(start, start + k, self.text[start:start + k], "Enterprise", SOURCE)
                                yield Candidate("owns_project", owner, name, sentence, i, "split",
                                                compact(owner.text), name_key)

    def split_features(self, c: Candidate) -> list[str]:
        """The features of a split: the owner's length and edges, what follows it in the name, whether the
        document writes it (or opens a name with it) elsewhere, whether it is a place."""
        new, name = c.head, c.tail
        key, rest = c.head_key, self.text[new.end:name.end]
        f = [f"split|{name.type}|k={len(key)}|after_place={new.start > name.start}",
             f"split_rest={min(len(rest), 8) // 2}", f"split_last={_visible(key[-1])}",
             f"split_first={_visible(key[0])}", f"split_next2={_visible(rest[:2])}",
             f"split_name_last={_visible(name.text[-1:])}"]
        if any(rest[:k] in trade_words() for k in (2, 3, 4)):
            f.append("split_trade_word")
        if gazetteer.is_place(key):
            f.append("split_place")
        f += [f"split_is={t}" for t in sorted(self.names.get(key, ()))]
        f += [f"split_opens={t}" for t in sorted(self.openings.get(key, set()) - {name.type})]
        # where the dictionary cuts the name: a trade name is a run it has no word for (two single
        # characters), and what follows it (新能源, 智慧, 电梯) is a word
        cuts = _cuts(name.text)
        following = cuts[new.end - name.start]
        f += [f"split_next_tag={word_tag(following)[:2]}", f"split_next_len={min(len(following), 3)}",
              f"split_tag={word_tag(key)[:2]}"]
        singles = [len(cuts[at]) == 1 for at in range(new.start - name.start, new.end - name.start) if at in cuts]
        if any(a and b for a, b in zip(singles, singles[1:])):
            f.append("split_unknown")
        if not all("\u4e00" <= ch <= "\u9fff" for ch in key):
            f.append("split_not_cjk")
        if (c.tail_key, c.label) in self.ruled_heads:
            f.append("split_name_ruled")
        return _named(c.label, f)

    def features(self, c: Candidate) -> list[str]:
        """The sparse features of one candidate, each prefixed with its relation."""
        if c.how == "split":
            return self.split_features(c)
        text, head, tail, sentence = self.text, c.head, c.tail, c.sentence
        hkey, tkey = c.head_key, c.tail_key
        f = [f"types={head.type}>{tail.type}", f"head_last={_visible(head.text[-1:])}",
             f"tail_last={_visible(tail.text[-1:])}", f"head_source={head.source.split('.')[0]}"]
        if (hkey, c.label, tkey) in self.ruled:
            f.append("ruled")
        if (hkey, c.label) in self.ruled_heads:
            f.append("head_ruled")
        if (tkey, "located_in") in self.ruled_heads:
            f.append("tail_located")  # a park the patterns place: a site in it is likelier named with it
        siblings = self.ruled_tails.get((tkey, c.label), set()) - {hkey}
        if siblings & self._keys[c.index]:
            f.append("sibling_ruled")  # another item of the sentence is stated in this tail
        if tkey == self.dominant:
            f.append("tail_dominant")
        # the tail opens the sentence: at most a quote, a bracket or spaces before it
        opening = (text[sentence.start:tail.start].strip(" \t\u3000“\"（(") if tail.start - sentence.start <= 3
                   else "…")
        if not opening:
            f.append("tail_opens_sentence")
        before_head, after_head = text[head.start - 1:head.start], text[head.end:head.end + 1]
        listed = (bool(before_head) and before_head in _LIST_MARKS
                  or bool(after_head) and after_head in _LIST_MARKS + "等")
        if listed:
            f.append("head_listed")
        if tail.start <= head.start and tail.end >= head.end or head.start <= tail.start and head.end >= tail.end:
            where = "prefix" if tail.start == head.start else "suffix" if tail.end == head.end else "inner"
            f.append(f"nested={where}|{head.type}>{tail.type}")
            return _named(c.label, f)
        order = "ht" if head.end <= tail.start else "th"
        first, second = (head, tail) if order == "ht" else (tail, head)
        between = text[first.end:second.start] if first.end <= second.start else ""
        gap = len(between)
        bucket = _bucket(gap)
        f += [f"order={order}|{head.type}>{tail.type}", f"gap={bucket}|{order}",
              f"gap={bucket}|{order}|{head.type}>{tail.type}"]
        if gap <= 2:
            f.append(f"between={_visible(between)}|{order}")
        f.append(f"pre={_visible(text[first.start - 1:first.start])}|{order}")
        f.append(f"post={_visible(text[second.end:second.end + 1])}|{order}")
        clauses = len(_CLAUSE_MARKS.findall(between))
        f.append(f"clauses={min(clauses, 3)}|{order}")
        for cue in cue_words():
            if cue in between:
                f += [f"cue={cue}|{order}", f"cue={cue}|{order}|{head.type}>{tail.type}"]
        if opening == "" and listed:
            f.append("heading_list")  # a sentence-initial place or park over a list
        mentions = self.by_sentence[c.index]
        starts = self._starts[c.index]
        inside = [m for m in mentions[bisect_right(starts, first.end - 1):bisect_right(starts, second.start)]
                  if m.end <= second.start]
        types = [m.type for m in inside]
        same_tail = types.count(tail.type)
        same_head = sum(map(types.count, PAIR_TYPES[c.label][0]))
        f.append(f"tails_between={min(same_tail, 2)}|{order}")
        f.append(f"heads_between={min(same_head, 3)}|{order}")
        return _named(c.label, f)


@dataclass
class PairModel:
    """A logistic regression over sparse string features, with a threshold per relation chosen on validation."""

    weights: dict[str, float]
    bias: float
    thresholds: dict[str, float]

    def score(self, features: Iterable[str]) -> float:
        get, z = self.weights.get, self.bias
        for x in features:
            z += get(x, 0.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def save(self, path: str | Path, header: str) -> None:
        """Write the model as TSV: ``#`` header lines, then bias, threshold and one feature a line."""
        lines = [f"# {line}" if line else "#" for line in header.splitlines()]
        lines.append(f"bias\t{self.bias:.6f}")
        lines += [f"threshold\t{label}\t{t:.4f}" for label, t in sorted(self.thresholds.items())]
        lines += [f"w\t{name}\t{w:.6f}" for name, w in sorted(self.weights.items()) if abs(w) >= 1e-6]
        Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def train(examples: list[tuple[list[str], bool]], epochs: int = 30, rate: float = 0.1, l2: float = 1e-4,
          thresholds: dict[str, float] | None = None, positive_weight: float = 1.0) -> PairModel:
    """Logistic regression by stochastic gradient descent in a fixed order (deterministic); the few
    positive pairs weigh ``positive_weight`` times a negative one."""
    weights: dict[str, float] = defaultdict(float)
    bias = 0.0
    for epoch in range(epochs):
        step = rate / math.sqrt(1.0 + epoch)
        for features, positive in examples:
            z = bias + sum(weights[x] for x in features)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (positive_weight * (1.0 - p)) if positive else -p
            bias += step * g
            for x in features:
                weights[x] += step * (g - l2 * weights[x])
    return PairModel(dict(weights), bias, dict(thresholds or {label: 0.5 for label in PAIR_TYPES}))


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL)) -> PairModel:
    """The model file ``path`` (read once)."""
    weights: dict[str, float] = {}
    bias = None
    thresholds: dict[str, float] = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                row = line.rstrip("\n").split("\t")
                if row[0] == "w":
                    weights[row[1]] = float(row[2])
                elif row[0] == "bias":
                    bias = float(row[1])
                elif row[0] == "threshold":
                    thresholds[row[1]] = float(row[2])
    except FileNotFoundError:
        raise KgError(f"{path}: no pair model there (benchmarks/train_pair_model.py makes one)") from None
    if bias is None or set(thresholds) != set(PAIR_TYPES):
        raise KgError(f"{path}: not a pair model (no bias line, or not one threshold per relation)")
    return PairModel(weights, bias, thresholds)


def scored_pairs(doc: Document, model: PairModel) -> list[Relation]:
    """The pairs of ``doc`` the model accepts that the patterns did not state, best score per fact; of the
    splits of one name, only the best."""
    view = PairView(doc)
    best: dict[tuple[str, str, str], Relation] = {}
    best_split: dict[tuple[int, int, str], tuple[tuple[str, str, str], Relation]] = {}
    for c in view.candidates():
        if model.thresholds[c.label] >= 1.0:
            continue  # a relation the model adds nothing to (no score reaches 1)
        if not view.is_new(c):
            continue
        score = model.score(view.features(c))
        if score < model.thresholds[c.label]:
            continue
        relation = Relation(c.head, c.label, c.tail, PATTERN, Span(c.sentence.start, c.sentence.end, c.sentence.text),
                            confidence=round(score, 3))
        if c.how == "split":
            where = (c.tail.start, c.tail.end, c.label)  # the project split
            if where not in best_split or score > best_split[where][1].confidence:
                best_split[where] = (c.fact, relation)
        elif c.fact not in best or score > best[c.fact].confidence:
            best[c.fact] = relation
    for key, relation in best_split.values():
        if key not in best or relation.confidence > best[key].confidence:
            best[key] = relation
    return list(best.values())


def add_scored_pairs(doc: Document, model: str | Path = MODEL) -> None:
    """The stage: append the model's pairs to ``doc.relations``."""
    doc.relations.extend(scored_pairs(doc, load_model(str(model))))
