"""Relation quality floors on the seed gold (issue 4): F1 >= 0.75 overall, holds_post >= 0.90.

Scored with the shared scorer (../shared/eval/score.py) against ../shared/dev/gold, once on
oracle mentions (the patterns alone, benchmarks/relations_oracle.py) and once end to end
with the rule recognizers.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "dev" / "gold"
OVERALL, HOLDS_POST = 0.75, 0.90


@pytest.fixture(scope="module")
def score():
    if not (GOLD.is_dir() and (SHARED / "eval" / "score.py").is_file()):
        pytest.skip(f"gold annotations not found at {GOLD}")
    sys.path.insert(0, str(SHARED / "eval"))
    import score as scorer

    return scorer


def _scores(scorer, docs, tmp_path: Path) -> dict:
    from kg.gold import document_to_gold

    for doc in docs:
        (tmp_path / f"{doc.stem}.json").write_text(json.dumps(document_to_gold(doc), ensure_ascii=False))
    return scorer.score(str(GOLD), str(tmp_path))


def _check(result: dict) -> None:
    overall, posts = result["relation:RELATIONS"]["f1"], result["relation:holds_post"]["f1"]
    assert overall >= OVERALL, f"relations F1 {overall:.3f} < {OVERALL}"
    assert posts >= HOLDS_POST, f"holds_post F1 {posts:.3f} < {HOLDS_POST}"


def test_relation_patterns_on_oracle_mentions_meet_floors(score, tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from relations_oracle import oracle_documents

    _check(_scores(score, oracle_documents(GOLD, ROOT / "seeds"), tmp_path))


def test_pipeline_relations_meet_floors(score, tmp_path):
    from kg.runner import SEEDS, extract_documents
    from kg.reader import find_documents

    docs = list(extract_documents(find_documents([str(SEEDS)]), "rules", quiet=True))
    _check(_scores(score, docs, tmp_path))
