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

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg.knowledge import (DocumentRecord, Entity, Evidence, Fact, KnowledgeBase, PersonnelEvent, Post,
                          ProjectFigure, ProjectMilestone)
from kg.lexicon import load_set, load_table
from kg.model import ENTITY_TYPES, Document, Mention, Relation
from kg.ner import gazetteer
from kg.relations.aliases import is_short_form, leading_place
from kg.relations.context import DocContext, compact
from kg.relations.locations import section_headers

#: Level characters a bare body starts with (区委), which end the name of the place it belongs to.
LEVELS = frozenset("区县市省镇乡")
BODY_TYPES = ("GovOrg", "Organization")


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
    label: str = ""  # canonical name, spaces removed and brackets folded (kg.relations.context.compact)
    how: list[tuple[str, str]] = field(default_factory=list)  # (what is the same, how it reads)
    districts: set[str] = field(default_factory=set)  # people: districts of the articles naming them
    bodies: set[str] = field(default_factory=set)  # people: labels of the bodies they are members of
    titles: set[str] = field(default_factory=set)  # people: post titles, bare ones qualified

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

    def __init__(self) -> None:
        self.documents: list[DocumentRecord] = []
        self.mentions_before_resolution = 0
        self._labels: dict[str, set[str]] = defaultdict(set)  # type -> canonical names (people aside)
        self._people: list[_Person] = []
        self._short_of: dict[tuple[str, str], str] = {}
        self._person_ids: dict[tuple[str, int], str] = {}
        self._person_how: dict[str, str] = {}
        self.known: set[str] = set()  # every entity id but document-scoped bare bodies
        self._entities: dict[str, Entity] = {}
        self._how: dict[str, dict[str, str]] = defaultdict(dict)

    def observe(self, doc: Document) -> None:
        self.documents.append(DocumentRecord(doc.sha256, doc.name, doc.path, doc.date, doc.source,
                                             [a.headline.text for a in doc.articles if a.headline]))
        self.mentions_before_resolution += len({(compact(m.text), m.type) for m in doc.entities()})
        for local in _document_locals(doc, _PlaceContext(DocContext(doc))):
            if local.type == "Person":
                self._people.append(_Person(local.label, local.order, doc.name,
                                            local.districts, local.bodies, local.titles))
            else:
                self._labels[local.type].add(local.label)

    def finish(self) -> None:
        self.documents.sort(key=lambda d: (d.sha256, d.name))
        self._short_of = _short_forms_across(self._labels)
        for type_, labels in self._labels.items():
            for label in labels:
                full = self._full_name(type_, label)
                if not (type_ in BODY_TYPES and _is_bare(full)):
                    self.known.add(entity_id(type_, full))
        self._person_ids, self._person_how = _merge_people(self._people)
        self.known.update(self._person_ids.values())
        self._people = []

    @staticmethod
    def document_order(doc: Document | DocumentRecord) -> tuple[str, str]:
        """The order of pass 2 (input order must not matter)."""
        return (doc.sha256, doc.name)

    def part(self, doc: Document) -> KnowledgeBase:
        places = _PlaceContext(DocContext(doc))
        locals_ = _document_locals(doc, places)
        part = KnowledgeBase()
        local_of: dict[tuple[str, str], str] = {}  # (type, name) -> entity id
        local_at: dict[tuple[str, int, int], str] = {}  # (type, start, end) -> entity id
        for local in sorted(locals_, key=lambda lc: lc.order):
            eid = self._entity_id(local)
            for name in local.names:
                local_of.setdefault((local.type, name), eid)
            for m in local.mentions:
                local_at[(local.type, m.start, m.end)] = eid
            ent = part.entities.setdefault(eid, Entity(eid, local.type, local.label))
            description = self._entities.setdefault(eid, Entity(eid, local.type, local.label))
            for m in local.mentions:
                ent.mentions.append(_evidence(doc, m, m.source))
                description.aliases.add("".join(m.text.split()))
            for key, text in local.how:
                self._how[eid].setdefault(key, text)

        def id_of(m: Mention) -> str | None:
            return local_at.get((m.type, m.start, m.end)) or local_of.get((m.type, compact(m.text)))

        _add_facts(part, doc, id_of, places, _FactIndex(), self.known)
        _add_facts_in_time(part, doc, id_of)
        return part

    def entities(self) -> dict[str, Entity]:
        """Each entity seen by ``part``, described (no mentions), by id."""
        out = {}
        for eid, ent in sorted(self._entities.items()):
            written = sorted(a for a in ent.aliases if compact(a) == ent.label)
            label = written[0] if written else ent.label  # as written: （江津片区） keeps its brackets
            how = list(self._how[eid].values()) + ([self._person_how[eid]] if eid in self._person_how else [])
            out[eid] = Entity(eid, ent.type, label, {a for a in ent.aliases if compact(a) != compact(label)},
                              how_resolved="; ".join(how), jurisdiction=self._jurisdiction(ent))
        return out

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

    def _entity_id(self, local: _Local) -> str:
        if local.type == "Person":
            return self._person_ids[local.order]
        label = self._full_name(local.type, local.label)
        if label != local.label:
            reason = f"short form {local.label} of {label} (the only match in the corpus)"
            local.how.append((reason, reason))
            local.label = label
        # A bare body no place could be found for (镇政府) is only known within its document.
        scope = local.doc.sha256 if local.type in BODY_TYPES and _is_bare(label) else ""
        return entity_id(local.type, label, scope)


def resolve(docs: list[Document]) -> KnowledgeBase:
    """The knowledge base of ``docs`` in memory (``Resolver`` for the streaming build)."""
    resolver = Resolver()
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

def _document_locals(doc: Document, places: _PlaceContext) -> list[_Local]:
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(k):
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    mentions = _entity_mentions(doc)
    keys = {(m.type, compact(m.text)) for m in mentions}
    for r in doc.relations:
        if r.label == "alias_of" and r.head.type == r.tail.type:
            a, b = find((r.head.type, compact(r.head.text))), find((r.tail.type, compact(r.tail.text)))
            if a != b and a in keys and b in keys:
                parent[a] = b
    groups: dict[tuple[str, str], _Local] = {}
    for m in mentions:
        root = find((m.type, compact(m.text)))
        local = groups.setdefault(root, _Local(doc, m.type, set()))
        local.names.add(compact(m.text))
        local.mentions.append(m)
    out: list[_Local] = []
    for local in groups.values():
        local.label = _canonical(local.names)
        if len(local.names) > 1:
            same = " = ".join(sorted(local.names))
            local.how.append((same, f"alias in {doc.name}: {same}"))
        if local.type in BODY_TYPES and local.label[:1] in LEVELS:
            out += _bare_body_locals(local, places)
        else:
            out.append(local)
    _person_context(doc, out, places)
    return out


def _bare_body_locals(local: _Local, places: _PlaceContext) -> list[_Local]:
    """区委 in a district paper is that district's 区委; on a page of several districts' articles,
    each article's 区委 is its own district's."""
    by_place: dict[tuple[str | None, str], list[Mention]] = defaultdict(list)
    for m in local.mentions:
        by_place[places.at(m.start, local.label[0])].append(m)
    out = []
    for (place, how), mentions in sorted(by_place.items(), key=lambda kv: kv[1][0].start):
        part = _Local(local.doc, local.type, set(local.names), mentions, local.label, list(local.how))
        if place:
            reason = f"bare body {local.label} read as {place}'s ({how})"
            part.how.append((reason, reason))
            part.label = _qualify(local.label, place)
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
    """区委 + 江津区 -> 江津区委; 市人力社保局 + 重庆市 -> 重庆市人力社保局."""
    return place + name[1:] if place.endswith(name[0]) else place + name


class _PlaceContext:
    """The district and city a position in a document belongs to, and how that was decided."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        doc = ctx.doc
        full_of = {compact(r.head.text): compact(r.tail.text) for r in doc.relations
                   if r.label == "alias_of" and r.head.type == "Place"}
        self.full_of = full_of
        self.places = [m for m in doc.entities() if m.type == "Place"]
        self.dominant = self._dominant(0, len(doc.text))
        self.by_article: dict[int, dict] = {}
        self.sections = [(h.start, end, full_of.get(compact(h.text), compact(h.text)))
                         for h, end in section_headers(ctx)]

    def _dominant(self, start: int, end: int) -> dict[str, tuple[str, int] | None]:
        """Per level, the place of that level named most often in [start, end), and how often."""
        counts = Counter(self.full_of.get(compact(m.text), compact(m.text))
                         for m in self.places if start <= m.start < end)
        out = {}
        for level in LEVELS:
            ranked = sorted((n for n in counts if n.endswith(level) and len(n) > 1), key=lambda n: (-counts[n], n))
            out[level] = (ranked[0], counts[ranked[0]]) if ranked else None
        return out

    def at(self, pos: int, level: str) -> tuple[str | None, str]:
        article = self.ctx.doc.article_at(pos)
        if article is not None and article.place and article.place.endswith(level):
            return article.place, f"article place from {article.place_source or 'segmenter'}"
        for start, end, place in self.sections:
            if start <= pos < end and place.endswith(level):
                return place, "section header"
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
    if title[:1] in LEVELS:
        place, _ = places.at(pos, title[0])
        return _qualify(title, place) if place else None
    if title in load_set("relation_unique_posts.txt") or gazetteer.find_places(title):
        return title
    return None


# -- across documents -------------------------------------------------------

def _is_bare(name: str) -> bool:
    """区委, 镇政府, 省人大常委会: a body named by its level only."""
    return name[:1] in LEVELS or any(name.startswith(b) for b in load_set("relation_bare_bodies.txt"))


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


def _merge_people(people: list[_Person]) -> tuple[dict[tuple[str, int], str], dict[str, str]]:
    """Entity ids of people by their local's order key, and how each merged person was merged."""
    ids: dict[tuple[str, int], str] = {}
    hows: dict[str, str] = {}
    by_name: dict[str, list[_Person]] = defaultdict(list)
    for p in people:
        by_name[p.label].append(p)
    for name, group in by_name.items():
        clusters: list[list[_Person]] = []
        for p in sorted(group, key=lambda x: x.order):
            target = _compatible_cluster(clusters, p)
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
    return ids, hows


def _compatible_cluster(clusters: list[list[_Person]], p: _Person) -> list[_Person] | None:
    def facts(cluster):
        return (set().union(*(c.districts for c in cluster)), set().union(*(c.bodies for c in cluster)),
                set().union(*(c.titles for c in cluster)))

    for cluster in clusters:
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
    return f"same name in {len(docs)} documents; shared: {why}"


# -- entities, posts, facts -------------------------------------------------

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
               known: set[str]) -> None:
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


def _bare_post_body(known: set[str], post: Relation, places: _PlaceContext) -> str | None:
    """区委常委 in a district paper: the district's 区委, when the corpus knows that body."""
    title = compact(post.tail.text)
    bare = [b for b in load_set("relation_bare_bodies.txt") if title.startswith(b) and b[:1] in LEVELS]
    if not bare:
        return None
    body = max(bare, key=len)
    place, _ = places.at(post.tail.start, body[0])
    if place is None:
        return None
    eid = entity_id("GovOrg", _qualify(body, place))
    return eid if eid in known else None
