"""Breadth of the economy & geography grammars: zone, media, region and list
shapes, and the prefixes that never start a name; sentences written for these tests."""
from __future__ import annotations

from kg import gazetteer
from kg.model import Document, Mention
from kg.ner.enterprises import recognize_enterprises
from kg.ner.organizations import recognize_organizations
from kg.ner.parks import recognize_parks
from kg.ner.places import recognize_places
from kg.ner.projects import recognize_projects


def _doc(text: str) -> Document:
    return Document(path="t.txt", name="t.txt", sha256="", encoding="utf-8", raw_text=text, text=text)


def _texts(mentions: list[Mention], type_: str) -> set[str]:
    return {m.text for m in mentions if m.type == type_}


# --- enterprises -------------------------------------------------------------

def test_counted_list_of_trade_names_without_deng():
    doc = _doc("副县长先后到鑫瑞电缆、泓达米业、宏远纺织6家重点企业,调研安全生产。")
    found = _texts(recognize_enterprises(doc), "Enterprise")
    assert {"鑫瑞电缆", "泓达米业", "宏远纺织"} <= found
    assert not any(t.startswith("到") for t in found)


def test_bodies_before_an_unnamed_count_of_companies_are_not_companies():
    doc = _doc("市政府、高新区管委会与12家企业在会上签约。")
    assert not any(t.endswith("与") or "管委会" in t for t in _texts(recognize_enterprises(doc), "Enterprise"))


def test_an_academic_title_is_not_a_company_in_a_list():
    doc = _doc("中国工程院院士、重庆远帆电机制造有限公司首席专家出席。")
    assert "中国工程院院士" not in _texts(recognize_enterprises(doc), "Enterprise")
    assert "中国工程院" in _texts(recognize_organizations(doc), "Organization")


# --- parks -------------------------------------------------------------------

def test_zone_suffix_families():
    doc = _doc("会议推动吉安国家高新技术产业开发区、临沂临空经济区和琼海中央商务区协同发展,"
               "共建海南自由贸易港。")
    found = _texts(recognize_parks(doc), "Park")
    assert {"吉安国家高新技术产业开发区", "临沂临空经济区", "琼海中央商务区", "海南自由贸易港"} <= found


def test_ordinals_verbs_ranks_and_slogans_do_not_make_parks():
    doc = _doc("第五届川陕国家级经开区交流会召开,要求落实好各项任务,把湾区建设成为美丽中国先行区。")
    found = _texts(recognize_parks(doc), "Park")
    assert not any(t.startswith(("第", "落实")) or "国家级经开区" in t for t in found)
    assert not any(t.endswith("先行区") for t in found)


# --- projects ----------------------------------------------------------------

def test_quantified_phrases_are_not_projects():
    doc = _doc("全力推进两大重点项目,振兴一老工业基地,开通绿色通道。")
    found = _texts(recognize_projects(doc), "Project")
    assert not any(t.startswith(("两大", "一老")) for t in found)
    assert "绿色通道" not in found


def test_road_code_and_numbered_bridge_in_a_project_name():
    doc = _doc("县长走进G318雅江段三号大桥项目现场,又察看了300万吨炼化一体化项目。")
    found = _texts(recognize_projects(doc), "Project")
    assert "G318雅江段三号大桥项目" in found
    assert "G318" in found
    assert "300万吨炼化一体化项目" in found


def test_a_day_written_with_hao_still_ends_the_phrase():
    doc = _doc("10月3号安澜大桥项目开工。")
    assert "安澜大桥项目" in _texts(recognize_projects(doc), "Project")


# --- organizations -----------------------------------------------------------

def test_news_app_dateline_names_the_outlet_and_quoted_sources():
    doc = _doc("松江新闻客户端讯 近日,宜昌日报社组织采访。\n据微信公众号“临安融媒”消息,活动已结束。")
    found = _texts(recognize_organizations(doc), "Organization")
    assert {"松江新闻", "宜昌日报社", "临安融媒"} <= found
    assert "松江新闻客户端" not in found


# --- places ------------------------------------------------------------------

def test_metropolitan_regions_after_a_place():
    doc = _doc("主动融入宜昌都市圈和环成都经济圈,推动建设美丽城市群。")
    found = _texts(recognize_places(doc), "Place")
    assert {"宜昌都市圈", "环成都经济圈"} <= found
    assert "美丽城市群" not in found


def test_autonomous_county_short_form_keeps_zizhi():
    assert "彭水自治县" in gazetteer.short_forms("彭水苗族土家族自治县")


def test_town_named_after_a_village():
    doc = _doc("会上,王村镇介绍了经验;各村镇也作了发言。")
    found = _texts(recognize_places(doc), "Place")
    assert "王村镇" in found
    assert "各村镇" not in found
