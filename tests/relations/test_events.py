"""Personnel events (kg/relations/events.py) on sentences written for these tests: transfers,
pronouns, notices of proposals, careers told step by step, lists and acting posts.

Each document is published on 2024-05-10; the event grammar reads the names itself.
"""
from __future__ import annotations

import pytest

from tests.conftest import event_rows


@pytest.mark.parametrize("text, expected", [
    # one list word, then each name and its post
    ("会议决定任命：郝明远为东川区人民政府副区长；宁秋实为东川区财政局局长。",
     {("郝明远", "appoint", False, "副区长", "东川区人民政府", "2024-05-10"),
      ("宁秋实", "appoint", False, "局长", "东川区财政局", "2024-05-10")}),
    ("会议决定免去郝明远、宁秋实的东川区人民政府副区长职务。",
     {("郝明远", "remove", False, "副区长", "东川区人民政府", "2024-05-10"),
      ("宁秋实", "remove", False, "副区长", "东川区人民政府", "2024-05-10")}),
    # titles split at 、, one of them acting
    ("会议决定任命柏青山为东川区人民政府副区长、代理区长。",
     {("柏青山", "appoint", False, "副区长", "东川区人民政府", "2024-05-10"),
      ("柏青山", "appoint", True, "区长", "东川区人民政府", "2024-05-10")}),
    # 不再担任 after an appointment: the same person
    ("会议决定任命柏青山为东川区发展和改革局局长，不再担任东川区财政局局长职务。",
     {("柏青山", "appoint", False, "局长", "东川区发展和改革局", "2024-05-10"),
      ("柏青山", "remove", False, "局长", "东川区财政局", "2024-05-10")}),
    # a transfer: the post written before the names, held before (前任, 原), ends
    ("据悉，前任东川区委书记柏青山调任西岭市委书记。",
     {("柏青山", "appoint", False, "书记", "西岭市委", "2024-05-10"),
      ("柏青山", "remove", False, "书记", "东川区委", "2024-05-10")}),
    ("此外，3名东川区委原常委郝明远、宁秋实、裘云帆已分别调任外省担当要职。",
     {("郝明远", "remove", False, "常委", "东川区委", "2024-05-10"),
      ("宁秋实", "remove", False, "常委", "东川区委", "2024-05-10"),
      ("裘云帆", "remove", False, "常委", "东川区委", "2024-05-10")}),
    ("马正其调任东川区财政局局长。", {("马正其", "appoint", False, "局长", "东川区财政局", "2024-05-10")}),
    # 其: the person of the appointment before; a name ending in 其 is a name
    ("会议决定任命柏青山为东川区人民政府副区长，接受其辞去东川区政协副主席职务的申请。",
     {("柏青山", "appoint", False, "副区长", "东川区人民政府", "2024-05-10"),
      ("柏青山", "resign", False, "副主席", "东川区政协", "2024-05-10")}),
    ("徐敬业已辞任；马正其调任东川区财政局局长。", {("马正其", "appoint", False, "局长", "东川区财政局", "2024-05-10")}),
    # a notice: the name after the posts held now, then ，拟任
    ("公示中提到，现任东川区委副书记、区长柏青山，拟任西岭区委书记。",
     {("柏青山", "propose", False, "书记", "西岭区委", "2024-05-10")}),
    ("据悉，会议强调，拟任人选要公示。", set()),
    # a notice's fields: 现任职务 is held now, 拟任职务 proposed
    ("柏青山，男，1972年3月生，现任职务：东川区委副书记，拟任职务：东川区人民政府区长候选人。",
     {("柏青山", "propose", False, "区长", "东川区人民政府", "2024-05-10")}),
    # a career: each step dated by its own clause, the person opening the sentence
    ("柏青山早期在省财政厅工作，2005年任东川区委常委，2013年任东川区委副书记。",
     {("柏青山", "appoint", False, "常委", "东川区委", "2005"),
      ("柏青山", "appoint", False, "副书记", "东川区委", "2013")}),
    ("2008年5月，柏青山调任东川区委常委，2016年任西岭区区长至今。",
     {("柏青山", "appoint", False, "常委", "东川区委", "2008-05"),
      ("柏青山", "appoint", False, "西岭区区长", None, "2016")}),
    ("1964年7月出生的西岭区区长柏青山，2016年10月当选西岭区区长。",
     {("柏青山", "elect", False, "西岭区区长", None, "2016-10")}),
    # a post ends before 后 and a pause
    ("2019年1月，柏青山当选西岭市长后，成为全省最年轻的市长。", {("柏青山", "elect", False, "西岭市长", None, "2019-01")}),
    # the person a modifier opens the sentence with; 从 the post left; one title in bodies of other
    # places is two posts
    ("近日，省委决定：柏青山同志不再担任绵阳市委书记职务。卸任绵阳市委书记的柏青山(1960.8)是成都人，"
     "2015年从成都市武侯区委书记调任绵阳市委书记。",
     {("柏青山", "remove", False, "书记", "绵阳市委", "2024-05-10"),
      ("柏青山", "appoint", False, "书记", "绵阳市委", "2015"),
      ("柏青山", "remove", False, "书记", "成都市武侯区委", "2015")}),
    # a place's first character is not a name's last; an office is a body before its title
    ("会议表决通过了关于免去陈立成都市武侯区人民政府副区长职务的决定。",
     {("陈立", "remove", False, "副区长", "成都市武侯区人民政府", "2024-05-10")}),
    ("会议决定任命王建成为成都市武侯区人民政府副区长。",
     {("王建成", "appoint", False, "副区长", "成都市武侯区人民政府", "2024-05-10")}),
    ("中共东川市委决定：杨帆同志任东川市委宣传部部长，免去其东川市委办公室主任职务。",
     {("杨帆", "appoint", False, "部长", "东川市委宣传部", "2024-05-10"),
      ("杨帆", "remove", False, "主任", "东川市委办公室", "2024-05-10")}),
    # 拟提名 before the names; a list of proposals, each post ending with 候选人 or 人选
    ("拟提名柏青山为东川区区长候选人，郝明远为西岭区区长候选人。",
     {("柏青山", "propose", False, "东川区区长", None, "2024-05-10"),
      ("郝明远", "propose", False, "西岭区区长", None, "2024-05-10")}),
    ("区委拟继续提名柏青山为东川区人民政府区长候选人、郝明远为西岭区人民政府区长人选。",
     {("柏青山", "propose", False, "区长", "东川区人民政府", "2024-05-10"),
      ("郝明远", "propose", False, "区长", "西岭区人民政府", "2024-05-10")}),
    # a clause that is only a date dates the career step after it; 先后任 goes on about the person
    ("2010年，柏青山任东川区副区长，2016年任西岭市委书记。",
     {("柏青山", "appoint", False, "东川区副区长", None, "2010"),
      ("柏青山", "appoint", False, "书记", "西岭市委", "2016")}),
    ("2015年东川市GDP增长8%，柏青山任东川市委书记。",
     {("柏青山", "appoint", False, "书记", "东川市委", "2024-05-10")}),
    ("柏青山1998年参加工作，先后任东川区财政局科员、副局长。",  # steps of a career: no date of their own
     {("柏青山", "appoint", False, "科员", "东川区财政局", None),
      ("柏青山", "appoint", False, "副局长", "东川区财政局", None)}),
    # 决定其为代理…: the person of the appointment before; 推荐 opens a proposal
    ("会议决定任命柏青山为东川区人民政府副区长，并决定其为代理区长。",
     {("柏青山", "appoint", False, "副区长", "东川区人民政府", "2024-05-10"),
      ("柏青山", "appoint", True, "区长", "东川区人民政府", "2024-05-10")}),
    ("市委研究决定：推荐郝明远为东川区政协主席人选。", {("郝明远", "propose", False, "主席", "东川区政协", "2024-05-10")}),
    # 2018年起任: no name after a number; the step goes on about the name opening the sentence
    ("柏青山，1992年参加工作，2018年起任西岭区委书记。", {("柏青山", "appoint", False, "书记", "西岭区委", "2018")}),
    # a transfer from a post written after 由 or 从, the name before it
    ("此次调整中，柏青山由东川区区长转任东川区委书记。",
     {("柏青山", "appoint", False, "书记", "东川区委", "2024-05-10"),
      ("柏青山", "remove", False, "东川区区长", None, "2024-05-10")}),
    ("柏青山从东川区区长调任西岭区委书记。",
     {("柏青山", "appoint", False, "书记", "西岭区委", "2024-05-10"),
      ("柏青山", "remove", False, "东川区区长", None, "2024-05-10")}),
    # a career step after a semicolon, dated 同年 (the year told before); where the person went
    ("2012年8月，柏青山任东川区委副书记；同年9月当选东川区区长。",
     {("柏青山", "appoint", False, "副书记", "东川区委", "2012-08"),
      ("柏青山", "elect", False, "东川区区长", None, "2012-09")}),
    ("柏青山在成都工作多年，后到武侯区任区委副书记。", {("柏青山", "appoint", False, "副书记", "区委", "2024-05-10")}),
    ("柏青山在成都工作多年，后到此地任职。", set()),
    # a biography told in the sentences after its name's; 提名为 after the name
    ("柏青山，男，汉族，1975年5月生。1998年参加工作，先在东川区财政局工作，后任东川区财政局局长。",
     {("柏青山", "appoint", False, "局长", "东川区财政局", None)}),
    ("柏青山同志提名为东川区区长候选人。", {("柏青山", "propose", False, "东川区区长", None, "2024-05-10")}),
])
def test_personnel_events_of_transfers_notices_and_careers(text, expected):
    assert event_rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a step told after 后 has no date of its own, not the one of the step before; the posts of the
    # clause after it, with no word of their own, are its posts too; 2011年起 is no name
    ("1990年7月在东川县财政局工作，后任东川县青峰镇镇长，东川县委常委、组织部部长；2005年任东川县委副书记，"
     "后任东川县县长；2011年起任西岭区委书记。",
     set()),  # no name: nobody's career
    ("柏青山，男，1968年9月出生。1990年7月在东川县财政局工作，后任东川县青峰镇镇长，东川县委常委、组织部部长；"
     "2005年任东川县委副书记，后任东川县县长；2011年起任西岭区委书记。",
     {("柏青山", "appoint", False, "东川县青峰镇镇长", None, None),
      ("柏青山", "appoint", False, "常委", "东川县委", None),
      ("柏青山", "appoint", False, "部长", "组织部", None),
      ("柏青山", "appoint", False, "副书记", "东川县委", "2005"),
      ("柏青山", "appoint", False, "东川县县长", None, None),
      ("柏青山", "appoint", False, "书记", "西岭区委", "2011")}),
    # steps told with 其间, 不久后, 一度, 曾经
    ("柏青山2005年任东川县副县长，其间兼任东川县财政局局长，不久后调任西岭县委副书记。",
     {("柏青山", "appoint", False, "东川县副县长", None, "2005"), ("柏青山", "appoint", False, "局长", "东川县财政局", None),
      ("柏青山", "appoint", False, "副书记", "西岭县委", None)}),
    ("柏青山，男，1970年生。曾经担任东川县县长，一度兼任东川县委副书记。",
     {("柏青山", "appoint", False, "东川县县长", None, None), ("柏青山", "appoint", False, "副书记", "东川县委", None)}),
    # the name before 接替 takes the post, not the one succeeded; a reason before the word
    ("郝明远接替柏青山担任东川区区长。", {("郝明远", "appoint", False, "东川区区长", None, "2024-05-10")}),
    ("柏青山因到龄退休，不再担任东川区区长职务。", {("柏青山", "remove", False, "东川区区长", None, "2024-05-10")}),
    # a post held before that modifies a name is that name's, not the biography's
    ("柏青山，男，1970年生。曾任东川县县长的郝明远表示，要加快发展。", {("郝明远", "appoint", False, "东川县县长", None, None)}),
    # a biography's sentence opening with the date of its step
    ("柏青山，男，1970年生。2005年任东川县委副书记，后任东川县县长。",
     {("柏青山", "appoint", False, "副书记", "东川县委", "2005"), ("柏青山", "appoint", False, "东川县县长", None, None)}),
    # 历任, 曾任: posts held before, undated
    ("柏青山，1968年9月生。历任东川县青峰镇镇长、东川县委常委等职。",
     {("柏青山", "appoint", False, "东川县青峰镇镇长", None, None),
      ("柏青山", "appoint", False, "常委", "东川县委", None)}),
    ("柏青山曾任东川县县长。", {("柏青山", "appoint", False, "东川县县长", None, None)}),
    # a date right after the name; 后同时 is no name, 同时 no 时任; two departments are two posts
    ("柏青山2008年任东川市委组织部部长，后同时担任东川市委宣传部部长。",
     {("柏青山", "appoint", False, "部长", "东川市委组织部", "2008"),
      ("柏青山", "appoint", False, "部长", "东川市委宣传部", None)}),
    # 他 goes on about the person the article told of before; 此前 opens a step of the past
    ("柏青山在东川县工作多年。2010年，他调任西岭区副区长，后任西岭区委常委。",
     {("柏青山", "appoint", False, "西岭区副区长", None, "2010"),
      ("柏青山", "appoint", False, "常委", "西岭区委", None)}),
    ("会议选举柏青山为西岭区人民政府区长。此前，柏青山任西岭区委副书记。",
     {("柏青山", "elect", False, "区长", "西岭区人民政府", "2024-05-10"),
      ("柏青山", "appoint", False, "副书记", "西岭区委", None)}),
    ("会议任命郝明远为西岭区人民政府副区长，此前她担任西岭区委常委。",
     {("郝明远", "appoint", False, "副区长", "西岭区人民政府", "2024-05-10"),
      ("郝明远", "appoint", False, "常委", "西岭区委", None)}),
    # the name opening a clause after the source's; a birth date dates nothing; a step after the steps told
    # before it, after a clause saying where the person went (，后调入某市，任…), or closed by 等职
    ("公开资料显示，柏青山出生于1969年10月，长期在东川县工作，曾任东川县县长，后调任西岭市副市长。",
     {("柏青山", "appoint", False, "东川县县长", None, None), ("柏青山", "appoint", False, "西岭市副市长", None, None)}),
    ("柏青山在东川工作期间，历任东川县副县长，东川县委书记等职，后调入西岭市，任西岭市政府秘书长。",
     {("柏青山", "appoint", False, "东川县副县长", None, None), ("柏青山", "appoint", False, "书记", "东川县委", None),
      ("柏青山", "appoint", False, "秘书长", "西岭市政府", None)}),
    # the lines of a list after a colon: a pause stands for 为; not a pause after a name elsewhere, nor a word
    ("拟提名人选：\n柏青山，东川区人民政府区长候选人；\n郝明远，东川区人大常委会主任候选人。",
     {("柏青山", "propose", False, "区长", "东川区人民政府", "2024-05-10"),
      ("郝明远", "propose", False, "主任", "东川区人大常委会", "2024-05-10")}),
    ("会议决定任命：柏青山，东川区人民政府副区长；郝明远，东川区财政局局长。",
     {("柏青山", "appoint", False, "副区长", "东川区人民政府", "2024-05-10"),
      ("郝明远", "appoint", False, "局长", "东川区财政局", "2024-05-10")}),
    ("会议决定任命柏青山，东川区人民政府副区长出席会议。", set()),
    ("决定任命：\n柏青山 东川区人民政府副区长\n郝明远 东川区财政局局长",  # lines joined: a name after the post
     {("柏青山", "appoint", False, "副区长", "东川区人民政府", "2024-05-10"),
      ("郝明远", "appoint", False, "局长", "东川区财政局", "2024-05-10")}),
    ("省委决定：柏青山同志不再担任东川市委书记职务。", {("柏青山", "remove", False, "书记", "东川市委", "2024-05-10")}),
    # a note after a post proposed; a date inside a carried clause's adverbs (并于1月5日)
    ("区委拟继续提名柏青山同志为东川区人民政府区长候选人（继续提名），郝明远同志为东川区人大常委会主任候选人。",
     {("柏青山", "propose", False, "区长", "东川区人民政府", "2024-05-10"),
      ("郝明远", "propose", False, "主任", "东川区人大常委会", "2024-05-10")}),
    ("会议选举柏青山为东川区人民政府副区长，并于5月6日被任命为代区长。",  # the lead's day dates the report
     {("柏青山", "elect", False, "副区长", "东川区人民政府", "2024-05-06"),
      ("柏青山", "appoint", True, "区长", None, "2024-05-06")}),
    # a word right after a post and 并 goes on about its person
    ("柏青山被任命为东川区人民政府副区长并代理区长职务。",
     {("柏青山", "appoint", False, "副区长", "东川区人民政府", "2024-05-10"),
      ("柏青山", "appoint", True, "区长", None, "2024-05-10")}),
    # a post followed by 候选人 or 人选 is proposed, whatever the word; a comma after 决定
    ("会议推选柏青山为东川区人大常委会主任候选人。", {("柏青山", "propose", False, "主任", "东川区人大常委会", "2024-05-10")}),
    ("区委决定，郝明远同志为西岭区人民政府区长候选人预备人选。",
     {("郝明远", "propose", False, "区长", "西岭区人民政府", "2024-05-10")}),
    # a note in brackets after a name
    ("区委决定提名柏青山（东川区代区长）为东川区人民政府区长候选人。",
     {("柏青山", "propose", False, "区长", "东川区人民政府", "2024-05-10")}),
    ("郝明远（东川区代区长）当选东川区人民政府区长。",
     {("郝明远", "elect", False, "区长", "东川区人民政府", "2024-05-10")}),
    # adverbs between a name and its word; 由 before the name; 了 after a list word
    ("柏青山同志拟继续提名为东川区人民政府区长候选人。",
     {("柏青山", "propose", False, "区长", "东川区人民政府", "2024-05-10")}),
    ("会议决定由柏青山同志代理东川区人民政府区长职务。",
     {("柏青山", "appoint", True, "区长", "东川区人民政府", "2024-05-10")}),
    ("会议任命了柏青山、郝明远为东川区人民政府副区长。",
     {("柏青山", "appoint", False, "副区长", "东川区人民政府", "2024-05-10"),
      ("郝明远", "appoint", False, "副区长", "东川区人民政府", "2024-05-10")}),
    # a name before 于 and a year (于 is no name's last character there); a month after a month of a year
    # told before is of that year; 后 after a step the sentence dates is a later step, undated
    ("柏青山于2021年任东川区委副书记。", {("柏青山", "appoint", False, "副书记", "东川区委", "2021")}),
    ("郝明远2019年10月任东川市政府党组成员，11月任东川市副市长。",
     {("郝明远", "appoint", False, "成员", "东川市政府党组", "2019-10"),
      ("郝明远", "appoint", False, "东川市副市长", None, "2019-11")}),
    ("2022年5月，东川市委领导班子换届，柏青山当选为市委常委，后兼任市委秘书长。",
     {("柏青山", "elect", False, "常委", "市委", "2022-05"), ("柏青山", "appoint", False, "秘书长", "市委", None)}),
    # 担任过: a post once held, undated
    ("他曾在东川工作多年，担任过东川市科协副主席等职。", set()),
    ("郝明远在东川工作多年，担任过东川市科协副主席等职。",
     {("郝明远", "appoint", False, "东川市科协副主席", None, None)}),
])
def test_careers_told_step_by_step(text, expected):
    assert event_rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the year of a dateline is the one the text mentions most, a guess: no date from it
    ("本报讯（记者 王一）3月29日下午，东川市召开领导干部大会宣布：柏青山同志任东川市委书记。2015年东川市GDP增长8%。",
     {("柏青山", "appoint", False, "书记", "东川市委", None)}),
    # a year the sentence states dates the day it leaves the year out of
    ("3月29日，东川市召开2016年第一季度干部大会，宣布：柏青山同志任东川市委书记。",
     {("柏青山", "appoint", False, "书记", "东川市委", "2016-03-29")}),
])
def test_events_of_a_text_without_a_known_publication_year(text, expected):
    assert event_rows(text, date=None) == expected


@pytest.mark.parametrize("second, date", [
    ("1月6日，西岭区人大常委会决定任命郝明远为西岭区人民政府副区长。", None),  # a day of its own, year unknown
    ("会议还审议了今年工作要点，决定任命郝明远为西岭区人民政府副区长。", "2021-01-05"),  # 今年 names no day
])
def test_a_day_without_its_year_is_not_the_day_of_the_lead(second, date):
    opening = "近年来，东川区坚持把干部队伍建设作为重要工作，" + "持续优化班子结构、提升干部能力，" * 12 + "取得明显成效。"
    text = opening + "2021年1月5日，东川区人大常委会召开会议，决定任命柏青山为东川区人民政府副区长。" + second
    assert event_rows(text, date=None) == {
        ("柏青山", "appoint", False, "副区长", "东川区人民政府", "2021-01-05"),
        ("郝明远", "appoint", False, "副区长", "西岭区人民政府", date)}


@pytest.mark.parametrize("text, expected", [
    # a roster after a personnel word: lines of posts, each with a colon and its holder's name
    ("东川市新一届区县党政主官纷纷到任。他们分别是：\n东川区委书记：柏青山东川区代区长：郝明远\n"
     "西岭县委书记：宁秋实\n",
     {("柏青山", "appoint", False, "书记", "东川区委", "2024-05-10"),
      ("郝明远", "appoint", True, "区长", "东川区", "2024-05-10"),
      ("宁秋实", "appoint", False, "书记", "西岭县委", "2024-05-10")}),
    # no personnel word before it (任务 is none): a list of who holds what, no event
    ("东川区领导班子分工如下：\n东川区委书记：柏青山东川区代区长：郝明远\n", set()),
    ("全年工作任务已经明确。\n东川区委书记：柏青山东川区代区长：郝明远\n", set()),
    # a holder the article proposes for the post: the proposal, not the roster's line
    ("新一届区县党政主官纷纷到任。他们分别是：\n\n东川区委书记：柏青山东川区代区长：郝明远\n\n"
     "根据任前公示，东川区委书记柏青山为拟继续提名人选。",
     {("柏青山", "propose", False, "书记", "东川区委", "2024-05-10"),
      ("郝明远", "appoint", True, "区长", "东川区", "2024-05-10")}),
    # names before 为 named candidates by the word after it: proposed for the post written before them
    ("根据任前公示，东川区、西岭县2区县委书记柏青山、郝明远为拟继续提名人选。",
     {("柏青山", "propose", False, "书记", "区县委", "2024-05-10"),
      ("郝明远", "propose", False, "书记", "区县委", "2024-05-10")}),
])
def test_rosters_and_names_told_candidates(text, expected):
    assert event_rows(text) == expected


@pytest.mark.parametrize("period, date", [
    # a notice before appointments: the first day of its period dates the proposals it lists
    ("公示时间：2024年5月3日至5月9日。", "2024-05-03"),
    ("公示期为2024年5月3日至9日。", "2024-05-03"),
    ("公示期为5个工作日。", "2024-05-10"),  # no day: the publication date
])
def test_a_notice_before_appointments_dates_its_proposals_by_its_period(period, date):
    text = ("根据有关规定，现将拟任职干部予以公示。\n柏青山，男，1975年8月生，现任东川区财政局副局长，拟任东川区财政局局长。\n"
            + period)
    assert event_rows(text) == {("柏青山", "propose", False, "局长", "东川区财政局", date)}
