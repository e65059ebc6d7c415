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
    return {"doc": doc.name, "entities": entities, "relations": relations}


_BRACKET_VARIANTS = {"(": "[(（]", ")": "[)）]", "（": "[(（]", "）": "[)）]"}


def occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Spans of a gold entity string in the normalized text: OCR may have left spaces
    inside the name, and brackets may be half- or full-width."""
    chars = [c for c in name if not c.isspace()]
    if not chars:
        return []
    pattern = r"\s*".join(_BRACKET_VARIANTS.get(c, re.escape(c)) for c in chars)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]
