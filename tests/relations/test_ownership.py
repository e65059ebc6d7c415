"""owns_project (kg.relations.ownership) on small sentences written for these tests.

The mentions are given (``make_doc`` plays a perfect recognizer), so each test checks
the relation patterns alone; the names are invented.
"""
from __future__ import annotations

import pytest

from kg.relations import extract_relations
from tests.conftest import make_doc, triples


@pytest.mark.parametrize("text, names, label, found, not_found", [
    pytest.param("恒远机械智能物流装备制造项目由山东恒远机械股份有限公司投资建设，总投资2亿元。",
                 [("恒远机械智能物流装备制造项目", "Project"), ("山东恒远机械股份有限公司", "Enterprise")],
                 "owns_project", {("山东恒远机械股份有限公司", "owns_project", "恒远机械智能物流装备制造项目")}, set(), id="project_built_by_owner_named_after_it"),
    pytest.param("兰溪恒远新能源电池项目签约,恒远将在兰溪建设生产基地。",
                 [("兰溪恒远新能源电池项目", "Project"), ("兰溪恒远", "Enterprise"), ("恒远", "Enterprise"),
                  ("兰溪", "Place")],
                 "owns_project", {("恒远", "owns_project", "兰溪恒远新能源电池项目")},
                 {("兰溪恒远", "owns_project", "兰溪恒远新能源电池项目")},
                 id="place_before_a_company_named_alone_opens_the_project_not_its_owner"),
    pytest.param("本周,远拓汽车在匈牙利举行匈牙利电池工厂投产仪式。",
                 [("远拓汽车", "Enterprise"), ("匈牙利", "Place"), ("匈牙利电池工厂", "Project")],
                 "owns_project", {("远拓汽车", "owns_project", "匈牙利电池工厂")}, set(),
                 id="company_holding_the_ceremony_of_a_project_owns_it"),
    pytest.param("远拓白河储能装备产业园项目开工。",
                 [("远拓白河储能装备产业园项目", "Project"), ("白河", "Place")],
                 "owns_project", {("远拓", "owns_project", "远拓白河储能装备产业园项目")}, set(),
                 id="words_no_recognizer_named_before_a_place_in_a_project_name_are_its_owner"),
    pytest.param("春季白河招商项目签约。",
                 [("春季白河招商项目", "Project"), ("白河", "Place")],
                 "owns_project", set(), {("春季", "owns_project", "春季白河招商项目")},
                 id="a_season_before_a_place_is_no_owner"),
    pytest.param("新建白河储能电站项目开工。",
                 [("新建白河储能电站项目", "Project"), ("白河", "Place")],
                 "owns_project", set(), {("新建", "owns_project", "新建白河储能电站项目")},
                 id="a_verb_of_building_before_a_place_is_no_owner"),
    pytest.param("远拓与白河储能电站项目开工。",
                 [("远拓与白河储能电站项目", "Project"), ("白河", "Place")],
                 "owns_project", set(), {("远拓与", "owns_project", "远拓与白河储能电站项目")},
                 id="words_ending_in_a_conjunction_before_a_place_are_no_owner"),
    pytest.param("远拓集团与青禾能源有限公司共同投资建设白河储能电站项目。",
                 [("远拓集团", "Enterprise"), ("青禾能源有限公司", "Enterprise"), ("白河储能电站项目", "Project")],
                 "owns_project", {("远拓集团", "owns_project", "白河储能电站项目"),
                                  ("青禾能源有限公司", "owns_project", "白河储能电站项目")}, set(),
                 id="companies_joined_before_jointly_building_own_the_project_together"),
    pytest.param("远拓集团与青禾能源有限公司签约,白河县将建设储能电站项目。",
                 [("远拓集团", "Enterprise"), ("青禾能源有限公司", "Enterprise"), ("白河县", "Place"),
                  ("储能电站项目", "Project")],
                 "owns_project", set(), {("远拓集团", "owns_project", "储能电站项目")},
                 id="companies_joined_without_a_word_of_doing_it_together_own_nothing"),
    pytest.param("远拓集团投资10亿元的青禾新能源电池项目开工。",
                 [("远拓集团", "Enterprise"), ("青禾新能源电池项目", "Project")],
                 "owns_project", {("远拓集团", "owns_project", "青禾新能源电池项目")}, set(),
                 id="company_investing_an_amount_de_owns_the_project"),
    pytest.param("远拓集团将在青川县建设青禾新能源电池项目。",
                 [("远拓集团", "Enterprise"), ("青川县", "Place"), ("青禾新能源电池项目", "Project")],
                 "owns_project", {("远拓集团", "owns_project", "青禾新能源电池项目")}, set(),
                 id="company_that_will_build_in_a_place_owns_the_project"),
    pytest.param("青禾冷链物流园项目的投资方为远拓物流有限公司。",
                 [("青禾冷链物流园项目", "Project"), ("远拓物流有限公司", "Enterprise")],
                 "owns_project", {("远拓物流有限公司", "owns_project", "青禾冷链物流园项目")}, set(),
                 id="owner_label_after_de_with_wei_names_the_owner"),
    pytest.param("青禾冷链物流园项目由远拓物流有限公司负责实施。",
                 [("青禾冷链物流园项目", "Project"), ("远拓物流有限公司", "Enterprise")],
                 "owns_project", {("远拓物流有限公司", "owns_project", "青禾冷链物流园项目")}, set(),
                 id="project_carried_out_by_a_company_is_its"),
    pytest.param("渭城新区鼎泰研发总部项目开工。",
                 [("渭城新区鼎泰研发总部项目", "Project"), ("渭城新区", "Park"), ("鼎泰", "Enterprise")],
                 "owns_project", {("鼎泰", "owns_project", "渭城新区鼎泰研发总部项目")}, set(), id="company_named_inside_a_project_after_its_park_owns_it"),
])
def test_relations_found_and_not_found(text, names, label, found, not_found):
    got = triples(make_doc(text, names), label)
    assert found <= got
    assert not got & not_found


@pytest.mark.parametrize("text, names, label, expected", [
    pytest.param("南湖中心广场和滨江产业园二期项目同日开工。",
                 [("南湖中心广场", "Project"), ("南湖", "Enterprise"), ("南湖", "Place"),
                    ("滨江产业园二期项目", "Project"), ("滨江", "Enterprise"), ("滨江产业园", "Park")],
                 "owns_project", set(), id="place_or_park_at_the_start_of_a_project_is_no_owner"),
    pytest.param("瑞丰电子新能源电机项目开工。",
                 [("瑞丰电子新能源电机项目", "Project"), ("瑞丰电子", "Enterprise")],
                 "owns_project", {("瑞丰电子", "owns_project", "瑞丰电子新能源电机项目")}, id="company_name_starting_a_project_owns_it"),
    pytest.param("其中，北岭智能装备产业园项目总投资30亿元，由恒远机械有限公司、东方材料研究院按照“基金+园区”模式联合投资建设。",
                 [("北岭智能装备产业园项目", "Project"), ("恒远机械有限公司", "Enterprise"),
                    ("东方材料研究院", "Organization")],
                 "owns_project", {
        ("恒远机械有限公司", "owns_project", "北岭智能装备产业园项目"),
        ("东方材料研究院", "owns_project", "北岭智能装备产业园项目")}, id="every_owner_after_you_owns_the_sentence_project"),
    pytest.param("由恒远机械股份有限公司投资建设的恒远精密铸件项目今天投产。",
                 [("恒远机械股份有限公司", "Enterprise"), ("恒远精密铸件项目", "Project")],
                 "owns_project", {("恒远机械股份有限公司", "owns_project", "恒远精密铸件项目")}, id="owner_after_you_owns_the_project_after_the_verb"),
    pytest.param("该项目由恒远机械有限公司在金州区建设的工厂承接。",
                 [("恒远机械有限公司", "Enterprise"), ("金州区", "Place")],
                 "owns_project", set(), id="you_with_a_place_between_owner_and_verb_gives_nothing"),
    pytest.param("渭城新区西安物流枢纽项目开工。",
                 [("渭城新区西安物流枢纽项目", "Project"), ("渭城新区", "Park"), ("西安", "Place")],
                 "owns_project", set(), id="place_inside_a_project_owns_nothing"),
    pytest.param("恒通电子有限公司智能终端生产线和华瑞新材料公司的碳纤维生产基地入选。",
                 [("恒通电子有限公司", "Enterprise"), ("智能终端生产线", "Project"),
                    ("华瑞新材料公司", "Enterprise"), ("碳纤维生产基地", "Project")],
                 "owns_project", {("恒通电子有限公司", "owns_project", "智能终端生产线"),
                                            ("华瑞新材料公司", "owns_project", "碳纤维生产基地")}, id="owner_written_before_project_and_with_de"),
    pytest.param("1氢能重卡示范工程(牵头单位:东岳动力有限公司、山城理工学院)",
                 [("氢能重卡示范工程", "Project"), ("东岳动力有限公司", "Enterprise"), ("山城理工学院", "Organization")],
                 "owns_project", {("东岳动力有限公司", "owns_project", "氢能重卡示范工程"),
                                            ("山城理工学院", "owns_project", "氢能重卡示范工程")}, id="lead_units_in_parentheses"),
])
def test_relations_found_are_exactly(text, names, label, expected):
    assert triples(make_doc(text, names), label) == expected


def test_owner_that_is_in_charge_of_building_or_invests_the_total():
    names = [("瑞丰电子有限公司", "Enterprise"), ("新能源电机生产基地项目", "Project")]
    owned = {("瑞丰电子有限公司", "owns_project", "新能源电机生产基地项目")}
    assert triples(make_doc("瑞丰电子有限公司负责建设的新能源电机生产基地项目开工。", names)) == owned
    assert triples(make_doc("新能源电机生产基地项目由瑞丰电子有限公司总投资20亿元建设。", names)) == owned


STATED = [
    # a route from its first place lies in the place before it, not in its first end
    ("湖南岳阳至常德高速公路开工。", [("湖南", "Place"), ("岳阳", "Place"), ("常德", "Place"),
                                ("湖南岳阳至常德高速公路", "Project")],
     {("湖南岳阳至常德高速公路", "located_in", "湖南")}, {("湖南岳阳至常德高速公路", "located_in", "岳阳")}),
    ("柳州至梧州铁路开工。", [("柳州", "Place"), ("梧州", "Place"), ("柳州至梧州铁路", "Project")],
     set(), {("柳州至梧州铁路", "located_in", "柳州")}),
    # 某开发区以 A 为龙头
    ("青川经开区以远拓股份为龙头,打造食品加工产业集群。",
     [("青川经开区", "Park"), ("远拓股份", "Enterprise")], {("远拓股份", "located_in", "青川经开区")}, set()),
    # X 2022年在 L 建成投产的 Y: owner and place
    ("远拓汽车2021年在青川建成投产的白河工厂,目前满负荷运转。",
     [("远拓汽车", "Enterprise"), ("青川", "Place"), ("白河工厂", "Project")],
     {("白河工厂", "located_in", "青川"), ("远拓汽车", "owns_project", "白河工厂")}, set()),
    # X 地处 L 的核心区域: no name after 的, so the subject
    ("青川临港物流园地处临湖都市圈的腹地。",
     [("青川临港物流园", "Park"), ("临湖都市圈", "Place")],
     {("青川临港物流园", "located_in", "临湖都市圈")}, set()),
    # a park before a project that opens with its owner, then a place: both
    ("他走进白河高新区远拓粮谷洛阳新建饲料项目现场。",
     [("白河高新区", "Park"), ("远拓粮谷", "Enterprise"), ("洛阳", "Place"),
      ("远拓粮谷洛阳新建饲料项目", "Project")],
     {("远拓粮谷洛阳新建饲料项目", "located_in", "白河高新区"),
      ("远拓粮谷洛阳新建饲料项目", "located_in", "洛阳")}, set()),
    # X揭榜任务“Y”、Z揭榜任务“W”: the company right before the verb
    ("公布的名单里,远拓电器有限公司揭榜任务“智能断路器数字车间”、青禾光电有限公司揭榜任务“柔性面板未来工厂”。",
     [("远拓电器有限公司", "Enterprise"), ("智能断路器数字车间", "Project"),
      ("青禾光电有限公司", "Enterprise"), ("柔性面板未来工厂", "Project")],
     {("远拓电器有限公司", "owns_project", "智能断路器数字车间"),
      ("青禾光电有限公司", "owns_project", "柔性面板未来工厂")},
     {("远拓电器有限公司", "owns_project", "柔性面板未来工厂")}),
    # X…高标准打造“Y”: the only company of the sentence
    ("今年以来,远拓集团围绕主业转型,全力打造“临湖电商小镇”。",
     [("远拓集团", "Enterprise"), ("临湖电商小镇", "Project")],
     {("远拓集团", "owns_project", "临湖电商小镇")}, set()),
    # Y是X在L投资建设的…
    ("青川北郊变电站是远拓电力公司在青川区投资建设的首座智能变电站。",
     [("青川北郊变电站", "Project"), ("远拓电力公司", "Enterprise"), ("青川区", "Place")],
     {("远拓电力公司", "owns_project", "青川北郊变电站"), ("青川北郊变电站", "located_in", "青川区")},
     set()),
    # records of a list of projects
    ("3项目名称:青川滨湖新城项目\n\n签约企业:远拓置业有限公司\n\n计划投资:40亿元\n\n"
     "签约企业:白河建工有限公司\n\n计划投资:25亿元",
     [("青川滨湖新城项目", "Project"), ("远拓置业有限公司", "Enterprise"), ("白河建工有限公司", "Enterprise")],
     {("远拓置业有限公司", "owns_project", "青川滨湖新城项目")},
     {("白河建工有限公司", "owns_project", "青川滨湖新城项目")}),
    ("青川物流园项目;建设单位:远拓物流有限公司", [("青川物流园项目", "Project"), ("远拓物流有限公司", "Enterprise")],
     {("远拓物流有限公司", "owns_project", "青川物流园项目")}, set()),
]


@pytest.mark.parametrize("text, names, expected, absent", STATED)
def test_stated_location_and_owner(text, names, expected, absent):
    found = triples(make_doc(text, names))
    assert expected <= found
    assert not absent & found


def test_record_owner_named_only_once_as_a_mention_is_still_the_owner():
    text = "签约企业有远拓城市交通等。\n\n项目名称:青川超级工厂项目\n\n央企:远拓城市交通\n"
    doc = make_doc(text, [("远拓城市交通", "Enterprise"), ("青川超级工厂项目", "Project")])
    first = text.index("远拓城市交通")
    doc.mentions = [m for m in doc.mentions if m.type != "Enterprise" or m.start == first]
    extract_relations(doc)
    assert ("远拓城市交通", "owns_project", "青川超级工厂项目") in triples(doc)


INVESTS = [
    ("远拓新能源有限公司计划投资10亿元建设青川储能电池项目。",
     [("远拓新能源有限公司", "Enterprise"), ("青川储能电池项目", "Project")],
     {("远拓新能源有限公司", "owns_project", "青川储能电池项目")}),
    ("远拓集团拟投资5亿元,在临湖新区打造青禾智能制造基地。",
     [("远拓集团", "Enterprise"), ("临湖新区", "Park"), ("青禾智能制造基地", "Project")],
     {("远拓集团", "owns_project", "青禾智能制造基地")}),
    # an investment in something else of the clause is no ownership of a later project
    ("远拓集团投资5亿元,青川储能电池项目同步开工。",
     [("远拓集团", "Enterprise"), ("青川储能电池项目", "Project")], set()),
]


@pytest.mark.parametrize("text, names, expected", INVESTS)
def test_company_investing_to_build_owns_the_project(text, names, expected):
    assert triples(make_doc(text, names), "owns_project") == expected


SIGNED = [
    ("现场,青川县与远拓新能源有限公司签约青川储能电池项目。",
     [("青川县", "Place"), ("远拓新能源有限公司", "Enterprise"), ("青川储能电池项目", "Project")],
     {("远拓新能源有限公司", "owns_project", "青川储能电池项目")}),
    ("远拓集团与临湖新区管委会签订青禾智能制造基地项目投资协议。",
     [("远拓集团", "Enterprise"), ("临湖新区管委会", "GovOrg"), ("青禾智能制造基地项目", "Project")],
     {("远拓集团", "owns_project", "青禾智能制造基地项目")}),
    # two companies signing: which one owns it is not said
    ("远拓集团与青禾控股有限公司签约白河物流园项目。",
     [("远拓集团", "Enterprise"), ("青禾控股有限公司", "Enterprise"), ("白河物流园项目", "Project")], set()),
    # the project in a later clause is not the one signed
    ("青川县与远拓集团签约,白河物流园项目同步开工。",
     [("青川县", "Place"), ("远拓集团", "Enterprise"), ("白河物流园项目", "Project")], set()),
]


@pytest.mark.parametrize("text, names, expected", SIGNED)
def test_the_company_signing_with_a_government_owns_the_project(text, names, expected):
    assert triples(make_doc(text, names), "owns_project") == expected


def test_built_by():
    doc = make_doc("由鼎力置业有限公司投资建设的滨江商业综合体开业。",
                   [("鼎力置业有限公司", "Enterprise"), ("滨江商业综合体", "Project")])
    assert ("鼎力置业有限公司", "owns_project", "滨江商业综合体") in triples(doc)


@pytest.mark.parametrize("text, names, owner, not_owner", [
    pytest.param("在白河恒远新材料制造基地,负责人介绍了恒远新材料项目。",
                 [("白河恒远新材料制造基地", "Project"), ("白河恒远", "Enterprise"), ("白河", "Place"),
                  ("恒远新材料", "Enterprise"), ("恒远新材料项目", "Project")],
                 "恒远新材料", "白河恒远", id="the_company_the_document_names_after_the_place"),
    pytest.param("他来到青禾新城远拓中央研究院总部项目,远拓是龙头企业。",
                 [("青禾新城远拓中央研究院总部项目", "Project"), ("青禾新城远拓中央研究院", "Organization"),
                  ("青禾新城", "Park"), ("远拓", "Enterprise")],
                 "远拓", "青禾新城远拓中央研究院", id="the_company_after_a_park_not_its_institute_named_with_the_park"),
])
def test_the_owner_after_the_place_opening_a_project(text, names, owner, not_owner):
    project = names[0][0]
    found = triples(make_doc(text, names), "owns_project")
    assert (owner, "owns_project", project) in found
    assert (not_owner, "owns_project", project) not in found


#: A word standing for the company named before it (公司, 该企业, 企业) as the subject carrying out a project.
COMPANY_WORDS = [
    pytest.param("远拓玻璃股份有限公司负责人介绍了企业情况。公司将在白河投资12亿元，建设年产30万吨日用玻璃项目。",
                 [("远拓玻璃股份有限公司", "Enterprise"), ("白河", "Place"), ("年产30万吨日用玻璃项目", "Project")],
                 {("远拓玻璃股份有限公司", "owns_project", "年产30万吨日用玻璃项目")}, id="gongsi_opening_the_next_sentence"),
    pytest.param("青禾智能设备有限公司生产智能停车设备。县长对企业探索新技术、上马智控停车项目表示肯定。",
                 [("青禾智能设备有限公司", "Enterprise"), ("智控停车项目", "Project")],
                 {("青禾智能设备有限公司", "owns_project", "智控停车项目")}, id="qiye_after_dui_launching_a_project"),
    pytest.param("远拓集团负责人发言。要引导龙头企业建设白河储能电站项目。",
                 [("远拓集团", "Enterprise"), ("白河储能电站项目", "Project")],
                 set(), id="a_kind_of_company_stands_for_none"),
    pytest.param("远拓集团负责人发言。公司与青禾能源有限公司将建设白河储能电站项目。",
                 [("远拓集团", "Enterprise"), ("青禾能源有限公司", "Enterprise"), ("白河储能电站项目", "Project")],
                 {("青禾能源有限公司", "owns_project", "白河储能电站项目")}, id="a_company_named_after_the_word_is_the_subject"),
    pytest.param("公司将在白河建设年产30万吨日用玻璃项目。",
                 [("白河", "Place"), ("年产30万吨日用玻璃项目", "Project")],
                 set(), id="no_company_named_before_the_word"),
]


@pytest.mark.parametrize("text, names, expected", COMPANY_WORDS)
def test_a_company_word_carrying_out_a_project_stands_for_the_company_named_before(text, names, expected):
    assert triples(make_doc(text, names), "owns_project") == expected
