"""The one merge policy for candidate mentions from all recognizer components.

Candidates are compared pairwise by span:

1. **Same span, same type**: one mention is kept, the most confident.
2. **Same span, different types** (``某某研究所`` as Enterprise and Organization):
   the most confident wins; on a tie the type earlier in ``TYPE_PRIORITY``.
3. **Nesting** (one span inside the other), of the same or of different types,
   is kept: the annotation guide annotates both ``重庆金汇能10万吨...生产基地``
   (Project) and ``重庆金汇能`` (Enterprise) inside it, ``璧山区经济信息委`` and
   ``璧山区``, ``西部科学城重庆高新区`` and ``西部科学城``.  Components only emit
   inner mentions that are names in their own right.
4. **Crossing spans** (overlap, neither inside the other) cannot both be names:
   the stronger wins, by confidence, then length, then ``TYPE_PRIORITY``, then
   the earlier start.  Candidates are accepted strongest first, so a weak
   mention never removes a stronger one.
5. **Inside a person's name** nothing else is a mention: 华为 in 许华为, a
   place in a given name.
6. **中国 opening a name** (中国一汽, 中国农业银行) is part of that name, not
   a Place mention; a foreign country there (马来西亚某某公司) stays a Place.

``Title`` pseudo-mentions (tails of holds_post) take part like any type: a
title may contain a GovOrg or Place, but never crosses a name.  A title that
starts inside a company or organization name found by its legal suffix and runs
past the name's end (``空调有限公司总经理`` inside ``河南美的空调有限公司总经理``)
was cut by a word inside the name: it is extended to the name's start first.
"""
from __future__ import annotations

from typing import Callable

from kg.model import Document, Mention, mention_order
from kg.spans import GrowingSpanIndex, SpanIndex

#: A recognizer component: the candidate mentions of one kind it finds in a document, merged by this policy.
Component = Callable[[Document], list[Mention]]

#: Preference between types for the same or crossing spans (earlier wins).
TYPE_PRIORITY = ("Person", "Title", "Enterprise", "Project", "Park", "Organization", "GovOrg", "Place")


def _rank(m: Mention) -> tuple:
    type_rank = TYPE_PRIORITY.index(m.type) if m.type in TYPE_PRIORITY else len(TYPE_PRIORITY)
    return (-m.confidence, -(m.end - m.start), type_rank, m.start)


def _crosses(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end and not (
        (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end))


#: Names a title may start with (it then names that body: 某某有限公司总经理).
_TITLE_BODIES = ("Enterprise", "Organization")
#: Only names found by a strong suffix (有限公司 ...) are trusted to correct a title.
_TRUSTED = 0.9


def _extend_titles(doc: Document, candidates: list[Mention]) -> list[Mention]:
    order = {id(c): i for i, c in enumerate(candidates)}
    bodies = SpanIndex(c for c in candidates if c.type in _TITLE_BODIES and c.confidence >= _TRUSTED)
    out = []
    for c in candidates:
        if c.type == "Title":
            body = min((b for b in bodies.overlapping(c.start, c.end) if b.start < c.start < b.end <= c.end),
                       key=lambda b: order[id(b)], default=None)  # the first candidate that fits
            if body:
                c = Mention(body.start, c.end, doc.text[body.start:c.end], c.type, c.source, c.confidence)
        out.append(c)
    return out


_NAME_TYPES = ("Enterprise", "Organization", "Project", "Park")
#: Opens the names of national companies and bodies (中国一汽); a foreign country
#: in front of a name locates it and stays a Place (马来西亚某某有限公司).
_HOME_COUNTRY = "中国"


def merge_mentions(doc: Document, candidates: list[Mention]) -> list[Mention]:
    candidates = _extend_titles(doc, candidates)
    kept: list[Mention] = []
    spans: dict[tuple[int, int], Mention] = {}
    accepted = GrowingSpanIndex()
    for m in sorted((c for c in candidates if c.end > c.start), key=_rank):
        if (m.start, m.end) in spans:  # rules 1 and 2: the stronger one is already there
            continue
        if any(_crosses(m, k) for k in accepted.overlapping(m.start, m.end)):
            continue  # rule 4
        spans[(m.start, m.end)] = m
        kept.append(m)
        accepted.add(m)
    persons = SpanIndex(k for k in kept if k.type == "Person")
    kept = [k for k in kept if k.type == "Person" or not persons.containing(k.start, k.end)]  # rule 5
    names = SpanIndex(k for k in kept if k.type in _NAME_TYPES)
    kept = [k for k in kept if not (k.type == "Place" and k.text == _HOME_COUNTRY and any(
        n.start == k.start and n.end > k.end for n in names.containing(k.start, k.end)))]  # rule 6
    return sorted(kept, key=mention_order)
