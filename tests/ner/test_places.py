"""The place recognizer (kg.ner.places): divisions, towns, features, regions and short forms, on
sentences written for these tests (real place names where the gazetteer must know them)."""
from __future__ import annotations

import pytest

from kg import gazetteer
from kg.ner.places import recognize_places
from tests.conftest import merged_mentions, plain_doc, recognized, texts


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("会议提出,要把鲁中建成先进制造业高地。",
                 {"鲁中"}, set(), id="province_abbreviation_with_centre_is_a_region"),
    pytest.param("他说,川中心城区的交通更顺畅了。",
                 set(), {"川中"}, id="centre_that_opens_a_word_or_a_district_is_no_region"),
    pytest.param("林海峰、周岳明等镇领导参加了会议。",
                 set(), {"周岳明", "岳明", "林海峰", "海峰"}, id="people_listed_before_town_leaders_are_no_places"),
    pytest.param("主动融入宜昌都市圈和环成都经济圈,推动建设美丽城市群。",
                 {"宜昌都市圈", "环成都经济圈"}, {"美丽城市群"}, id="metropolitan_regions_after_a_place"),
    pytest.param("会上,王村镇介绍了经验;各村镇也作了发言。",
                 {"王村镇"}, {"各村镇"}, id="town_named_after_a_village"),
    pytest.param("产品远销中亚和东南亚，客户来自长三角地区和中部地区。",
                 {"东南亚", "中亚", "中部地区", "长三角地区"}, set(), id="world_and_economic_regions"),
    pytest.param("重庆南川区水江镇龙岩村和金佛山街道的村民来到南川城区。全镇有4个村。",
                 {"南川", "南川区", "水江镇", "金佛山街道", "龙岩村"}, {"4个村", "个村", "全镇"}, id="places_towns_villages_and_short_forms"),
    pytest.param("石门镇、安大镇负责人到场。建设工业强镇、农业大镇。",
                 {"安大镇"}, {"农业大镇"}, id="town_missing_from_the_gazetteer_in_a_list_of_towns"),
    pytest.param("这里是“茶叶之乡”。",
                 set(), {"茶叶之乡"}, id="honorific_home_of_is_no_township"),
    pytest.param("柳州至梧州段开工。",
                 set(), {"梧州"}, id="other_city_short_names_still_need_their_province"),
    pytest.param("在青山镇岭村村，调研组察看了茶园。各村村干部参加。",
                 {"岭村村"}, {"各村村"}, id="village_named_after_a_village"),
    pytest.param("区长赴青岚镇走访企业。该项目是青岚低碳小镇重点工业项目。",
                 {"青岚镇", "青岚"}, set(), id="town_stem_opening_a_zone_name"),
    pytest.param("走进G352青岚段五号大桥项目现场，又到青岚镇调研。",
                 {"青岚镇", "青岚"}, set(), id="town_stem_after_a_road_number_opening_a_work"),
    pytest.param("区长赴青岚镇走访企业。青岚人民欢迎你。",
                 {"青岚镇"}, {"青岚"}, id="town_stem_inside_a_phrase_is_no_place"),
    pytest.param("分会场设在石门镇、安平镇、正兴镇。",
                 {"正兴镇"}, set(), id="town_opening_with_a_stop_word_in_a_list_of_towns"),
    pytest.param("项目位于澜汐湾南岸片区岚桥镇,毗邻高新区人才社区。",
                 {"岚桥镇"}, {"人才社区"}, id="town_by_its_name_right_after_a_zone_word"),
    pytest.param("大韩民国驻某市总领事馆和法兰西共和国驻华大使馆的代表出席。",
                 {"大韩民国", "法兰西共和国"}, {"韩国"}, id="countries_by_their_official_full_names"),
])
def test_places_found_and_not_found(text, found, not_found):
    names = recognized(recognize_places, text, "Place")
    assert found <= names
    assert not names & not_found


def test_items_listed_before_their_town_kind_are_places():
    places = texts(recognize_places(plain_doc("干部们赴东湾、石岭、望川等镇街调研春耕。")), "Place")
    assert {"东湾", "石岭", "望川"} <= places
    assert not any(p.startswith("赴") for p in places)


def test_china_inside_the_party_name_or_a_ranking_is_no_place():
    text = "他于1990年加入中国共产党,该企业入选中国500强。"
    assert "中国" not in texts(recognize_places(plain_doc(text)), "Place")
    assert "中国" in texts(recognize_places(plain_doc("这是中国最大的港口。")), "Place")


def test_autonomous_prefecture_short_form_with_zhou_is_one_place():
    text = "云南楚雄州今年新增企业十家，湖北恩施州也在推进招商。"
    doc = plain_doc(text)
    found = {m.text for m in recognize_places(doc)}
    assert {"楚雄州", "恩施州"} <= found
    assert "楚雄" not in found


def test_county_short_form_needs_its_province_in_the_document():
    assert "惠民" not in texts(recognize_places(plain_doc("政府出台惠民政策。")), "Place")
    assert "惠民" in texts(recognize_places(plain_doc("山东省惠民县，惠民人民")), "Place") or \
        not gazetteer.is_place("惠民")


def test_regions_from_province_abbreviations():
    doc = plain_doc("川南、渝西和鲁西南地区联动，京东在此布局。")
    found = texts(recognize_places(doc), "Place")
    assert {"川南", "渝西", "鲁西南地区"} <= found and "京东" not in found


def test_named_features_after_a_locative_or_a_town():
    doc = plain_doc("他在青岗街道翠屏山查看，又到石门镇枫林公园、荷塘公园。在这座山上。")
    found = texts(recognize_places(doc), "Place")
    assert {"翠屏山", "枫林公园", "荷塘公园"} <= found
    assert not any(t.startswith("这") for t in found)


def test_feature_word_inside_a_company_name_is_no_place():
    doc = plain_doc("走访了北京青湖科技有限公司。")
    assert "青湖" not in "".join(texts(recognize_places(doc), "Place"))


def test_short_district_names_in_a_counted_list():
    found = texts(recognize_places(plain_doc("他有东坡、西林、南岗三区的工作经验。")), "Place")
    assert {"东坡", "西林", "南岗"} <= found
    assert texts(recognize_places(plain_doc("他有东坡、西林、南岗两区的工作经验。")), "Place") == set()


def test_town_stem_recurs_after_the_full_name():
    found = texts(recognize_places(plain_doc("青石镇举行开工仪式。这为青石的工业注入活力。青石板路很美。")), "Place")
    assert {"青石镇", "青石"} <= found
    doc = plain_doc("这为青石的工业注入活力。")
    assert texts(recognize_places(doc), "Place") == set()


@pytest.mark.parametrize("text, place", [
    ("学习借鉴深圳改革创新举措。", "深圳"),            # a sub-provincial city's short name stands alone
    ("新建柳州至广州铁路开工。", "广州"),              # a provincial capital's too
])
def test_major_city_short_names_need_no_province(text, place):
    assert place in texts(recognize_places(plain_doc(text)), "Place")


@pytest.mark.parametrize("text, place", [
    ("即墨区委书记出席会议。", "即墨区"),                # counties made districts after 2016
    ("代表团来到赣县区的一个村。", "赣县区"),
    ("任泽区、南和区负责人参加。", "南和区"),
])
def test_divisions_renamed_after_the_snapshot(text, place):
    assert place in texts(merged_mentions(text), "Place")




@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("代表团来陕考察。", {"陕"}, set(), id="a_province_abbreviation_visited"),
    pytest.param("代表团来渠调研，走访了四川省渠县的园区。", {"渠"}, set(), id="first_character_of_a_county_named_in_full"),
    pytest.param("他来到这里考察，在此期间走访企业。", set(), {"这", "此"}, id="no_place_in_pronouns"),
    pytest.param("安徽亳州签约仪式举行。在亳期间，代表团考察了园区。", {"亳"}, set(), id="first_character_of_a_city_by_its_short_name"),
    pytest.param("过去苏南支援苏北，黄河流域生态保护。", {"苏南", "苏北", "黄河流域"}, set(), id="regions_by_their_short_names"),
])
def test_visited_abbreviations_and_regions(text, found, not_found):
    places = recognized(recognize_places, text, "Place")
    assert found <= places and not not_found & places


def test_a_province_after_a_rejected_short_form_is_read_again():
    # 元江 (a county's short form, no context here) took the first character of 江西
    places = recognized(recognize_places, "总投资5亿元 江西南昌县项目集中开工", "Place")
    assert {"江西", "南昌县"} <= places and "元江" not in places


def test_no_region_inside_a_longer_place_name():
    places = recognized(recognize_places, "辽东半岛最南端，渝北区、渝西地区发展。", "Place")
    assert {"辽东半岛", "渝北区", "渝西地区"} <= places and not {"辽东", "渝北"} & places


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("黑龙江省委常委出席会议。", {"黑龙江", "黑龙江省"}, set(), id="provincial_committee"),
    pytest.param("海南省人大常委会副主任出席。", {"海南", "海南省"}, set(), id="provincial_congress"),
    pytest.param("他在浙江省内各地工作。", {"浙江省"}, {"浙江"}, id="no_body_after_the_province"),
])
def test_a_province_named_before_its_body_gives_its_short_name(text, found, not_found):
    places = texts(recognize_places(plain_doc(text)), "Place")
    assert found <= places and not not_found & places


@pytest.mark.parametrize("text, places", [
    pytest.param("代表团到东坡、西林、南岗三个结对县区交流。", {"东坡", "西林", "南岗"}, id="paired_counties_and_districts"),
    pytest.param("为东坡、西林两省区提供支持。", {"东坡", "西林"}, id="provinces_and_regions"),
    pytest.param("为东坡、西林三个结对县区提供支持。", set(), id="count_must_match_the_items"),
])
def test_short_names_in_a_list_closed_by_a_count_of_mixed_levels(text, places):
    assert texts(recognize_places(plain_doc(text)), "Place") & {"东坡", "西林", "南岗"} == places


@pytest.mark.parametrize("text, places", [
    pytest.param("深化川渝合作，推动京津产业转移。", {"川渝", "京津"}, id="regions_of_province_abbreviations"),
    pytest.param("港澳台同胞和巴蜀儿女。", {"港澳台", "巴蜀"}, id="regions_of_old_names"),
    pytest.param("该市系成渝地区双城经济圈区域中心城市。", {"成渝地区双城经济圈", "成渝地区"}, id="region_before_a_region_head"),
    pytest.param("京津冀协同发展。", {"京津冀"}, id="no_region_cut_out_of_a_longer_one"),
    pytest.param("京津高铁、成渝中线高铁相继开通。", set(), id="no_region_as_the_ends_of_a_line"),
    pytest.param("香港澳门两地。", {"香港", "澳门"}, id="no_region_across_two_places"),
])
def test_named_regions(text, places):
    assert recognized(recognize_places, text, "Place") == places


@pytest.mark.parametrize("text, places", [
    pytest.param("书记来到贾坪河综合治理工程察看。", {"贾坪河"}, id="river_opening_a_work_on_it"),
    pytest.param("海风未退，青鹭湾海底隧道的现场热闹。", {"青鹭湾"}, id="bay_opening_a_tunnel"),
    pytest.param("心坪江畔的产业园正在建设。", {"心坪江"}, id="river_before_its_shore"),
    pytest.param("湖南湘江新区和重庆两江新区。", {"湖南", "湘江", "重庆"}, id="no_water_cut_after_a_province"),
    pytest.param("今年是江北发展的关键。", set(), id="no_water_without_a_work"),
    pytest.param("渝南双江航电枢纽一期工程开工。", {"渝南"}, id="no_water_cut_after_a_region"),
])
def test_named_water_bodies(text, places):
    assert recognized(recognize_places, text, "Place") == places
