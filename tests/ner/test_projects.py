"""The project recognizer (kg.ner.projects): project names, their owners written in front, and
phrases that name no project, on sentences written for these tests."""
from __future__ import annotations

import pytest

from kg.ner.enterprises import recognize_enterprises
from kg.ner.places import recognize_places
from kg.ner.projects import _has_legal_name, recognize_projects
from tests.conftest import merged_mentions, plain_doc, recognized, texts


def test_a_name_opening_with_he_after_a_locative_verb_is_whole():
    found = recognize_projects(plain_doc("市长在和瑞20万吨硅材料项目现场询问进度。"))
    assert "和瑞20万吨硅材料项目" in texts(found, "Project")
    assert not any(t.startswith("瑞") for t in texts(found, "Project"))


def test_he_joining_two_names_still_ends_the_first():
    found = texts(recognize_projects(plain_doc("完成道路和东桥湾大桥改造工程。")), "Project")
    assert not any(t.startswith("和") for t in found)


def test_quantified_phrases_are_not_projects():
    doc = plain_doc("全力推进两大重点项目,振兴一老工业基地,开通绿色通道。")
    found = texts(recognize_projects(doc), "Project")
    assert not any(t.startswith(("两大", "一老")) for t in found)
    assert "绿色通道" not in found


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("县长走进G318雅江段三号大桥项目现场,又察看了300万吨炼化一体化项目。",
                 {"300万吨炼化一体化项目", "G318", "G318雅江段三号大桥项目"}, set(), id="road_code_and_numbered_bridge_in_a_project_name"),
    pytest.param("企业上马澜汐智联巴士项目,各镇吹响项目攻坚号角。",
                 {"澜汐智联巴士项目"}, {"上马澜汐智联巴士项目", "镇吹响项目", "吹响项目"}, id="verbs_of_launching_open_no_name"),
    pytest.param("10月3号安澜大桥项目开工。",
                 {"安澜大桥项目"}, set(), id="a_day_written_with_hao_still_ends_the_phrase"),
    pytest.param("书记走访了湖川瑞泽智能装备有限责任公司数字工厂建设项目、某地云岚新能源有限公司储能装备基地。",
                 {"储能装备基地", "数字工厂建设项目"}, set(), id="common_words_after_a_legal_company_name_name_its_project"),
    pytest.param("市长察看了泓岚水务公司污泥处理中心项目,目前公司二期项目也已开工。",
                 {"污泥处理中心项目"}, {"二期项目"}, id="project_after_a_short_company_name_ending_in_gongsi"),
    pytest.param("全力推进云栖数据中心项目建设。",
                 {"云栖数据中心项目"}, set(), id="data_in_a_project_name_is_not_the_preposition"),
    pytest.param("仪式在智能网联产业园无人机总装中心项目现场举行。",
                 {"智能网联产业园无人机总装中心项目"}, set(), id="a_project_inside_a_named_park_is_a_name"),
    pytest.param("綦江东站投用，澄益食品项目开工，文化旅游项目和观摩项目也在推进。",
                 {"綦江东站", "澄益食品项目"}, {"文化旅游项目", "观摩项目"}, id="facility_named_by_a_place_alone_but_bare_projects_need_a_proper_part"),
    pytest.param("今年完成石门河堤加固、龙岩湾生态修复等重点工程8个。",
                 {"石门河堤加固", "龙岩湾生态修复"}, set(), id="projects_listed_before_a_project_word"),
    pytest.param("年内，国药新型口腔材料和医用耗材产业化基地项目投产。",
                 {"国药新型口腔材料和医用耗材产业化基地项目"}, set(), id="one_name_across_and_after_a_lexicon_brand"),
])
def test_projects_found_and_not_found(text, found, not_found):
    names = recognized(recognize_projects, text, "Project")
    assert found <= names
    assert not names & not_found


def test_bare_company_word_or_a_generic_word_names_no_project():
    assert recognized(recognize_projects, "眼下公司一期项目已投产,全市重点项目进展顺利。", "Project") == set()
    assert recognized(recognize_projects, "湖川瑞泽科技有限公司重点项目建设提速。", "Project") == set()


def test_a_conjunction_after_the_company_ends_no_project():
    assert not any(t.endswith("及项目") for t in recognized(recognize_projects, "了解湖川瑞泽科技有限公司运行及项目建设情况。", "Project"))


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("会上签约了湖北泓岚智能叉车项目。",
                 {"湖北泓岚"}, set(), id="province_prefix_of_a_project_stays_in_its_owners_name"),
    pytest.param("开工项目包括中国移动沿河算力中心项目。",
                 {"中国移动"}, set(), id="a_known_company_opening_a_project_owns_it"),
])
def test_project_owners_found_and_not_found(text, found, not_found):
    names = recognized(recognize_projects, text, "Enterprise")
    assert found <= names
    assert not names & not_found


@pytest.mark.parametrize("text, short, has_legal_name", [
    ("澜汐新材料有限公司签约。", "澜汐新材料", True),
    ("湖川瑞泽科技股份公司投资。", "湖川瑞泽", True),
    ("湖川瑞泽智能装备制造有限责任公司投资。", "湖川瑞泽", True),  # six characters before the legal suffix
    ("湖川瑞泽高端智能装备制造有限公司投资。", "湖川瑞泽", False),  # eight: no short form of it
    ("湖川瑞泽，科技有限公司投资。", "湖川瑞泽", False),  # a comma ends the name
    ("湖川瑞泽项目开工，澜汐科技有限公司投资。", "湖川瑞泽", False),
])
def test_a_short_form_starts_a_legal_company_name_of_the_text(text, short, has_legal_name):
    assert _has_legal_name(text, short) is has_legal_name


def test_project_named_after_a_company_of_the_text_gets_no_shorter_owner():
    text = "湖北泓岚新材料有限公司签约，湖北泓岚新材料项目计划投资1亿元。"
    assert "湖北泓岚新材料项目" in recognized(recognize_projects, text, "Project")
    assert not any(t.startswith("湖北泓岚") or t == "泓岚" for t in recognized(recognize_projects, text, "Enterprise"))


def test_verbs_before_a_generic_word_name_no_project():
    # Only verbs (示范, 推广) stand before the suffix once the quoted nickname is set aside.
    assert recognized(recognize_projects, '该镇获批"云岭"示范推广基地。', "Project") == set()


def test_a_count_of_kinds_after_a_place_names_no_project():
    assert not any("三大" in t for t in recognized(recognize_projects, "青川镇三大产业项目同日开工,东湖大桥项目同步推进。", "Project"))
    assert "东湖大桥项目" in recognized(recognize_projects, "青川镇三大产业项目同日开工,东湖大桥项目同步推进。", "Project")


def test_a_phase_or_a_counted_category_names_no_project():
    text = "其中一期项目占地80亩；签约项目中，文化旅游项目2项，康养服务项目1项。"
    assert not recognized(recognize_projects, text, "Project")


def test_phase_items_in_a_project_list_give_project_and_company():
    text = "当年就吸引璞瑞、埃弗森三期等一批重大项目落地。"
    assert "埃弗森三期" in recognized(recognize_projects, text, "Project")
    companies = recognized(recognize_enterprises, text, "Enterprise")
    assert "埃弗森" in companies and "埃弗森三期" not in companies


def test_the_company_before_a_production_capacity_owns_the_project():
    text = "他走进湘沅新材料年产8万吨铝箔项目、云南锂沣20万吨负极材料基地和恒瑞泰1.5万吨碳纤维等项目。"
    projects = recognized(recognize_projects, text, "Project")
    owners = recognized(recognize_projects, text, "Enterprise")
    assert "恒瑞泰1.5万吨碳纤维" in projects
    assert {"湘沅新材料", "云南锂沣", "恒瑞泰"} <= owners


def test_a_works_noun_stays_in_the_project_name():
    found = recognized(recognize_projects, "当天开工的沿江铁路杞县段建设项目总投资12亿元，将加快推进建设项目。",
                   "Project")
    assert "沿江铁路杞县段建设项目" in found
    assert "推进建设项目" not in found and "建设项目" not in found


def test_project_after_its_company_and_after_verbs():
    doc = plain_doc("重庆远帆电机制造有限公司新能源电机数字化车间、綦河大桥已建成，正加快推进石门水库扩容工程。")
    found = texts(recognize_projects(doc), "Project")
    assert "新能源电机数字化车间" in found
    assert "綦河大桥" in found
    assert "石门水库扩容工程" in found
    assert not any("有限公司" in t or t.startswith(("推进", "加快")) for t in found)


def test_generic_project_phrases_are_excluded():
    doc = plain_doc("全年实施重点项目80个，其中12个风电、光伏项目已开工，该工程进展顺利。")
    assert texts(recognize_projects(doc), "Project") == set()


def test_names_split_by_an_ocr_space_are_found_with_offsets_into_the_text():
    doc = plain_doc("代表团走进綦江区蓝石精 密铸造有限公司，参观了綦河东 站。")
    ents = [m for m in recognize_enterprises(doc) if m.text.replace(" ", "") == "綦江区蓝石精密铸造有限公司"]
    assert ents and doc.text[ents[0].start:ents[0].end] == ents[0].text
    assert "綦河东站" in {m.text.replace(" ", "") for m in recognize_projects(doc)}


def test_trade_name_in_front_of_a_project_is_a_nested_enterprise():
    doc = plain_doc("本次开工的项目分别为鸿钜机械智能叉车项目、沁坤锂电池外壳项目、祥梓汽车零部件项目。")
    projects = texts(recognize_projects(doc), "Project")
    owners = texts(recognize_projects(doc), "Enterprise")
    assert {"鸿钜机械智能叉车项目", "沁坤锂电池外壳项目", "祥梓汽车零部件项目"} <= projects
    assert {"鸿钜机械", "沁坤", "祥梓"} <= owners


def test_project_owner_needs_a_trade_name_not_a_field_or_a_park():
    doc = plain_doc("推进文化旅游项目、新旧动能转换项目和安河新能源产业园项目建设。")
    assert texts(recognize_projects(doc), "Enterprise") == set()


def test_coordinated_and_generic_projects():
    doc = plain_doc("考察华岭新城及远川总部经济项目。推进合溪产业新城重点工业项目。")
    found = texts(recognize_projects(doc), "Project")
    assert "远川总部经济项目" in found
    assert not any("及" in t for t in found)
    assert not any(t.endswith("重点产业项目") for t in found)


def test_quoted_honour_is_no_project_and_no_country():
    text = "该县获得“中国优质茶叶种植基地”称号。"
    assert texts(recognize_projects(plain_doc(text)), "Project") == set()
    assert "中国" not in texts(recognize_places(plain_doc(text)), "Place")


def test_list_item_named_by_common_words_next_to_a_project():
    doc = plain_doc("开工项目分别为鸿钜机械智能叉车项目、新视野移动巡检机器人项目、文化旅游项目。")
    found = texts(recognize_projects(doc), "Project")
    assert "新视野移动巡检机器人项目" in found
    assert "文化旅游项目" not in found
    tail = plain_doc("建设循环利用及压力容器项目、恒远新材料项目。")
    assert not any(t.startswith("及") for t in texts(recognize_projects(tail), "Project"))


@pytest.mark.parametrize("text, project", [
    # an investment amount right before the name: one project, even in common words
    ("签约项目分别是总投资3亿元的铝型材深加工项目、总投资2亿元的木门生产项目。", "铝型材深加工项目"),
    ("签约项目分别是总投资3亿元的铝型材深加工项目、总投资2亿元的木门生产项目。", "木门生产项目"),
    # a brand of the lexicon or a word the dictionary tags as a brand opens the name
    ("长春市的一汽新能源车身工厂项目正式开工。", "一汽新能源车身工厂项目"),
    ("年内，丰田氢燃料电池研发及生产项目将投产。", "丰田氢燃料电池研发及生产项目"),
    # a named estate built as a project
    ("总投资80亿元的东岭生物医药创新产业园项目开工。", "东岭生物医药创新产业园项目"),
    # one name across 和 when the part after it is common words only
    ("今年，瑞鸿康泰新型口腔材料和医用耗材产业化基地项目投产。", "瑞鸿康泰新型口腔材料和医用耗材产业化基地项目"),
])
def test_projects_named_in_common_words_with_a_cue(text, project):
    assert project in texts(recognize_projects(plain_doc(text)), "Project")


@pytest.mark.parametrize("text, not_project", [
    ("今年新开工重点项目30个，总投资5亿元的重点项目有8个。", "重点项目"),
    ("该项目为上市募投项目，计划投资15亿元。", "上市募投项目"),
    ("今年，瑞鸿康泰新型口腔材料和医用耗材产业化基地项目投产。", "瑞鸿康泰新型口腔材料和工程"),
    ("今年，瑞鸿康泰新型口腔材料和医用耗材产业化基地项目投产。", "医用耗材产业化基地项目"),
    ("不少企业来青岛投资项目，效益良好。", "青岛投资项目"),          # a place and investing in general
    ("推进央地合作项目落地见效。", "央地合作项目"),                      # central-local cooperation in general
])
def test_generic_phrases_and_cut_names_are_no_projects(text, not_project):
    assert not_project not in texts(recognize_projects(plain_doc(text)), "Project")


@pytest.mark.parametrize("text, owner", [
    ("总投资9亿元的瑞鸿康泰新型口腔材料项目开工。", "瑞鸿康泰"),     # before 新型
    ("总投资9亿元的百禾食品四川生产基地项目开工。", "百禾食品"),       # before the province it is built in
    ("长春市的一汽新能源车身工厂项目正式开工。", "一汽"),               # a lexicon brand
])
def test_owner_opening_a_project_name(text, owner):
    assert owner in texts(recognize_projects(plain_doc(text)), "Enterprise")


@pytest.mark.parametrize("text, not_owner", [
    ("重庆荣昌石溪220千伏输变电工程项目开工。", "重庆荣昌石溪"),        # a place before a capacity
    ("总投资9亿元的绿色食品四川生产基地项目开工。", "绿色食品"),        # a field, no trade name
    ("观摩流延机高端装备制造生产线项目。", "流延机"),                    # a machine, no trade name
])
def test_places_and_fields_own_no_project(text, not_owner):
    assert not_owner not in texts(recognize_projects(plain_doc(text)), "Enterprise")


@pytest.mark.parametrize("text, project", [
    ("加快建设石门港、临江煤矿和东川会展中心。", "石门港"),
    ("加快建设石门港、临江煤矿和东川会展中心。", "临江煤矿"),
    ("加快建设石门港、临江煤矿和东川会展中心。", "东川会展中心"),
    ("参观了青岭热带植物园。", "青岭热带植物园"),                  # gardens and exhibition grounds
    ("来到澜沧茶叶博览园。", "澜沧茶叶博览园"),
    ("青岭铁矿、白鹭沟钼矿全面开工。", "青岭铁矿"),                   # mines named by their site
    ("岚川移动青梧云计算数据中心投用。", "岚川移动青梧云计算数据中心"),   # a data centre with a proper part
    ("来到澜汐物流青梧邮件处理中心。", "澜汐物流青梧邮件处理中心"),       # a processing plant
    ("某企业揭榜任务“轮毂智能制造示范工厂”。", "轮毂智能制造示范工厂"),   # a model plant in common words
    ("加快推进贵阳至南宁高速公路建设。", "贵阳至南宁高速公路"),          # a line named by the places it joins
    # two projects joined by 及: the one in common words is judged like its neighbour
    ("其中，金川汽车芯片封装一期项目及半导体装备研制与产业化项目开工。", "半导体装备研制与产业化项目"),
    ("其中，金川汽车芯片封装一期项目及半导体装备研制与产业化项目开工。", "金川汽车芯片封装一期项目"),
])
def test_facilities_and_joined_projects(text, project):
    assert project in texts(recognize_projects(plain_doc(text)), "Project")


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
    "鸿昊港创集团和青湾氢港氢能产业园。",             # the word runs on after 港
    "积极争创国家级质量标准创新基地。",                # a rank opens a category, a status given
    "在海南自贸港的另一重点项目建设现场。",              # a zone and rating words only
    "以一批标志性重大项目夯实基础。",                # rating words only
    "青梧数据中心集群已集聚多个中心。",                 # a cluster of data centres
    "他说，整个施工项目年底完工。",
    "要做实项目前期工作，新上生产线3条，新增智能生产线。",   # verbs of project work
    "按下重大项目建设快进键，聚力项目建设，大上项目。",
    "中心集五星级酒店、商务办公、大型商业广场于一体。",    # a size and one common word: a kind of facility
    "医学综合体、邻里中心开工建设，中试基地同步启用。",
    "将为新型显示器件生产线供应工业气体。",          # a production line with no name
    "打造特色文旅小镇。",                                  # a feature label names no town
    "建设光伏基地和重庆新能源基地。",                      # a field alone, or after a short place name
])
def test_no_facility_in_descriptions(text):
    found = texts(recognize_projects(plain_doc(text)), "Project")
    assert not found - {"金川物流项目"}


@pytest.mark.parametrize("text, project", [
    ("本次开工的重点项目包括东岭国际陆港物流产业园（一期）、青禾冷链智慧物流产业园等。", "东岭国际陆港物流产业园"),
    ("本次开工的重点项目包括东岭国际陆港物流产业园（一期）、青禾冷链智慧物流产业园等。", "青禾冷链智慧物流产业园"),
    ("开工项目分别为鸿钜装配式钢构项目、同辉汽车配件项目和精诚汽车零部件项目。", "精诚汽车零部件项目"),
    ("共储备华电新能源、东岭智锐循环经济产业园等亿元以上重大项目。", "东岭智锐循环经济产业园"),
])
def test_items_listed_as_projects_are_projects(text, project):
    assert project in texts(merged_mentions(text), "Project")


@pytest.mark.parametrize("text, projects, companies", [
    pytest.param("在金澜现代智慧物流仓储、博远精工机械开工项目现场，书记详细了解进度。",
                 {"金澜现代智慧物流仓储"}, {"博远精工机械"}, id="sites_of_projects_visited"),
    pytest.param("以及澄宇科技、鑫盛福新能源电池材料竣工项目现场。",
                 {"鑫盛福新能源电池材料"}, {"鑫盛福", "澄宇科技"}, id="a_run_of_field_words_is_the_object"),
    pytest.param("近年来引进新松机器人、中轴小镇等一批重大产业项目落地投产。",
                 {"新松机器人", "中轴小镇"}, {"新松"}, id="a_word_before_a_product_owns_it"),
    pytest.param("总投资15亿元的东岭航空部件升级改造、总投资14.2亿元的澜轴高端轴承生产建设等项目开工。",
                 {"澜轴高端轴承生产建设"}, {"澜轴"}, id="an_amount_opening_a_later_item"),
    pytest.param("数字经济、文旅产业等项目加快落地。", set(), set(), id="sectors_are_neither"),
])
def test_items_of_project_lists_as_projects_or_companies(text, projects, companies):
    found = merged_mentions(text)
    assert projects <= texts(found, "Project")
    assert companies <= texts(found, "Enterprise")
    assert not companies & texts(found, "Project") and not projects & texts(found, "Enterprise")
    assert "文旅产业" not in texts(found, "Enterprise") | texts(found, "Project")
    assert not any(t.startswith("总投资") for t in texts(found, "Project"))


@pytest.mark.parametrize("text, projects", [
    pytest.param("代表们察看了青禾冷链物流中心、东岭智造产业园和澜轴轴承搬迁改造三个项目。",
                 {"青禾冷链物流中心", "东岭智造产业园", "澜轴轴承搬迁改造"}, id="last_item_joined_by_he"),
    pytest.param("甲区当天开工金澜大厦二期、博远城三期(Ⅱ)、鸿钜路北段改造3个项目。",
                 {"金澜大厦二期", "博远城三期(Ⅱ)", "鸿钜路北段改造"}, id="digits_after_a_phase"),
    pytest.param("推动澜汐雷沃高端农业装备、青梧智慧医药基地等40个在建项目尽快投产。",
                 {"澜汐雷沃高端农业装备", "青梧智慧医药基地"}, id="a_qualifier_between_the_count_and_the_project_word"),
    pytest.param("今年开工青禾冷链物流中心、东岭智造产业园、澜轴轴承搬迁改造3个新上项目。",
                 {"青禾冷链物流中心", "东岭智造产业园", "澜轴轴承搬迁改造"}, id="a_qualifier_without_deng"),
])
def test_items_of_a_list_closed_by_a_count_of_projects(text, projects):
    assert projects <= texts(merged_mentions(text), "Project")


@pytest.mark.parametrize("text, owner, not_owner", [
    pytest.param("引进建设潍柴澜迪新能源动力产业园等项目。", "潍柴澜迪", "潍柴", id="unit_of_a_group_before_an_object"),
    pytest.param("来到陕煤澜辰科技新材料产业基地。", "陕煤澜辰科技", "陕煤", id="unit_of_a_group_with_a_company_head"),
    pytest.param("中粮岳阳港口物流园一期开工。", None, "中粮岳阳", id="a_place_after_the_group_is_no_unit"),
    pytest.param("东澜置业项目签约落地。", "东澜置业", "东澜", id="trade_name_and_industry"),
    pytest.param("青岭塑业项目、诚澜食品项目开工。", "青岭塑业", "青岭", id="items_of_a_list"),
    pytest.param("博远新材料项目投产。", "博远新材料", "博远", id="field_industry_word"),
    pytest.param("智慧工厂建设项目启动。", None, "智慧工厂建设", id="a_facility_is_no_trade_name"),
    pytest.param("青岭数据中心项目开工。", None, "青岭数据中心", id="a_centre_is_no_company"),
])
def test_a_short_company_name_before_a_bare_project_word_owns_it(text, owner, not_owner):
    found = texts(merged_mentions(text), "Enterprise")
    assert owner is None or owner in found
    assert not_owner not in found


@pytest.mark.parametrize("text, project, not_project", [
    pytest.param("开工仪式在青岭经开区澜轴精密轴承产业园项目施工现场举行。",
                 "澜轴精密轴承产业园项目", "青岭经开区澜轴精密轴承产业园项目", id="zone_opening_a_site"),
    pytest.param("在青岭市经济技术开发区东岭智能装备产业园二期项目施工现场，工人们正忙碌。",
                 "东岭智能装备产业园二期项目", "青岭市经济技术开发区东岭智能装备产业园二期项目", id="zone_and_estate_at_a_site"),
    pytest.param("开工仪式在金澜新区博远电梯项目工地举行。", "博远电梯项目", "金澜新区博远电梯项目", id="new_area_at_a_site"),
    pytest.param("在青岭产业园东岭新材料项目现场举行仪式。",
                 "青岭产业园东岭新材料项目", "东岭新材料项目", id="an_estate_is_part_of_the_name"),
    pytest.param("G1234青澜高速青岭新区至澜城段项目开工现场。",
                 "G1234青澜高速青岭新区至澜城段项目", "至澜城段项目", id="a_route_through_a_zone"),
])
def test_the_zone_opening_a_project_site_only_locates_it(text, project, not_project):
    found = texts(merged_mentions(text), "Project")
    assert project in found and not_project not in found


@pytest.mark.parametrize("text", [
    pytest.param("全省各市(州)、各开发区等共签约40个项目。", id="categories_and_deng"),
    pytest.param("东岭区和青禾县分别上榜2个项目、金澜区上榜1个项目。", id="places_subjects_of_a_verb"),
    pytest.param("累计完成12个项目征地、9个管网工程和30座泵站选址及17个重点项目。", id="tallies"),
    pytest.param("新建东岭工业园(地块一、地块二)2个项目。", id="items_inside_brackets"),
])
def test_counted_lists_that_name_no_projects(text):
    assert not texts(merged_mentions(text), "Project")


@pytest.mark.parametrize("text, project", [
    ("大型无人机研发制造基地建成投用。", "大型无人机研发制造基地"),   # a size before several words names one
    ("京沪高铁运行平稳。", "京沪高铁"),
])
def test_descriptive_openers_before_named_objects_stay_projects(text, project):
    assert project in texts(merged_mentions(text), "Project")


@pytest.mark.parametrize("text, not_project", [
    ("全力推进“双百双新”项目建设。", "“双百双新”项目"),                        # a campaign's counted slogan
    ("谋划“十五五”时期重大项目120个。", "“十五五”时期重大项目"),
    ("调研开发区发展及“两新”项目谋划情况。", "开发区发展及“两新”项目"),
])
def test_campaign_slogans_name_no_project(text, not_project):
    assert not_project not in texts(recognize_projects(plain_doc(text)), "Project")


@pytest.mark.parametrize("text, project", [
    ("赣州市“三馆一书城”建设项目开工。", "赣州市“三馆一书城”建设项目"),        # a place in front: a project
    ("大兴国际机场临空经济区北区建设提速。", "大兴国际机场"),              # an airport keeps its zone
])
def test_quoted_and_facility_names_that_stay_projects(text, project):
    assert project in texts(recognize_projects(plain_doc(text)), "Project")


@pytest.mark.parametrize("text, found", [
    ("京沪高铁山东段运行平稳。", {"京沪高铁", "京沪高铁山东段"}),   # a line and its section at a place
    ("贵南高铁广西段建设过半。", {"贵南高铁", "贵南高铁广西段"}),   # a line found by its suffix, too
    ("沪渝高速、京津高铁相继通车。", {"沪渝高速", "京津高铁"}),
    ("沪渝高速发展迅速。", set()),                          # 高速 in 高速发展 is no line
])
def test_lines_named_by_provincial_abbreviations(text, found):
    lines = {p for p in texts(recognize_projects(plain_doc(text)), "Project") if "高" in p}
    assert lines == found


@pytest.mark.parametrize("text, owner", [
    ("长春中车轨道整体搬迁项目效果图。", "长春中车"),                 # a city's short name and a lexicon brand
    ("分会场设在柳州市柳工装备制造产业园项目现场。", "柳工"),             # a full city name only locates it
])
def test_owners_of_relocations_and_company_parks(text, owner):
    assert owner in texts(recognize_projects(plain_doc(text)), "Enterprise")


@pytest.mark.parametrize("text, owner", [
    ("调研组察看了青梧研究基地、四川澜汐电气产业园、岚川食品产业园和海林搬迁改造四个项目。", "四川澜汐电气"),
    ("调研组察看了青梧研究基地、四川澜汐电气产业园、岚川食品产业园和海林搬迁改造四个项目。", "岚川食品"),
])
def test_a_company_s_estate_listed_as_a_project(text, owner):
    assert owner in texts(recognize_projects(plain_doc(text)), "Enterprise")


@pytest.mark.parametrize("text", [
    "两江数字经济产业园项目开工。",             # a park named after a place or field
    "玉林青坪产业园热电联产二期项目开工。",     # after a place the gazetteer lacks
])
def test_a_park_built_as_a_project_has_no_owner_by_shape(text):
    assert not texts(recognize_projects(plain_doc(text)), "Enterprise")


@pytest.mark.parametrize("text, project", [
    ("华岭公司的储能产业基地建成投产。", "储能产业基地"),        # X公司的Y: the owner names Y, and stays out of it
    ("该公司的储能产业基地建成投产。", None),                    # no company's own name
])
def test_project_named_after_its_company_with_de(text, project):
    found = texts(recognize_projects(plain_doc(text)), "Project")
    assert (project in found) if project else not found


@pytest.mark.parametrize("text, project", [
    ("万州机场三期、渝西铁路等加快推进。", "万州机场三期"),                # a facility's phase after it
    ("来到青禾能源材料有限公司76500吨/年高端化学品项目现场。", "76500吨/年高端化学品项目"),  # a rate with a slash
    ("把北部湾港建成区域性国际枢纽。", "北部湾港"),                      # 建成 says what is done to the port
    ("格尔木国际陆港建设提速。", "格尔木国际陆港"),
    ("来到中国(西部)泡菜之都展览馆调研。", "中国(西部)泡菜之都展览馆"),   # 都 after 之 is no adverb
    ("渝昆高铁、果园港建设加快。", "果园港"),        # a port named after its area in common words
    ("参观了江津区城市规划展览馆。", "江津区城市规划展览馆"),   # a planning hall named by its place
    ("项目包含南昌国际陆港物流产业园(南昌向塘冷链物流服务中心)等。", "南昌向塘冷链物流服务中心"),
    ("来到达拉特旗光伏基地考察。", "达拉特旗光伏基地"),       # a place's full name and a field name a base
])
def test_phases_and_rates_inside_project_names(text, project):
    assert project in texts(merged_mentions(text), "Project")


@pytest.mark.parametrize("text, owner", [
    ("走进澜美陶瓷永川生产基地，产线有序运转。", "澜美陶瓷"),   # a brand ending in its product, before a county
])
def test_owner_before_a_county_base(text, owner):
    assert owner in texts(merged_mentions(text), "Enterprise")


@pytest.mark.parametrize("text, owner", [
    ("来到泾河新城隆基研发总部项目。", "隆基"),     # a park locates the project, a known brand owns it
])
def test_owner_after_a_leading_park(text, owner):
    assert owner in texts(merged_mentions(text), "Enterprise")


@pytest.mark.parametrize("text, projects, not_projects", [
    pytest.param("新建万州至达州铁路万州至开州段项目开工。", {"新建万州至达州铁路万州至开州段项目", "万州至达州铁路"},
                 {"万州至达州铁路万州至开州段项目"}, id="xinjian_opens_the_project_of_a_new_line"),
    pytest.param("总投资490亿元的东岭空港经济区枢纽建设项目开工。", {"东岭空港经济区枢纽建设项目"},
                 {"东岭空港经济区枢纽"}, id="a_hub_the_project_only_adds_jianshe_xiangmu_to"),
    pytest.param("总投资10亿的青禾节能门窗生产基地(杞县)项目签约。", {"青禾节能门窗生产基地(杞县)项目"},
                 {"青禾节能门窗生产基地"}, id="a_base_with_a_bracketed_place_and_xiangmu"),
    pytest.param("总投资10亿的现代农业综合开发项目签约。", {"现代农业综合开发项目"}, set(), id="an_amount_in_yi_without_yuan"),
    pytest.param("万州东站改造项目开工。", {"万州东站", "万州东站改造项目"}, set(), id="a_facility_stays_nested"),
    pytest.param("全年力争新签招商项目投资总额800亿元，湖南国企重大项目复工。", set(), {"新签招商项目", "湖南国企重大项目"},
                 id="signing_verbs_and_owner_kinds_name_no_project"),
    # quotes delimit listed project names; counted campaigns in quotes are none
    pytest.param("“澜川运河古城项目”、“万州现代有轨电车一期建设项目工程”等2个项目签约。",
                 {"澜川运河古城项目", "万州现代有轨电车一期建设项目工程"}, {"万州现代有轨电车一期建设项目"},
                 id="quotes_delimit_listed_project_names"),
    pytest.param("扎实推进“十项重大工程”、“一号改革工程”。", set(), {"十项重大工程", "一号改革工程"},
                 id="counted_campaigns_in_quotes"),
])
def test_project_spans_and_nesting(text, projects, not_projects):
    found = texts(merged_mentions(text), "Project")
    assert projects <= found and not not_projects & found


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("重大项目密集开复工，支撑起老工业基地振兴。", set(), {"支撑起老工业基地", "起老工业基地"}, id="verb_and_complement"),
    pytest.param("全力打造出宏远智能装备产业基地。", {"宏远智能装备产业基地"}, {"出宏远智能装备产业基地"}, id="complement_after_a_stop"),
])
def test_verb_complements_open_no_name(text, found, not_found):
    names = texts(recognize_projects(plain_doc(text)), "Project")
    assert found <= names and not not_found & names


@pytest.mark.parametrize("text, project", [
    ("大会在某地南水北调东线源头公园举行。", "南水北调东线"),    # a national mega-project inside a longer phrase
    ("引江济淮工程全线通水。", "引江济淮工程"),
])
def test_national_mega_projects(text, project):
    assert project in texts(recognize_projects(plain_doc(text)), "Project")


@pytest.mark.parametrize("text, found", [
    ("宏远科技有限公司的智能工厂项目投产。", {"智能工厂项目"}),   # X公司的Y项目: the owner stays out
    ("该公司的基地项目开工。", set()),                         # no company named
])
def test_project_words_after_a_company_and_de(text, found):
    assert texts(recognize_projects(plain_doc(text)), "Project") == found


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("加快实施万州港北站集装箱办理站建设。", {"万州港北站集装箱办理站", "万州港北站"}, set(),
                 id="a_station_inside_another_facility"),
    pytest.param("渝南双江航电枢纽一期工程蓄水。", {"渝南双江航电枢纽一期工程"}, {"渝南双江航电枢纽"},
                 id="works_on_a_facility_keep_it_unnested"),
])
def test_facilities_inside_runs_of_project_words(text, found, not_found):
    names = texts(recognize_projects(plain_doc(text)), "Project")
    assert found <= names and not not_found & names



@pytest.mark.parametrize("text, owner", [
    pytest.param("书记来到湖南纸业环保搬迁与技术改造项目现场。", "湖南纸业", id="province_and_a_paper_trade"),
    pytest.param("在海南炼化二期芳烃项目现场,工人正在焊接。", "海南炼化", id="province_and_a_refining_trade"),
    pytest.param("泸州酒业智能酿造车间项目开工。", "泸州酒业", id="city_and_a_liquor_trade"),
])
def test_a_place_and_a_trade_opening_a_project_name_its_owner(text, owner):
    assert owner in texts(recognize_projects(plain_doc(text)), "Enterprise")


@pytest.mark.parametrize("text, not_owner", [
    pytest.param("浙江炼化一体化项目加快建设。", "浙江炼化", id="a_field_after_the_trade"),
    pytest.param("市长察看了邯郸电厂四期工程项目。", "邯郸电厂", id="a_plant_before_its_phase"),
    pytest.param("湖南纸业项目开工。", "湖南", id="no_object_after_the_trade"),
])
def test_a_place_before_a_field_or_a_plant_owns_no_project(text, not_owner):
    assert not_owner not in texts(recognize_projects(plain_doc(text)), "Enterprise")


#: Project spans: production workshops (生产车间).
WORKSHOPS = [
    pytest.param("图为岚峰智能制造生产车间。", "岚峰智能制造生产车间", None, id="a_named_workshop"),
    pytest.param("他来到岚峰集团疫苗生产车间。", "岚峰集团疫苗生产车间", None, id="a_group_s_workshop"),
    pytest.param("在渭南邮件处理中心生产车间,分拣线全速运转。", "渭南邮件处理中心", "渭南邮件处理中心生产车间",
                 id="the_workshop_of_a_named_centre_is_the_centre"),
    pytest.param("在岚峰新材料产业基地二期生产车间里,负责人介绍。", None, "岚峰新材料产业基地二期生产车间",
                 id="the_workshop_of_a_site_s_phase_is_no_project"),
    pytest.param("企业正在筹建生产车间。", None, "生产车间", id="a_bare_workshop"),
    pytest.param("在瑞岚光伏科技有限公司2吉瓦光伏组件生产车间,机器轰鸣。", "2吉瓦光伏组件生产车间", "吉瓦光伏组件生产车间",
                 id="a_capacity_in_gigawatts_is_no_list_number"),
]


@pytest.mark.parametrize("text, owner, not_owner", [
    pytest.param("宏达工业气体岛项目开工。", "宏达", None, id="a_proper_noun_before_an_industry"),
    pytest.param("金泰宏达光伏新材料项目投产。", "金泰宏达", "金泰", id="two_proper_nouns_make_one_trade_name"),
    pytest.param("星辰光伏新材料项目投产。", None, "星辰", id="a_common_word_is_no_trade_name"),
])
def test_proper_nouns_opening_a_project_name_own_it(text, owner, not_owner):
    found = texts(recognize_projects(plain_doc(text)), "Enterprise")
    assert owner is None or owner in found
    assert not_owner not in found


#: Project spans: upgrades and reuse inside project names.
UPGRADES = [
    pytest.param("书记来到恒远新材料有限公司催化材料迁建入园升级改造项目。", "催化材料迁建入园升级改造项目", None,
                 id="an_upgrade_inside_a_project_name"),
    pytest.param("全力推进产业园升级改造项目,实施升级改造项目3个。", None, "升级改造项目", id="an_upgrade_alone_names_nothing"),
    pytest.param("签约了年产5万吨再生铜项目、铝合金循环利用项目等重点项目。", "铝合金循环利用项目", None,
                 id="a_reuse_inside_a_project_name"),
    pytest.param("总投资5亿元的秸秆深加工及资源化利用项目签约。", "秸秆深加工及资源化利用项目", None, id="a_joint_reuse"),
    pytest.param("加强资源利用项目管理。", None, "利用项目", id="a_reuse_alone_names_nothing"),
]


#: Project spans: dashes inside project names.
DASHES = [
    pytest.param("项目名称:安平县云岭之城-数字青谷项目。", "安平县云岭之城-数字青谷项目", "数字青谷项目", id="a_hyphen_inside_a_name"),
    pytest.param("南宁市有锂电池项目、中国—南亚信息港小镇(研发中心)等8个项目开工。", "中国—南亚信息港小镇(研发中心)",
                 "南亚信息港小镇(研发中心)", id="a_dash_joining_two_countries_in_a_listed_name"),
    pytest.param("重大项目巡礼——云岭大桥项目。", "云岭大桥项目", "——云岭大桥项目", id="a_double_dash_ends_the_phrase"),
]


@pytest.mark.parametrize("text, project, not_project", WORKSHOPS + UPGRADES + DASHES)
def test_project_spans(text, project, not_project):
    found = texts(recognize_projects(plain_doc(text)), "Project")
    assert project is None or project in found
    assert not_project not in found


#: Items of lists the text calls projects, named in common words: a head that names projects decides.
DESIGNATED = [
    pytest.param("总投资8亿元的云岭冷链物流港、总投资5亿元的晨溪智慧医疗研发中心等项目将陆续开工。",
                 {"晨溪智慧医疗研发中心"}, set(), id="a_listed_centre_is_a_project_not_an_organization"),
    pytest.param("会上签约了松河钢构、新能源装备制造中心等项目。",
                 {"新能源装备制造中心"}, set(), id="a_listed_item_with_a_head_that_names_projects"),
    pytest.param("此次引进了数字经济、生物经济等项目。",
                 set(), {"数字经济", "生物经济"}, id="listed_fields_have_no_project_head"),
    pytest.param("会上签约了动物饲料生产、云杉物流等项目。",
                 set(), {"动物饲料生产"}, id="a_head_that_is_mostly_a_common_word_names_none"),
]


@pytest.mark.parametrize("text, found, not_found", DESIGNATED)
def test_names_the_text_designates_as_projects(text, found, not_found):
    names = texts(merged_mentions(text), "Project")
    assert found <= names
    assert not names & not_found


@pytest.mark.parametrize("text, project, owner", [
    pytest.param("市长来到华岭物流集团云港多式联运智慧物流园调研。", "华岭物流集团云港多式联运智慧物流园", "华岭物流集团",
                 id="a_group_opening_a_logistics_park"),
    pytest.param("城北片区：中粮澜汐港口粮食物流园一期、青梧大道三期开工。", "中粮澜汐港口粮食物流园一期", "中粮",
                 id="a_lexicon_brand_opening_an_estate_with_its_phase"),
])
def test_an_estate_a_company_opens_is_its_project(text, project, owner):
    found = merged_mentions(text)
    assert project in texts(found, "Project")
    assert owner in texts(found, "Enterprise")
    assert project not in texts(found, "Park")


def test_facility_words_are_the_facility_suffixes():
    from kg.boundary import suffix_table
    from kg.ner.projects import _facility_words

    table = suffix_table("project_suffixes.txt")
    assert "大桥" in _facility_words() and "项目" not in _facility_words()
    assert all(table[w] == "facility" for w in _facility_words())


@pytest.mark.parametrize("following, text, found", [
    ("[及和与]", "甲大桥和乙产业园", "大桥和"),
    ("[及和与]", "甲大桥建成", None),
    ("$", "甲产业园", "产业园"),
])
def test_a_facility_or_park_suffix_before_what_follows(following, text, found):
    from kg.ner.projects import _facility_or_park_before

    m = _facility_or_park_before(following).search(text)
    assert (m.group() if m else None) == found
