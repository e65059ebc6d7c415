"""Stacked component: Project names labelled by a linear-chain CRF over characters.

The suffix grammar of ``kg.ner.projects`` needs an anchor (项目, 基地, 大桥 ...) and a
proper part before it; names without one (a trade name and a product, a list item) are
where rules tuned on some texts do not carry to others.  A CRF (python-crfsuite) learned
from the gold annotations labels each character of a sentence B/I/O for Project, from:

* the characters around it (single characters, bigrams, a trigram) and their classes
  (digit, Chinese numeral, Latin, punctuation, CJK);
* the rule components' candidates of the other types covering it, before the merge (type,
  and whether the candidate starts or ends there): a company, park or place the rules found;
  those ending right before it or starting right after it; and whether a company or an
  institution (an owner) is named earlier in its clause (某某电子5万吨…项目);
* lexicon hits from kg/data: project and park suffixes, the type the tuning gold gives
  names with the head ending there (``name_head_types.tsv``), places of the gazetteer,
  milestone and figure words (签约, 开工, 总投资 ...) a few characters before or after;
* how far its clause runs back, and how far ahead in it a project's suffix or head ends.

It runs only on sentences holding a cue of ``kg/data/project_crf_cues.txt``, after the rule
components and before the merge: its names join the candidates as POLICY says (chosen on
an untouched fold, see kg/models/project_crf/MODEL_CARD.md).  The model file is loaded once
per process.  ``benchmarks/train_crf.py`` trains it.  Tagging hands crfsuite only the character
features its model has weights for (``known_features``): the labels are those of every feature,
for less of extraction's CPU (BENCHMARKS.md section 1).

A labelled name is checked against two word classes the model misses on new text: one holding a
break (``project_crf_breaks.txt``: 是, 将 ...) runs over a clause and is dropped; one opening with
a verb, a time word or a date (``project_crf_openers.tsv``, kg/dates.py: 推进某某项目, 3月某某项目) is
trimmed to what follows.  Where a labelled name runs a rule's Project name further left over words that
may open a name (某某公司|年产…项目, 某某|智能制造基地: the owner and the project as one name), the rule's
shorter name is left out; over a particle, a preposition or 有 (某市有|…项目, 某区的|…) it is kept.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import compress, islice, repeat
from pathlib import Path
from typing import Callable

import pycrfsuite

from kg import gazetteer
from kg.boundary import suffix_regex
from kg.dates import STATED_ALTERNATIVES
from kg.errors import KgError
from kg.lexicon import alternation_of, load_lines, load_table
from kg.model import Document, Mention
from kg.spans import SpanIndex
from kg.vocabulary import word_tag, words

MODEL = Path(__file__).resolve().parent.parent / "models" / "project_crf" / "model.crfsuite"
SOURCE = "project_crf"
#: Below the suffix grammar's 0.8: where a model name crosses a rule name, the rule name wins.
CONFIDENCE = 0.7
#: How the model's names join the rule candidates (see ``combine``): chosen on fold F.
POLICY = "union"
POLICIES = ("replace", "union", "fill")
#: crfsuite training settings (L-BFGS with elastic-net regularization), see the model card.
SETTINGS = {"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}
#: How far (characters) a milestone or figure word counts as near a position.
_TRIGGER_REACH = 12
#: Name types whose candidates a model name may not overlap under ``fill`` (a place inside a project's
#: name, 某市某某大桥, is no reason to leave it to the rules).
_NAME_TYPES = ("Project", "Enterprise", "Park", "Organization", "GovOrg", "Person")
#: The rule candidates whose types are features.  Not the rules' own Project candidates: tuned on the
#: training folds, they are near-exact there, so a model given them only learns to copy them (on the
#: untouched fold it then adds nothing).
_STACKED_TYPES = frozenset({"Enterprise", "Park", "Organization", "GovOrg", "Person", "Place", "Title"})
#: The types that own projects (docs/schema.md, owns_project): one named earlier in a clause is a feature.
_OWNER_TYPES = ("Enterprise", "Organization")
#: Distances in characters, by (upper limit, label).
_BUCKETS = ((0, "0"), (1, "1"), (2, "2"), (4, "3-4"), (8, "5-8"), (16, "9-16"), (10 ** 9, "17+"))
_BUCKET_LABELS = tuple(next(label for limit, label in _BUCKETS if d <= limit) for d in range(_BUCKETS[-2][0] + 1))
_NUMERALS = "零一二三四五六七八九十百千万亿两"
_PUNCT = re.compile(r"[\W_]")
#: A clause in a sentence's character classes (``_char_class``): no punctuation between.
_CLAUSE = re.compile("[^P]+")


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    return re.compile(alternation_of(load_lines("project_crf_cues.txt")))


@lru_cache(maxsize=1)
def _breaks() -> re.Pattern[str]:
    return re.compile(f"[{re.escape(''.join(load_lines('project_crf_breaks.txt')))}]")


@lru_cache(maxsize=1)
def _opener() -> re.Pattern[str]:
    """A clause opener in front of a name: a verb taking the project as object (after any adverbs of
    effort: 全力推进; before any verb that follows one: 加快建设), a time word, or a date of kg/dates.py's
    grammar (3月, 今年, 2024年5月), with any punctuation after it."""
    words: dict[str, list[str]] = {"verb": [], "adverb": [], "follow": [], "time": []}
    for word, kind in load_table("project_crf_openers.tsv"):
        words[kind].append(word)
    verbs = rf"(?:{alternation_of(words['adverb'])})*(?:{alternation_of(words['verb'])})(?:{alternation_of(words['follow'])})*"
    return re.compile(rf"(?:{verbs}|{alternation_of(words['time'])}|{STATED_ALTERNATIVES})[\W_]*")


def name_start(text: str, start: int, end: int) -> int | None:
    """Where the name labelled at ``text[start:end]`` starts once the clause openers in front of it
    (推进, 全力推进, 今年, 3月 ...) are left out; None when no more than a bare project head is left."""
    opener = _opener()
    while (m := opener.match(text, start, end)) and m.end() > start:
        start = m.end()
    head = suffix_regex("project_suffixes.txt").fullmatch(text, start, end)
    return None if end - start < 2 or head else start


@lru_cache(maxsize=1)
def _triggers() -> re.Pattern[str]:
    words = [row[0] for name in ("project_milestones.tsv", "project_figures.tsv") for row in load_table(name)]
    return re.compile(alternation_of(words))


@lru_cache(maxsize=1)
def _head_types() -> dict[str, str]:
    """{head: the type the gold gives most names with that head, marked ``+`` when such names
    outnumber the places where the head ends no name}."""
    rows = load_table("name_head_types.tsv")
    types = ("Project", "Park", "Organization", "Enterprise", "GovOrg", "Place")
    heads = {}
    for head, *counts in rows:
        typed = [int(c) for c in counts[:len(types)]]
        best = max(range(len(types)), key=lambda i: typed[i])
        heads[head] = types[best] + ("+" if typed[best] > int(counts[len(types)]) else "")
    return heads


@lru_cache(maxsize=None)
def _char_class(ch: str) -> str:
    if ch.isascii() and ch.isdigit():
        return "D"
    if ch in _NUMERALS:
        return "N"
    if ch.isascii() and ch.isalpha():
        return "L"
    if "\u3400" <= ch <= "\u9fff":
        return "H"
    return "P" if _PUNCT.match(ch) else "O"


#: The anchor and clause features by distance, and for any distance beyond the table.
_ANCHOR_FEATURES = tuple("anchor>" + label for label in _BUCKET_LABELS)
_CLAUSE_FEATURES = tuple("clause<" + label for label in _BUCKET_LABELS)
_FAR = len(_BUCKET_LABELS)
_FAR_ANCHOR, _FAR_CLAUSE = "anchor>" + _BUCKETS[-1][1], "clause<" + _BUCKETS[-1][1]


def _span_marks(features: list[list[str]], spans: Iterable[tuple[int, int]], name: str) -> None:
    begin, inside, end = f"{name}=B", f"{name}=I", f"{name}=E"
    for s, e in spans:
        features[s].append(begin)
        for i in range(s + 1, e):
            features[i].append(inside)
        features[e - 1].append(end)


#: The columns of features every character has, in the order they come on it (before the marks).
_COLUMNS = ("c", "c-1", "c+1", "c-2", "c+2", "b-1", "b+1", "t", "k", "kk")
#: Column -> {value: feature string}: the character features a model has weights for.
KnownFeatures = dict[str, dict[str, str]]


def sentence_features(text: str, candidates: Sequence[Mention], offset: int = 0,
                      known: KnownFeatures | None = None) -> list[list[str]]:
    """The feature strings of each character of ``text`` (a sentence starting at ``offset`` of its
    document), given the rule candidates that overlap it (document offsets).  With ``known`` (a model's
    character features, ``known_features``), the character columns hold only those: crfsuite skips a
    feature its model has no weight for, so the labels are the same, and most bigrams and trigrams are
    never written."""
    n = len(text)
    classes = "".join(map(_char_class, text))
    padded = "^^" + text + "$$"
    padded_classes = "^^" + classes + "$$"
    before, after, before2, after2 = padded[1:n + 1], padded[3:n + 3], padded[:n], padded[4:n + 4]
    kinds_before, kinds_after = padded_classes[1:n + 1], padded_classes[3:n + 3]
    # built column by column with map (no Python frame per character); each bigram is made once and
    # serves as the bigram before one character and after the one before it
    bigrams = list(map(str.__add__, before, text))  # bigrams[i]: text[i - 1:i + 1]
    trigrams = list(map(str.__add__, bigrams, after))
    kind_trigrams = map(str.__add__, map(str.__add__, kinds_before, classes), kinds_after)
    values = (text, before, after, before2, after2, bigrams, bigrams[1:] + [text[-1:] + "$"], trigrams, classes,
              kind_trigrams)
    if known is None:
        features = list(map(list, zip(*(map(f"{name}=".__add__, column) for name, column in zip(_COLUMNS, values)))))
    else:  # the features the model does not know come out None, and are left out
        columns = (map(known[name].get, column) for name, column in zip(_COLUMNS, values))
        features = list(map(list, map(filter, repeat(None), zip(*columns))))
    # the marks follow the columns on each character, in this order
    for m in candidates:
        if m.type not in _STACKED_TYPES:
            continue
        s, e = max(m.start - offset, 0), min(m.end - offset, n)
        if s < e:
            _span_marks(features, [(s, e)], "r" + m.type)
            # the characters next to a name: a project often opens right after its owner or place
            # (某某电子5万吨…项目), and the chain sees no feature of its neighbours
            if e < n:
                features[e].append("r" + m.type + "<")
            if s > 0:
                features[s - 1].append("r" + m.type + ">")
    project_suffixes = [m.span() for m in suffix_regex("project_suffixes.txt").finditer(text)]
    _span_marks(features, project_suffixes, "psuf")
    _span_marks(features, (m.span() for m in suffix_regex("park_suffixes.txt").finditer(text)), "ksuf")
    _span_marks(features, ((s, e) for s, e, _entry in gazetteer.find_places(text)), "place")
    heads = _head_types()
    anchors = {e - 1 for _s, e in project_suffixes}
    # the characters ending a head, found by a map (no Python frame per character)
    for i in compress(range(1, n), map(heads.__contains__, islice(bigrams, 1, None))):
        head = heads[bigrams[i]]
        features[i].append("head=" + head)
        if head.startswith("Project"):
            anchors.add(i)
    # by clause (a run of characters without punctuation), each feature handed to a slice of characters
    # by map (no Python frame per character): how far ahead in the clause a project's suffix or head ends
    # (a name runs up to its anchor), how far the clause runs back, and whether an owner (a company or an
    # institution) is named earlier in it (what follows is often its project)
    reach = max(n - _FAR, 0)
    by_anchor_distance = [*_ANCHOR_FEATURES, *repeat(_FAR_ANCHOR, reach)]
    by_clause_distance = [*_CLAUSE_FEATURES, *repeat(_FAR_CLAUSE, reach)]
    owner_ends = bytearray(n + 1)
    for m in candidates:
        if m.type in _OWNER_TYPES and 0 < m.end - offset <= n:
            owner_ends[m.end - offset] = 1
    anchor_list = sorted(anchors)
    for clause in _CLAUSE.finditer(classes):
        clause_start, clause_end = clause.span()
        first = clause_start
        for anchor in islice(anchor_list, bisect_left(anchor_list, clause_start), None):
            if anchor >= clause_end:
                break
            list(map(list.append, features[first:anchor + 1], by_anchor_distance[anchor - first::-1]))
            first = anchor + 1
        list(map(list.append, features[clause_start:clause_end], by_clause_distance))
        owner = owner_ends.find(1, clause_start, clause_end)
        if owner >= 0:
            list(map(list.append, features[owner:clause_end], repeat("owner<")))
    # triggers ending at or before i (within reach) and starting after i (within reach): each trigger
    # marks the characters it reaches, so a sentence without one costs nothing here
    trigger_before = bytearray(n)
    trigger_after = bytearray(n)
    for m in _triggers().finditer(text):
        first, last = max(m.end() - 1, 0), min(m.end() - 1 + _TRIGGER_REACH, n - 1)
        trigger_before[first:last + 1] = b"\x01" * (last + 1 - first)
        first, last = max(m.start() - _TRIGGER_REACH, 0), m.start() - 1
        if first <= last:
            trigger_after[first:last + 1] = b"\x01" * (last + 1 - first)
    for item in compress(features, trigger_before):
        item.append("trig<")
    for item in compress(features, trigger_after):
        item.append("trig>")
    return features


def bio_tags(length: int, spans: Iterable[tuple[int, int]]) -> list[str]:
    """B-Project/I-Project/O for ``length`` characters; overlapping spans are taken longest first
    (the schema's longest name as written)."""
    tags = ["O"] * length
    for s, e in sorted(spans, key=lambda se: (se[0] - se[1], se[0])):
        if s < 0 or e > length or any(t != "O" for t in tags[s:e]):
            continue
        tags[s:e] = ["B-Project"] + ["I-Project"] * (e - s - 1)
    return tags


def tag_spans(tags: Sequence[str]) -> list[tuple[int, int]]:
    """The (start, end) of each B-I* run of ``tags`` (an I after O starts a span too)."""
    spans = []
    start = None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and tag != "I-Project":
            spans.append((start, i))
            start = None
        if tag == "B-Project" or tag == "I-Project" and start is None:
            start = i
    return spans


def cue_sentences(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``doc`` the model labels: those that hold a cue."""
    cue = _cue()
    return [(s.start, s.end) for s in doc.sentences if cue.search(doc.text, s.start, s.end)]


def training_sequences(doc: Document, candidates: list[Mention], projects: list[tuple[int, int]]
                       ) -> list[tuple[list[list[str]], list[str]]]:
    """(features, tags) of each cue sentence of ``doc``, tags from the ``projects`` spans (document
    offsets; a span crossing a sentence boundary is not taught)."""
    index = SpanIndex(candidates)
    out = []
    for start, end in cue_sentences(doc):
        inside = [(s - start, e - start) for s, e in projects if start <= s and e <= end]
        out.append((sentence_features(doc.text[start:end], index.overlapping(start, end), start),
                    bio_tags(end - start, inside)))
    return out


def train(sequences: Iterable[tuple[list[list[str]], list[str]]], path: str | Path,
          settings: dict | None = None) -> None:
    """Train a CRF on (features, tags) sequences into the model file ``path`` (deterministic)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, tags in sequences:
        trainer.append(features, tags)
    trainer.set_params(dict(SETTINGS, **(settings or {})))
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


@lru_cache(maxsize=4)
def _tagger(path: str) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(path)
    except OSError:
        raise KgError(f"{path}: no project CRF model there (benchmarks/train_crf.py makes one)") from None
    return tagger


@lru_cache(maxsize=4)
def known_features(path: str) -> KnownFeatures:
    """The character features the model at ``path`` has weights for, by column and value, from its
    dump (``Tagger.info``).  The dump writes a feature a line: one holding a line break is not read
    whole, so sentences with one are given every feature (``label_projects``)."""
    known: KnownFeatures = {name: {} for name in _COLUMNS}
    for feature in _tagger(path).info().attributes:
        name, _, value = feature.partition("=")
        if name in known:
            known[name][value] = feature
    return known


def label_projects(doc: Document, candidates: list[Mention], model: str | Path = MODEL) -> list[Mention]:
    """The Project names the model finds in the cue sentences of ``doc``."""
    tagger = _tagger(str(model))
    known = known_features(str(model))
    breaks = _breaks()
    index = SpanIndex(candidates)
    found = []
    for start, end in cue_sentences(doc):
        sentence = doc.text[start:end]
        line_break = "\n" in sentence or "\r" in sentence
        tags = tagger.tag(sentence_features(sentence, index.overlapping(start, end), start,
                                            None if line_break else known))
        for s, e in tag_spans(tags):
            if breaks.search(doc.text, start + s, start + e):
                continue  # the name runs over a clause
            trimmed = name_start(doc.text, start + s, start + e)
            if trimmed is None:
                continue  # a verb or a time word before a bare head: no name
            s = trimmed - start
            found.append(Mention(start + s, start + e, doc.text[start + s:start + e], "Project", SOURCE, CONFIDENCE))
    return found


def combine(policy: str, candidates: list[Mention], found: list[Mention]) -> list[Mention]:
    """The rule candidates with the model's names ``found``, by ``policy``:

    * ``replace``: the model's Project names instead of the rules';
    * ``union``: both (the merge keeps a rule name that crosses a model name);
    * ``fill``: the rules', plus the model's names that overlap no rule name (places aside).
    """
    if policy == "replace":
        return [m for m in candidates if m.type != "Project"] + found
    if policy == "union":
        return candidates + found
    if policy == "fill":
        names = SpanIndex(m for m in candidates if m.type in _NAME_TYPES)
        return candidates + [m for m in found if not names.overlapping(m.start, m.end)]
    raise ValueError(f"unknown policy {policy!r}; choose from {', '.join(POLICIES)}")


def tails_dropped(text: str, candidates: list[Mention], found: list[Mention]) -> list[Mention]:
    """The rule candidates but the Project names the model's names ``found`` run further left over words
    that may open a name (某某公司|年产…项目, 某某|智能制造基地), not over a clause (某市有|…, 某区的|…)."""
    starts = {}
    for m in found:
        starts[m.end] = min(starts.get(m.end, m.start), m.start)
    return [m for m in candidates if not (m.type == "Project" and starts.get(m.end, m.start) < m.start
                                          and _may_open_name(text[starts[m.end]:m.start]))]


#: The dictionary's tags of words no name holds: particles (的, 了), prepositions and conjunctions.
_NOT_NAME_TAGS = ("uj", "ul", "p", "c")
#: The verb of existence (某市有…项目) is written alone; as a character it opens names (有限公司, 有色).
_EXISTENCE = "有"


def _may_open_name(words_before: str) -> bool:
    return not any(w == _EXISTENCE or word_tag(w) in _NOT_NAME_TAGS for w in words(words_before))


#: A stacked component: the candidates of a document after it has seen those of the rule components.
Stacked = Callable[[Document, list[Mention]], list[Mention]]


def stacked_projects(model: str | Path = MODEL, policy: str = POLICY) -> Stacked:
    """The stacked component that adds the model's Project names to the rule candidates."""
    def add_projects(doc: Document, candidates: list[Mention]) -> list[Mention]:
        found = label_projects(doc, candidates, model)
        return combine(policy, tails_dropped(doc.text, candidates, found), found)

    return add_projects
