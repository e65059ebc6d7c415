"""A pipeline is a list of declared stages; each stage reads and enriches a Document.

    nlp = default_pipeline()
    doc = nlp(load_document("seeds/000_x.txt"))

Each stage declares the Document fields it reads (``requires``) and writes (``assigns``), as
spaCy's components declare theirs; building a Pipeline checks that every field a stage requires
is set by the loader (LOADED) or assigned by an earlier stage, so a reordered or swapped stage
fails when the pipeline is built, not with wrong output. The stage bodies are plain callables
``run(doc) -> None``, so any of them can be swapped (e.g. the HanLP recognizer for the rules).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import partial
from typing import Callable, Iterable

from kg.dates import find_publication_date, read_sentence_dates
from kg.errors import KgError
from kg.model import Document
from kg.ner.projects import subject_project_start
from kg.ner.recognizers import entity_recognizer
from kg.normalize import normalize_document
from kg.relations import add_named_ends, extract_relations
from kg.relations.pair_model import add_scored_pairs
from kg.relations.time_facts import extract_facts_in_time
from kg.segment import split_articles, split_sentences
from kg.signatures import sign_document

#: The Document fields ``kg.reader.load_document`` sets before any stage runs (``meta`` holds the
#: caller's fallback date; ``date``, ``date_source`` and ``source`` come from a sidecar, when there is one;
#: ``known_names`` is empty, and set by corpus-level name propagation before the entity stage runs again).
LOADED = frozenset({"path", "name", "sha256", "encoding", "raw_text", "meta", "date", "date_source", "source",
                    "known_names"})

_FIELDS = frozenset(f.name for f in dataclasses.fields(Document))


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Document], None]
    requires: tuple[str, ...] = ()  # Document fields it reads
    assigns: tuple[str, ...] = ()  # Document fields it writes

    def __post_init__(self) -> None:
        unknown = sorted(set(self.requires + self.assigns) - _FIELDS)
        if unknown:
            raise KgError(f"stage {self.name!r} declares {', '.join(unknown)}, which no Document has")


@dataclass
class Pipeline:
    stages: list[Stage] = field(default_factory=list)

    def __post_init__(self) -> None:
        check_order(self.stages)

    def add(self, stage: Stage) -> None:
        """Append ``stage`` after checking that the stages before it assign what it requires."""
        check_order([*self.stages, stage])
        self.stages.append(stage)

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            stage.run(doc)
        return doc

    def run_from(self, name: str, doc: Document) -> Document:
        """Run ``doc`` again from the stage ``name`` on: what that stage and the later ones assigned
        (and no earlier one did) is first set back to its default, so the result is what a whole run
        of a document loaded with the fields it has now gives."""
        start = self.names.index(name)
        earlier = {f for stage in self.stages[:start] for f in stage.assigns}
        defaults = {f.name: f for f in dataclasses.fields(Document)}
        for stage in self.stages[start:]:
            for assigned in set(stage.assigns) - earlier:
                default = defaults[assigned]
                setattr(doc, assigned, default.default_factory() if default.default_factory is not dataclasses.MISSING
                        else default.default)
        for stage in self.stages[start:]:
            stage.run(doc)
        return doc

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]


def check_order(stages: Iterable[Stage]) -> None:
    """Raise KgError at the first stage that requires a field neither the loader nor an earlier stage sets."""
    available = set(LOADED)
    for stage in stages:
        missing = [f for f in stage.requires if f not in available]
        if missing:
            raise KgError(f"stage {stage.name!r} requires {', '.join(missing)}, "
                          f"which no earlier stage assigns")
        available.update(stage.assigns)


def text_pipeline() -> Pipeline:
    """Normalization, article and sentence splitting, the dates sentences state: no extraction."""
    return Pipeline([
        Stage("normalize", normalize_document, requires=("raw_text",),
              assigns=("text", "captions", "furniture", "repeats")),
        Stage("signature", sign_document, requires=("text",), assigns=("text_signature",)),
        # meta: a fallback date given with --date
        Stage("date", find_publication_date, requires=("text", "meta", "date"), assigns=("date", "date_source")),
        # bylines leave the captions
        Stage("articles", split_articles, requires=("text", "captions", "furniture", "repeats"),
              assigns=("articles", "captions", "units")),
        Stage("sentences", split_sentences, requires=("text", "articles", "units"), assigns=("sentences",)),
        # read once for the personnel events and the project facts
        Stage("stated dates", read_sentence_dates, requires=("sentences", "date", "date_source"),
              assigns=("sentence_dates",)),
    ])


#: The entity stage: where corpus-level name propagation sends a document back (``Pipeline.run_from``).
ENTITIES = "entities"
#: The learned pair classifier's stage, after the relation patterns (benchmarks/train_pair_model.py runs
#: the pipeline without it).
PAIR_STAGE = "relation pairs"


def default_pipeline(ner: str = "rules", hanlp_model: str | None = None) -> Pipeline:
    """The full extraction pipeline: text stages, entity recognition, relations, facts in time."""
    nlp = text_pipeline()
    nlp.add(Stage(ENTITIES, entity_recognizer(ner, hanlp_model),
                  requires=("text", "furniture", "repeats", "articles", "sentences", "known_names"),
                  assigns=("mentions", "post_titles", "bodies", "squeezed")))
    nlp.add(Stage("relations", extract_relations, requires=("text", "articles", "sentences", "mentions", "post_titles"),
                  assigns=("sections", "relations")))
    # located_in and owns_project pairs the patterns did not state, when the pair classifier is sure
    nlp.add(Stage(PAIR_STAGE, add_scored_pairs, requires=("text", "sentences", "mentions", "relations"),
                  assigns=("relations",)))
    # the owners those relations name that the recognizer missed become mentions
    nlp.add(Stage("relation ends", add_named_ends, requires=("mentions", "relations"), assigns=("mentions",)))
    # adds the persons of personnel events the recognizer missed, and the posts they held
    nlp.add(Stage("facts in time", partial(extract_facts_in_time, project_start=subject_project_start),
                  requires=("text", "date", "sentences", "sentence_dates", "mentions", "relations"),
                  assigns=("events", "milestones", "figures", "mentions", "relations")))
    return nlp
