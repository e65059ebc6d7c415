"""Entity resolution across documents (kg.resolve), on small texts written for these tests: officials,
bodies and companies named in several documents, and places and bare bodies resolved through the
administrative divisions, national identifiers and overrides."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.errors import KgError
from kg.model import TITLE, Relation, Span
from kg.overrides import Override, parse
from kg.rdf.dataset import build_quads, entity_iri
from kg.rdf.vocab import DCTERMS, KG, SKOS
from kg.resolve import resolve
from kg.uscc import is_valid
from tests.conftest import make_doc, named


def by_label(kb, type_: str, label: str):
    return [e for e in kb.entities.values() if e.type == type_ and e.label == label]


def official_docs():
    a = make_doc("渝中区召开会议。渝中区委书记郑海涛主持会议。渝中区委部署工作。",
                 [("渝中区", "Place"), ("渝中区委", "GovOrg"), ("郑海涛", "Person"), ("渝中区委书记", TITLE)],
                 name="a.txt", date=dt.date(2023, 5, 2))
    b = make_doc("渝中区委书记郑海涛到企业调研。渝中区委要求抓好落实。",
                 [("渝中区委", "GovOrg"), ("郑海涛", "Person"), ("渝中区委书记", TITLE)],
                 name="b.txt", date=dt.date(2024, 1, 9))
    return a, b


def test_same_official_in_two_articles_is_one_entity_with_dated_posts():
    kb = resolve(list(official_docs()))
    people = by_label(kb, "Person", "郑海涛")
    assert len(people) == 1
    assert {m.doc_name for m in people[0].mentions} == {"a.txt", "b.txt"}
    body = by_label(kb, "GovOrg", "渝中区委")[0]
    posts = [p for p in kb.posts if p.person == people[0].id]
    assert [p.date for p in posts] == [dt.date(2023, 5, 2), dt.date(2024, 1, 9)]
    assert all(p.organization == body.id for p in posts)
    assert "渝中区委书记" in people[0].how_resolved


def test_same_name_different_districts_no_shared_evidence_stay_apart():
    c = make_doc("黔江区举行活动。黔江区文化馆开馆，王建华参加活动。黔江区群众到场。",
                 [("黔江区", "Place"), ("王建华", "Person")], name="c.txt")
    d = make_doc("綦江区举行比赛。綦江区体育馆里，王建华获得冠军。綦江区选手发挥出色。",
                 [("綦江区", "Place"), ("王建华", "Person")], name="d.txt")
    kb = resolve([c, d])
    people = named(kb, "Person", "王建华")
    assert len(people) == 2
    assert len({p.id for p in people}) == 2
    assert {p.label for p in people} == {"王建华（黔江区，c.txt）", "王建华（綦江区，d.txt）"}  # namesakes say whose


def test_same_name_same_body_merges_across_districts():
    c = make_doc("黔江区举行活动。重庆市文旅委副主任王建华出席。",
                 [("黔江区", "Place"), ("王建华", "Person"), ("重庆市文旅委副主任", TITLE), ("重庆市文旅委", "GovOrg")],
                 name="c.txt")
    d = make_doc("綦江区举行活动。重庆市文旅委副主任王建华出席。",
                 [("綦江区", "Place"), ("王建华", "Person"), ("重庆市文旅委副主任", TITLE), ("重庆市文旅委", "GovOrg")],
                 name="d.txt")
    assert len(by_label(resolve([c, d]), "Person", "王建华")) == 1


def test_full_company_name_and_unambiguous_short_name_are_one():
    e = make_doc("重庆川峰机电有限公司新厂投产。", [("重庆", "Place"), ("重庆川峰机电有限公司", "Enterprise")], name="e.txt")
    f = make_doc("川峰机电订单增长三成。", [("川峰机电", "Enterprise")], name="f.txt")
    kb = resolve([e, f])
    companies = [x for x in kb.entities.values() if x.type == "Enterprise"]
    assert len(companies) == 1
    assert companies[0].label == "重庆川峰机电有限公司" and "川峰机电" in companies[0].aliases
    assert "川峰机电" in companies[0].how_resolved


def test_ambiguous_short_name_stays_apart():
    e = make_doc("重庆川峰机电有限公司新厂投产。重庆川峰机电设备有限公司搬迁。",
                 [("重庆", "Place"), ("重庆川峰机电有限公司", "Enterprise"), ("重庆川峰机电设备有限公司", "Enterprise")],
                 name="e.txt")
    f = make_doc("川峰机电订单增长三成。", [("川峰机电", "Enterprise")], name="f.txt")
    kb = resolve([e, f])
    assert len([x for x in kb.entities.values() if x.type == "Enterprise"]) == 3


def test_bare_district_bodies_take_the_papers_district():
    doc = make_doc("江北区召开大会。江北区经济平稳。区委书记林默出席，区委部署工作，区人大常委会、区委组织部参加。",
                   [("江北区", "Place"), ("区委", "GovOrg"), ("区人大常委会", "GovOrg"), ("林默", "Person"),
                    ("区委书记", TITLE), ("区委组织部", "GovOrg")], name="g.txt")
    kb = resolve([doc])
    committee = by_label(kb, "GovOrg", "江北区委")
    assert len(committee) == 1 and "区委" in committee[0].aliases
    assert "江北区" in committee[0].how_resolved and "dominant place" in committee[0].how_resolved
    assert by_label(kb, "GovOrg", "江北区人大常委会")
    post = next(p for p in kb.posts if p.title == "区委书记")
    assert post.organization == committee[0].id
    department = by_label(kb, "GovOrg", "江北区委组织部")[0]
    assert [(f.subject, f.relation, f.object) for f in kb.facts] == [(department.id, "part_of", committee[0].id)]


def test_ids_do_not_depend_on_input_order_or_run():
    a, b = official_docs()
    kb1, kb2 = resolve([a, b]), resolve([b, a])
    assert list(kb1.entities) == list(kb2.entities)
    assert [(p.person, p.title, p.date) for p in kb1.posts] == [(p.person, p.title, p.date) for p in kb2.posts]
    assert list(resolve(list(official_docs())).entities) == list(kb1.entities)


def test_facts_join_resolved_entities_and_counts_before_after():
    doc = make_doc("位于长寿经开区的华恒化工有限公司新建厂房。长寿经开区即长寿经济技术开发区。",
                   [("长寿经开区", "Park"), ("长寿经济技术开发区", "Park"), ("华恒化工有限公司", "Enterprise")],
                   name="h.txt")
    kb = resolve([doc])
    company = by_label(kb, "Enterprise", "华恒化工有限公司")[0]
    facts = [f for f in kb.facts if f.subject == company.id and f.relation == "located_in"]
    assert len(facts) == 1 and facts[0].evidence[0].pattern == "located_de"
    assert kb.mentions_before_resolution == 3


def test_bare_body_without_a_known_place_stays_in_its_document():
    e = make_doc("镇政府组织培训。", [("镇政府", "GovOrg")], name="e.txt")
    f = make_doc("镇政府开展巡查。高坪镇政府部署工作。", [("镇政府", "GovOrg"), ("高坪镇政府", "GovOrg")], name="f.txt")
    kb = resolve([e, f])
    assert len([x for x in kb.entities.values() if x.type == "GovOrg"]) == 3


def test_common_post_alone_does_not_merge_people():
    c = make_doc("记者张帆报道。", [("张帆", "Person"), ("记者", TITLE)], name="c.txt")
    d = make_doc("记者张帆报道。", [("张帆", "Person"), ("记者", TITLE)], name="d.txt")
    assert len(named(resolve([c, d]), "Person", "张帆")) == 2


def test_bare_bodies_of_two_district_articles_on_one_page_stay_apart():
    text = ("大足区召开会议\n\n本报讯 昨日，大足区召开会议，大足区各部门参加，区委部署工作。\n\n"
            "荣昌区举行活动\n\n本报讯 昨日，荣昌区举行活动，荣昌区群众参加，区委作出安排。")
    doc = make_doc(text, [("大足区", "Place"), ("荣昌区", "Place"), ("区委", "GovOrg")], name="p.txt")
    kb = resolve([doc])
    assert {e.label for e in kb.entities.values() if e.type == "GovOrg"} == {"大足区委", "荣昌区委"}


def test_a_bare_title_later_in_a_chain_is_a_post_in_the_body_named_first():
    doc = make_doc("市交通局党组成员、副局长韩立秋出席。",
                   [("市交通局", "GovOrg"), ("韩立秋", "Person"), ("市交通局党组成员", TITLE), ("副局长", TITLE)],
                   name="c.txt")
    kb = resolve([doc])
    body = by_label(kb, "GovOrg", "市交通局（c.txt）")[0]  # no place: its label says where it was seen
    person = by_label(kb, "Person", "韩立秋")[0]
    posts = {p.title: p.organization for p in kb.posts if p.person == person.id}
    assert posts == {"市交通局党组成员": body.id, "副局长": body.id}


def test_a_title_naming_its_own_body_is_not_given_the_chains_first_body():
    doc = make_doc("区委常委、管委会主任邵一鸣出席。",
                   [("区委", "GovOrg"), ("邵一鸣", "Person"), ("区委常委", TITLE), ("管委会主任", TITLE)],
                   name="d.txt")
    kb = resolve([doc])
    person = by_label(kb, "Person", "邵一鸣")[0]
    assert {p.title: p.organization for p in kb.posts if p.person == person.id}["管委会主任"] is None


def test_a_government_body_is_linked_to_the_place_its_name_starts_with():
    a, b = official_docs()
    kb = resolve([a, b])
    body = by_label(kb, "GovOrg", "渝中区委")[0]
    assert body.jurisdiction == by_label(kb, "Place", "渝中区")[0].id
    # no place of that name in the corpus: no link (and no entity made up for it)
    c = make_doc("岳川区委书记郑海涛主持会议。", [("岳川区委", "GovOrg"), ("郑海涛", "Person")], name="c.txt")
    kb = resolve([c])
    assert by_label(kb, "GovOrg", "岳川区委")[0].jurisdiction is None
    assert all(e.type != "Place" for e in kb.entities.values())


def test_a_bare_title_after_a_body_named_twice_is_a_post_in_that_body():
    """重庆市人力社保局 and the 市人力社保局 inside it are one body (one member_of): 副局长 is a
    post in it."""
    doc = make_doc("重庆市人力社保局党组成员、副局长柯文远到岳川调研。",
                   [("重庆市", "Place"), ("重庆市人力社保局", "GovOrg"), ("市人力社保局", "GovOrg"), ("柯文远", "Person"),
                    ("重庆市人力社保局党组成员", TITLE), ("副局长", TITLE)], name="h.txt")
    assert {r.tail.text for r in doc.relations if r.label == "member_of"} == {"重庆市人力社保局"}
    kb = resolve([doc])
    body = by_label(kb, "GovOrg", "重庆市人力社保局")[0]
    assert {p.title: p.organization for p in kb.posts} == {"重庆市人力社保局党组成员": body.id, "副局长": body.id}


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
