"""The "facts in time" stage: personnel events, project milestones and project figures.

It runs after the relations stage (it reads the Person, Title and Project mentions)
and fills ``Document.events``, ``Document.milestones`` and ``Document.figures``; a
document that states none of them is left as it was.
"""
from __future__ import annotations

from kg.model import Document
from kg.relations.events import extract_events
from kg.relations.milestones import extract_figures, extract_milestones


def extract_facts_in_time(doc: Document) -> None:
    doc.events = extract_events(doc)
    doc.milestones = extract_milestones(doc)
    doc.figures = extract_figures(doc)
