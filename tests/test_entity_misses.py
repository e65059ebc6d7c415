"""benchmarks/entity_misses.py: what holds a missed nested name, and the counts.  Invented names."""
from __future__ import annotations

import json
import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from entity_misses import entity_misses, format_misses, holder  # noqa: E402

GOLD = {("远拓光电", "Enterprise"), ("远拓光电5万吨硅材料项目", "Project"), ("青禾", "Place"),
        ("青禾远拓光电产业园", "Park"), ("白河果蔬有限公司", "Enterprise"), ("白河", "Enterprise")}


@pytest.mark.parametrize("name, held", [
    ("远拓光电", ("opens", "远拓光电5万吨硅材料项目", "Project")),  # opening a name outranks being inside one
    ("白河", ("opens", "白河果蔬有限公司", "Enterprise")),
    ("青禾", ("opens", "青禾远拓光电产业园", "Park")),
    ("白河果蔬有限公司", None),
])
def test_a_nested_name_is_filed_under_what_holds_it(name, held):
    assert holder(name, GOLD) == held


def test_the_counts_split_recall_by_nesting(tmp_path):
    gold_dir, system_dir = tmp_path / "gold", tmp_path / "system"
    gold_dir.mkdir()
    system_dir.mkdir()
    (gold_dir / "d.json").write_text(json.dumps(
        {"entities": [{"text": t, "type": typ} for t, typ in sorted(GOLD)]}, ensure_ascii=False), encoding="utf-8")
    system = [("远拓光电5万吨硅材料项目", "Project"), ("白河果蔬有限公司", "Enterprise"), ("溪山", "Enterprise")]
    (system_dir / "d.json").write_text(json.dumps(
        {"entities": [{"text": t, "type": typ} for t, typ in system]}, ensure_ascii=False), encoding="utf-8")
    counts = entity_misses(gold_dir, system_dir, ["Enterprise"])["Enterprise"]
    assert (counts["gold"], counts["system"], counts["found"]) == (3, 2, 1)
    assert (counts["nested"], counts["nested_found"], counts["alone"], counts["alone_found"]) == (2, 0, 1, 1)
    assert (counts["opens_Project_found"], counts["opens_Enterprise_found"]) == (1, 1)
    assert "nested: R=0.000 (found=0 gold=2)" in format_misses({"Enterprise": counts})
