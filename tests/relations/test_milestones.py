"""Project milestones and figures (kg/relations/milestones.py) on sentences written for these
tests: lists of the projects a milestone names, the day a report is about, a signing's object,
figures of many projects, further capacities, capacities in names, parts named after a whole.

Each document is published on 2024-05-10 and is given the Project mentions listed with it.
"""
from __future__ import annotations

import pytest

from kg.dates import stated_dates
from kg.lexicon import load_set, load_table
from kg.ner.projects import subject_project_start
from kg.model import Mention
from kg.relations.milestones import extract_milestones, extract_project_facts
from tests.conftest import PUBLISHED, time_doc


@pytest.mark.parametrize("text, that_day, values", [
    ("1—10月，全省完成投资20亿元", None, ["2024"]),  # a range of months: the year
    ("2023年1至6月，全省完成投资20亿元", None, ["2023"]),
    ("当天开工的项目有5个", "2024-05-08", ["2024-05-08"]),  # the day the report is about
    ("当天开工的项目有5个", None, ["2024-05-10"]),  # no such day known: the publication date
    ("5月6日开幕，同日开工", "2024-05-08", ["2024-05-06", "2024-05-06"]),  # the day stated before
    ("计划年底前建成投产，年内开工", None, ["2024-12", "2024"]),  # this year's end, this year
    ("明年初开工，三年内建成", None, ["2025-01"]),  # 三年内: no date
])
def test_stated_dates_of_ranges_and_of_the_day_reported(text, that_day, values):
    assert [d.value for d in stated_dates(text, PUBLISHED, that_day)] == values


@pytest.mark.parametrize("text, projects, expected", [
    # a milestone word before the list of its projects, dated by the lead's day
    ("5月8日，东川区集中开工仪式举行。据悉，当日开工的项目有：投资1.1亿元的青禾食品加工项目、"
     "投资2亿元的鹤岭物流园项目等2个项目，总投资3.1亿元。", (),
     {("青禾食品加工项目", "开工", "2024-05-08"), ("鹤岭物流园项目", "开工", "2024-05-08")}),
    ("竣工的项目包括东川大桥、西岭隧道。", ("东川大桥",), {("东川大桥", "竣工", None), ("西岭隧道", "竣工", None)}),
    ("此次集中开工的项目包括青禾新材料项目、鹤岭物流园项目和东川污水处理厂扩建工程，总投资35亿元。",
     ("青禾新材料项目", "鹤岭物流园项目", "东川污水处理厂扩建工程"),
     {("青禾新材料项目", "开工", None), ("鹤岭物流园项目", "开工", None), ("东川污水处理厂扩建工程", "开工", None)}),
    # a count of projects, then the list of them
    ("今年，全省共建成通车8个高速公路项目，其中新增2条出省通道，分别是东坪至岚溪（省界）、岚溪至青峰。", (),
     {("东坪至岚溪", "通车", "2024"), ("岚溪至青峰", "通车", "2024")}),
    # listed before 等, named or not by the recognizer; 同日: the day stated before
    ("5月8日，东川大桥建成通车；同日，还有青峰扩容等5个项目集中建成通车。", ("东川大桥",),
     {("东川大桥", "通车", "2024-05-08"), ("青峰扩容", "通车", "2024-05-08")}),
    ("今年以来，东川纺织项目、西岭智能制造基地等12个项目建成投产。", ("东川纺织项目",),
     {("东川纺织项目", "投产", "2024"), ("西岭智能制造基地", "投产", "2024")}),
    # a count with no list names none
    ("今年，全省共建成通车8个高速公路项目。", (), set()),
    # 签约 and the project written after it; a sentence at the ceremony has the lead's day
    ("5月8日，东川区招商项目签约仪式举行。签约仪式上，东川区与青禾化工有限公司签约年产5万吨丙烯、乙烯系列产品项目。",
     (), {("年产5万吨丙烯、乙烯系列产品项目", "签约", "2024-05-08")}),
    ("该项目签约额3亿元。", (), set()),  # an amount, not a signing
    # the name of a works right after its whole
    ("在东川高速扩容项目重点控制工程岚山隧道施工现场，工人正在作业。该隧道于2025年10月下达开工令。",
     ("东川高速扩容项目重点控制工程",), {("岚山隧道", "开工", "2025-10")}),
    # a year after the day it falls in, or a batch of a year, dates nothing finer
    ("昨日，东川区举行2024年重大项目集中签约仪式，青禾新材料项目等12个项目签约落地。", ("青禾新材料项目",),
     {("青禾新材料项目", "签约", "2024-05-09")}),
    ("昨日，东川区2024年第一批重大项目集中签约，青禾新材料项目等12个项目签约落地。", ("青禾新材料项目",),
     {("青禾新材料项目", "签约", "2024-05-09")}),
    # a milestone word modifying a noun is no milestone
    ("东川化工项目负责人说，企业开工率达90%。", ("东川化工项目",), set()),
    ("东川大桥建成后，全市高速公路通车里程达980公里。", ("东川大桥",), set()),
    # how a project's works stand or are prepared is no milestone reached
    ("书记来到青禾电池项目现场，详细了解项目开工建设情况。", ("青禾电池项目",), set()),
    ("青禾电池项目开工准备就绪。", ("青禾电池项目",), set()),
    ("东川电池项目计划年底前建成投产。", ("东川电池项目",), {("东川电池项目", "投产", "2024-12")}),
    # a milestone a clause opening with 为 prepares is none; a line opened to traffic
    ("东川隧道顺利贯通，为年底全线通车奠定基础。", ("东川隧道",), {("东川隧道", "通车", None)}),
    ("东川水库大坝填筑完成，也为明春水库蓄水打下良好基础。", ("东川水库",), set()),  # after an adverb too
    ("东川大桥作为重点工程于3月开工，为全线贯通奠定了基础。", ("东川大桥",), {("东川大桥", "开工", "2024-03")}),
    ("东川地铁1号线一期工程开通试运营。", ("东川地铁1号线一期工程",), {("东川地铁1号线一期工程", "通车", None)}),
    # a purpose is no milestone; a signing of an investment agreement is one
    ("为确保东川钢铁项目按时投产，某集团日前再增资4.99亿美元。", ("东川钢铁项目",), set()),
    ("东川区与青禾集团签订投资协议，青禾智能装备产业园项目正式落户东川。", ("青禾智能装备产业园项目",),
     {("青禾智能装备产业园项目", "签约", None)}),
    # a phase opening a sentence is a part of the project before (一期, not a date)
    ("东川耐材项目位于城东。一期预计2025年建成投产。", ("东川耐材项目",), {("东川耐材项目", "投产", "2025")}),
    # the projects of the event the article reports (本次, 此次) have its lead's day; a note in
    # brackets is no part of a listed name, a bare phase is, the 等 closing the list is not
    ("5月8日，东川区重大项目集中开工仪式举行。据了解，本次集中开工的重点项目包括东川物流园(东川电商服务中心)、"
     "西岭冷链产业园(一期交易市场)、青峰水厂工程(二期)等，涵盖工业、农业等领域。", ("东川物流园", "西岭冷链产业园"),
     {("东川物流园", "开工", "2024-05-08"), ("西岭冷链产业园", "开工", "2024-05-08"),
      ("青峰水厂工程(二期)", "开工", "2024-05-08")}),
    # a sentence opening with 其中 is about one of the projects of a milestone of many before it
    ("5月8日，本次集中开工的项目包括东川物流园、西岭冷链产业园等。其中，东川青禾科技有限公司负极材料研发制造项目，占地约350亩。",
     ("东川物流园", "西岭冷链产业园"),
     {("东川物流园", "开工", "2024-05-08"), ("西岭冷链产业园", "开工", "2024-05-08"),
      ("负极材料研发制造项目", "开工", "2024-05-08")}),
    ("东川物流园项目开工。其中，青禾研发生产项目占地约350亩。", ("东川物流园项目",), {("东川物流园项目", "开工", None)}),
    # the project hosting a ceremony of many is one of them; so is one of a count told just before
    ("5月8日上午，东川区重大项目集中开工仪式在青禾新材料产业园项目现场举行。", ("青禾新材料产业园项目",),
     {("青禾新材料产业园项目", "开工", "2024-05-08")}),
    ("5月8日，东川区举行一批重大项目开工活动，青禾新材料产业园项目负责人发言。", ("青禾新材料产业园项目",), set()),
    ("5月8日，东川区12个重大项目集中开工。其中，西岭物流园项目总投资8亿元。", ("西岭物流园项目",),
     {("西岭物流园项目", "开工", "2024-05-08")}),
    # after 的项目中，the subject of each statement
    ("3月15日，东川区招商项目签约活动举行。此次签约的项目中，青禾智能装备制造项目总投资20亿元；西岭新能源电池项目"
     "总投资35亿元。", ("青禾智能装备制造项目", "西岭新能源电池项目"),
     {("青禾智能装备制造项目", "签约", "2024-03-15"), ("西岭新能源电池项目", "签约", "2024-03-15")}),
    # quoted items are split between the quotes, not at a 、 inside one
    ("东川市“青禾功率半导体项目”、“氢能源(含液氮、氦气分装)、氢能装备制造项目”、“东川古城项目”等3个项目上台签约。", (),
     {("青禾功率半导体项目", "签约", None), ("氢能源(含液氮、氦气分装)、氢能装备制造项目", "签约", None),
      ("东川古城项目", "签约", None)}),
    # generic words before the word name a kind of projects, not the name before them
    ("大会上，举行了“东川之春”重大项目签约仪式，全省共有40个项目上台签约。", ("东川之春",), set()),
    ("东川之春 重点项目集中开工", ("东川之春 重点项目",), set()),
    ("大会上，举行了“东川之春”重大项目云签约仪式。", ("东川之春",), set()),  # signed from afar
    ("东川重大项目开工。", ("东川重大项目",), {("东川重大项目", "开工", None)}),
    ("东川大桥位于城东。该项目开工仪式举行。", ("东川大桥",), {("东川大桥", "开工", None)}),
    # the place and the verb opening a list are no part of its first item
    ("近年来，东川市引进青禾机器人、碳纤维材料、中轴小镇等一批重大项目落地投产。", ("青禾机器人", "中轴小镇"),
     {("青禾机器人", "投产", None), ("中轴小镇", "投产", None)}),  # 石墨烯浆料: a name of nothing the recognizer knew
    # the milestone told before, as a subject; the scene of the day with no project of its own
    ("东川大桥180米连续梁顺利合龙。合龙标志着东川高铁桥梁建设过半。", ("东川大桥", "东川高铁"),
     {("东川大桥", "合龙", None)}),
    ("东川无人机中心项目由某集团按照“基金+园区+中试基地”模式投资建设。开工现场，东川市还举行了招商出征仪式。",
     ("东川无人机中心项目", "中试基地"), set()),
    # a list of tasks is no milestone; a list of milestones is
    ("东川区锚定谋划策划、招商引资、开工建设、增资扩产等六方面成效，力争新签东川物流项目。", ("东川物流项目",), set()),
    ("东川大桥项目建成、投产。", ("东川大桥项目",), {("东川大桥项目", "建成", None), ("东川大桥项目", "投产", None)}),
    # 完成建设 is built; 开竣工 names neither milestone for sure
    ("预计到2028年完成建设的东川南片区工程项目是关键拼图。", ("东川南片区工程项目",),
     {("东川南片区工程项目", "建成", "2028")}),
    ("东川钢铁基地、西岭氧化铝项目等项目相继开竣工。", ("东川钢铁基地", "西岭氧化铝项目"), set()),
    # the projects listed before the sites of a milestone; 加快…步伐 is no milestone
    ("在东川智慧物流仓储、青禾工业机器人开工项目现场，以及西岭汽车零部件、青峰新材料竣工项目现场，某某详细了解情况，"
     "鼓励企业加快项目投产步伐。", ("东川智慧物流仓储", "青禾工业机器人", "西岭汽车零部件", "青峰新材料"),
     {("东川智慧物流仓储", "开工", None), ("青禾工业机器人", "开工", None), ("西岭汽车零部件", "竣工", None),
      ("青峰新材料", "竣工", None)}),
    ("全市新开工、竣工项目现场400个。", (), set()),
    # a railway's official name opens with 新建
    ("今天(5月6日)，新建东川至西岭铁路东川至青峰段项目开工建设。", ("东川至西岭铁路东川至青峰段项目",),
     {("新建东川至西岭铁路东川至青峰段项目", "开工", "2024-05-06")}),
    # a list after the word: 建设的项目为…, 的项目有N个，包括…; two names joined by 和
    ("当天开工建设的项目为青禾循环产业园和东川创业中心、鹤岭物流园，总投资7亿元。", (),
     {("青禾循环产业园", "开工", "2024-05-10"), ("东川创业中心", "开工", "2024-05-10"),
      ("鹤岭物流园", "开工", "2024-05-10")}),
    ("据介绍，6日开工的重点项目有3个，包括东川算力平台项目、西岭药物生产基地、青禾湖商务区二期启动项目等。", (),
     {("东川算力平台项目", "开工", "2024-05-06"), ("西岭药物生产基地", "开工", "2024-05-06"),
      ("青禾湖商务区二期启动项目", "开工", "2024-05-06")}),
    # 等项目 with no count names the list; a section in brackets stays in the name
    ("东川博览中心二期扩建项目、西岭快速路(二期)、青禾大道(东城段)等项目陆续开工。", (),
     {("东川博览中心二期扩建项目", "开工", None), ("西岭快速路(二期)", "开工", None),
      ("青禾大道(东城段)", "开工", None)}),
    ("在东川、西岭等地的项目开工。", (), set()),
    ("全市新开工、竣工项目400个以上。", (), set()),
    # a count right after a list of projects closes it
    ("东川五彩建设项目、西岭数据湖项目、青禾交易中心项目3项拟参加集中签约活动，投资金额达120亿元。", (),
     {("东川五彩建设项目", "签约", None), ("西岭数据湖项目", "签约", None), ("青禾交易中心项目", "签约", None)}),
    ("东川高铁技术研究中心、西岭科创中心等一批由央企投资的项目启动建设。", (),
     {("东川高铁技术研究中心", "开工", None), ("西岭科创中心", "开工", None)}),
    # a name the recognizer gave is of its own item only (not the next item's shorter name)
    ("东川会展中心扩建项目、西岭快速路(二期)等项目陆续开工。", ("东川会展中心扩建项目", "西岭快速路"),
     {("东川会展中心扩建项目", "开工", None), ("西岭快速路(二期)", "开工", None)}),
    ("随后，柏青山等领导为项目奠基。", (), set()),
    # items after 分别为： told clause by clause
    ("3个招商项目在会上现场签约，分别为：东川县的青禾建材产业园项目，西岭区的鹤岭检测设备基地项目，"
     "青峰县的东川输变电设备加工项目。", (),
     {("青禾建材产业园项目", "签约", None), ("鹤岭检测设备基地项目", "签约", None),
      ("东川输变电设备加工项目", "签约", None)}),
    ("3个招商项目在会上现场签约，分别为：东川县的青禾建材产业园项目，西岭区的鹤岭检测设备基地项目。",
     ("青禾建材产业园项目",), {("青禾建材产业园项目", "签约", None), ("鹤岭检测设备基地项目", "签约", None)}),
    # a semicolon ends a statement: each project its own milestone, none of a project in another
    ("在装备制造业，东川装备项目签约落地；西岭汽车整车量产下线；青禾发动机项目建成投产。",
     ("东川装备项目", "青禾发动机项目"), {("东川装备项目", "签约", None), ("青禾发动机项目", "投产", None)}),
    ("东川氮化镓产业园二期项目正在加快推进；鹤岭机器人岛开工建设。", ("东川氮化镓产业园二期项目",), set()),
    ("在电子信息产业，总投资43.4亿元的东川智算中心建成投用，可提供大算力服务。", (), {("东川智算中心", "投产", None)}),
    # a milestone word inside a project's name is none; 两大重点项目 counts projects
    ("东川中环贯通工程进展顺利。", ("东川中环贯通工程",), set()),
    # the wordings of a start of operation
    ("东川光伏电站项目今年5月全容量并网。西岭物流园项目建成运营。青禾污水处理厂投入运行。",
     ("东川光伏电站项目", "西岭物流园项目", "青禾污水处理厂"),
     {("东川光伏电站项目", "投产", "2024-05"), ("西岭物流园项目", "投产", None), ("青禾污水处理厂", "投产", None)}),
    # 新建成的: what was built is the Project after 的; a ceremony's scene takes no object after it
    ("在东川化工园区，青禾生物技术有限公司新建成的东川柴油项目正在调试。", ("东川柴油项目",), {("东川柴油项目", "建成", None)}),
    ("已建成的标准厂房全部出租。", (), set()),
    ("区长在签约仪式上表示，东川正抓住西部陆海新通道带来的发展机遇。", ("西部陆海新通道",), set()),
    ("9月16日，青禾镇举行集中签约仪式，签下两个重点项目，总投资额达1.4亿元。", (), set()),
    # after a milestone of many, 其中 lists some of them before 等项目 in each statement
    ("本次集中开工的18个重点项目涵盖多个领域。其中，东川半导体产业园、西岭计算中心等项目将带动产业链上下游发展；"
     "青禾新能源基地等项目将完善产业结构。", (),
     {("东川半导体产业园", "开工", None), ("西岭计算中心", "开工", None), ("青禾新能源基地", "开工", None)}),
    # 本次活动 is the article's milestone of many: the project whose site hosts it is one of them
    ("2月6日上午，东川市一批重大项目开工活动举行。市长讲话。本次活动，市主会场设在青禾新材料有限公司20万吨/年顺酐装置项目现场。",
     ("年顺酐装置项目",), {("20万吨/年顺酐装置项目", "开工", "2024-02-06")}),
    # a phase in brackets after a subject's name is part of it
    ("此次集中开工的20个重大项目涉及多个领域。其中，东川标准厂房建设项目(一期)，总建筑面积4.5万平方米，预计今年10月底前可竣工。",
     (), {("东川标准厂房建设项目(一期)", "开工", None), ("东川标准厂房建设项目(一期)", "竣工", "2024-10")}),
    # a clause between the count and 项目 (如火如荼地建设中的) counts no kind of projects
    ("对于东川中学、西岭自动化等一批正在加紧建设的项目，要求加快进度，确保如期建成投产。", (), set()),
    # dates told 分别: the n-th is the n-th project's
    ("青禾电池项目和鹤岭冷链项目分别于3月和5月开工。", ("青禾电池项目", "鹤岭冷链项目"),
     {("青禾电池项目", "开工", "2024-03"), ("鹤岭冷链项目", "开工", "2024-05")}),
    # a list right before a count of projects names them; a clause's words before it name none
    ("青禾电池、鹤岭冷链、东川物流3个项目集中开工。", ("青禾电池", "鹤岭冷链", "东川物流"),  # named by the recognizer
     {("青禾电池", "开工", None), ("鹤岭冷链", "开工", None), ("东川物流", "开工", None)}),
    ("市长代表市委、市政府对全市120个重大项目开工表示祝贺。", (), set()),
    ("全区工业、农业3个领域项目开工。", (), set()),
    # the project at the venue of a milestone of many told on in the sentence before is one of them
    ("3月26日上午，东川区一批重大项目开工活动举行。此次集中开工项目共28个，总投资约112亿元。在主会场，青禾新能源产业园项目"
     "总投资45亿元。", ("青禾新能源产业园项目",), {("青禾新能源产业园项目", "开工", "2024-03-26")}),
    # a sentence opening with a time of the day or a report's source, then 项目, goes on about the project told
    # of before; so does a ceremony the project holds (项目开工仪式, 项目举行开工仪式), not the scene of the day
    ("青禾电池项目位于东川经开区。3月18日上午，项目开工仪式在东川经开区举行。据介绍，项目预计2025年底建成投产。",
     ("青禾电池项目",), {("青禾电池项目", "开工", "2024-03-18"), ("青禾电池项目", "投产", "2025-12")}),
    ("青禾电池项目位于东川经开区。3月18日上午，项目举行开工仪式。", ("青禾电池项目",),
     {("青禾电池项目", "开工", "2024-03-18")}),
    ("青禾电池项目位于东川经开区。开工仪式上，东川区还举行了招商推介。", ("青禾电池项目",), set()),
    # a clause's subject is the longest name the recognizer gave from its start (…新院区建设项目)
    ("东川市人民医院新院区建设项目，总投资8.6亿元，计划2026年建成投用。", ("东川市人民医院新院区建设项目",),
     {("东川市人民医院新院区建设项目", "投产", "2026")}),
    # an agreement signed of the projects named in it; not a verb after a company's name, nor an agreement
    # of no project, nor one not signed
    ("东川高新区与鹤岭科技有限公司正式签订半导体封装测试基地项目投资协议。", (),
     {("半导体封装测试基地项目", "签约", None)}),
    ("5月8日，东川区与青禾集团签署了东川物流园项目、西岭冷链中心项目合作协议。", ("东川物流园项目", "西岭冷链中心项目"),
     {("东川物流园项目", "签约", "2024-05-08"), ("西岭冷链中心项目", "签约", "2024-05-08")}),
    ("东川区与青禾集团签订战略合作协议。", (), set()),
    # a signing and the park the clause after says is built (计划投资20亿元建设某某产业园)
    ("2023年10月，青禾集团与东川区政府签约，计划投资20亿元建设青禾锂电新材料产业园。", (),
     {("青禾锂电新材料产业园", "签约", "2023-10")}),
    ("东川区与青禾集团尚未签订东川物流园项目投资协议。", ("东川物流园项目",), set()),
    # a milestone told at the venue of the event of many sites is the event's, on the day of the lead
    ("3月8日，东川区举行一批重大项目开工活动。在主会场开工的青禾电池项目，总投资50亿元。", ("青禾电池项目",),
     {("青禾电池项目", "开工", "2024-03-08")}),
    # a list before a count of companies names companies, not projects
    ("青禾集团、鹤岭科技等16家企业新签约项目全部开工。", (), set()),
    # how a milestone stands, a pace urged, a condition closed by more milestone words: none reached
    ("会上听取了东川物流园项目开工情况汇报。", ("东川物流园项目",), set()),
    ("要求推动青禾电池项目快建设、快投产、快达效。", ("青禾电池项目",), set()),
    ("青禾电池项目竣工投产后，年产值可达20亿元。", ("青禾电池项目",), set()),
    ("观摩组对青禾电池项目的开工建设、形象进度、综合管理等情况逐一点评。", ("青禾电池项目",), set()),  # a task of a list
    # selected for a list of certified works; the list itself is none
    ("在众多申报企业中，我市东川乳业数字化示范工厂成功入选。", ("东川乳业数字化示范工厂",),
     {("东川乳业数字化示范工厂", "认定", None)}),
    ("东川乳业数字化示范工厂在此次入选名单中。", ("东川乳业数字化示范工厂",), set()),
    # a list right before a count of projects: 与 joins the words of a name; a phase in Roman numerals stays
    ("东川新港区：青禾纸业搬迁与技术改造、东川新城综合体三期(Ⅱ)、东川污水管网三期3个项目限时开工。", (),
     {("青禾纸业搬迁与技术改造", "开工", None), ("东川新城综合体三期(Ⅱ)", "开工", None), ("东川污水管网三期", "开工", None)}),
    # after a milestone of many, 其中 and the projects the sentence opens with, listed, each; one where it lies
    ("本次开工的重点项目共12个，总投资288亿元。其中，青禾芯片封测一期项目及鹤岭装备研制及产业化项目坐落于东川开发区。",
     ("青禾芯片封测一期项目", "鹤岭装备研制及产业化项目"),
     {("青禾芯片封测一期项目", "开工", None), ("鹤岭装备研制及产业化项目", "开工", None)}),
    ("本次开工的重点项目共12个，总投资288亿元。其中，青禾芯片封测一期项目坐落于东川开发区。", (),
     {("青禾芯片封测一期项目", "开工", None)}),
    # the projects of the event told by its milestone (这次集中开工项目…), then 其中 and a project the recognizer named
    ("5月8日，东川区重点项目集中开工仪式举行。此批开工项目投资规模大，12个项目总投资达150.5亿元。"
     "其中，青禾新能源产业园项目规划面积约2000亩。", ("青禾新能源产业园项目",),
     {("青禾新能源产业园项目", "开工", "2024-05-08")}),
    # statements joined by 、: each has its own subject (none the recognizer named: no project), not a name
    # holding a milestone word nor adverbs alone
    ("东川学院三期校区全面投用、四期校区基本完工。", ("东川学院三期校区",), {("东川学院三期校区", "投产", None)}),
    ("东川物流园项目开工、西岭冷链中心项目竣工。", ("东川物流园项目", "西岭冷链中心项目"),
     {("东川物流园项目", "开工", None), ("西岭冷链中心项目", "竣工", None)}),
    ("东川中环贯通工程(东段)、西岭旅游项目等多个项目同时开工。", ("东川中环贯通工程(东段)", "西岭旅游项目"),
     {("东川中环贯通工程(东段)", "开工", None), ("西岭旅游项目", "开工", None)}),
    ("东川大桥主体建成、正式通车。", ("东川大桥",), {("东川大桥", "建成", None), ("东川大桥", "通车", None)}),
    # a name the recognizer gave with the clause's verb before it is the name without the verb
    ("市领导还参加青禾文化馆群建设项目的开工仪式。", ("参加青禾文化馆群建设项目", "青禾文化馆群建设项目"),
     {("青禾文化馆群建设项目", "开工", None)}),
    # a project after the word's clause: after a clause of time with no subject, not after one with a subject
    ("自2023年11月动工以来，东川大桥项目克服了暴雨影响。", ("东川大桥项目",), {("东川大桥项目", "开工", "2023-11")}),
    ("东川综合试验区建成投运，青禾国际陆港加快建设。", ("青禾国际陆港",), set()),
    # generic words after the time of a batch name a kind of projects, but the project at whose site the
    # clause holds them is one of them
    ("东川区2024年重点项目签约仪式昨天举行。", ("东川区2024年重点项目",), set()),
    ("5月8日，东川市在青禾无人机研发中心项目现场举行2024年一季度重点项目开工仪式。", ("青禾无人机研发中心项目",),
     {("青禾无人机研发中心项目", "开工", "2024-05-08")}),
    # the venue of an event is no project the sentences after go on about
    ("东川区重点项目签约仪式5月8日在青禾宾馆举行。签约仪式上，区委书记介绍，此次签约聚焦高新产业。", ("青禾宾馆",), set()),
    # an agreement listed among projects signed names its project
    ("青禾集团总部迁建与研发中心建设框架协议、东川港物流园项目等2个项目签约落地。", (),
     {("青禾集团总部迁建与研发中心建设", "签约", None), ("东川港物流园项目", "签约", None)}),
    # the place, the time and the verb a clause opens a list with are no part of its first item
    ("东川区今年共有青禾大桥、西岭隧道等12个项目计划开工。", ("东川区今年共有青禾大桥", "青禾大桥", "西岭隧道"),
     {("青禾大桥", "开工", "2024"), ("西岭隧道", "开工", "2024")}),
    ("东川区今年共有青禾大桥、西岭隧道等12个项目计划开工。", (),
     {("青禾大桥", "开工", "2024"), ("西岭隧道", "开工", "2024")}),
    # a name the recognizer read across a pause is none
    ("5月8日，青禾高速公路东川段正式通车。", ("青禾高速公路东川段", "青禾高速公路东川段正式通车。"),
     {("青禾高速公路东川段", "通车", "2024-05-08")}),
    # not a name that opens with a word of its own
    ("东川联合飞机项目开工。", ("东川联合飞机项目", "飞机项目"), {("东川联合飞机项目", "开工", None)}),
    # further wordings: mass production, a chemical plant started up, a building completed, a road handed over
    ("东川汽车工厂项目今年12月实现量产。", ("东川汽车工厂项目",), {("东川汽车工厂项目", "投产", "2024-12")}),
    ("东川化工项目一次投料开车成功。", ("东川化工项目",), {("东川化工项目", "投产", None)}),
    ("东川体育中心于2023年8月落成。", ("东川体育中心",), {("东川体育中心", "建成", "2023-08")}),
    ("东川快速路工程2023年底交工。", ("东川快速路工程",), {("东川快速路工程", "竣工", "2023-12")}),
    # the stage of the works a milestone marks is none reached
    ("东川快速路工程即将进入建成的关键节点。", ("东川快速路工程",), set()),
    ("东川快速路工程已进入竣工阶段。", ("东川快速路工程",), set()),
    # a wish before a compound is of each of its words; what comes before a milestone and its person are none
    ("东川物流园项目要加快建设，争取早日竣工投用。", ("东川物流园项目",), set()),
    ("东川物流园项目正在进行竣工前的准备工作。", ("东川物流园项目",), set()),
    ("东川大桥项目的奠基人某甲出席了活动。", ("东川大桥项目",), set()),
    ("东川物流园项目2023年5月竣工投用。", ("东川物流园项目",),
     {("东川物流园项目", "竣工", "2023-05"), ("东川物流园项目", "投产", "2023-05")}),
    # a name the recognizer read on into a figure after it is cut before the figure's word
    ("东川抽水蓄能电站装机容量120万千瓦，预计2026年投产。", ("东川抽水蓄能电站装机容量120万千瓦",),
     {("东川抽水蓄能电站", "投产", "2026")}),
])
def test_milestones_of_lists_and_reports(text, projects, expected):
    doc = time_doc(text, projects)
    assert {(m.project.text, m.milestone, m.date) for m in extract_milestones(doc, subject_project_start)} == expected


@pytest.mark.parametrize("text, expected", [
    # a milestone of many with no project of its own: the project at whose site the sentence opens, dated by
    # the day the sentence states (unread without a publication date), not by the batch's year
    ("18日上午，东川开发区青禾智能穿戴产业园三期项目建设工地上，东川市2020年重点项目开工仪式在这里举行。",
     {("青禾智能穿戴产业园三期项目", "开工", None)}),
    ("东川开发区青禾智能穿戴产业园三期项目已投产，东川市2020年重大项目集中开工。", set()),  # not at its site
])
def test_a_milestone_of_many_at_the_site_a_sentence_opens_with(text, expected):
    doc = time_doc(text, ("青禾智能穿戴产业园三期项目",), date=None)
    assert {(m.project.text, m.milestone, m.date) for m in extract_milestones(doc, subject_project_start)
            if m.milestone == "开工"} == expected


@pytest.mark.parametrize("text, companies, expected", [
    # a list the text calls projects: a name the recognizer did not give is one when it ends with a works
    # word or the work done (a phase after it), or when the recognizer named the company it is told by
    ("东川区共有青峰扩容、西岭污水管网三期、岚山检测实验室等5个项目集中开工。", (),
     {("青峰扩容", "开工", None), ("西岭污水管网三期", "开工", None), ("岚山检测实验室", "开工", None)}),
    ("东川区共推动青禾细胞、西岭导电浆料等16个项目全部开工。", (), set()),
    ("东川区共推动青禾细胞、西岭导电浆料等16个项目全部开工。", ("青禾细胞",), {("青禾细胞", "开工", None)}),
])
def test_names_of_a_list_of_projects_the_recognizer_did_not_give(text, companies, expected):
    doc = time_doc(text)
    doc.mentions += [Mention(doc.text.index(name), doc.text.index(name) + len(name), name, "Enterprise", source="test")
                     for name in companies]
    assert {(m.project.text, m.milestone, m.date) for m in extract_milestones(doc, subject_project_start)} == expected


@pytest.mark.parametrize("date, expected", [
    # a date of the word's own clause that the publication date would read is not the first clause's
    (None, {("西岭大桥", "开工", "2023-06"), ("西岭大桥", "合龙", None), ("西岭大桥", "通车", None)}),
    (PUBLISHED, {("西岭大桥", "开工", "2023-06"), ("西岭大桥", "合龙", "2024-04"), ("西岭大桥", "通车", "2024-12")}),
])
def test_a_clause_with_a_date_of_its_own_unread_has_none(date, expected):
    doc = time_doc("西岭大桥于2023年6月开工建设，今年4月实现合龙，预计年底建成通车。", ("西岭大桥",), date=date)
    assert {(m.project.text, m.milestone, m.date) for m in extract_milestones(doc, subject_project_start)} == expected


def test_a_headline_told_again_with_a_precise_date_is_one_milestone():
    doc = time_doc("百亿青禾钢铁项目5月投产\n\n记者获悉，由某集团投建的福建青禾钢铁项目今年5月12日将正式投产。",
               ("百亿青禾钢铁项目", "福建青禾钢铁项目"))
    assert {(m.project.text, m.milestone, m.date) for m in extract_milestones(doc, subject_project_start)} == {
        ("福建青禾钢铁项目", "投产", "2024-05-12")}


def test_a_list_of_projects_told_in_the_body_keeps_each_date():
    doc = time_doc("东川智能制造产业园项目5月开工，西岭智能制造产业园项目5月12日开工。",
               ("东川智能制造产业园项目", "西岭智能制造产业园项目"))
    assert {(m.project.text, m.date) for m in extract_milestones(doc, subject_project_start)} == {
        ("东川智能制造产业园项目", "2024-05"), ("西岭智能制造产业园项目", "2024-05-12")}


@pytest.mark.parametrize("text, projects, expected", [
    # further products of a capacity, of the same unit
    ("东川耐材项目年产镁砖6万吨，耐火材料15万吨，总投资3亿元。", ("东川耐材项目",),
     {("东川耐材项目", "capacity", "年产", 60000, "吨"), ("东川耐材项目", "capacity", "年产", 150000, "吨"),
      ("东川耐材项目", "investment", "总投资", 300000000, "CNY")}),
    # a capacity a project's name holds, not a class of ships
    ("青禾化工6万吨聚甲醛项目开工。", ("青禾化工6万吨聚甲醛项目",),
     {("青禾化工6万吨聚甲醛项目", "capacity", "6万吨", 60000, "吨")}),
    ("东川石化20万吨/年EVA装置投产。", ("东川石化20万吨/年EVA装置",),
     {("东川石化20万吨/年EVA装置", "capacity", "20万吨/年", 200000, "吨")}),
    ("东川纺织30万锭环纺项目开工。", ("东川纺织30万锭环纺项目",),
     {("东川纺织30万锭环纺项目", "capacity", "30万锭", 300000, "锭")}),
    ("东川港3000吨级码头项目开工。", ("东川港3000吨级码头项目",), set()),
    # a word after its amount (10万吨年产能, 30亿元以上的工业产值); the unit must fit the kind
    ("东川锂电项目全部建成达产后，将形成10万吨年产能，每年可带来30亿元以上的工业产值。", ("东川锂电项目",),
     {("东川锂电项目", "capacity", "年产能", 100000, "吨"),
      ("东川锂电项目", "output_value", "工业产值", 3000000000, "CNY")}),
    ("东川锂电项目将形成年产5000吨、产值超10亿元的生产能力。", ("东川锂电项目",),
     {("东川锂电项目", "capacity", "年产", 5000, "吨"), ("东川锂电项目", "output_value", "产值", 1000000000, "CNY")}),
    # a project named right after 其中 is one of the projects counted, not a part
    ("东川区一季度集中开工项目35个，总投资120亿元，其中青禾新材料项目总投资20亿元。", ("青禾新材料项目",),
     {("青禾新材料项目", "investment", "总投资", 2000000000, "CNY")}),
    ("青禾城市综合体项目总投资50亿元，其中商业广场总面积8万平方米。", ("青禾城市综合体项目",),
     {("青禾城市综合体项目", "investment", "总投资", 5000000000, "CNY")}),
    # the project the clause after an investment builds
    ("青禾建设有限公司投资近24亿元，将在东川建设五金机电城项目。", ("五金机电城项目",),
     {("五金机电城项目", "investment", "投资", 2400000000, "CNY")}),
    ("青禾建设有限公司投资近24亿元，东川五金机电城项目加快推进。", ("东川五金机电城项目",), set()),
    # further products told after their amounts, to a list's 及; not an amount of another unit or word
    ("东川化工项目将建设年产50万吨磷酸铁、20万吨焦化及30万吨双氧水等装置。", ("东川化工项目",),
     {("东川化工项目", "capacity", "年产", 500000, "吨"), ("东川化工项目", "capacity", "年产", 200000, "吨"),
      ("东川化工项目", "capacity", "年产", 300000, "吨")}),
    ("东川化工项目年产磷酸铁50万吨，总投资20亿元。", ("东川化工项目",),
     {("东川化工项目", "capacity", "年产", 500000, "吨"),
      ("东川化工项目", "investment", "总投资", 2000000000, "CNY")}),
    ("东川化工项目年产50万吨、20万吨。", ("东川化工项目",), {("东川化工项目", "capacity", "年产", 500000, "吨")}),
    ("青禾化工年产2万吨碳酸锂工厂项目签约。落户东川的2万吨碳酸锂工厂项目占地400亩。",
     ("青禾化工年产2万吨碳酸锂工厂项目", "2万吨碳酸锂工厂项目"),
     {("青禾化工年产2万吨碳酸锂工厂项目", "capacity", "年产", 20000, "吨"),
      ("2万吨碳酸锂工厂项目", "area", "占地", 400, "亩")}),  # the short name's capacity is the long one's
    # the subject before 由 is what the sentence after points back to
    ("东川电池项目由青禾集团投资建设，建设年产10GWh锂电池生产线。项目建成后，预计年产值20亿元。", ("年产10GWh锂电池生产线",),
     {("年产10GWh锂电池生产线", "capacity", "年产", 10000000, "千瓦时"),
      ("东川电池项目", "output_value", "年产值", 2000000000, "CNY")}),
    # words of an amount: 签约额, 增资, 年可生产
    ("该项目占地5000平方米，签约额1.15亿元。", (), set()),  # no project before it
    ("东川材料项目负责人介绍，该项目签约额1.15亿元。", ("东川材料项目",),
     {("东川材料项目", "investment", "签约额", 115000000, "CNY")}),
    ("为确保东川钢铁项目按时投产，某集团日前再增资4.99亿美元。", ("东川钢铁项目",),
     {("东川钢铁项目", "investment", "增资", 499000000, "USD")}),
    ("东川钢铁项目投产后年可生产高端合金板材72万吨。", ("东川钢铁项目",),
     {("东川钢铁项目", "capacity", "年可生产", 720000, "吨")}),
    # a range: its low end; more words of capacity, output and area
    ("东川电池项目总投资10亿至12亿元，项目用地120亩。", ("东川电池项目",),
     {("东川电池项目", "investment", "总投资", 1000000000, "CNY"), ("东川电池项目", "area", "用地", 120, "亩")}),
    ("东川风电场项目总装机规模20万千瓦，总投资8-10亿元，达产后年营收5亿元。", ("东川风电场项目",),
     {("东川风电场项目", "capacity", "装机规模", 200000, "千瓦"),
      ("东川风电场项目", "investment", "总投资", 800000000, "CNY"),
      ("东川风电场项目", "output_value", "年营收", 500000000, "CNY")}),
    # a capacity in the name of a listed project is its own
    ("在东川无人机基地项目、青禾年产10万片氮化镓衬底项目，考察团深入了解情况。",
     ("东川无人机基地项目", "青禾年产10万片氮化镓衬底项目"),
     {("青禾年产10万片氮化镓衬底项目", "capacity", "年产", 100000, "片")}),
    # a clause opening with a company's legal name and a project: the name after the company
    ("其中，东川青禾科技有限公司硅碳负极材料研发制造项目，占地约350亩。", (),
     {("硅碳负极材料研发制造项目", "area", "占地", 350, "亩")}),
    # a count of equal units multiplies the amount; a part after 其中 has its own figures
    ("东川电厂三期4×66万千瓦燃煤发电项目开工，总装机容量2×35万千瓦。", ("东川电厂三期4×66万千瓦燃煤发电项目",),
     {("东川电厂三期4×66万千瓦燃煤发电项目", "capacity", "4×66万千瓦", 2640000, "千瓦"),
      ("东川电厂三期4×66万千瓦燃煤发电项目", "capacity", "总装机容量", 700000, "千瓦")}),
    ("东川中心项目总投资50亿元，其中商业广场总建筑面积8万平方米。", ("东川中心项目",),
     {("东川中心项目", "investment", "总投资", 5000000000, "CNY")}),
    ("东川零部件项目开工，项目建设面积约3.5万平方米。", ("东川零部件项目",),
     {("东川零部件项目", "area", "建设面积", 35000, "平方米")}),
    # the object a clause before builds is not the subject of the figure
    ("青禾智能装备制造项目总投资20亿元，主要建设智能装备生产线，达产后年产值30亿元。",
     ("青禾智能装备制造项目", "智能装备生产线"),
     {("青禾智能装备制造项目", "investment", "总投资", 2000000000, "CNY"),
      ("青禾智能装备制造项目", "output_value", "年产值", 3000000000, "CNY")}),
    # the amounts of a list after one word are of its kind; a clause going on with 项目 before a
    # noun after 的 that is no project is the project's
    ("总投资490亿元的东川临空枢纽建设项目、105亿元的西岭生物医药产业园项目……时值立春，全市956个重点项目集中开工。",
     ("东川临空枢纽建设项目", "西岭生物医药产业园项目"),
     {("东川临空枢纽建设项目", "investment", "总投资", 49000000000, "CNY"),
      ("西岭生物医药产业园项目", "investment", "总投资", 10500000000, "CNY")}),
    ("近日，总投资4亿元的东川零部件项目在经开区开工，项目将建设面积超3.5万平方米的新总部。", ("东川零部件项目",),
     {("东川零部件项目", "investment", "总投资", 400000000, "CNY"),
      ("东川零部件项目", "area", "建设面积", 35000, "平方米")}),
    ("全区总投资30亿元的项目有5个。", (), set()),
    # the total of a list of projects is none of theirs
    ("开工的项目有：投资1亿元的东川材料项目、投资2亿元的西岭电池项目等2个项目，总投资3亿元。",
     ("东川材料项目", "西岭电池项目"),
     {("东川材料项目", "investment", "投资", 100000000, "CNY"), ("西岭电池项目", "investment", "投资", 200000000, "CNY")}),
    ("此次集中开工的项目包括青禾新材料项目、鹤岭物流园项目和东川污水处理厂扩建工程，总投资35亿元。",
     ("青禾新材料项目", "鹤岭物流园项目", "东川污水处理厂扩建工程"), set()),
    # a place opening the subject's name stays in it
    ("绵阳市青禾研创园项目占地约89亩，建筑面积约10.2万平方米。", (),
     {("绵阳市青禾研创园项目", "area", "占地", 89, "亩"), ("绵阳市青禾研创园项目", "area", "建筑面积", 102000, "平方米")}),
    # a project a signing names is the one the next sentence points back to
    ("签约仪式上，东川区签约年产5万吨丙烯系列产品项目。该项目占地5000平方米。", (),
     {("年产5万吨丙烯系列产品项目", "capacity", "年产", 50000, "吨"),
      ("年产5万吨丙烯系列产品项目", "area", "占地", 5000, "平方米")}),
    # 耗资 is an investment; a count of projects of a kind of two words joined by 和 takes no figure
    ("东川文旅小镇项目位于站前大道东侧，占地约366亩，耗资近20亿元。", ("东川文旅小镇项目",),
     {("东川文旅小镇项目", "area", "占地", 366, "亩"), ("东川文旅小镇项目", "investment", "耗资", 2000000000, "CNY")}),
    ("活动共签约17个招商类及招才引智项目，总投资182亿元。", ("招才引智项目",), set()),
    # an amount's 的 names the project: a works or park word or 中心, or an item of a list closed by 等…项目
    ("在电子信息产业，总投资43.4亿元的东川智算中心建成投用，可提供大算力服务。", (),
     {("东川智算中心", "investment", "总投资", 4340000000, "CNY")}),
    ("某市谋划实施一批项目，总投资15亿元的东川航空产品升级改造、总投资14.2亿元的西岭轴承生产建设等项目，将注入新动力。", (),
     {("东川航空产品升级改造", "investment", "总投资", 1500000000, "CNY"),
      ("西岭轴承生产建设", "investment", "总投资", 1420000000, "CNY")}),
    ("总投资15亿元的东川航空升级改造、总投资14.2亿元的西岭轴承生产建设、东川电驱系统新基地等项目，将注入新动力。",
     ("东川电驱系统新基地",), {("东川航空升级改造", "investment", "总投资", 1500000000, "CNY"),
                           ("西岭轴承生产建设", "investment", "总投资", 1420000000, "CNY")}),
    ("总投资30亿元的项目已开工。", (), set()),
    ("东川电站项目总造价12亿元，装机总容量120万千瓦。", ("东川电站项目",),
     {("东川电站项目", "investment", "总造价", 1200000000, "CNY"),
      ("东川电站项目", "capacity", "装机总容量", 1200000, "千瓦")}),
    # a name the recognizer cut after its capacity per year (20万吨/|年…) takes it back, with the short
    # name before it, not a company's
    ("东川高新20万吨/年EVA项目是全省首套EVA项目。", ("年EVA项目",),
     {("东川高新20万吨/年EVA项目", "capacity", "20万吨/年", 200000, "吨")}),
    ("市主会场设在东川新材料有限公司20万吨/年顺酐装置项目现场。", ("年顺酐装置项目",),
     {("20万吨/年顺酐装置项目", "capacity", "20万吨/年", 200000, "吨")}),
    # amounts told as at least (高达, 不少于) or more than (50多亿元, 30余万吨): the number
    ("东川化工项目总投资高达50亿元，年产30余万吨。", ("东川化工项目",),
     {("东川化工项目", "investment", "总投资", 5000000000, "CNY"), ("东川化工项目", "capacity", "年产", 300000, "吨")}),
    ("东川化工项目计划总投资不少于5亿元。西岭港口项目总投资50多亿元。", ("东川化工项目", "西岭港口项目"),
     {("东川化工项目", "investment", "计划总投资", 500000000, "CNY"),
      ("西岭港口项目", "investment", "总投资", 5000000000, "CNY")}),
    # 待…后 opens a time to come: the clause goes on about the project before
    ("东川机械制造项目占地面积1万平方米。待项目全部达产后，年销售收入可达2.1亿元。", ("东川机械制造项目",),
     {("东川机械制造项目", "area", "占地面积", 10000, "平方米"),
      ("东川机械制造项目", "output_value", "年销售收入", 210000000, "CNY")}),
    # the object of 建设 to the clause's end, ending with 项目, is the project the clause before invests in
    ("东川建设有限公司投资近24亿元，将在西岭建设国际建材商贸城项目。该项目总建筑面积43.89万平方米。", (),
     {("国际建材商贸城项目", "investment", "投资", 2400000000, "CNY"),
      ("国际建材商贸城项目", "area", "总建筑面积", 438900, "平方米")}),
    ("全市完成投资20亿元，要加快建设重点项目。", (), set()),
    # 的生产能力 names what the amounts are: they are of the project the text is about
    ("东川酒村项目自去年8月开工以来进展良好。项目建成后，将形成年产成品酒5000吨、产值超10亿元的生产能力。",
     ("东川酒村项目",), {("东川酒村项目", "capacity", "年产", 5000, "吨"),
                    ("东川酒村项目", "output_value", "产值", 1000000000, "CNY")}),
    ("总投资405亿元的29个项目签约落户东川。", (), set()),
    # what a project builds (将建设占地772亩的某某基地, 建设面积3.5万平方米的某某中心): the project's figure
    ("青禾花卉种植项目计划总投资3.1亿元，将在青峰镇建设占地面积772亩的花卉苗木种植基地。",
     ("青禾花卉种植项目", "花卉苗木种植基地"),
     {("青禾花卉种植项目", "investment", "计划总投资", 310000000, "CNY"),
      ("青禾花卉种植项目", "area", "占地面积", 772, "亩")}),
    ("东川零部件项目开工，项目将建设面积3.5万平方米的综合性总部基地，集研发、营销于一体。", ("东川零部件项目",),
     {("东川零部件项目", "area", "建设面积", 35000, "平方米")}),
    # 面积 after a pause is the project's area, not 灌溉面积; capacities of a farm and a water plant
    ("东川中心项目总投资50亿元，集酒店、商务办公于一体，面积12万平方米。", ("东川中心项目",),
     {("东川中心项目", "investment", "总投资", 5000000000, "CNY"), ("东川中心项目", "area", "面积", 120000, "平方米")}),
    ("东川水利工程设计灌溉面积30.59万亩。", ("东川水利工程",), set()),
    ("青禾生猪养殖项目建成后年出栏生猪10万头。", ("青禾生猪养殖项目",),
     {("青禾生猪养殖项目", "capacity", "年出栏", 100000, "头")}),
    ("东川第二水厂工程日供水能力10万立方米。", ("东川第二水厂工程",),
     {("东川第二水厂工程", "capacity", "日供水", 100000, "立方米")}),
    ("2023年10月，青禾集团与东川区政府签约，计划投资20亿元建设青禾锂电新材料产业园。", (),
     {("青禾锂电新材料产业园", "investment", "计划投资", 2000000000, "CNY")}),
    # a sentence opening with what the project builds or where it lies goes on about it; one with its own subject not
    ("青禾电池项目于今年3月开工。主要建设动力电池生产线，总投资20亿元。", ("青禾电池项目",),
     {("青禾电池项目", "investment", "总投资", 2000000000, "CNY")}),
    ("青禾电池项目于今年3月开工。位于东川经开区，占地300亩。", ("青禾电池项目",),
     {("青禾电池项目", "area", "占地", 300, "亩")}),
    ("青禾电池项目于今年3月开工。全区完成投资20亿元。", ("青禾电池项目",), set()),
    # amounts told 分别 of the projects listed before: the n-th is the n-th project's; a count that differs, none
    ("青禾电池项目、鹤岭冷链项目总投资分别为10亿元、8亿元。", ("青禾电池项目", "鹤岭冷链项目"),
     {("青禾电池项目", "investment", "总投资", 1000000000, "CNY"), ("鹤岭冷链项目", "investment", "总投资", 800000000, "CNY")}),
    ("青禾电池项目、鹤岭冷链项目总投资分别为10亿元、8亿元、5亿元。", ("青禾电池项目", "鹤岭冷链项目"), set()),
    # a phase's figure after 其中 is the project's, a part's is none's
    ("青禾电池项目总投资20亿元，其中一期投资8亿元。", ("青禾电池项目",),
     {("青禾电池项目", "investment", "总投资", 2000000000, "CNY"), ("青禾电池项目", "investment", "投资", 800000000, "CNY")}),
    ("青禾商业项目总投资20亿元，其中商业广场总面积8万平方米。", ("青禾商业项目",),
     {("青禾商业项目", "investment", "总投资", 2000000000, "CNY")}),
    ("东川人民医院新院区项目设置床位1200张。", ("东川人民医院新院区项目",),
     {("东川人民医院新院区项目", "capacity", "床位", 1200, "张")}),
    # more words of amounts (处理能力, 总概算, 营收) and of the gap before them (突破, 实现, 多达)
    ("东川污水处理厂工程处理能力5万吨，总概算突破3亿元，建成后年营收可实现2亿元。", ("东川污水处理厂工程",),
     {("东川污水处理厂工程", "capacity", "处理能力", 50000, "吨"),
      ("东川污水处理厂工程", "investment", "总概算", 300000000, "CNY"),
      ("东川污水处理厂工程", "output_value", "年营收", 200000000, "CNY")}),
    # the project of an agreement signed, not the signing after a company's name
    ("东川高新区与鹤岭科技有限公司正式签订半导体封装测试基地项目投资协议，项目计划总投资30亿元。", (),
     {("半导体封装测试基地项目", "investment", "计划总投资", 3000000000, "CNY")}),
    # an investment may leave its 元 unsaid after 亿 or 万; a capacity may not
    ("签约项目有总投资26亿的东川铝材项目、总投资800万的青禾茶叶项目。", ("东川铝材项目", "青禾茶叶项目"),
     {("东川铝材项目", "investment", "总投资", 2600000000, "CNY"),
      ("青禾茶叶项目", "investment", "总投资", 8000000, "CNY")}),
    ("东川铝材项目年产10万的目标已定，总投资5亿！", ("东川铝材项目",),
     {("东川铝材项目", "investment", "总投资", 500000000, "CNY")}),
    # a quoted report with a bare 项目 goes on about the project told before it, past a sentence that
    # points back itself and names only where the project is
    ("东川汽车工厂项目位于东川大道，总投资79亿元。这个重大项目是为了加快建设东川汽车城。"
     "“项目达产后，可年产新能源汽车20万辆，产值将达到600亿元。”负责人介绍。", ("东川汽车工厂项目", "东川汽车城"),
     {("东川汽车工厂项目", "investment", "总投资", 7900000000, "CNY"),
      ("东川汽车工厂项目", "capacity", "可年产", 200000, "辆"),
      ("东川汽车工厂项目", "output_value", "产值", 60000000000, "CNY")}),
    # a sentence opening with a condition of no subject goes on about the project before
    # the other party of a signing after a company's name is no part of the project's name
    ("签约仪式上，青禾科技有限公司与东川区政府签订年产5万吨新材料项目投资协议，项目总投资12亿元。", (),
     {("年产5万吨新材料项目", "capacity", "年产", 50000, "吨"),
      ("年产5万吨新材料项目", "investment", "总投资", 1200000000, "CNY")}),
    ("东川硅业项目总投资50亿元。全面达产后，年产值可达30亿元。", ("东川硅业项目",),
     {("东川硅业项目", "investment", "总投资", 5000000000, "CNY"),
      ("东川硅业项目", "output_value", "年产值", 3000000000, "CNY")}),
    # a mention of two names joined by 及, the first with a note after it: two projects, each with its capacity
    ("车间另一侧是青禾二期年产120万吨瓦楞纸扩建项目(第三条产线)及年产40万吨木浆扩建项目现场。",
     ("青禾二期年产120万吨瓦楞纸扩建项目(第三条产线)及年产40万吨木浆扩建项目",),
     {("青禾二期年产120万吨瓦楞纸扩建项目(第三条产线)", "capacity", "年产", 1200000, "吨"),
      ("年产40万吨木浆扩建项目", "capacity", "年产", 400000, "吨")}),
    # an amount before 产能 is a capacity, but not an area (kg/data/area_units.txt)
    ("东川电池项目建成后将形成10万吨年产能。", ("东川电池项目",), {("东川电池项目", "capacity", "年产能", 100000, "吨")}),
    ("东川电池项目建成后将形成300亩年产能。", ("东川电池项目",), set()),
    # the short names of 立方米 and the long one of 标箱
    ("东川水库工程总库容1.2亿方。", ("东川水库工程",), {("东川水库工程", "capacity", "总库容", 120000000, "立方米")}),
    ("东川水库工程总库容1200万立方。", ("东川水库工程",), {("东川水库工程", "capacity", "总库容", 12000000, "立方米")}),
    ("西岭港区项目年吞吐量200万标准箱。", ("西岭港区项目",), {("西岭港区项目", "capacity", "年吞吐量", 2000000, "标箱")}),
    # a name the recognizer read on into a figure after it is cut before the figure's word (not 年产10万吨某某项目)
    ("东川抽水蓄能电站总装机容量120万千瓦，总投资80亿元。", ("东川抽水蓄能电站总装机容量120万千瓦",),
     {("东川抽水蓄能电站", "capacity", "总装机容量", 1200000, "千瓦"),
      ("东川抽水蓄能电站", "investment", "总投资", 8000000000, "CNY")}),
    ("东川电站装机容量为12万千瓦。", ("东川电站装机",), {("东川电站", "capacity", "装机容量", 120000, "千瓦")}),
    # a quote with no project of its own: the project at whose site the sentence after says it was told
    ("“全面达产后，年可产薄膜产品35万吨、产值50亿元。”5月8日，在东川新材料基地一期生产车间里，项目负责人介绍。",
     ("东川新材料基地",), {("东川新材料基地", "capacity", "年可产", 350000, "吨"),
                         ("东川新材料基地", "output_value", "产值", 5000000000, "CNY")}),
    ("“全面达产后，年产值50亿元。”东川新材料基地的负责人介绍。", ("东川新材料基地",), set()),  # no site
    # a works word inside the words after a project (分临港…) names no part of it
    ("总投资约60亿元的东川物流项目分临港仓储和铁路专线两个区块开发。", ("东川物流项目",),
     {("东川物流项目", "investment", "总投资", 6000000000, "CNY")}),
    # a record without its name after one with it: its amount is another item's, not the named project's
    ("项目名称：东川文旅综合体项目\n\n合作方：青禾集团\n\n投资规模：80亿元\n\n合作方：西岭建设\n\n投资规模：20亿元\n",
     ("东川文旅综合体项目",), {("东川文旅综合体项目", "investment", "投资规模", 8000000000, "CNY")}),
    # a phase's amount told after the project's is the project's
    ("东川文旅综合体项目位于青禾镇。\n\n一期投资规模：80亿元\n\n二期投资规模：20亿元\n", ("东川文旅综合体项目",),
     {("东川文旅综合体项目", "investment", "投资规模", 8000000000, "CNY"),
      ("东川文旅综合体项目", "investment", "投资规模", 2000000000, "CNY")}),
])
def test_figures_of_lists_names_and_further_products(text, projects, expected):
    doc = time_doc(text, projects)
    assert {(f.project.text, f.kind, f.qualifier, f.value, f.unit) for f in extract_project_facts(doc, subject_project_start)[1]} == expected


def test_a_place_or_person_the_recognizer_named_is_no_listed_project():
    doc = time_doc("东川、青禾产业园等多个项目同时开工。")
    doc.mentions.append(Mention(0, 2, "东川", "Place", source="test"))
    assert {(m.project.text, m.milestone) for m in extract_milestones(doc, subject_project_start)} == {
        ("青禾产业园", "开工")}


@pytest.mark.parametrize("text, place, expected", [
    # generic words after a place the recognizer named: the place's projects, a kind of them
    ("昨天，东川举行2024年春季东川市产业项目云签约仪式。", "东川市", set()),
    ("第二十届东博会东川市招商引资重点项目集中签约活动昨日举行。", "东川市", set()),
    # not a name that only holds the place
    ("东川市青禾产业项目签约。", "东川市", {("东川市青禾产业项目", "签约")}),
])
def test_generic_projects_of_a_place_name_none(text, place, expected):
    doc = time_doc(text, ("春季东川市产业项目", "东川市重点招商引资项目", "东川市青禾产业项目"))
    start = text.find(place)
    doc.mentions.append(Mention(start, start + len(place), place, "Place", source="test"))
    assert {(m.project.text, m.milestone) for m in extract_milestones(doc, subject_project_start)} == expected


@pytest.mark.parametrize("text, park, expected", [
    # a park built opening the word's own clause is its project, with its phase; not a park of companies
    ("青禾锂电新材料产业园一期已建成投产。", "青禾锂电新材料产业园", {("青禾锂电新材料产业园一期", "投产")}),
    ("东川物流园于5月建成投用。", "东川物流园", {("东川物流园", "投产")}),
    ("青禾高端装备产业园已初具规模，24家企业签约入驻。", "青禾高端装备产业园", set()),
    ("东川高新区今年新开工项目12个。", "东川高新区", set()),
])
def test_a_park_built_is_the_project_of_its_clause(text, park, expected):
    doc = time_doc(text)
    doc.mentions.append(Mention(0, len(park), park, "Park", source="test"))
    assert {(m.project.text, m.milestone) for m in extract_milestones(doc, subject_project_start)} == expected


def test_the_area_units_are_base_units_of_the_amount_units():
    assert load_set("area_units.txt") <= {row[1] for row in load_table("amount_units.tsv")}


def test_every_figure_word_opens_a_figure():
    from kg.relations.milestones import _figure_pattern

    pattern, kinds, _units = _figure_pattern()
    for word in kinds:
        m = pattern.search(f"，{word}12亿元")
        assert m and m.group("word") == word, word


def test_figure_words_longer_than_a_length():
    from kg.relations.milestones import _figure_pattern, _figure_words_longer_than

    words = _figure_pattern()[1]
    assert set(_figure_words_longer_than(2)) == {w for w in words if len(w) > 2}
    assert _figure_words_longer_than(99) == ()
