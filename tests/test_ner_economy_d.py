"""Company + project pairs: a project written right after a company's legal name is named
by that company, even when its own words are common ones. Every name here is invented."""
from __future__ import annotations

from kg.model import Document, Mention
from kg.ner.projects import recognize_projects


def _projects(text: str) -> set[str]:
    doc = Document(path="t.txt", name="t.txt", sha256="", encoding="utf-8", raw_text=text, text=text)
    mentions: list[Mention] = recognize_projects(doc)
    return {m.text for m in mentions if m.type == "Project"}


def test_common_words_after_a_legal_company_name_name_its_project():
    found = _projects("书记走访了湖川瑞泽智能科技有限责任公司智慧工厂建设项目、某地云岚新能源有限公司储能产业基地。")
    assert {"智慧工厂建设项目", "储能产业基地"} <= found


def test_bare_company_word_or_a_generic_word_names_no_project():
    assert _projects("目前公司一期项目已投产,全市重点项目进展顺利。") == set()
    assert _projects("湖川瑞泽科技有限公司重点项目建设提速。") == set()


def test_a_conjunction_after_the_company_ends_no_project():
    assert not any(t.endswith("及项目") for t in _projects("了解湖川瑞泽科技有限公司运行及项目建设情况。"))


def _owners(text: str) -> set[str]:
    doc = Document(path="t.txt", name="t.txt", sha256="", encoding="utf-8", raw_text=text, text=text)
    return {m.text for m in recognize_projects(doc) if m.type == "Enterprise"}


def test_province_prefix_of_a_project_stays_in_its_owners_name():
    assert "湖北泓岚" in _owners("会上签约了湖北泓岚智能叉车项目。")


def test_project_named_after_a_company_of_the_text_gets_no_shorter_owner():
    text = "湖北泓岚新材料有限公司签约，湖北泓岚新材料项目计划投资1亿元。"
    assert "湖北泓岚新材料项目" in _projects(text)
    assert not any(t.startswith("湖北泓岚") or t == "泓岚" for t in _owners(text))


def test_verbs_before_a_generic_word_name_no_project():
    # Only verbs (示范, 推广) stand before the suffix once the quoted nickname is set aside.
    assert _projects('该镇获批"云岭"示范推广基地。') == set()


def test_project_after_a_short_company_name_ending_in_gongsi():
    found = _projects("市长察看了泓岚水务公司污泥处理中心项目,目前公司二期项目也已开工。")
    assert "污泥处理中心项目" in found
    assert "二期项目" not in found


def test_a_count_of_kinds_after_a_place_names_no_project():
    assert not any("三大" in t for t in _projects("青川镇三大产业项目同日开工,东湖大桥项目同步推进。"))
    assert "东湖大桥项目" in _projects("青川镇三大产业项目同日开工,东湖大桥项目同步推进。")
