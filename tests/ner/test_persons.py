"""Grammars of the people & government recognizers (titles, persons, GovOrgs),
on sentences written for these tests."""
from __future__ import annotations

import pytest

from kg.model import Document, Mention
from kg.ner.govorgs import recognize_govorgs
from kg.ner.names import is_name, name_end
from kg.ner.persons import recognize_persons
from kg.ner.titles import recognize_titles


def _doc(text: str) -> Document:
    return Document(path="t.txt", name="t.txt", sha256="", encoding="utf-8", raw_text=text, text=text)


def _texts(mentions: list[Mention], type_: str | None = None) -> set[str]:
    return {m.text for m in mentions if type_ is None or m.type == type_}


def _persons(text: str) -> set[str]:
    return _texts(recognize_persons(_doc(text)))


def _titles(text: str) -> list[str]:
    return [m.text for m in sorted(recognize_titles(_doc(text)), key=lambda m: m.start)]


def _govorgs(text: str) -> set[str]:
    return _texts(recognize_govorgs(_doc(text)))


def test_mentions_point_into_the_text():
    doc = _doc("当天，县委副书记、县长孟庆余，县人大常委会主任贺文斌出席会议。")
    for recognize in (recognize_titles, recognize_persons, recognize_govorgs):
        found = recognize(doc)
        assert found
        for m in found:
            assert doc.text[m.start:m.end] == m.text


# --- titles ------------------------------------------------------------------

def test_title_chain_is_split_without_copying_the_shared_prefix():
    assert _titles("当天，县委副书记、县长孟庆余出席会议。") == ["县委副书记", "县长"]
    assert _titles("市委常委、秘书长，常务副市长韩立东介绍了情况。") == ["市委常委", "秘书长", "常务副市长"]


def test_title_takes_the_whole_body_in_front_of_the_role():
    assert _titles("涪陵区农业农村委党组成员、副主任邵安平作了发言。") == ["涪陵区农业农村委党组成员", "副主任"]
    assert _titles("石沱镇党委副书记、镇长龙建华介绍。") == ["石沱镇党委副书记", "镇长"]
    assert _titles("当天，南川区青山蔬菜专业合作社理事长胡秋生说。") == ["南川区青山蔬菜专业合作社理事长"]


def test_author_line_with_a_space_before_the_name():
    text = "稳住工业基本盘\n\n市委常委、涪陵区委书记 蒋文涛\n\n涪陵区上半年工业增长。"
    assert _titles(text) == ["市委常委", "涪陵区委书记"]
    assert _persons(text) == {"蒋文涛"}


def test_titles_need_a_name_after_them():
    assert _titles("会议要求各区县委书记切实扛起责任。") == []
    assert _titles("记者从区商务委了解到，今年外贸增长。") == []


# --- persons -----------------------------------------------------------------

def test_name_ends_before_the_verb_that_follows_it():
    assert _persons("市生态环境局副局长何静介绍，今年水质稳定。") == {"何静"}
    assert _persons("区委书记鲍明华调研了园区。") == {"鲍明华"}
    assert _persons("副区长宋在明参加活动。") == {"宋在明"}
    assert _persons("县长王强说，要抓好项目。") == {"王强"}


def test_names_in_a_byline_share_their_role():
    text = "本报讯（记者 郑小川 实习记者周雨桐 贺嘉 通讯员 谭力） 昨日，项目开工。"
    assert _persons(text) == {"郑小川", "周雨桐", "贺嘉", "谭力"}
    assert _titles(text) == ["记者", "实习记者", "通讯员"]


def test_byline_role_is_not_a_name_introducer_in_prose():
    assert _persons("记者从区商务委了解到，媒体记者和网友提问踊跃。") == set()


def test_media_byline_and_photo_credit():
    text = "新重庆-长江日报记者 黎明远 程书瑶\n\n图为开工现场。 欧阳晓峰 摄\n"
    assert _persons(text) == {"黎明远", "程书瑶", "欧阳晓峰"}
    assert "长江日报记者" in _titles(text)


def test_list_of_officials_after_a_collective_word_includes_minority_names():
    text = "自治区领导马腾飞、格桑曲珍、白玉兰，市领导叶秋实出席。"
    assert _persons(text) == {"马腾飞", "格桑曲珍", "白玉兰", "叶秋实"}


def test_list_of_names_closed_by_a_verb_of_attending():
    text = "县委书记范志刚主持会议。冯晓东、石磊、钟一鸣，县级领导出席。"
    assert _persons(text) == {"范志刚", "冯晓东", "石磊", "钟一鸣"}


def test_list_of_places_or_products_is_not_a_list_of_people():
    assert _persons("市领导调研了江津、永川、璧山等地，并出席活动。") == set()
    assert _persons("领导干部要带头，钢铁、汽车、电子行业负责人参加。") == set()


def test_a_name_found_with_evidence_is_found_in_the_headline_too():
    text = "范志刚李晓光讲话\n\n市委书记范志刚、市长李晓光出席。范志刚强调，要抓项目。"
    doc = _doc(text)
    starts = sorted(m.start for m in recognize_persons(doc) if m.text == "范志刚")
    assert starts == [0, text.index("范志刚、"), text.rindex("范志刚")]
    assert {"李晓光"} <= _texts(recognize_persons(doc))


def test_titles_collective_nouns_and_surnames_are_not_persons():
    assert _persons("援藏干部代表、全市书记和区长参加了会议，贯彻总书记重要讲话精神。") == set()
    assert not is_name("卢")
    assert not is_name("领导")
    assert name_end("项目经理", 0) == 0


def test_name_written_before_the_head_it_holds():
    text = "深入学习贯彻韦正远总书记重要讲话精神。"
    assert _persons(text) == {"韦正远"}
    assert _titles(text) == ["总书记"]


# --- GovOrg ------------------------------------------------------------------

def test_bare_committee_fused_into_a_title_is_not_a_govorg():
    assert _govorgs("区委书记唐志平出席。") == set()
    assert _govorgs("市委常委、秘书长韩立东出席。") == set()


def test_place_prefixed_committee_in_a_title_is_a_govorg():
    assert _govorgs("涪陵区委书记蒋文涛出席。") == {"涪陵区委"}
    assert _govorgs("石沱镇党委副书记龙建华说。") == {"石沱镇党委"}


def test_bodies_with_level_prefix_and_abbreviations():
    found = _govorgs("按照市委、市政府要求，市经信委、区人力社保局、区人大常委会和区政协联合开展调研。")
    assert found == {"市委", "市政府", "市经信委", "区人力社保局", "区人大常委会", "区政协"}


def test_sub_bodies_are_nested_mentions():
    found = _govorgs("涪陵区委宣传部、市政府新闻办和市检察院案件管理中心发布通知。")
    assert {"涪陵区委", "涪陵区委宣传部", "市政府", "市政府新闻办", "市检察院", "市检察院案件管理中心"} <= found


def test_national_bodies_stand_alone():
    assert _govorgs("党中央、国务院高度重视，国家统计局和应急管理部发布数据。") == {
        "党中央", "国务院", "国家统计局", "应急管理部"}


def test_zone_committees_take_the_zone_name():
    assert _govorgs("长寿经开区党工委书记蒋立新调研。") == {"长寿经开区党工委"}
    assert _govorgs("他此前担任万州高新区管委会副主任。") == {"万州高新区管委会"}


def test_youth_league_and_ordinary_words_are_not_govorgs():
    assert _govorgs("共青团涪陵区委、团区委组织志愿者。") == set()
    assert _govorgs("全市人大代表和全区乡镇干部参加。") == set()
    assert _govorgs("各级法院、检察院要加强司法保障。") == set()


def test_posts_and_holders_listed_with_colons():
    text = "江北区委书记:林海江北区代区长:苏静\n"
    assert _persons(text) == {"林海", "苏静"}
    assert _titles(text) == ["江北区委书记", "江北区代区长"]


def test_list_ends_where_the_names_end():
    text = "县领导宋为民、邓一鸣、蒋立波及县直部门负责人参加。"
    assert _persons(text) == {"宋为民", "邓一鸣", "蒋立波"}


def test_transliterated_name_with_a_middle_dot():
    assert _persons("自治区副主席艾尔肯·吐尔逊出席仪式。") == {"艾尔肯·吐尔逊"}


def test_party_and_cppcc_committees_named_in_full():
    assert _govorgs("中共南川区委、政协南川区委员会联合发文。") == {"中共南川区委", "政协南川区委员会"}


def test_four_character_minority_name_after_a_title_but_not_a_phrase():
    assert _persons("自治区副主席扎西次仁出席会议。") == {"扎西次仁"}
    assert _persons("政协委员参政议政，县长亲自部署工作。") == set()


def test_bare_post_after_a_name_at_the_start_of_a_clause():
    text = "座谈会上，吴正华市长首先介绍了情况。"
    assert _persons(text) == {"吴正华"}
    assert _titles(text) == ["市长"]
    assert _persons("会议强调，高校长期坚持开放办学。") == set()


# --- bylines with slashes, rare surnames, quoted people (issue #14, class 9) -------

@pytest.mark.parametrize("text, person", [
    ("本报南宁讯 （记者/韦家明 通讯员/陆晓云）为贯彻落实会议精神，", "韦家明"),
    ("本报南宁讯 （记者/韦家明 通讯员/陆晓云）为贯彻落实会议精神，", "陆晓云"),
    ("某某日报记者 周少林 见习记者 沐雨晴", "沐雨晴"),               # a rare surname
    ("新疆日报记者黑立新报道：27日，博览会开幕。", "黑立新"),
    ("“我们有信心。”项目负责人严立荣说。", "严立荣"),                  # a role that is no post, then a verb of saying
    ("现场施工负责人张东亮介绍，项目年底建成。", "张东亮"),
])
def test_person_in_bylines_and_quotes(text, person):
    assert person in _persons(text)


@pytest.mark.parametrize("text", [
    "项目负责人表示，工程进展顺利。",          # no name between the role and the verb
    "村民说，路修好了。",
])
def test_no_person_without_a_name(text):
    assert not _persons(text)


@pytest.mark.parametrize("text, person", [
    ("企业家代表共同上台，与韩立群省长一道启动了活动。", "韩立群"),    # a name before its bare post, after 与
    ("，周启明市长介绍，项目进展顺利。", "周启明"),
])
def test_name_before_its_bare_post(text, person):
    assert person in _persons(text)


def test_no_name_before_a_post_inside_a_phrase():
    assert not _persons("参与区长办公会一道研究。")
