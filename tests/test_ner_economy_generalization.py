"""Categories of names the economy & geography recognizers must cover on unseen
articles (lists, capacities, phases, clause words, bare zones, regions).
Every sentence and name here is invented for these tests."""
from __future__ import annotations

from kg.model import Document, Mention
from kg.ner.enterprises import recognize_enterprises
from kg.ner.parks import recognize_parks
from kg.ner.places import recognize_places
from kg.ner.projects import recognize_projects


def _doc(text: str) -> Document:
    return Document(path="t.txt", name="t.txt", sha256="", encoding="utf-8", raw_text=text, text=text)


def _found(recognize, text: str, type_: str) -> set[str]:
    mentions: list[Mention] = recognize(_doc(text))
    return {m.text for m in mentions if m.type == type_}


# --- enterprises -------------------------------------------------------------

def test_clause_verbs_before_a_group_are_not_part_of_its_name():
    found = _found(recognize_enterprises, "全体员工坚决服从宏瑞集团决定，团结公司上下共同奋斗。", "Enterprise")
    assert "宏瑞集团" in found
    assert not any(t.startswith(("坚决", "服从")) for t in found)
    assert "团结公司" not in found


def test_leaders_of_an_industry_are_companies():
    found = _found(recognize_enterprises, "该市与博世、霍尼韦尔等汽车行业“巨头”签订合作协议。", "Enterprise")
    assert {"博世", "霍尼韦尔"} <= found


def test_brands_listed_next_to_a_company_named_by_its_field():
    text = "考察组先后来到锐驰轮胎、科沃瑞德、邦辉食品、恒源产业园等地调研。"
    found = _found(recognize_enterprises, text, "Enterprise")
    assert {"科沃瑞德", "邦辉食品"} <= found
    assert "恒源产业园" not in found


def test_a_product_word_alone_before_company_is_no_name():
    assert not _found(recognize_enterprises, "作为一家化妆品公司，它对水质要求很高。", "Enterprise")


# --- projects ----------------------------------------------------------------

def test_data_in_a_project_name_is_not_the_preposition():
    found = _found(recognize_projects, "全力推进云栖数据中心项目建设。", "Project")
    assert "云栖数据中心项目" in found


def test_a_phase_or_a_counted_category_names_no_project():
    text = "其中一期项目占地80亩；签约项目中，文化旅游项目2项，康养服务项目1项。"
    assert not _found(recognize_projects, text, "Project")


def test_phase_items_in_a_project_list_give_project_and_company():
    text = "当年就吸引璞瑞、埃弗森三期等一批重大项目落地。"
    assert "埃弗森三期" in _found(recognize_projects, text, "Project")
    companies = _found(recognize_enterprises, text, "Enterprise")
    assert "埃弗森" in companies and "埃弗森三期" not in companies


def test_the_company_before_a_production_capacity_owns_the_project():
    text = "他走进湘沅新材料年产8万吨铝箔项目、云南锂沣20万吨负极材料基地和恒瑞泰1.5万吨碳纤维等项目。"
    projects = _found(recognize_projects, text, "Project")
    owners = _found(recognize_projects, text, "Enterprise")
    assert "恒瑞泰1.5万吨碳纤维" in projects
    assert {"湘沅新材料", "云南锂沣", "恒瑞泰"} <= owners


def test_a_works_noun_stays_in_the_project_name():
    found = _found(recognize_projects, "当天开工的沿江铁路杞县段建设项目总投资12亿元，将加快推进建设项目。",
                   "Project")
    assert "沿江铁路杞县段建设项目" in found
    assert "推进建设项目" not in found and "建设项目" not in found


# --- parks -------------------------------------------------------------------

def test_a_bare_zone_abbreviation_after_a_boundary_is_a_park():
    assert "经开区" in _found(recognize_parks, "副市长一行莅临经开区调研。", "Park")
    assert not _found(recognize_parks, "全省共有12个省级经开区。", "Park")
    assert not _found(recognize_parks, "近年来，该高新区重点布局了新材料产业。", "Park")


def test_direction_sub_area_of_a_park():
    found = _found(recognize_parks, "随后在莘口工业园区南片区听取汇报。", "Park")
    assert "莘口工业园区南片区" in found and "莘口工业园区" in found


def test_city_short_form_before_a_zone_is_a_place():
    places = _found(recognize_parks, "黔南工业园区新签约项目5个。", "Place")
    assert "黔南" in places


def test_zone_managed_by_a_committee_starts_after_it():
    found = _found(recognize_parks, "合并后的管委会下设松岭产业园和石门产业园两个园区。", "Park")
    assert found == {"松岭产业园", "石门产业园"}


# --- places ------------------------------------------------------------------

def test_world_and_economic_regions():
    found = _found(recognize_places, "产品远销中亚和东南亚，客户来自长三角地区和中部地区。", "Place")
    assert {"中亚", "东南亚", "长三角地区", "中部地区"} <= found


def test_a_known_company_opening_a_project_owns_it():
    owners = _found(recognize_projects, "开工项目包括中国移动沿河算力中心项目。", "Enterprise")
    assert "中国移动" in owners


def test_a_project_inside_a_named_park_is_a_name():
    found = _found(recognize_projects, "仪式在智能网联产业园无人机总装中心项目现场举行。", "Project")
    assert "智能网联产业园无人机总装中心项目" in found
