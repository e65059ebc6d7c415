"""Entity resolution across documents, on small texts written for these tests."""
from __future__ import annotations

import datetime as dt

from kg.model import TITLE
from kg.resolve import resolve
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
