"""Entity resolution: the mentions and relations of many documents -> one KnowledgeBase.

Within a document
  - one thing per (type, name); alias_of relations join a short form to its full name;
  - a bare body (区委, 区人大常委会, 市人力社保局) means the body of the paper's own
    district or city: the place comes from the article's ``place`` (set by the
    segmenter from masthead or dateline), else the section header above the
    mention, else the district/city the document names most often.  How it was
    decided is kept in ``Entity.how_resolved``.
Across documents
  - things of one type with the same full name are one entity;
  - a short name (川仪精密) joins the one full name it is a short form of; when
    it fits several, it stays on its own;
  - people merge on name plus a shared body or post, or the same district; two
    people with one name in different districts and nothing shared stay apart.
Entity ids hash type, name and (for people) the disambiguating district or
body, so they do not depend on the run or on the order of the inputs.

``Resolver`` does this in two passes over the documents, keeping only compact
summaries in between (what ``kg build`` streams through its store);
``resolve`` runs both passes over documents in memory.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Container, Iterable

from kg import gazetteer, uscc
from kg.divisions import Division, divisions
from kg.errors import KgError
from kg.knowledge import (DocumentRecord, Entity, Evidence, Fact, KnowledgeBase, PersonnelEvent, Post,
                          ProjectFigure, ProjectMilestone)
from kg.lexicon import load_set, load_table
from kg.model import ENTITY_TYPES, Document, Mention, Relation
from kg.names import compact, is_short_form, leading_place
from kg.overrides import Override
from kg.signatures import copies

#: Level words a bare body starts with (区委, 自治区党委), which end the name of the place it belongs to.
LEVELS = ("自治区", "省", "市", "区", "县", "州", "镇", "乡")
BODY_TYPES = ("GovOrg", "Organization")


def _level(name: str) -> str | None:
    """The level word a bare name starts with (区委 -> 区, 自治区党委 -> 自治区), or None
    (江津区委; 市场监督管理总局, whose first character starts a word of its own)."""
    for level in LEVELS:
        if name.startswith(level) and len(name) > len(level):
            return None if name[:2] in load_set("bare_body_false_starts.txt") else level
    return None


def _at_level(name: str, level: str) -> bool:
    """Whether ``name`` is a place of ``level``: 江津区 of 区, not 西藏自治区; 楚雄彝族自治州 of 州."""
    if level == "区":
        return name.endswith("区") and not name.endswith("自治区") and len(name) > 1
    if level == "州":
        return name.endswith("自治州")
    return name.endswith(level) and len(name) > len(level)


def entity_id(type_: str, label: str, qualifier: str = "") -> str:
    """Stable id: type + canonical name (+ what tells two same-named people apart)."""
    digest = hashlib.sha1(f"{type_}|{label}|{qualifier}".encode()).hexdigest()[:12]
    return f"{type_.lower()}/{digest}"


@dataclass
class _Local:
    """One thing as one document names it."""

    doc: Document
    type: str
    names: set[str]
    mentions: list[Mention] = field(default_factory=list)
    label: str = ""  # canonical name, spaces removed and brackets folded (kg.names.compact)
    how: list[tuple[str, str]] = field(default_factory=list)  # (what is the same, how it reads)
    districts: set[str] = field(default_factory=set)  # people: districts of the articles naming them
    bodies: set[str] = field(default_factory=set)  # people: labels of the bodies they are members of
    titles: set[str] = field(default_factory=set)  # people: post titles, bare ones qualified
    division: Division | None = None  # places: the administrative division it is

    @property
    def order(self) -> tuple[str, int]:
        return (self.doc.sha256, min(m.start for m in self.mentions))


@dataclass
class _Person:
    """What a person-local leaves for the merging of people across documents."""

    label: str
    order: tuple[str, int]  # (document sha256, first offset): the key of the local
    doc_name: str
    districts: set[str]
    bodies: set[str]
    titles: set[str]


@dataclass
class DocumentPart:
    """What ``Resolver.part`` of one document took from the resolution beyond its entity ids
    (the entities it ``asked`` whether they are known) and gave to the entity descriptions."""

    asked: list[str]
    contribution: dict


class _Asked:
    """The known entity ids, remembering which were asked about."""

    def __init__(self, known: set[str]) -> None:
        self.known = known
        self.asked: set[str] = set()

    def __contains__(self, eid: str) -> bool:
        self.asked.add(eid)
        return eid in self.known


class Resolver:
    """Resolution in two passes over the documents, holding only compact summaries
    in between, so that a build's memory does not grow with the evidence of the corpus:

    1. ``observe`` each document (any order): names by type, people's districts,
       bodies and titles; then ``finish`` decides every entity id;
    2. ``part`` of each document, in ``document_order``: that document's share of the
       knowledge base (its mentions, posts and facts, with entity ids), while the
       resolver gathers each entity's description (``entities``: label, aliases, how
       it was resolved; no mentions).
    """

    def __init__(self, overrides: Iterable[Override] = ()) -> None:
        self.documents: list[DocumentRecord] = []
        self.mentions_before_resolution = 0
        self._labels: dict[str, set[str]] = defaultdict(set)  # type -> canonical names (people aside)
        self._people: list[_Person] = []
        self._short_of: dict[tuple[str, str], str] = {}
        self._person_ids: dict[tuple[str, int], str] = {}
        self._person_how: dict[str, str] = {}
        self._person_labels: dict[str, str] = {}  # entity id -> label of a namesake
        self.known: set[str] = set()  # every entity id but document-scoped bare bodies
        self._entities: dict[str, Entity] = {}
        self._how: dict[str, dict[str, str]] = defaultdict(dict)
        self._divisions: dict[str, Division] = {}  # label of a place -> the division it is
        self._alias_of: dict[tuple[str, str], set[str]] = defaultdict(set)  # (type, other name) -> labels
        self._why_short: dict[tuple[str, str], str] = {}  # (type, label) -> why it joins another
        self._overrides = list(overrides)
        self._wanted_in: dict[str, set[str]] = defaultdict(set)  # document -> mention texts overrides name
        for o in self._overrides:
            for doc_name, text in o.items:
                self._wanted_in[doc_name].add(text)
        self._apart: dict[str, frozenset[str]] = defaultdict(frozenset)  # document -> names kept apart in it
        for o in self._overrides:
            if o.kind == "different":
                for doc_name in {d for d, _ in o.items}:
                    self._apart[doc_name] |= {t for d, t in o.items if d == doc_name}
        self._refs: dict[tuple[str, str], list[tuple]] = defaultdict(list)  # override item -> its locals
        self._redirect: dict[tuple[str, str, str], tuple[str, str, str]] = {}  # (doc, name, type) -> (id, why, label)
        self._override_labels: dict[str, str] = {}  # entity id -> label of one an override set apart
        self._corrections: dict[str, set[str]] = defaultdict(set)
        self._codes: dict[str, set[str]] = defaultdict(set)  # company id -> 统一社会信用代码 stated for it
        self.parts: dict[str, DocumentPart] = {}  # document sha256 -> what its part took and gave
        self._sketches: dict[str, list[int]] = {}  # document sha256 -> the sketch of its text (kg.signatures)

    def observe(self, doc: Document) -> None:
        self.observe_summary(self.summary(doc))

    def summary(self, doc: Document) -> dict:
        """What pass 1 needs of ``doc``, as JSON data: a store keeps it, so that adding documents
        does not read the stored ones again."""
        locals_ = _document_locals(doc, _PlaceContext(doc), self._apart.get(doc.name, frozenset()))
        return {"record": [doc.sha256, doc.name, doc.path, doc.date.isoformat() if doc.date else None, doc.source,
                           [a.headline.text for a in doc.articles if a.headline]],
                "mentions": len({(compact(m.text), m.type) for m in doc.entities()}),
                "sketch": doc.text_signature,
                "locals": [[lc.type, lc.label, sorted(lc.names), lc.order[1], sorted(lc.districts), sorted(lc.bodies),
                            sorted(lc.titles), lc.division.code if lc.division else None] for lc in locals_]}

    def observe_summary(self, summary: dict) -> None:
        """Pass 1 of one document, from its ``summary``."""
        sha, name, path, date, source, headlines = summary["record"]
        self.documents.append(DocumentRecord(sha, name, path, dt.date.fromisoformat(date) if date else None, source,
                                             headlines))
        self.mentions_before_resolution += summary["mentions"]
        self._sketches[sha] = summary["sketch"]
        wanted = self._wanted_in.get(name, set())
        for type_, label, names, start, districts, bodies, titles, code in summary["locals"]:
            order = (sha, start)
            for text in set(names) & wanted:
                self._refs[(name, text)].append((type_, label, sha, order))
            if type_ == "Person":
                self._people.append(_Person(label, order, name, set(districts), set(bodies), set(titles)))
            else:
                self._labels[type_].add(label)
                if code:
                    self._divisions[label] = divisions().by_code[code]
                elif not _is_bare(label):
                    for other in set(names) - {label}:
                        self._alias_of[(type_, other)].add(label)

    def finish(self) -> None:
        self.documents.sort(key=lambda d: (d.sha256, d.name))
        # The first of a story's copies is the earliest (undated ones last), then by sha256: not the order added.
        first = sorted(self.documents, key=lambda d: (d.date is None, d.date or dt.date.min, d.sha256))
        copy_of = copies([(d.sha256, self._sketches[d.sha256]) for d in first])
        for d in self.documents:
            d.copy_of = copy_of.get(d.sha256)
        self._sketches = {}
        short_of = _short_forms_across(self._labels)
        self._why_short = {k: f"short form {k[1]} of {v} (the only match in the corpus)" for k, v in short_of.items()}
        for (type_, name), fulls in sorted(self._alias_of.items()):
            if name in self._labels[type_] and len(fulls) == 1 and (type_, name) not in short_of \
                    and not _is_bare(name):
                short_of[(type_, name)] = full = next(iter(fulls))
                self._why_short[(type_, name)] = f"{name} is written as another name of {full} (the only one)"
        for type_ in (*BODY_TYPES, "Project"):
            for key, labels in _by_abbreviation(type_, self._labels.get(type_, set())).items():
                target = max(sorted(labels), key=len)
                for label in labels - {target}:
                    if (type_, label) not in short_of:
                        short_of[(type_, label)] = target
                        self._why_short[(type_, label)] = f"{label} and {target} are both {key} abbreviated"
        # A division is named by its code's full name, never a short form of some other place.
        self._short_of = {k: v for k, v in short_of.items() if not (k[0] == "Place" and k[1] in self._divisions)}
        self._alias_of = defaultdict(set)
        for type_, labels in self._labels.items():
            for label in labels:
                full = self._full_name(type_, label)
                if not (type_ in BODY_TYPES and _is_bare(full)):
                    self.known.add(entity_id(type_, full))
        self._person_ids, self._person_how, self._person_labels = _merge_people(self._people, copy_of)
        self.known.update(self._person_ids.values())
        self._people = []
        for override in self._overrides:
            self._apply(override)
        self.known.update(self._override_labels)

    def _apply(self, override: Override) -> None:
        """Redirect the locals an override names: all to the first one's entity (same), or each
        that shares an entity with an earlier one to an entity of its own (different)."""
        why = override.describe()
        refs = []
        for doc, text in override.items:
            if not self._refs.get((doc, text)):
                raise KgError(f"--overrides: {doc} has no mention {text} ({why})")
            refs.append([(doc, text, ref) for ref in self._refs[(doc, text)]])
        seen: set[str] = set()
        for doc, text, (type_, label, sha, order) in (r for group in refs for r in group):
            key = (doc, text, type_)
            eid = self._redirect[key][0] if key in self._redirect else self._id_of(type_, label, sha, order)
            if override.kind == "same":
                first_type, first_label, first_sha, first_order = refs[0][0][2]
                if type_ != first_type:
                    raise KgError(f"--overrides: cannot make one entity of a {first_type} and a {type_} ({why})")
                first_key = (refs[0][0][0], refs[0][0][1], first_type)
                target = self._redirect.get(first_key) or (
                    self._id_of(first_type, first_label, first_sha, first_order), why,
                    first_label if first_type == "Person" else self._full_name(first_type, first_label))
                eid = target[0]
                self._redirect[key] = (eid, why, target[2])
            elif eid in seen:
                eid = entity_id(type_, text, f"override|{doc}|{text}")
                self._override_labels[eid] = f"{text}（{doc}）"
                self._redirect[key] = (eid, why, self._override_labels[eid])
            seen.add(eid)
            self._corrections[eid].add(why)

    @staticmethod
    def document_order(doc: Document | DocumentRecord) -> tuple[str, str]:
        """The order of pass 2 (input order must not matter)."""
        return (doc.sha256, doc.name)

    def part(self, doc: Document) -> KnowledgeBase:
        """Pass 2 of ``doc``: its share of the knowledge base. What it took from the resolution
        and gave to the entity descriptions is kept in ``parts`` (see ``signature``)."""
        places = _PlaceContext(doc)
        locals_ = _document_locals(doc, places, self._apart.get(doc.name, frozenset()))
        part = KnowledgeBase()
        local_of: dict[tuple[str, str], str] = {}  # (type, name) -> entity id
        local_at: dict[tuple[str, int, int], str] = {}  # (type, start, end) -> entity id
        given = []  # what the document gives to the descriptions of its entities, in order
        for local in sorted(locals_, key=lambda lc: lc.order):
            eid, local.label, how = self._resolved(local.type, local.label, local.names, doc.sha256, doc.name,
                                                   local.order)
            local.how += how
            for name in local.names:
                local_of.setdefault((local.type, name), eid)
            for m in local.mentions:
                local_at[(local.type, m.start, m.end)] = eid
            ent = part.entities.setdefault(eid, Entity(eid, local.type, local.label))
            for m in local.mentions:
                ent.mentions.append(_evidence(doc, m, m.source))
            given.append([eid, local.type, local.label, sorted({"".join(m.text.split()) for m in local.mentions}),
                          [list(h) for h in local.how]])

        def id_of(m: Mention) -> str | None:
            return local_at.get((m.type, m.start, m.end)) or local_of.get((m.type, compact(m.text)))

        companies = sorted((m.start, local_at[(m.type, m.start, m.end)]) for lc in locals_ if lc.type == "Enterprise"
                           for m in lc.mentions)
        codes = []
        for pos, code in uscc.stated_codes(doc.text):
            company = _stated_before(doc, companies, pos)
            if company:
                codes.append([company, code])
        known = _Asked(self.known)
        _add_facts(part, doc, id_of, places, _FactIndex(), known)
        _add_facts_in_time(part, doc, id_of)
        contribution = {"entities": given, "codes": codes}
        self.contribute(contribution)
        self.parts[doc.sha256] = DocumentPart(sorted(known.asked), contribution)
        return part

    def contribute(self, contribution: dict) -> None:
        """Add what one document gives to the entity descriptions (pass 2, in ``document_order``):
        ``part`` of it, or what a store kept of its last ``part`` when its ``signature`` is unchanged."""
        for eid, type_, label, aliases, how in contribution["entities"]:
            self._entities.setdefault(eid, Entity(eid, type_, label)).aliases.update(aliases)
            for key, text in how:
                self._how[eid].setdefault(key, text)
        for company, code in contribution["codes"]:
            self._codes[company].add(code)

    def signature(self, summary: dict, asked: list[str]) -> str:
        """A digest of what the resolution gives the document of ``summary`` (its entity ids and
        labels, and whether the entities ``asked`` about are known): while it is the same, the
        document's ``part`` is the same."""
        sha, name = summary["record"][:2]
        resolved = [self._resolved(type_, label, set(names), sha, name, (sha, start))
                    for type_, label, names, start, *_ in sorted(summary["locals"], key=lambda lc: lc[3])]
        data = [resolved, [eid in self.known for eid in asked]]
        return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()

    def entities(self) -> dict[str, Entity]:
        """Each entity seen by ``part``, described (no mentions), by id."""
        out = {}
        for eid, ent in sorted(self._entities.items()):
            written = sorted(a for a in ent.aliases if compact(a) == ent.label)
            label = written[0] if written else ent.label  # as written: （江津片区） keeps its brackets
            label = self._override_labels.get(eid) or self._person_labels.get(eid, label)
            how = list(self._how[eid].values()) + ([self._person_how[eid]] if eid in self._person_how else [])
            division = self._divisions.get(ent.label) if ent.type == "Place" else None
            code = division.code if division else min(self._codes[eid]) if self._codes.get(eid) else None
            out[eid] = Entity(eid, ent.type, label, {a for a in ent.aliases if compact(a) != compact(label)},
                              how_resolved="; ".join(how), jurisdiction=self._jurisdiction(ent),
                              identifier=code,
                              within=self._within(division) if division else None,
                              corrections=sorted(self._corrections.get(eid, ())))
        return out

    def _within(self, division: Division) -> str | None:
        """The nearest division above ``division`` that the graph has as an entity."""
        for above in divisions().ancestors(division)[1:]:
            eid = entity_id("Place", _division_label(above))
            if eid in self.known:
                return eid
        return None

    def _jurisdiction(self, body: Entity) -> str | None:
        """The place a government body's name starts with (江津区委 -> 江津区, 重庆市人力社保局 ->
        重庆市), when the corpus names that place: who leads a district is then a graph query."""
        if body.type != "GovOrg":
            return None
        place = leading_place(body.label, self._labels.get("Place", set()))
        if not place:
            return None
        eid = entity_id("Place", self._full_name("Place", place))
        return eid if eid in self.known and eid != body.id else None

    def _full_name(self, type_: str, label: str) -> str:
        seen = {label}
        while (type_, label) in self._short_of and self._short_of[(type_, label)] not in seen:
            label = self._short_of[(type_, label)]
            seen.add(label)
        return label

    def _resolved(self, type_: str, label: str, names: set[str], doc_sha: str, doc_name: str,
                  order: tuple[str, int]) -> tuple[str, str, list[tuple[str, str]]]:
        """A local's entity id, its label and how the resolution decided them."""
        eid = self._id_of(type_, label, doc_sha, order)
        how = []
        full = self._full_name(type_, label) if type_ != "Person" else label
        if full != label:
            reason = f"{doc_name}: {self._why_short.get((type_, label), label)}"
            how.append((reason, reason))
            label = full
        for name in sorted(names):
            if (doc_name, name, type_) in self._redirect:
                eid, why, label = self._redirect[(doc_name, name, type_)]
                how.append((why + doc_name, f"{doc_name}: {why}"))
                break
        return eid, label, how

    def _id_of(self, type_: str, label: str, doc_sha: str, order: tuple[str, int]) -> str:
        """The entity id of a local, by the rules (before overrides)."""
        if type_ == "Person":
            return self._person_ids[order]
        full = self._full_name(type_, label)
        # A bare body no place could be found for (镇政府) is only known within its document.
        scope = doc_sha if type_ in BODY_TYPES and _is_bare(full) else ""
        return entity_id(type_, full, scope)


def resolve(docs: list[Document], overrides: Iterable[Override] = ()) -> KnowledgeBase:
    """The knowledge base of ``docs`` in memory (``Resolver`` for the streaming build)."""
    resolver = Resolver(overrides)
    for doc in docs:
        resolver.observe(doc)
    resolver.finish()
    kb = KnowledgeBase(documents=resolver.documents, mentions_before_resolution=resolver.mentions_before_resolution)
    index = _FactIndex()
    mentions: dict[str, list[Evidence]] = defaultdict(list)
    for doc in sorted(docs, key=Resolver.document_order):
        part = resolver.part(doc)
        for eid, ent in part.entities.items():
            mentions[eid] += ent.mentions
        for post in part.posts:
            index.merge(kb, post)
        for fact in part.facts:
            index.merge(kb, fact)
        kb.events += part.events
        kb.milestones += part.milestones
        kb.figures += part.figures
    kb.entities = resolver.entities()
    for eid, ent in kb.entities.items():
        ent.mentions = mentions[eid]
    kb.posts.sort(key=lambda p: (p.person, p.date is None, p.date or 0, p.title))
    kb.facts.sort(key=lambda f: (f.subject, f.relation, f.object))
    return kb


# -- within a document ------------------------------------------------------

def _document_locals(doc: Document, places: _PlaceContext, apart: frozenset[str] = frozenset()) -> list[_Local]:
    """The things one document names; an alias between two names of ``apart`` (an override
    keeps them different) is not followed."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(k):
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    mentions = places.entity_mentions
    mention_keys = [(m.type, compact(m.text)) for m in mentions]
    keys = set(mention_keys)
    for r in doc.relations:
        if r.label == "alias_of" and r.head.type == r.tail.type \
                and (compact(r.head.text), compact(r.tail.text)) not in places.not_aliases \
                and not {compact(r.head.text), compact(r.tail.text)} <= apart:
            a, b = find((r.head.type, compact(r.head.text))), find((r.tail.type, compact(r.tail.text)))
            if a != b and a in keys and b in keys:
                parent[a] = b
    groups: dict[tuple[str, str], _Local] = {}
    for m, key in zip(mentions, mention_keys):
        root = find(key)
        local = groups.get(root)
        if local is None:
            local = groups[root] = _Local(doc, m.type, set())
        local.names.add(key[1])
        local.mentions.append(m)
    out: list[_Local] = []
    for local in groups.values():
        local.label = _canonical(local.names)
        if len(local.names) > 1:
            same = " = ".join(sorted(local.names))
            local.how.append((same, f"alias in {doc.name}: {same}"))
        if local.type in BODY_TYPES and _level(local.label):
            out += _bare_body_locals(local, places)
            continue
        if local.type in BODY_TYPES and _is_bare(local.label):
            local.label = f"{local.label}（{_seen_in(doc)}）"
        if local.type == "Place":
            _read_division(local, places)
        out.append(local)
    _person_context(doc, out, places)
    return out


def _seen_in(doc: Document) -> str:
    """Where a name known only within its document was seen: outlet and date, else the file name."""
    return f"{doc.source} {doc.date.isoformat()}" if doc.source and doc.date else doc.source or doc.name


def _read_division(local: _Local, places: _PlaceContext) -> None:
    """A place that is an administrative division takes the division's full name (四川 -> 四川省):
    one entity per division across documents."""
    local.division = next((d for n in sorted(local.names, key=lambda n: (-len(n), n))
                           if (d := places.division(n))), None)
    if local.division is None:
        return
    label = _division_label(local.division)
    if label != local.label or len(local.names) > 1:
        reason = f"{local.doc.name}: {' = '.join(sorted(local.names))} is the division {local.division.code} {label}"
        local.how.append((reason, reason))
    local.label = label


def _bare_body_locals(local: _Local, places: _PlaceContext) -> list[_Local]:
    """区委 in a district paper is that district's 区委; on a page of several districts' articles,
    each article's 区委 is its own district's."""
    by_place: dict[tuple[str | None, str], list[Mention]] = defaultdict(list)
    level = _level(local.label)
    for m in local.mentions:
        by_place[places.at(m.start, level)].append(m)
    out = []
    doc = local.doc
    for (place, how), mentions in sorted(by_place.items(), key=lambda kv: kv[1][0].start):
        part = _Local(doc, local.type, set(local.names), mentions, local.label, list(local.how))
        if place:
            reason = f"{doc.name}: bare body {local.label} read as {place}'s ({how})"
            part.label = _qualify(local.label, place)
        else:
            # Unresolved, it is only known within its document; its label says which one.
            part.label = f"{local.label}（{_seen_in(doc)}）"
            reason = f"{doc.name}: bare body {local.label}: the document does not make its place clear"
        part.how.append((reason, reason))
        out.append(part)
    return out


def _entity_mentions(doc: Document) -> list[Mention]:
    """The document's entity mentions plus relation ends that are no mention of their own
    (璧山 inside 璧山高新区 when the recognizer kept only the park)."""
    out = list(doc.entities())
    spans = {(m.start, m.end, m.type) for m in out}
    for r in doc.relations:
        for m in (r.head, r.tail):
            if m.type in ENTITY_TYPES and (m.start, m.end, m.type) not in spans:
                spans.add((m.start, m.end, m.type))
                out.append(m)
    return sorted(out, key=lambda m: (m.start, m.end, m.type))


def _canonical(names: set[str]) -> str:
    """The preferred name: the longest, ties broken by text so the choice is deterministic."""
    return max(sorted(names), key=len)


def _qualify(name: str, place: str) -> str:
    """区委 + 江津区 -> 江津区委; 市人力社保局 + 重庆市 -> 重庆市人力社保局; 自治区党委 + 西藏自治区 ->
    西藏自治区党委."""
    level = _level(name) or name[0]
    return place + name[len(level):] if place.endswith(level) else place + name


class _PlaceContext:
    """The division each place name of a document means, and the province, city, district or
    town a position in the document belongs to, with how that was decided."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        #: The document's entity mentions with relation ends (``_entity_mentions``), found once for
        #: both the place names here and the locals (``_document_locals``).
        self.entity_mentions = _entity_mentions(doc)
        aliases = {(compact(r.head.text), compact(r.tail.text)) for r in doc.relations
                   if r.label == "alias_of" and r.head.type == "Place"}
        names = {compact(m.text) for m in self.entity_mentions if m.type == "Place"} | \
            {n for pair in aliases for n in pair}  # with relation ends (平凉 of a railway's located_in)
        named = _divisions_named(names)
        # An alias between two names of different divisions (南昌 the city, 南昌县) is a misreading.
        self.not_aliases = {(a, b) for a, b in aliases if a in named and b in named and named[a] != named[b]}
        full_of = {a: b for a, b in sorted(aliases - self.not_aliases)}
        self.full_of = full_of
        full_names = {full_of.get(n, n) for n in names}
        self.divisions = named if full_names == names else _divisions_named(full_names)
        # Each place name's divisions are looked up once: the document's and every article's
        # counts (``_dominant``) and each ``at`` ask again for the same few names.
        self._names_of: dict[str, list[str]] = {}
        # (offset, the place and the divisions above it) of each place mention
        self.places = [(m.start, self._names(compact(m.text))) for m in doc.entities() if m.type == "Place"]
        self.dominant = self._dominant(0, len(doc.text))
        self.by_article: dict[int, dict] = {}
        self.sections = [(s.header.start, s.end, full_of.get(compact(s.header.text), compact(s.header.text)))
                         for s in doc.sections]

    def division(self, name: str) -> Division | None:
        return self.divisions.get(self.full_of.get(name, name))

    def _names(self, name: str) -> list[str]:
        """A place and the divisions above it (江津 -> 江津区, 重庆市), as full names."""
        if name not in self._names_of:
            d = self.division(name)
            self._names_of[name] = [a.name for a in divisions().ancestors(d)] if d else [self.full_of.get(name, name)]
        return self._names_of[name]

    def _dominant(self, start: int, end: int) -> dict[str, tuple[str, int] | None]:
        """Per level, the place of that level named most often in [start, end), a division
        counting for those above it too, and how often; none when two tie."""
        counts = Counter(n for pos, names in self.places if start <= pos < end for n in names)
        out = {}
        for level in LEVELS:
            ranked = sorted((n for n in counts if _at_level(n, level)), key=lambda n: (-counts[n], n))
            tie = len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]
            out[level] = (ranked[0], counts[ranked[0]]) if ranked and not tie else None
        return out

    def _of_level(self, place: str, level: str) -> str | None:
        return next((n for n in self._names(place) if _at_level(n, level)), None)

    def at(self, pos: int, level: str) -> tuple[str | None, str]:
        """The place of ``level`` at ``pos``: the article's place (or the division above it
        of that level), the section's, else the one the article, then the document, names most."""
        article = self.doc.article_at(pos)
        if article is not None and article.place and (place := self._of_level(article.place, level)):
            return place, f"article place {article.place} from {article.place_source or 'segmenter'}"
        for start, end, header in self.sections:
            if start <= pos < end and (place := self._of_level(header, level)):
                return place, f"section header {header}"
        if article is not None:
            if article.start not in self.by_article:
                self.by_article[article.start] = self._dominant(article.start, article.end)
            best = self.by_article[article.start].get(level)
            if best:
                return best[0], f"dominant place of the article, {best[1]} mentions"
        best = self.dominant.get(level)
        if best:
            return best[0], f"dominant place, {best[1]} mentions"
        return None, ""

    def district(self, pos: int) -> str | None:
        for level in ("区", "县"):
            place, _ = self.at(pos, level)
            if place:
                return place
        return None


def _divisions_named(names: set[str]) -> dict[str, Division]:
    """The division each of a document's place names means: the names that fit one division
    give the context (they and the divisions above them) in which the others are read."""
    table = divisions()
    context = {a.code for n in names if len(found := table.candidates(n)) == 1 and not table.is_loose(n, found[0])
               for a in table.ancestors(found[0])}
    return {n: d for n in names if (d := table.resolve(n, context))}


def _division_label(d: Division) -> str:
    """A division's label: its full name, with the division above it when the name is shared
    (朝阳区（长春市）)."""
    table = divisions()
    if sum(1 for x in table.candidates(d.name) if x.name == d.name) > 1 and (parent := table.parent(d)):
        return f"{d.name}（{parent.name}）"
    return d.name


def _person_context(doc: Document, locals_: list[_Local], places: _PlaceContext) -> None:
    """Districts, bodies and titles of each person, for merging across documents."""
    by_name: dict[tuple[str, str], _Local] = {}
    for local in locals_:
        for name in local.names:
            by_name.setdefault((local.type, name), local)
    for local in locals_:
        if local.type == "Person":
            local.districts = {d for m in local.mentions if (d := places.district(m.start))}
    for r in doc.relations:
        person = by_name.get(("Person", compact(r.head.text)))
        if person is None:
            continue
        if r.label == "member_of":
            body = by_name.get((r.tail.type, compact(r.tail.text)))
            label = body.label if body else compact(r.tail.text)
            person.bodies.add(label + "@" + doc.sha256 if _is_bare(label) else label)
        elif r.label == "holds_post":
            title = _title_evidence(compact(r.tail.text), r.tail.start, places)
            if title:
                person.titles.add(title)


def _title_evidence(title: str, pos: int, places: _PlaceContext) -> str | None:
    """A post title that can tell one person from another: one naming its body or place
    (区委书记 in 江津 -> 江津区委书记), or a post only one person holds (总书记)."""
    level = _level(title)
    if level:
        place, _ = places.at(pos, level)
        return _qualify(title, place) if place else None
    if title in load_set("relation_unique_posts.txt") or gazetteer.find_places(title):
        return title
    return None


# -- across documents -------------------------------------------------------

def _is_bare(name: str) -> bool:
    """区委, 镇政府, 省人大常委会: a body named by its level only."""
    return _level(name) is not None or name.startswith(_bare_body_starts())


@functools.cache
def _bare_body_starts() -> tuple[str, ...]:
    """The words of relation_bare_bodies.txt as one tuple, which ``str.startswith`` tries in one call."""
    return tuple(load_set("relation_bare_bodies.txt"))


def _abbreviated(type_: str, name: str) -> str:
    """A body's name with its standard abbreviations (发展和改革委员会 -> 发改委, 人民政府 -> 政府);
    a project's without the word 项目 closing it (某某输变电工程项目 -> 某某输变电工程)."""
    if type_ == "Project":
        return name[:-2] if name.endswith("项目") and len(name) > 6 else name
    for full, short in _ABBREVIATIONS:
        name = name.replace(full, short)
    return name


_ABBREVIATIONS = sorted(load_table("body_abbreviations.tsv"), key=lambda row: -len(row[0]))


def _by_abbreviation(type_: str, labels: set[str]) -> dict[str, set[str]]:
    """Labels that read the same abbreviated (重庆市人民政府, 重庆市政府), by that reading."""
    groups: dict[str, set[str]] = defaultdict(set)
    for label in labels:
        if not _is_bare(label):
            groups[_abbreviated(type_, label)].add(label)
    return {key: group for key, group in groups.items() if len(group) > 1}


def _short_forms_across(labels: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """(type, short name) -> the one full name it is a short form of, over the whole corpus."""
    places = labels.get("Place", set())
    out: dict[tuple[str, str], str] = {}
    for type_, names in labels.items():
        fulls_of: dict[str, set[str]] = defaultdict(set)
        for full in names:
            for short in _candidate_short_forms(type_, full, names, places):
                if short != full and not _is_bare(short):
                    fulls_of[short].add(full)
        for short, fulls in fulls_of.items():
            if len(fulls) == 1:  # unambiguous only
                out[(type_, short)] = next(iter(fulls))
    return out


def _candidate_short_forms(type_: str, full: str, names: set[str], places: set[str]) -> list[str]:
    """Names of the corpus that are short forms of ``full``: its prefixes and suffixes that the
    in-document rules accept, and for companies the stem after a leading place
    (川仪精密 -> 重庆川仪精密机械有限公司)."""
    out = [full[:k] for k in range(1, len(full)) if full[:k] in names] + \
          [full[k:] for k in range(1, len(full)) if full[k:] in names]
    out = [n for n in out if is_short_form(type_, n, full, places)]
    if type_ == "Enterprise":
        k = len(leading_place(full, places))
        rest = full[k:]
        out += [rest[:j] for j in range(4, len(rest)) if k and rest[:j] in names
                and is_short_form(type_, rest[:j], rest, places)]
    if type_ == "Park":
        # Across documents only a park's place may be dropped (高竹新区 -> 川渝高竹新区 is not).
        out = [n for n in out if not full.endswith(n) or len(leading_place(full, places)) == len(full) - len(n)]
    return out


def _merge_people(people: list[_Person], copy_of: dict[str, str]) -> tuple[dict[tuple[str, int], str],
                                                                          dict[str, str], dict[str, str]]:
    """Entity ids of people by their local's order key, how each merged person was merged, and
    the labels of namesakes (张平（江津区，a.txt）), by entity id. ``copy_of``: each document that
    is a copy of a story -> the story's first document (a name in copies of one story is one person)."""
    ids: dict[tuple[str, int], str] = {}
    hows: dict[str, str] = {}
    labels: dict[str, str] = {}
    by_name: dict[str, list[_Person]] = defaultdict(list)
    for p in people:
        by_name[p.label].append(p)
    for name, group in by_name.items():
        clusters: list[list[_Person]] = []
        for p in sorted(group, key=lambda x: x.order):
            target = _compatible_cluster(clusters, p, copy_of)
            if target is None:
                clusters.append([p])
            else:
                target.append(p)
        used: set[str] = set()
        for cluster in clusters:
            qualifier = _qualifier(cluster)
            if qualifier in used:
                qualifier += "|" + cluster[0].order[0][:12]
            used.add(qualifier)
            eid = entity_id("Person", name, qualifier)
            for p in cluster:
                ids[p.order] = eid
            if len(cluster) > 1:
                hows[eid] = _person_how(cluster)
            if len(clusters) > 1:  # namesakes: each label says whose
                where = qualifier.split("|")[0].split("@")[0]
                labels[eid] = f"{name}（{where + '，' if where else ''}{cluster[0].doc_name}）"
    return ids, hows, labels


def _compatible_cluster(clusters: list[list[_Person]], p: _Person,
                        copy_of: dict[str, str]) -> list[_Person] | None:
    def facts(cluster):
        return (set().union(*(c.districts for c in cluster)), set().union(*(c.bodies for c in cluster)),
                set().union(*(c.titles for c in cluster)))

    def story(person: _Person) -> str:
        return copy_of.get(person.order[0], person.order[0])

    for cluster in clusters:
        if any(story(c) == story(p) and c.order[0] != p.order[0] for c in cluster):
            return cluster
        districts, bodies, titles = facts(cluster)
        if bodies & p.bodies or titles & p.titles:
            return cluster
        if districts & p.districts:
            return cluster
    return None


def _qualifier(cluster: list[_Person]) -> str:
    districts = sorted(set().union(*(c.districts for c in cluster)))
    bodies = sorted(set().union(*(c.bodies for c in cluster)))
    return districts[0] if districts else (bodies[0] if bodies else "")


def _person_how(cluster: list[_Person]) -> str:
    docs = {c.doc_name for c in cluster}
    shared = set.intersection(*(c.bodies | c.titles | c.districts for c in cluster))
    why = ", ".join(sorted(s.split("@")[0] for s in shared))
    return f"same name in {len(docs)} documents; shared: {why}" if why else \
        f"same name in {len(docs)} copies of one story"


# -- entities, posts, facts -------------------------------------------------

def _stated_before(doc: Document, companies: list[tuple[int, str]], pos: int) -> str | None:
    """The company a code stated at ``pos`` belongs to: the last one named before it in its sentence."""
    sentence = doc.sentence_at(pos)
    start = sentence.start if sentence else pos
    before = [eid for at, eid in companies if start <= at < pos]
    return before[-1] if before else None


def _evidence(doc: Document, m: Mention, pattern: str) -> Evidence:
    s = doc.sentence_at(m.start)
    return Evidence(doc.sha256, doc.name, s.start if s else m.start, s.end if s else m.end,
                    s.text if s else m.text, pattern)


class _FactIndex:
    """Posts and facts of a knowledge base by key, and the evidence each already has, so
    that a repeated post or fact joins the one there (in a document, and across parts)."""

    def __init__(self) -> None:
        self.posts: dict[tuple, Post] = {}
        self.facts: dict[tuple[str, str, str], Fact] = {}
        self.evidence: set[tuple[int, Evidence]] = set()

    def post(self, kb: KnowledgeBase, key: tuple) -> Post:
        """The post of ``key`` (person, title, body, date), added to ``kb`` if new."""
        if key not in self.posts:
            self.posts[key] = Post(*key)
            kb.posts.append(self.posts[key])
        return self.posts[key]

    def fact(self, kb: KnowledgeBase, key: tuple[str, str, str]) -> Fact:
        """The fact of ``key`` (subject, relation, object), added to ``kb`` if new."""
        if key not in self.facts:
            self.facts[key] = Fact(*key)
            kb.facts.append(self.facts[key])
        return self.facts[key]

    def add_evidence(self, target: Post | Fact, ev: Evidence) -> None:
        if (id(target), ev) not in self.evidence:
            self.evidence.add((id(target), ev))
            target.evidence.append(ev)

    def merge(self, kb: KnowledgeBase, item: Post | Fact) -> None:
        """Add ``item`` (of one document's part) to ``kb``, joining the post or fact it repeats."""
        if isinstance(item, Post):
            target = self.post(kb, (item.person, item.title, item.organization, item.date))
        else:
            target = self.fact(kb, (item.subject, item.relation, item.object))
        for ev in item.evidence:
            self.add_evidence(target, ev)


def _add_facts(kb: KnowledgeBase, doc: Document, id_of, places: _PlaceContext, index: _FactIndex,
               known: Container[str]) -> None:
    for r in doc.relations:
        ev = Evidence(doc.sha256, doc.name, r.evidence.start, r.evidence.end, r.evidence.text, r.pattern)
        head = id_of(r.head)
        if head is None:
            continue
        if r.label == "holds_post":
            body = _post_body(doc, r, id_of) or _bare_post_body(known, r, places)
            index.add_evidence(index.post(kb, (head, "".join(r.tail.text.split()), body, doc.date)), ev)
            continue
        tail = id_of(r.tail)
        if tail is None or tail == head:
            continue
        index.add_evidence(index.fact(kb, (head, r.label, tail)), ev)


def _add_facts_in_time(kb: KnowledgeBase, doc: Document, id_of) -> None:
    """The document's events, milestones and figures, with their person or project resolved."""
    def evidence(span, pattern: str) -> list[Evidence]:
        return [Evidence(doc.sha256, doc.name, span.start, span.end, span.text, pattern)]

    for e in doc.events:
        body = Mention(e.body.start, e.body.end, e.body.text, "GovOrg") if e.body else None
        kb.events.append(PersonnelEvent(id_of(e.person), compact(e.person.text), e.kind, e.acting, compact(e.title.text),
                                        compact(e.body.text) if e.body else None, e.date,
                                        evidence(e.evidence, f"events.{e.pattern}"), id_of(body) if body else None))
    for m in doc.milestones:
        kb.milestones.append(ProjectMilestone(id_of(m.project), compact(m.project.text), m.milestone, m.date,
                                              evidence(m.evidence, "milestones")))
    for f in doc.figures:
        kb.figures.append(ProjectFigure(id_of(f.project), compact(f.project.text), f.kind, f.qualifier, f.value,
                                        f.unit, evidence(f.evidence, "figures")))


def _post_body(doc: Document, post: Relation, id_of) -> str | None:
    """The body of a post: the member_of stated with it whose name the title contains
    (市科技局党委书记), or whose name ends the way the title starts (区委政法委: 政法委书记)."""
    title = compact(post.tail.text)
    stated = [r for r in doc.relations
              if r.label == "member_of" and r.head is post.head and r.evidence == post.evidence]
    for r in stated:
        if compact(r.tail.text) in title:
            return id_of(r.tail)
    for r in stated:
        name = compact(r.tail.text)
        if any(title.startswith(name[-k:]) for k in range(2, len(name))):
            return id_of(r.tail)
    if len({id_of(r.tail) for r in stated}) == 1:  # 市某某局党组成员、副局长: the one body named heads it
        name = compact(stated[0].tail.text)
        bare_title = title.lstrip("常务副代正")  # only a bare head: 管委会主任 names its own body
        if any(name.endswith(ending) and bare_title in heads for ending, heads in _POST_HEADS):
            return id_of(stated[0].tail)
    return None


_POST_HEADS = [(ending, tuple(heads.split(","))) for ending, heads in load_table("post_heads_by_body.tsv")]


def _bare_post_body(known: Container[str], post: Relation, places: _PlaceContext) -> str | None:
    """区委常委 in a district paper: the district's 区委, when the corpus knows that body."""
    title = compact(post.tail.text)
    bare = [b for b in load_set("relation_bare_bodies.txt") if title.startswith(b) and _level(b)]
    if not bare:
        return None
    body = max(bare, key=len)
    place, _ = places.at(post.tail.start, _level(body))
    if place is None:
        return None
    eid = entity_id("GovOrg", _qualify(body, place))
    return eid if eid in known else None
