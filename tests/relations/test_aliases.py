"""alias_of (kg.relations.aliases): short forms of companies, zones, bodies, places and projects.

``make_doc`` plays a perfect recognizer, so each test checks the alias rules alone. Names are invented
(real place names only where the gazetteer must know them)."""
from __future__ import annotations

import pytest

from kg.model import TITLE
from tests.conftest import make_doc, triples


@pytest.mark.parametrize("text, names, label, expected", [
    pytest.param("青禾经济技术开发区举行推介会。会上，青禾经开区发布了新政策。",
                 [("青禾经济技术开发区", "Park"), ("青禾经开区", "Park")],
                 "alias_of", {("青禾经开区", "alias_of", "青禾经济技术开发区")}, id="zone_with_its_kind_abbreviated_is_an_alias_of_the_full_zone_name"),
    pytest.param("云岭国家高新技术产业开发区今年签约项目八个，云岭国家高新区产值增长。",
                 [("云岭国家高新技术产业开发区", "Park"), ("云岭国家高新区", "Park")],
                 "alias_of", {("云岭国家高新区", "alias_of", "云岭国家高新技术产业开发区")}, id="high_tech_zone_short_form_keeps_the_words_between_place_and_kind"),
    pytest.param("中国远拓汽车集团有限公司(以下简称远汽)发布新车。中国远汽将扩产,远汽集团与中国远汽集团同日签约。",
                 [("中国远拓汽车集团有限公司", "Enterprise"), ("远汽", "Enterprise"), ("中国远汽", "Enterprise"),
                  ("远汽集团", "Enterprise"), ("中国远汽集团", "Enterprise"), ("中国", "Place")],
                 "alias_of", {("远汽", "alias_of", "中国远拓汽车集团有限公司"),
                              ("中国远汽", "alias_of", "中国远拓汽车集团有限公司"),
                              ("远汽集团", "alias_of", "中国远拓汽车集团有限公司"),
                              ("中国远汽集团", "alias_of", "中国远拓汽车集团有限公司")},
                 id="introduced_short_name_with_a_place_or_group_word_is_an_alias_of_the_full_name"),
    pytest.param("青川省发展和改革委发布通知。青川省发改委将组织培训。",
                 [("青川省发展和改革委", "GovOrg"), ("青川省发改委", "GovOrg")],
                 "alias_of", {("青川省发改委", "alias_of", "青川省发展和改革委")},
                 id="department_with_its_standard_abbreviation_is_an_alias"),
    pytest.param("青禾经济技术开发区与青禾高新区签订合作协议。",
                 [("青禾经济技术开发区", "Park"), ("青禾高新区", "Park")],
                 "alias_of", set(), id="a_different_kind_of_zone_is_no_alias"),
    pytest.param("楚雄州领导来到楚雄市调研，楚雄今年产值增长。",
                 [("楚雄州", "Place"), ("楚雄市", "Place"), ("楚雄", "Place")],
                 "alias_of", set(), id="short_form_shared_by_prefecture_and_seat_city_is_no_alias"),
    pytest.param("衡远公司与衡远重庆市能源公司签约。",
                 [("衡远公司", "Enterprise"), ("衡远重庆市能源公司", "Enterprise")],
                 "alias_of", set(), id="stem_with_gongsi_is_no_alias_of_a_regional_company_of_the_group"),
    pytest.param("衡远公司与衡远科技有限公司东城分公司签约。",
                 [("衡远公司", "Enterprise"), ("衡远科技有限公司东城分公司", "Enterprise")],
                 "alias_of", set(), id="stem_with_gongsi_is_no_alias_of_a_branch"),
    pytest.param("中国科学院西安光学精密机械研究所发布成果，西安光机所将继续攻关。",
                 [("中国科学院西安光学精密机械研究所", "Organization"), ("西安光机所", "Organization")],
                 "alias_of", {("西安光机所", "alias_of", "中国科学院西安光学精密机械研究所")}, id="institute_contraction_is_an_alias"),
    pytest.param("南岭交通大学与南岭大学签约合作。",
                 [("南岭交通大学", "Organization"), ("南岭大学", "Organization")],
                 "alias_of", set(), id="university_without_a_middle_word_is_no_contraction"),
    pytest.param("河北清苑经济开发区管理委员会发布通知。开发区管委会将组织培训。",
                 [("河北清苑经济开发区管理委员会", "GovOrg"), ("开发区管委会", "GovOrg")],
                 "alias_of", {("开发区管委会", "alias_of", "河北清苑经济开发区管理委员会")}, id="zone_committee_named_by_its_kind_is_an_alias"),
    pytest.param("清苑高新区管委会与新区管委会签约。",
                 [("清苑高新区管委会", "GovOrg"), ("新区管委会", "GovOrg")],
                 "alias_of", set(), id="new_area_committee_is_no_short_form_of_a_high_tech_zone_committee"),
    pytest.param("中国远洋材料集团有限公司召开大会，宣布中远材集团领导班子调整。",
                 [("中国远洋材料集团有限公司", "Enterprise"), ("中远材集团", "Enterprise")],
                 "alias_of", {("中远材集团", "alias_of", "中国远洋材料集团有限公司")}, id="group_contraction_is_an_alias"),
    pytest.param("重庆华腾精工股份有限公司（以下简称“华腾精工”）扩产。渝东开发区即渝东国家开发区。黔江与黔江区同义。渝企走出去。重庆市发布通知。中国建设银行涪陵支行和中国建设银行开展合作。",
                 [("重庆华腾精工股份有限公司", "Enterprise"), ("华腾精工", "Enterprise"),
                          ("渝东开发区", "Park"), ("渝东国家开发区", "Park"), ("黔江", "Place"), ("黔江区", "Place"),
                          ("渝", "Place"), ("重庆市", "Place"), ("中国建设银行涪陵支行", "Enterprise"),
                          ("中国建设银行", "Enterprise")],
                 "alias_of", {("华腾精工", "alias_of", "重庆华腾精工股份有限公司"),
                                        ("渝东开发区", "alias_of", "渝东国家开发区"),
                                        ("黔江", "alias_of", "黔江区"), ("渝", "alias_of", "重庆市")}, id="aliases"),
    pytest.param("南山经济技术开发区（简称南山经开区，又称南山园）发布规划。",
                 [("南山经济技术开发区", "Park")],
                 "alias_of", {("南山经开区", "alias_of", "南山经济技术开发区"),
                                        ("南山园", "alias_of", "南山经济技术开发区")}, id="introduced_short_name_stops_at_punctuation"),  # the second name in the same brackets is a short name of its own
    pytest.param("宏图智能装备有限公司扩产。",
                 [("宏图智能装备有限公司", "Enterprise"), ("宏图智能装备", "Enterprise")],
                 "alias_of", set(), id="start_of_a_full_name_is_no_short_form"),
    pytest.param("恒远机械有限公司总经理出席。山东恒远机械有限公司今年扩产，恒远机械订单饱满。",
                 [("山东恒远机械有限公司", "Enterprise"), ("恒远机械有限公司", "Enterprise"),
                    ("恒远机械", "Enterprise"), ("山东", "Place")],
                 "alias_of", {("恒远机械", "alias_of", "山东恒远机械有限公司"),
                                        ("恒远机械有限公司", "alias_of", "山东恒远机械有限公司")}, id="company_short_forms_point_at_the_longest_full_name"),
    pytest.param("成都华锐储能电池有限公司投产，华锐在西部布局多个基地。",
                 [("成都华锐储能电池有限公司", "Enterprise"), ("华锐", "Enterprise"), ("成都", "Place")],
                 "alias_of", set(), id="regional_company_of_a_brand_is_no_alias"),
    pytest.param("浙江省温州市柳溪镇召开大会。浙江各地、温州全市和柳溪干部参加。",
                 [("浙江省", "Place"), ("温州市", "Place"), ("柳溪镇", "Place"), ("浙江", "Place"),
                    ("温州", "Place"), ("柳溪", "Place")],
                 "alias_of", {("温州", "alias_of", "温州市")}, id="city_short_form_is_an_alias_but_province_and_town_are_not"),
    pytest.param("新开工新能源汽车电机生产数字化车间、新能源汽车生产数字化车间。",
                 [("新能源汽车电机生产数字化车间", "Project"), ("新能源汽车生产数字化车间", "Project")],
                 "alias_of", set(), id="two_listed_projects_sharing_words_are_no_alias"),
    pytest.param("远拓食品股份有限公司年报发布。青禾股份表示将扩产。",
                 [("远拓食品股份有限公司", "Enterprise"), ("青禾股份", "Enterprise")],
                 "alias_of", set(), id="short_name_ending_in_gufen_needs_the_same_stem"),
    pytest.param("市人大常委会主任邵岩参加考察。青川市人大常委会主任顾允陪同。",
                 [("市人大常委会", "GovOrg"), ("青川市人大常委会", "GovOrg"), ("邵岩", "Person"), ("顾允", "Person"),
                    ("青川市", "Place"), ("市人大常委会主任", TITLE), ("青川市人大常委会主任", TITLE)],
                 "alias_of", set(), id="one_post_with_two_holders_makes_two_bodies_not_a_short_form"),
    pytest.param("青川市人大常委会主任顾允出席。市人大常委会副主任刘明主持。",
                 [("市人大常委会", "GovOrg"), ("青川市人大常委会", "GovOrg"), ("顾允", "Person"), ("刘明", "Person"),
                    ("青川市", "Place"), ("市人大常委会副主任", TITLE), ("青川市人大常委会主任", TITLE)],
                 "alias_of", set(), id="a_body_every_city_has_written_with_its_level_word_is_no_short_form"),
    pytest.param("青川市委书记顾允出席。市委副书记刘明主持，区政府、市政协负责同志参加。",
                 [("青川市委", "GovOrg"), ("市委", "GovOrg"), ("区政府", "GovOrg"), ("市政协", "GovOrg"),
                  ("顾允", "Person"), ("刘明", "Person"), ("青川市", "Place")],
                 "alias_of", set(), id="bare_committee_government_and_cppcc_are_no_short_forms"),
    pytest.param("在海阳新材料产业园，企业投产。新材料产业园是重点。",
                 [("海阳新材料产业园", "Park"), ("新材料产业园", "Park"), ("海阳", "Place")],
                 "alias_of", set(), id="a_park_of_industry_words_is_no_short_form"),
    pytest.param("东岭集团青禾产业园开园。青禾产业园吸引企业入驻。",
                 [("东岭集团", "Enterprise"), ("东岭集团青禾产业园", "Park"), ("青禾产业园", "Park")],
                 "alias_of", set(), id="a_park_named_after_its_company_is_its_own_name"),
    pytest.param("璧山国家高新区举行签约。璧山高新区在当天签约。",
                 [("璧山国家高新区", "Park"), ("璧山高新区", "Park"), ("璧山", "Place")],
                 "alias_of", {("璧山高新区", "alias_of", "璧山国家高新区")}, id="a_park_written_short_stays_an_alias"),
    pytest.param("璧山高新区管委会发布通知。高新区管委会将组织培训。",
                 [("璧山高新区管委会", "GovOrg"), ("高新区管委会", "GovOrg"), ("璧山", "Place")],
                 "alias_of", {("高新区管委会", "alias_of", "璧山高新区管委会")}, id="a_zone_committee_named_by_its_kind_stays_a_short_form"),
    pytest.param("青川市委统战部副部长顾允出席。市委统战部负责同志参加。",
                 [("青川市委统战部", "GovOrg"), ("市委统战部", "GovOrg"), ("顾允", "Person"), ("青川市", "Place")],
                 "alias_of", {("市委统战部", "alias_of", "青川市委统战部")}, id="a_department_without_its_place_is_a_short_form"),
    pytest.param("蓝帆科技（重庆）有限公司签约。蓝帆科技将投资建厂。",
                 [("蓝帆科技（重庆）有限公司", "Enterprise"), ("蓝帆科技", "Enterprise"), ("重庆", "Place")],
                 "alias_of", {("蓝帆科技", "alias_of", "蓝帆科技（重庆）有限公司")},
                 id="a_company_without_its_place_in_brackets_and_legal_form_is_a_short_form"),
    pytest.param("蓝帆(重庆)精工有限公司签约。蓝帆精工将投资建厂。",
                 [("蓝帆(重庆)精工有限公司", "Enterprise"), ("蓝帆精工", "Enterprise"), ("重庆", "Place")],
                 "alias_of", {("蓝帆精工", "alias_of", "蓝帆(重庆)精工有限公司")},
                 id="a_company_without_the_place_in_brackets_inside_its_name_is_a_short_form"),
    pytest.param("蓝帆(中试)精工有限公司签约。蓝帆精工将投资建厂。",
                 [("蓝帆(中试)精工有限公司", "Enterprise"), ("蓝帆精工", "Enterprise")],
                 "alias_of", set(), id="words_in_brackets_that_name_no_place_stay_in_the_name"),
])
def test_relations_found_are_exactly(text, names, label, expected):
    assert triples(make_doc(text, names), label) == expected


@pytest.mark.parametrize("text, names, label, found, not_found", [
    pytest.param("岳阳市与岳阳县签约，岳阳今年产值增长。",
                 [("岳阳市", "Place"), ("岳阳县", "Place"), ("岳阳", "Place")],
                 "alias_of", {("岳阳", "alias_of", "岳阳市")}, set(), id="short_form_beside_a_city_and_a_county_is_the_city"),
    pytest.param("吉林禾丰明达食品有限公司新厂投产。禾丰明达公司负责人介绍了产能。",
                 [("吉林禾丰明达食品有限公司", "Enterprise"), ("禾丰明达公司", "Enterprise"),
                    ("吉林", "Place")],
                 "alias_of", {("禾丰明达公司", "alias_of", "吉林禾丰明达食品有限公司")}, set(), id="company_stem_with_gongsi_is_an_alias_of_the_full_company_name"),
    pytest.param("南岭经济技术开发区(简称南岭经开区,也称南岭新港)成立三十年。南岭经开区发展迅速。",
                 [("南岭经济技术开发区", "Park"), ("南岭经开区", "Park"), ("南岭新港", "Park")],
                 "alias_of", {("南岭经开区", "alias_of", "南岭经济技术开发区"), ("南岭新港", "alias_of", "南岭经济技术开发区")}, set(), id="second_short_name_in_the_same_brackets"),
    pytest.param("南岭经济技术开发区(简称南岭经开区)成立三十年。经开区企业超过千家。",
                 [("南岭经济技术开发区", "Park"), ("南岭经开区", "Park"), ("经开区", "Park")],
                 "alias_of", {("经开区", "alias_of", "南岭经济技术开发区")}, set(), id="short_form_of_an_introduced_alias_points_at_the_full_name"),
    pytest.param("中国北汽与园区合作多年，服务北汽是园区的初心。",
                 [("中国北汽", "Enterprise"), ("北汽", "Enterprise"), ("中国", "Place")],
                 "alias_of", {("北汽", "alias_of", "中国北汽")}, set(), id="name_after_a_country_is_a_short_form"),
    pytest.param("中共临江科技城工作委员会正式成立。临江科技城党工委书记主持会议。",
                 [("中共临江科技城工作委员会", "GovOrg"), ("临江科技城党工委", "GovOrg"),
                    ("临江科技城党工委书记", TITLE)],
                 "alias_of", {("临江科技城党工委", "alias_of", "中共临江科技城工作委员会")}, set(), id="party_working_committee_short_form"),
    pytest.param("恒远机械智能物流装备制造项目开工。恒远机械制造项目建成后年产值5亿元。",
                 [("恒远机械智能物流装备制造项目", "Project"), ("恒远机械制造项目", "Project"),
                    ("恒远机械", "Enterprise")],
                 "alias_of", {("恒远机械制造项目", "alias_of", "恒远机械智能物流装备制造项目")}, set(), id="project_short_form_keeps_owner_and_last_words"),
])
def test_relations_found_and_not_found(text, names, label, found, not_found):
    got = triples(make_doc(text, names), label)
    assert found <= got
    assert not got & not_found


def test_group_name_is_an_alias_of_its_legal_name_not_of_a_subsidiary():
    doc = make_doc("北辰装备集团有限公司总经理讲话。北辰装备集团将加大投入。",
                   [("北辰装备集团有限公司", "Enterprise"), ("北辰装备集团", "Enterprise")])
    assert triples(doc, "alias_of") == {("北辰装备集团", "alias_of", "北辰装备集团有限公司")}
    doc = make_doc("北辰装备集团明远科技有限公司投产。北辰装备集团将加大投入。",
                   [("北辰装备集团明远科技有限公司", "Enterprise"), ("北辰装备集团", "Enterprise")])
    assert triples(doc, "alias_of") == set()


SHORT_FORMS = [
    ("远拓食品股份有限公司年报发布。远拓股份表示将扩产。",
     [("远拓食品股份有限公司", "Enterprise"), ("远拓股份", "Enterprise")],
     ("远拓股份", "alias_of", "远拓食品股份有限公司")),
    ("远拓科技项目开工。远拓在此布局封测产能。", [("远拓科技", "Enterprise"), ("远拓", "Enterprise")],
     ("远拓", "alias_of", "远拓科技")),
    ("青川北郊输变电工程项目开工。青川北郊输变电工程计划明年投运。",
     [("青川北郊输变电工程项目", "Project"), ("青川北郊输变电工程", "Project")],
     ("青川北郊输变电工程", "alias_of", "青川北郊输变电工程项目")),
    ("湖州市代表团抵达。专家一行来湖考察园区。", [("湖州市", "Place"), ("湖", "Place")],
     ("湖", "alias_of", "湖州市")),  # a city's first character
]


@pytest.mark.parametrize("text, names, expected", SHORT_FORMS)
def test_more_short_forms(text, names, expected):
    assert expected in triples(make_doc(text, names), "alias_of")


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




PROJECT_OPENINGS = [
    pytest.param("青川中心总部经济项目开工。青川中心项目位于城北新区。",
                 [("青川中心总部经济项目", "Project"), ("青川中心项目", "Project")],
                 {("青川中心项目", "alias_of", "青川中心总部经济项目")}, id="opening_and_project_word"),
    pytest.param("蔚岭电厂三期4×66万千瓦燃煤发电项目开工。蔚岭电厂三期工程项目明年投产。",
                 [("蔚岭电厂三期4×66万千瓦燃煤发电项目", "Project"), ("蔚岭电厂三期工程项目", "Project")],
                 {("蔚岭电厂三期工程项目", "alias_of", "蔚岭电厂三期4×66万千瓦燃煤发电项目")}, id="opening_and_works_word"),
    pytest.param("在重庆蔚岭新材料制造基地，蔚岭新材料项目负责人介绍。",
                 [("重庆蔚岭新材料制造基地", "Project"), ("蔚岭新材料项目", "Project"), ("重庆", "Place")],
                 {("蔚岭新材料项目", "alias_of", "重庆蔚岭新材料制造基地")}, id="opening_after_the_place"),
    pytest.param("青川产业园项目和青川产业园配套道路项目同时开工。",
                 [("青川产业园项目", "Project"), ("青川产业园配套道路项目", "Project")], set(),
                 id="works_built_with_a_project_are_a_project_of_their_own"),
    pytest.param("青川产业园项目和青川产业园二期项目同时开工。",
                 [("青川产业园项目", "Project"), ("青川产业园二期项目", "Project")], set(), id="a_phase_is_a_project_of_its_own"),
    pytest.param("青川中心总部经济项目、青川中心商业综合体项目开工，青川中心项目总投资50亿元。",
                 [("青川中心总部经济项目", "Project"), ("青川中心商业综合体项目", "Project"), ("青川中心项目", "Project")],
                 set(), id="two_projects_with_the_opening_leave_it_unresolved"),
]


@pytest.mark.parametrize("text, names, expected", PROJECT_OPENINGS)
def test_project_named_by_the_opening_of_another_projects_name(text, names, expected):
    assert triples(make_doc(text, names), "alias_of") == expected
