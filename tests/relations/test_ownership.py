"""located_in, part_of, owns_project and alias_of on small sentences written for these tests.

The mentions are given (``make_doc`` plays a perfect recognizer), so each test checks
the relation patterns alone; the names are invented.
"""
from __future__ import annotations


from kg.model import TITLE
from tests.conftest import make_doc, triples


# -- alias_of ----------------------------------------------------------------

def test_company_short_forms_point_at_the_longest_full_name():
    doc = make_doc("恒远机械有限公司总经理出席。山东恒远机械有限公司今年扩产，恒远机械订单饱满。",
                   [("山东恒远机械有限公司", "Enterprise"), ("恒远机械有限公司", "Enterprise"),
                    ("恒远机械", "Enterprise"), ("山东", "Place")])
    assert triples(doc, "alias_of") == {("恒远机械", "alias_of", "山东恒远机械有限公司"),
                                        ("恒远机械有限公司", "alias_of", "山东恒远机械有限公司")}


def test_name_after_a_country_is_a_short_form():
    doc = make_doc("中国北汽与园区合作多年，服务北汽是园区的初心。",
                   [("中国北汽", "Enterprise"), ("北汽", "Enterprise"), ("中国", "Place")])
    assert ("北汽", "alias_of", "中国北汽") in triples(doc, "alias_of")


def test_regional_company_of_a_brand_is_no_alias():
    doc = make_doc("成都华锐储能电池有限公司投产，华锐在西部布局多个基地。",
                   [("成都华锐储能电池有限公司", "Enterprise"), ("华锐", "Enterprise"), ("成都", "Place")])
    assert triples(doc, "alias_of") == set()


def test_group_name_is_an_alias_of_its_legal_name_not_of_a_subsidiary():
    doc = make_doc("北辰装备集团有限公司董事长讲话。北辰装备集团将加大投入。",
                   [("北辰装备集团有限公司", "Enterprise"), ("北辰装备集团", "Enterprise")])
    assert triples(doc, "alias_of") == {("北辰装备集团", "alias_of", "北辰装备集团有限公司")}
    doc = make_doc("北辰装备集团明远科技有限公司投产。北辰装备集团将加大投入。",
                   [("北辰装备集团明远科技有限公司", "Enterprise"), ("北辰装备集团", "Enterprise")])
    assert triples(doc, "alias_of") == set()


def test_city_short_form_is_an_alias_but_province_and_town_are_not():
    doc = make_doc("浙江省温州市柳溪镇召开大会。浙江各地、温州全市和柳溪干部参加。",
                   [("浙江省", "Place"), ("温州市", "Place"), ("柳溪镇", "Place"), ("浙江", "Place"),
                    ("温州", "Place"), ("柳溪", "Place")])
    assert triples(doc, "alias_of") == {("温州", "alias_of", "温州市")}


def test_party_working_committee_short_form():
    doc = make_doc("中共临江科技城工作委员会正式成立。临江科技城党工委书记主持会议。",
                   [("中共临江科技城工作委员会", "GovOrg"), ("临江科技城党工委", "GovOrg"),
                    ("临江科技城党工委书记", TITLE)])
    assert ("临江科技城党工委", "alias_of", "中共临江科技城工作委员会") in triples(doc, "alias_of")


def test_project_short_form_keeps_owner_and_last_words():
    doc = make_doc("恒远机械智能物流装备制造项目开工。恒远机械制造项目建成后年产值5亿元。",
                   [("恒远机械智能物流装备制造项目", "Project"), ("恒远机械制造项目", "Project"),
                    ("恒远机械", "Enterprise")])
    assert ("恒远机械制造项目", "alias_of", "恒远机械智能物流装备制造项目") in triples(doc, "alias_of")


def test_two_listed_projects_sharing_words_are_no_alias():
    doc = make_doc("新开工新能源汽车电机生产数字化车间、新能源汽车生产数字化车间。",
                   [("新能源汽车电机生产数字化车间", "Project"), ("新能源汽车生产数字化车间", "Project")])
    assert triples(doc, "alias_of") == set()


# -- owns_project --------------------------------------------------------------

def test_project_built_by_owner_named_after_it():
    doc = make_doc("恒远机械智能物流装备制造项目由山东恒远机械有限公司投资建设，总投资2亿元。",
                   [("恒远机械智能物流装备制造项目", "Project"), ("山东恒远机械有限公司", "Enterprise")])
    assert ("山东恒远机械有限公司", "owns_project", "恒远机械智能物流装备制造项目") in triples(doc, "owns_project")


def test_place_or_park_at_the_start_of_a_project_is_no_owner():
    doc = make_doc("南湖中心广场和滨江产业园二期项目同日开工。",
                   [("南湖中心广场", "Project"), ("南湖", "Enterprise"), ("南湖", "Place"),
                    ("滨江产业园二期项目", "Project"), ("滨江", "Enterprise"), ("滨江产业园", "Park")])
    assert triples(doc, "owns_project") == set()


def test_company_name_starting_a_project_owns_it():
    doc = make_doc("瑞丰电子新能源电机项目开工。", [("瑞丰电子新能源电机项目", "Project"), ("瑞丰电子", "Enterprise")])
    assert triples(doc, "owns_project") == {("瑞丰电子", "owns_project", "瑞丰电子新能源电机项目")}


# -- located_in ----------------------------------------------------------------

def test_between_two_places_is_in_neither():
    doc = make_doc("滨江物流园位于江津区与永川区之间，交通便利。",
                   [("滨江物流园", "Park"), ("江津区", "Place"), ("永川区", "Place")])
    assert triples(doc, "located_in") == set()


def test_park_said_to_be_the_first_of_a_province():
    doc = make_doc("滨江高新区成立于2006年，2012年升级为国家高新区，是江西省首个国家级园区。",
                   [("滨江高新区", "Park"), ("江西省", "Place")])
    assert triples(doc, "located_in") == {("滨江高新区", "located_in", "江西省")}


def test_place_inside_a_body_name_is_not_where_a_park_is():
    doc = make_doc("临江科技城是长春市委、市政府设立的重要板块。",
                   [("临江科技城", "Park"), ("长春市委", "GovOrg"), ("长春市", "Place")])
    assert triples(doc, "located_in") == set()


def test_short_park_name_inside_a_longer_one_gets_no_place():
    doc = make_doc("长春临开区成立十年，临开区产值翻番。",
                   [("长春临开区", "Park"), ("临开区", "Park"), ("长春", "Place")])
    assert triples(doc, "located_in") == {("长春临开区", "located_in", "长春")}


def test_place_that_starts_a_longer_toponym_does_not_locate_the_park():
    doc = make_doc("温州湾新区加快建设。", [("温州湾新区", "Park"), ("温州", "Place")])
    assert triples(doc, "located_in") == set()


def test_place_in_brackets_after_a_company():
    doc = make_doc("获评企业有恒宇光电材料有限公司（江津区）、瑞丰电子有限公司（荣昌区）。",
                   [("恒宇光电材料有限公司", "Enterprise"), ("瑞丰电子有限公司", "Enterprise"),
                    ("江津区", "Place"), ("荣昌区", "Place")])
    assert triples(doc, "located_in") == {("恒宇光电材料有限公司", "located_in", "江津区"),
                                          ("瑞丰电子有限公司", "located_in", "荣昌区")}


# -- part_of -------------------------------------------------------------------

def test_direction_sub_area_of_a_park_is_part_of_it_but_no_place():
    doc = make_doc("滨江高新区东区片区新增企业12家。", [("滨江高新区东区片区", "Park"), ("滨江高新区", "Park")])
    assert triples(doc) == {("滨江高新区东区片区", "part_of", "滨江高新区")}


def test_bare_committee_only_inside_titles_has_no_departments():
    names = [("区委办", "GovOrg"), ("区委", "GovOrg"), ("区委常委", TITLE), ("区委办主任", TITLE),
             ("陈立新", "Person")]
    doc = make_doc("区委常委、区委办主任陈立新出席。", names)
    assert triples(doc, "part_of") == set()
    doc = make_doc("区委常委、区委办主任陈立新出席。会议传达了区委有关要求。", names)
    assert triples(doc, "part_of") == {("区委办", "part_of", "区委")}


def test_settles_in_and_stands_at_with_a_preposition():
    names = [("瑞丰电子有限公司", "Enterprise"), ("江津区", "Place"), ("珞璜镇", "Place")]
    assert ("瑞丰电子有限公司", "located_in", "珞璜镇") in triples(make_doc("瑞丰电子有限公司落户于江津区珞璜镇。", names))
    assert ("瑞丰电子有限公司", "located_in", "珞璜镇") in triples(make_doc("瑞丰电子有限公司坐落在江津区珞璜镇。", names))


def test_settling_in_a_place_written_before_the_verb_and_parks_settle_too():
    doc = make_doc("瑞丰电子有限公司首次在江津区落户。滨江数据产业园、恒宇光电材料有限公司签约落户江津区。",
                   [("瑞丰电子有限公司", "Enterprise"), ("江津区", "Place"), ("滨江数据产业园", "Park"),
                    ("恒宇光电材料有限公司", "Enterprise")])
    assert triples(doc, "located_in") == {("瑞丰电子有限公司", "located_in", "江津区"),
                                          ("滨江数据产业园", "located_in", "江津区"),
                                          ("恒宇光电材料有限公司", "located_in", "江津区")}


def test_river_at_the_start_of_a_park_name_is_no_part_of_the_province():
    doc = make_doc("湖南湘江新区发布规划。", [("湖南湘江新区", "Park"), ("湖南", "Place"), ("湘江", "Place")])
    assert ("湘江", "part_of", "湖南") not in triples(doc)


def test_list_with_a_heading_of_its_own_is_not_under_the_park_before():
    names = [("滨江高新区", "Park"), ("瑞丰电机项目", "Project"), ("恒宇光膜项目", "Project"), ("荣昌区", "Place")]
    doc = make_doc("滨江高新区新开工项目2个。\n荣昌区：瑞丰电机项目、恒宇光膜项目开工。", names)
    # the district heading the list places it (issue #14, class 3), the park before does not
    assert triples(doc, "located_in") == {("瑞丰电机项目", "located_in", "荣昌区"),
                                          ("恒宇光膜项目", "located_in", "荣昌区")}
    doc = make_doc("滨江高新区新开工项目2个。\n分别是：瑞丰电机项目、恒宇光膜项目。", names)
    assert triples(doc, "located_in") == {("瑞丰电机项目", "located_in", "滨江高新区"),
                                          ("恒宇光膜项目", "located_in", "滨江高新区")}


def test_country_before_a_city_states_no_part_of():
    doc = make_doc("中国开封菊花节开幕。", [("中国", "Place"), ("开封", "Place")])
    assert triples(doc, "part_of") == set()


def test_owner_that_is_in_charge_of_building_or_invests_the_total():
    names = [("瑞丰电子有限公司", "Enterprise"), ("新能源电机生产基地项目", "Project")]
    owned = {("瑞丰电子有限公司", "owns_project", "新能源电机生产基地项目")}
    assert triples(make_doc("瑞丰电子有限公司负责建设的新能源电机生产基地项目开工。", names)) == owned
    assert triples(make_doc("新能源电机生产基地项目由瑞丰电子有限公司总投资20亿元建设。", names)) == owned


def test_company_named_after_a_country_is_not_placed_by_the_section_header():
    doc = make_doc("江津\n\n新加坡瑞丰有限公司、恒宇光电材料有限公司看好江津区，纷纷落户。",
                   [("江津", "Place"), ("江津区", "Place"), ("新加坡瑞丰有限公司", "Enterprise"),
                    ("恒宇光电材料有限公司", "Enterprise")])
    placed = {h for h, _, t in triples(doc, "located_in")}
    assert "恒宇光电材料有限公司" in placed and "新加坡瑞丰有限公司" not in placed


# -- routes, 为龙头, 在 L 建成的, project records (issue #14) --------------------------
import pytest  # noqa: E402

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


SHORT_FORMS = [
    ("远拓食品股份有限公司年报发布。远拓股份表示将扩产。",
     [("远拓食品股份有限公司", "Enterprise"), ("远拓股份", "Enterprise")],
     ("远拓股份", "alias_of", "远拓食品股份有限公司")),
    ("远拓科技项目开工。远拓在此布局封测产能。", [("远拓科技", "Enterprise"), ("远拓", "Enterprise")],
     ("远拓", "alias_of", "远拓科技")),
    ("青川北郊输变电工程项目开工。青川北郊输变电工程计划明年投运。",
     [("青川北郊输变电工程项目", "Project"), ("青川北郊输变电工程", "Project")],
     ("青川北郊输变电工程", "alias_of", "青川北郊输变电工程项目")),
]


@pytest.mark.parametrize("text, names, expected", SHORT_FORMS)
def test_more_short_forms(text, names, expected):
    assert expected in triples(make_doc(text, names), "alias_of")


def test_short_name_ending_in_gufen_needs_the_same_stem():
    doc = make_doc("远拓食品股份有限公司年报发布。青禾股份表示将扩产。",
                   [("远拓食品股份有限公司", "Enterprise"), ("青禾股份", "Enterprise")])
    assert triples(doc, "alias_of") == set()


def test_record_owner_named_only_once_as_a_mention_is_still_the_owner():
    from kg.relations import extract_relations

    text = "签约企业有远拓城市交通等。\n\n项目名称:青川超级工厂项目\n\n央企:远拓城市交通\n"
    doc = make_doc(text, [("远拓城市交通", "Enterprise"), ("青川超级工厂项目", "Project")])
    first = text.index("远拓城市交通")
    doc.mentions = [m for m in doc.mentions if m.type != "Enterprise" or m.start == first]
    extract_relations(doc)
    assert ("远拓城市交通", "owns_project", "青川超级工厂项目") in triples(doc)


BRACKETED_PROJECTS = [
    ("建设内容包括青川保税仓储园及配套道路工程(保税仓储项目)、滨河路改造工程。",
     [("青川保税仓储园及配套道路工程", "Project"), ("保税仓储项目", "Project"), ("滨河路改造工程", "Project")],
     {("保税仓储项目", "alias_of", "青川保税仓储园及配套道路工程")}),
    # two projects of a list: the one in brackets is a project of its own
    ("开工项目包括青川铁路物流枢纽园(青川冷链分拨配送中心)等。",
     [("青川铁路物流枢纽园", "Project"), ("青川冷链分拨配送中心", "Project")], set()),
]


@pytest.mark.parametrize("text, names, expected", BRACKETED_PROJECTS)
def test_project_short_name_in_brackets(text, names, expected):
    assert triples(make_doc(text, names), "alias_of") == expected


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


def test_one_post_with_two_holders_makes_two_bodies_not_a_short_form():
    doc = make_doc("市人大常委会主任邵岩参加考察。青川市人大常委会主任顾允陪同。",
                   [("市人大常委会", "GovOrg"), ("青川市人大常委会", "GovOrg"), ("邵岩", "Person"), ("顾允", "Person"),
                    ("青川市", "Place"), ("市人大常委会主任", TITLE), ("青川市人大常委会主任", TITLE)])
    assert triples(doc, "alias_of") == set()


def test_a_body_without_its_place_is_still_a_short_form():
    doc = make_doc("青川市人大常委会主任顾允出席。市人大常委会副主任刘明主持。",
                   [("市人大常委会", "GovOrg"), ("青川市人大常委会", "GovOrg"), ("顾允", "Person"), ("刘明", "Person"),
                    ("青川市", "Place"), ("市人大常委会副主任", TITLE), ("青川市人大常委会主任", TITLE)])
    assert triples(doc, "alias_of") == {("市人大常委会", "alias_of", "青川市人大常委会")}
