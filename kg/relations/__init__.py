"""Relation extraction: turns a document's mentions into stated facts.

Each relation family is a small module with one ``extract_xxx(ctx)`` function
over a shared ``DocContext`` (look-ups over the mentions), registered by name in
``RELATION_EXTRACTORS``:

- posts.py      holds_post, member_of
- locations.py  located_in, part_of
- ownership.py  owns_project
- aliases.py    alias_of

After the pair classifier's stage, ``add_named_ends`` (stage "relation ends") makes a mention of
each entity a relation names that no recognizer found (the owner opening a project's name).

The "facts in time" stage that follows (time_facts.py) reads personnel events
(events.py) and project milestones and figures (milestones.py) into their own
Document fields.

Every Relation keeps its evidence sentence and the name of the pattern that
produced it.  A fact found by several patterns is kept once (first pattern).
"""
from __future__ import annotations

from typing import Callable

from kg.model import ENTITY_TYPES, Document, Mention, Relation, Section
from kg.names import compact
from kg.relations.aliases import extract_aliases
from kg.relations.context import DocContext
from kg.relations.locations import extract_locations, section_headers
from kg.relations.ownership import extract_ownership
from kg.relations.posts import extract_posts

#: A relation extractor reads the document's look-ups and the relations the extractors before it
#: in RELATION_EXTRACTORS found (by extractor name).
RelationExtractor = Callable[[DocContext, dict[str, list[Relation]]], list[Relation]]

#: Extractor name -> extractor, in the order they run; a fact found by several is kept from the
#: first. A new relation family is one module and one line here.
RELATION_EXTRACTORS: dict[str, RelationExtractor] = {
    "posts": lambda ctx, found: extract_posts(ctx),
    "ownership": lambda ctx, found: extract_ownership(ctx),
    # a section headed by an owner places the owner's projects: needs the ownership facts
    "locations": lambda ctx, found: extract_locations(ctx, found["ownership"]),
    "aliases": lambda ctx, found: extract_aliases(ctx),
}


def extract_relations(doc: Document) -> None:
    ctx = DocContext(doc)
    doc.sections = [Section(header, end) for header, end in section_headers(ctx)]
    found: dict[str, list[Relation]] = {}
    for name, extractor in RELATION_EXTRACTORS.items():
        found[name] = extractor(ctx, found)
    doc.relations = _dedupe([r for relations in found.values() for r in relations])


def add_named_ends(doc: Document) -> None:
    """Adds to ``doc.mentions`` the entities the relations name that no recognizer found: a
    project's name that opens with its owner (the pair model reads 某某|智能装备产业园 as 某某's)
    names that company, a mention of its own, as docs/schema.md asks of nested names."""
    known = {(m.start, m.end, m.type) for m in doc.mentions}
    added: list[Mention] = []
    for r in doc.relations:
        for m in (r.head, r.tail):
            if m.type in ENTITY_TYPES and (m.start, m.end, m.type) not in known:
                known.add((m.start, m.end, m.type))
                added.append(m)
    if added:
        doc.add_mentions(added)


def _dedupe(relations: list[Relation]) -> list[Relation]:
    seen: set[tuple[str, str, str]] = set()
    out: list[Relation] = []
    for r in relations:
        key = (compact(r.head.text), r.label, compact(r.tail.text))
        if key[0] == key[2] or key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out
