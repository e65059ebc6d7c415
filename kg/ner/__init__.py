"""Entity recognition: small components, each finding one kind of mention,
whose candidates are merged by one policy (``kg.ner.merge``).

A component is ``recognize_xxx(doc) -> list[Mention]``.
"""
from __future__ import annotations

from typing import Callable

from kg.model import Document, Mention
from kg.ner.merge import merge_mentions

Component = Callable[[Document], list[Mention]]


def rule_components() -> list[Component]:
    """The rule recognizers, in no particular order (merging decides)."""
    return []


def recognize_with(components: list[Component]) -> Callable[[Document], None]:
    def recognize_entities(doc: Document) -> None:
        candidates: list[Mention] = []
        for component in components:
            candidates.extend(component(doc))
        doc.mentions = merge_mentions(doc, candidates)

    return recognize_entities


def entity_recognizer(ner: str | None = "rules", hanlp_model: str | None = None) -> Callable[[Document], None]:
    """The recognizer stage for ``--ner rules|hanlp|ensemble``."""
    return recognize_with(rule_components())
