"""The person recognizer (kg.ner.persons): names after titles, in bylines, lists and credit lines,
and where a name ends, on sentences written for these tests."""
from __future__ import annotations

import pytest

from kg.ner.persons import recognize_persons
from kg.ner.titles import recognize_titles
from kg.person_names import is_name, name_end
from tests.conftest import ordered, plain_doc, recognized, run_pipeline, texts


def test_author_line_with_a_space_before_the_name():
    text = "稳住工业基本盘\n\n市委常委、涪陵区委书记 蒋文涛\n\n涪陵区上半年工业增长。"
    assert ordered(recognize_titles, text) == ["市委常委", "涪陵区委书记"]
    assert recognized(recognize_persons, text) == {"蒋文涛"}


def test_name_ends_before_the_verb_that_follows_it():
    assert recognized(recognize_persons, "市生态环境局副局长何静介绍，今年水质稳定。") == {"何静"}
    assert recognized(recognize_persons, "区委书记鲍明华调研了园区。") == {"鲍明华"}
    assert recognized(recognize_persons, "副区长宋在明参加活动。") == {"宋在明"}
    assert recognized(recognize_persons, "县长王强说，要抓好项目。") == {"王强"}


@pytest.mark.parametrize("text, person", [
    pytest.param("签约企业代表、总经理李华发言。", "李华", id="speaking"),
    pytest.param("总经理李华表态发言。", "李华", id="pledging"),
    pytest.param("副县长王立进行讲解。", "王立", id="carrying_out"),
])
def test_name_ends_before_a_verb_of_speaking_or_acting(text, person):
    assert recognized(recognize_persons, text) == {person}


def test_names_in_a_byline_share_their_role():
    text = "本报讯（记者 郑小川 实习记者周雨桐 贺嘉 通讯员 谭力） 昨日，项目开工。"
    assert recognized(recognize_persons, text) == {"郑小川", "周雨桐", "贺嘉", "谭力"}
    assert ordered(recognize_titles, text) == ["记者", "实习记者", "通讯员"]


def test_byline_role_is_not_a_name_introducer_in_prose():
    assert recognized(recognize_persons, "记者从区商务委了解到，媒体记者和网友提问踊跃。") == set()


def test_media_byline_and_photo_credit():
    text = "新重庆-长江日报记者 黎明远 程书瑶\n\n图为开工现场。 欧阳晓峰 摄\n"
    assert recognized(recognize_persons, text) == {"黎明远", "程书瑶", "欧阳晓峰"}
    assert "长江日报记者" in ordered(recognize_titles, text)


def test_list_of_officials_after_a_collective_word_includes_minority_names():
    text = "自治区领导马腾飞、格桑曲珍、白玉兰，市领导叶秋实出席。"
    assert recognized(recognize_persons, text) == {"马腾飞", "格桑曲珍", "白玉兰", "叶秋实"}


def test_list_of_names_closed_by_a_verb_of_attending():
    text = "县委书记范志刚主持会议。冯晓东、石磊、钟一鸣，县级领导出席。"
    assert recognized(recognize_persons, text) == {"范志刚", "冯晓东", "石磊", "钟一鸣"}


def test_list_of_places_or_products_is_not_a_list_of_people():
    assert recognized(recognize_persons, "市领导调研了江津、永川、璧山等地，并出席活动。") == set()
    assert recognized(recognize_persons, "领导干部要带头，钢铁、汽车、电子行业负责人参加。") == set()


def test_a_name_found_with_evidence_is_found_in_the_headline_too():
    text = "范志刚李晓光讲话\n\n市委书记范志刚、市长李晓光出席。范志刚强调，要抓项目。"
    doc = plain_doc(text)
    starts = sorted(m.start for m in recognize_persons(doc) if m.text == "范志刚")
    assert starts == [0, text.index("范志刚、"), text.rindex("范志刚")]
    assert {"李晓光"} <= texts(recognize_persons(doc))


def test_titles_collective_nouns_and_surnames_are_not_persons():
    assert recognized(recognize_persons, "援藏干部代表、全市书记和区长参加了会议，贯彻总书记重要讲话精神。") == set()
    assert not is_name("卢")
    assert not is_name("领导")
    assert name_end("项目经理", 0) == 0


def test_name_written_before_the_head_it_holds():
    text = "深入学习贯彻韦正远总书记重要讲话精神。"
    assert recognized(recognize_persons, text) == {"韦正远"}
    assert ordered(recognize_titles, text) == ["总书记"]


def test_posts_and_holders_listed_with_colons():
    text = "江北区委书记:林海江北区代区长:苏静\n"
    assert recognized(recognize_persons, text) == {"林海", "苏静"}
    assert ordered(recognize_titles, text) == ["江北区委书记", "江北区代区长"]


def test_list_ends_where_the_names_end():
    text = "县领导宋为民、邓一鸣、蒋立波及县直部门负责人参加。"
    assert recognized(recognize_persons, text) == {"宋为民", "邓一鸣", "蒋立波"}


def test_transliterated_name_with_a_middle_dot():
    assert recognized(recognize_persons, "自治区副主席艾尔肯·吐尔逊出席仪式。") == {"艾尔肯·吐尔逊"}


def test_four_character_minority_name_after_a_title_but_not_a_phrase():
    assert recognized(recognize_persons, "自治区副主席扎西次仁出席会议。") == {"扎西次仁"}
    assert recognized(recognize_persons, "政协委员参政议政，县长亲自部署工作。") == set()


def test_bare_post_after_a_name_at_the_start_of_a_clause():
    text = "座谈会上，吴正华市长首先介绍了情况。"
    assert recognized(recognize_persons, text) == {"吴正华"}
    assert ordered(recognize_titles, text) == ["市长"]
    assert recognized(recognize_persons, "会议强调，高校长期坚持开放办学。") == set()


@pytest.mark.parametrize("text, person", [
    ("本报南宁讯 （记者/韦家明 通讯员/陆晓云）为贯彻落实会议精神，", "韦家明"),
    ("本报南宁讯 （记者/韦家明 通讯员/陆晓云）为贯彻落实会议精神，", "陆晓云"),
    ("某某日报记者 周少林 见习记者 沐雨晴", "沐雨晴"),               # a rare surname
    ("新疆日报记者黑建成报道：27日，博览会开幕。", "黑建成"),
    ("“我们有信心。”项目负责人严立荣说。", "严立荣"),                  # a role that is no post, then a verb of saying
    ("现场施工负责人张东亮介绍，项目年底建成。", "张东亮"),
])
def test_person_in_bylines_and_quotes(text, person):
    assert person in recognized(recognize_persons, text)


@pytest.mark.parametrize("text, person", [
    ("在以王建国同志为核心的领导集体带领下。", "王建国"),
    ("成立以李明同志为组长的领导小组。", "李明"),
])
def test_a_comrade_taken_as_the_core_or_head(text, person):
    assert person in recognized(recognize_persons, text)


@pytest.mark.parametrize("text", [
    "项目负责人表示，工程进展顺利。",          # no name between the role and the verb
    "村民说，路修好了。",
    "可以同志为本。",                          # 以 and 为 around no name
])
def test_no_person_without_a_name(text):
    assert not recognized(recognize_persons, text)


@pytest.mark.parametrize("text, person", [
    ("企业家代表共同上台，与韩立群省长一道启动了活动。", "韩立群"),    # a name before its bare post, after 与
    ("，周启明市长介绍，项目进展顺利。", "周启明"),
])
def test_name_before_its_bare_post(text, person):
    assert person in recognized(recognize_persons, text)


def test_no_name_before_a_post_inside_a_phrase():
    assert not recognized(recognize_persons, "参与区长办公会一道研究。")


def test_an_adverb_before_a_personnel_verb_is_no_name():
    text = "次年，鲍海平当选为市委常委，后兼任市委秘书长，后担任开发区党工委书记。"
    assert recognized(recognize_persons, text) == {"鲍海平"}


def test_acting_before_a_post_is_no_name():
    # 代理 opens with the surname 代 and has a name's length; before a post it marks an acting holder
    text = "会议决定任命许文涛为副市长、代理市长。"
    assert recognized(recognize_persons, text) == {"许文涛"}


def test_delegation_leader_without_a_title():
    assert recognized(recognize_persons, "上午，裴振东一行来到园区，察看项目进展。") == {"裴振东"}
    assert recognized(recognize_persons, "据悉，代表团一行来到园区。") == set()


def test_wei_before_a_verb_ends_the_name():
    assert recognized(recognize_persons, "县委书记邝立为宣布项目开工。") == {"邝立为"}
    assert recognized(recognize_persons, "区长邝立为企业解决难题。") == {"邝立"}


def test_name_alone_in_a_dateline_bracket_is_a_person():
    assert "郑若岚" in recognized(recognize_persons, "本网讯（郑若岚）3月2日上午，区政府召开常务会议。")


def test_dateline_bracket_holding_a_date_or_a_word_gives_no_person():
    assert recognized(recognize_persons, "本网讯（通讯）昨日，区政府召开常务会议。本报讯（3月2日）会议召开。") == set()


def test_conjunction_character_before_a_personnel_verb_ends_the_name(tmp_path):
    doc = run_pipeline(tmp_path, "原涞水县委书记马永胜担任该职仅半年。")
    assert "马永胜" in texts(doc.mentions, "Person")


def test_conjunction_between_two_officials_still_splits_them(tmp_path):
    doc = run_pipeline(tmp_path, "涞水县委书记王志强和县长李明华出席活动。")
    assert {"王志强", "李明华"} <= texts(doc.mentions, "Person")
    assert "王志强和" not in texts(doc.mentions, "Person")


@pytest.mark.parametrize("text, persons", [
    pytest.param("某某社记者李明、赵宇飞\n", {"李明", "赵宇飞"}, id="two_reporters_joined_by_a_pause_mark"),
    pytest.param("（记者 李明、赵宇飞 通讯员 王强）", {"李明", "赵宇飞", "王强"}, id="in_a_credit_bracket"),
    pytest.param("副主委韩晓琴，会员桑秀峰、董晓丹参加调研。", {"桑秀峰", "董晓丹"}, id="members_named_in_a_list"),
])
def test_names_listed_after_bylines_and_members(text, persons):
    assert persons <= recognized(recognize_persons, text, "Person")


def test_members_of_kinds_are_no_names():
    assert not recognized(recognize_persons, "会员企业、党员干部参加活动。", "Person")


@pytest.mark.parametrize("text, persons", [
    ("（记者 王建国李晓梅）\n", {"王建国", "李晓梅"}),
    ("（记者 王建国李晓梅 通讯员 张立）", {"王建国", "李晓梅", "张立"}),
    ("（记者 王建国摄）", {"王建国"}),
])
def test_two_reporters_glued_in_a_byline(text, persons):
    assert recognized(recognize_persons, text, "Person") == persons


@pytest.mark.parametrize("text, persons", [
    pytest.param("区委副书记王海涛、李明远、陈刚等同志参加。", {"王海涛", "李明远", "陈刚"}, id="one_title_over_a_list_closed_by_deng"),
    pytest.param("杨建华、吴立新等同志出席会议。", {"杨建华", "吴立新"}, id="a_list_of_comrades_without_a_title"),
    pytest.param("邵永康等一行来到园区考察。", {"邵永康"}, id="a_delegation_closed_by_deng"),
])
def test_deng_closes_a_list_of_names_not_a_name(text, persons):
    assert recognized(recognize_persons, text, "Person") == persons


@pytest.mark.parametrize("text, person", [
    pytest.param("市委常委、副市长隽立新出席。", "隽立新", id="surname_jun"),
    pytest.param("州人大常委会主任普建明讲话。", "普建明", id="surname_pu"),
])
def test_rare_surnames_after_a_title(text, person):
    assert recognized(recognize_persons, text, "Person") == {person}


@pytest.mark.parametrize("text, person", [
    pytest.param("省委书记巴图朝格出席会议。", "巴图朝格", id="mongolian_name_opening_with_a_han_surname"),
    pytest.param("县委书记王建国出席会议。", "王建国", id="han_name_before_a_verb_stays_three"),
])
def test_transliterated_name_of_four_after_a_title(text, person):
    assert recognized(recognize_persons, text, "Person") == {person}


@pytest.mark.parametrize("text, persons", [
    pytest.param("要以王建国新时代中国特色社会主义思想为指导。", {"王建国"}, id="theory_named_after_a_leader"),
    pytest.param("深入学习李明远经济思想。", {"李明远"}, id="thought_on_a_field"),
    pytest.param("要解放思想，更新经济思想观念。", set(), id="no_name_before_a_common_phrase"),
])
def test_the_leader_a_theory_is_named_after(text, persons):
    assert recognized(recognize_persons, text, "Person") == persons


@pytest.mark.parametrize("text, persons", [
    pytest.param("韩立群等市四套班子领导参加活动。", {"韩立群"}, id="one_name_before_leaders_of_the_city"),
    pytest.param("周启明、严立荣等县领导出席。", {"周启明", "严立荣"}, id="a_list_before_county_leaders"),
    pytest.param("项目总投资7亿元。（韦家明  陆晓云）", {"韦家明", "陆晓云"}, id="closing_credit_parted_by_spaces"),
    pytest.param("项目总投资7亿元。（韦家明、陆晓云）\n下一段。", {"韦家明", "陆晓云"}, id="closing_credit_parted_by_a_comma"),
    pytest.param("某某在线吉林消息（韦家明）：近日，产业发展良好。", {"韦家明"}, id="dateline_credit_after_news"),
])
def test_names_before_leaders_and_in_closing_credits(text, persons):
    assert persons <= recognized(recognize_persons, text)


@pytest.mark.parametrize("text", [
    "会议要求各级领导干部带头。",                # 领导 with no 等 before it
    "项目位于城区。（资料图片）",                 # a closing bracket with no name
    "合作项目在北京签约。（北京）",               # a place in the closing bracket
    "项目总投资7亿元。（韦家明 资料图片）",        # not every part a name
    "项目总投资7亿元。（周刊）",                    # a word of the dictionary alone
])
def test_no_person_from_leaders_or_brackets_without_names(text):
    assert not recognized(recognize_persons, text)


def test_any_cue_of_a_list_of_persons_is_found():
    from kg.ner.persons import _any_cue, _cues

    for cue in _cues()[1]:
        assert _any_cue().search(f"甲乙{cue}丙丁"), cue
    assert not _any_cue().search("。")


@pytest.mark.parametrize("text, persons", [
    pytest.param("区领导张建华 李明 王晓武出席活动。", {"张建华", "李明", "王晓武"}, id="spaced_after_collective_word"),
    pytest.param("张建华 李明 王晓武等参加", {"张建华", "李明", "王晓武"}, id="spaced_before_attending"),
    pytest.param("出席活动的有郑海洋、冯晓东、陈立国等。", {"郑海洋", "冯晓东", "陈立国"}, id="attendees_listed_after_de_you"),
    pytest.param("出席会议的区领导有张建华、李明。", {"张建华", "李明"}, id="copula_after_collective_word"),
    pytest.param("参加活动的区领导还有张建华、李明。", {"张建华", "李明"}, id="copula_with_adverb"),
    pytest.param("嘉宾张建华、李明出席。", {"张建华", "李明"}, id="guests"),
    pytest.param("班子成员张建华、李明参加。", {"张建华", "李明"}, id="leading_group"),
    pytest.param("在区领导张建华、李明的陪同下，考察组参观了园区。", {"张建华", "李明"}, id="list_closed_by_de"),
    pytest.param("发展。 市领导周海燕、吴国平参加座谈。", {"周海燕", "吴国平"}, id="sentence_opening_with_a_space"),
    pytest.param("市领导隋明、牟晓武出席。", {"隋明", "牟晓武"}, id="rare_surnames"),
])
def test_lists_of_attendees(text, persons):
    assert recognized(recognize_persons, text) == persons


@pytest.mark.parametrize("text", [
    "项目有张力、有温度。",           # 有 alone is no cue of a list
    "开幕式 文艺演出 参加",           # spaced words that are no names
])
def test_no_list_of_attendees_without_names(text):
    assert not recognized(recognize_persons, text)


@pytest.mark.parametrize("text, persons", [
    pytest.param("会议由王晓武同志主持。", {"王晓武"}, id="after_you"),
    pytest.param("来到朱建德同志故居参观。", {"朱建德"}, id="after_a_verb_of_going"),
    pytest.param("广大党员同志要带头。", set(), id="a_word_before_tongzhi"),
    pytest.param("大家要向老同志学习。", set(), id="old_comrades"),
])
def test_name_before_tongzhi_inside_a_clause(text, persons):
    assert recognized(recognize_persons, text) == persons


@pytest.mark.parametrize("text, person", [
    pytest.param("在会上，李明书记强调，要抓好项目。", "李明", id="two_characters_before_shuji"),
    pytest.param("某省委书记乌力吉图曾多次指示。", "乌力吉图", id="transliterated_before_ceng"),
    pytest.param("市发改委副县级干部赵立新，市商务局局长钱文斌出席。", "赵立新", id="ranked_cadre"),
])
def test_names_around_posts(text, person):
    assert person in recognized(recognize_persons, text)


@pytest.mark.parametrize("text, persons", [
    pytest.param("副县级领导孙卫东、郑红梅、冯建军列席会议。", {"孙卫东", "郑红梅", "冯建军"}, id="last_before_a_verb_of_attending"),
    pytest.param("张立华、周晓燕、那振强、王斌、贡亮、原建军及主席团全体成员在主席台就座。",
                 {"张立华", "周晓燕", "那振强", "王斌", "贡亮"}, id="long_list_with_an_odd_surname"),
    pytest.param("大会现场 李国东、罗晓霞、周开明、曾文杰等领导在主席台就座",
                 {"李国东", "罗晓霞", "周开明", "曾文杰"}, id="caption_word_before_a_long_list"),
    pytest.param("取而代之的是高学历、高起点、高素质、高水平干部组成的领导班子。", set(), id="name_shaped_words"),
])
def test_long_lists_survive_an_odd_item(text, persons):
    assert recognized(recognize_persons, text) == persons


@pytest.mark.parametrize("text, persons", [
    pytest.param("列席会议。 (王晓丽 徐 刚)\n", {"王晓丽", "徐 刚"}, id="surname_spaced_from_its_given_name"),
    pytest.param("项目开工。（张建华 李明）\n", {"张建华", "李明"}, id="two_names"),
    pytest.param("中新网南宁5月12日电 (李明)记者12日从公司获悉。", {"李明"}, id="news_agency_dateline"),
])
def test_credits(text, persons):
    assert recognized(recognize_persons, text) == persons


@pytest.mark.parametrize("text, persons", [
    pytest.param("李明最后说,要抓好就业工作。", {"李明"}, id="adverb_before_the_verb"),
    pytest.param("王晓武介绍，项目开工。", {"王晓武"}, id="introducing"),
    pytest.param("文章指出，要抓好项目。", set(), id="a_word_of_the_dictionary"),
    pytest.param("陈总表示：项目开工。", set(), id="an_address_form"),
    pytest.param("他说，项目开工。", set(), id="a_pronoun"),
])
def test_name_opening_reported_speech(text, persons):
    assert recognized(recognize_persons, text) == persons


@pytest.mark.parametrize("text, persons", [
    pytest.param("其余市委常委包括马建国、徐志强、范文斌、刘光明。", {"马建国", "徐志强", "范文斌", "刘光明"}, id="including"),
    pytest.param("新一届区委常委有张建华、李明、王晓武。", {"张建华", "李明", "王晓武"}, id="having"),
    pytest.param("副区长包括分管工业、农业的同志。", set(), id="no_names"),
    pytest.param("区长是一个重要岗位。", set(), id="no_list"),
])
def test_names_listed_after_a_post_and_a_copula(text, persons):
    assert recognized(recognize_persons, text) == persons


@pytest.mark.parametrize("token, shaped", [("宋在明", True), ("王为民", True), ("农业的", False), ("李明了", False)])
def test_a_name_never_ends_in_a_particle(token, shaped):
    assert is_name(token) is shaped


@pytest.mark.parametrize("text, persons", [
    pytest.param("区领导张建华、李明、王晓武、赵立新和钱文斌出席。", {"张建华", "李明", "王晓武", "赵立新", "钱文斌"},
                 id="last_joined_by_he"),
    pytest.param("区领导张建华、李明及县发改委负责人出席。", {"张建华", "李明"}, id="joined_body_is_no_name"),
    pytest.param("市委领导张建华出席。", {"张建华"}, id="one_name_after_the_leaders_of_a_committee"),
])
def test_names_closing_a_list_of_attendees(text, persons):
    assert recognized(recognize_persons, text) == persons


@pytest.mark.parametrize("text, persons", [
    pytest.param("作者：张建华 李明", {"张建华", "李明"}, id="authors"),
    pytest.param("文｜张建华\n", {"张建华"}, id="text_by"),
    pytest.param("（文/张建华 李明）", {"张建华", "李明"}, id="in_a_bracket"),
    pytest.param("地图/张建华", set(), id="a_word_ending_in_the_label"),
    pytest.param("全文：张建华指出", set(), id="no_pause_after_the_name"),
])
def test_names_after_a_credit_label(text, persons):
    assert recognized(recognize_persons, text) == persons


@pytest.mark.parametrize("text, person", [
    pytest.param("赤峰市委副书记、市长奇·巴特尔，副市长李明参加。", "奇·巴特尔", id="after_a_title"),
    pytest.param("张建华 奇·巴特尔 李明 王晓武等参加", "奇·巴特尔", id="in_a_spaced_list"),
])
def test_dotted_name_without_a_han_surname(text, person):
    assert person in recognized(recognize_persons, text)


@pytest.mark.parametrize("token, shaped", [("奇·达楞太", True), ("奇·", False), ("张·", False)])
def test_dotted_tokens_are_names_only_whole(token, shaped):
    assert is_name(token) is shaped
