"""The scorer follows the spec's matching rules (numbers worked out by hand)."""
from kg.evaluate import score_documents

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
