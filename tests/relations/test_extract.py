"""What every extracted relation carries: its evidence and the pattern that found it."""
from __future__ import annotations

import pytest

from kg.model import TITLE, Mention, Relation, Span
from kg.relations import add_named_ends
from tests.conftest import make_doc


def test_every_relation_has_evidence_and_pattern():
    doc = make_doc("位于长寿经开区的华恒化工有限公司新建厂房投用。县委副书记林海峰出席。",
                   [("长寿经开区", "Park"), ("华恒化工有限公司", "Enterprise"), ("林海峰", "Person"),
                    ("县委副书记", TITLE)])
    assert doc.relations
    for r in doc.relations:
        assert r.pattern
        assert doc.text[r.evidence.start:r.evidence.end] == r.evidence.text
        assert r.evidence.start <= r.head.start and r.tail.end <= r.evidence.end


@pytest.mark.parametrize("relations, added", [
    # the pair model's owner of a project the recognizer read whole: the company becomes a mention
    ([("申远", "Enterprise", "owns_project", "申远智能装备产业园", "Project")], {("申远", "Enterprise")}),
    # an end already a mention, and a title (no entity), add nothing
    ([("申远智能装备产业园", "Project", "located_in", "江津区", "Place"),
      ("王建国", "Person", "holds_post", "区长", TITLE)], set()),
])
def test_entities_a_relation_names_become_mentions(relations, added):
    text = "区长王建国到江津区申远智能装备产业园调研。"
    doc = make_doc(text, [("申远智能装备产业园", "Project"), ("江津区", "Place"), ("王建国", "Person")])
    sentence = Span(0, len(text), text)

    def mention(string, type_):
        start = text.index(string)
        return Mention(start, start + len(string), string, type_, source="test")

    doc.relations = [Relation(mention(h, ht), label, mention(t, tt), "test", sentence)
                     for h, ht, label, t, tt in relations]
    before = {(m.text, m.type) for m in doc.mentions}
    add_named_ends(doc)
    after = [(m.text, m.type) for m in doc.mentions]
    assert set(after) - before == added
    assert len(after) == len(set(after))  # no mention twice
