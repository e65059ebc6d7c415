"""The enterprise recognizer (kg.ner.enterprises): legal names, short names, groups, branches and
phrases that name no company, on sentences written for these tests."""
from __future__ import annotations

import pytest

from kg.ner.enterprises import recognize_enterprises
from kg.ner.organizations import recognize_organizations
from kg.pipeline import default_pipeline
from tests.conftest import merged_mentions, plain_doc, recognized, texts


def test_company_left_boundary_stops_at_verbs_punctuation_and_lists():
    doc = plain_doc("近日，市领导走进重庆远帆电机制造有限公司、四川青禾农业科技有限责任公司调研。")
    found = texts(recognize_enterprises(doc), "Enterprise")
    assert "重庆远帆电机制造有限公司" in found
    assert "四川青禾农业科技有限责任公司" in found
    assert not any(t.startswith(("走进", "近日", "、")) for t in found)


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("位于綦江区的贵州鸿远建材有限公司和綦江工业园区蓝石集团都已开工。",
                 {"蓝石集团", "贵州鸿远建材有限公司"}, {"綦江工业园区蓝石集团"}, id="company_after_location_phrase_and_park"),
    pytest.param("签约方：长林智造(重庆)有限公司、重庆启明投资中心(有限合伙)和石门镇青山村柑橘专业合作社。",
                 {"石门镇青山村柑橘专业合作社", "重庆启明投资中心(有限合伙)", "长林智造(重庆)有限公司"}, set(), id="partnership_parenthesised_place_and_cooperative"),
    pytest.param("目前，青禾农业、远帆电机、蓝湾精工等龙头企业已落户。",
                 {"蓝湾精工", "远帆电机", "青禾农业"}, set(), id="short_names_listed_as_companies"),
    pytest.param("客户来到中国建设银行南川支行办理业务。",
                 {"中国建设银行", "中国建设银行南川支行"}, set(), id="bank_branch_gives_bank_and_branch"),
    pytest.param("湖南美的冰柜有限公司投产。",
                 {"湖南美的冰柜有限公司"}, {"冰柜有限公司"}, id="brand_with_de_inside_a_company_name"),
    pytest.param("会见了云南能源装备集团党委书记一行。",
                 {"云南能源装备集团"}, set(), id="provincial_group_named_by_place_and_industry"),
    pytest.param("走访了兴澜科技企业孵化器。",
                 set(), {"兴澜科技"}, id="incubator_field_is_not_a_company"),
    pytest.param("云南能源装备集团有限公司表示，全省能源装备产业增长。",
                 set(), {"能源装备"}, id="field_words_alone_are_no_short_company_name"),
    pytest.param("书记调研了沃岚集团,随后前往沃岚新区。",
                 set(), {"沃岚"}, id="trade_name_before_a_zone_kind_is_no_company"),
    pytest.param("该市与博世、霍尼韦尔等汽车行业“巨头”签订合作协议。",
                 {"博世", "霍尼韦尔"}, set(), id="leaders_of_an_industry_are_companies"),
    pytest.param("考察组先后来到锐驰轮胎、科沃瑞德、邦辉食品、恒源产业园等地调研。",
                 {"科沃瑞德", "邦辉食品"}, {"恒源产业园"}, id="brands_listed_next_to_a_company_named_by_its_field"),
    pytest.param("现场办公会，研究解决蓝石集团发展中的问题。",
                 {"蓝石集团"}, {"研究解决蓝石集团"}, id="verbs_before_a_group_open_the_clause"),
    pytest.param("希望开拓集团抓住机遇。",
                 {"开拓集团"}, {"希望开拓集团"}, id="a_verb_before_a_trade_name_that_is_a_verb_too"),
    pytest.param("调研组先后到荣昌区邦辉食品、四川锐驰纺织，了解生产情况。",
                 {"邦辉食品", "四川锐驰纺织"}, {"荣昌区邦辉食品"}, id="a_county_before_a_short_name_locates_it"),
    pytest.param("记者先后来到荣昌区沃肯科技、远帆电机等企业。",
                 {"沃肯科技", "远帆电机"}, {"荣昌区沃肯科技"}, id="a_county_before_a_listed_short_name_locates_it"),
    pytest.param("全县形成智能装备、医药健康、超硬材料等特色产业。",
                 set(), {"超硬材料"}, id="a_field_in_a_list_closed_as_industries"),
    pytest.param("在鼎安达集团的车间，产线有序运转。鼎安达通过技改降低了成本。",
                 {"鼎安达集团", "鼎安达"}, set(), id="a_group_by_its_three_character_trade_name"),
    pytest.param("记者来到鼎安达集团。去年，安徽鼎安达通过技改降低了成本。",
                 {"安徽鼎安达"}, {"鼎安达"}, id="a_trade_name_after_its_province"),
    pytest.param("该项目由中铁十八局承建，中建三局负责装修。",
                 {"中铁十八局", "中建三局"}, {"中铁"}, id="numbered_bureaus_of_the_central_construction_groups"),
    pytest.param("地块由重庆青禾产业园有限公司竞得。",
                 {"重庆青禾产业园有限公司"}, set(), id="a_company_running_a_park_is_named_by_it"),
    pytest.param("考察组来到临江产业园B区远帆(重庆)电机有限公司。",
                 {"远帆(重庆)电机有限公司"}, {"B区远帆(重庆)电机有限公司"}, id="a_park_area_label_before_a_company"),
    pytest.param("当地依托沃岚石化、万华化学丰富的原料发展下游产业。",
                 {"沃岚石化", "万华化学"}, set(), id="a_brand_listed_next_to_a_lexicon_brand"),
    pytest.param("其中，特高压工程沃岚风光综合新能源示范、重庆远帆电机有限公司光热储能项目开工。",
                 {"重庆远帆电机有限公司"}, {"岚风光综合新能源示范"}, id="a_list_item_cut_at_the_longest_name_is_none"),
    pytest.param("会上，鼎华控股副总裁介绍了项目情况。",
                 {"鼎华控股"}, set(), id="a_brand_and_its_head_before_a_deputy_manager"),
    pytest.param("大力弘扬中华医药文化。", set(), {"中华医药"}, id="a_proper_noun_of_the_dictionary_is_no_brand"),
    pytest.param("分批邀请瞪羚专精特新小巨人等各类企业来访。",
                 set(), {"瞪羚专精特新小巨人"}, id="kinds_of_companies_listed_are_no_names"),
    pytest.param("邀请沃岚科技、远帆电机等企业参加。",
                 {"沃岚科技", "远帆电机"}, {"邀请沃岚科技"}, id="a_verb_before_the_first_listed_company"),
    pytest.param("书记深入四川正澜精密机械有限公司车间。",
                 {"四川正澜精密机械有限公司"}, {"澜精密机械有限公司"}, id="an_adverb_opening_a_trade_name_after_a_province"),
    pytest.param("一行先后来到渝每沃公司、临江展览馆调研。",
                 {"渝每沃公司"}, {"临江展览馆调研"}, id="a_determiner_opening_a_trade_name_after_an_abbreviation"),
    pytest.param("陕西已有沃岚公司入驻。", set(), {"陕西已有沃岚公司"}, id="an_adverb_of_a_word_stays_out"),
    pytest.param("项目位于北京东、西两侧，要加强生态保护。",
                 set(), {"京东", "强生"}, id="a_brand_starting_inside_a_word_is_none"),
    pytest.param("来自世界500强沃岚集团、行业龙头鼎华集团的代表，以及央企澜川集团负责人参加。",
                 {"沃岚集团", "鼎华集团", "澜川集团"}, {"世界500强沃岚集团", "行业龙头鼎华集团", "央企澜川集团"},
                 id="kinds_and_ranks_of_companies_before_their_names"),
    pytest.param("服务好沃岚集团等企业。", {"沃岚集团"}, {"好沃岚集团"}, id="a_verb_and_its_result_before_a_group"),
    pytest.param("为沃岚科技、鼎华电子等企业提供融资服务。",
                 {"沃岚科技", "鼎华电子"}, {"为沃岚科技"}, id="a_preposition_before_the_first_listed_company"),
    pytest.param("项目业主沃岚公司表示，省属国企鼎华集团也将参与。",
                 {"沃岚公司", "鼎华集团"}, {"业主沃岚公司", "省属国企鼎华集团"}, id="a_party_role_or_an_owner_kind_before_a_name"),
    pytest.param("加快沃岚科技二期建设。", {"沃岚科技"}, set(), id="a_short_name_before_the_phase_of_its_project"),
    pytest.param("知名民企沃岚集团投资，鼎华股份负责人介绍了情况。",
                 {"沃岚集团", "鼎华股份"}, {"民企沃岚集团"}, id="a_kind_after_a_modifier_and_a_listed_company_by_its_shares"),
    pytest.param("由中铁大桥局承建的临江大桥合龙。", {"中铁大桥局"}, set(), id="a_brand_before_a_verb_and_a_project_after_de"),
    pytest.param("当地利用万华化学丰富的原料发展下游产业。",
                 {"万华化学"}, set(), id="a_lexicon_brand_as_the_subject_of_a_clause"),
])
def test_enterprises_found_and_not_found(text, found, not_found):
    names = recognized(recognize_enterprises, text, "Enterprise")
    assert found <= names
    assert not names & not_found


def test_generic_company_phrases_are_not_names():
    doc = plain_doc("该公司与多家科技公司合作，3家上市公司也参与其中。")
    assert texts(recognize_enterprises(doc), "Enterprise") == set()


def test_short_name_defined_and_derived_in_the_same_document():
    doc = plain_doc("重庆蓝湾精工机械有限公司（以下简称“蓝湾精工”）今年扩产。蓝湾精工负责人说，订单充足。")
    found = [m for m in recognize_enterprises(doc) if m.text == "蓝湾精工"]
    assert len(found) >= 2
    doc = plain_doc("记者来到重庆启帆新材料有限公司。去年，启帆新材料营收翻番。")
    assert "启帆" in texts(recognize_enterprises(doc), "Enterprise") or \
        "启帆新材料" in texts(recognize_enterprises(doc), "Enterprise")


def test_short_company_name_as_unknown_brand_and_industry_word():
    doc = plain_doc("与南川大学、珂隆科技合作，信息科技也在发展。")
    found = texts(recognize_enterprises(doc), "Enterprise")
    assert "珂隆科技" in found and "信息科技" not in found


def test_group_company_and_its_institute():
    doc = plain_doc("入选单位分别为中国远航装备集团公司第七研究所、南川青禾农业股份有限公司。")
    assert "中国远航装备集团公司" in texts(recognize_enterprises(doc), "Enterprise")
    assert "中国远航装备集团公司第七研究所" in texts(recognize_organizations(doc), "Organization")
    assert not any(t.startswith("分别") for t in texts(recognize_enterprises(doc), "Enterprise"))


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
    assert company in texts(recognize_enterprises(plain_doc(text)), "Enterprise")


@pytest.mark.parametrize("text, not_company", [
    ("如今单套模具可以轻松超过百吨。", "单套模具"),                        # a quantity, not a brand
    ("主会场设在瑞钧智能制造产业园项目现场。", "瑞钧智能"),                # runs on into a park's or project's name
    ("落火、探月等中国航天的新征程。", "中国航天"),                        # a programme, not the lexicon's company
])
def test_no_short_company_name_in_quantities_and_longer_names(text, not_company):
    assert not_company not in texts(recognize_enterprises(plain_doc(text)), "Enterprise")


@pytest.mark.parametrize("text, not_company", [
    ("重点培育高端制造、新一代电子信息等新兴产业。", "新一代电子信息"),   # sectors, not companies
    ("签约项目涵盖汽车摩托车、能源电子、数字文创等产业领域。", "数字文创"),
    ("推行智能化仓储系统、人文化员工关怀等管理模式。", "人文化员工关怀"),
    ("包括新能源汽车零部件、具身智能、生物制药等领域。", "具身智能"),           # a field among sectors
    ("智算中心建成投用，可为人工智能企业提供算力。", "可为人工智能"),        # a kind of company
    ("专家为西安鼎泰冶金机械工程有限公司把脉。", "为西安鼎泰冶金机械工程有限公司"),  # a preposition before the place
    ("引进数字经济、现代物流等企业30家。", "数字经济"),                              # sectors said to be companies
    ("。向华岭集团学习，紧盯东蓝集团。", "向华岭集团"),                              # a preposition opens the phrase
    ("。向华岭集团学习，紧盯东蓝集团。", "紧盯东蓝集团"),                            # a verb opens it
    ("县领导孙华为、杨立真、董志义出席开工仪式。", "董志义出席开工仪式"),          # a lexicon brand inside a name lists nothing
])
def test_sectors_and_glued_words_are_no_company(text, not_company):
    assert not_company not in texts(recognize_enterprises(plain_doc(text)), "Enterprise")


@pytest.mark.parametrize("text, company", [
    ("专家为西安鼎泰冶金机械工程有限公司把脉。", "西安鼎泰冶金机械工程有限公司"),
    ("该市与埃孚、西门子等电气行业“巨头”签约。", "埃孚"),                        # leaders of an industry stay companies
    ("代表团参观了合成生物研究院、星岚车灯等点位。", "星岚车灯"),               # an institute is no sector
    ("。向阳集团、为民集团参加。", "向阳集团"),                                     # a word that starts with a preposition
])
def test_companies_next_to_sector_cues(text, company):
    assert company in texts(recognize_enterprises(plain_doc(text)), "Enterprise")


def test_listed_company_short_form_with_shares():
    found = texts(recognize_enterprises(plain_doc("深入岚原食品股份有限公司考察。开发区以岚原股份为龙头。")), "Enterprise")
    assert "岚原股份" in found
    assert "岚原股份" not in texts(recognize_enterprises(plain_doc("开发区以岚原股份为龙头。")), "Enterprise")


@pytest.mark.parametrize("text, companies", [
    ("平台为华岭科技、东蓝新材等企业提供融资服务。", {"华岭科技", "东蓝新材"}),   # companies a service is given to
    ("银行为制造业、服务业提供贷款。", set()),                                     # sectors are served too
    ("服务中心为华岭科技、东蓝新材提供贷款。", {"华岭科技", "东蓝新材"}),       # a body and 为 before an unclosed list
])
def test_companies_served(text, companies):
    assert texts(recognize_enterprises(plain_doc(text)), "Enterprise") == companies


def test_company_named_later_by_its_trade_name_alone():
    text = "书记调研了沃岚集团。他了解了沃岚在带动就业方面的做法。"
    assert "沃岚" in texts(recognize_enterprises(plain_doc(text)), "Enterprise")
    doc = default_pipeline()(plain_doc(text))
    assert ("沃岚", "alias_of", "沃岚集团") in {(r.head.text, r.label, r.tail.text) for r in doc.relations}


def test_counted_list_of_trade_names_without_deng():
    doc = plain_doc("副县长先后到鑫瑞电缆、泓达米业、宏远纺织6家重点企业,调研安全生产。")
    found = texts(recognize_enterprises(doc), "Enterprise")
    assert {"鑫瑞电缆", "泓达米业", "宏远纺织"} <= found
    assert not any(t.startswith("到") for t in found)


def test_bodies_before_an_unnamed_count_of_companies_are_not_companies():
    doc = plain_doc("市政府、高新区管委会与12家企业在会上签约。")
    assert not any(t.endswith("与") or "管委会" in t for t in texts(recognize_enterprises(doc), "Enterprise"))


def test_an_academic_title_is_not_a_company_in_a_list():
    doc = plain_doc("中国工程院院士、重庆远帆电机制造有限公司首席专家出席。")
    assert "中国工程院院士" not in texts(recognize_enterprises(doc), "Enterprise")
    assert "中国工程院" in texts(recognize_organizations(doc), "Organization")


def test_clause_verbs_before_a_group_are_not_part_of_its_name():
    found = recognized(recognize_enterprises, "全体员工坚决服从宏瑞集团决定，团结公司上下共同奋斗。", "Enterprise")
    assert "宏瑞集团" in found
    assert not any(t.startswith(("坚决", "服从")) for t in found)
    assert "团结公司" not in found


def test_a_product_word_alone_before_company_is_no_name():
    assert not recognized(recognize_enterprises, "作为一家化妆品公司，它对水质要求很高。", "Enterprise")


@pytest.mark.parametrize("text, company", [
    ("知名气体技术服务供应商德国澜峰气体集团扩大在华业务。", "德国澜峰气体集团"),   # a role noun before the name
    ("作为系统集成商鸿川智控集团的合作伙伴。", "鸿川智控集团"),
    ("华润电力与某地签约。", "华润电力"),                               # a listed company's short name
])
def test_role_nouns_end_and_listed_short_names_name_companies(text, company):
    assert company in recognized(recognize_enterprises, text, "Enterprise")


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("在宏澜集团与风和医疗的数字车间，产线有序运转。", {"风和医疗"}, set(), id="joined_to_a_group"),
    pytest.param("宏远集团和发展中心合作。", set(), {"发展中心"}, id="no_industry_tail_no_company"),
])
def test_short_names_joined_to_companies(text, found, not_found):
    names = recognized(recognize_enterprises, text, "Enterprise")
    assert found <= names and not not_found & names


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("签约仪式澜源新能控股有限公司、金川控股集团有限公司与我市签约。",
                 {"澜源新能控股有限公司", "金川控股集团有限公司"}, {"仪式澜源新能控股有限公司"}, id="konggu_in_the_name"),
    pytest.param("宏远控股集团投资建设。", {"宏远控股集团"}, set(), id="konggu_before_jituan"),
    pytest.param("甲集团控股宏达科技有限公司。", {"宏达科技有限公司"}, {"甲集团控股宏达科技有限公司"}, id="konggu_as_a_verb"),
    pytest.param("在开工仪式鹤岗分现场、隆基公司项目工地出席。", {"隆基公司"}, {"鹤岗分现场"}, id="a_site_is_no_company"),
])
def test_holding_companies_and_signing_ceremonies(text, found, not_found):
    names = recognized(recognize_enterprises, text, "Enterprise")
    assert found <= names and not not_found & names


@pytest.mark.parametrize("text, found", [
    ("来到澜峰汽车股份有限公司包头分公司总装车间。", {"澜峰汽车股份有限公司包头分公司", "澜峰汽车股份有限公司"}),
    ("宏达有限公司下属分公司。", {"宏达有限公司"}),
])
def test_branch_offices_of_companies_named_in_full(text, found):
    assert recognized(recognize_enterprises, text, "Enterprise") == found


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("紧盯宏远集团、向澜川集团学习。", {"宏远集团", "澜川集团"}, {"向澜川集团学习"}, id="a_neighbour_holding_a_suffix"),
    pytest.param("签约华芯半导体、金石资本等项目。", {"华芯半导体", "金石资本"}, set(), id="funds_listed_as_projects"),
    pytest.param("在沃岚日化新材料数字化制造项目，书记详细了解情况。", {"沃岚日化"}, {"沃岚"},
                 id="a_trade_in_ye_owns_the_project_it_opens"),
    pytest.param("有远帆电机生产、国家电网检修基地、鼎丰置业项目、澜川科技项目等10个项目限时开工。",
                 {"鼎丰置业", "澜川科技"}, {"有远帆电机生产", "鼎丰"}, id="an_owner_opening_a_project_is_no_list_item"),
])
def test_list_neighbours_and_funds(text, found, not_found):
    names = texts(merged_mentions(text), "Enterprise")
    assert found <= names and not not_found & names


def test_bureaus_listed_as_central_state_companies():
    assert {"中建三局", "中铁十一局"} <= recognized(recognize_enterprises, "中建三局、中铁十一局等央企参与建设。", "Enterprise")


def test_a_trade_name_ends_where_a_word_of_the_brand_does():
    text = "重庆澜川精密机械有限公司落户江津。澜川将扩产。"
    names = texts(merged_mentions(text), "Enterprise")
    assert "澜川" in names and "澜川精" not in names


def test_a_short_name_defined_in_brackets_names_the_company_wherever_it_occurs():
    text = "重庆澜川精密机械有限公司（以下简称“澜精”）落户。澜精表示将扩产。"
    assert "澜精" in recognized(recognize_enterprises, text, "Enterprise")


@pytest.mark.parametrize("text, company", [
    pytest.param("岚川检测总经理邬建成、副总经理林海峰出席。", "岚川检测", id="short_name_before_general_manager"),
    pytest.param("青川商会会长、蔚岭实业董事长方正致辞。", "蔚岭实业", id="in_a_chain_after_another_post"),
    pytest.param("仪式上，珂森车研首席执行官何川发言。", "珂森车研", id="chief_executive_after_a_comma"),
])
def test_short_company_name_before_its_top_post(text, company):
    assert company in texts(recognize_enterprises(plain_doc(text)), "Enterprise")


@pytest.mark.parametrize("text, companies, not_company", [
    pytest.param("他先后走访了岚峰电子、蔚川机械和青禾食品等企业。", {"蔚川机械", "青禾食品"}, "蔚川机械和青禾食品",
                 id="two_short_names_joined_in_a_list_item"),
    pytest.param("他先后走访了岚峰电子、中和科技等企业。", {"中和科技"}, "中和", id="a_conjunction_inside_a_brand"),
    pytest.param("与岚峰科技、蔚川新材签订战略合作协议。", {"蔚川新材"}, "岚峰科技、蔚川新材", id="abbreviated_trade_word"),
])
def test_short_names_joined_and_abbreviated(text, companies, not_company):
    found = texts(recognize_enterprises(plain_doc(text)), "Enterprise")
    assert companies <= set(found) and not_company not in found


@pytest.mark.parametrize("text, not_company", [
    pytest.param("岚川检测总经理邬建成、战略发展部总经理林海峰出席。", "战略发展部", id="department_of_a_company"),
    pytest.param("青禾集团华东区总裁邬建成介绍。", "华东区", id="region_of_a_company"),
    pytest.param("该公司董事长兼总经理邬建成介绍。", "董事长兼", id="another_post"),
    pytest.param("会议决定，董事长会议每年召开两次。", "会议决定", id="no_holder_named"),
    pytest.param("市领导会见了岚川检测总经理邬建成。", "会见了岚川检测", id="object_of_a_verb_is_read_by_other_rules"),
    pytest.param("会上，现任董事长邬建成致辞。", "现任", id="a_word_of_time_before_the_post"),
    pytest.param("会上，荣誉董事长邬建成致辞。", "荣誉", id="an_honorary_post"),
    pytest.param("会上，合资方董事长邬建成致辞。", "合资方", id="a_party_named_by_its_role"),
])
def test_no_company_before_a_post_of_a_department_or_with_no_holder(text, not_company):
    assert not_company not in texts(recognize_enterprises(plain_doc(text)), "Enterprise")


@pytest.mark.parametrize("suffix, kind", [
    *((s, "strong") for s in ("股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团公司", "总公司",
                              "控股有限公司", "（集团）有限公司", "(集团)有限公司", "集团有限公司", "（普通合伙）",
                              "(有限合伙)", "有限公司（有限合伙）")),
    *((s, "coop") for s in ("股份经济合作联合社", "经济合作联合社", "专业合作联合社", "合作联合社", "股份合作社",
                            "专业合作社", "合作社")),
    ("公司", "company"), ("集团", "group"), ("控股集团", "group"), ("银行", "bank"), ("研究所", "institute"),
])
def test_every_company_suffix_is_found_after_a_name(suffix, kind):
    from kg.ner.enterprises import _SUFFIX

    text = f"甲乙科技{suffix}。"
    m = _SUFFIX.search(text)
    assert (m.group(), m.lastgroup or "company") == (suffix, kind)
