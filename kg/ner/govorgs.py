"""Recognizer component: GovOrg mentions. Placeholder."""
from __future__ import annotations

from kg.model import Document, Mention


def recognize_govorgs(doc: Document) -> list[Mention]:
    return []
