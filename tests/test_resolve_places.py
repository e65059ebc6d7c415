"""Resolution of places and bare bodies through the administrative divisions, national
identifiers and overrides, on small texts written for these tests."""
from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.model import Relation, Span
from kg.overrides import Override, parse
from kg.rdf.dataset import build_quads, entity_iri
from kg.rdf.vocab import DCTERMS, KG, SKOS
from kg.resolve import resolve
from kg.uscc import is_valid
from tests.conftest import make_doc, named

# -- bare bodies at every level -------------------------------------------

BARE_BODIES = [
    # (text, entities, the bare body, the label it must get)
    ("渠县召开大会。渠县各乡镇参加。会议传达省委精神。",
     [("渠县", "Place"), ("省委", "GovOrg")], "省委", "四川省委"),  # county -> province, never named
    ("江津区召开大会。江津区各镇街参加。会议传达市委精神。",
     [("江津区", "Place"), ("市委", "GovOrg")], "市委", "重庆市委"),  # district of a municipality
    ("喀什市举行活动。喀什市群众参加。自治区党委有关负责同志出席。",
     [("喀什市", "Place"), ("自治区党委", "GovOrg")], "自治区党委", "新疆维吾尔自治区党委"),
    ("费县举行签约仪式。费县客商云集。县政协主席出席。",
     [("费县", "Place"), ("县政协", "GovOrg")], "县政协", "费县政协"),
    ("楚雄市举行火把节。楚雄市游客众多。州委有关负责同志出席。",
     [("楚雄市", "Place"), ("州委", "GovOrg")], "州委", "楚雄彝族自治州委"),
    ("江津区召开大会。江津区各镇街参加。区人大常委会主任出席。",
     [("江津区", "Place"), ("区人大常委会", "GovOrg")], "区人大常委会", "江津区人大常委会"),
    # no place, or two places named equally often: the label says where it was seen
    ("会议传达省委精神。", [("省委", "GovOrg")], "省委", "省委（x.txt）"),
    ("江津区和永川区签约。区委有关负责同志出席。",
     [("江津区", "Place"), ("永川区", "Place"), ("区委", "GovOrg")], "区委", "区委（x.txt）"),
]


@pytest.mark.parametrize("text, entities, bare, label", BARE_BODIES)
def test_bare_body_takes_the_place_the_document_makes_clear(text, entities, bare, label):
    kb = resolve([make_doc(text, entities, name="x.txt")])
    [body] = named(kb, "GovOrg", bare)
    assert body.label == label
    assert bare in body.how_resolved


def test_bare_bodies_of_two_provinces_stay_apart_and_one_province_joins_its_full_name():
    a = make_doc("渠县召开大会。渠县各乡镇参加。会议传达省委精神。", [("渠县", "Place"), ("省委", "GovOrg")], name="a.txt")
    b = make_doc("费县召开大会。费县各乡镇参加。会议传达省委精神。", [("费县", "Place"), ("省委", "GovOrg")], name="b.txt")
    c = make_doc("四川省委召开会议。", [("四川省委", "GovOrg")], name="c.txt")
    kb = resolve([a, b, c])
    bodies = {e.label: {m.doc_name for m in e.mentions} for e in kb.entities.values() if e.type == "GovOrg"}
    assert bodies == {"四川省委": {"a.txt", "c.txt"}, "山东省委": {"b.txt"}}


def test_a_national_body_whose_name_starts_with_a_level_character_is_not_bare():
    kb = resolve([make_doc("江津区召开会议。市场监督管理总局发布通知。",
                           [("江津区", "Place"), ("市场监督管理总局", "GovOrg")], name="x.txt")])
    assert [e.label for e in kb.entities.values() if e.type == "GovOrg"] == ["市场监督管理总局"]


# -- places are divisions -------------------------------------------------

DIVISIONS = [
    # (places the document names, the place asked about, its GB/T 2260 code or None)
    (["四川"], "四川", "510000"),
    (["海南"], "海南", "460000"),  # alone: the province
    (["西宁", "海南"], "海南", "632500"),  # beside Qinghai's capital: the prefecture of Qinghai
    (["泉州", "海西"], "海西", None),  # a Qinghai prefecture's short form in a Fujian article
    (["长春", "朝阳区"], "朝阳区", "220104"),  # two 朝阳区: the one in the city named
    (["南昌县", "南昌"], "南昌", "360100"),  # the city, not the county named beside it
    (["重庆", "江津"], "江津", "500116"),
]


@pytest.mark.parametrize("places, asked, code", DIVISIONS)
def test_a_place_is_read_as_the_division_its_document_means(places, asked, code):
    text = "。".join(f"{p}举行活动" for p in places) + "。"
    kb = resolve([make_doc(text, [(p, "Place") for p in places], name="x.txt")])
    [place] = named(kb, "Place", asked)
    assert place.identifier == code


def test_short_and_full_names_of_a_division_across_documents_are_one_entity_with_its_code():
    a = make_doc("四川举行活动。", [("四川", "Place")], name="a.txt")
    b = make_doc("四川省举行活动。渠县参加。", [("四川省", "Place"), ("渠县", "Place")], name="b.txt")
    kb = resolve([a, b])
    [province] = named(kb, "Place", "四川")
    assert province.label == "四川省" and province.identifier == "510000"
    assert {m.doc_name for m in province.mentions} == {"a.txt", "b.txt"}
    [county] = named(kb, "Place", "渠县")
    assert county.within == province.id  # 达州市 is not in the graph: the nearest one above that is
    quads = {(q.subject, q.predicate.value, q.object.value) for q in build_quads(kb)}
    node = entity_iri(province.id)
    assert (node, str(DCTERMS.identifier), "510000") in quads
    assert (node, str(SKOS.exactMatch), "https://w3id.org/kg/gbt2260/510000") in quads
    assert (entity_iri(county.id), str(KG.withinDivision), node.value) in quads
    typed = [q.object for q in build_quads(kb) if q.subject == node and q.predicate.value == str(DCTERMS.identifier)]
    assert {t.datatype.value for t in typed} == {str(KG.GBT2260Code)}


def test_an_alias_between_two_divisions_is_not_followed():
    doc = make_doc("南昌县举行活动。南昌举行活动。", [("南昌县", "Place"), ("南昌", "Place")], name="x.txt")
    county, city = (next(m for m in doc.mentions if m.text == t and m.end - m.start == len(t) and
                         doc.text[m.end:m.end + 1] != "县") for t in ("南昌县", "南昌"))
    doc.relations.append(Relation(city, "alias_of", county, "test", Span(0, len(doc.text), doc.text)))
    kb = resolve([doc])
    assert {e.identifier for e in kb.entities.values() if e.type == "Place"} == {"360121", "360100"}


# -- 统一社会信用代码 --------------------------------------------------------

USCC = [
    ("91350100M000100Y43", True),  # the example of the standard's published explanations
    ("91350100M000100Y44", False),  # check character off by one
    ("91350100M000100Y4", False),  # 17 characters
    ("91350100M000100O43", False),  # O is not in the alphabet
    ("91350100m000100Y43", False),  # lower case
]


@pytest.mark.parametrize("code, valid", USCC)
def test_credit_code_check_character(code, valid):
    assert is_valid(code) is valid


@pytest.mark.parametrize("code, stated", [("91350100M000100Y43", True), ("91350100M000100Y44", False)])
def test_a_company_gets_the_credit_code_its_sentence_states(code, stated):
    text = f"重庆川峰机电有限公司（统一社会信用代码：{code}）中标。"
    kb = resolve([make_doc(text, [("重庆川峰机电有限公司", "Enterprise")], name="x.txt")])
    [company] = named(kb, "Enterprise", "重庆川峰机电有限公司")
    assert company.identifier == (code if stated else None)


# -- overrides -------------------------------------------------------------

def _two_committees():
    a = make_doc("渠县召开大会。渠县各乡镇参加。会议传达省委精神。", [("渠县", "Place"), ("省委", "GovOrg")], name="a.txt")
    b = make_doc("会议传达省委精神。", [("省委", "GovOrg")], name="b.txt")
    return a, b


def test_override_same_joins_and_is_recorded():
    same = Override("same", (("a.txt", "省委"), ("b.txt", "省委")))
    kb = resolve(list(_two_committees()), [same])
    [body] = [e for e in kb.entities.values() if e.type == "GovOrg"]
    assert body.label == "四川省委" and {m.doc_name for m in body.mentions} == {"a.txt", "b.txt"}
    assert body.corrections == [same.describe()]


def test_override_different_separates_what_the_rules_joined():
    a = make_doc("四川举行活动。", [("四川", "Place")], name="a.txt")
    b = make_doc("四川省举行活动。", [("四川省", "Place")], name="b.txt")
    different = Override("different", (("a.txt", "四川"), ("b.txt", "四川省")))
    kb = resolve([a, b], [different])
    places = sorted((e.label, tuple(sorted(m.doc_name for m in e.mentions))) for e in kb.entities.values())
    assert places == [("四川省", ("a.txt",)), ("四川省（b.txt）", ("b.txt",))]
    assert all(e.corrections == [different.describe()] for e in kb.entities.values())


@pytest.mark.parametrize("override, word", [
    (Override("same", (("a.txt", "省委"), ("c.txt", "省委"))), "c.txt has no mention 省委"),
    (Override("same", (("a.txt", "省委"), ("a.txt", "渠县"))), "cannot make one entity"),
])
def test_an_override_that_cannot_apply_is_an_error(override, word):
    with pytest.raises(KgError, match=word):
        resolve(list(_two_committees()), [override])


@pytest.mark.parametrize("text, word", [
    ("not json", "not JSON"),
    ('{"merge": []}', "same and different"),
    ('{"same": [[["a.txt", "省委"]]]}', "two or more"),
    ('{"different": [[["a.txt", "省委"], ["b.txt", 3]]]}', "two or more"),
])
def test_a_malformed_overrides_file_is_one_clear_error(text, word):
    with pytest.raises(KgError, match=word):
        parse(text, "--overrides o.json")
