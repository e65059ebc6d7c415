"""located_in and part_of (kg.relations.locations): place chains, toponyms, scenes and lists,
parks and their parts.

Every sentence is written for these tests; names are invented, real place names only where
the gazetteer must know them. ``make_doc`` plays a perfect recognizer.
"""
from __future__ import annotations

import pytest

from kg.model import TITLE
from tests.conftest import make_doc, triples


def test_place_and_lone_toponym_tail_locate_a_park_and_the_toponym_is_in_the_outer_place():
    doc = make_doc("德化白鹭湾数字产业园今年新签约企业十二家。",
                   [("德化", "Place"), ("白鹭", "Place"), ("德化白鹭湾数字产业园", "Park")])
    found = triples(doc)
    assert ("德化白鹭湾数字产业园", "located_in", "白鹭湾") in found
    assert ("白鹭湾", "part_of", "德化") in found
    assert ("德化白鹭湾数字产业园", "located_in", "德化") in found  # every place of the chain
    assert ("白鹭", "part_of", "德化") not in found


def test_tail_character_that_opens_the_next_word_is_no_toponym():
    doc = make_doc("德化山茶油加工项目开工。", [("德化", "Place"), ("德化山茶油加工项目", "Project")])
    assert ("德化山茶油加工项目", "located_in", "德化") in triples(doc)


@pytest.mark.parametrize("text, names, label, expected", [
    pytest.param("泉州湾智造新城揭牌。",
                 [("泉州", "Place"), ("泉州湾智造新城", "Park")],
                 "located_in", set(), id="bay_named_after_a_city_names_no_location"),
    pytest.param("近日,福州各镇街掀起招商热潮,青石、白溪和云岭等镇街纷纷签约新项目。",
                 [("福州", "Place"), ("青石", "Place"), ("白溪", "Place"), ("云岭", "Place")],
                 "part_of", {("青石", "part_of", "福州"), ("白溪", "part_of", "福州"),
                                       ("云岭", "part_of", "福州")}, id="divisions_listed_before_deng_and_a_division_kind_are_part_of_the_place_of_ge"),
    pytest.param("考察组先后走访孟津区的青石镇、白溪镇,了解乡村振兴进展。",
                 [("孟津区", "Place"), ("青石镇", "Place"), ("白溪镇", "Place")],
                 "part_of", {("青石镇", "part_of", "孟津区"), ("白溪镇", "part_of", "孟津区")},
                 id="places_listed_after_a_place_and_de_are_part_of_it"),
    pytest.param("代表团深入孟津区的青石镇远拓蔬菜基地、白溪镇青禾茶叶园,实地考察。",
                 [("孟津区", "Place"), ("青石镇", "Place"), ("白溪镇", "Place"),
                  ("青石镇远拓蔬菜基地", "Project"), ("白溪镇青禾茶叶园", "Project")],
                 "part_of", {("青石镇", "part_of", "孟津区"), ("白溪镇", "part_of", "孟津区")},
                 id="townships_opening_the_sites_listed_after_a_place_and_de_are_part_of_it"),
    pytest.param("代表团来到孟津区的豫西青禾研究院,听取介绍。",
                 [("孟津区", "Place"), ("豫西", "Place"), ("豫西青禾研究院", "Project")],
                 "part_of", set(), id="a_region_naming_a_site_after_a_place_and_de_is_no_part_of_it"),
    pytest.param("孟津区的青石镇和洛阳的白溪镇都在招商。",
                 [("孟津区", "Place"), ("青石镇", "Place"), ("洛阳", "Place"), ("白溪镇", "Place")],
                 "part_of", {("青石镇", "part_of", "孟津区"), ("白溪镇", "part_of", "洛阳")},
                 id="each_place_and_de_has_its_own_parts"),
    pytest.param("福州召开会议,青石、白溪和云岭等镇街负责人参会。",
                 [("福州", "Place"), ("青石", "Place"), ("白溪", "Place"), ("云岭", "Place")],
                 "part_of", set(), id="divisions_list_without_a_place_of_ge_states_nothing"),
    pytest.param("青禾储能产业园与白河装备产业园的一部分合并。",
                 [("青禾储能产业园", "Park"), ("白河装备产业园", "Park")],
                 "part_of", set(), id="part_of_phrase_needs_shi_before_the_whole"),
    pytest.param("临湖科技城是渝北区招商引资的主阵地。",
                 [("临湖科技城", "Park"), ("渝北区", "Place")],
                 "located_in", {("临湖科技城", "located_in", "渝北区")}, id="park_said_to_be_a_place_s_is_in_it"),
    pytest.param("湖南岳阳至常德高速公路开工。",
                 [("湖南", "Place"), ("岳阳", "Place"), ("常德", "Place"),
                                          ("湖南岳阳至常德高速公路", "Project")],
                 "part_of", set(), id="places_inside_a_project_name_state_no_part_of"),
    pytest.param("江西南昌县项目开工。江西省南昌县举行仪式。",
                 [("江西", "Place"), ("江西省", "Place"), ("南昌县", "Place")],
                 "part_of", {("南昌县", "part_of", "江西省")}, id="a_parent_written_short_and_full_gives_one_part_of_with_the_full_name"),
    pytest.param("在洛期间,代表团参观了远拓花海。",
                 [("洛", "Place"), ("远拓花海", "Project")],
                 "located_in", set(), id="one_character_abbreviation_opens_no_scene"),
    pytest.param("调研组来到洛阳市,白河日报记者随行采访,深入远拓电子有限公司。",
                 [("洛阳市", "Place"), ("白河日报", "Organization"), ("远拓电子有限公司", "Enterprise")],
                 "located_in", {("远拓电子有限公司", "located_in", "洛阳市")}, id="a_paper_reporting_a_visit_is_not_visited"),
    pytest.param("中国工商银行保定清苑支行开业。",
                 [("中国工商银行保定清苑支行", "Enterprise"), ("保定", "Place"), ("清苑", "Place")],
                 "part_of", set(), id="place_chain_inside_a_longer_name_that_starts_elsewhere_gives_no_part_of"),
    pytest.param("海南三亚崖州湾科技城建设提速。",
                 [("海南三亚崖州湾科技城", "Park"), ("海南", "Place"), ("三亚", "Place"), ("崖州", "Place")],
                 "located_in", {("海南三亚崖州湾科技城", "located_in", "崖州湾"), ("海南三亚崖州湾科技城", "located_in", "三亚"),
                                 ("海南三亚崖州湾科技城", "located_in", "海南")}, id="place_followed_by_a_toponym_tail_is_not_the_innermost_place"),  # the toponym
    pytest.param("在金州区召开的座谈会上，华腾重工集团负责人发言。",
                 [("金州区", "Place"), ("华腾重工集团", "Enterprise")],
                 "located_in", set(), id="in_place_verb_phrase_de_names_no_event"),
    pytest.param("滨湖科技新区(南岭新城)一季度重大项目集中开工。",
                 [("滨湖科技新区", "Park"), ("南岭新城", "Park")],
                 "located_in", set(), id="park_in_brackets_after_a_park_is_its_other_name_not_its_place"),
    pytest.param("来自上海、江苏、安徽等长三角地区的企业参会。",
                 [("上海", "Place"), ("江苏", "Place"), ("安徽", "Place"), ("长三角地区", "Place")],
                 "part_of", {("上海", "part_of", "长三角地区"), ("江苏", "part_of", "长三角地区"),
                                       ("安徽", "part_of", "长三角地区")}, id="regions_list_gives_part_of"),
    pytest.param("来自上海、江苏、安徽等地的企业参会。",
                 [("上海", "Place"), ("江苏", "Place"), ("安徽", "Place")],
                 "part_of", set(), id="list_closed_by_a_generic_word_gives_no_part_of"),
    pytest.param("南岭文化产业园项目和南岭文化产业园游客中心项目签约。",
                 [("南岭文化产业园项目", "Project"), ("南岭文化产业园游客中心项目", "Project"),
                    ("南岭文化产业园", "Park")],
                 "located_in", {("南岭文化产业园游客中心项目", "located_in", "南岭文化产业园")}, id="project_that_builds_a_park_is_not_located_in_it"),
    pytest.param("南岭文化产业园三期项目开工。",
                 [("南岭文化产业园三期项目", "Project"), ("南岭文化产业园", "Park")],
                 "located_in", {("南岭文化产业园三期项目", "located_in", "南岭文化产业园")}, id="phase_of_a_park_is_located_in_it"),
    pytest.param("清苑经济开发区管理委员会下设清北产业园和清南产业园两个园区。",
                 [("清苑经济开发区管理委员会", "GovOrg"), ("清苑经济开发区", "Park"),
                    ("清北产业园", "Park"), ("清南产业园", "Park")],
                 "part_of", {("清北产业园", "part_of", "清苑经济开发区"),
                                       ("清南产业园", "part_of", "清苑经济开发区")}, id="parks_listed_after_xiashe_are_part_of_the_zone"),
    pytest.param("城口县高观镇开展活动，县委组织部、县委参加。",
                 [("城口县", "Place"), ("高观镇", "Place"), ("县委组织部", "GovOrg"), ("县委", "GovOrg")],
                 "part_of", {("高观镇", "part_of", "城口县"), ("县委组织部", "part_of", "县委")}, id="places_in_a_row_and_departments"),
    pytest.param("荣县仁寿县两地开展合作。四川省荣县举办活动。",
                 [("荣县", "Place"), ("仁寿县", "Place"), ("四川省", "Place")],
                 "part_of", {("荣县", "part_of", "四川省")}, id="two_counties_side_by_side_are_no_part_of"),
    pytest.param("滨江物流园位于江津区与永川区之间，交通便利。",
                 [("滨江物流园", "Park"), ("江津区", "Place"), ("永川区", "Place")],
                 "located_in", set(), id="between_two_places_is_in_neither"),
    pytest.param("滨江高新区成立于2006年，2012年升级为国家高新区，是江西省首个国家级园区。",
                 [("滨江高新区", "Park"), ("江西省", "Place")],
                 "located_in", {("滨江高新区", "located_in", "江西省")}, id="park_said_to_be_the_first_of_a_province"),
    pytest.param("临江科技城是长春市委、市政府设立的重要板块。",
                 [("临江科技城", "Park"), ("长春市委", "GovOrg"), ("长春市", "Place")],
                 "located_in", set(), id="place_inside_a_body_name_is_not_where_a_park_is"),
    pytest.param("长春临开区成立十年，临开区产值翻番。",
                 [("长春临开区", "Park"), ("临开区", "Park"), ("长春", "Place")],
                 "located_in", {("长春临开区", "located_in", "长春")}, id="short_park_name_inside_a_longer_one_gets_no_place"),
    pytest.param("温州湾新区加快建设。",
                 [("温州湾新区", "Park"), ("温州", "Place")],
                 "located_in", set(), id="place_that_starts_a_longer_toponym_does_not_locate_the_park"),
    pytest.param("获评企业有恒宇光电材料有限公司（江津区）、瑞丰电子有限公司（荣昌区）。",
                 [("恒宇光电材料有限公司", "Enterprise"), ("瑞丰电子有限公司", "Enterprise"),
                    ("江津区", "Place"), ("荣昌区", "Place")],
                 "located_in", {("恒宇光电材料有限公司", "located_in", "江津区"),
                                          ("瑞丰电子有限公司", "located_in", "荣昌区")}, id="place_in_brackets_after_a_company"),
    pytest.param("瑞丰电子有限公司首次在江津区落户。滨江数据产业园、恒宇光电材料有限公司签约落户江津区。",
                 [("瑞丰电子有限公司", "Enterprise"), ("江津区", "Place"), ("滨江数据产业园", "Park"),
                    ("恒宇光电材料有限公司", "Enterprise")],
                 "located_in", {("瑞丰电子有限公司", "located_in", "江津区"),
                                          ("滨江数据产业园", "located_in", "江津区"),
                                          ("恒宇光电材料有限公司", "located_in", "江津区")}, id="settling_in_a_place_written_before_the_verb_and_parks_settle_too"),
    pytest.param("中国开封菊花节开幕。",
                 [("中国", "Place"), ("开封", "Place")],
                 "part_of", set(), id="country_before_a_city_states_no_part_of"),
])
def test_relations_found_are_exactly(text, names, label, expected):
    assert triples(make_doc(text, names), label) == expected


SCENES_AND_LISTS = [
    # a visit: 来到 L，调研 A、B，深入 C
    ("工作组来到青川市,实地查看青川高新区,走进青禾机械有限公司、远拓电子有限公司等企业。",
     [("青川市", "Place"), ("青川高新区", "Park"), ("青禾机械有限公司", "Enterprise"),
      ("远拓电子有限公司", "Enterprise")],
     {("青川高新区", "located_in", "青川市"), ("青禾机械有限公司", "located_in", "青川市"),
      ("远拓电子有限公司", "located_in", "青川市")}),
    # a place written before an item places its own list; the scene place the rest
    ("他依次走访白河经开区远拓电机三期、白河高新区青禾饲料加工和瑞丰新材料基地等建设现场。",
     [("白河经开区", "Park"), ("白河高新区", "Park"), ("远拓电机三期", "Project"),
      ("青禾饲料加工", "Project"), ("瑞丰新材料基地", "Project")],
     {("远拓电机三期", "located_in", "白河经开区"), ("青禾饲料加工", "located_in", "白河高新区"),
      ("瑞丰新材料基地", "located_in", "白河高新区")}),
    # 在 L 期间，… A
    ("在洛阳期间,代表团参观了远拓花海和青禾纪念馆。",
     [("洛阳", "Place"), ("远拓花海", "Project"), ("青禾纪念馆", "Project")],
     {("远拓花海", "located_in", "洛阳"), ("青禾纪念馆", "located_in", "洛阳")}),
    # 到 L 调研，深入 A
    ("李明到青川县调研,深入远拓电子有限公司察看生产情况。",
     [("青川县", "Place"), ("远拓电子有限公司", "Enterprise"), ("李明", "Person")],
     {("远拓电子有限公司", "located_in", "青川县")}),
    # 在 L，… A
    ("在青川工业园,李明走进远拓电子有限公司装配线了解订单情况。",
     [("青川工业园", "Park"), ("远拓电子有限公司", "Enterprise"), ("李明", "Person")],
     {("远拓电子有限公司", "located_in", "青川工业园")}),
    # 位于 L 的 A、B及C等企业
    ("参访团走访了位于临湖新区的青禾智造园、远拓研究院及瑞丰药业、禾康医疗等单位。",
     [("临湖新区", "Park"), ("青禾智造园", "Park"), ("远拓研究院", "Organization"),
      ("瑞丰药业", "Enterprise"), ("禾康医疗", "Enterprise")],
     {("青禾智造园", "located_in", "临湖新区"), ("远拓研究院", "located_in", "临湖新区"),
      ("瑞丰药业", "located_in", "临湖新区"), ("禾康医疗", "located_in", "临湖新区")}),
    # an item no recognizer named is passed over
    ("参访团走访了位于临湖新区的青禾智造园、远拓材料与工艺研究院及瑞丰药业、禾康医疗等单位。",
     [("临湖新区", "Park"), ("青禾智造园", "Park"), ("瑞丰药业", "Enterprise"), ("禾康医疗", "Enterprise")],
     {("青禾智造园", "located_in", "临湖新区"), ("瑞丰药业", "located_in", "临湖新区"),
      ("禾康医疗", "located_in", "临湖新区")}),
    ("青川市“青禾碳化硅芯片项目”、“氢能(含储运和加注配套)、氢能装备制造项目”、“临湖老街更新项目”现场签约。",
     [("青川市", "Place"), ("青禾碳化硅芯片项目", "Project"), ("临湖老街更新项目", "Project")],
     {("青禾碳化硅芯片项目", "located_in", "青川市"), ("临湖老街更新项目", "located_in", "青川市")}),
    # A及B坐落于 L
    ("远拓传感器项目及青禾机器人整机项目坐落于临湖新区。",
     [("临湖新区", "Park"), ("远拓传感器项目", "Project"), ("青禾机器人整机项目", "Project")],
     {("远拓传感器项目", "located_in", "临湖新区"), ("青禾机器人整机项目", "located_in", "临湖新区")}),
    # a place before a list of quoted projects
    ("青川市“青禾碳化硅芯片项目”、“临湖老街更新项目”等2个项目现场签约。",
     [("青川市", "Place"), ("青禾碳化硅芯片项目", "Project"), ("临湖老街更新项目", "Project")],
     {("青禾碳化硅芯片项目", "located_in", "青川市"), ("临湖老街更新项目", "located_in", "青川市")}),
    # 来 + a one-character name of a county the document names in full, then a tour: the
    # visitors' own county does not end it, nor does a first item no recognizer named
    ("6月2日,青川县党政代表团来岳考察。岳西县县长陪同。青川县党政代表团先后到岳西县禾丰农业园区、"
     "远拓纸业有限公司、瑞丰航运工程等地,实地考察。",
     [("青川县", "Place"), ("岳", "Place"), ("岳西县", "Place"), ("远拓纸业有限公司", "Enterprise"),
      ("瑞丰航运工程", "Project")],
     {("远拓纸业有限公司", "located_in", "岳西县"), ("瑞丰航运工程", "located_in", "岳西县")}),
    # the project opening the sentence is what 位于 states the place of
    ("青禾电池项目总投资5亿元,位于临湖新区境内。",
     [("青禾电池项目", "Project"), ("临湖新区", "Park")],
     {("青禾电池项目", "located_in", "临湖新区")}),
    # L内的X
    ("临湖新区内的远拓电子有限公司今年扩产。",
     [("临湖新区", "Park"), ("远拓电子有限公司", "Enterprise")],
     {("远拓电子有限公司", "located_in", "临湖新区")}),
    # 该项目 stands for the one project of the sentence before
    ("远拓智能装备项目昨日签约。该项目位于临湖新区,总投资8亿元。",
     [("远拓智能装备项目", "Project"), ("临湖新区", "Park")],
     {("远拓智能装备项目", "located_in", "临湖新区")}),
    ("远拓智能装备项目选址临湖新区。",
     [("远拓智能装备项目", "Project"), ("临湖新区", "Park")],
     {("远拓智能装备项目", "located_in", "临湖新区")}),
    # a place heading a report of an event hosts the projects its sentence lists
    ("白河县:5月4日,在临湖新区远拓电梯项目现场举行仪式,有青禾塑业项目、瑞丰物流中心等10个项目开工。",
     [("白河县", "Place"), ("临湖新区", "Park"), ("远拓电梯项目", "Project"), ("青禾塑业项目", "Project"),
      ("瑞丰物流中心", "Project")],
     {("青禾塑业项目", "located_in", "白河县"), ("瑞丰物流中心", "located_in", "白河县")}),
    # in a city's scene, the visitors' own place and the city named again go on with the scene
    ("在洛期间,白河县党政代表团先后前往孟津区远拓酒庄项目、洛阳会展中心、青禾数据中心等地。",
     [("洛", "Place"), ("洛阳", "Place"), ("白河县", "Place"), ("孟津区", "Place"),
      ("孟津区远拓酒庄项目", "Project"), ("青禾数据中心", "Project")],
     {("孟津区远拓酒庄项目", "located_in", "洛阳"), ("青禾数据中心", "located_in", "洛阳")}),
    # a label of location in a record of projects, on the line of the project or the line after
    ("项目名称:远拓智能装备项目;建设地点:临湖新区\n项目名称:青禾电池项目\n建设地点:白河工业园",
     [("远拓智能装备项目", "Project"), ("临湖新区", "Park"), ("青禾电池项目", "Project"), ("白河工业园", "Park")],
     {("远拓智能装备项目", "located_in", "临湖新区"), ("青禾电池项目", "located_in", "白河工业园")}),
    # a park opening a sentence with 内，is the scene of the rest of it
    ("临湖汽车城内,远拓整车工厂的生产线正满负荷运转。",
     [("临湖汽车城", "Park"), ("远拓整车工厂", "Project")],
     {("远拓整车工厂", "located_in", "临湖汽车城")}),
    # a sentence naming no subject lists projects of the place the document is about
    ("青川县经济稳步增长。青川县今年开工项目多。青川县招商成效明显。"
     "共储备远拓新能源项目、青禾再生资源产业园等重点项目136个。",
     [("青川县", "Place"), ("远拓新能源项目", "Project"), ("青禾再生资源产业园", "Project")],
     {("远拓新能源项目", "located_in", "青川县"), ("青禾再生资源产业园", "located_in", "青川县")}),
    # the project whose ceremony is held in a place lies there
    ("本周,远拓汽车在匈牙利举行匈牙利电池工厂投产仪式。",
     [("远拓汽车", "Enterprise"), ("匈牙利", "Place"), ("匈牙利电池工厂", "Project")],
     {("匈牙利电池工厂", "located_in", "匈牙利")}),
    # a place before 在 and a park holds the park
    ("3月1日,青川市在临湖产业园举行一批重大项目开工仪式。",
     [("青川市", "Place"), ("临湖产业园", "Park")],
     {("临湖产业园", "located_in", "青川市")}),
    # a project written before 在 L and a verb of starting lies in L
    ("总投资5亿元的青禾精密零部件项目近日在临湖新区开工。",
     [("青禾精密零部件项目", "Project"), ("临湖新区", "Park")],
     {("青禾精密零部件项目", "located_in", "临湖新区")}),
    # the place opening the clause is where the projects it lists before 等…项目 are
    ("近年来,青川市引进远拓机器人、临湖文旅小镇、青禾光电产业园等一批重大项目。",
     [("青川市", "Place"), ("远拓机器人", "Project"), ("临湖文旅小镇", "Project"), ("青禾光电产业园", "Park")],
     {("远拓机器人", "located_in", "青川市"), ("临湖文旅小镇", "located_in", "青川市"),
      ("青禾光电产业园", "located_in", "青川市")}),
    # 开竣工 (starts and completions) brings a list in like 开工
    ("一季度,青川市集中开竣工远拓大道工程、青禾光电产业园三期项目等20个项目。",
     [("青川市", "Place"), ("远拓大道工程", "Project"), ("青禾光电产业园三期项目", "Project")],
     {("远拓大道工程", "located_in", "青川市"), ("青禾光电产业园三期项目", "located_in", "青川市")}),
    # a tour: later sentences that go on visiting visit what lies in the scene's park
    ("6月3日,区长李明到临湖工业园察看园区建设。\n\n李明先到远拓新能源、青禾集团了解订单情况。"
     "他要求做好服务保障。\n\n随后,李明考察瑞丰商城及禾康总部项目。",
     [("李明", "Person"), ("临湖工业园", "Park"), ("远拓新能源", "Enterprise"), ("青禾集团", "Enterprise"),
      ("瑞丰商城", "Project"), ("禾康总部项目", "Project")],
     {("远拓新能源", "located_in", "临湖工业园"), ("青禾集团", "located_in", "临湖工业园"),
      ("瑞丰商城", "located_in", "临湖工业园"), ("禾康总部项目", "located_in", "临湖工业园")}),
    # a project named by a company no recognizer named, then a place: the place
    ("远拓白河储能装备产业园项目开工。",
     [("远拓白河储能装备产业园项目", "Project"), ("白河", "Place")],
     {("远拓白河储能装备产业园项目", "located_in", "白河")}),
    # a province written before a park whose name opens with its city: the city
    ("宁夏青川市经济技术开发区项目集中开工。",
     [("宁夏", "Place"), ("青川市", "Place"), ("青川市经济技术开发区", "Park")],
     {("青川市经济技术开发区", "located_in", "青川市")}),
    # what reads as an owner opening a project's name starts with a park
    ("临湖新城远拓研发中心总部项目开工。",
     [("临湖新城远拓研发中心总部项目", "Project"), ("临湖新城远拓研发中心", "Organization"),
      ("临湖新城", "Park")],
     {("临湖新城远拓研发中心总部项目", "located_in", "临湖新城")}),
]

NOT_PLACED = [
    # a province's programme (某省将实施A、B等一批项目) does not place its projects
    ("今年,广西将加快实施远拓港航道扩建、青禾物流枢纽等一批交通项目。",
     [("广西", "Place"), ("远拓港航道扩建", "Project"), ("青禾物流枢纽", "Project")], set()),
    # a park opening an unnamed first item does not bring the list in (no verb before it)
    ("此外,临湖新区滨河路和青禾玻璃生产基地等9个项目已完工。",
     [("临湖新区", "Park"), ("青禾玻璃生产基地", "Project")], set()),
    # a tour ends at a sentence that names another place on its own
    ("李明到临湖工业园调研。随后,李明来到白河县某镇,考察远拓新能源项目。",
     [("李明", "Person"), ("临湖工业园", "Park"), ("白河县", "Place"), ("远拓新能源项目", "Project")], set()),
    # a region opening a name names its scope, not where the site is
    ("东亚国际会展中心项目开工。", [("东北亚", "Place"), ("东亚国际会展中心项目", "Project")], set()),
    # the first item visited, opened by its park's name, is no place of the visit
    ("李明先后来到临湖新城远拓数据中心项目、青禾智谷项目等,察看建设进展。",
     [("李明", "Person"), ("临湖新城", "Park"), ("远拓", "Enterprise"), ("临湖新城远拓数据中心项目", "Project"),
      ("青禾智谷项目", "Project")], {("临湖新城远拓数据中心项目", "located_in", "临湖新城")}),
    # 该项目 with two projects in the sentence before stands for neither
    ("远拓智能装备项目和青禾电池项目昨日签约。该项目位于临湖新区。",
     [("远拓智能装备项目", "Project"), ("青禾电池项目", "Project"), ("临湖新区", "Park")], set()),
    # a season or an event before a place opens no owner's name
    ("秋季青川市招商项目推介会举行。", [("青川市", "Place"), ("秋季青川市招商项目", "Project")], set()),
    # a province after a few unnamed words is a company's regional seat
    ("远拓新疆储能装备产业园投产。", [("新疆", "Place"), ("远拓新疆储能装备产业园", "Park")], set()),
    # companies listed in a sentence naming no subject are as often investors from elsewhere
    ("青川县经济稳步增长。青川县今年开工项目多。青川县招商成效明显。"
     "投资主体包括远拓工业、青禾科技等企业。",
     [("青川县", "Place"), ("远拓工业", "Enterprise"), ("青禾科技", "Enterprise")], set()),
    # a route after a few unnamed words is named by its ends
    ("新建青川至白河铁路项目开工。",
     [("青川", "Place"), ("白河", "Place"), ("新建青川至白河铁路项目", "Project")], set()),
]


@pytest.mark.parametrize("text, names, stated", NOT_PLACED)
def test_statements_that_place_no_project(text, names, stated):
    """Only what the name itself states (``stated``) is found."""
    assert triples(make_doc(text, names), "located_in") == stated


NO_SCENE = [
    # a list of places after the verb is no scene
    ("他赴青川、白河调研远拓电子有限公司。",
     [("青川", "Place"), ("白河", "Place"), ("远拓电子有限公司", "Enterprise")]),
    # 在 L，inside a clause is no scene opener
    ("远拓电子有限公司的产品在青川市,销量第一。",
     [("青川市", "Place"), ("远拓电子有限公司", "Enterprise")]),
    # 到 L without a verb of visiting is no scene (到青川市参加会议)
    ("他到青川市参加会议,远拓电子有限公司代表发言。",
     [("青川市", "Place"), ("远拓电子有限公司", "Enterprise")]),
    # 与 joins the two sides of an agreement, not two items
    ("位于青川市的瑞丰药业与远拓电子有限公司签约。",
     [("青川市", "Place"), ("瑞丰药业", "Enterprise"), ("远拓电子有限公司", "Enterprise")]),
    # a company named as the body of a title is whom the visitors met
    ("代表团前往青川市,会见远拓电子有限公司董事长李明。",
     [("青川市", "Place"), ("远拓电子有限公司", "Enterprise"), ("董事长", "Title"), ("李明", "Person")]),
    # a place that stands alone later ends the scene
    ("调研组来到青川市,听取汇报,随后赶往白河县,深入远拓电子有限公司。",
     [("青川市", "Place"), ("白河县", "Place"), ("远拓电子有限公司", "Enterprise")]),
]


@pytest.mark.parametrize("text, names, expected", SCENES_AND_LISTS)
def test_scenes_and_lists_place_every_item(text, names, expected):
    assert expected <= triples(make_doc(text, names), "located_in")


@pytest.mark.parametrize("text, names", NO_SCENE)
def test_no_scene_places_nothing_in_the_wrong_place(text, names):
    found = triples(make_doc(text, names), "located_in")
    assert ("远拓电子有限公司", "located_in", "青川市") not in found
    assert ("远拓电子有限公司", "located_in", "青川") not in found


PARTS = [
    # 作为L…之一，X: the place opening the next clause is part of L
    ("作为洛阳最重要的板块之一,孟津与洛阳主城区相连,区位优势明显。",
     [("洛阳", "Place"), ("孟津", "Place")], {("孟津", "part_of", "洛阳")}),
    # a place opening the name of an item visited in a place is part of that place
    # (real places: the gazetteer must know that the county can lie in the city)
    ("工作组来到洛阳市,实地查看孟津区高端装备产业园,了解招商进展。",
     [("洛阳市", "Place"), ("孟津区", "Place"), ("孟津区高端装备产业园", "Park")],
     {("孟津区", "part_of", "洛阳市"), ("孟津区高端装备产业园", "located_in", "洛阳市")}),
    # X…,是Y的重要组成部分, also when X opens a project's name
    ("青禾储能产业园项目规划用地约800亩,是白河装备产业园的组成部分。",
     [("青禾储能产业园", "Park"), ("青禾储能产业园项目", "Project"), ("白河装备产业园", "Park")],
     {("青禾储能产业园", "part_of", "白河装备产业园")}),
]


@pytest.mark.parametrize("text, names, expected", PARTS)
def test_stated_and_visited_parts(text, names, expected):
    assert expected <= triples(make_doc(text, names))


EVENTS = [
    # the host of an event and the projects of a later sentence that speaks of it
    ("9月3日上午,湖南省青川县举行秋季重大项目集中开工仪式。本次集中开工的项目包括远拓物流园、"
     "青禾冷链产业园等。",
     [("湖南省", "Place"), ("青川县", "Place"), ("远拓物流园", "Project"), ("青禾冷链产业园", "Project")],
     {("远拓物流园", "located_in", "青川县"), ("青禾冷链产业园", "located_in", "青川县")}, set()),
    # 某区签约N个项目，包括A、B; 其中 right after a sentence that speaks of the event
    ("今年以来,青川区累计签约项目43个,包括远拓物流园、青禾冷链中心等。其中,白河材料项目已开工。",
     [("青川区", "Place"), ("远拓物流园", "Project"), ("青禾冷链中心", "Project"), ("白河材料项目", "Project")],
     {("远拓物流园", "located_in", "青川区"), ("青禾冷链中心", "located_in", "青川区"),
      ("白河材料项目", "located_in", "青川区")}, set()),
    # the host opens the clause of the event word; a next event sentence naming no host keeps it
    ("3月2日下午,白河春季博览会开幕前夕,头一场的青川县营商环境推介暨签约仪式顺利举办。当天,签约仪式共签下项目9个,"
     "分别是总投资3亿元的远拓铝材项目、总投资8亿的青禾家具项目等。",
     [("青川县", "Place"), ("远拓铝材项目", "Project"), ("青禾家具项目", "Project")],
     {("远拓铝材项目", "located_in", "青川县"), ("青禾家具项目", "located_in", "青川县")}, set()),
    # a later sentence that does not speak of the event places nothing
    ("青川县举行一批重点项目开工仪式。远拓物流园年内投产。",
     [("青川县", "Place"), ("远拓物流园", "Project")], set(), {("远拓物流园", "located_in", "青川县")}),
    # an event whose sentence opens with a person has no host
    ("李明出席青川县重点项目集中开工仪式。本次开工的远拓物流园年内投产。",
     [("李明", "Person"), ("青川县", "Place"), ("远拓物流园", "Project")], set(),
     {("远拓物流园", "located_in", "青川县")}),
    # a dateline names no host
    ("本报青川9月2日电 临湖新区秋季重点项目1日集中开工,远拓芯片项目总投资10亿元。",
     [("青川", "Place"), ("临湖新区", "Park"), ("远拓芯片项目", "Project")],
     {("远拓芯片项目", "located_in", "临湖新区")}, {("远拓芯片项目", "located_in", "青川")}),
    # the first item after the event word is no host
    ("当日集中开工的项目有临湖产业园和远拓物流中心、青禾建材产业园。",
     [("临湖产业园", "Park"), ("远拓物流中心", "Project"), ("青禾建材产业园", "Park")], set(),
     {("远拓物流中心", "located_in", "临湖产业园"), ("青禾建材产业园", "located_in", "临湖产业园")}),
    # the body of a title is no host
    ("青川区区长王强在签约活动上致辞时说,远拓物流中心将带动就业。",
     [("青川区", "Place"), ("王强", "Person"), ("区长", "Title"), ("远拓物流中心", "Project")], set(),
     {("远拓物流中心", "located_in", "青川区")}),
    # other parks in the host's sentence are peers, not parks of the host
    ("青川高新区集中开工项目2个,临湖新区、白河经开区分别开工1个。",
     [("青川高新区", "Park"), ("临湖新区", "Park"), ("白河经开区", "Park")], set(),
     {("临湖新区", "located_in", "青川高新区")}),
    # 坐落于某集团旗下某园区
    ("远拓传感器项目坐落于青禾集团旗下临湖产业园内。",
     [("远拓传感器项目", "Project"), ("青禾集团", "Enterprise"), ("临湖产业园", "Park")],
     {("远拓传感器项目", "located_in", "临湖产业园")}, set()),
]


@pytest.mark.parametrize("text, names, expected, absent", EVENTS)
def test_event_hosts_and_owned_parks(text, names, expected, absent):
    found = triples(make_doc(text, names), "located_in")
    assert expected <= found
    assert not absent & found


def test_place_opening_a_company_visited_in_a_scene_is_not_part_of_the_scene_place():
    doc = make_doc("调研组来到洛阳市,深入孟津远拓电气有限公司。",
                   [("洛阳市", "Place"), ("孟津", "Place"), ("孟津远拓电气有限公司", "Enterprise")])
    assert ("孟津远拓电气有限公司", "located_in", "洛阳市") in triples(doc)
    assert triples(doc, "part_of") == set()


NOT_WHERE = [
    # a place joined with another after 是 says whose park it is, not where
    ("临湖协作产业园是上海与外省共同建设的示范园区。",
     [("临湖协作产业园", "Park"), ("上海", "Place")]),
    ("常青工业园区是江苏南北合作共建的样板园区。", [("常青工业园区", "Park"), ("江苏", "Place")]),
    # a one-character abbreviation opening a park's name (洛阳 + 三门峡) is no location
    ("洛三精密制造产业园已投入运营。", [("洛", "Place"), ("洛三精密制造产业园", "Park")]),
    # one character of each of two cities (宜昌 + 荆州) names a zone they share, no place
    ("宜荆工业园区今年入驻企业八家。", [("宜荆", "Place"), ("宜荆工业园区", "Park")]),
    # the words before 园区 in a sub-area's name are no place unless the gazetteer knows them
    ("青川综保区智谷园区今年引进外贸企业12家。", [("青川综保区", "Park"), ("青川综保区智谷园区", "Park")]),
]


@pytest.mark.parametrize("text, names", NOT_WHERE)
def test_statements_that_name_no_location(text, names):
    assert triples(make_doc(text, names), "located_in") == set()


@pytest.mark.parametrize("text, names, label, found, not_found", [
    pytest.param("他深入洛阳市,到青禾科技园察看远拓仓储项目,到白河果蔬有限公司察看分拣线;随后走进临湖能源有限公司。",
                 [("洛阳市", "Place"), ("青禾科技园", "Park"), ("远拓仓储项目", "Project"),
                    ("白河果蔬有限公司", "Enterprise"), ("临湖能源有限公司", "Enterprise")],
                 "located_in", {("青禾科技园", "located_in", "洛阳市"), ("远拓仓储项目", "located_in", "青禾科技园"), ("白河果蔬有限公司", "located_in", "洛阳市")}, {("白河果蔬有限公司", "located_in", "青禾科技园"), ("临湖能源有限公司", "located_in", "洛阳市")}, id="a_visited_site_places_its_own_clause_and_a_semicolon_ends_a_scene"),
    pytest.param("随后，他来到已在大连市金州区扎根二十年的华腾重工集团，察看生产线。",
                 [("大连市", "Place"), ("金州区", "Place"), ("华腾重工集团", "Enterprise")],
                 "located_in", {("华腾重工集团", "located_in", "金州区")}, set(), id="in_place_verb_phrase_de_company"),
    pytest.param("中国(海南)自由贸易试验区三亚新片区建设提速。",
                 [("中国(海南)自由贸易试验区三亚新片区", "Park"), ("三亚新片区", "Park"), ("三亚", "Place"),
                    ("海南", "Place")],
                 "located_in", {("中国(海南)自由贸易试验区三亚新片区", "located_in", "三亚")}, {("中国(海南)自由贸易试验区三亚新片区", "located_in", "海南")}, id="sub_zone_after_a_bracketed_place_is_in_its_own_place"),
    pytest.param("宜昌高新区(含白洋工业园、生物产业园)发展提速。",
                 [("宜昌高新区", "Park"), ("白洋工业园", "Park"), ("生物产业园", "Park"), ("宜昌", "Place")],
                 "part_of", {("白洋工业园", "part_of", "宜昌高新区"), ("生物产业园", "part_of", "宜昌高新区")}, set(), id="parks_in_brackets_after_han_are_parts_of_the_zone"),
    pytest.param("推进航空港经济区郑州片区建设。",
                 [("航空港经济区郑州片区", "Park"), ("郑州", "Place")],
                 "located_in", {("航空港经济区郑州片区", "located_in", "郑州")}, set(), id="sub_area_of_an_unnamed_zone_lies_in_its_place"),
    pytest.param("代表团先后考察了渠县的澜汐生物研究院、青梧硅片项目和远拓仓储项目。",
                 [("渠县", "Place"), ("青梧硅片项目", "Project"), ("远拓仓储项目", "Project")],
                 "located_in", {("青梧硅片项目", "located_in", "渠县"), ("远拓仓储项目", "located_in", "渠县")}, set(),
                 id="a_list_after_a_place_and_de_goes_on_past_an_unnamed_first_item"),
    pytest.param("宜西产业园今年入驻企业八家。", [("宜西", "Place"), ("宜西产业园", "Park")],
                 "located_in", {("宜西产业园", "located_in", "宜西")}, set(),
                 id="a_city_initial_and_a_direction_name_a_place_that_locates_the_park"),
    pytest.param("渠县的发展、青梧硅片项目的进展都受到关注。",
                 [("渠县", "Place"), ("青梧硅片项目", "Project")],
                 "located_in", set(), {("青梧硅片项目", "located_in", "渠县")},
                 id="an_unnamed_first_item_that_is_no_name_still_places_nothing"),
])
def test_relations_found_and_not_found(text, names, label, found, not_found):
    got = triples(make_doc(text, names), label)
    assert found <= got
    assert not got & not_found


def test_park_is_located_in_every_place_of_its_prefix_which_names_no_part_of_above_the_county():
    doc = make_doc("河北保定清苑经济开发区今年新增企业十家。",
                   [("河北保定清苑经济开发区", "Park"), ("河北", "Place"), ("保定", "Place"), ("清苑", "Place")])
    located = triples(doc, "located_in")
    assert located == {("河北保定清苑经济开发区", "located_in", p) for p in ("河北", "保定", "清苑")}
    assert not triples(doc, "part_of")  # 河北保定 in a name says which 保定, not that the text states it


def test_zone_made_of_parks_and_projects_passes_over_an_unnamed_item():
    doc = make_doc("江北科学城主要由智造产业园、大学城和江北物流枢纽项目组成。",
                   [("江北科学城", "Park"), ("智造产业园", "Park"), ("江北物流枢纽项目", "Project")])
    assert ("智造产业园", "part_of", "江北科学城") in triples(doc, "part_of")
    assert ("江北物流枢纽项目", "located_in", "江北科学城") in triples(doc, "located_in")


def test_located_at_de():
    doc = make_doc("位于长寿经开区的华恒化工有限公司新建厂房投用。",
                   [("长寿经开区", "Park"), ("华恒化工有限公司", "Enterprise")])
    assert ("华恒化工有限公司", "located_in", "长寿经开区") in triples(doc)


def test_settles_in():
    doc = make_doc("宏达机械项目签约落户双桥工业园区。", [("宏达机械项目", "Project"), ("双桥工业园区", "Park")])
    assert ("宏达机械项目", "located_in", "双桥工业园区") in triples(doc)


def test_place_prefix_of_park_and_sub_area():
    doc = make_doc("荣安高新区新增企业12家。嘉陵科技园（北碚片区）建成投用，嘉陵科技园扩容。",
                   [("荣安高新区", "Park"), ("荣安", "Place"), ("嘉陵科技园（北碚片区）", "Park"),
                    ("嘉陵科技园", "Park"), ("北碚", "Place")])
    got = triples(doc)
    assert ("荣安高新区", "located_in", "荣安") in got
    assert ("嘉陵科技园（北碚片区）", "part_of", "嘉陵科技园") in got
    assert ("嘉陵科技园（北碚片区）", "located_in", "北碚") in got
    assert not any(h == "嘉陵科技园（北碚片区）" and t == "荣安" for h, _, t in got)


def test_section_header_places_what_follows_until_next_header():
    text = "石柱\n\n黄水大桥加快建设，进度过半。\n\n丰都\n\n名山索道项目开工。"
    doc = make_doc(text, [("石柱", "Place"), ("丰都", "Place"), ("黄水大桥", "Project"), ("名山索道项目", "Project")])
    got = triples(doc, "located_in")
    assert ("黄水大桥", "located_in", "石柱") in got and ("名山索道项目", "located_in", "丰都") in got
    assert ("名山索道项目", "located_in", "石柱") not in got


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


def test_standing_committee_is_no_department_of_its_congress_but_has_departments():
    names = [("青川县人民代表大会", "GovOrg"), ("青川县人民代表大会常务委员会", "GovOrg"),
             ("青川县人民代表大会常务委员会法制工作委员会", "GovOrg")]
    doc = make_doc("青川县人民代表大会闭幕。青川县人民代表大会常务委员会法制工作委员会开会。", names)
    assert triples(doc, "part_of") == {("青川县人民代表大会常务委员会法制工作委员会", "part_of",
                                        "青川县人民代表大会常务委员会")}


def test_settles_in_and_stands_at_with_a_preposition():
    names = [("瑞丰电子有限公司", "Enterprise"), ("江津区", "Place"), ("珞璜镇", "Place")]
    assert ("瑞丰电子有限公司", "located_in", "珞璜镇") in triples(make_doc("瑞丰电子有限公司落户于江津区珞璜镇。", names))
    assert ("瑞丰电子有限公司", "located_in", "珞璜镇") in triples(make_doc("瑞丰电子有限公司坐落在江津区珞璜镇。", names))


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


def test_company_named_after_a_country_is_not_placed_by_the_section_header():
    doc = make_doc("江津\n\n新加坡瑞丰有限公司、恒宇光电材料有限公司看好江津区，纷纷落户。",
                   [("江津", "Place"), ("江津区", "Place"), ("新加坡瑞丰有限公司", "Enterprise"),
                    ("恒宇光电材料有限公司", "Enterprise")])
    placed = {h for h, _, t in triples(doc, "located_in")}
    assert "恒宇光电材料有限公司" in placed and "新加坡瑞丰有限公司" not in placed


@pytest.mark.parametrize("text, names, present, absent", [
    pytest.param("湖北襄阳白河新区今年签约项目二十个。",
                 [("湖北", "Place"), ("襄阳", "Place"), ("湖北襄阳白河新区", "Park")],
                 {("湖北襄阳白河新区", "located_in", "湖北"), ("湖北襄阳白河新区", "located_in", "襄阳")},
                 {("襄阳", "part_of", "湖北")}, id="province_and_city_opening_a_park_both_locate_it_and_state_no_part_of"),
    pytest.param("青石镇白溪村茶叶种植基地今年扩建。",
                 [("青石镇", "Place"), ("白溪村", "Place"), ("青石镇白溪村茶叶种植基地", "Project")],
                 {("青石镇白溪村茶叶种植基地", "located_in", "青石镇"),
                  ("青石镇白溪村茶叶种植基地", "located_in", "白溪村"), ("白溪村", "part_of", "青石镇")},
                 set(), id="town_and_village_opening_a_project_both_locate_it_and_the_village_is_in_the_town"),
    pytest.param("湖北襄阳远拓食品加工项目开工。",
                 [("湖北", "Place"), ("襄阳", "Place"), ("湖北襄阳远拓食品加工项目", "Project")],
                 {("湖北襄阳远拓食品加工项目", "located_in", "襄阳")},
                 {("湖北襄阳远拓食品加工项目", "located_in", "湖北")}, id="a_province_before_a_project_still_locates_nothing"),
    pytest.param("容县远拓电子产业园一期工程开工,澜汐远拓产业园二期项目也开工了。",
                 [("容县", "Place"), ("容县远拓电子产业园", "Park"), ("容县远拓电子产业园一期工程", "Project"),
                  ("澜汐", "Place"), ("澜汐远拓产业园", "Park"), ("澜汐远拓产业园二期项目", "Project")],
                 {("容县远拓电子产业园一期工程", "located_in", "容县远拓电子产业园"),
                  ("容县远拓电子产业园一期工程", "located_in", "容县")},
                 {("澜汐远拓产业园二期项目", "located_in", "澜汐")},
                 id="a_project_opening_with_its_park_is_in_the_division_the_park_is_named_after"),
    pytest.param("玉林经济开发区远拓电子项目开工。",
                 [("玉林", "Place"), ("玉林经济开发区", "Park"), ("玉林经济开发区远拓电子项目", "Project")],
                 {("玉林经济开发区远拓电子项目", "located_in", "玉林经济开发区")},
                 {("玉林经济开发区远拓电子项目", "located_in", "玉林")},
                 id="a_project_opening_with_a_city_development_zone_is_in_the_zone_only"),
    pytest.param("容县经济开发区远拓电子项目开工。",
                 [("容县", "Place"), ("容县经济开发区", "Park"), ("容县经济开发区远拓电子项目", "Project")],
                 {("容县经济开发区远拓电子项目", "located_in", "容县经济开发区"),
                  ("容县经济开发区远拓电子项目", "located_in", "容县")},
                 set(), id="a_project_opening_with_a_county_development_zone_is_in_the_zone_and_the_county"),
    pytest.param("青石县远拓综合开发项目(一期)南片区工程开工。",
                 [("青石县", "Place"), ("青石县远拓综合开发项目", "Project"),
                  ("青石县远拓综合开发项目(一期)南片区工程", "Project")],
                 {("青石县远拓综合开发项目(一期)南片区工程", "located_in", "青石县")},
                 set(), id="a_part_of_a_project_is_in_the_place_opening_the_project"),
    pytest.param("白河港东站集装箱办理站建成。",
                 [("白河", "Place"), ("白河港东站", "Project"), ("白河港东站集装箱办理站", "Project")],
                 set(), {("白河港东站集装箱办理站", "located_in", "白河")},
                 id="a_part_of_a_facility_the_place_alone_names_is_not_placed_by_it"),
])
def test_every_place_of_the_chain_opening_a_site_name_locates_it(text, names, present, absent):
    found = triples(make_doc(text, names))
    assert present <= found
    assert not absent & found


@pytest.mark.parametrize("text, names, expected", [
    pytest.param("市长到青石县调研。他首先来到远拓电子有限公司,勉励企业带动更多企业落地白河市。随后,他走进青禾食品有限公司。",
                 [("青石县", "Place"), ("远拓电子有限公司", "Enterprise"), ("白河市", "Place"), ("青禾食品有限公司", "Enterprise")],
                 {("远拓电子有限公司", "located_in", "青石县"), ("青禾食品有限公司", "located_in", "青石县")},
                 id="a_place_named_but_not_visited_does_not_move_the_tour_on"),
    pytest.param("市长到青石县调研。他首先来到远拓电子有限公司。随后,他前往白河市,走进青禾食品有限公司。",
                 [("青石县", "Place"), ("远拓电子有限公司", "Enterprise"), ("白河市", "Place"), ("青禾食品有限公司", "Enterprise")],
                 {("远拓电子有限公司", "located_in", "青石县"), ("青禾食品有限公司", "located_in", "白河市")},
                 id="a_place_visited_moves_the_tour_on"),
    pytest.param("书记赴青石高新区调研。他强调,要深入贯彻江南省工作会议精神。书记在远拓智造产业园调研。"
                 "在青禾电子、远拓食品,书记察看生产线。",
                 [("青石高新区", "Park"), ("江南省", "Place"), ("远拓智造产业园", "Park"),
                  ("青禾电子", "Enterprise"), ("远拓食品", "Enterprise")],
                 {("远拓智造产业园", "located_in", "青石高新区"), ("青禾电子", "located_in", "青石高新区"),
                  ("远拓食品", "located_in", "青石高新区")},
                 id="a_park_of_the_toured_zone_and_a_verb_of_policy_do_not_move_the_tour_on"),
    pytest.param("书记到渠县调研。随后,书记走进邻水产业园、三汇镇花椒基地。在远拓食品有限公司,书记察看生产线。",
                 [("渠县", "Place"), ("邻水", "Place"), ("邻水产业园", "Park"), ("三汇镇", "Place"),
                  ("三汇镇花椒基地", "Project"), ("远拓食品有限公司", "Enterprise")],
                 {("邻水产业园", "located_in", "邻水"), ("三汇镇花椒基地", "located_in", "三汇镇"),
                  ("三汇镇花椒基地", "located_in", "渠县"), ("远拓食品有限公司", "located_in", "渠县")},
                 id="a_park_named_after_another_place_is_there_not_in_the_toured_place"),
    pytest.param("书记到青石高新区调研。随后,书记走进青禾电子有限公司储能装备基地、远拓智能有限公司智慧工厂项目等地。",
                 [("青石高新区", "Park"), ("青禾电子有限公司", "Enterprise"), ("储能装备基地", "Project"),
                  ("远拓智能有限公司", "Enterprise"), ("智慧工厂项目", "Project")],
                 {("储能装备基地", "located_in", "青石高新区"), ("智慧工厂项目", "located_in", "青石高新区")},
                 id="a_company_before_its_project_in_a_list_owns_the_item_visited"),
    pytest.param("主任莅临青石经开区调研。主任先后深入我区远拓食品有限公司、青禾电子有限公司。"
                 "在白鹭纺织有限公司的生产车间,工人正忙。主任还走访了澜汐科技有限公司和岚川机械有限公司。",
                 [("青石经开区", "Park"), ("远拓食品有限公司", "Enterprise"), ("青禾电子有限公司", "Enterprise"),
                  ("白鹭纺织有限公司", "Enterprise"), ("澜汐科技有限公司", "Enterprise"), ("岚川机械有限公司", "Enterprise")],
                 {(c, "located_in", "青石经开区") for c in ("远拓食品有限公司", "青禾电子有限公司", "白鹭纺织有限公司",
                                                       "澜汐科技有限公司", "岚川机械有限公司")},
                 id="a_particle_or_our_district_after_the_verb_and_a_company_s_workshop_opened_with_zai"),
    pytest.param("市长赴渠县调研。他强调,要落实视察四川重要讲话精神。市长来到远拓食品有限公司。",
                 [("渠县", "Place"), ("四川", "Place"), ("远拓食品有限公司", "Enterprise")],
                 {("远拓食品有限公司", "located_in", "渠县")},
                 id="the_province_of_the_toured_place_does_not_move_the_tour_on"),
    pytest.param("书记来到青石高新区调研。图为在澜汐智能产业园三期项目,书记了解情况。",
                 [("青石高新区", "Park"), ("澜汐智能产业园三期项目", "Project"), ("澜汐智能产业园", "Park")],
                 {("澜汐智能产业园三期项目", "located_in", "青石高新区"),
                  ("澜汐智能产业园三期项目", "located_in", "澜汐智能产业园")},
                 id="a_caption_at_a_site_and_the_estate_a_project_builds"),
    pytest.param("书记到渠县调研。书记先后到澜汐硅片项目点、青梧负极材料基地,察看进展。",
                 [("渠县", "Place"), ("澜汐硅片项目", "Project"), ("青梧负极材料基地", "Project")],
                 {("澜汐硅片项目", "located_in", "渠县"), ("青梧负极材料基地", "located_in", "渠县")},
                 id="the_site_of_a_project_item_before_the_next_item"),
    pytest.param("书记到青石高新区调研。在澜汐硅片项目施工现场,书记了解进度;走进青梧食品有限公司、远拓电子有限公司,察看生产线。",
                 [("青石高新区", "Park"), ("澜汐硅片项目", "Project"), ("青梧食品有限公司", "Enterprise"),
                  ("远拓电子有限公司", "Enterprise")],
                 {(m, "located_in", "青石高新区") for m in ("澜汐硅片项目", "青梧食品有限公司", "远拓电子有限公司")},
                 id="every_list_a_tour_sentence_visits"),
    pytest.param("书记在青石县调研\n\n3月1日,书记先后走进青梧食品有限公司、远拓电子有限公司,了解生产情况。",
                 [("青石县", "Place"), ("青梧食品有限公司", "Enterprise"), ("远拓电子有限公司", "Enterprise")],
                 {(m, "located_in", "青石县") for m in ("青梧食品有限公司", "远拓电子有限公司")},
                 id="a_visit_said_with_zai_in_a_headline_opens_the_tour"),
    pytest.param("书记赴青石高新区调研。书记在澜汐智造产业园调研。书记首先来到青梧食品有限公司。",
                 [("青石高新区", "Park"), ("澜汐智造产业园", "Park"), ("青梧食品有限公司", "Enterprise")],
                 {("澜汐智造产业园", "located_in", "青石高新区"), ("青梧食品有限公司", "located_in", "青石高新区")},
                 id="a_visit_said_with_zai_during_a_tour_goes_on_with_the_tour"),
    pytest.param("区长赴青石镇走访企业。区长首先来到青梧食品有限公司。远拓电子有限公司是一家生产电子元件的企业。",
                 [("青石镇", "Place"), ("青梧食品有限公司", "Enterprise"), ("远拓电子有限公司", "Enterprise")],
                 {(m, "located_in", "青石镇") for m in ("青梧食品有限公司", "远拓电子有限公司")},
                 id="a_company_a_tour_sentence_opens_by_describing_is_visited"),
    pytest.param("代表团赴白河市考察。代表团一行在青石县先后走进青梧食品有限公司、远拓电子有限公司。",
                 [("白河市", "Place"), ("青石县", "Place"), ("青梧食品有限公司", "Enterprise"), ("远拓电子有限公司", "Enterprise")],
                 {(m, "located_in", "青石县") for m in ("青梧食品有限公司", "远拓电子有限公司")},
                 id="adverbs_between_the_place_and_the_verb_of_visiting"),
])
def test_tour_moves_on_only_with_the_visit(text, names, expected):
    assert triples(make_doc(text, names), "located_in") == expected


@pytest.mark.parametrize("text, names, expected", [
    pytest.param("调研组前往青石县开展调研,走访远拓电子有限公司。",
                 [("青石县", "Place"), ("远拓电子有限公司", "Enterprise")],
                 {("远拓电子有限公司", "located_in", "青石县")}, id="light_verb_before_the_verb_of_visiting"),
    pytest.param("调研组前往青石县开展合作,走访远拓电子有限公司。",
                 [("青石县", "Place"), ("远拓电子有限公司", "Enterprise")],
                 set(), id="light_verb_before_no_verb_of_visiting_opens_no_scene"),
    pytest.param("调研组到原青梧产业园,实地了解远拓电子有限公司、青禾食品有限公司等新入驻企业。",
                 [("青梧产业园", "Park"), ("远拓电子有限公司", "Enterprise"), ("青禾食品有限公司", "Enterprise")],
                 {("远拓电子有限公司", "located_in", "青梧产业园"), ("青禾食品有限公司", "located_in", "青梧产业园")},
                 id="dao_a_park_and_a_comma_opens_a_scene_also_with_its_former_name"),
    pytest.param("从青石县到白河县,远拓电子有限公司的车队运输货物。",
                 [("青石县", "Place"), ("白河县", "Place"), ("远拓电子有限公司", "Enterprise")],
                 set(), id="dao_a_place_and_a_comma_opens_no_scene"),
])
def test_place_visited_with_a_light_verb_opens_a_scene(text, names, expected):
    assert triples(make_doc(text, names), "located_in") == expected


@pytest.mark.parametrize("text, names, expected", [
    pytest.param("中国(河北)自由贸易试验区揭牌。中国经济持续向好。",
                 [("中国(河北)自由贸易试验区", "Park"), ("中国", "Place"), ("河北", "Place")],
                 {("中国(河北)自由贸易试验区", "located_in", "河北")}, id="country_recognized_elsewhere_leaves_the_bracket_to_say_where"),
    pytest.param("西宁(国家级)经济技术开发区揭牌。",
                 [("西宁(国家级)经济技术开发区", "Park"), ("西宁", "Place")],
                 {("西宁(国家级)经济技术开发区", "located_in", "西宁")}, id="a_city_before_a_bracket_still_says_where"),
])
def test_bracketed_place_after_a_country_locates_a_park(text, names, expected):
    assert triples(make_doc(text, names), "located_in") == expected


@pytest.mark.parametrize("text, names, expected", [
    pytest.param("全市集中开工。\n渠县:4月2日,在达州澜汐产业园举行仪式,有澜汐电子项目开工。\n邻水县:澜岳食品项目开工。",
                 [("渠县", "Place"), ("达州", "Place"), ("达州澜汐产业园", "Park"), ("澜汐电子项目", "Project"),
                  ("邻水县", "Place"), ("澜岳食品项目", "Project")],
                 {("达州澜汐产业园", "渠县"), ("澜汐电子项目", "渠县"), ("澜岳食品项目", "邻水县")},
                 id="every_park_and_project_of_a_line_headed_by_a_place"),
    pytest.param("渠县:邻水经开区澜汐电子项目开工。",
                 [("渠县", "Place"), ("邻水", "Place"), ("邻水经开区", "Park"), ("澜汐电子项目", "Project")],
                 {("邻水经开区", "邻水")},
                 id="not_a_park_named_after_another_county"),
])
def test_line_headed_by_a_place(text, names, expected):
    assert {(h, t) for h, _, t in triples(make_doc(text, names), "located_in")} >= expected
    assert ("邻水经开区", "渠县") not in {(h, t) for h, _, t in triples(make_doc(text, names), "located_in")}


@pytest.mark.parametrize("text, names, expected", [
    pytest.param("总投资5亿元的澜汐广场项目,作为渠县重大项目,承载着商业功能。",
                 [("澜汐广场项目", "Project"), ("渠县", "Place")], {("澜汐广场项目", "located_in", "渠县")},
                 id="zuowei_a_places_major_project"),
    pytest.param("青梧会展中心是渠县重点项目。", [("青梧会展中心", "Project"), ("渠县", "Place")],
                 {("青梧会展中心", "located_in", "渠县")}, id="shi_a_places_key_project"),
    pytest.param("青梧会展中心是渠县与邻水县合作的成果。", [("青梧会展中心", "Project"), ("渠县", "Place"), ("邻水县", "Place")],
                 set(), id="not_a_place_doing_something"),
])
def test_a_project_a_place_counts_as_its_own(text, names, expected):
    assert triples(make_doc(text, names), "located_in") == expected


@pytest.mark.parametrize("text, names, expected", [
    pytest.param("渠县抢抓新能源发展机遇,引进建设澜汐电池产业园、青梧储能电站等项目;邻水县招引了岚川食品项目。",
                 [("渠县", "Place"), ("澜汐电池产业园", "Project"), ("青梧储能电站", "Project"),
                  ("邻水县", "Place"), ("岚川食品项目", "Project")],
                 {("澜汐电池产业园", "located_in", "渠县"), ("青梧储能电站", "located_in", "渠县")},
                 id="the_subject_of_the_first_clause_brings_in_the_list"),
    pytest.param("渠县抢抓与澜汐集团合作机遇,引进建设澜汐电池产业园、青梧储能电站等项目。",
                 [("渠县", "Place"), ("澜汐集团", "Enterprise"), ("澜汐电池产业园", "Project"), ("青梧储能电站", "Project")],
                 set(), id="not_past_another_name"),
])
def test_a_list_clause_shares_the_subject_of_its_sentence(text, names, expected):
    assert expected <= triples(make_doc(text, names), "located_in")
    if not expected:
        assert not {h for h, _, t in triples(make_doc(text, names), "located_in") if t == "渠县"}


# Round 4: lists and scenes whose place is named in another clause or sentence.
LISTS_AND_SCENES = [
    pytest.param("6月2日上午,青川县临河镇多个重点项目集中开工。县委书记李明、远拓集团董事长王强等参加开工仪式。"
                 "当天集中开工的项目为远拓循环产业园和青禾物流中心。",
                 [("青川县", "Place"), ("临河镇", "Place"), ("李明", "Person"), ("远拓集团", "Enterprise"),
                  ("王强", "Person"), ("远拓循环产业园", "Park"), ("青禾物流中心", "Project")],
                 {("远拓循环产业园", "located_in", "临河镇"), ("青禾物流中心", "located_in", "临河镇")}, set(),
                 id="a_sentence_of_who_attended_keeps_the_host_of_the_event"),
    pytest.param("临河镇多个重点项目集中开工。白河市也举行开工仪式。当天集中开工的项目为青禾物流中心。",
                 [("临河镇", "Place"), ("白河市", "Place"), ("青禾物流中心", "Project")],
                 {("青禾物流中心", "located_in", "白河市")}, {("青禾物流中心", "located_in", "临河镇")},
                 id="an_event_sentence_naming_another_host_moves_it"),
    pytest.param("钦州市有远拓新材料基地项目一期二、三阶段,青禾大街工程等50个项目开竣工。",
                 [("钦州市", "Place"), ("远拓新材料基地项目", "Project"), ("青禾大街工程", "Project")],
                 {("远拓新材料基地项目", "located_in", "钦州市"), ("青禾大街工程", "located_in", "钦州市")}, set(),
                 id="the_place_opening_a_sentence_hosts_an_event_whose_clause_opens_with_a_list_item"),
    pytest.param("白河市今年成效明显,李明表示,青禾大街工程等50个项目开工。",
                 [("白河市", "Place"), ("李明", "Person"), ("青禾大街工程", "Project")],
                 set(), {("青禾大街工程", "located_in", "白河市")},
                 id="a_person_named_between_the_place_and_the_event_leaves_it_unhosted"),
    pytest.param("临河镇现有远拓食品厂、青禾鞋业等企业30余家。",
                 [("临河镇", "Place"), ("远拓食品厂", "Enterprise"), ("青禾鞋业", "Enterprise")],
                 {("远拓食品厂", "located_in", "临河镇"), ("青禾鞋业", "located_in", "临河镇")}, set(),
                 id="a_town_having_a_list_of_local_firms"),
    pytest.param("白河区举行招商签约大会,远拓光伏项目、青禾物流中心落地。",
                 [("白河区", "Place"), ("远拓光伏项目", "Project"), ("青禾物流中心", "Project")],
                 {("远拓光伏项目", "located_in", "白河区"), ("青禾物流中心", "located_in", "白河区")}, set(),
                 id="the_host_of_a_signing_assembly"),
    pytest.param("这次白河市组织20个重大项目集中开工。特别是远拓装备产业园项目,总投资10亿元。",
                 [("白河市", "Place"), ("远拓装备产业园项目", "Project")],
                 {("远拓装备产业园项目", "located_in", "白河市")}, set(),
                 id="a_sentence_speaking_of_the_event_names_its_host_and_the_next_singles_out_a_project"),
    pytest.param("本次集中开工的项目将助推临河新片区发展,其中远拓半导体、临河新片区等项目带动产业。",
                 [("临河新片区", "Park"), ("远拓半导体", "Project")], set(),
                 {("临河新片区", "located_in", "临河新片区")},
                 id="the_host_named_again_is_not_its_own_project"),
    pytest.param("王强指出,近年来,青川县认真落实各项部署,以“共建创新白河”为主线,先后引进了远拓酒厂、青禾新材料等企业。",
                 [("王强", "Person"), ("青川县", "Place"), ("创新白河", "Place"), ("远拓酒厂", "Enterprise"),
                  ("青禾新材料", "Enterprise")],
                 {("远拓酒厂", "located_in", "青川县"), ("青禾新材料", "located_in", "青川县")}, set(),
                 id="a_list_verb_after_adverbs_has_the_subject_of_an_earlier_clause_past_a_slogan"),
    pytest.param("青川县召开推介会,远拓集团负责人表示,先后引进了青禾酒厂、白河新材料等企业。",
                 [("青川县", "Place"), ("远拓集团", "Enterprise"), ("青禾酒厂", "Enterprise"),
                  ("白河新材料", "Enterprise")], set(),
                 {("青禾酒厂", "located_in", "青川县"), ("白河新材料", "located_in", "青川县")},
                 id="a_clause_opening_with_a_company_has_another_subject"),
    pytest.param("在青川县远拓棉业、青禾纺织,李明指出,要加强与白河电子有限公司的合作。",
                 [("青川县", "Place"), ("远拓棉业", "Enterprise"), ("青禾纺织", "Enterprise"), ("李明", "Person"),
                  ("白河电子有限公司", "Enterprise")],
                 {("远拓棉业", "located_in", "青川县"), ("青禾纺织", "located_in", "青川县")},
                 {("白河电子有限公司", "located_in", "青川县")},
                 id="sites_listed_right_after_zai_and_a_place_are_there_up_to_the_clause_end"),
    pytest.param("李明还到扶沟县远拓产业园、青禾创新中心、河南省白河研究院、项城市远拓药业、青禾制药等地进行调研。",
                 [("李明", "Person"), ("扶沟县", "Place"), ("扶沟县远拓产业园", "Park"), ("青禾创新中心", "Organization"),
                  ("河南省", "Place"), ("河南省白河研究院", "Organization"), ("项城市", "Place"),
                  ("远拓药业", "Enterprise"), ("青禾制药", "Enterprise")],
                 {("扶沟县远拓产业园", "located_in", "扶沟县"), ("青禾创新中心", "located_in", "扶沟县"),
                  ("河南省白河研究院", "located_in", "扶沟县"), ("远拓药业", "located_in", "项城市"),
                  ("青禾制药", "located_in", "项城市")},
                 {("青禾制药", "located_in", "河南省")},
                 id="sites_listed_after_dao_and_a_place_before_a_verb_of_visiting_each_in_the_place_before_it"),
    pytest.param("调研组来到南阳市,现场调研内乡县远拓开发区、白河开发区,深入远拓食品有限公司。",
                 [("南阳市", "Place"), ("内乡县", "Place"), ("内乡县远拓开发区", "Park"), ("白河开发区", "Park"),
                  ("远拓食品有限公司", "Enterprise")], set(),
                 {("远拓食品有限公司", "located_in", "内乡县"), ("白河开发区", "located_in", "内乡县")},
                 id="parks_visited_after_a_verb_of_visiting_do_not_make_the_place_opening_the_first_the_scene"),
]


@pytest.mark.parametrize("text, names, expected, absent", LISTS_AND_SCENES)
def test_lists_and_scenes_placed_from_another_clause(text, names, expected, absent):
    found = triples(make_doc(text, names), "located_in")
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize("text, names, expected, absent", [
    pytest.param("李明到周口市扶沟县、太康县、项城市调研。",
                 [("李明", "Person"), ("周口市", "Place"), ("扶沟县", "Place"), ("太康县", "Place"), ("项城市", "Place")],
                 {("扶沟县", "part_of", "周口市"), ("太康县", "part_of", "周口市"), ("项城市", "part_of", "周口市")},
                 set(), id="counties_listed_after_the_first_written_right_after_its_city"),
    pytest.param("李明到周口市扶沟县、开封市杞县、兰考县调研。",
                 [("李明", "Person"), ("周口市", "Place"), ("扶沟县", "Place"), ("开封市", "Place"), ("杞县", "Place"),
                  ("兰考县", "Place")],
                 {("扶沟县", "part_of", "周口市"), ("杞县", "part_of", "开封市")},
                 {("兰考县", "part_of", "周口市"), ("开封市", "part_of", "周口市")},
                 id="a_city_in_the_list_starts_another_list"),
])
def test_divisions_listed_after_their_parent(text, names, expected, absent):
    found = triples(make_doc(text, names), "part_of")
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize("text, names, expected, absent", [
    pytest.param("青禾智造产业园位于临河镇。目前,远拓电子、白河精密等企业已入驻园区。",
                 [("青禾智造产业园", "Park"), ("临河镇", "Place"), ("远拓电子", "Enterprise"), ("白河精密", "Enterprise")],
                 {("远拓电子", "located_in", "青禾智造产业园"), ("白河精密", "located_in", "青禾智造产业园")}, set(),
                 id="companies_settling_in_the_park_a_word_stands_for"),
    pytest.param("青禾智造产业园今年成效明显。园区先后引进了远拓电子、白河精密等企业。",
                 [("青禾智造产业园", "Park"), ("远拓电子", "Enterprise"), ("白河精密", "Enterprise")],
                 {("远拓电子", "located_in", "青禾智造产业园"), ("白河精密", "located_in", "青禾智造产业园")}, set(),
                 id="companies_a_park_word_brings_in"),
    pytest.param("青禾智造产业园位于临河镇。目前园区内有远拓电子、白河精密等企业20余家。",
                 [("青禾智造产业园", "Park"), ("临河镇", "Place"), ("远拓电子", "Enterprise"), ("白河精密", "Enterprise")],
                 {("远拓电子", "located_in", "青禾智造产业园"), ("白河精密", "located_in", "青禾智造产业园")}, set(),
                 id="companies_a_park_word_has"),
    pytest.param("远拓电子、白河精密等企业已入驻园区。",
                 [("远拓电子", "Enterprise"), ("白河精密", "Enterprise")], set(),
                 {("远拓电子", "located_in", "园区")}, id="no_park_named_before_places_nothing"),
])
def test_park_words_stand_for_the_park_named_before(text, names, expected, absent):
    found = triples(make_doc(text, names), "located_in")
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize("text, names, expected, absent", [
    pytest.param("远拓仓储中心项目现场一派繁忙。该项目是临河低碳小镇重点工业项目。",
                 [("远拓仓储中心项目", "Project"), ("临河低碳小镇", "Park")],
                 {("远拓仓储中心项目", "located_in", "临河低碳小镇")}, set(),
                 id="the_project_the_sentence_before_names_is_one_of_a_park_s_projects"),
    pytest.param("远拓仓储中心项目和青禾物流项目开工。该项目是临河低碳小镇重点工业项目。",
                 [("远拓仓储中心项目", "Project"), ("青禾物流项目", "Project"), ("临河低碳小镇", "Park")],
                 set(), {("远拓仓储中心项目", "located_in", "临河低碳小镇")},
                 id="gai_xiangmu_after_two_projects_stands_for_neither"),
    pytest.param("远拓炼化改扩建项目现场一派繁忙。该项目是海南自贸港的重点工程。",
                 [("远拓炼化改扩建项目", "Project"), ("海南", "Place"), ("海南自贸港", "Park")],
                 set(), {("远拓炼化改扩建项目", "located_in", "海南自贸港")},
                 id="a_zone_named_after_a_province_is_a_programme_not_a_site"),
])
def test_projects_placed_by_what_they_are_said_to_be(text, names, expected, absent):
    found = triples(make_doc(text, names), "located_in")
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize("text, names, expected, absent", [
    pytest.param("远拓集团研究院南充创新中心揭牌。张三表示,南充将全力支持。",
                 [("远拓集团研究院南充创新中心", "Project"), ("南充", "Place")],
                 {("远拓集团研究院南充创新中心", "located_in", "南充")}, set(),
                 id="a_city_inside_a_project_s_name_and_named_on_its_own"),
    pytest.param("远拓集团研究院南充创新中心揭牌。",
                 [("远拓集团研究院南充创新中心", "Project"), ("南充", "Place")],
                 set(), {("远拓集团研究院南充创新中心", "located_in", "南充")},
                 id="not_when_the_document_names_the_city_only_inside_the_name"),
    pytest.param("远拓南充新能源有限公司储能装备基地投产。南充将全力支持。",
                 [("远拓南充新能源有限公司储能装备基地", "Project"), ("远拓南充新能源有限公司", "Enterprise"),
                  ("南充", "Place")],
                 set(), {("远拓南充新能源有限公司储能装备基地", "located_in", "南充")},
                 id="not_the_seat_in_the_owner_s_name"),
    pytest.param("重点推进西南充铁矿复产。南充将全力支持。",
                 [("西南充铁矿", "Project"), ("南充", "Place")],
                 set(), {("西南充铁矿", "located_in", "南充")},
                 id="not_a_place_a_direction_opens"),
    pytest.param("远拓集团南充至广安输气管道开工。南充将全力支持。",
                 [("远拓集团南充至广安输气管道", "Project"), ("南充", "Place"), ("广安", "Place")],
                 set(), {("远拓集团南充至广安输气管道", "located_in", "南充")},
                 id="not_the_first_end_of_a_route"),
])
def test_a_place_inside_a_project_s_name(text, names, expected, absent):
    found = triples(make_doc(text, names), "located_in")
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize("text, names, expected, absent", [
    pytest.param("近日,青川经开区先后引进了远拓电子有限公司、青禾精密有限公司。",
                 [("青川经开区", "Park"), ("远拓电子有限公司", "Enterprise"), ("青禾精密有限公司", "Enterprise")],
                 {("远拓电子有限公司", "located_in", "青川经开区"), ("青禾精密有限公司", "located_in", "青川经开区")},
                 set(), id="items_right_after_the_list_verb_of_a_clause_a_park_opens"),
    pytest.param("目前,青川经开区已入驻远拓电子有限公司、青禾精密有限公司。",
                 [("青川经开区", "Park"), ("远拓电子有限公司", "Enterprise"), ("青禾精密有限公司", "Enterprise")],
                 {("远拓电子有限公司", "located_in", "青川经开区"), ("青禾精密有限公司", "located_in", "青川经开区")},
                 set(), id="companies_a_park_says_have_moved_in"),
    pytest.param("今年以来,青川县签约落地远拓集团、青禾光伏组件项目。",
                 [("青川县", "Place"), ("远拓集团", "Enterprise"), ("青禾光伏组件项目", "Project")],
                 {("青禾光伏组件项目", "located_in", "青川县")}, {("远拓集团", "located_in", "青川县")},
                 id="projects_a_place_signed_to_land_there"),
    pytest.param("青川县签约远拓集团、青禾光伏组件项目。",
                 [("青川县", "Place"), ("远拓集团", "Enterprise"), ("青禾光伏组件项目", "Project")],
                 {("青禾光伏组件项目", "located_in", "青川县")}, {("远拓集团", "located_in", "青川县")},
                 id="a_company_signed_with_is_no_local_firm"),
    pytest.param("四川省引进远拓光伏组件项目。",
                 [("四川省", "Place"), ("远拓光伏组件项目", "Project")], set(),
                 {("远拓光伏组件项目", "located_in", "四川省")}, id="not_a_province_s_programme"),
    pytest.param("白河市拥有青禾新区、白河经开区等多个国家级园区。",
                 [("白河市", "Place"), ("青禾新区", "Park"), ("白河经开区", "Park")],
                 {("青禾新区", "located_in", "白河市"), ("白河经开区", "located_in", "白河市")}, set(),
                 id="parks_a_city_has_closed_by_a_park_word"),
    pytest.param("远拓光伏组件项目是青川县今年引进的重点项目。",
                 [("远拓光伏组件项目", "Project"), ("青川县", "Place")],
                 {("远拓光伏组件项目", "located_in", "青川县")}, set(),
                 id="a_project_a_place_brought_in_is_its_own"),
])
def test_lists_a_place_brings_in(text, names, expected, absent):
    found = triples(make_doc(text, names), "located_in")
    assert expected <= found
    assert not absent & found


def test_a_hometown_chamber_named_by_two_places_states_no_part_of():
    doc = make_doc("佛山市化州商会会长出席仪式。", [("佛山市", "Place"), ("化州", "Place"), ("佛山市化州商会", "Organization")])
    assert triples(doc, "part_of") == set()
