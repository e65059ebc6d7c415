"""The title recognizer (kg.ner.titles): title chains, bodies in front of a role, and titles that need
a name, on sentences written for these tests."""
from __future__ import annotations

import pytest

from kg.ner.persons import recognize_persons
from kg.ner.titles import recognize_titles
from tests.conftest import ordered, recognized


def test_congress_deputy_needs_a_body():
    assert ordered(recognize_titles, "县人大代表邱红梅发言。") == ["县人大代表"]
    assert ordered(recognize_titles, "企业代表邱红梅发言。") == []


def test_chain_continues_across_a_company_name():
    text = "会议由北辰某某集团党委常委、副总经理、南星某某集团董事长邬建成主持。"
    assert ordered(recognize_titles, text) == ["党委常委", "副总经理", "董事长"]


@pytest.mark.parametrize("text, titles", [
    pytest.param("市人大代表、岚川控股集团董事长邬建成出席。", ["市人大代表", "董事长"], id="holding_group"),
    pytest.param("市人大代表、岚川投资控股有限公司董事长邬建成出席。", ["市人大代表", "董事长"], id="holding_company"),
])
def test_chain_continues_across_a_holding_company_name(text, titles):
    assert ordered(recognize_titles, text) == titles


def test_an_honorary_post_keeps_its_body_and_the_chain():
    text = "市政协委员、岚川商会名誉会长、青禾科技公司总经理邬建成出席。"
    assert ordered(recognize_titles, text) == ["市政协委员", "岚川商会名誉会长", "总经理"]


@pytest.mark.parametrize("text, titles", [
    pytest.param("岚川商会常务副会长、青禾科技董事长邬建成出席。", ["岚川商会常务副会长", "董事长"], id="chamber_then_company"),
    pytest.param("市人大代表、蔚岭检测总经理方正发言。", ["市人大代表", "总经理"], id="deputy_then_company"),
])
def test_chain_continues_across_a_short_company_name_before_its_top_post(text, titles):
    assert ordered(recognize_titles, text) == titles


@pytest.mark.parametrize("text, titles", [
    pytest.param("青川市发改委党组成员 副主任 林海峰介绍。", ["青川市发改委党组成员", "副主任"], id="parted_by_a_space"),
    pytest.param("记者 王明 摄影 李华", ["记者", "摄影"], id="bylines_keep_their_own_names"),
])
def test_titles_parted_by_a_space_are_one_chain(text, titles):
    assert ordered(recognize_titles, text) == titles


def test_title_chain_is_split_without_copying_the_shared_prefix():
    assert ordered(recognize_titles, "当天，县委副书记、县长孟庆余出席会议。") == ["县委副书记", "县长"]
    assert ordered(recognize_titles, "市委常委、秘书长，常务副市长韩立东介绍了情况。") == ["市委常委", "秘书长", "常务副市长"]


def test_title_takes_the_whole_body_in_front_of_the_role():
    assert ordered(recognize_titles, "涪陵区农业农村委党组成员、副主任邵安平作了发言。") == ["涪陵区农业农村委党组成员", "副主任"]
    assert ordered(recognize_titles, "石沱镇党委副书记、镇长龙建华介绍。") == ["石沱镇党委副书记", "镇长"]
    assert ordered(recognize_titles, "当天，南川区青山蔬菜专业合作社理事长胡秋生说。") == ["南川区青山蔬菜专业合作社理事长"]


def test_titles_need_a_name_after_them():
    assert ordered(recognize_titles, "会议要求各区县委书记切实扛起责任。") == []
    assert ordered(recognize_titles, "记者从区商务委了解到，今年外贸增长。") == []


@pytest.mark.parametrize("text, titles", [
    pytest.param("青禾科技首席执行官邓嘉言介绍。", ["首席执行官"], id="chief_executive"),
    pytest.param("该公司首席技术官鲁文斌说。", ["首席技术官"], id="chief_technology_officer"),
    pytest.param("总经理助理葛明远出席。", ["总经理助理"], id="assistant_to_the_general_manager"),
    pytest.param("董事长助理邬思成陪同。", ["董事长助理"], id="assistant_to_the_chairman"),
])
def test_company_officers_are_titles(text, titles):
    assert ordered(recognize_titles, text) == titles


@pytest.mark.parametrize("text, titles", [
    pytest.param("青山学院教授、博士周立行参加调研。", ["青山学院教授", "博士"], id="doctor_after_a_professorship"),
    pytest.param("青山大学教授、博士生导师王立新作报告。", ["青山大学教授", "博士生导师"], id="doctoral_supervisor"),
    pytest.param("高级工程师李国强介绍。", ["高级工程师"], id="senior_engineer"),
])
def test_academic_posts_are_titles(text, titles):
    assert ordered(recognize_titles, text) == titles


def test_an_office_after_a_separator_opens_the_next_title():
    assert ordered(recognize_titles, "区委常委、办公室主任林晓东陪同。") == ["区委常委", "办公室主任"]


@pytest.mark.parametrize("text, person", [
    pytest.param("在张建华市长的陪同下，考察团参观了园区。", "张建华", id="after_zai"),
    pytest.param("会议由王晓武局长主持。", "王晓武", id="after_you"),
    pytest.param("感谢李明董事长的支持。", "李明", id="after_a_two_character_verb"),
    pytest.param("，欧阳明华市长介绍，项目开工。", "欧阳明华", id="compound_surname"),
])
def test_name_before_a_bare_post_after_a_preposition(text, person):
    assert recognized(recognize_persons, text) == {person}


@pytest.mark.parametrize("text, person", [
    pytest.param("市人大常委会主任韩也，市政协主席郑国平参加。", "韩也", id="function_character_as_given_name"),
    pytest.param("某某文化传媒有限公司财务部主管孙丽出席。", "孙丽", id="supervisor"),
])
def test_names_after_posts(text, person):
    assert person in recognized(recognize_persons, text)


@pytest.mark.parametrize("text", ["区长也，要抓好。", "书记于是，要抓好。"])
def test_no_name_of_a_function_word_after_a_post(text):
    assert not recognized(recognize_persons, text)


@pytest.mark.parametrize("text, persons", [
    pytest.param("某某集团与某某工业大学郑国平教授合作的项目。", {"郑国平"}, id="no_verb_after_the_post"),
    pytest.param("某某投资咨询有限公司高级副总裁冯晓雪说：项目好。", {"冯晓雪"}, id="a_word_of_the_post_is_no_name"),
])
def test_name_between_a_body_and_its_post(text, persons):
    assert recognized(recognize_persons, text) == persons
