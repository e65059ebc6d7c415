"""What every relation family needs: fast look-ups over one document's mentions.

The relation patterns are written over mentions, not characters: "a Title
mention ends where this Person starts", "an Enterprise mention directly before
a Project".  ``DocContext`` answers those questions and builds ``Relation``
objects with their evidence sentence.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import cached_property, lru_cache

from kg import gazetteer
from kg.lexicon import alternation_of, load_family
from kg.model import ENTITY_TYPES, TITLE, Document, Mention, Relation, Span, mention_order
from kg.names import compact
from kg.spans import SpanIndex

@lru_cache(maxsize=None)  # read once per family, not at every mention that asks
def triggers(family: str) -> tuple[str, ...]:
    """Trigger words of one pattern family (kg/data/relation_triggers.tsv), longest first."""
    return tuple(sorted(load_family("relation_triggers.tsv", family), key=len, reverse=True))


@lru_cache(maxsize=None)
def trigger_alternation(family: str) -> str:
    """The trigger words of one pattern family as a regex alternation, longest first."""
    return alternation_of(triggers(family))


#: What ends a clause: commas, sentence ends, colons, line breaks.
CLAUSE_END = re.compile(r"[,，。；;！？!?：:\n]")
#: Spaces OCR leaves inside and between names; never a line break.
INLINE_SPACE = " \t\u3000\xa0"
ORG_TYPES = ("GovOrg", "Enterprise", "Organization")
#: 甲市至乙市, 甲—乙: a route between two places, named by its ends.
ROUTE = re.compile(r"(?:至|到|—|－|-)")
#: A date or a modal between a subject and 在 (X2022年在<place>建成的Y, 某项目近日在某区开工,
#: X将在<place>建设Y).
WHEN = re.compile(rf"(?:\d{{2,4}}年|\d{{1,2}}月|\d{{1,2}}日|{trigger_alternation('when')})*")
LOCATION_TYPES = ("Place", "Park")


class DocContext:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.mentions = sorted(doc.mentions, key=mention_order)
        self._by_start: dict[int, list[Mention]] = defaultdict(list)
        self._by_end: dict[int, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            self._by_start[m.start].append(m)
            self._by_end[m.end].append(m)
        for lst in self._by_end.values():
            lst.sort(key=lambda m: m.start)  # longest first
        #: (start, end) -> whether no longer entity mention contains that span: the extractors ask
        #: it of the same mentions again and again
        self._outermost: dict[tuple[int, int], bool] = {}

    # -- positions ---------------------------------------------------------
    def skip_space(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos] in INLINE_SPACE:
            pos += 1
        return pos

    def skip_space_left(self, pos: int) -> int:
        while pos > 0 and self.text[pos - 1] in INLINE_SPACE:
            pos -= 1
        return pos

    def starting_at(self, pos: int, types: tuple[str, ...]) -> list[Mention]:
        """Mentions of ``types`` starting at ``pos``, longest first."""
        return [m for m in self._by_start.get(pos, ()) if m.type in types]

    def ending_at(self, pos: int, types: tuple[str, ...]) -> list[Mention]:
        """Mentions of ``types`` ending at ``pos``, longest first."""
        return [m for m in self._by_end.get(pos, ()) if m.type in types]

    def inside(self, start: int, end: int, types: tuple[str, ...]) -> list[Mention]:
        """Mentions of ``types`` within [start, end), in text order."""
        return [m for m in self._index.within(start, end) if m.type in types]

    def containing(self, start: int, end: int, types: tuple[str, ...]) -> list[Mention]:
        """Mentions of ``types`` that contain [start, end), in text order."""
        return [m for m in self._index.containing(start, end) if m.type in types]

    def of_type(self, *types: str) -> list[Mention]:
        return [m for m in self.mentions if m.type in types]

    @cached_property
    def _index(self) -> SpanIndex:
        return SpanIndex(self.mentions)

    @cached_property
    def entity_mentions(self) -> list[Mention]:
        return [m for m in self.mentions if m.type != TITLE]

    @cached_property
    def _entity_index(self) -> SpanIndex:
        return SpanIndex(self.entity_mentions)

    def is_outermost(self, m: Mention) -> bool:
        """True when no longer entity mention contains ``m``."""
        span = (m.start, m.end)
        if span not in self._outermost:
            self._outermost[span] = not self.enclosing(m)
        return self._outermost[span]

    def entities_containing(self, start: int, end: int) -> list[Mention]:
        """Entity mentions that contain [start, end), in text order."""
        return self._entity_index.containing(start, end)

    def enclosing(self, m: Mention) -> list[Mention]:
        """Longer entity mentions that contain ``m``, in text order."""
        return [o for o in self.entities_containing(m.start, m.end) if (o.end - o.start) > (m.end - m.start)]

    # -- names -------------------------------------------------------------
    @cached_property
    def texts_by_type(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for m in self.entity_mentions:
            out[m.type].add(compact(m.text))
        return out

    @cached_property
    def org_names(self) -> set[str]:
        """Names (compacted) the document gives a GovOrg, an Enterprise or an Organization."""
        return {t for typ in ORG_TYPES for t in self.texts_by_type.get(typ, ())}

    @cached_property
    def title_rests(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """For each opening of a title's name, what follows it in the document's titles, and in
        those no other title contains: the posts a body's name is followed by, looked up by the
        name instead of comparing every pair of titles."""
        titles = self.of_type(TITLE)
        index = SpanIndex(titles)
        every: dict[str, set[str]] = {}
        outermost: dict[str, set[str]] = {}
        for t in titles:
            name = compact(t.text)
            alone = all(o is t for o in index.containing(t.start, t.end))
            for k in range(len(name)):
                every.setdefault(name[:k], set()).add(name[k:])
                if alone:
                    outermost.setdefault(name[:k], set()).add(name[k:])
        return every, outermost

    @cached_property
    def home_province(self) -> str | None:
        """The province the document's places mostly belong to."""
        counts: dict[str, int] = {}
        for m in self.of_type("Place"):
            entry = gazetteer.lookup(compact(m.text))
            if entry is not None and entry.province:
                counts[entry.province] = counts.get(entry.province, 0) + 1
        return max(sorted(counts), key=counts.get) if counts else None

    @cached_property
    def _by_name(self) -> dict[str, list[Mention]]:
        out: dict[str, list[Mention]] = defaultdict(list)
        for m in self.entity_mentions:
            out[compact(m.text)].append(m)
        return out

    def first_mention(self, text: str, types: tuple[str, ...]) -> Mention | None:
        return next((m for m in self._by_name.get(compact(text), ()) if m.type in types), None)

    def named(self, name: str) -> list[Mention]:
        """Entity mentions whose compact text is ``name``, in text order."""
        return self._by_name.get(name, [])

    def ending_in(self, lo: int, hi: int, types: tuple[str, ...]) -> list[Mention]:
        """Mentions of ``types`` whose end is in (lo, hi], in text order."""
        return [m for m in self._index.overlapping(lo, hi) if lo < m.end <= hi and m.type in types]

    def covered(self, m: Mention) -> bool:
        """Is ``m`` inside a longer mention (a title included)?"""
        return any(o.end - o.start > m.end - m.start for o in self._index.containing(m.start, m.end))

    def sub_mention(self, outer: Mention, start: int, end: int, type_: str) -> Mention:
        """The mention of ``type_`` at [start, end) inside ``outer``: an existing one or a new one."""
        for m in self._by_start.get(start, ()):
            if m.end == end and m.type == type_:
                return m
        return Mention(start, end, self.text[start:end], type_, source=f"relations.{outer.source}")

    def name_part(self, outer: Mention, k_start: int, k_end: int, type_: str) -> Mention:
        """The part of ``outer`` between compact offsets [k_start, k_end) (spaces skipped)."""
        raw = [i for i in range(outer.start, outer.end) if not self.text[i].isspace()]
        return self.sub_mention(outer, raw[k_start], raw[k_end - 1] + 1, type_)

    # -- relations ---------------------------------------------------------
    def evidence(self, *mentions: Mention) -> Span:
        """The sentence(s) covering the mentions."""
        start = min(m.start for m in mentions)
        end = max(m.end for m in mentions)
        first, last = self.doc.sentence_at(start), self.doc.sentence_at(end - 1)
        s = first.start if first else start
        e = last.end if last else end
        return Span(s, e, self.text[s:e])

    def relation(self, head: Mention, label: str, tail: Mention, pattern: str,
                 evidence: Span | None = None) -> Relation:
        return Relation(head, label, tail, pattern, evidence or self.evidence(head, tail))


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last comma, sentence end or colon)."""
    i = pos
    while i > 0 and not CLAUSE_END.match(text[i - 1]):
        i -= 1
    return i


def clause_end(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` ends."""
    m = CLAUSE_END.search(text, pos)
    return m.start() if m else len(text)



def add_once(out: list, seen: dict[tuple, list[int]], key: tuple, item) -> None:
    """Add a dated fact (``item.date``, ``item.date_stated``: kg.model.Event, Milestone) to ``out``
    once per ``key`` and date.  A headline and its report state one fact twice: the one with the
    sentence's own date stands for both; two different stated dates are two facts.  ``seen``
    maps each key to the indexes of its facts in ``out``."""
    same = seen[key]
    for i in same:
        if out[i].date == item.date or not item.date_stated:
            return
        if not out[i].date_stated:
            out[i] = item
            return
    same.append(len(out))
    out.append(item)


def substrings(text: str) -> set[str]:
    """Every piece of ``text`` (a name or title: a few dozen characters)."""
    return {text[i:j] for i in range(len(text)) for j in range(i + 1, len(text) + 1)}


def owner_after_place(ctx: DocContext, owner: Mention) -> Mention | None:
    """甲市某某 when the document also names 某某 on its own: a company's mention that opens with a
    place followed by a company or institution the document names alone is that company in
    that place; returns the company's own mention."""
    places = [m for m in ctx.starting_at(owner.start, ("Place",)) if m.end < owner.end]
    if not places:
        return None
    rest = compact(ctx.text[places[0].end:owner.end])
    return ctx.first_mention(rest, ("Enterprise", "Organization"))


#: 举行 X 首车下线仪式 / 开工仪式 / 投产仪式: a ceremony of the project named right after 举行.
CEREMONY = re.compile(rf"[^，,。；;！？!?\n]{{0,12}}?(?:{trigger_alternation('ceremony')})")


def ceremony_site(ctx: DocContext, pos: int) -> Mention | None:
    """The project whose ceremony is held at ``pos`` (举行X开工仪式), or None."""
    pos = ctx.skip_space(pos)
    if not ctx.text.startswith("举行", pos):
        return None
    found = [m for m in ctx.starting_at(ctx.skip_space(pos + 2), ("Project",)) if ctx.is_outermost(m)]
    return found[0] if found and CEREMONY.match(ctx.text, found[0].end) else None


#: Characters of dates and events (春季, 某某会, 第三届): words that name no owner before a place.
NOT_OWNER_CHARS = frozenset(triggers("not_owner_char"))
#: The words before a place inside a project's name that may be its owner's short name
#: (某企 in 某企某市能源装备产业园项目): a few characters, no digit, bracket or route mark.
UNNAMED_OWNER = re.compile("[\u4e00-\u9fff]{2,6}")


def plausible_owner(name: str) -> bool:
    """Whether ``name``, read as the owner a project's name opens with, can be a name: it neither
    opens with a verb that builds the project (新建, 实施) nor ends with a word that joins places or
    items (至, 与), the classes ``owner_false_start`` and ``owner_false_end``."""
    return not name.startswith(triggers("owner_false_start")) and not name.endswith(triggers("owner_false_end"))


def place_after_unnamed_owner(ctx: DocContext, site: Mention) -> Mention | None:
    """某企某市能源装备产业园项目, 某某陶瓷某区生产基地: a name that opens with a few words no
    recognizer named (a company's short name) and then a place of the document is in that
    place, as after a named owner (name_infix).  Not a province or wider there (a company's
    regional seat), nor after a date or an event (春季, 某某会), nor a verb or a joining word
    (``plausible_owner``: 新建|某市…), nor in a name opening with a place (the name prefix says
    where it is)."""
    places = [m for m in ctx.inside(site.start + 1, site.end, ("Place",)) if m.end < site.end and ctx.enclosing(m)]
    if not places:
        return None
    place = places[0]
    head = compact(ctx.text[site.start:place.start])
    if not UNNAMED_OWNER.fullmatch(head) or not plausible_owner(head) or gazetteer.match_place(head, 0) > 0 \
            or set(head) & NOT_OWNER_CHARS \
            or ctx.inside(site.start, place.start, ENTITY_TYPES):
        return None
    if len(compact(place.text)) < 2 or province_or_wider(compact(place.text)) or ROUTE.match(ctx.text, place.end):
        return None  # 新建甲市至乙市铁路: a route is named by its ends
    return place


def province_or_wider(name: str) -> bool:
    """Is ``name`` a province, a country or a region (gazetteer levels)?"""
    entry = gazetteer.lookup(name)
    return entry is not None and entry.level in (gazetteer.PROVINCE, gazetteer.COUNTRY, gazetteer.REGION)
