"""Entity resolution across documents -> KnowledgeBase.

Placeholder: one entity per (type, surface form); the relations issue replaces it.
"""
from __future__ import annotations

import hashlib

from kg.knowledge import DocumentRecord, Entity, Evidence, Fact, KnowledgeBase, Post
from kg.model import Document


def _entity_id(type_: str, label: str) -> str:
    digest = hashlib.sha1(f"{type_}|{label}".encode()).hexdigest()[:10]
    return f"{type_.lower()}/{digest}"


def resolve(docs: list[Document]) -> KnowledgeBase:
    kb = KnowledgeBase()
    for doc in docs:
        kb.documents.append(DocumentRecord(doc.sha256, doc.name, doc.path, doc.date, doc.source,
                                           [a.headline.text for a in doc.articles if a.headline]))
        for m in doc.entities():
            eid = _entity_id(m.type, m.text)
            ent = kb.entities.setdefault(eid, Entity(eid, m.type, m.text))
            s = doc.sentence_at(m.start)
            ent.mentions.append(Evidence(doc.sha256, doc.name, s.start if s else m.start, s.end if s else m.end,
                                         s.text if s else m.text, m.source))
        for r in doc.relations:
            ev = Evidence(doc.sha256, doc.name, r.evidence.start, r.evidence.end, r.evidence.text, r.pattern)
            head = _entity_id(r.head.type, r.head.text)
            if r.label == "holds_post":
                kb.posts.append(Post(head, r.tail.text, None, doc.date, [ev]))
            else:
                kb.facts.append(Fact(head, r.label, _entity_id(r.tail.type, r.tail.text), [ev]))
    kb.mentions_before_resolution = sum(len({(m.text, m.type) for m in d.entities()}) for d in docs)
    return kb
