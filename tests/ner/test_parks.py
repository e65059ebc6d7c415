"""The park recognizer (kg.ner.parks): zones, sub-areas, and phrases that name no park, on
sentences written for these tests."""
from __future__ import annotations

import pytest

from kg.ner.parks import company_estate_end, recognize_parks
from tests.conftest import plain_doc, recognized, texts


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("会议推动吉安国家高新技术产业开发区、临沂临空经济区和琼海中央商务区协同发展,共建海南自由贸易港。",
                 {"临沂临空经济区", "吉安国家高新技术产业开发区", "海南自由贸易港", "琼海中央商务区"}, set(), id="zone_suffix_families"),
    pytest.param("会上，綦江高新区、南川工业园区和西部(重庆)科学城沙坪坝片区负责人发言，两江新区鱼复组团也在列。",
                 {"两江新区", "两江新区鱼复组团", "南川工业园区", "綦江高新区", "西部(重庆)科学城", "西部(重庆)科学城沙坪坝片区"}, set(), id="parks_with_place_prefix_sub_areas_and_nesting"),
    pytest.param("湖北襄阳：襄阳国际汽车城与襄阳汽开区签约。获批以来，汽开区增长很快。参观材料产业孵化器。",
                 {"汽开区", "襄阳国际汽车城", "襄阳汽开区"}, {"材料产业孵化器"}, id="car_city_abbreviated_zone_but_no_incubator"),
    pytest.param("容县博白汽车零部件产业园、容县经济开发区和容县杨梅镇工业园区开园。",
                 {"博白汽车零部件产业园", "容县经济开发区", "容县杨梅镇工业园区"}, {"容县博白汽车零部件产业园"},
                 id="a_county_before_a_park_named_after_another_place_is_not_in_its_name"),
    pytest.param("他们来到原青岭产业园调研。",
                 {"青岭产业园"}, {"原青岭产业园"}, id="former_is_not_part_of_a_park_name"),
    pytest.param("澜汐工业区和青梧化工区引进企业，岚城国际港务区也在列；沿海老工业区振兴、打造化工区不算。",
                 {"澜汐工业区", "青梧化工区", "岚城国际港务区"}, {"沿海老工业区", "老工业区", "打造化工区"},
                 id="industrial_chemical_and_port_districts"),
    pytest.param("园区建成机械制造产业园6个,地块由澜汐智造产业园有限公司竞得,青梧自贸港11个重点园区挂牌。",
                 {"青梧自贸港"}, {"机械制造产业园", "澜汐新材料产业园"},
                 id="a_count_ending_the_clause_or_a_company_suffix_after_the_zone_word"),
    pytest.param("资料图：航拍四川青梧国际康养旅游先行区。俯瞰澜汐高新区。",
                 {"四川青梧国际康养旅游先行区", "澜汐高新区"}, {"航拍四川青梧国际康养旅游先行区", "俯瞰澜汐高新区"},
                 id="a_caption_verb_before_the_park"),
    pytest.param("市长来到宜昌园区调研，全市各园区负责人参加。",
                 {"宜昌园区"}, {"全市园区", "市园区", "园区"}, id="a_park_named_by_its_place_alone"),
    pytest.param("澜汐高新区宜昌园区建设提速。宜昌园区引进企业三家。",
                 {"澜汐高新区宜昌园区"}, {"宜昌园区"}, id="a_place_s_park_written_as_a_sub_area_is_that_sub_area"),
    pytest.param("重庆数字经济示范区、璧山临港物流聚集区和澜汐中央商务区挂牌，青梧科创园开园；共同富裕示范区是目标。",
                 {"重庆数字经济示范区", "璧山临港物流聚集区", "澜汐中央商务区", "青梧科创园"}, {"共同富裕示范区"},
                 id="demonstration_zones_clusters_and_business_districts_need_their_place"),
    pytest.param("璧山产业集聚区东区和铜梁高新区西分区、澜汐高新区机械产业园E区建设提速。",
                 {"璧山产业集聚区东区", "铜梁高新区西分区", "澜汐高新区机械产业园E区"}, set(),
                 id="lettered_and_directional_sub_areas"),
    pytest.param("项目符合澜汐示范园要求，某局执行工业园区政策，澜汐工业园区不断优化园区营商环境。",
                 {"澜汐示范园", "澜汐工业园区"}, {"项目符合澜汐示范园", "某局执行工业园区", "澜汐工业园区不断优化园区"},
                 id="verbs_glued_to_either_end"),
    pytest.param("这里建成全省最大的冷链物流园，也是西南最大青梧物流园。",
                 set(), {"冷链物流园", "青梧物流园", "西南最大青梧物流园"}, id="a_superlative_describes_no_park"),
    pytest.param("加快建设黔江正阳工业园区，推进临空经济区璧山片区建设。",
                 {"黔江正阳工业园区", "临空经济区璧山片区"}, {"正阳工业园区", "阳工业园区"},
                 id="a_place_opening_with_a_stop_character_and_an_airport_zone_s_area"),
    pytest.param("他们来到澜汐重工、青梧食品产业园和岚城船舶公司等项目现场；青梧食品产业园区挂牌。",
                 {"青梧食品产业园区"}, {"青梧食品产业园"}, id="an_estate_listed_among_projects_is_a_project"),
    pytest.param("石柱-丰都工业园区和梁平、垫江产业园签约。",
                 {"石柱-丰都工业园区", "垫江产业园"}, {"梁平、垫江产业园"}, id="two_places_joined_by_a_dash_share_a_park"),
])
def test_parks_found_and_not_found(text, found, not_found):
    names = recognized(recognize_parks, text, "Park")
    assert found <= names
    assert not names & not_found


def test_ordinals_verbs_ranks_and_slogans_do_not_make_parks():
    doc = plain_doc("第五届川陕国家级经开区交流会召开,要求落实好各项任务,把湾区打造成为美丽中国先行区。")
    found = texts(recognize_parks(doc), "Park")
    assert not any(t.startswith(("第", "落实")) or "国家级经开区" in t for t in found)
    assert not any(t.endswith("先行区") for t in found)


def test_a_bare_zone_abbreviation_after_a_boundary_is_a_park():
    assert "经开区" in recognized(recognize_parks, "副市长一行莅临经开区调研。", "Park")
    assert not recognized(recognize_parks, "全省共有12个省级经开区。", "Park")
    assert not recognized(recognize_parks, "近年来，该高新区重点布局了新材料产业。", "Park")


def test_direction_sub_area_of_a_park():
    found = recognized(recognize_parks, "随后在莘口工业园区南片区听取汇报。", "Park")
    assert "莘口工业园区南片区" in found and "莘口工业园区" in found


def test_city_short_form_before_a_zone_is_a_place():
    places = recognized(recognize_parks, "黔南工业园区新签约项目5个。", "Place")
    assert "黔南" in places


@pytest.mark.parametrize("text, places, parks", [
    pytest.param("玉林笏澜经济开发区新签约项目5个。", {"笏澜"}, {"玉林笏澜经济开发区"},
                 id="a_town_the_gazetteer_lacks_after_the_city_opening_a_zone"),
    pytest.param("鹤岗市产城融合示范区一批项目签约。", set(), {"鹤岗市产城融合示范区"},
                 id="a_programme_word_after_the_city_is_no_place"),
])
def test_the_place_after_a_city_opening_a_zone(text, places, parks):
    assert recognized(recognize_parks, text, "Place") == places
    assert parks <= recognized(recognize_parks, text, "Park")


def test_the_place_a_zone_is_named_after_is_not_extended_into_a_sub_area():
    # read from the place 黔南, 工业园区 would be a sub-area word: no second park, no sub-area
    found = recognize_parks(plain_doc("黔南工业园区建设提速。"))
    assert [(m.text, m.source) for m in found if m.type == "Park"] == [("黔南工业园区", "parks.zone")]


def test_zone_managed_by_a_committee_starts_after_it():
    found = recognized(recognize_parks, "合并后的管委会下设松岭产业园和石门产业园两个园区。", "Park")
    assert found == {"松岭产业园", "石门产业园"}


def test_unnamed_and_counted_parks_are_not_names():
    doc = plain_doc("园区内已有5个光伏产业园，正在扩建工业园区。")
    assert texts(recognize_parks(doc), "Park") == set()


@pytest.mark.parametrize("text, parks", [
    pytest.param("6个项目昨天在县经济开发区开工，市工业园区正在扩建。", {"县经济开发区", "市工业园区"},
                 id="a_bare_level_before_a_zone_names_its_own_zone"),
    pytest.param("全市工业园区、该县经济开发区和全县产业园区都在扩建。", set(),
                 id="not_after_an_anaphor_nor_before_an_estate"),
])
def test_the_zone_of_a_county_or_city_by_its_level(text, parks):
    assert texts(recognize_parks(plain_doc(text)), "Park") == parks


def test_park_inside_a_party_working_committee_and_after_a_verb():
    doc = plain_doc("他来到台州湾新区党工委。成绩映射出襄阳市汽开区的实力。")
    found = texts(recognize_parks(doc), "Park")
    assert "台州湾新区" in found
    assert "襄阳市汽开区" in found
    assert not any(t.startswith("映射") for t in found)


def test_planning_area_new_town_is_no_park():
    assert texts(recognize_parks(plain_doc("打造成都郊区新城。")), "Park") == set()


@pytest.mark.parametrize("text, park, is_park", [
    ("总投资80亿元的东岭生物医药创新产业园项目开工。", "东岭生物医药创新产业园", False),
    ("东岭生物医药创新产业园已入驻企业20家。", "东岭生物医药创新产业园", True),
])
def test_an_estate_named_as_a_project_is_no_park(text, park, is_park):
    assert (park in texts(recognize_parks(plain_doc(text)), "Park")) == is_park


@pytest.mark.parametrize("text, park", [
    ("自贸试验区贵港片区新增企业200家。", "自贸试验区贵港片区"),          # a national zone's area at a place
    ("自贸区钦州港片区加快发展。", "自贸区钦州港片区"),               # a place and its port
    ("成都综保区新增注册企业53家。", "成都综保区"),                       # short form of 综合保税区
    ("位于南岸区的渝黔产业联动集聚区已入驻企业18家。", "渝黔产业联动集聚区"),
    ("在乌鲁木齐米东经济技术开发区，一体化产业园区初具规模。", "乌鲁木齐米东经济技术开发区"),
    ("洛阳市产城融合示范区一批项目签约。", "洛阳市产城融合示范区"),
])
def test_parks_named_by_zone_grammar(text, park):
    assert park in texts(recognize_parks(plain_doc(text)), "Park")


@pytest.mark.parametrize("text, not_park", [
    ("加快建设现代化的产城融合示范区。", "产城融合示范区"),        # a programme, no place
    ("正安吉他产业园是重要的吉他生产基地。", "安吉他产业园"),         # a county's short form cut in two
    ("盐城港大丰港区是该港的主港区。", "盐城港大丰港区"),                 # a port's area is a facility
])
def test_no_park_in_programmes_and_port_areas(text, not_park):
    assert not_park not in texts(recognize_parks(plain_doc(text)), "Park")


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("代表团来到渠县柑橘现代农业园区考察。", {"渠县柑橘现代农业园区"}, set(), id="a_county_modern_agricultural_park"),
    pytest.param("建设现代农业园区，打造现代农业园。", set(), {"现代农业园区", "现代农业园"}, id="the_category_alone"),
])
def test_modern_agricultural_parks(text, found, not_found):
    parks = recognized(recognize_parks, text, "Park")
    assert found <= parks and not not_found & parks


#: Estates a company opens the name of are its projects (kg.ner.projects); areas ending in 区 stay zones.
COMPANY_ESTATES = [
    pytest.param("市长来到华岭物流集团云港多式联运智慧物流园调研。", "华岭物流集团", "物流园", True, id="a_group_before_a_logistics_park"),
    pytest.param("中粮澜汐港口粮食物流园一期开工。", "中粮", "物流园", True, id="a_lexicon_brand_before_an_estate"),
    pytest.param("中粮澜汐港口粮食物流园一期开工。", "", "物流园", False, id="an_estate_opening_with_a_place_is_no_company_s"),
    pytest.param("华岭物流集团云港新区分部成立。", "华岭物流集团", "新区", False, id="an_area_is_a_zone_whoever_is_named_before_it"),
]


@pytest.mark.parametrize("text, company, suffix, owned", COMPANY_ESTATES)
def test_company_opening_an_estate(text, company, suffix, owned):
    start = text.index(company) if company else text.index("澜汐")
    end = company_estate_end(text, start, text.index(suffix), suffix)
    assert end == (start + len(company) if owned else 0)


def test_an_estate_a_company_opens_is_no_park():
    found = recognized(recognize_parks, "市长来到华岭物流集团云港多式联运智慧物流园调研，又到青梧产业园。", "Park")
    assert found == {"青梧产业园"}
