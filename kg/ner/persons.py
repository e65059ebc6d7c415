"""Recognizer component: Person mentions. Placeholder."""
from __future__ import annotations

from kg.model import Document, Mention


def recognize_persons(doc: Document) -> list[Mention]:
    return []
