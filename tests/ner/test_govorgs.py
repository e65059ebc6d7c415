"""The government-body recognizer (kg.ner.govorgs) on sentences written for these tests."""
from __future__ import annotations

import pytest

from kg.ner.govorgs import recognize_govorgs
from tests.conftest import recognized, run_pipeline


def test_congress_with_its_term_and_its_committees():
    found = recognized(recognize_govorgs, "南阳市第八届人民代表大会常务委员会第五次会议召开，"
                     "提请河南省第十四届人民代表大会常务委员会代表资格审查委员会予以确认。")
    assert {"南阳市第八届人民代表大会常务委员会", "河南省第十四届人民代表大会常务委员会",
            "河南省第十四届人民代表大会常务委员会代表资格审查委员会"} <= found
    assert recognized(recognize_govorgs, "区人大常委会相关专门委员会要认真研究。") == {"区人大常委会"}


def test_zone_working_committee_in_full():
    assert recognized(recognize_govorgs, "中共南湖高新区工作委员会正式揭牌。") == {"中共南湖高新区工作委员会"}


def test_qualified_service_centre_and_compound_department():
    assert recognized(recognize_govorgs, "县项目建设服务中心副主任闵小芳介绍。") == {"县项目建设服务中心"}
    assert recognized(recognize_govorgs, "新区科技和人才局、市商务和投资促进局联合发文。") == {"新区科技和人才局", "市商务和投资促进局"}
    assert recognized(recognize_govorgs, "市发改委和市经信委联合发文。") == {"市发改委", "市经信委"}
    assert recognized(recognize_govorgs, "南阳市数字产业服务中心有限公司揭牌。") == set()


def test_party_branch_named_in_quotes_or_by_its_village():
    assert recognized(recognize_govorgs, "打造“青松护林党支部”等品牌。") == {"青松护林党支部"}
    assert recognized(recognize_govorgs, "桃源村党支部书记吕长青说。") == {"桃源村党支部"}
    assert recognized(recognize_govorgs, "公司党支部书记吕长青说。") == set()


def test_bare_committee_inside_an_office_title_is_not_a_govorg():
    assert recognized(recognize_govorgs, "区委常委、区委办主任冉建平出席。") == {"区委办"}


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("江北区九届人大常委会召开第三次会议，区九届人大常委会主任主持。",
                 {"区九届人大常委会", "江北区九届人大常委会"}, set(), id="term_without_di_stays_inside_the_congress_name"),
    pytest.param("涪陵区委宣传部、市政府新闻办和市检察院案件管理中心发布通知。",
                 {"市政府新闻办", "市检察院", "市检察院案件管理中心", "涪陵区委", "涪陵区委宣传部"}, {"市政府"},
                 id="sub_bodies_are_nested_mentions_but_a_bare_body_only_opening_them_is_none"),
])
def test_govorgs_found_and_not_found(text, found, not_found):
    names = recognized(recognize_govorgs, text)
    assert found <= names
    assert not names & not_found


def test_level_word_zone_committee_is_a_govorg(tmp_path):
    doc = run_pipeline(tmp_path, "随后在区管委会召开座谈会，有关企业代表参加。")
    assert ("区管委会", "GovOrg") in {(m.text, m.type) for m in doc.mentions}


def test_bare_departments_listed_after_a_prefixed_body_are_govorgs(tmp_path):
    doc = run_pipeline(tmp_path, "县委办、发改局、财政局相关负责同志参加。会后，财政局长王立强发言。")
    govorgs = [m.text for m in doc.mentions if m.type == "GovOrg"]
    assert "发改局" in govorgs and "财政局" in govorgs
    assert govorgs.count("财政局") == 1  # 财政局长 is a post, not a listed body


def test_bare_committee_fused_into_a_title_is_not_a_govorg():
    assert recognized(recognize_govorgs, "区委书记唐志平出席。") == set()
    assert recognized(recognize_govorgs, "市委常委、秘书长韩立东出席。") == set()


def test_place_prefixed_committee_in_a_title_is_a_govorg():
    assert recognized(recognize_govorgs, "涪陵区委书记蒋文涛出席。") == {"涪陵区委"}
    assert recognized(recognize_govorgs, "石沱镇党委副书记龙建华说。") == {"石沱镇党委"}


def test_bodies_with_level_prefix_and_abbreviations():
    found = recognized(recognize_govorgs, "按照市委、市政府要求，市经信委、区人力社保局、区人大常委会和区政协联合开展调研。")
    assert found == {"市委", "市政府", "市经信委", "区人力社保局", "区人大常委会", "区政协"}


def test_national_bodies_stand_alone():
    assert recognized(recognize_govorgs, "党中央、国务院高度重视，国家统计局和应急管理部发布数据。") == {
        "党中央", "国务院", "国家统计局", "应急管理部"}


def test_zone_committees_take_the_zone_name():
    assert recognized(recognize_govorgs, "长寿经开区党工委书记蒋立新调研。") == {"长寿经开区党工委"}
    assert recognized(recognize_govorgs, "他此前担任万州高新区管委会副主任。") == {"万州高新区管委会"}


def test_youth_league_and_ordinary_words_are_not_govorgs():
    assert recognized(recognize_govorgs, "共青团涪陵区委、团区委组织志愿者。") == set()
    assert recognized(recognize_govorgs, "全市人大代表和全区乡镇干部参加。") == set()
    assert recognized(recognize_govorgs, "各级法院、检察院要加强司法保障。") == set()


def test_party_and_cppcc_committees_named_in_full():
    assert recognized(recognize_govorgs, "中共南川区委、政协南川区委员会联合发文。") == {"中共南川区委", "政协南川区委员会"}


@pytest.mark.parametrize("text, body", [
    ("中华人民共和国工业和信息化部公布名单。", "中华人民共和国工业和信息化部"),   # the state's name opens a ministry's
    ("国家发展和改革委员会、财政部联合发文。", "国家发展和改革委员会"),
])
def test_ministries_by_their_full_names(text, body):
    assert body in recognized(recognize_govorgs, text, "GovOrg")


@pytest.mark.parametrize("text, found", [
    pytest.param("园区领导及党政办、财政局负责同志陪同。", {"党政办", "财政局"}, id="after_ji_closed_by_fuze"),
    pytest.param("会上，发改局、经贸局等单位作了发言。", {"发改局", "经贸局"}, id="closed_by_deng"),
    pytest.param("他说，财政局长来了。", set(), id="one_department_fused_into_a_title"),
    pytest.param("财政局同志到场。", set(), id="one_department_alone_is_no_list"),
])
def test_departments_listed_bare_with_no_prefixed_body(text, found):
    assert recognized(recognize_govorgs, text) == found


@pytest.mark.parametrize("text, bodies", [
    pytest.param("落实市委财经委会议精神。", {"市委财经委"}, id="bare_committee_opening_a_committee_only"),
    pytest.param("省政府新闻办召开发布会。", {"省政府新闻办"}, id="bare_government_opening_its_office_only"),
    pytest.param("市委、市政府高度重视。市委宣传部组织活动。", {"市委", "市政府", "市委宣传部"}, id="written_alone_elsewhere"),
])
def test_bare_body_only_opening_longer_bodies_is_part_of_them(text, bodies):
    assert recognized(recognize_govorgs, text) == bodies


@pytest.mark.parametrize("text, found", [
    pytest.param("工信部产业政策司副司长马立新出席。", {"工信部", "工信部产业政策司"}, id="ministry_department_before_its_deputy_head"),
    pytest.param("市经信委节能办科长周文到会。", {"市经信委", "市经信委节能办"}, id="office_of_a_commission_before_a_section_head"),
    pytest.param("省财政厅预算处处长何平讲话。", {"省财政厅", "省财政厅预算处"}, id="division_before_its_head"),
    pytest.param("省商务厅外经处一级调研员黄欣说。", {"省商务厅", "省商务厅外经处"}, id="division_before_a_graded_post"),
    pytest.param("市经信委多处项目开工。", {"市经信委"}, id="no_post_after_the_words_no_unit"),
])
def test_unit_named_by_its_function_before_a_post_in_it(text, found):
    assert recognized(recognize_govorgs, text) == found
