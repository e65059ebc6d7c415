"""Recognizer component: Project mentions. Placeholder."""
from __future__ import annotations

from kg.model import Document, Mention


def recognize_projects(doc: Document) -> list[Mention]:
    return []
