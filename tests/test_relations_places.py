"""Location grammar from the relation error analysis of the held-out sets: toponyms named
after a place (某湾, 某湖) and lists of a place's divisions closed by 等镇街.

Every sentence is written for these tests; names are invented, real place names only where
the gazetteer must know them.
"""
from __future__ import annotations

from test_relations import make_doc, triples


def test_place_and_lone_toponym_tail_locate_a_park_and_the_toponym_is_in_the_outer_place():
    doc = make_doc("德化白鹭湾数字产业园今年新签约企业十二家。",
                   [("德化", "Place"), ("白鹭", "Place"), ("德化白鹭湾数字产业园", "Park")])
    found = triples(doc)
    assert ("德化白鹭湾数字产业园", "located_in", "白鹭湾") in found
    assert ("白鹭湾", "part_of", "德化") in found
    assert ("德化白鹭湾数字产业园", "located_in", "德化") not in found
    assert ("白鹭", "part_of", "德化") not in found


def test_tail_character_that_opens_the_next_word_is_no_toponym():
    doc = make_doc("德化山茶油加工项目开工。", [("德化", "Place"), ("德化山茶油加工项目", "Project")])
    assert ("德化山茶油加工项目", "located_in", "德化") in triples(doc)


def test_bay_named_after_a_city_names_no_location():
    doc = make_doc("泉州湾智造新城揭牌。", [("泉州", "Place"), ("泉州湾智造新城", "Park")])
    assert triples(doc, "located_in") == set()


def test_divisions_listed_before_deng_and_a_division_kind_are_part_of_the_place_of_ge():
    doc = make_doc("近日,福州各镇街掀起招商热潮,青石、白溪和云岭等镇街纷纷签约新项目。",
                   [("福州", "Place"), ("青石", "Place"), ("白溪", "Place"), ("云岭", "Place")])
    assert triples(doc, "part_of") == {("青石", "part_of", "福州"), ("白溪", "part_of", "福州"),
                                       ("云岭", "part_of", "福州")}


def test_divisions_list_without_a_place_of_ge_states_nothing():
    doc = make_doc("福州召开会议,青石、白溪和云岭等镇街负责人参会。",
                   [("福州", "Place"), ("青石", "Place"), ("白溪", "Place"), ("云岭", "Place")])
    assert triples(doc, "part_of") == set()
