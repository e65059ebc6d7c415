"""Quality floors on the seeds (issues 3 and 4), scored against the copy of the
hand-made gold annotations in tests/gold/ with kg.evaluate (the spec's scoring rules).

Entities: core types (Person, Enterprise, Park, Project) F1 >= 0.90, all types >= 0.85,
no type below 0.75.  Relations: F1 >= 0.75 overall, holds_post >= 0.90.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.evaluate import score_documents
from kg.gold import document_to_gold

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"


def _gold_pairs(docs) -> list[tuple[dict, dict]]:
    import json

    by_name = {doc.name: document_to_gold(doc) for doc in docs}
    pairs = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        pairs.append((gold, by_name[gold["doc"]]))
    return pairs


@pytest.fixture(scope="module")
def seed_scores():
    from kg.reader import find_documents
    from kg.runner import SEEDS, extract_documents

    docs = list(extract_documents(find_documents([str(SEEDS)]), "rules", quiet=True))
    return score_documents(_gold_pairs(docs))


def test_gold_copy_covers_every_seed():
    seeds = {p.name for p in (ROOT / "seeds").glob("*.txt")}
    assert {p.stem + ".txt" for p in GOLD.glob("*.json")} == seeds


def test_core_entity_floor(seed_scores):
    assert seed_scores["entity:CORE"].f1 >= 0.90


def test_all_entities_floor(seed_scores):
    assert seed_scores["entity:ENTITIES"].f1 >= 0.85


@pytest.mark.parametrize("type_", ["Person", "GovOrg", "Enterprise", "Park", "Project", "Place", "Organization"])
def test_no_entity_type_below_floor(seed_scores, type_):
    assert seed_scores["entity:" + type_].f1 >= 0.75, type_


def test_relation_floors(seed_scores):
    assert seed_scores["relation:RELATIONS"].f1 >= 0.75
    assert seed_scores["relation:holds_post"].f1 >= 0.90


def test_relation_patterns_on_oracle_mentions_meet_floors():
    """The relation patterns alone, on the gold entities (benchmarks/relations_oracle.py)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from relations_oracle import oracle_documents

    scores = score_documents(_gold_pairs(oracle_documents(GOLD, ROOT / "seeds")))
    assert scores["relation:RELATIONS"].f1 >= 0.75
    assert scores["relation:holds_post"].f1 >= 0.90
