"""Relation patterns on small sentences written for these tests.

``make_doc`` plays the recognizer: it marks given names at every occurrence, so
each test checks the relation patterns alone.
"""
from __future__ import annotations


from kg.model import TITLE, Document, Mention
from tests.conftest import make_doc, triples


# -- holds_post / member_of -------------------------------------------------

def test_title_chain_before_name_is_split_and_bare_body_is_no_member():
    doc = make_doc("县委副书记、县长林海峰出席会议。", [("林海峰", "Person"), ("县委副书记", TITLE), ("县长", TITLE)])
    assert triples(doc) == {("林海峰", "holds_post", "县委副书记"), ("林海峰", "holds_post", "县长")}


def test_body_named_in_first_title_gives_member_of():
    doc = make_doc("市交通局党组书记、局长周明远率队调研。",
                   [("周明远", "Person"), ("市交通局党组书记", TITLE), ("局长", TITLE), ("市交通局", "GovOrg")])
    assert triples(doc) == {("周明远", "holds_post", "市交通局党组书记"), ("周明远", "holds_post", "局长"),
                            ("周明远", "member_of", "市交通局")}


def test_heading_with_space_names_district_committee_not_city_committee():
    doc = make_doc("市委常委、涪陵区委书记 高远\n\n涪陵区加快发展。",
                   [("高远", "Person"), ("市委常委", TITLE), ("涪陵区委书记", TITLE), ("涪陵区委", "GovOrg"),
                    ("涪陵区", "Place")])
    assert triples(doc, "member_of") == {("高远", "member_of", "涪陵区委")}
    assert ("高远", "holds_post", "市委常委") in triples(doc)


def test_byline_role_serves_every_name_after_it():
    doc = make_doc("本报讯（记者 唐小川 钱雨婷 通讯员 何立）日前，活动举行。",
                   [("唐小川", "Person"), ("钱雨婷", "Person"), ("何立", "Person"), ("记者", TITLE), ("通讯员", TITLE)])
    assert triples(doc) == {("唐小川", "holds_post", "记者"), ("钱雨婷", "holds_post", "记者"),
                            ("何立", "holds_post", "通讯员")}


def test_newsroom_before_role_joins_the_title():
    doc = make_doc("黔江日报记者 刘一鸣", [("刘一鸣", "Person"), ("记者", TITLE), ("黔江日报", "Organization")])
    assert triples(doc) == {("刘一鸣", "holds_post", "黔江日报记者"), ("刘一鸣", "member_of", "黔江日报")}


def test_title_after_name_and_in_parentheses():
    doc = make_doc("王晓东书记指出，要抓好落实。张立明（区科协主席）出席。",
                   [("王晓东", "Person"), ("张立明", "Person"), ("书记", TITLE), ("区科协主席", TITLE)])
    assert triples(doc) == {("王晓东", "holds_post", "书记"), ("张立明", "holds_post", "区科协主席")}


def test_department_of_bare_prefix_joins_later_title():
    doc = make_doc("县委宣传部主办。县委常委、宣传部部长罗晓雯讲话。",
                   [("县委宣传部", "GovOrg"), ("罗晓雯", "Person"), ("县委常委", TITLE), ("宣传部部长", TITLE)])
    assert triples(doc, "member_of") == {("罗晓雯", "member_of", "县委宣传部")}


def test_names_without_titles_get_no_post():
    doc = make_doc("胡立新、孙悦参加活动。", [("胡立新", "Person"), ("孙悦", "Person")])
    assert triples(doc) == set()


# -- located_in / part_of ---------------------------------------------------

def test_located_at_de():
    doc = make_doc("位于长寿经开区的华恒化工有限公司新建厂房投用。",
                   [("长寿经开区", "Park"), ("华恒化工有限公司", "Enterprise")])
    assert ("华恒化工有限公司", "located_in", "长寿经开区") in triples(doc)


def test_settles_in():
    doc = make_doc("宏达机械项目签约落户双桥工业园区。", [("宏达机械项目", "Project"), ("双桥工业园区", "Park")])
    assert ("宏达机械项目", "located_in", "双桥工业园区") in triples(doc)


def test_place_prefix_of_park_and_sub_area():
    doc = make_doc("荣安高新区新增企业12家。嘉陵科技园（北碚片区）建成投用，嘉陵科技园扩容。",
                   [("荣安高新区", "Park"), ("荣安", "Place"), ("嘉陵科技园（北碚片区）", "Park"),
                    ("嘉陵科技园", "Park"), ("北碚", "Place")])
    got = triples(doc)
    assert ("荣安高新区", "located_in", "荣安") in got
    assert ("嘉陵科技园（北碚片区）", "part_of", "嘉陵科技园") in got
    assert ("嘉陵科技园（北碚片区）", "located_in", "北碚") in got
    assert not any(h == "嘉陵科技园（北碚片区）" and t == "荣安" for h, _, t in got)


def test_places_in_a_row_and_departments():
    doc = make_doc("城口县高观镇开展活动，县委组织部、县委参加。",
                   [("城口县", "Place"), ("高观镇", "Place"), ("县委组织部", "GovOrg"), ("县委", "GovOrg")])
    assert triples(doc, "part_of") == {("高观镇", "part_of", "城口县"), ("县委组织部", "part_of", "县委")}


def test_section_header_places_what_follows_until_next_header():
    text = "石柱\n\n黄水大桥加快建设，进度过半。\n\n丰都\n\n名山索道项目开工。"
    doc = make_doc(text, [("石柱", "Place"), ("丰都", "Place"), ("黄水大桥", "Project"), ("名山索道项目", "Project")])
    got = triples(doc, "located_in")
    assert ("黄水大桥", "located_in", "石柱") in got and ("名山索道项目", "located_in", "丰都") in got
    assert ("名山索道项目", "located_in", "石柱") not in got


# -- owns_project -----------------------------------------------------------

def test_owner_written_before_project_and_with_de():
    doc = make_doc("恒通电子有限公司智能终端生产线和华瑞新材料公司的碳纤维生产基地入选。",
                   [("恒通电子有限公司", "Enterprise"), ("智能终端生产线", "Project"),
                    ("华瑞新材料公司", "Enterprise"), ("碳纤维生产基地", "Project")])
    assert triples(doc, "owns_project") == {("恒通电子有限公司", "owns_project", "智能终端生产线"),
                                            ("华瑞新材料公司", "owns_project", "碳纤维生产基地")}


def test_lead_units_in_parentheses():
    doc = make_doc("1氢能重卡示范工程(牵头单位:东岳动力有限公司、山城理工学院)",
                   [("氢能重卡示范工程", "Project"), ("东岳动力有限公司", "Enterprise"), ("山城理工学院", "Organization")])
    assert triples(doc, "owns_project") == {("东岳动力有限公司", "owns_project", "氢能重卡示范工程"),
                                            ("山城理工学院", "owns_project", "氢能重卡示范工程")}


def test_built_by():
    doc = make_doc("由鼎力置业有限公司投资建设的滨江商业综合体开业。",
                   [("鼎力置业有限公司", "Enterprise"), ("滨江商业综合体", "Project")])
    assert ("鼎力置业有限公司", "owns_project", "滨江商业综合体") in triples(doc)


# -- alias_of ---------------------------------------------------------------

def test_aliases():
    text = ("重庆华腾精工股份有限公司（以下简称“华腾精工”）扩产。渝东开发区即渝东国家开发区。"
            "黔江与黔江区同义。渝企走出去。重庆市发布通知。中国建设银行涪陵支行和中国建设银行开展合作。")
    doc = make_doc(text, [("重庆华腾精工股份有限公司", "Enterprise"), ("华腾精工", "Enterprise"),
                          ("渝东开发区", "Park"), ("渝东国家开发区", "Park"), ("黔江", "Place"), ("黔江区", "Place"),
                          ("渝", "Place"), ("重庆市", "Place"), ("中国建设银行涪陵支行", "Enterprise"),
                          ("中国建设银行", "Enterprise")])
    assert triples(doc, "alias_of") == {("华腾精工", "alias_of", "重庆华腾精工股份有限公司"),
                                        ("渝东开发区", "alias_of", "渝东国家开发区"),
                                        ("黔江", "alias_of", "黔江区"), ("渝", "alias_of", "重庆市")}


def test_every_relation_has_evidence_and_pattern():
    doc = make_doc("位于长寿经开区的华恒化工有限公司新建厂房投用。县委副书记林海峰出席。",
                   [("长寿经开区", "Park"), ("华恒化工有限公司", "Enterprise"), ("林海峰", "Person"),
                    ("县委副书记", TITLE)])
    assert doc.relations
    for r in doc.relations:
        assert r.pattern
        assert doc.text[r.evidence.start:r.evidence.end] == r.evidence.text
        assert r.evidence.start <= r.head.start and r.tail.end <= r.evidence.end


def test_role_serves_names_listed_with_enumeration_comma():
    doc = make_doc("管委会副主任陈思远、郭宁陪同调研。区委书记方正、区长何川出席。",
                   [("陈思远", "Person"), ("郭宁", "Person"), ("方正", "Person"), ("何川", "Person"),
                    ("管委会副主任", TITLE), ("区委书记", TITLE), ("区长", TITLE)])
    assert triples(doc, "holds_post") == {("陈思远", "holds_post", "管委会副主任"), ("郭宁", "holds_post", "管委会副主任"),
                                          ("方正", "holds_post", "区委书记"), ("何川", "holds_post", "区长")}


def test_two_counties_side_by_side_are_no_part_of():
    doc = make_doc("荣县仁寿县两地开展合作。四川省荣县举办活动。",
                   [("荣县", "Place"), ("仁寿县", "Place"), ("四川省", "Place")])
    assert triples(doc, "part_of") == {("荣县", "part_of", "四川省")}


def test_introduced_short_name_stops_at_punctuation():
    doc = make_doc("南山经济技术开发区（简称南山经开区，又称南山园）发布规划。",
                   [("南山经济技术开发区", "Park")])
    # the second name in the same brackets is a short name of its own
    assert triples(doc, "alias_of") == {("南山经开区", "alias_of", "南山经济技术开发区"),
                                        ("南山园", "alias_of", "南山经济技术开发区")}


def test_appointed_as_and_invested_by():
    doc = make_doc("会议决定，韩松任县委副书记、县长。东岳动力有限公司投资建设的氢能产业基地投产。",
                   [("韩松", "Person"), ("县委副书记", TITLE), ("县长", TITLE), ("东岳动力有限公司", "Enterprise"),
                    ("氢能产业基地", "Project")])
    got = triples(doc)
    assert {("韩松", "holds_post", "县委副书记"), ("韩松", "holds_post", "县长"),
            ("东岳动力有限公司", "owns_project", "氢能产业基地")} <= got


def test_start_of_a_full_name_is_no_short_form():
    doc = make_doc("宏图智能装备有限公司扩产。", [("宏图智能装备有限公司", "Enterprise"), ("宏图智能装备", "Enterprise")])
    assert triples(doc, "alias_of") == set()


# -- DocContext look-ups -----------------------------------------------------------

def test_context_lookups_match_their_definitions():
    """inside() and is_outermost() (a bisect and a sweep) agree with their plain definitions
    on nested, equal and crossing spans of several types."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.relations.context import DocContext

    span = st.tuples(st.integers(0, 30), st.integers(1, 8), st.sampled_from(["Place", "Park", "Project", TITLE]))

    @settings(max_examples=200, deadline=None)
    @given(st.lists(span, max_size=25), st.integers(0, 30), st.integers(0, 40))
    def check(spans, start, end):
        doc = Document(path="t.txt", name="t.txt", sha256="x", encoding="utf-8", raw_text="字" * 40)
        doc.text = doc.raw_text
        doc.mentions = [Mention(s, s + n, "字" * n, t, source="test") for s, n, t in spans]
        ctx = DocContext(doc)
        entities = [m for m in doc.mentions if m.type != TITLE]
        for m in doc.mentions:
            plain = not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                            for o in entities)
            assert ctx.is_outermost(m) == plain
        types = ("Place", "Project")
        assert ctx.inside(start, end, types) == [m for m in ctx.mentions
                                                  if start <= m.start and m.end <= end and m.type in types]

    check()
