"""Recognizer component: Park mentions. Placeholder."""
from __future__ import annotations

from kg.model import Document, Mention


def recognize_parks(doc: Document) -> list[Mention]:
    return []
