"""Recognizer component: Place mentions. Placeholder."""
from __future__ import annotations

from kg.model import Document, Mention


def recognize_places(doc: Document) -> list[Mention]:
    return []
