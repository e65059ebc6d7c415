"""The scorer follows the spec's matching rules (numbers worked out by hand)."""
import json

import pytest

from kg.evaluate import Miss, error_list, format_errors, score_documents

GOLD = {"entities": [{"text": "张三", "type": "Person"}, {"text": "甲乙有限公司", "type": "Enterprise"},
                     {"text": "丙丁产业园", "type": "Park"}],
        "relations": [{"head": "张三", "relation": "holds_post", "tail": "江北区委书记"},
                      {"head": "甲乙有限公司", "relation": "located_in", "tail": "丙丁产业园"}]}
SYSTEM = {"entities": [{"text": "张三", "type": "Person"}, {"text": "甲乙有限公司", "type": "Park"},
                       {"text": "丙丁 产业园", "type": "Park"}, {"text": "戊己", "type": "Person"}],
          "relations": [{"head": "张三", "relation": "holds_post", "tail": "区委书记"},
                        {"head": "甲乙有限公司", "relation": "part_of", "tail": "丙丁产业园"}]}


def test_entities_match_on_text_and_type_ignoring_whitespace():
    s = score_documents([(GOLD, SYSTEM)])
    assert (s["entity:Person"].tp, s["entity:Person"].sys, s["entity:Person"].gold) == (1, 2, 1)
    assert (s["entity:Park"].tp, s["entity:Park"].sys) == (1, 2)
    assert s["entity:Enterprise"].tp == 0
    assert (s["entity:ENTITIES"].tp, s["entity:ENTITIES"].sys, s["entity:ENTITIES"].gold) == (2, 4, 3)
    assert abs(s["entity:ENTITIES"].f1 - 2 * 0.5 * (2 / 3) / (0.5 + 2 / 3)) < 1e-9


def test_holds_post_tail_matches_by_suffix_other_relations_exactly():
    s = score_documents([(GOLD, SYSTEM)])
    assert s["relation:holds_post"].tp == 1
    assert s["relation:located_in"].tp == 0 and s["relation:part_of"].sys == 1
    assert (s["relation:RELATIONS"].tp, s["relation:RELATIONS"].sys, s["relation:RELATIONS"].gold) == (1, 2, 2)


def _write_pair(tmp_path, gold, system, text):
    for sub, content in (("gold", gold), ("sys", system)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "d.json").write_text(json.dumps({"doc": "d.txt", **content}, ensure_ascii=False), "utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "d.txt").write_text(text, "utf-8")


def test_error_list_names_missed_and_spurious_with_their_sentence(tmp_path):
    text = "区委书记张三到甲乙有限公司调研。丙丁产业园位于江北区。戊己参加。"
    _write_pair(tmp_path, GOLD, SYSTEM, text)
    found = {(m.kind, m.group, m.item, m.sentence) for m in error_list(tmp_path / "gold", tmp_path / "sys",
                                                                      tmp_path / "docs")}
    assert found == {
        ("missed", "entity:Enterprise", "甲乙有限公司", "区委书记张三到甲乙有限公司调研。"),
        ("spurious", "entity:Park", "甲乙有限公司", "区委书记张三到甲乙有限公司调研。"),
        ("spurious", "entity:Person", "戊己", "戊己参加。"),
        ("missed", "relation:located_in", "甲乙有限公司 -located_in-> 丙丁产业园", "丙丁产业园位于江北区。"),
        ("spurious", "relation:part_of", "甲乙有限公司 -part_of-> 丙丁产业园", "丙丁产业园位于江北区。"),
    }


@pytest.mark.parametrize("items, first_pattern", [
    (["甲集团", "乙集团", "丙公司"], "…集团 ×2"),
    (["甲项目", "乙公司", "丙公司", "丁公司"], "…公司 ×3"),
])
def test_errors_are_grouped_by_type_and_most_frequent_ending_first(items, first_pattern):
    misses = [Miss("missed", "entity:Enterprise", item, "d.txt", "") for item in items]
    lines = format_errors(misses).splitlines()
    assert lines[0] == f"== missed entity:Enterprise: {len(items)}"
    assert lines[1].strip() == first_pattern


def test_error_list_names_facts_in_time_only_one_side_states(tmp_path):
    gold = {"milestones": [{"project": "东川大桥", "milestone": "开工", "date": "2023-09"},
                           {"project": "西岭隧道", "milestone": "通车", "date": ""}],
            "figures": [{"project": "东川大桥", "kind": "investment", "qualifier": "总投资", "value": 1200000000,
                         "unit": "CNY"}]}
    system = {"milestones": [{"project": "东川大桥", "milestone": "开工", "date": "2023-09"},
                             {"project": "西岭隧道", "milestone": "通车", "date": "2024"}],
              "events": [{"person": "张三", "kind": "appoint", "title": "副区长", "date": "2024-05-09"}]}
    _write_pair(tmp_path, gold, system, "东川大桥于2023年9月开工，总投资12亿元。西岭隧道通车。")
    found = {(m.kind, m.group, m.item, m.sentence) for m in error_list(tmp_path / "gold", tmp_path / "sys",
                                                                      tmp_path / "docs")}
    # no gold events list: the system's event is not an error
    assert found == {
        ("missed", "milestone:MILESTONES", "西岭隧道 | 通车 | ", "西岭隧道通车。"),
        ("spurious", "milestone:MILESTONES", "西岭隧道 | 通车 | 2024", "西岭隧道通车。"),
        ("missed", "figure:FIGURES", "东川大桥 | investment | 1200000000", "东川大桥于2023年9月开工，总投资12亿元。"),
    }
    assert "  …通车 ×1" in format_errors([Miss(*f[:3], "d.txt", f[3]) for f in sorted(found)]).splitlines()
