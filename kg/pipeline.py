"""A pipeline is a list of named stages; each stage reads and enriches a Document.

    nlp = default_pipeline()
    doc = nlp(load_document("seeds/000_x.txt"))

Stages are plain callables ``stage(doc) -> None`` so any of them can be
swapped (e.g. the HanLP recognizer for the rule recognizer).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from kg.model import Document

Stage = Callable[[Document], None]


@dataclass
class Pipeline:
    stages: list[tuple[str, Stage]] = field(default_factory=list)

    def __call__(self, doc: Document) -> Document:
        for _name, stage in self.stages:
            stage(doc)
        return doc

    @property
    def names(self) -> list[str]:
        return [n for n, _ in self.stages]


def text_pipeline() -> Pipeline:
    """Normalization, article and sentence splitting: no extraction."""
    from kg.normalize import normalize_document
    from kg.segment import split_articles, split_sentences
    from kg.dates import find_publication_date

    return Pipeline([
        ("normalize", normalize_document),
        ("date", find_publication_date),
        ("articles", split_articles),
        ("sentences", split_sentences),
    ])


def default_pipeline(ner: str = "rules", hanlp_model: str | None = None) -> Pipeline:
    """The full extraction pipeline: text stages, entity recognition, relations, facts in time."""
    from kg.ner import entity_recognizer
    from kg.relations import extract_relations
    from kg.relations.time_facts import extract_facts_in_time

    nlp = text_pipeline()
    nlp.stages.append(("entities", entity_recognizer(ner, hanlp_model)))
    nlp.stages.append(("relations", extract_relations))
    nlp.stages.append(("facts in time", extract_facts_in_time))
    return nlp
