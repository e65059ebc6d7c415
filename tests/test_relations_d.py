"""Grammar generalized from the error analysis of held-out set D: aliases, persons, places, bodies.

Every sentence is written for these tests (invented names; real place names only where the gazetteer must know them).
``make_doc`` plays a perfect recognizer for the alias tests; the other tests run one recognizer.
"""
from __future__ import annotations


from kg.model import Document
from kg.ner.govorgs import recognize_govorgs
from kg.ner.places import recognize_places
from kg.ner.persons import recognize_persons
from tests.conftest import make_doc, triples


def _doc(text: str) -> Document:
    return Document(path="t.txt", name="t.txt", sha256="", encoding="utf-8", raw_text=text, text=text)


# -- alias_of: a zone's kind written in its usual short form --------------------

def test_zone_with_its_kind_abbreviated_is_an_alias_of_the_full_zone_name():
    doc = make_doc("青禾经济技术开发区举行推介会。会上，青禾经开区发布了新政策。",
                   [("青禾经济技术开发区", "Park"), ("青禾经开区", "Park")])
    assert triples(doc, "alias_of") == {("青禾经开区", "alias_of", "青禾经济技术开发区")}


def test_high_tech_zone_short_form_keeps_the_words_between_place_and_kind():
    doc = make_doc("云岭国家高新技术产业开发区今年签约项目八个，云岭国家高新区产值增长。",
                   [("云岭国家高新技术产业开发区", "Park"), ("云岭国家高新区", "Park")])
    assert triples(doc, "alias_of") == {("云岭国家高新区", "alias_of", "云岭国家高新技术产业开发区")}


def test_a_different_kind_of_zone_is_no_alias():
    doc = make_doc("青禾经济技术开发区与青禾高新区签订合作协议。",
                   [("青禾经济技术开发区", "Park"), ("青禾高新区", "Park")])
    assert triples(doc, "alias_of") == set()


# -- alias_of: a short form shared by a prefecture and its seat ----------------------

def test_short_form_shared_by_prefecture_and_seat_city_is_no_alias():
    doc = make_doc("楚雄州领导来到楚雄市调研，楚雄今年产值增长。",
                   [("楚雄州", "Place"), ("楚雄市", "Place"), ("楚雄", "Place")])
    assert triples(doc, "alias_of") == set()


def test_short_form_beside_a_city_and_a_county_is_the_city():
    doc = make_doc("岳阳市与岳阳县签约，岳阳今年产值增长。",
                   [("岳阳市", "Place"), ("岳阳县", "Place"), ("岳阳", "Place")])
    assert ("岳阳", "alias_of", "岳阳市") in triples(doc, "alias_of")


# -- alias_of: a company referred to as its stem + 公司 --------------------------

def test_company_stem_with_gongsi_is_an_alias_of_the_full_company_name():
    doc = make_doc("吉林禾丰明达食品有限公司新厂投产。禾丰明达公司负责人介绍了产能。",
                   [("吉林禾丰明达食品有限公司", "Enterprise"), ("禾丰明达公司", "Enterprise"),
                    ("吉林", "Place")])
    assert ("禾丰明达公司", "alias_of", "吉林禾丰明达食品有限公司") in triples(doc, "alias_of")


def test_stem_with_gongsi_is_no_alias_of_a_regional_company_of_the_group():
    doc = make_doc("衡远公司与衡远重庆市能源公司签约。",
                   [("衡远公司", "Enterprise"), ("衡远重庆市能源公司", "Enterprise")])
    assert triples(doc, "alias_of") == set()


def test_stem_with_gongsi_is_no_alias_of_a_branch():
    doc = make_doc("衡远公司与衡远科技有限公司东城分公司签约。",
                   [("衡远公司", "Enterprise"), ("衡远科技有限公司东城分公司", "Enterprise")])
    assert triples(doc, "alias_of") == set()


# -- Person: the author alone in a dateline bracket ------------------------------

def _persons(text: str) -> set[str]:
    doc = _doc(text)
    return {m.text for m in recognize_persons(doc)}


def test_name_alone_in_a_dateline_bracket_is_a_person():
    assert "郑若岚" in _persons("本网讯（郑若岚）3月2日上午，区政府召开常务会议。")


def test_dateline_bracket_holding_a_date_or_a_word_gives_no_person():
    assert _persons("本网讯（通讯）昨日，区政府召开常务会议。本报讯（3月2日）会议召开。") == set()


# -- GovOrg: a congress's term written without 第 ---------------------------------

def _govorgs(text: str) -> set[str]:
    doc = _doc(text)
    return {m.text for m in recognize_govorgs(doc)}


def test_term_without_di_stays_inside_the_congress_name():
    found = _govorgs("江北区九届人大常委会召开第三次会议，区九届人大常委会主任主持。")
    assert {"江北区九届人大常委会", "区九届人大常委会"} <= found


# -- Place: an autonomous prefecture written as its core + 州 ---------------------

def test_autonomous_prefecture_short_form_with_zhou_is_one_place():
    text = "云南楚雄州今年新增企业十家，湖北恩施州也在推进招商。"
    doc = _doc(text)
    found = {m.text for m in recognize_places(doc)}
    assert {"楚雄州", "恩施州"} <= found
    assert "楚雄" not in found
