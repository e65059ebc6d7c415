"""Recognizer component: post titles (Title pseudo-mentions, tails of holds_post). Placeholder."""
from __future__ import annotations

from kg.model import Document, Mention


def recognize_titles(doc: Document) -> list[Mention]:
    return []
