"""The document context the relation patterns read (kg.relations.context)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import TITLE, Mention
from kg.relations.context import DocContext, plausible_owner, trigger_alternation, triggers
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


@pytest.mark.parametrize("family, text, found", [
    ("when", "近年来将在某区建设", "近年来"),   # 近年来 before 近年
    ("within", "辖区内的", "辖区内"),            # 辖区内 before 辖区
    ("during_visit", "调研期间，", "调研期间"),
    ("event_verb", "集中竣工", None),            # a pattern word, not at the start
    ("ceremony", "典礼", "典礼"),
])
def test_a_trigger_family_is_an_alternation_longest_first(family, text, found):
    hit = re.match(trigger_alternation(family), text)
    assert (hit.group() if hit else None) == found
    assert all(re.fullmatch(trigger_alternation(family), w) for w in triggers(family))


def test_a_family_with_no_words_is_refused():
    with pytest.raises(ValueError, match="relation_triggers.tsv has no family 'whne'"):
        trigger_alternation("whne")


@pytest.mark.parametrize("name, plausible", [
    ("远拓", True),
    ("远拓能源", True),
    ("新建", False),      # a verb that builds the project opens its name, it owns nothing
    ("实施远拓", False),
    ("新建白河至", False),  # a route's first end and its joining word
    ("远拓与", False),
])
def test_an_owner_neither_opens_with_a_building_verb_nor_ends_with_a_joining_word(name, plausible):
    assert plausible_owner(name) is plausible
