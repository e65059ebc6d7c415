"""The place gazetteer: divisions, their short forms, countries and rivers."""
from __future__ import annotations

import pytest

from kg import gazetteer


def test_autonomous_county_short_form_keeps_zizhi():
    assert "彭水自治县" in gazetteer.short_forms("彭水苗族土家族自治县")


def test_gazetteer_divisions_short_forms_and_countries():
    assert gazetteer.is_place("南川区") and gazetteer.is_place("南川")
    assert gazetteer.lookup("南川").full == "南川区"
    assert gazetteer.lookup("酉阳").full.endswith("自治县")
    assert gazetteer.is_place("泰国") and gazetteer.is_place("嘉陵江")
    assert not gazetteer.is_place("和平")  # short form that is an ordinary word
    text = "重庆市南川区"
    assert gazetteer.match_place(text, 0) == 3
    assert gazetteer.match_place_chain(text, 0) == 6
    assert gazetteer.ends_with_place("位于南川区") == 2


def test_every_gazetteer_name_opens_where_names_are_looked_for():
    openings, prefixes = gazetteer._name_openings()
    for name in gazetteer._entries():
        assert openings.match(name) and (name[:2] in prefixes), name


def _every_position(text, allow_short):
    """find_places as a greedy longest match tried at every character."""
    out, i = [], 0
    while i < len(text):
        end = gazetteer.match_place(text, i, allow_short=allow_short)
        if end > i:
            out.append((i, end, gazetteer.lookup(text[i:end])))
            i = end
        else:
            i += 1
    return out


@pytest.mark.parametrize("text", [
    "重庆市江津区和北京市，还有中国与美国、彭水县江津",
    "会议在南川区召开，嘉陵江两岸的泰国客商到酉阳县和平街道考察。",
    "",
    "江",
])
@pytest.mark.parametrize("allow_short", [True, False])
def test_find_places_is_greedy_longest_match_at_every_character(text, allow_short):
    assert gazetteer.find_places(text, allow_short=allow_short) == _every_position(text, allow_short)


@pytest.mark.parametrize("text, pos, end", [
    ("在重庆市南川区", 1, 4), ("在重庆市南川区", 0, 0), ("在重庆市南川区", 7, 7), ("在重庆市南川区", 9, 9),
    ("重庆", 0, 2), ("南", 0, 0),
])
def test_match_place_ends_the_longest_name_at_a_position(text, pos, end):
    assert gazetteer.match_place(text, pos) == end


@pytest.mark.parametrize("char, opens_a_city", [
    ("宜", True),   # 宜昌市
    ("荆", True),   # 荆州市
    ("港", False),  # 香港 is a region, not a city
    ("的", False),
])
def test_city_initials_are_the_first_characters_of_city_names(char, opens_a_city):
    assert (char in gazetteer.city_initials()) is opens_a_city
