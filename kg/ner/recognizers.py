"""The entity recognizers, registered by name (``--ner NAME``): the rule components merged by
one policy (``kg.ner.merge``), the HanLP model, or the ensemble of both."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Callable

from kg.errors import KgError, require_hanlp
from kg.model import Document, Mention
from kg.ner.ensemble import recognize_ensemble
from kg.ner.enterprises import recognize_enterprises
from kg.ner.govorgs import recognize_govorgs
from kg.ner.known_names import recognize_known_names
from kg.ner.merge import Component, merge_mentions
from kg.ner.organizations import recognize_organizations
from kg.ner.parks import recognize_parks
from kg.ner.persons import recognize_persons
from kg.ner.places import recognize_places
from kg.ner.project_crf import Stacked, stacked_projects
from kg.ner.projects import recognize_projects
from kg.ner.titles import recognize_titles


def rule_components() -> list[Component]:
    """The rule recognizers, in no particular order (merging decides), except that the names known from
    other documents come last: on a tie with another component's mention, that one is kept."""
    return [recognize_titles, recognize_persons, recognize_govorgs, recognize_enterprises,
            recognize_parks, recognize_projects, recognize_places, recognize_organizations, recognize_known_names]


def stacked_components() -> list[Stacked]:
    """The learned components stacked on the rules: each reads the rule candidates and returns them
    with its own added (the project CRF)."""
    return [stacked_projects()]


def recognize_with(components: list[Component], stacked: Sequence[Stacked] = ()) -> Callable[[Document], None]:
    def recognize_entities(doc: Document) -> None:
        candidates: list[Mention] = []
        for component in components:
            candidates.extend(component(doc))
        for stack in stacked:
            candidates = stack(doc, candidates)
        doc.mentions = merge_mentions(doc, candidates)

    return recognize_entities


#: ``--ner`` when not given: the best mode of the leave-one-document-out comparison in README.md.
DEFAULT_NER = "rules"


def _rules(hanlp_model: str | None) -> Callable[[Document], None]:
    return recognize_with(rule_components(), stacked_components())


def _grammar(hanlp_model: str | None) -> Callable[[Document], None]:
    """The grammar components alone, without the stacked project CRF: about a third less
    extraction CPU (BENCHMARKS.md section 1) for fewer projects found."""
    return recognize_with(rule_components())


def _hanlp(hanlp_model: str | None) -> Callable[[Document], None]:
    """The HanLP model alone (plus the title component, which relations need, and the names known
    from other documents)."""
    from kg.ner.hanlp_ner import hanlp_component  # optional heavy dependency (hanlp, torch)

    return recognize_with([recognize_titles, hanlp_component(hanlp_model), recognize_known_names])


def _ensemble(hanlp_model: str | None) -> Callable[[Document], None]:
    """The rule or HanLP candidates per type (kg/data/ensemble_policy.tsv), merged by the same policy."""
    from kg.ner.hanlp_ner import hanlp_component  # optional heavy dependency (hanlp, torch)

    return recognize_ensemble(rule_components(), hanlp_component(hanlp_model))


#: ``--ner NAME`` -> the factory of its recognizer stage (given ``--hanlp-model``). A new
#: recognizer is one module and one line here; the names whose factory needs HanLP are in NEEDS_HANLP.
RECOGNIZERS: dict[str, Callable[[str | None], Callable[[Document], None]]] = {
    "rules": _rules,
    "grammar": _grammar,
    "hanlp": _hanlp,
    "ensemble": _ensemble,
}
NEEDS_HANLP = frozenset({"hanlp", "ensemble"})


def entity_recognizer(ner: str | None = "rules", hanlp_model: str | None = None) -> Callable[[Document], None]:
    """The recognizer stage registered as ``ner`` in RECOGNIZERS (None: DEFAULT_NER)."""
    ner = ner or DEFAULT_NER
    if ner not in RECOGNIZERS:
        raise KgError(f"--ner: unknown recognizer {ner!r}; choose from {', '.join(RECOGNIZERS)}")
    if ner in NEEDS_HANLP:
        require_hanlp(f"--ner {ner}")
    return RECOGNIZERS[ner](hanlp_model)
