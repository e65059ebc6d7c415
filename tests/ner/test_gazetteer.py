"""The place gazetteer: divisions, their short forms, countries and rivers."""
from __future__ import annotations

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
