"""holds_post and member_of (kg.relations.posts) on small sentences written for these tests.

``make_doc`` plays the recognizer: it marks given names at every occurrence, so most tests check
the relation patterns alone; ``run_pipeline`` and ``pipeline_pairs`` run the real recognizers.
"""
from __future__ import annotations

import pytest

from kg.model import TITLE
from kg.ner.persons import recognize_persons
from kg.ner.titles import recognize_titles
from tests.conftest import (
    make_doc,
    ordered,
    pairs,
    pipeline_pairs,
    recognized,
    run_pipeline,
    texts,
    triples,
)


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


@pytest.mark.parametrize("text, names, label, expected", [
    pytest.param("县委宣传部主办。县委常委、宣传部部长罗晓雯讲话。",
                 [("县委宣传部", "GovOrg"), ("罗晓雯", "Person"), ("县委常委", TITLE), ("宣传部部长", TITLE)],
                 "member_of", {("罗晓雯", "member_of", "县委宣传部")}, id="department_of_bare_prefix_joins_later_title"),
    pytest.param("管委会副主任陈思远、郭宁陪同调研。区委书记方正、区长何川出席。",
                 [("陈思远", "Person"), ("郭宁", "Person"), ("方正", "Person"), ("何川", "Person"),
                    ("管委会副主任", TITLE), ("区委书记", TITLE), ("区长", TITLE)],
                 "holds_post", {("陈思远", "holds_post", "管委会副主任"), ("郭宁", "holds_post", "管委会副主任"),
                                          ("方正", "holds_post", "区委书记"), ("何川", "holds_post", "区长")}, id="role_serves_names_listed_with_enumeration_comma"),
    pytest.param("青川县发改局局长付海、副局长林海峰陪同调研。",
                 [("青川县发改局", "GovOrg"), ("付海", "Person"), ("林海峰", "Person"),
                  ("青川县发改局局长", TITLE), ("副局长", TITLE)],
                 "member_of", {("付海", "member_of", "青川县发改局"), ("林海峰", "member_of", "青川县发改局")},
                 id="deputy_listed_after_the_head_of_a_body_is_in_that_body"),
    pytest.param("市政协常委、市政协经济委主任付海、副主任林海峰出席。",
                 [("市政协", "GovOrg"), ("市政协经济委", "GovOrg"), ("付海", "Person"), ("林海峰", "Person"),
                  ("市政协常委", TITLE), ("市政协经济委主任", TITLE), ("副主任", TITLE)],
                 "member_of", {("付海", "member_of", "市政协"), ("付海", "member_of", "市政协经济委"),
                               ("林海峰", "member_of", "市政协经济委")},
                 id="deputy_after_the_head_of_a_committee_is_in_the_committee_not_its_parent"),
    pytest.param("青川商会副会长付海、秘书长林海峰参加调研。",
                 [("青川商会", "Organization"), ("付海", "Person"), ("林海峰", "Person"),
                  ("青川商会副会长", TITLE), ("秘书长", TITLE)],
                 "member_of", {("付海", "member_of", "青川商会"), ("林海峰", "member_of", "青川商会")},
                 id="bare_title_listed_after_a_holder_of_a_post_in_a_body_is_in_that_body"),
    pytest.param("青川县委书记方正、县长何川出席。",
                 [("方正", "Person"), ("何川", "Person"), ("青川县委书记", TITLE), ("县长", TITLE),
                  ("青川县委", "GovOrg")],
                 "member_of", {("方正", "member_of", "青川县委")},
                 id="title_opening_with_a_level_word_names_its_own_body"),
    pytest.param("市住建局副局长付海、规划资源局副局长林海峰陪同。",
                 [("市住建局", "GovOrg"), ("付海", "Person"), ("林海峰", "Person"),
                  ("市住建局副局长", TITLE), ("规划资源局副局长", TITLE)],
                 "member_of", {("付海", "member_of", "市住建局")},
                 id="title_holding_a_body_no_recognizer_named_inherits_none"),
    pytest.param("市商务委统筹办科长林海峰介绍情况。",
                 [("市商务委", "GovOrg"), ("林海峰", "Person"), ("科长", TITLE)],
                 "member_of", {("林海峰", "member_of", "市商务委")},
                 id="office_no_recognizer_named_between_a_body_and_a_title_keeps_the_body"),
    pytest.param("青岚建材有限公司财务部主管林海峰、青禾咨询有限公司品牌总监付海出席。",
                 [("青岚建材有限公司", "Enterprise"), ("青禾咨询有限公司", "Enterprise"), ("林海峰", "Person"),
                  ("付海", "Person"), ("主管", TITLE), ("总监", TITLE)],
                 "member_of", {("林海峰", "member_of", "青岚建材有限公司"), ("付海", "member_of", "青禾咨询有限公司")},
                 id="department_or_business_function_between_a_company_and_a_title_keeps_the_company"),
    pytest.param("青岚建材有限公司邀请副总经理林海峰出席。",
                 [("青岚建材有限公司", "Enterprise"), ("林海峰", "Person"), ("副总经理", TITLE)],
                 "member_of", set(), id="a_verb_between_a_company_and_a_title_is_no_unit_of_it"),
    pytest.param("青川县发改局局长付海，副局长林海峰陪同调研。",
                 [("青川县发改局", "GovOrg"), ("付海", "Person"), ("林海峰", "Person"),
                  ("青川县发改局局长", TITLE), ("副局长", TITLE)],
                 "member_of", {("付海", "member_of", "青川县发改局"), ("林海峰", "member_of", "青川县发改局")},
                 id="deputy_listed_after_a_comma_is_in_the_body_of_the_head"),
    pytest.param("青岚建材有限公司：董事长付海，总经理林海峰，副总经理何川。",
                 [("青岚建材有限公司", "Enterprise"), ("付海", "Person"), ("林海峰", "Person"), ("何川", "Person"),
                  ("董事长", TITLE), ("总经理", TITLE), ("副总经理", TITLE)],
                 "member_of", {("付海", "member_of", "青岚建材有限公司"), ("林海峰", "member_of", "青岚建材有限公司"),
                               ("何川", "member_of", "青岚建材有限公司")},
                 id="body_heading_a_list_of_posts_holds_every_post_of_the_list"),
    pytest.param("区委书记方正，副区长何川出席。",
                 [("方正", "Person"), ("何川", "Person"), ("区委书记", TITLE), ("副区长", TITLE), ("区委", "GovOrg")],
                 "member_of", set(), id="deputy_of_another_post_after_a_comma_does_not_inherit_the_body_before"),
    pytest.param("青川市委统战部副部长付海出席。",
                 [("青川市委", "GovOrg"), ("青川市委统战部", "GovOrg"), ("付海", "Person"), ("青川市委统战部副部长", TITLE)],
                 "member_of", {("付海", "member_of", "青川市委统战部")},
                 id="post_in_a_department_of_a_party_committee_is_not_held_in_the_committee"),
    pytest.param("青川市委常委、统战部部长付海出席。青川市委统战部发布通知。",
                 [("青川市委", "GovOrg"), ("青川市委统战部", "GovOrg"), ("付海", "Person"), ("青川市委常委", TITLE),
                  ("统战部部长", TITLE)],
                 "member_of", {("付海", "member_of", "青川市委"), ("付海", "member_of", "青川市委统战部")},
                 id="a_committee_named_by_a_title_of_its_own_stays_a_body_of_the_holder"),
    pytest.param("青川区农业农村委农经站站长付海出席。",
                 [("青川区农业农村委", "GovOrg"), ("青川区农业农村委农经站", "GovOrg"), ("付海", "Person"),
                  ("青川区农业农村委农经站站长", TITLE)],
                 "member_of", {("付海", "member_of", "青川区农业农村委"), ("付海", "member_of", "青川区农业农村委农经站")},
                 id="post_in_a_unit_of_a_department_is_held_in_the_department_too"),
    pytest.param("青川日报·青川客户端记者 付海 林海峰",
                 [("青川日报", "Organization"), ("青川客户端", "Organization"), ("付海", "Person"), ("林海峰", "Person"),
                  ("记者", TITLE)],
                 "member_of", {("付海", "member_of", "青川日报"), ("付海", "member_of", "青川客户端"),
                               ("林海峰", "member_of", "青川日报"), ("林海峰", "member_of", "青川客户端")},
                 id="newsrooms_joined_by_a_middle_dot_before_a_role_are_each_the_reporters"),
    pytest.param("区委书记方正、副区长何川出席。",
                 [("方正", "Person"), ("何川", "Person"), ("区委书记", TITLE), ("副区长", TITLE), ("区委", "GovOrg")],
                 "member_of", set(), id="deputy_of_another_post_does_not_inherit_the_body_before"),
    pytest.param("青川省发改委党组成员 副主任 林海峰发布数据。",
                 [("青川省发改委", "GovOrg"), ("林海峰", "Person"), ("青川省发改委党组成员", TITLE), ("副主任", TITLE)],
                 "holds_post", {("林海峰", "holds_post", "青川省发改委党组成员"), ("林海峰", "holds_post", "副主任")},
                 id="titles_parted_by_a_space_are_one_chain"),
    pytest.param("管委会副主任林海峰陪同调研。",
                 [("林海峰", "Person"), ("管委会副主任", TITLE)],
                 "member_of", set(), id="bare_zone_committee_without_the_level_form_gives_no_member_of"),
    pytest.param("青岚建工青川国际中心项目经理林海峰介绍。",
                 [("青岚建工", "Enterprise"), ("林海峰", "Person"), ("项目经理", TITLE)],
                 "member_of", {("林海峰", "member_of", "青岚建工")}, id="post_on_a_project_is_held_in_the_company_before_it"),
    pytest.param("青岚建工有限公司青川湾隧道项目部经理林海峰说。",
                 [("青岚建工有限公司", "Enterprise"), ("青川湾隧道", "Project"), ("林海峰", "Person"), ("经理", TITLE)],
                 "member_of", {("林海峰", "member_of", "青岚建工有限公司")}, id="manager_of_the_project_department"),
    pytest.param("青岚建工参建。项目经理林海峰介绍。",
                 [("青岚建工", "Enterprise"), ("林海峰", "Person"), ("项目经理", TITLE)],
                 "member_of", set(), id="no_company_in_the_phrase_of_the_post"),
])
def test_relations_found_are_exactly(text, names, label, expected):
    assert triples(make_doc(text, names), label) == expected


def test_names_without_titles_get_no_post():
    doc = make_doc("胡立新、孙悦参加活动。", [("胡立新", "Person"), ("孙悦", "Person")])
    assert triples(doc) == set()


def test_appointed_as_and_invested_by():
    doc = make_doc("会议决定，韩松任县委副书记、县长。东岳动力有限公司投资建设的氢能产业基地投产。",
                   [("韩松", "Person"), ("县委副书记", TITLE), ("县长", TITLE), ("东岳动力有限公司", "Enterprise"),
                    ("氢能产业基地", "Project")])
    got = triples(doc)
    assert {("韩松", "holds_post", "县委副书记"), ("韩松", "holds_post", "县长"),
            ("东岳动力有限公司", "owns_project", "氢能产业基地")} <= got


def test_comrade_appointed_to_a_chain_of_posts():
    text = "日前，省委决定：高远峰同志任南阳市委委员、常委、书记。"
    assert recognized(recognize_persons, text) == {"高远峰"}
    assert pipeline_pairs(text, "holds_post") == {("高远峰", "南阳市委委员"), ("高远峰", "常委"), ("高远峰", "书记")}
    assert ("高远峰", "南阳市委") in pipeline_pairs(text, "member_of")


def test_a_post_said_to_end_names_a_person_but_no_post():
    text = "日前，省委决定：蒋文川同志不再担任南阳市委书记职务。"
    assert recognized(recognize_persons, text) == {"蒋文川"}
    assert pipeline_pairs(text, "holds_post") == set()


def test_former_post_written_before_the_name_with_de():
    text = "去年，时任洛阳市委常委、偃师市委书记的章立新名列其中。"
    assert recognized(recognize_persons, text) == {"章立新"}
    assert pipeline_pairs(text, "holds_post") == {("章立新", "洛阳市委常委"), ("章立新", "偃师市委书记")}
    assert pipeline_pairs(text, "member_of") == {("章立新", "洛阳市委"), ("章立新", "偃师市委")}


def test_decided_appointment_and_election_to_a_congress():
    assert pipeline_pairs("会议决定，符志勇任宝鸡市副市长、代市长。", "holds_post") == {
        ("符志勇", "宝鸡市副市长"), ("符志勇", "代市长")}
    text = "会议依法补选严立国为河南省第十四届人民代表大会代表。"
    assert pipeline_pairs(text, "holds_post") == {("严立国", "河南省第十四届人民代表大会代表")}
    assert pipeline_pairs(text, "member_of") == {("严立国", "河南省第十四届人民代表大会")}


def test_elected_mayor_with_a_short_place_before_the_role():
    assert pipeline_pairs("2020年，骆明川当选宝鸡市长后，推动了改革。", "holds_post") == {("骆明川", "宝鸡市长")}


def test_appointment_with_a_date_and_a_listed_decision():
    assert pipeline_pairs("2021年3月祁远航任开发区党工委书记。", "holds_post") == {("祁远航", "开发区党工委书记")}
    assert pipeline_pairs("祁远航于2019年任宝鸡市政府党组成员。", "holds_post") == {("祁远航", "宝鸡市政府党组成员")}
    assert pipeline_pairs("决定任命： 祁远航为宝鸡市人民政府副市长。", "holds_post") == {("祁远航", "宝鸡市人民政府副市长")}


def test_title_stops_at_a_company_suffix_and_the_relation_joins_them():
    text = "座谈会上，西岭重工装备集团党委委员、副总经理邝立新，区属部门负责人参加。"
    assert ordered(recognize_titles, text) == ["党委委员", "副总经理"]
    assert ("邝立新", "西岭重工装备集团党委委员") in pipeline_pairs(text, "holds_post")
    assert pipeline_pairs(text, "member_of") == {("邝立新", "西岭重工装备集团")}


def test_editor_credit_line_with_colons():
    found = pipeline_pairs("（编辑:覃小雨 一审:邬长河 二审:钮方圆）", "holds_post")
    assert found == {("覃小雨", "编辑"), ("邬长河", "一审"), ("钮方圆", "二审")}


def test_bare_zone_committee_fused_into_a_title_names_no_body():
    """Like 区委书记: the zone's committee written bare inside a title is no member_of, even
    where the article names a level-word committee elsewhere."""
    doc = make_doc("管委会副主任林海峰、周明远陪同调研。随后在区管委会召开座谈会。",
                   [("林海峰", "Person"), ("周明远", "Person"), ("管委会副主任", TITLE), ("区管委会", "GovOrg")])
    assert triples(doc, "member_of") == set()
    assert ("林海峰", "holds_post", "管委会副主任") in triples(doc, "holds_post")


def test_editor_after_a_bar_and_media_reporter_real_pipeline(tmp_path):
    doc = run_pipeline(tmp_path, "编辑 | 郑文博\n\n据鞍山日报报道，鞍山市委书记王立强到新区调研。\n\n（鞍山日报全媒记者 吴思远）")
    found = triples(doc)
    assert ("郑文博", "holds_post", "编辑") in found
    assert ("吴思远", "member_of", "鞍山日报") in found
    assert any(h == "吴思远" and r == "holds_post" and t.endswith("全媒记者") for h, r, t in found)


def test_contact_person_and_unroled_credit_name_real_pipeline(tmp_path):
    doc = run_pipeline(tmp_path, "相关情况请对接开发区。\n\n联系人:郑文博  联系电话:13300000000\n\n"
                        "（李晓明 鞍山日报全媒记者 吴思远）")
    persons = {m.text for m in doc.mentions if m.type == "Person"}
    assert {"郑文博", "李晓明", "吴思远"} <= persons
    assert not any(r.head.text in ("郑文博", "李晓明") for r in doc.relations if r.label == "holds_post")


CV = ("简历显示,韩立群,男,汉族,1972年3月生,大学学历。\n\n"
      "曾任沧州市委研究室科员、副科长,肃宁县委常委、常务副县长等职务,"
      "2020年6月任肃宁县委书记。")


def test_cv_posts_go_to_the_person_the_cv_is_about(tmp_path):
    doc = run_pipeline(tmp_path, CV)
    posts = pairs(doc, "holds_post")
    assert {("韩立群", "沧州市委研究室科员"), ("韩立群", "副科长"), ("韩立群", "肃宁县委常委"),
            ("韩立群", "常务副县长"), ("韩立群", "肃宁县委书记")} <= posts
    assert {("韩立群", "沧州市委研究室"), ("韩立群", "肃宁县委")} <= pairs(doc, "member_of")


def test_cv_clause_with_nobody_named_before_gives_no_post(tmp_path):
    doc = run_pipeline(tmp_path, "曾任涞水县委常委、常务副县长等职务。")
    assert pairs(doc, "holds_post") == set()


def test_a_post_said_to_end_is_not_carried(tmp_path):
    doc = run_pipeline(tmp_path, "会上,吴少东当选为市政协主席,后不再兼任涞水县委书记。")
    assert ("吴少东", "涞水县委书记") not in pairs(doc, "holds_post")
    assert ("吴少东", "市政协主席") in pairs(doc, "holds_post")


def test_adverb_between_name_and_personnel_verb(tmp_path):
    doc = run_pipeline(tmp_path, "近日消息显示,郑立伟已任肃宁县委书记。")
    assert ("郑立伟", "肃宁县委书记") in pairs(doc, "holds_post")


def test_an_unknown_body_after_the_verb_stays_in_the_title(tmp_path):
    doc = run_pipeline(tmp_path, "简历显示,韩立群,男,1972年3月生。曾任共青团保定市委干事、副科长等职。")
    assert ("韩立群", "共青团保定市委干事") in pairs(doc, "holds_post")


def test_four_character_byline_name_closed_by_a_bracket(tmp_path):
    doc = run_pipeline(tmp_path, "本报讯(记者次仁卓玛)9月3日,拉萨市召开会议。")
    assert "次仁卓玛" in texts(doc.mentions, "Person")
    assert ("次仁卓玛", "记者") in pairs(doc, "holds_post")


def test_academician_is_a_post(tmp_path):
    doc = run_pipeline(tmp_path, "中国工程院院士、兰州大学教授马文杰作报告。")
    assert "马文杰" in texts(doc.mentions, "Person")
    assert ("马文杰", "中国工程院院士") in pairs(doc, "holds_post")


def test_autonomous_county_committee_after_its_short_name(tmp_path):
    doc = run_pipeline(tmp_path, "长阳自治县委副书记刘晓东主持会议。")
    assert "长阳自治县委" in texts(doc.mentions, "GovOrg")
    assert ("刘晓东", "长阳自治县委") in pairs(doc, "member_of")


def test_research_office_of_a_party_committee(tmp_path):
    doc = run_pipeline(tmp_path, "湖北省委研究室副主任陈立新介绍情况。")
    assert "湖北省委研究室" in texts(doc.mentions, "GovOrg")
    assert ("陈立新", "湖北省委研究室") in pairs(doc, "member_of")


def test_an_honour_named_after_a_post_is_no_post(tmp_path):
    doc = run_pipeline(tmp_path, "全国优秀县委书记郑立伟近日到任。郑立伟已任肃宁县委书记。")
    assert pairs(doc, "holds_post") == {("郑立伟", "肃宁县委书记")}


def test_person_in_charge_needs_the_company_before_it(tmp_path):
    doc = run_pipeline(tmp_path, "河北青禾环境工程有限公司负责人孙浩然等出席仪式,相关负责人介绍情况。")
    assert ("孙浩然", "河北青禾环境工程有限公司负责人") in pairs(doc, "holds_post")
    assert {t for _p, t in pairs(doc, "holds_post")} == {"河北青禾环境工程有限公司负责人"}


INHERITED_BODIES = [
    # 某某区委常委、统战部部长 -> 某某区委统战部 (named elsewhere in the document)
    ("青川区委常委、宣传部部长方芸出席。青川区委宣传部召开座谈会。",
     [("方芸", "Person"), ("青川区委常委", TITLE), ("宣传部部长", TITLE), ("青川区委", "GovOrg"),
      ("青川区委宣传部", "GovOrg")],
     {("方芸", "member_of", "青川区委宣传部")}, set()),
    # not only from the first title of the chain
    ("市委常委、白鹭新区党工委书记、管委会主任陈山宣布开工。白鹭新区管委会负责筹备。",
     [("陈山", "Person"), ("市委常委", TITLE), ("白鹭新区党工委书记", TITLE), ("管委会主任", TITLE),
      ("白鹭新区党工委", "GovOrg"), ("白鹭新区管委会", "GovOrg")],
     {("陈山", "member_of", "白鹭新区管委会"), ("陈山", "member_of", "白鹭新区党工委")}, set()),
    # a later title opening with a level word names its own body
    ("青川市委统战部副部长、市工商联党委书记钱沐出席。青川市工商联发出倡议。",
     [("钱沐", "Person"), ("青川市委统战部副部长", TITLE), ("市工商联党委书记", TITLE),
      ("青川市委统战部", "GovOrg"), ("市工商联", "Organization"), ("青川市工商联", "Organization")],
     {("钱沐", "member_of", "青川市委统战部"), ("钱沐", "member_of", "市工商联")},
     {("钱沐", "member_of", "青川市工商联")}),
    # a body written with its place is one body, not also the body without it
    ("青川市人大常委会主任顾允参加活动。市人大常委会副主任刘明陪同。",
     [("顾允", "Person"), ("刘明", "Person"), ("青川市人大常委会主任", TITLE), ("市人大常委会副主任", TITLE),
      ("青川市人大常委会", "GovOrg"), ("市人大常委会", "GovOrg")],
     {("顾允", "member_of", "青川市人大常委会"), ("刘明", "member_of", "市人大常委会")},
     {("顾允", "member_of", "市人大常委会")}),
]


@pytest.mark.parametrize("text, names, expected, absent", INHERITED_BODIES)
def test_later_title_inherits_the_body_opening_an_earlier_one(text, names, expected, absent):
    found = triples(make_doc(text, names), "member_of")
    assert expected <= found
    assert not absent & found


COMPANY_ANAPHORS = [
    ("青川远拓生物科技股份有限公司专注于疫苗研发。该公司董事长周明回忆创业经过。",
     [("青川远拓生物科技股份有限公司", "Enterprise"), ("董事长", TITLE), ("周明", "Person")],
     {("周明", "member_of", "青川远拓生物科技股份有限公司")}),
    ("远拓集团发展迅速,公司总经理李强表示将扩产。",
     [("远拓集团", "Enterprise"), ("总经理", TITLE), ("李强", "Person")], {("李强", "member_of", "远拓集团")}),
    # no anaphor before the title: no company
    ("远拓集团发展迅速。总经理李强表示将扩产。",
     [("远拓集团", "Enterprise"), ("总经理", TITLE), ("李强", "Person")], set()),
]


@pytest.mark.parametrize("text, names, expected", COMPANY_ANAPHORS)
def test_gai_gongsi_before_a_title_is_the_company_named_before(text, names, expected):
    assert triples(make_doc(text, names), "member_of") == expected


BUSINESS_CHAINS = [
    # a board chair's title is one post (not 董事 + 主席), and the chain before it stays whole
    ("市工商联主席、远拓科技集团董事局主席张华参加会议。", "张华", ("市工商联主席", "董事局主席")),
    ("青川商会会长、远拓科技集团董事会主席李强致辞。", "李强", ("青川商会会长", "董事会主席")),
    # 兼 joins two posts held at once: the first is not lost
    ("市新材料协会副会长兼秘书长周立新介绍了情况。", "周立新", ("副会长", "秘书长")),
]


@pytest.mark.parametrize("text, person, endings", BUSINESS_CHAINS)
def test_business_title_chains_give_every_post(tmp_path, text, person, endings):
    posts = [t for p, t in pairs(run_pipeline(tmp_path, text), "holds_post") if p == person]
    assert len(posts) == len(endings)
    assert all(any(t.endswith(e) for t in posts) for e in endings)


PROJECT_POSTS = [
    ("“我们月初拿到许可,月底就动工。”项目负责人葛晓川说。", ("葛晓川", "项目负责人")),
    ("现场施工负责人樊立群说,主体结构月底封顶。", ("樊立群", "施工负责人")),
    ("项目经理李强介绍,工程进展顺利。", ("李强", "项目经理")),
]


@pytest.mark.parametrize("text, post", PROJECT_POSTS)
def test_posts_in_a_project_need_no_body(tmp_path, text, post):
    assert post in pairs(run_pipeline(tmp_path, text), "holds_post")


def test_a_bare_person_in_charge_is_still_no_post(tmp_path):
    assert pairs(run_pipeline(tmp_path, "企业相关负责人王刚表示将扩产。"), "holds_post") == set()


@pytest.mark.parametrize("text, person, body", [
    pytest.param("南星石油天河油田有限公司总经理助理葛明远出席。", "葛明远", "南星石油天河油田有限公司",
                 id="assistant_to_the_general_manager"),
    pytest.param("青禾智能科技有限公司首席执行官邓嘉言介绍。", "邓嘉言", "青禾智能科技有限公司", id="chief_executive"),
])
def test_company_officer_is_member_of_the_company(text, person, body):
    assert (person, body) in pipeline_pairs(text, "member_of")


@pytest.mark.parametrize("text, person, post, body", [
    pytest.param("东岭集团与青山轻工业大学叶志国教授的合作项目签约。", "叶志国", "教授", "青山轻工业大学",
                 id="professor_after_his_university"),
    pytest.param("南星储能集团张续文工程师介绍。", "张续文", "工程师", "南星储能集团", id="engineer_after_his_group"),
])
def test_name_between_its_body_and_its_post(text, person, post, body):
    assert (person, post) in pipeline_pairs(text, "holds_post")
    assert (person, body) in pipeline_pairs(text, "member_of")


def test_name_before_a_post_after_a_pause_names_no_body():
    assert pipeline_pairs("他说，吴开明市长首先介绍了情况。", "member_of") == set()


def test_byline_role_and_name_parted_by_a_slash():
    found = pipeline_pairs("本报讯 (记者/吴立跃 通讯员/张维文)会议召开。", "holds_post")
    assert {("吴立跃", "记者"), ("张维文", "通讯员")} <= found


def test_every_body_of_a_chain_through_a_short_company_name_real_pipeline(tmp_path):
    doc = run_pipeline(tmp_path, "全国政协委员、岚川商会会长、蔚岭检测董事长邬建成出席会议。")
    found = triples(doc, "member_of")
    assert {("邬建成", "member_of", "岚川商会"), ("邬建成", "member_of", "蔚岭检测")} <= found


@pytest.mark.parametrize("text, holds", [
    pytest.param("区委副书记张建华、李明、王晓武等同志出席。",
                 {("张建华", "区委副书记"), ("李明", "区委副书记"), ("王晓武", "区委副书记")}, id="title_over_a_list"),
    pytest.param("记者 张建华李明\n\n项目开工。", {("张建华", "记者"), ("李明", "记者")}, id="glued_byline_names"),
])
def test_one_title_serves_every_name_after_it(text, holds):
    assert pipeline_pairs(text, "holds_post") == holds


def test_one_title_over_a_list_gives_each_name_the_body():
    text = "市发改委副主任张建华、李明、王晓武等参加调研。"
    assert pipeline_pairs(text, "member_of") == {("张建华", "市发改委"), ("李明", "市发改委"), ("王晓武", "市发改委")}


@pytest.mark.parametrize("text, holds", [
    pytest.param("副市长张建华、李明和王晓武出席。",
                 {("张建华", "副市长"), ("李明", "副市长"), ("王晓武", "副市长")}, id="last_joined_by_he"),
    pytest.param("区委副书记 张建华 李明 王晓武出席",
                 {("张建华", "区委副书记"), ("李明", "区委副书记"), ("王晓武", "区委副书记")}, id="parted_by_spaces"),
    pytest.param("区长张建华和企业家李明交流。", {("张建华", "区长")}, id="two_joined_by_he_are_no_list"),
])
def test_one_title_over_names_joined_to_a_list(text, holds):
    assert pipeline_pairs(text, "holds_post") == holds
