"""The organization recognizer (kg.ner.organizations): institutes, schools, media, on sentences
written for these tests."""
from __future__ import annotations

import pytest

from kg.ner.organizations import recognize_organizations
from tests.conftest import plain_doc, recognized, texts


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("松江新闻客户端讯 近日,宜昌日报社组织采访。\n据微信公众号“临安融媒”消息,活动已结束。",
                 {"临安融媒", "宜昌日报社", "松江新闻"}, {"松江新闻客户端"}, id="news_app_dateline_names_the_outlet_and_quoted_sources"),
    pytest.param("会议由南川区融媒体中心承办，重庆交通大学、綦江区人民医院和区人武部参加，新华社记者报道。",
                 {"区人武部", "南川区融媒体中心", "新华社", "綦江区人民医院", "重庆交通大学"}, set(), id="organizations"),
    pytest.param("来源：澜汐融媒丨编辑：张三\n来源丨青梧日报\n璧山融媒报道。",
                 {"澜汐融媒", "青梧日报", "璧山融媒"}, {"来源丨青梧日报", "丨青梧日报"}, id="a_credit_line_s_bar_is_no_part_of_the_outlet"),
    pytest.param("市工商联办公室主任张三出席，璧山区湖南商会、澜汐贸易发展局参加。",
                 {"市工商联办公室", "璧山区湖南商会", "澜汐贸易发展局"}, {"湖南商会"}, id="federations_chambers_and_trade_bodies"),
    pytest.param("澜汐市浙江商会、青梧县汽车商会成立，据澜汐时报、青梧青年报和东南快报报道。",
                 {"澜汐市浙江商会", "青梧县汽车商会", "澜汐时报", "青梧青年报", "东南快报"}, {"浙江商会"},
                 id="a_chamber_of_natives_keeps_its_division_and_papers_by_their_heads"),
    pytest.param("县人民医院、区融媒体中心和青梧区人民医院参加。",
                 {"县人民医院", "区融媒体中心", "青梧区人民医院"}, {"区人民医院"},
                 id="a_level_s_own_hospital_but_not_the_tail_of_a_district_s"),
    pytest.param("县第二人民医院、区疾控中心和市总工会、区青联参加。",
                 {"县第二人民医院", "区疾控中心", "市总工会", "区青联"}, set(),
                 id="a_level_s_numbered_hospital_disease_control_centre_and_people_s_organizations"),
    pytest.param("中科院大连化物所和兰州化物所、中国科学院物理所的专家参加。",
                 {"中科院大连化物所", "兰州化物所", "中国科学院物理所"}, set(), id="academy_institutes_by_their_short_forms"),
])
def test_organizations_found_and_not_found(text, found, not_found):
    names = recognized(recognize_organizations, text, "Organization")
    assert found <= names
    assert not names & not_found


def test_byline_spaces_still_separate_names():
    doc = plain_doc("南川区融媒体中心记者 王青 綦江区融媒体中心记者 李木")
    found = texts(recognize_organizations(doc), "Organization")
    assert {"南川区融媒体中心", "綦江区融媒体中心"} <= found
    assert not any("王青" in t for t in found)


def test_media_datelines_and_cited_outlets():
    doc = plain_doc("青川网讯(记者 王某)近日，\n据潮声新闻7月2日消息，据本地媒体东湖+客户端报道，本报讯")
    found = texts(recognize_organizations(doc), "Organization")
    assert {"青川网", "潮声新闻", "东湖+客户端"} <= found
    assert not any(t.startswith("本") for t in found)


@pytest.mark.parametrize("text, outlets, not_outlets", [
    pytest.param("青澜客户端记者 王某 李某", {"青澜客户端"}, set(), id="credited_with_its_reporters"),
    pytest.param("（澜江在线编辑：王某）", {"澜江在线"}, set(), id="credited_with_its_editor"),
    pytest.param("新澜川客户端西宁3月5日讯（记者 王某）", {"新澜川客户端"}, set(), id="wire_dateline_with_place_and_day"),
    pytest.param("（澜江日报社全媒体记者 王某）", set(), {"澜江日报社全媒体"}, id="all_media_describes_the_reporter"),
    pytest.param("青川融媒(记者 胡立威)3月19日，会议召开。", {"青川融媒"}, set(), id="outlet_opening_the_paragraph_before_its_reporter"),
    pytest.param("会上(记者 胡立威)发言。", set(), {"会上"}, id="no_outlet_without_a_media_head"),
    pytest.param("本期凤凰网栏目报道。", {"凤凰网"}, set(), id="national_portal_by_its_name"),
])
def test_outlets_credited_in_bylines(text, outlets, not_outlets):
    found = texts(recognize_organizations(plain_doc(text)), "Organization")
    assert outlets <= found and not not_outlets & found


@pytest.mark.parametrize("text, organization", [
    ("据华龙网报道，该市新增企业3000家。", "华龙网"),                       # a province's key news website
    ("双方将深化与东盟国家的经贸合作，联合国机构派员出席。", "东盟"),        # intergovernmental
    ("双方将深化与东盟国家的经贸合作，联合国机构派员出席。", "联合国"),
    ("代表团参观了青川县博物馆和青川县图书馆。", "青川县博物馆"),           # cultural institutions
    ("省工商联、市总商会负责人出席。", "省工商联"),                         # a level and a federation
    ("省工商联、市总商会负责人出席。", "市总商会"),
    ("中国农业机械总院西南分院落户该区。", "中国农业机械总院西南分院"),    # an institute and its branch
    ("晋商总会会长致辞。", "晋商总会"),
    ("星澜空间孵化器已入驻企业30家。", "星澜空间孵化器"),             # incubators are bodies
    ("随后来到青禾微电子产业加速器调研。", "青禾微电子产业加速器"),
    ("他担任过温州市科协副主席。", "温州市科协"),                           # a people's organization, after 过
    ("市妇联、县残联负责人参加。", "市妇联"),
    ("市归国华侨联合会换届。", "市归国华侨联合会"),                         # 侨联 inside 华侨联合会 ends nothing
    ("与北京交通大学合作共建实验室。", "北京交通大学"),                     # 合作 after a name is no 联合会
    ("代表团走进红星诊所和青川县福利院。", "红星诊所"),                     # clinics and care homes
    ("代表团走进红星诊所和青川县福利院。", "青川县福利院"),
    ("青川市光伏产业促进会会长致辞。", "青川市光伏产业促进会"),             # societies
    ("青川县疾控中心发布提示。", "青川县疾控中心"),
    ("县人民医院院长王某出席，市中医院派员参加。", "县人民医院"),          # the level's own hospital
    ("县人民医院院长王某出席，市中医院派员参加。", "市中医院"),
    ("走访了青川县妇幼保健院和禾溪中医康养院。", "青川县妇幼保健院"),      # maternity and care homes
    ("走访了青川县妇幼保健院和禾溪中医康养院。", "禾溪中医康养院"),
    ("青川人民出版社出版了该书。", "青川人民出版社"),                       # publishers
    ("（中外新闻社 中外新闻网记者 王明）", "中外新闻社"),                    # a news agency
])
def test_organizations_named_by_outlet_list_or_suffix(text, organization):
    assert organization in texts(recognize_organizations(plain_doc(text)), "Organization")


@pytest.mark.parametrize("text, not_organization", [
    ("他不再担任华岭集团总会计师职务。", "华岭集团总会"),                     # 总会计师 is a post
    ("建成数字博物馆，观众可在线参观。", "数字博物馆"),                     # a category, not a name
    ("该园获评国家级科技企业孵化器。", "评国家级科技企业孵化器"),       # a rank names a category
])
def test_no_organization_in_posts_and_categories(text, not_organization):
    assert not_organization not in texts(recognize_organizations(plain_doc(text)), "Organization")


@pytest.mark.parametrize("text, organization", [
    ("中国工业和信息化部电子第五研究所专家出席。", "中国工业和信息化部电子第五研究所"),  # 和 inside an official compound
    ("中科院专家和省农科院专家一起调研。", "中科院"),                                  # a national academy's short name
    ("中科院专家和省农科院专家一起调研。", "省农科院"),
    ("西岭经济开发区甘肃电科院试验基地开工。", "甘肃电科院"),                          # a province starts the name
    ("清华大学天津电子装备实验室揭牌。", "清华大学天津电子装备实验室"),          # a university's lab keeps it
])
def test_institutions_with_compounds_and_short_forms(text, organization):
    assert organization in texts(recognize_organizations(plain_doc(text)), "Organization")


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("民盟宜昌市委与九三学社中央联合调研。", {"民盟宜昌市委", "九三学社中央"}, set(), id="party_committees"),
    pytest.param("民革重庆市委会主委出席。", {"民革重庆市委会"}, set(), id="committee_written_weihui"),
    pytest.param("民盟市委会主委出席。", {"民盟市委会"}, {"民盟市委"}, id="the_city_s_own_committee_written_weihui"),
    pytest.param("民建会员与市委统战部座谈。", set(), {"民建会员与市委"}, id="no_committee_of_a_place"),
    pytest.param("中新网某地5月1日电，国际在线消息。", {"中新网", "国际在线"}, set(), id="central_news_websites"),
])
def test_democratic_party_committees_and_news_websites(text, found, not_found):
    names = recognized(recognize_organizations, text, "Organization")
    assert found <= names and not not_found & names


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("参观了澜芯半导体材料与技术研究院。", {"澜芯半导体材料与技术研究院"}, {"技术研究院"},
                 id="a_name_with_yu_inside"),
    pytest.param("加强科研与技术研究院合作。", set(), {"科研与技术研究院", "技术研究院"}, id="common_words_join_no_name"),
])
def test_institute_names_across_a_conjunction(text, found, not_found):
    names = recognized(recognize_organizations, text, "Organization")
    assert found <= names and not not_found & names


def test_a_chamber_of_two_places_is_one_name():
    names = recognized(recognize_organizations, "江津区和泸州市商会成立，重庆市和成都市签约。", "Organization")
    assert names == {"江津区和泸州市商会"}


def test_a_short_name_given_in_brackets_is_the_institution():
    names = recognized(recognize_organizations, "重庆大学（简称重大）参加。重大将建设平台。", "Organization")
    assert names == {"重庆大学", "重大"}


@pytest.mark.parametrize("text, found", [
    pytest.param("九三学社市委副主委韩立群出席。", {"九三学社市委"}, id="party_committee_of_the_articles_own_city"),
    pytest.param("民盟区委组织调研。", {"民盟区委"}, id="short_party_name_with_a_level_word"),
    pytest.param("据中钢协统计，粗钢产量增长。", {"中钢协"}, id="national_association_by_its_short_name"),
    pytest.param("中纺院与企业合作。", {"中纺院"}, id="national_institute_by_its_short_name"),
])
def test_organizations_named_without_a_suffix_the_grammar_reads(text, found):
    assert recognized(recognize_organizations, text) == found


@pytest.mark.parametrize("text, found", [
    pytest.param("书记到青石区医疗中心建设项目调研。", set(), id="a_centre_being_built_is_the_project"),
    pytest.param("书记到青禾中央研究院总部项目调研。", set(), id="a_headquarters_project"),
    pytest.param("书记到青石市工业学校实训大楼建设项目调研。", {"青石市工业学校"}, id="a_school_owning_a_new_facility_stays"),
])
def test_an_institution_named_as_its_building_project(text, found):
    assert recognized(recognize_organizations, text, "Organization") == found


@pytest.mark.parametrize("text, not_organization", [
    pytest.param("有绿色农产品产业园标准厂房三期、青川市第十六中学、青川城市综合体一期3个项目开工。", "青川市第十六中学",
                 id="item_of_a_counted_list_of_projects"),
    pytest.param("引进建设岚峰动力产业园、蔚川锂电池、青川市汽车创新中心等项目。", "青川市汽车创新中心",
                 id="item_of_a_list_closed_by_projects"),
    pytest.param("先后到青川市邮件处理中心和青川市实验小学2个重点项目现场调研。", "青川市实验小学",
                 id="joined_item_of_a_counted_list_of_projects"),
])
def test_institutions_listed_as_projects_are_no_organizations(text, not_organization):
    assert not_organization not in texts(recognize_organizations(plain_doc(text)), "Organization")


@pytest.mark.parametrize("text, not_organization", [
    pytest.param("民营医院和个体诊所参加。", "个体诊所", id="a_kind_of_clinic"),
    pytest.param("项目在产权交易所挂牌。", "产权交易所", id="a_kind_of_exchange"),
    pytest.param("大会组委会发布通知。", "大会组委会", id="a_kind_of_committee"),
])
def test_shared_heads_need_a_place_or_a_brand(text, not_organization):
    assert not_organization not in texts(recognize_organizations(plain_doc(text)), "Organization")


def test_institutions_listed_before_a_kind_of_body_stay_organizations():
    found = texts(recognize_organizations(plain_doc("重庆大学、重庆市实验小学等单位参加项目签约。")), "Organization")
    assert {"重庆大学", "重庆市实验小学"} <= set(found)
