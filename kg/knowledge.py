"""The resolved, corpus-level view: entities, posts and facts across documents.

Entity resolution (``kg.resolve``) turns the per-document mentions and
relations of many ``Document`` objects into one ``KnowledgeBase``; the RDF
builder, the views and the analytics all read this object.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """Where a fact or a mention is stated."""

    doc_sha256: str
    doc_name: str
    start: int  # char offsets of the stating sentence in the normalized text
    end: int
    text: str  # the sentence
    pattern: str  # the component or pattern that produced it


@dataclass
class Entity:
    id: str  # stable key, e.g. "person/卢红-3f2a9c"; becomes the IRI's local part
    type: str  # one of model.ENTITY_TYPES
    label: str  # preferred (longest full) name
    aliases: set[str] = field(default_factory=set)  # every other surface form
    mentions: list[Evidence] = field(default_factory=list)
    how_resolved: str = ""  # why these surface forms were merged
    jurisdiction: str | None = None  # GovOrg: Entity.id of the place its name says it governs (江津区委 -> 江津区)
    identifier: str | None = None  # a national one: a division's GB/T 2260 code, a company's 统一社会信用代码
    within: str | None = None  # a division: Entity.id of the nearest division above it in the graph
    corrections: list[str] = field(default_factory=list)  # overrides (kg build --overrides) that changed it


@dataclass
class Post:
    """A person holding a titled position, optionally in a body, at a date."""

    person: str  # Entity.id
    title: str  # as written, e.g. 区委副书记
    organization: str | None  # Entity.id of the GovOrg/Enterprise/Organization, if stated
    date: dt.date | None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Fact:
    """A relation between two resolved entities (every relation but holds_post)."""

    subject: str  # Entity.id
    relation: str  # one of model.RELATION_TYPES
    object: str  # Entity.id
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class PersonnelEvent:
    """A post starting or ending (kg.model.Event), its person resolved when the corpus knows them."""

    person: str | None  # Entity.id, when the name is an entity of the document
    person_name: str
    kind: str  # one of model.EVENT_KINDS
    acting: bool
    title: str
    body: str | None  # the body's name as written before the title
    date: str | None  # ISO YYYY-MM-DD, YYYY-MM or YYYY
    evidence: list[Evidence] = field(default_factory=list)
    organization: str | None = None  # Entity.id of the body, when it resolved to an entity


@dataclass
class ProjectMilestone:
    project: str | None  # Entity.id, when the name is an entity of the document
    project_name: str
    milestone: str  # one of model.MILESTONES
    date: str | None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class ProjectFigure:
    project: str | None
    project_name: str
    kind: str  # one of model.FIGURE_KINDS
    qualifier: str
    value: float
    unit: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class DocumentRecord:
    sha256: str
    name: str
    path: str
    date: dt.date | None
    source: str | None
    headlines: list[str] = field(default_factory=list)
    copy_of: str | None = None  # sha256 of the first document of its story, if it is a copy (kg/signatures.py)


@dataclass
class KnowledgeBase:
    entities: dict[str, Entity] = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    events: list[PersonnelEvent] = field(default_factory=list)
    milestones: list[ProjectMilestone] = field(default_factory=list)
    figures: list[ProjectFigure] = field(default_factory=list)
    documents: list[DocumentRecord] = field(default_factory=list)
    mentions_before_resolution: int = 0  # distinct (doc, text, type) before merging
