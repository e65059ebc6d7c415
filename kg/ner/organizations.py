"""Recognizer component: Organization mentions (universities, institutes, media...). Placeholder."""
from __future__ import annotations

from kg.model import Document, Mention


def recognize_organizations(doc: Document) -> list[Mention]:
    return []
