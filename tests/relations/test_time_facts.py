"""Facts in time on sentences written for these tests: dates stated in a sentence,
personnel events, project milestones and figures, and their scoring.

Events run on the text stages alone (the event grammar reads the names itself);
milestones and figures are given their Project mentions, as ``make_doc`` (tests/conftest.py)
gives the relation patterns theirs.
"""
from __future__ import annotations


import pytest

from kg.dates import stated_dates
from kg.evaluate import score_documents
from kg.gold import document_to_gold
from kg.model import Document
from kg.ner.projects import subject_project_start
from kg.pipeline import default_pipeline
from kg.relations.events import extract_events
from kg.relations.milestones import amount_value, extract_figures, extract_milestones
from tests.conftest import PUBLISHED, event_rows, raw_doc, time_doc

# -- dates ----------------------------------------------------------------------

@pytest.mark.parametrize("text, values", [
    ("2023年11月5日，会议召开", ["2023-11-05"]),
    ("该项目于2021年8月开工", ["2021-08"]),
    ("昨日上午，区里开会", ["2024-05-09"]),
    ("今(10)日，区里开会", ["2024-05-10"]),
    ("8日，区里开会", ["2024-05-08"]),
    ("28日，区里开会", ["2024-04-28"]),  # later than the publication day: last month's
    ("上月，工程开工", ["2024-04"]),
    ("今年3月，工程开工", ["2024-03"]),
    ("去年底，大桥合龙", ["2023-12"]),
    ("3月2日，大桥合龙", ["2024-03-02"]),
    ("12月30日，大桥合龙", ["2023-12-30"]),  # a December day told in May: last year's
    ("2019年底前投产", ["2019-12"]),
    ("2023年度预算", []),
])
def test_stated_dates_resolve_against_the_publication_date(text, values):
    assert [d.value for d in stated_dates(text, PUBLISHED)] == values


def test_without_a_publication_date_only_dates_with_a_year_resolve():
    assert [d.value for d in stated_dates("昨日开会，2020年5月开工", None)] == ["2020-05"]


# -- personnel events -------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("会议决定任命郝明远、宁秋实为东川区人民政府副区长。",
     {("郝明远", "appoint", False, "副区长", "东川区人民政府", "2024-05-10"),
      ("宁秋实", "appoint", False, "副区长", "东川区人民政府", "2024-05-10")}),
    ("会议决定免去柏青山的东川区人民政府副区长、东川区公安局局长职务。",
     {("柏青山", "remove", False, "副区长", "东川区人民政府", "2024-05-10"),
      ("柏青山", "remove", False, "局长", "东川区公安局", "2024-05-10")}),
    ("昨日，会议决定接受裘云帆辞去东川区人民政府区长职务的申请。",
     {("裘云帆", "resign", False, "区长", "东川区人民政府", "2024-05-09")}),
    ("会议决定任命郝明远为东川区人民政府副区长，并决定为代理区长。",
     {("郝明远", "appoint", False, "副区长", "东川区人民政府", "2024-05-10"),
      ("郝明远", "appoint", True, "区长", "东川区人民政府", "2024-05-10")}),
    ("会议决定宁秋实副区长代理东川区人民政府区长职务。",
     {("宁秋实", "appoint", True, "区长", "东川区人民政府", "2024-05-10")}),
    ("经大会表决，邝远山当选为东川区人大常委会主任；岑雪松、闵秋禾当选为东川区人大常委会副主任。",
     {("邝远山", "elect", False, "主任", "东川区人大常委会", "2024-05-10"),
      ("岑雪松", "elect", False, "副主任", "东川区人大常委会", "2024-05-10"),
      ("闵秋禾", "elect", False, "副主任", "东川区人大常委会", "2024-05-10")}),
    ("2021年3月2日，郝明远同志任东川区委书记。",
     {("郝明远", "appoint", False, "书记", "东川区委", "2021-03-02")}),
    ("柏青山同志不再担任东川区人民政府副区长。",
     {("柏青山", "remove", False, "副区长", "东川区人民政府", "2024-05-10")}),
    ("宁秋实，女，1978年生，现任东川区财政局副局长，拟任东川区审计局局长。",
     {("宁秋实", "propose", False, "局长", "东川区审计局", "2024-05-10")}),
    ("会议采用无记名投票方式选举邝远山同志为东川区人民政府副区长。",
     {("邝远山", "elect", False, "副区长", "东川区人民政府", "2024-05-10")}),
    # a notice: one word, then a list of names and posts, one a line
    ("决定任命：\n郝明远为东川区人民政府副区长；\n宁秋实为东川区财政局局长。",
     {("郝明远", "appoint", False, "副区长", "东川区人民政府", "2024-05-10"),
      ("宁秋实", "appoint", False, "局长", "东川区财政局", "2024-05-10")}),
    ("任命：\n\n郝明远 为 东川区人民政府副区长；宁秋实 为 东川区财政局局长。",
     {("郝明远", "appoint", False, "副区长", "东川区人民政府", "2024-05-10"),
      ("宁秋实", "appoint", False, "局长", "东川区财政局", "2024-05-10")}),
    # the list word closes its sentence, the items follow one a line (joined or not)
    ("任命：\n郝明远为东川区人民政府副区长\n宁秋实为东川区财政局局长",
     {("郝明远", "appoint", False, "副区长", "东川区人民政府", "2024-05-10"),
      ("宁秋实", "appoint", False, "局长", "东川区财政局", "2024-05-10")}),
    ("会议决定免去：\n\n柏青山的东川区财政局局长职务\n\n裘云帆的东川区审计局局长职务",
     {("柏青山", "remove", False, "局长", "东川区财政局", "2024-05-10"),
      ("裘云帆", "remove", False, "局长", "东川区审计局", "2024-05-10")}),
    ("决定免去：\n柏青山的东川区财政局局长职务；\n裘云帆的东川区审计局局长职务。",
     {("柏青山", "remove", False, "局长", "东川区财政局", "2024-05-10"),
      ("裘云帆", "remove", False, "局长", "东川区审计局", "2024-05-10")}),
    ("任命岑雪松为东川区人民法院审判员，闵秋禾为东川区人民法院副庭长。",
     {("岑雪松", "appoint", False, "审判员", "东川区人民法院", "2024-05-10"),
      ("闵秋禾", "appoint", False, "副庭长", "东川区人民法院", "2024-05-10")}),
    # 任前公示: the entry's name opens its line; a birth or work date is not the event's
    ("拟任人选如下：\n邝远山，男，1978年3月生，2001年7月参加工作，现任东川区商务委副主任，拟任东川区商务委主任。",
     {("邝远山", "propose", False, "主任", "东川区商务委", "2024-05-10")}),
    # a chain of posts shares the body of its first; 代市长 is acting
    ("会议决定任命郝明远为东川市委委员、常委、书记，宁秋实为东川市代市长。",
     {("郝明远", "appoint", False, "委员", "东川市委", "2024-05-10"),
      ("郝明远", "appoint", False, "常委", "东川市委", "2024-05-10"),
      ("郝明远", "appoint", False, "书记", "东川市委", "2024-05-10"),
      ("宁秋实", "appoint", True, "市长", "东川市", "2024-05-10")}),
    # an adverb between the name and the verb is not part of the name (后 is no name: the clause
    # goes on about the person before); how the vote went
    ("柏青山同志任东川区委书记，后不再兼任东川区人民政府区长。",
     {("柏青山", "appoint", False, "书记", "东川区委", "2024-05-10"),
      ("柏青山", "remove", False, "区长", "东川区人民政府", "2024-05-10")}),
    ("邝远山零反对票当选东川市人民政府市长。", {("邝远山", "elect", False, "市长", "东川市人民政府", "2024-05-10")}),
    # 分别: the n-th name gets the n-th post; 其: the person of the appointment before
    ("邝远山、岑雪松分别当选为东川区人大常委会主任、副主任。",
     {("邝远山", "elect", False, "主任", "东川区人大常委会", "2024-05-10"),
      ("岑雪松", "elect", False, "副主任", "东川区人大常委会", "2024-05-10")}),
    ("会议任命郝明远、宁秋实分别为东川区财政局局长、东川区审计局局长。",
     {("郝明远", "appoint", False, "局长", "东川区财政局", "2024-05-10"),
      ("宁秋实", "appoint", False, "局长", "东川区审计局", "2024-05-10")}),
    ("任命郝明远为东川区财政局局长，免去其东川区审计局局长职务。",
     {("郝明远", "appoint", False, "局长", "东川区财政局", "2024-05-10"),
      ("郝明远", "remove", False, "局长", "东川区审计局", "2024-05-10")}),
    # the post before the name, when the verb has none after it; 已于8日 between name and verb
    ("其前任东川区政协主席柏青山已于8日辞任。", {("柏青山", "resign", False, "主席", "东川区政协", "2024-05-08")}),
    # more words of news reports; (女), an ethnic group or a reason between the name and the word
    ("郝明远接任东川区委书记。", {("郝明远", "appoint", False, "书记", "东川区委", "2024-05-10")}),
    ("宁秋实已履新东川区人民政府副区长。", {("宁秋实", "appoint", False, "副区长", "东川区人民政府", "2024-05-10")}),
    ("柏青山卸任东川区财政局局长。", {("柏青山", "remove", False, "局长", "东川区财政局", "2024-05-10")}),
    ("岑雪松被提名为东川区人民政府区长候选人。", {("岑雪松", "propose", False, "区长", "东川区人民政府", "2024-05-10")}),
    ("邝远山被增补为东川区政协副主席。", {("邝远山", "elect", False, "副主席", "东川区政协", "2024-05-10")}),
    ("邝远山（女）当选为东川区人大常委会副主任。", {("邝远山", "elect", False, "副主任", "东川区人大常委会", "2024-05-10")}),
    ("闵秋禾(满族)任东川区审计局局长。", {("闵秋禾", "appoint", False, "局长", "东川区审计局", "2024-05-10")}),
    ("会议同意岑雪松因工作变动辞去东川区人民政府副区长职务。",
     {("岑雪松", "resign", False, "副区长", "东川区人民政府", "2024-05-10")}),
    ("岑雪松同志因年龄原因，不再担任东川区政协副主席。", {("岑雪松", "remove", False, "副主席", "东川区政协", "2024-05-10")}),
    ("邝远山、岑雪松等2人当选为东川区人民政府副区长。",
     {("邝远山", "elect", False, "副区长", "东川区人民政府", "2024-05-10"),
      ("岑雪松", "elect", False, "副区长", "东川区人民政府", "2024-05-10")}),
    ("会议通过了关于邝远山同志辞去东川区人民政府区长职务的决定。",
     {("邝远山", "resign", False, "区长", "东川区人民政府", "2024-05-10")}),
    ("由外省调来的宁秋实，已于近日履新东川区人民政府副区长。",
     {("宁秋实", "appoint", False, "副区长", "东川区人民政府", "2024-05-10")}),
    # a clause with no name of its own goes on about the person before
    ("柏青山同志任东川集团副董事长，不再担任东川集团总经理职务。",
     {("柏青山", "appoint", False, "副董事长", "东川集团", "2024-05-10"),
      ("柏青山", "remove", False, "总经理", "东川集团", "2024-05-10")}),
    ("邝远山当选为东川市委常委，后兼任东川市委秘书长。",
     {("邝远山", "elect", False, "常委", "东川市委", "2024-05-10"),
      ("邝远山", "appoint", False, "秘书长", "东川市委", "2024-05-10")}),
])
def test_personnel_events(text, expected):
    assert event_rows(text) == expected


@pytest.mark.parametrize("text", [
    "东川区人民政府副区长郝明远出席会议。",  # a post held, no event
    "郝明远现任东川区委书记。",  # a state, not an appointment
    "区人大常委会主任宁秋实主持会议。",  # 主任 is no verb 任
    "会议审议通过了关于任免事项的决定。",  # no name
])
def test_no_event_without_one(text):
    assert event_rows(text) == set()


def test_headline_and_report_are_one_event_dated_by_the_report():
    text = "东川区决定宁秋实代理区长\n\n昨日，会议决定宁秋实代理东川区人民政府区长职务。"
    assert {(e.person.text, e.date) for e in extract_events(time_doc(text))} == {("宁秋实", "2024-05-09")}


def test_event_without_any_date_has_none():
    assert event_rows("会议决定任命郝明远为东川区人民政府副区长。", date=None) == {
        ("郝明远", "appoint", False, "副区长", "东川区人民政府", None)}


# -- milestones and figures --------------------------------------------------------

@pytest.mark.parametrize("text, projects, expected", [
    ("2023年9月，东川大桥正式开工。", ("东川大桥",), {("东川大桥", "开工", "2023-09")}),
    ("昨日，东川大桥顺利合龙。", ("东川大桥",), {("东川大桥", "合龙", "2024-05-09")}),
    ("东川化工项目上月建成投产。", ("东川化工项目",), {("东川化工项目", "投产", "2024-04")}),
    ("东川水库去年底下闸蓄水，东川大道今年3月建成通车。", ("东川水库", "东川大道"),
     {("东川水库", "蓄水", "2023-12"), ("东川大道", "通车", "2024-03")}),
    # no date in the text: none (the publication date would be a guess)
    ("近日，东川区与某某公司签约，东川电池项目落户东川。", ("东川电池项目",), {("东川电池项目", "签约", None)}),
    # a plan counts, with its date; a condition (通车后) does not
    ("东川大桥于2022年3月开工。该项目预计2025年建成通车，通车后将缩短车程。", ("东川大桥",),
     {("东川大桥", "开工", "2022-03"), ("东川大桥", "通车", "2025")}),
    ("东川电池项目计划明年6月底前开工，2026年底前投产。", ("东川电池项目",),
     {("东川电池项目", "开工", "2025-06"), ("东川电池项目", "投产", "2026-12")}),
    ("东川电池项目尚未投产。", ("东川电池项目",), set()),
    # the subject of the sentence, though the recognizer left it out
    ("2021年5月，东川水利工程正式开工。", (), {("东川水利工程", "开工", "2021-05")}),
    ("2021年5月，峨眉山水利工程正式开工。", (), {("峨眉山水利工程", "开工", "2021-05")}),  # 眉山 is no place here
    # 签约 takes the project written after it; 该项目 is the subject of the sentence before
    ("东川电池项目负责人介绍，东川区与某某公司签约，东川材料项目落户东川。", ("东川电池项目", "东川材料项目"),
     {("东川材料项目", "签约", None)}),
    ("东川水利工程全长3公里，是“东川环线工程”之一。该项目预计2026年建成通车。", ("东川环线工程",),
     {("东川水利工程", "通车", "2026")}),
    # a milestone of a list is a milestone of each
    ("东川电池项目、东川材料项目和东川电站集中开工。", ("东川电池项目", "东川材料项目", "东川电站"),
     {("东川电池项目", "开工", None), ("东川材料项目", "开工", None), ("东川电站", "开工", None)}),
    # an opening that names no project
    ("要加快重点项目开工，以高质量项目建设推动发展。", (), set()),
    ("今年5个招商引资项目于3月开工。", (), set()),
    # a part named after its whole
    ("东川高速关键控制性工程东川隧道于2023年1月开工。", ("东川高速关键控制性工程东川隧道",),
     {("东川隧道", "开工", "2023-01")}),
    ("东川医院项目建成集医疗、科研为一体的医院。", ("东川医院项目",), set()),
    # many projects counted, named only when listed before 等
    ("今年东川24个重大项目集中开工。", ("东川大桥",), set()),
    ("东川大桥等10个项目集中开工。", ("东川大桥",), {("东川大桥", "开工", None)}),
    ("“东川大桥”等5个项目上台签约。", ("东川大桥",), {("东川大桥", "签约", None)}),
    ("东川大桥位于城东。当天，全市共开工405个项目，总投资2104亿元。", ("东川大桥",), set()),
    ("预计11月底，全部工程将如期竣工。", (), set()),
    ("东川大桥位于城东。其中新开工44项，竣工37项。", ("东川大桥",), set()),
    ("东川大桥位于城东。当天，全市重点项目集中开工。", ("东川大桥",), set()),  # 集中: many at once
    # a sentence with no project of its own goes on about the one before only when it has no subject
    ("东川大桥位于城东。2014年9月，正式开工。", ("东川大桥",), {("东川大桥", "开工", "2014-09")}),
    ("东川大桥位于城东。今年全区工业项目建设有序推进，基本建成投产。", ("东川大桥",), set()),
    ("东川大桥位于城东。至此，全省高速公路通车里程达5000公里。", ("东川大桥",), set()),
    # 该项目 points back, past a project named after the word; X and X项目 are one project
    ("东川高速公路项目起于东川镇。该项目建成通车，对完善东川大通道具有重要意义。", ("东川大通道",),
     {("东川高速公路项目", "通车", None)}),
    ("5月8日，东川高速公路通车活动举行。东川高速公路项目起于东川镇，全线建成通车。", ("东川高速公路",),
     {("东川高速公路", "通车", "2024-05-08")}),
    # the named part stands for the whole written before it in a clause before the word
    ("在东川高速的又一关键控制性工程东川隧道施工现场，该隧道于2025年10月下达开工令。",
     ("东川高速的又一关键控制性工程东川隧道", "东川高速的又一关键控制性工程"), {("东川隧道", "开工", "2025-10")}),
    ("东川大桥已通车，全区新开工项目658个。", ("东川大桥",), {("东川大桥", "通车", None)}),  # 开工项目: a kind
    ("作为国家150项重大水利工程之一，东川水利工程今年底可望下闸蓄水。", ("东川水利工程",), {("东川水利工程", "蓄水", "2024-12")}),
    # before 的: the project is the noun after it, or none
    ("2022年建成投产的东川电池工厂位于城东。", ("东川电池工厂", "东川化工项目"), {("东川电池工厂", "投产", "2022")}),
    ("东川化工项目负责人说，已开工的项目达20个。", ("东川化工项目",), set()),
    # a wish is no milestone
    ("力争东川隧道早日通车。", ("东川隧道",), set()),
    ("东川电池项目要早竣工、早投产。", ("东川电池项目",), set()),
    # a clause opening that the project grammar does not read as a project name
    ("县委书记宣布了项目正式开工。", (), set()),
    # the project named in the word's clause beats the subject of a clause before
    ("2023年，东川新城一期项目主体封顶，东川大道跨东川河桥通车。", ("东川新城一期项目", "东川大道"),
     {("东川大道", "通车", "2023")}),
])
def test_milestones(text, projects, expected):
    doc = time_doc(text, projects)
    assert {(m.project.text, m.milestone, m.date) for m in extract_milestones(doc, subject_project_start)} == expected


@pytest.mark.parametrize("text, projects, expected", [
    ("东川大桥总投资12亿元。", ("东川大桥",), {("东川大桥", "investment", "总投资", 1200000000, "CNY")}),
    ("东川化工项目计划投资800万元，占地约400亩。", ("东川化工项目",),
     {("东川化工项目", "investment", "计划投资", 8000000, "CNY"), ("东川化工项目", "area", "占地", 400, "亩")}),
    ("东川汽车项目总投资1.2亿美元，建成后年产值达20亿元。", ("东川汽车项目",),
     {("东川汽车项目", "investment", "总投资", 120000000, "USD"),
      ("东川汽车项目", "output_value", "年产值", 2000000000, "CNY")}),
    ("东川年产10万吨钢材项目开工。", ("东川年产10万吨钢材项目",),
     {("东川年产10万吨钢材项目", "capacity", "年产", 100000, "吨")}),
    ("东川储能项目年产能10GWh。", ("东川储能项目",), {("东川储能项目", "capacity", "年产能", 10000000, "千瓦时")}),
    ("东川电池项目建成后年产动力电池10GWh。", ("东川电池项目",),
     {("东川电池项目", "capacity", "年产", 10000000, "千瓦时")}),  # the product before its amount
    ("东川电池项目达产后年产值可达50亿元。", ("东川电池项目",),
     {("东川电池项目", "output_value", "年产值", 5000000000, "CNY")}),
    ("东川电站总装机容量6600千瓦，总投资215380.27万元。", ("东川电站",),
     {("东川电站", "capacity", "总装机容量", 6600, "千瓦"),
      ("东川电站", "investment", "总投资", 2153802700, "CNY")}),
    ("东川水库位于东川区。项目总投资约20亿元。", ("东川水库",),
     {("东川水库", "investment", "总投资", 2000000000, "CNY")}),  # 项目: the project of the sentence before
    ("全区完成投资20亿元。", (), set()),  # no project
    # the subject of a clause before the figure's, here after a date; a summary line's subject
    ("2021年5月，东川水利工程正式开工，项目总投资约20亿元。", (),
     {("东川水利工程", "investment", "总投资", 2000000000, "CNY")}),
    ("● 东川水利工程位于东川区，总库容1.03亿立方米", (), {("东川水利工程", "capacity", "总库容", 103000000, "立方米")}),
    # a description of the subject (是…的) and a counted kind of works are not the project
    ("东川水利工程位于东川区，是以灌溉为主，兼顾发电的大型水利枢纽工程，总库容1.03亿立方米。", ("大型水利枢纽工程",),
     {("东川水利工程", "capacity", "总库容", 103000000, "立方米")}),
    ("东川水利工程位于东川区。水库设渠道电站2座，总装机容量6600千瓦。", ("渠道电站",),
     {("东川水利工程", "capacity", "总装机容量", 6600, "千瓦")}),
    ("东川24个重大项目破土动工，总投资838.6亿元。", ("东川大桥",), set()),
    ("东川大桥位于城东。其中开工项目395个，总投资2589亿元。", ("东川大桥",), set()),
    ("东川大桥位于城东。2023年东川新材料产业实现产值55亿元。", ("东川大桥",), set()),
    # a clause before the figure's: its first project, not the place it is in
    ("开工的东川文旅小镇项目位于东川大道东侧，占地约366亩。", ("东川文旅小镇项目", "东川大道"),
     {("东川文旅小镇项目", "area", "占地", 366, "亩")}),
    # the project written after its company is the project (the company owns it)
    ("其中，东川锂业有限公司碳酸锂研发生产项目，占地约350亩。", (),
     {("碳酸锂研发生产项目", "area", "占地", 350, "亩")}),
    # before 的: the noun after it
    ("总投资29亿元的5个项目集中签约。", ("东川化工项目",), set()),
    ("总投资30亿元的东川新能源项目落户东川。", ("东川新能源项目",),
     {("东川新能源项目", "investment", "总投资", 3000000000, "CNY")}),
])
def test_figures(text, projects, expected):
    doc = time_doc(text, projects)
    assert {(f.project.text, f.kind, f.qualifier, f.value, f.unit) for f in extract_figures(doc, subject_project_start)} == expected


@pytest.mark.parametrize("number, multiplier, value", [
    ("12", "亿", 1200000000), ("800", "万", 8000000), ("1.2", "亿", 120000000),
    ("3,500", None, 3500), ("0.5", None, 0.5),
])
def test_amount_values(number, multiplier, value):
    assert amount_value(number, multiplier) == value and type(amount_value(number, multiplier)) is type(value)


# -- gold output and scoring ----------------------------------------------------------

def test_gold_lists_only_for_documents_that_state_facts_in_time():
    assert set(document_to_gold(time_doc("东川区召开会议。"))) == {"doc", "entities", "relations"}
    doc = time_doc("东川大桥于2022年3月开工，总投资12亿元。", ("东川大桥",))
    doc.milestones, doc.figures = extract_milestones(doc, subject_project_start), extract_figures(doc, subject_project_start)
    gold = document_to_gold(doc)
    assert gold["milestones"] == [{"project": "东川大桥", "milestone": "开工", "date": "2022-03"}]
    assert gold["figures"] == [{"project": "东川大桥", "kind": "investment", "qualifier": "总投资",
                                "value": 1200000000, "unit": "CNY"}]


GOLD = {
    "events": [{"person": "郝明远", "kind": "appoint", "acting": False, "title": "副区长", "body": "东川区人民政府",
                "date": "2024-05-09"},
               {"person": "宁秋实", "kind": "remove", "acting": False, "title": "局长", "body": "东川区审计局",
                "date": "2024-05-09"}],
    "milestones": [{"project": "东川大桥", "milestone": "开工", "date": "2024-03"}],
    "figures": [{"project": "东川大桥", "kind": "investment", "qualifier": "总投资", "value": 1200000000, "unit": "CNY"}],
}


@pytest.mark.parametrize("system, key, tp, sys_, gold", [
    # the title matches by suffix, like a holds_post tail
    ({"events": [{"person": "郝明远", "kind": "appoint", "title": "东川区人民政府副区长", "date": "2024-05-09"}]},
     "event:EVENTS", 1, 1, 2),
    # the wrong date is no match
    ({"events": [{"person": "郝明远", "kind": "appoint", "title": "副区长", "date": "2024-05-10"}]},
     "event:EVENTS", 0, 1, 2),
    ({"events": [{"person": "郝明远", "kind": "elect", "title": "副区长", "date": "2024-05-09"}]},
     "event:EVENTS", 0, 1, 2),
    ({"milestones": [{"project": "东川大桥", "milestone": "开工", "date": "2024-03"},
                     {"project": "东川大桥", "milestone": "通车", "date": "2024-03"}]},
     "milestone:MILESTONES", 1, 2, 1),
    ({"figures": [{"project": "东川大桥", "kind": "investment", "qualifier": "投资", "value": 1.2e9, "unit": "CNY"}]},
     "figure:FIGURES", 1, 1, 1),
    ({"figures": [{"project": "东川大桥", "kind": "investment", "value": 12, "unit": "CNY"}]},
     "figure:FIGURES", 0, 1, 1),
])
def test_scoring_facts_in_time(system, key, tp, sys_, gold):
    score = score_documents([(GOLD, system)])[key]
    assert (score.tp, score.sys, score.gold) == (tp, sys_, gold)


def test_documents_whose_gold_has_no_such_list_are_not_scored_for_it():
    system = {"events": [{"person": "郝明远", "kind": "appoint", "title": "副区长", "date": "2024-05-09"}]}
    assert "event:EVENTS" not in score_documents([({"entities": [], "relations": []}, system)])


# -- the stage: what events add to entities and relations ------------------------------

def _extracted(text: str) -> Document:
    doc = raw_doc(text, sha256="sha-t", date=PUBLISHED)
    return default_pipeline()(doc)


@pytest.mark.parametrize("text, relations", [
    ("会议决定任命郝明远、宁秋实为东川区人民政府副区长。",
     {("郝明远", "holds_post", "东川区人民政府副区长"), ("郝明远", "member_of", "东川区人民政府"),
      ("宁秋实", "holds_post", "东川区人民政府副区长"), ("宁秋实", "member_of", "东川区人民政府")}),
    # a removal or a resignation states no post held
    ("会议决定免去郝明远的东川区人民政府副区长职务，接受宁秋实辞去东川区人民政府区长职务的申请。", set()),
])
def test_appointments_are_posts_held_and_their_people_entities(text, relations):
    doc = _extracted(text)
    assert {(r.head.text, r.label, r.tail.text) for r in doc.relations
            if r.label in ("holds_post", "member_of")} == relations
    assert {"郝明远", "宁秋实"} <= {m.text for m in doc.mentions if m.type == "Person"}


def test_a_document_without_facts_in_time_is_left_as_the_relation_stage_made_it():
    text = "东川区委副书记、区长郝明远到东川工业园调研。"
    full = _extracted(text)
    before = raw_doc(text, sha256="sha-t", date=PUBLISHED)
    for stage in default_pipeline().stages:
        if stage.name != "facts in time":
            stage.run(before)
    assert (full.events, full.milestones, full.figures) == ([], [], [])
    assert document_to_gold(full) == document_to_gold(before)
