"""The "facts in time" stage: personnel events, project milestones and project figures.

It runs after the relations stage (it reads the Person, Title and Project mentions)
and fills ``Document.events``, ``Document.milestones`` and ``Document.figures``; a
document that states none of them is left as it was.  What an event says of the
present joins the document's entities and relations:

- a person the event grammar read that the entity recognizer missed (会议决定任命某甲为…)
  becomes a Person mention, so that the event's person resolves like any other;
- an appointment or election is a post held: ``holds_post`` to the post as written and
  ``member_of`` its body (pattern ``event.appoint``, ``event.elect``), unless the relation
  stage stated that post already; the body is the document's mention of it, or the body
  the government-body grammar (kg.bodies) reads in the words before the title, which
  becomes a GovOrg mention.
"""
from __future__ import annotations

from kg.model import TITLE, Document, Mention, Relation, Span
from kg.bodies import find_bodies
from kg.names import compact
from kg.relations.context import ORG_TYPES, DocContext
from kg.relations.events import extract_events
from kg.relations.milestones import ProjectStart, extract_project_facts

#: Event kinds that state a post held from then on.
HOLDING = ("appoint", "elect")


def extract_facts_in_time(doc: Document, project_start: ProjectStart) -> None:
    """``project_start``: the project grammar's reading of a clause's subject (kg.relations.milestones)."""
    doc.events = extract_events(doc)
    doc.milestones, doc.figures = extract_project_facts(doc, project_start)
    if doc.events:
        _add_event_persons(doc)
        doc.relations += _posts_held(doc)


def _add_event_persons(doc: Document) -> None:
    known = {(m.start, m.end) for m in doc.mentions if m.type == "Person"}
    new = {(e.person.start, e.person.end): e.person for e in doc.events if (e.person.start, e.person.end) not in known}
    if new:
        doc.add_mentions(new.values())


def _posts_held(doc: Document) -> list[Relation]:
    ctx = DocContext(doc)
    stated = {(compact(r.head.text), r.label, compact(r.tail.text)) for r in doc.relations}
    posts: dict[str, list[str]] = {}
    for r in doc.relations:
        if r.label == "holds_post":
            posts.setdefault(compact(r.head.text), []).append(compact(r.tail.text))
    out: list[Relation] = []
    for e in doc.events:
        if e.kind not in HOLDING:
            continue
        person, post = compact(e.person.text), compact(e.post.text)
        if not any(post.endswith(p) or p.endswith(post) for p in posts.get(person, [])):
            posts.setdefault(person, []).append(post)
            tail = Mention(e.post.start, e.post.end, e.post.text, TITLE, source="events")
            out.append(Relation(e.person, "holds_post", tail, f"event.{e.kind}", e.evidence))
        body = (ctx.first_mention(e.body.text, ORG_TYPES) or _govorg(doc, e.body)) if e.body else None
        key = (person, "member_of", compact(body.text)) if body else None
        if body is not None and key not in stated:
            stated.add(key)
            out.append(Relation(e.person, "member_of", body, f"event.{e.kind}.body", e.evidence))
    return out


def _govorg(doc: Document, body: Span) -> Mention | None:
    """A GovOrg mention of ``body`` when the government-body grammar reads it whole (added to
    the document's mentions), else None."""
    if not any((b.start, b.end) == (0, len(body.text)) for b in find_bodies(body.text)):
        return None
    mention = Mention(body.start, body.end, body.text, "GovOrg", source="events.body")
    doc.add_mentions([mention])
    return mention
