"""The one merge policy for candidate mentions. Placeholder: dedupe exact (span, type)."""
from __future__ import annotations

from kg.model import Document, Mention


def merge_mentions(doc: Document, candidates: list[Mention]) -> list[Mention]:
    best: dict[tuple[int, int, str], Mention] = {}
    for m in candidates:
        key = (m.start, m.end, m.type)
        if key not in best or m.confidence > best[key].confidence:
            best[key] = m
    return sorted(best.values(), key=lambda m: (m.start, -m.end, m.type))
