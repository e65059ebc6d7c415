"""The document context the relation patterns read (kg.relations.context)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import TITLE, Mention
from kg.relations.context import DocContext
from tests.conftest import raw_doc


def test_context_lookups_match_their_definitions():
    """inside() and is_outermost() (a bisect and a sweep) agree with their plain definitions
    on nested, equal and crossing spans of several types."""


    span = st.tuples(st.integers(0, 30), st.integers(1, 8), st.sampled_from(["Place", "Park", "Project", TITLE]))

    @settings(max_examples=200, deadline=None)
    @given(st.lists(span, max_size=25), st.integers(0, 30), st.integers(0, 40))
    def check(spans, start, end):
        doc = raw_doc("字" * 40, sha256="x")
        doc.text = doc.raw_text
        doc.mentions = [Mention(s, s + n, "字" * n, t, source="test") for s, n, t in spans]
        ctx = DocContext(doc)
        entities = [m for m in doc.mentions if m.type != TITLE]
        for m in doc.mentions:
            plain = not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                            for o in entities)
            assert ctx.is_outermost(m) == plain
        types = ("Place", "Project")
        assert ctx.inside(start, end, types) == [m for m in ctx.mentions
                                                  if start <= m.start and m.end <= end and m.type in types]

    check()
