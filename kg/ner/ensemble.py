"""``--ner ensemble``: the rule and model candidates, chosen per entity type, then merged.

The model generalizes where the grammars have no anchor (project and company names
without a legal suffix), while the rules are near-exact on persons and government
bodies.  kg/data/ensemble_policy.tsv says, for each type, whose candidates to keep:

* ``rules``: the rules' only;
* ``model``: the model's only;
* ``union``: both, through the merge policy (a model mention loses to a crossing rule one);
* ``fill``: the rules', plus the model's that overlap no mention the rules kept
  (names the rules have no anchor for, never a second boundary for one they found).

``Title`` pseudo-mentions come from the rules only.
"""
from __future__ import annotations

from typing import Callable

from kg.errors import KgError
from kg.lexicon import load_table
from kg.model import ENTITY_TYPES, Document, Mention
from kg.ner.merge import Component, merge_mentions

POLICIES = ("rules", "model", "union", "fill")


def load_policy(name: str = "ensemble_policy.tsv") -> dict[str, str]:
    """{entity type: policy} from kg/data/NAME; a type it does not list keeps the rules' candidates."""
    policy = {}
    for row in load_table(name):
        if len(row) != 2 or row[0] not in ENTITY_TYPES or row[1] not in POLICIES:
            line = "\t".join(row)
            raise KgError(f"kg/data/{name}: bad line {line!r} (want TYPE<TAB>{'|'.join(POLICIES)})")
        policy[row[0]] = row[1]
    return policy


def choose(doc: Document, rule_mentions: list[Mention], model_mentions: list[Mention],
           policy: dict[str, str]) -> list[Mention]:
    """The merged mentions of ``doc`` under ``policy`` ({type: rules|model|union|fill})."""
    kept_rules = merge_mentions(doc, [m for m in rule_mentions if policy.get(m.type, "rules") != "model"])
    extra = []
    for m in model_mentions:
        how = policy.get(m.type, "rules")
        if how in ("model", "union") or (how == "fill" and not any(
                k.start < m.end and m.start < k.end for k in kept_rules)):
            extra.append(m)
    return merge_mentions(doc, kept_rules + extra) if extra else kept_rules


def recognize_ensemble(rule_components: list[Component], model_component: Component,
                       policy: dict[str, str] | None = None) -> Callable[[Document], None]:
    """The recognizer stage that sets ``doc.mentions`` from both kinds of components."""
    policy = load_policy() if policy is None else policy

    def recognize_entities(doc: Document) -> None:
        rule_mentions = [m for component in rule_components for m in component(doc)]
        doc.mentions = choose(doc, rule_mentions, model_component(doc), policy)

    return recognize_entities
