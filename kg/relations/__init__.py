"""Relation extraction: turns mentions into stated facts. Placeholder: none."""
from __future__ import annotations

from kg.model import Document


def extract_relations(doc: Document) -> None:
    doc.relations = []
