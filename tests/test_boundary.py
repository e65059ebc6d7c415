"""Left boundaries of names found by their suffix: the stop words that end a name's left side."""
from __future__ import annotations

import pytest

from kg import boundary
from kg.lexicon import load_table

SCOPES = (boundary.ENTERPRISE, boundary.PARK, boundary.PROJECT, boundary.ORGANIZATION)


@pytest.mark.parametrize("scope", SCOPES)
def test_every_stop_word_ends_in_a_last_character_of_its_scope(scope):
    last_chars = boundary._stop_last_chars(scope)
    for row in load_table("name_left_stops.tsv"):
        if len(row) < 2 or not row[1] or scope in row[1]:
            assert row[0][-1] in last_chars, row[0]


@pytest.mark.parametrize("text, i, length", [
    ("公司位于某某产业园", 4, 2),  # 位于 ends at 4
    ("公司位于某某产业园", 5, 0),  # 某 ends no stop word
    ("公司位于某某产业园", 0, 0),  # nothing ends at the start
    ("公司位于", 9, 0),  # past the end
])
def test_stop_ends_at(text, i, length):
    assert boundary.stop_ends_at(text, i, boundary.ENTERPRISE) == length


@pytest.mark.parametrize("text, squeezed, dropped", [
    ("长嘉汇购 物中心", "长嘉汇购物中心", (4,)),
    ("记者 邓浩 罗凯元\n长嘉 汇", "记者 邓浩 罗凯元\n长嘉汇", (12,)),  # a byline keeps its spaces
    ("甲  乙，5 G 甲 A", "甲  乙，5 G 甲 A", ()),  # two spaces, or a space beside no CJK character
    (" 甲 乙 \n丙 丁\n", " 甲乙 \n丙丁\n", (2, 7)),
    ("", "", ()),
])
def test_squeeze_drops_spaces_between_cjk_characters_outside_bylines(text, squeezed, dropped):
    view = boundary._squeeze(text)
    assert (view.text, view.dropped) == (squeezed, dropped)
    assert all(text[i] == view.text[k] for k, i in enumerate(view.index[:-1]))


@pytest.mark.parametrize("text, suffix, begins", [
    ("今年县第二人民医院", "医院", 2),   # 人 of 人民 after a numeral is no measure word: the name runs on
    ("新建6个青川医院", "医院", 4),      # a count (6个) ends the phrase
])
def test_a_count_ends_a_name_a_numbered_name_does_not(text, suffix, begins):
    assert boundary.left_boundary(text, text.index(suffix), boundary.ORGANIZATION) == begins
