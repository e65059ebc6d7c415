"""What every extracted relation carries: its evidence and the pattern that found it."""
from __future__ import annotations

from kg.model import TITLE
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
