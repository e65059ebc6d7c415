"""Documents in the gold JSON format of docs/schema.md."""
from __future__ import annotations

import re

from kg.model import ENTITY_TYPES, Document


def document_to_gold(doc: Document) -> dict:
    """Distinct (text, type) entities and (head, relation, tail) relations, in text order."""
    entities: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for m in sorted(doc.mentions, key=lambda m: (m.start, m.end)):
        if m.type in ENTITY_TYPES and (m.text, m.type) not in seen:
            seen.add((m.text, m.type))
            entities.append({"text": m.text, "type": m.type})
    relations: list[dict] = []
    seen_rel: set[tuple[str, str, str]] = set()
    for r in sorted(doc.relations, key=lambda r: (r.evidence.start, r.head.start, r.tail.start)):
        key = (r.head.text, r.label, r.tail.text)
        if key not in seen_rel:
            seen_rel.add(key)
            relations.append({"head": r.head.text, "relation": r.label, "tail": r.tail.text})
    out = {"doc": doc.name, "entities": entities, "relations": relations}
    out.update(facts_in_time_to_gold(doc))
    return out


def facts_in_time_to_gold(doc: Document) -> dict[str, list[dict]]:
    """The ``events``, ``milestones`` and ``figures`` lists of the gold format (docs/schema-time.md),
    each only when the document states some (a document without keeps its old form)."""
    lists = {
        "events": [{"person": e.person.text, "kind": e.kind, "acting": e.acting, "title": e.title.text,
                    "body": e.body.text if e.body else None, "date": e.date} for e in doc.events],
        "milestones": [{"project": m.project.text, "milestone": m.milestone, "date": m.date} for m in doc.milestones],
        "figures": [{"project": f.project.text, "kind": f.kind, "qualifier": f.qualifier, "value": f.value,
                     "unit": f.unit} for f in doc.figures],
    }
    return {name: items for name, items in lists.items() if items}


_BRACKET_VARIANTS = {"(": "[(（]", ")": "[)）]", "（": "[(（]", "）": "[)）]"}


def occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Spans of a gold entity string in the normalized text: OCR may have left spaces
    inside the name, and brackets may be half- or full-width."""
    chars = [c for c in name if not c.isspace()]
    if not chars:
        return []
    pattern = r"\s*".join(_BRACKET_VARIANTS.get(c, re.escape(c)) for c in chars)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]
