"""Context rules of one error-analysis round: regions in the middle of a province, towns
closed by their kind in a list, 中国 inside the party's name or a ranking, a name that
opens with 和 after a locative verb, and a company named later by its trade name alone.
Every name here is invented."""
from __future__ import annotations

from kg.model import Document, Mention
from kg.ner.enterprises import recognize_enterprises
from kg.ner.places import recognize_places
from kg.ner.projects import recognize_projects
from kg.pipeline import default_pipeline


def _doc(text: str) -> Document:
    return Document(path="t.txt", name="t.txt", sha256="", encoding="utf-8", raw_text=text, text=text)


def _texts(mentions: list[Mention], type_: str) -> set[str]:
    return {m.text for m in mentions if m.type == type_}


def test_province_abbreviation_with_centre_is_a_region():
    places = _texts(recognize_places(_doc("会议提出,要把鲁中建成先进制造业高地。")), "Place")
    assert "鲁中" in places


def test_centre_that_opens_a_word_or_a_district_is_no_region():
    places = _texts(recognize_places(_doc("他说,川中心城区的交通更顺畅了。")), "Place")
    assert "川中" not in places


def test_items_listed_before_their_town_kind_are_places():
    places = _texts(recognize_places(_doc("干部们赴东湾、石岭、望川等镇街调研春耕。")), "Place")
    assert {"东湾", "石岭", "望川"} <= places
    assert not any(p.startswith("赴") for p in places)


def test_people_listed_before_town_leaders_are_no_places():
    places = _texts(recognize_places(_doc("林海峰、周岳明等镇领导参加了会议。")), "Place")
    assert not places & {"林海峰", "周岳明", "海峰", "岳明"}


def test_china_inside_the_party_name_or_a_ranking_is_no_place():
    text = "他于1990年加入中国共产党,该企业入选中国500强。"
    assert "中国" not in _texts(recognize_places(_doc(text)), "Place")
    assert "中国" in _texts(recognize_places(_doc("这是中国最大的港口。")), "Place")


def test_a_name_opening_with_he_after_a_locative_verb_is_whole():
    found = recognize_projects(_doc("市长在和瑞20万吨硅材料项目现场询问进度。"))
    assert "和瑞20万吨硅材料项目" in _texts(found, "Project")
    assert not any(t.startswith("瑞") for t in _texts(found, "Project"))


def test_he_joining_two_names_still_ends_the_first():
    found = _texts(recognize_projects(_doc("完成道路和东桥湾大桥改造工程。")), "Project")
    assert not any(t.startswith("和") for t in found)


def test_company_named_later_by_its_trade_name_alone():
    text = "书记调研了沃岚集团。他了解了沃岚在带动就业方面的做法。"
    assert "沃岚" in _texts(recognize_enterprises(_doc(text)), "Enterprise")
    doc = default_pipeline()(_doc(text))
    assert ("沃岚", "alias_of", "沃岚集团") in {(r.head.text, r.label, r.tail.text) for r in doc.relations}


def test_trade_name_before_a_zone_kind_is_no_company():
    text = "书记调研了沃岚集团,随后前往沃岚新区。"
    assert "沃岚" not in _texts(recognize_enterprises(_doc(text)), "Enterprise")
