"""Recognizer component: Enterprise mentions. Placeholder."""
from __future__ import annotations

from kg.model import Document, Mention


def recognize_enterprises(doc: Document) -> list[Mention]:
    return []
