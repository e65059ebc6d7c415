"""Grammars of the economy & geography recognizers, on sentences written for these tests."""
from __future__ import annotations

import pytest

from kg.model import Document, Mention
from kg.ner import gazetteer
from kg.ner.enterprises import recognize_enterprises
from kg.ner.merge import merge_mentions
from kg.ner.organizations import recognize_organizations
from kg.ner.parks import recognize_parks
from kg.ner.places import recognize_places
from kg.ner.projects import recognize_projects


def _doc(text: str) -> Document:
    return Document(path="t.txt", name="t.txt", sha256="", encoding="utf-8", raw_text=text, text=text)


def _texts(mentions: list[Mention], type_: str) -> set[str]:
    return {m.text for m in mentions if m.type == type_}


def test_mentions_point_into_the_text():
    doc = _doc("位于南川区的重庆远帆电机制造有限公司投产了新能源电机生产基地项目。")
    for recognize in (recognize_enterprises, recognize_projects, recognize_places):
        for m in recognize(doc):
            assert doc.text[m.start:m.end] == m.text


# --- enterprises -------------------------------------------------------------

def test_company_left_boundary_stops_at_verbs_punctuation_and_lists():
    doc = _doc("近日，市领导走进重庆远帆电机制造有限公司、四川青禾农业科技有限责任公司调研。")
    found = _texts(recognize_enterprises(doc), "Enterprise")
    assert "重庆远帆电机制造有限公司" in found
    assert "四川青禾农业科技有限责任公司" in found
    assert not any(t.startswith(("走进", "近日", "、")) for t in found)


def test_company_after_location_phrase_and_park():
    doc = _doc("位于綦江区的贵州鸿远建材有限公司和綦江工业园区蓝石集团都已开工。")
    found = _texts(recognize_enterprises(doc), "Enterprise")
    assert "贵州鸿远建材有限公司" in found
    assert "蓝石集团" in found
    assert "綦江工业园区蓝石集团" not in found


def test_partnership_parenthesised_place_and_cooperative():
    doc = _doc("签约方：长林智造(重庆)有限公司、重庆启明投资中心(有限合伙)和石门镇青山村柑橘专业合作社。")
    found = _texts(recognize_enterprises(doc), "Enterprise")
    assert "长林智造(重庆)有限公司" in found
    assert "重庆启明投资中心(有限合伙)" in found
    assert "石门镇青山村柑橘专业合作社" in found


def test_generic_company_phrases_are_not_names():
    doc = _doc("该公司与多家科技公司合作，3家上市公司也参与其中。")
    assert _texts(recognize_enterprises(doc), "Enterprise") == set()


def test_short_name_defined_and_derived_in_the_same_document():
    doc = _doc("重庆蓝湾精工机械有限公司（以下简称“蓝湾精工”）今年扩产。蓝湾精工负责人说，订单充足。")
    found = [m for m in recognize_enterprises(doc) if m.text == "蓝湾精工"]
    assert len(found) >= 2
    doc = _doc("记者来到重庆启帆新材料有限公司。去年，启帆新材料营收翻番。")
    assert "启帆" in _texts(recognize_enterprises(doc), "Enterprise") or \
        "启帆新材料" in _texts(recognize_enterprises(doc), "Enterprise")


def test_short_names_listed_as_companies():
    doc = _doc("目前，青禾农业、远帆电机、蓝湾精工等龙头企业已落户。")
    assert {"青禾农业", "远帆电机", "蓝湾精工"} <= _texts(recognize_enterprises(doc), "Enterprise")


def test_bank_branch_gives_bank_and_branch():
    doc = _doc("客户来到中国建设银行南川支行办理业务。")
    found = _texts(recognize_enterprises(doc), "Enterprise")
    assert {"中国建设银行", "中国建设银行南川支行"} <= found


# --- parks -------------------------------------------------------------------

def test_parks_with_place_prefix_sub_areas_and_nesting():
    doc = _doc("会上，綦江高新区、南川工业园区和西部(重庆)科学城沙坪坝片区负责人发言，"
               "两江新区鱼复组团也在列。")
    found = _texts(recognize_parks(doc), "Park")
    assert {"綦江高新区", "南川工业园区", "西部(重庆)科学城", "西部(重庆)科学城沙坪坝片区",
            "两江新区", "两江新区鱼复组团"} <= found


def test_unnamed_and_counted_parks_are_not_names():
    doc = _doc("园区内已有5个光伏产业园，市工业园区正在扩建工业园区。")
    assert _texts(recognize_parks(doc), "Park") == set()


# --- projects ----------------------------------------------------------------

def test_project_after_its_company_and_after_verbs():
    doc = _doc("重庆远帆电机制造有限公司新能源电机数字化车间、綦河大桥已建成，正加快推进石门水库扩容工程。")
    found = _texts(recognize_projects(doc), "Project")
    assert "新能源电机数字化车间" in found
    assert "綦河大桥" in found
    assert "石门水库扩容工程" in found
    assert not any("有限公司" in t or t.startswith(("推进", "加快")) for t in found)


def test_generic_project_phrases_are_excluded():
    doc = _doc("全年实施重点项目80个，其中12个风电、光伏项目已开工，该工程进展顺利。")
    assert _texts(recognize_projects(doc), "Project") == set()


# --- places ------------------------------------------------------------------

def test_gazetteer_divisions_short_forms_and_countries():
    assert gazetteer.is_place("南川区") and gazetteer.is_place("南川")
    assert gazetteer.lookup("南川").full == "南川区"
    assert gazetteer.lookup("酉阳").full.endswith("自治县")
    assert gazetteer.is_place("泰国") and gazetteer.is_place("嘉陵江")
    assert not gazetteer.is_place("和平")  # short form that is an ordinary word
    text = "重庆市南川区"
    assert gazetteer.match_place(text, 0) == 3
    assert gazetteer.match_place_chain(text, 0) == 6
    assert gazetteer.ends_with_place("位于南川区") == 2


def test_places_towns_villages_and_short_forms():
    doc = _doc("重庆南川区水江镇龙岩村和金佛山街道的村民来到南川城区。全镇有4个村。")
    found = _texts(recognize_places(doc), "Place")
    assert {"南川区", "水江镇", "龙岩村", "金佛山街道", "南川"} <= found
    assert not {"全镇", "4个村", "个村"} & found


def test_county_short_form_needs_its_province_in_the_document():
    assert "惠民" not in _texts(recognize_places(_doc("政府出台惠民政策。")), "Place")
    assert "惠民" in _texts(recognize_places(_doc("山东省惠民县，惠民人民")), "Place") or \
        not gazetteer.is_place("惠民")


# --- organizations -----------------------------------------------------------

def test_organizations():
    doc = _doc("会议由南川区融媒体中心承办，重庆交通大学、綦江区人民医院和区人武部参加，新华社记者报道。")
    found = _texts(recognize_organizations(doc), "Organization")
    assert {"南川区融媒体中心", "重庆交通大学", "綦江区人民医院", "区人武部", "新华社"} <= found


# --- merge policy ------------------------------------------------------------

def _m(start: int, end: int, type_: str, conf: float = 0.8) -> Mention:
    return Mention(start, end, "x" * (end - start), type_, "test", conf)


def test_merge_keeps_nesting_across_and_within_types():
    doc = _doc("")
    cands = [_m(0, 20, "Project"), _m(0, 5, "Enterprise"), _m(0, 2, "Place"), _m(0, 8, "Park"), _m(0, 12, "Park")]
    merged = merge_mentions(doc, cands)
    assert {(m.start, m.end, m.type) for m in merged} == {(c.start, c.end, c.type) for c in cands}


def test_merge_same_span_and_crossing_spans_keep_the_stronger():
    doc = _doc("")
    merged = merge_mentions(doc, [_m(0, 6, "Organization", 0.7), _m(0, 6, "Enterprise", 0.9),
                                  _m(4, 10, "Place", 0.6), _m(0, 6, "Enterprise", 0.5)])
    assert [(m.start, m.end, m.type, m.confidence) for m in merged] == [(0, 6, "Enterprise", 0.9)]


def test_merge_crossing_tie_prefers_longer_then_type_priority():
    doc = _doc("")
    merged = merge_mentions(doc, [_m(0, 4, "Place"), _m(2, 9, "Project")])
    assert [(m.start, m.end) for m in merged] == [(2, 9)]
    merged = merge_mentions(doc, [_m(0, 5, "Place"), _m(3, 8, "Enterprise")])
    assert [m.type for m in merged] == ["Enterprise"]


# --- later additions ---------------------------------------------------------

def test_names_split_by_an_ocr_space_are_found_with_offsets_into_the_text():
    doc = _doc("代表团走进綦江区蓝石精 密铸造有限公司，参观了綦河东 站。")
    ents = [m for m in recognize_enterprises(doc) if m.text.replace(" ", "") == "綦江区蓝石精密铸造有限公司"]
    assert ents and doc.text[ents[0].start:ents[0].end] == ents[0].text
    assert "綦河东站" in {m.text.replace(" ", "") for m in recognize_projects(doc)}


def test_byline_spaces_still_separate_names():
    doc = _doc("南川区融媒体中心记者 王青 綦江区融媒体中心记者 李木")
    found = _texts(recognize_organizations(doc), "Organization")
    assert {"南川区融媒体中心", "綦江区融媒体中心"} <= found
    assert not any("王青" in t for t in found)


def test_facility_named_by_a_place_alone_but_bare_projects_need_a_proper_part():
    doc = _doc("綦江东站投用，诚壹食品项目开工，文化旅游项目和观摩项目也在推进。")
    found = _texts(recognize_projects(doc), "Project")
    assert {"綦江东站", "诚壹食品项目"} <= found
    assert not {"文化旅游项目", "观摩项目"} & found


def test_projects_listed_before_a_project_word():
    doc = _doc("今年完成石门河堤加固、龙岩湾生态修复等重点工程8个。")
    assert {"石门河堤加固", "龙岩湾生态修复"} <= _texts(recognize_projects(doc), "Project")


def test_short_company_name_as_unknown_brand_and_industry_word():
    doc = _doc("与南川大学、珂隆科技合作，信息科技也在发展。")
    found = _texts(recognize_enterprises(doc), "Enterprise")
    assert "珂隆科技" in found and "信息科技" not in found


def test_regions_from_province_abbreviations():
    doc = _doc("川南、渝西和鲁西南地区联动，京东在此布局。")
    found = _texts(recognize_places(doc), "Place")
    assert {"川南", "渝西", "鲁西南地区"} <= found and "京东" not in found


def test_group_company_and_its_institute():
    doc = _doc("入选单位分别为中国远航装备集团公司第七研究所、南川青禾农业股份有限公司。")
    assert "中国远航装备集团公司" in _texts(recognize_enterprises(doc), "Enterprise")
    assert "中国远航装备集团公司第七研究所" in _texts(recognize_organizations(doc), "Organization")
    assert not any(t.startswith("分别") for t in _texts(recognize_enterprises(doc), "Enterprise"))


# --- generalization: categories found on unseen articles (fresh sentences) ----

def _merged(text: str):
    from kg.ner import rule_components
    doc = _doc(text)
    return merge_mentions(doc, [m for c in rule_components() for m in c(doc)])


def test_trade_name_in_front_of_a_project_is_a_nested_enterprise():
    doc = _doc("本次开工的项目分别为鸿钜机械智能叉车项目、沁坤锂电池外壳项目、祥梓汽车零部件项目。")
    projects = _texts(recognize_projects(doc), "Project")
    owners = _texts(recognize_projects(doc), "Enterprise")
    assert {"鸿钜机械智能叉车项目", "沁坤锂电池外壳项目", "祥梓汽车零部件项目"} <= projects
    assert {"鸿钜机械", "沁坤", "祥梓"} <= owners


def test_project_owner_needs_a_trade_name_not_a_field_or_a_park():
    doc = _doc("推进文化旅游项目、新旧动能转换项目和安河新能源产业园项目建设。")
    assert _texts(recognize_projects(doc), "Enterprise") == set()


def test_brand_with_de_inside_a_company_name():
    found = _texts(recognize_enterprises(_doc("湖南美的冰柜有限公司投产。")), "Enterprise")
    assert "湖南美的冰柜有限公司" in found
    assert "冰柜有限公司" not in found


def test_provincial_group_named_by_place_and_industry():
    found = _texts(recognize_enterprises(_doc("会见了云南能源装备集团党委书记一行。")), "Enterprise")
    assert "云南能源装备集团" in found


def test_title_cut_inside_a_company_name_is_extended_to_the_name():
    mentions = _merged("湖南美的冰柜有限公司副总经理赵明出席。")
    titles = _texts(mentions, "Title")
    assert not any(t.startswith("冰柜") for t in titles)
    assert "湖南美的冰柜有限公司" in _texts(mentions, "Enterprise")


def test_car_city_abbreviated_zone_and_incubator_are_parks():
    doc = _doc("湖北襄阳：襄阳国际汽车城与襄阳汽开区签约。获批以来，汽开区增长很快。参观材料产业孵化器。")
    found = _texts(recognize_parks(doc), "Park")
    assert {"襄阳国际汽车城", "襄阳汽开区", "汽开区", "材料产业孵化器"} <= found


def test_park_inside_a_party_working_committee_and_after_a_verb():
    doc = _doc("他来到台州湾新区党工委。成绩映射出襄阳市汽开区的实力。")
    found = _texts(recognize_parks(doc), "Park")
    assert "台州湾新区" in found
    assert "襄阳市汽开区" in found
    assert not any(t.startswith("映射") for t in found)


def test_incubator_field_is_not_a_company():
    doc = _doc("走访了兴澜科技企业孵化器。")
    assert "兴澜科技" not in _texts(recognize_enterprises(doc), "Enterprise")


def test_planning_area_new_town_is_no_park():
    assert _texts(recognize_parks(_doc("打造成都郊区新城。")), "Park") == set()


def test_coordinated_and_generic_projects():
    doc = _doc("考察华岭新城及远川总部经济项目。推进合溪产业新城重点产业项目。")
    found = _texts(recognize_projects(doc), "Project")
    assert "远川总部经济项目" in found
    assert not any("及" in t for t in found)
    assert not any(t.endswith("重点产业项目") for t in found)


def test_quoted_honour_is_no_project_and_no_country():
    text = "该县获得“中国优质茶叶种植基地”称号。"
    assert _texts(recognize_projects(_doc(text)), "Project") == set()
    assert "中国" not in _texts(recognize_places(_doc(text)), "Place")


def test_media_datelines_and_cited_outlets():
    doc = _doc("青川网讯(记者 王某)近日，\n据潮声新闻7月2日消息，据本地媒体东湖+客户端报道，本报讯")
    found = _texts(recognize_organizations(doc), "Organization")
    assert {"青川网", "潮声新闻", "东湖+客户端"} <= found
    assert not any(t.startswith("本") for t in found)


def test_named_features_after_a_locative_or_a_town():
    doc = _doc("他在青岗街道翠屏山查看，又到石门镇枫林公园、荷塘公园。在这座山上。")
    found = _texts(recognize_places(doc), "Place")
    assert {"翠屏山", "枫林公园", "荷塘公园"} <= found
    assert not any(t.startswith("这") for t in found)


def test_feature_word_inside_a_company_name_is_no_place():
    doc = _doc("走访了北京青湖科技有限公司。")
    assert "青湖" not in "".join(_texts(recognize_places(doc), "Place"))


def test_town_missing_from_the_gazetteer_in_a_list_of_towns():
    found = _texts(recognize_places(_doc("石门镇、安大镇负责人到场。建设工业强镇、农业大镇。")), "Place")
    assert "安大镇" in found
    assert "农业大镇" not in found


def test_short_district_names_in_a_counted_list():
    found = _texts(recognize_places(_doc("他有东坡、西林、南岗三区的工作经验。")), "Place")
    assert {"东坡", "西林", "南岗"} <= found
    assert _texts(recognize_places(_doc("他有东坡、西林、南岗两区的工作经验。")), "Place") == set()


def test_honorific_home_of_is_no_township():
    assert "茶叶之乡" not in _texts(recognize_places(_doc("这里是“茶叶之乡”。")), "Place")


def test_former_is_not_part_of_a_park_name():
    found = _texts(recognize_parks(_doc("他们来到原青岭产业园调研。")), "Park")
    assert "青岭产业园" in found
    assert "原青岭产业园" not in found


def test_known_brand_recurs_after_a_verb():
    mentions = _merged("吉林长春：长春与中国一汽签约。坚持服务一汽初心。")
    assert {"中国一汽", "一汽"} <= _texts(mentions, "Enterprise")
    assert "中国" not in _texts(mentions, "Place")


def test_foreign_country_before_a_company_stays_a_place():
    mentions = _merged("泰国顺昌有限公司落户。")
    assert "泰国" in _texts(mentions, "Place")


def test_field_words_alone_are_no_short_company_name():
    found = _texts(recognize_enterprises(_doc("云南能源装备集团有限公司表示，全省能源装备产业增长。")), "Enterprise")
    assert "能源装备" not in found


def test_town_stem_recurs_after_the_full_name():
    found = _texts(recognize_places(_doc("青石镇举行开工仪式。这为青石的工业注入活力。青石板路很美。")), "Place")
    assert {"青石镇", "青石"} <= found
    doc = _doc("这为青石的工业注入活力。")
    assert _texts(recognize_places(doc), "Place") == set()


def test_list_item_named_by_common_words_next_to_a_project():
    doc = _doc("开工项目分别为鸿钜机械智能叉车项目、新视野移动视觉机器人项目、文化旅游项目。")
    found = _texts(recognize_projects(doc), "Project")
    assert "新视野移动视觉机器人项目" in found
    assert "文化旅游项目" not in found
    tail = _doc("建设循环利用及压力容器项目、恒远新材料项目。")
    assert not any(t.startswith("及") for t in _texts(recognize_projects(tail), "Project"))


# --- projects named in common words, owners inside project names (issue #14) --

@pytest.mark.parametrize("text, project", [
    # an investment amount right before the name: one project, even in common words
    ("签约项目分别是总投资3亿元的铝型材深加工项目、总投资2亿元的木门生产项目。", "铝型材深加工项目"),
    ("签约项目分别是总投资3亿元的铝型材深加工项目、总投资2亿元的木门生产项目。", "木门生产项目"),
    # a brand of the lexicon or a word the dictionary tags as a brand opens the name
    ("长春市的一汽新能源车身工厂项目正式开工。", "一汽新能源车身工厂项目"),
    ("年内，丰田氢燃料电池研发与生产项目将投产。", "丰田氢燃料电池研发与生产项目"),
    # a named estate built as a project
    ("总投资80亿元的东岭生物医药科技产业园项目开工。", "东岭生物医药科技产业园项目"),
    # one name across 和 when the part after it is common words only
    ("今年，瑞鸿康泰新型口腔材料和医用耗材产业化基地项目投产。", "瑞鸿康泰新型口腔材料和医用耗材产业化基地项目"),
])
def test_projects_named_in_common_words_with_a_cue(text, project):
    assert project in _texts(recognize_projects(_doc(text)), "Project")


@pytest.mark.parametrize("text, not_project", [
    ("今年新开工重点项目30个，总投资5亿元的重点项目有8个。", "重点项目"),
    ("该项目为上市募投项目，计划投资15亿元。", "上市募投项目"),
    ("今年，瑞鸿康泰新型口腔材料和医用耗材产业化基地项目投产。", "瑞鸿康泰新型口腔材料和工程"),
    ("今年，瑞鸿康泰新型口腔材料和医用耗材产业化基地项目投产。", "医用耗材产业化基地项目"),
])
def test_generic_phrases_and_cut_names_are_no_projects(text, not_project):
    assert not_project not in _texts(recognize_projects(_doc(text)), "Project")


@pytest.mark.parametrize("text, owner", [
    ("总投资9亿元的瑞鸿康泰新型口腔材料项目开工。", "瑞鸿康泰"),     # before 新型
    ("总投资9亿元的百禾食品四川生产基地项目开工。", "百禾食品"),       # before the province it is built in
    ("长春市的一汽新能源车身工厂项目正式开工。", "一汽"),               # a lexicon brand
])
def test_owner_opening_a_project_name(text, owner):
    assert owner in _texts(recognize_projects(_doc(text)), "Enterprise")


@pytest.mark.parametrize("text, not_owner", [
    ("重庆荣昌石溪220千伏输变电工程项目开工。", "重庆荣昌石溪"),        # a place before a capacity
    ("总投资9亿元的绿色食品四川生产基地项目开工。", "绿色食品"),        # a field, no trade name
    ("观摩流延机高端设备制造生产线项目。", "流延机"),                    # a machine, no trade name
])
def test_places_and_fields_own_no_project(text, not_owner):
    assert not_owner not in _texts(recognize_projects(_doc(text)), "Enterprise")


@pytest.mark.parametrize("text, park, is_park", [
    ("总投资80亿元的东岭生物医药科技产业园项目开工。", "东岭生物医药科技产业园", False),
    ("东岭生物医药科技产业园已入驻企业20家。", "东岭生物医药科技产业园", True),
])
def test_an_estate_named_as_a_project_is_no_park(text, park, is_park):
    assert (park in _texts(recognize_parks(_doc(text)), "Park")) == is_park


# --- facilities without 项目/工程, and phrases that only describe one (issue #14) ---

@pytest.mark.parametrize("text, project", [
    ("加快建设石门港、临江煤矿和东川会展中心。", "石门港"),
    ("加快建设石门港、临江煤矿和东川会展中心。", "临江煤矿"),
    ("加快建设石门港、临江煤矿和东川会展中心。", "东川会展中心"),
    ("某企业揭榜任务“轮毂智能制造示范工厂”。", "轮毂智能制造示范工厂"),   # a model plant in common words
    ("加快推进贵阳至南宁高速公路建设。", "贵阳至南宁高速公路"),          # a line named by the places it joins
    # two projects joined by 及: the one in common words is judged like its neighbour
    ("其中，金川汽车芯片封测一期项目及半导体装备研发与产业化项目开工。", "半导体装备研发与产业化项目"),
    ("其中，金川汽车芯片封测一期项目及半导体装备研发与产业化项目开工。", "金川汽车芯片封测一期项目"),
])
def test_facilities_and_joined_projects(text, project):
    assert project in _texts(recognize_projects(_doc(text)), "Project")


@pytest.mark.parametrize("text", [
    "石门港产业园建设提速。",                      # the port names a park
    "构建四园一港格局。",                          # a count, not a port
    "连云港举行开工仪式。",                        # a city named after its port
    "全县开通高速公路，区域铁路网更密。",            # a verb or a generic word before the facility
    "这是我国首条跨海隧道。",                      # "the first" describes, it does not name
    "新疆是我国优质棉花生产基地。",                # a base the clause designates
    "总投资5亿元的金川物流项目分临港集散区。",       # 临港 is "by the port"
    "港城合作，深港两地交流密切。",                   # places ending in 港
    "大力建设海南自由贸易港。",                      # a free-trade port is a zone
    "鸿昊港创集团和鹏湾氢港氢能产业园。",             # the word runs on after 港
    "他说，整个施工项目年底完工。",
    "要做实项目前期工作，新上生产线3条，新增智能生产线。",   # verbs of project work
    "按下重大项目建设快进键，聚力项目建设，大上项目。",
])
def test_no_facility_in_descriptions(text):
    found = _texts(recognize_projects(_doc(text)), "Project")
    assert not found - {"金川物流项目"}


# --- short company names without a legal suffix (issue #14, class 1) -----------

@pytest.mark.parametrize("text, company", [
    ("“我们满负荷生产。”瑞钧硅业相关负责人说。", "瑞钧硅业"),               # a person acting for it follows
    ("上市后备企业岚泽重工近年来市场份额稳步攀升。", "岚泽重工"),           # after a kind of company, before a time word
    ("龙头企业赫岚药业继续保持领先地位。", "赫岚药业"),                    # before a verb
    ("我市3家企业（蔚岭铝业、珂森电子、伊利）获批国家级荣誉。", "蔚岭铝业"),  # counted, then named in brackets
    ("我市3家企业（蔚岭铝业、珂森电子、伊利）获批国家级荣誉。", "珂森电子"),
    ("以及珂森、岚泽等外资企业进驻。", "岚泽"),                           # a list said to be foreign-funded companies
    ("作为宝马2023年建成投产的工厂，产能持续提升。", "宝马"),              # a lexicon brand before a year
])
def test_short_company_names_from_cues(text, company):
    assert company in _texts(recognize_enterprises(_doc(text)), "Enterprise")


@pytest.mark.parametrize("text, not_company", [
    ("现在单套模具可以轻松突破百吨。", "单套模具"),                        # a quantity, not a brand
    ("主会场设在瑞钧智能制造产业园项目现场。", "瑞钧智能"),                # runs on into a park's or project's name
    ("落火、探月等中国航天的新征程。", "中国航天"),                        # a programme, not the lexicon's company
])
def test_no_short_company_name_in_quantities_and_longer_names(text, not_company):
    assert not_company not in _texts(recognize_enterprises(_doc(text)), "Enterprise")


# --- organizations: media, intergovernmental bodies, institutions (issue #14, class 5) ---

@pytest.mark.parametrize("text, organization", [
    ("据华龙网报道，该市新增企业3000家。", "华龙网"),                       # a province's key news website
    ("双方将深化与东盟国家的经贸合作，联合国机构派员出席。", "东盟"),        # intergovernmental
    ("双方将深化与东盟国家的经贸合作，联合国机构派员出席。", "联合国"),
    ("代表团参观了青川县博物馆和青川县图书馆。", "青川县博物馆"),           # cultural institutions
    ("省工商联、市总商会负责人出席。", "省工商联"),                         # a level and a federation
    ("省工商联、市总商会负责人出席。", "市总商会"),
    ("中国农业机械总院西南分院落户该区。", "中国农业机械总院西南分院"),    # an institute and its branch
    ("晋商总会会长致辞。", "晋商总会"),
])
def test_organizations_named_by_outlet_list_or_suffix(text, organization):
    assert organization in _texts(recognize_organizations(_doc(text)), "Organization")


@pytest.mark.parametrize("text, not_organization", [
    ("他不再担任华岭集团总会计师职务。", "华岭集团总会"),                     # 总会计师 is a post
    ("建成数字博物馆，观众可在线参观。", "数字博物馆"),                     # a category, not a name
])
def test_no_organization_in_posts_and_categories(text, not_organization):
    assert not_organization not in _texts(recognize_organizations(_doc(text)), "Organization")


def test_a_project_does_not_run_across_and_into_a_school():
    mentions = _merged("先后到中国邮政西宁邮件处理中心和国际港务区实验小学2个重点项目调研。")
    assert "国际港务区实验小学" in _texts(mentions, "Organization")
    assert not any("和" in t for t in _texts(mentions, "Project"))


# --- parks: areas of national zones, short zone words, names after a place (issue #14) ---

@pytest.mark.parametrize("text, park", [
    ("自贸试验区贵港片区新增企业200家。", "自贸试验区贵港片区"),          # a national zone's area at a place
    ("自贸区钦州港片区产业协同发展。", "自贸区钦州港片区"),               # a place and its port
    ("成都综保区新增注册企业53家。", "成都综保区"),                       # short form of 综合保税区
    ("位于南岸区的渝黔产业联动集聚区已入驻企业18家。", "渝黔产业联动集聚区"),
    ("在乌鲁木齐甘泉堡经济技术开发区，一体化产业园区初具规模。", "乌鲁木齐甘泉堡经济技术开发区"),
    ("洛阳市产城融合示范区重点项目集中签约。", "洛阳市产城融合示范区"),
])
def test_parks_named_by_zone_grammar(text, park):
    assert park in _texts(recognize_parks(_doc(text)), "Park")


@pytest.mark.parametrize("text, not_park", [
    ("加快建设活力竞相迸发的产城融合示范区。", "产城融合示范区"),        # a programme, no place
    ("正安吉他产业园是全球最大的吉他生产基地。", "安吉他产业园"),         # a county's short form cut in two
    ("盐城港大丰港区是该港的主港区。", "盐城港大丰港区"),                 # a port's area is a facility
])
def test_no_park_in_programmes_and_port_areas(text, not_park):
    assert not_park not in _texts(recognize_parks(_doc(text)), "Park")


# --- items the text lists as projects (issue #14, class 3, entity side) ----------

@pytest.mark.parametrize("text, project", [
    ("本次开工的重点项目包括东岭国际陆港物流产业园（一期）、青禾冷链智慧物流产业园等。", "东岭国际陆港物流产业园"),
    ("本次开工的重点项目包括东岭国际陆港物流产业园（一期）、青禾冷链智慧物流产业园等。", "青禾冷链智慧物流产业园"),
    ("开工项目分别为鸿钜装配式钢构项目、同辉汽车配件项目和精诚汽车零部件项目。", "精诚汽车零部件项目"),
    ("共储备华电新能源、东岭智锐再生资源产业园等亿元以上重点项目。", "东岭智锐再生资源产业园"),
])
def test_items_listed_as_projects_are_projects(text, project):
    assert project in _texts(_merged(text), "Project")


@pytest.mark.parametrize("text, not_project", [
    ("本次开工的重点项目包括东岭国际陆港物流产业园（一期）等。", "东岭国际陆港"),     # 港 inside a park's name
    ("开工项目分别为同辉汽车配件项目和精诚汽车零部件项目。", "同辉汽车配件项目和精诚汽车零部件项目"),
    ("公布2023年度智能制造示范工厂揭榜单位名单。", "度智能制造示范工厂"),          # a category of plants
])
def test_list_items_are_not_merged_or_generic(text, not_project):
    assert not_project not in _texts(_merged(text), "Project")


def test_a_park_listed_as_a_project_is_no_park():
    text = "本次开工的重点项目包括东岭国际陆港物流产业园（一期）、青禾冷链智慧物流产业园等。"
    assert "青禾冷链智慧物流产业园" not in _texts(_merged(text), "Park")


@pytest.mark.parametrize("text, not_project", [
    ("全力推进“双百双新”项目建设。", "“双百双新”项目"),                        # a campaign's counted slogan
    ("谋划“十五五”时期重大项目120个。", "“十五五”时期重大项目"),
    ("调研开发区发展及“两新”项目谋划情况。", "开发区发展及“两新”项目"),
])
def test_campaign_slogans_name_no_project(text, not_project):
    assert not_project not in _texts(recognize_projects(_doc(text)), "Project")


@pytest.mark.parametrize("text, project", [
    ("赣州市“三馆一书城”建设项目开工。", "赣州市“三馆一书城”建设项目"),        # a place in front: a project
    ("大兴国际机场临空经济区廊坊片区建设提速。", "大兴国际机场"),              # an airport keeps its zone
])
def test_quoted_and_facility_names_that_stay_projects(text, project):
    assert project in _texts(recognize_projects(_doc(text)), "Project")


# --- junk from boundaries and sector words (issue #14, class 6) --------------------

@pytest.mark.parametrize("text, not_company", [
    ("重点引进和培育高端制造、新一代电子信息等战略性新兴产业。", "新一代电子信息"),   # sectors, not companies
    ("签约项目涉及汽车摩托车、能源电子、数字文创等多个产业领域。", "数字文创"),
    ("推行智能化仓储系统、人文化员工关怀等企业运营模式。", "人文化员工关怀"),
    ("涵盖新能源汽车零部件、具身智能、生物制药等领域。", "具身智能"),           # a field among sectors
    ("智算中心建成投用，可为人工智能企业发展提供算力。", "可为人工智能"),        # a kind of company
    ("专家为西安鼎泰冶金设备工程有限公司把脉。", "为西安鼎泰冶金设备工程有限公司"),  # a preposition before the place
    ("引进数字经济、现代物流等企业30家。", "数字经济"),                              # sectors said to be companies
    ("。向华岭集团学习，紧盯东蓝集团。", "向华岭集团"),                              # a preposition opens the phrase
    ("。向华岭集团学习，紧盯东蓝集团。", "紧盯东蓝集团"),                            # a verb opens it
])
def test_sectors_and_glued_words_are_no_company(text, not_company):
    assert not_company not in _texts(recognize_enterprises(_doc(text)), "Enterprise")


@pytest.mark.parametrize("text, company", [
    ("专家为西安鼎泰冶金设备工程有限公司把脉。", "西安鼎泰冶金设备工程有限公司"),
    ("该市与埃孚、西门子等电气行业“巨头”签约。", "埃孚"),                        # leaders of an industry stay companies
    ("代表团考察了合成生物学研究院、星岚车灯等点位。", "星岚车灯"),               # an institute is no sector
    ("。向阳集团、为民集团参加。", "向阳集团"),                                     # a word that starts with a preposition
])
def test_companies_next_to_sector_cues(text, company):
    assert company in _texts(recognize_enterprises(_doc(text)), "Enterprise")


def test_listed_company_short_form_with_shares():
    found = _texts(recognize_enterprises(_doc("深入岚原食品股份有限公司考察。开发区以岚原股份为龙头。")), "Enterprise")
    assert "岚原股份" in found
    assert "岚原股份" not in _texts(recognize_enterprises(_doc("开发区以岚原股份为龙头。")), "Enterprise")


@pytest.mark.parametrize("text, found", [
    ("京沪高铁山东段运行平稳。", {"京沪高铁", "京沪高铁山东段"}),   # a line and its section at a place
    ("沪渝高速、京津高铁相继通车。", {"沪渝高速", "京津高铁"}),
    ("沪渝高速发展迅速。", set()),                          # 高速 in 高速发展 is no line
])
def test_lines_named_by_provincial_abbreviations(text, found):
    lines = {p for p in _texts(recognize_projects(_doc(text)), "Project") if "高" in p}
    assert lines == found


@pytest.mark.parametrize("recognize, text, type_, not_found", [
    (recognize_enterprises, "该项目坐落于上海东岭地产集团旗下园区。", "Enterprise", "坐落于上海东岭地产集团"),
    (recognize_projects, "将建设1000亿元级物流枢纽工程。", "Project", "级物流枢纽工程"),          # a class, no name
    (recognize_organizations, "两市党校开展异地培训。", "Organization", "两市党校"),          # a count of cities
    (recognize_parks, "港口型物流示范园建设加快。", "Park", "港口型物流示范园"),               # a type of park
])
def test_boundary_and_category_junk(recognize, text, type_, not_found):
    assert not_found not in _texts(recognize(_doc(text)), type_)


@pytest.mark.parametrize("text, organization", [
    ("中国工业和信息化部电子第五研究所专家出席。", "中国工业和信息化部电子第五研究所"),  # 和 inside an official compound
    ("中科院专家和省农科院专家一起调研。", "中科院"),                                  # a national academy's short name
    ("中科院专家和省农科院专家一起调研。", "省农科院"),
    ("西岭经济开发区甘肃电科院试验基地开工。", "甘肃电科院"),                          # a province starts the name
    ("清华大学天津电子信息技术实验室揭牌。", "清华大学天津电子信息技术实验室"),          # a university's lab keeps it
])
def test_institutions_with_compounds_and_short_forms(text, organization):
    assert organization in _texts(recognize_organizations(_doc(text)), "Organization")


@pytest.mark.parametrize("text, companies", [
    ("平台为华岭科技、东蓝新材等企业提供融资服务。", {"华岭科技", "东蓝新材"}),   # companies a service is given to
    ("银行为制造业、服务业提供贷款。", set()),                                     # sectors are served too
])
def test_companies_served(text, companies):
    assert _texts(recognize_enterprises(_doc(text)), "Enterprise") == companies


@pytest.mark.parametrize("text, company", [
    ("现场集中签约了华岭科技、东蓝新材等项目。", "华岭科技"),    # companies signed, after 签约了
    ("高瓴资本、岚山创投等机构参与投资。", "高瓴资本"),          # funds by their trade name
])
def test_signed_companies_and_funds(text, company):
    assert company in _texts(_merged(text), "Enterprise")


@pytest.mark.parametrize("text, place", [
    ("学习借鉴深圳改革创新举措。", "深圳"),            # a sub-provincial city's short name stands alone
    ("新建柳州至广州铁路开工。", "广州"),              # a provincial capital's too
])
def test_major_city_short_names_need_no_province(text, place):
    assert place in _texts(recognize_places(_doc(text)), "Place")


def test_other_city_short_names_still_need_their_province():
    assert "梧州" not in _texts(recognize_places(_doc("柳州至梧州段开工。")), "Place")


@pytest.mark.parametrize("text, owner", [
    ("长春中车轨道整体搬迁建设项目鸟瞰图。", "长春中车"),                 # a city's short name and a lexicon brand
    ("主会场设在柳州市柳工智能国际工业园项目现场。", "柳工"),             # a full city name only locates it
])
def test_owners_of_relocations_and_company_parks(text, owner):
    assert owner in _texts(recognize_projects(_doc(text)), "Enterprise")


@pytest.mark.parametrize("text", [
    "两江数字经济产业园项目开工。",             # a park named after a place or field
    "玉林白平产业园热电联产一期项目开工。",     # after a place the gazetteer lacks
])
def test_a_park_built_as_a_project_has_no_owner_by_shape(text):
    assert not _texts(recognize_projects(_doc(text)), "Enterprise")


@pytest.mark.parametrize("text, project", [
    ("华岭公司的储能产业基地建成投产。", "储能产业基地"),        # X公司的Y: the owner names Y, and stays out of it
    ("该公司的储能产业基地建成投产。", None),                    # no company's own name
])
def test_project_named_after_its_company_with_de(text, project):
    found = _texts(recognize_projects(_doc(text)), "Project")
    assert (project in found) if project else not found


def test_one_name_across_and_after_a_lexicon_brand():
    text = "年内，国药新型口腔材料和医用耗材产业化基地项目投产。"
    assert "国药新型口腔材料和医用耗材产业化基地项目" in _texts(recognize_projects(_doc(text)), "Project")
