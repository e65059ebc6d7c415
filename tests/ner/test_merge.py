"""Merging the recognizers' mentions (kg.ner.merge): nesting, crossing spans, ties, and the merged
result of every rule recognizer on sentences written for these tests."""
from __future__ import annotations

import pytest

from kg.model import Mention
from kg.ner.merge import merge_mentions
from tests.conftest import merged_mentions, plain_doc, texts


def _m(start: int, end: int, type_: str, conf: float = 0.8) -> Mention:
    return Mention(start, end, "x" * (end - start), type_, "test", conf)


def test_merge_keeps_nesting_across_and_within_types():
    doc = plain_doc("")
    cands = [_m(0, 20, "Project"), _m(0, 5, "Enterprise"), _m(0, 2, "Place"), _m(0, 8, "Park"), _m(0, 12, "Park")]
    merged = merge_mentions(doc, cands)
    assert {(m.start, m.end, m.type) for m in merged} == {(c.start, c.end, c.type) for c in cands}


def test_merge_same_span_and_crossing_spans_keep_the_stronger():
    doc = plain_doc("")
    merged = merge_mentions(doc, [_m(0, 6, "Organization", 0.7), _m(0, 6, "Enterprise", 0.9),
                                  _m(4, 10, "Place", 0.6), _m(0, 6, "Enterprise", 0.5)])
    assert [(m.start, m.end, m.type, m.confidence) for m in merged] == [(0, 6, "Enterprise", 0.9)]


def test_merge_crossing_tie_prefers_longer_then_type_priority():
    doc = plain_doc("")
    merged = merge_mentions(doc, [_m(0, 4, "Place"), _m(2, 9, "Project")])
    assert [(m.start, m.end) for m in merged] == [(2, 9)]
    merged = merge_mentions(doc, [_m(0, 5, "Place"), _m(3, 8, "Enterprise")])
    assert [m.type for m in merged] == ["Enterprise"]


def test_title_cut_inside_a_company_name_is_extended_to_the_name():
    mentions = merged_mentions("湖南美的冰柜有限公司副总经理赵明出席。")
    titles = texts(mentions, "Title")
    assert not any(t.startswith("冰柜") for t in titles)
    assert "湖南美的冰柜有限公司" in texts(mentions, "Enterprise")


def test_known_brand_recurs_after_a_verb():
    mentions = merged_mentions("吉林长春：长春与中国一汽签约。坚持服务一汽的初衷。")
    assert {"中国一汽", "一汽"} <= texts(mentions, "Enterprise")
    assert "中国" not in texts(mentions, "Place")


def test_foreign_country_before_a_company_stays_a_place():
    mentions = merged_mentions("泰国顺昌有限公司落户。")
    assert "泰国" in texts(mentions, "Place")


def test_a_project_does_not_run_across_and_into_a_school():
    mentions = merged_mentions("先后到中国邮政兰州邮件处理中心和高新区实验小学2个重点项目调研。")
    # the school is counted among the projects (a facility built), so it is no organization there
    assert "高新区实验小学" not in texts(mentions, "Organization")
    assert not any("和" in t for t in texts(mentions, "Project"))
    mentions = merged_mentions("先后到中国邮政兰州邮件处理中心和高新区实验小学调研。")
    assert "高新区实验小学" in texts(mentions, "Organization")
    assert not any("和" in t for t in texts(mentions, "Project"))


@pytest.mark.parametrize("text, not_project", [
    ("本次开工的重点项目包括东岭国际陆港物流产业园（一期）等。", "东岭国际陆港"),     # 港 inside a park's name
    ("开工项目分别为同辉汽车配件项目和精诚汽车零部件项目。", "同辉汽车配件项目和精诚汽车零部件项目"),
    ("公布2023年度智能制造示范工厂入选名单。", "度智能制造示范工厂"),          # a category of plants
])
def test_list_items_are_not_merged_or_generic(text, not_project):
    assert not_project not in texts(merged_mentions(text), "Project")


def test_a_park_listed_as_a_project_is_no_park():
    text = "本次开工的重点项目包括东岭国际陆港物流产业园（一期）、青禾冷链智慧物流产业园等。"
    assert "青禾冷链智慧物流产业园" not in texts(merged_mentions(text), "Park")


@pytest.mark.parametrize("text, company", [
    ("现场集中签约了华岭科技、东蓝新材等项目。", "华岭科技"),    # companies signed, after 签约了
    ("高瓴资本、岚山创投等机构参与投资。", "高瓴资本"),          # funds by their trade name
])
def test_signed_companies_and_funds(text, company):
    assert company in texts(merged_mentions(text), "Enterprise")
