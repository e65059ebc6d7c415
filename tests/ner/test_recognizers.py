"""What every rule recognizer must hold: mentions point into the text, boundary and category junk
is no name."""
from __future__ import annotations

import pytest

from kg.ner.enterprises import recognize_enterprises
from kg.ner.govorgs import recognize_govorgs
from kg.ner.organizations import recognize_organizations
from kg.ner.parks import recognize_parks
from kg.ner.persons import recognize_persons
from kg.ner.places import recognize_places
from kg.ner.projects import recognize_projects
from kg.ner.titles import recognize_titles
from tests.conftest import plain_doc, texts


@pytest.mark.parametrize("text, recognizers, each_finds_one", [
    ("当天，县委副书记、县长孟庆余，县人大常委会主任贺文斌出席会议。",
     (recognize_titles, recognize_persons, recognize_govorgs), True),
    ("位于南川区的重庆远帆电机制造有限公司投产了新能源电机生产基地项目。",
     (recognize_enterprises, recognize_projects, recognize_places), False),
], ids=["government", "economy"])
def test_mentions_point_into_the_text(text, recognizers, each_finds_one):
    doc = plain_doc(text)
    for recognize in recognizers:
        found = recognize(doc)
        assert found or not each_finds_one, recognize.__name__
        for m in found:
            assert doc.text[m.start:m.end] == m.text


@pytest.mark.parametrize("recognize, text, type_, not_found", [
    (recognize_enterprises, "该项目坐落于上海东岭地产集团旗下园区。", "Enterprise", "坐落于上海东岭地产集团"),
    (recognize_projects, "将建设1000亿元级物流枢纽工程。", "Project", "级物流枢纽工程"),          # a class, no name
    (recognize_organizations, "两市党校联合举办培训。", "Organization", "两市党校"),          # a count of cities
    (recognize_parks, "港口型物流示范园建设加快。", "Park", "港口型物流示范园"),               # a type of park
])
def test_boundary_and_category_junk(recognize, text, type_, not_found):
    assert not_found not in texts(recognize(plain_doc(text)), type_)
