"""benchmarks/relation_misses.py: the reason a missed fact is filed under.  Invented texts."""
from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from relation_misses import miss_reason  # noqa: E402

SENTENCES = ["青禾高新区引进远拓光伏项目。", "白河果蔬有限公司扩建厂房。"]
LINES = ["青禾高新区引进远拓光伏项目。白河果蔬有限公司扩建厂房。"]


@pytest.mark.parametrize("head, tail, entities, reason", [
    ("远拓光伏项目", "青禾高新区", {"青禾高新区"}, "head_missing"),
    ("远拓光伏项目", "青禾高新区", {"远拓光伏项目"}, "tail_missing"),
    ("远拓光伏项目", "青禾高新区", set(), "both_missing"),
    ("青禾高新区", "青禾", {"青禾高新区", "青禾"}, "tail_in_head_name"),
    ("远拓光伏项目", "青禾高新区", {"远拓光伏项目", "青禾高新区"}, "same_sentence"),
    ("白河果蔬有限公司", "青禾高新区", {"白河果蔬有限公司", "青禾高新区"}, "same_line"),
    ("白河果蔬有限公司", "临湖镇", {"白河果蔬有限公司", "临湖镇"}, "farther"),
])
def test_a_missed_fact_is_filed_under_the_first_reason_that_holds(head, tail, entities, reason):
    assert miss_reason(head, tail, entities, SENTENCES, LINES) == reason
