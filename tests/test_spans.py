"""The position look-ups that keep extraction linear give what a plain scan gives."""
import re

import pytest

from kg.model import Span
from kg.spans import GrowingSpanIndex, Runs, SpanIndex, list_matches, occurrences

SPANS = [Span(0, 4, ""), Span(1, 3, ""), Span(2, 9, ""), Span(5, 6, ""), Span(5, 8, ""), Span(9, 12, ""), Span(10, 10, "")]


@pytest.mark.parametrize("start, end", [(0, 12), (1, 3), (2, 3), (5, 8), (6, 6), (9, 10), (10, 10), (11, 20), (-5, 2)])
def test_span_index_answers_like_a_scan(start, end):
    index, growing = SpanIndex(SPANS), GrowingSpanIndex(width=4)
    for s in SPANS:
        growing.add(s)
    assert index.within(start, end) == [s for s in SPANS if start <= s.start and s.end <= end]
    assert index.containing(start, end) == [s for s in SPANS if s.start <= start and end <= s.end]
    assert index.overlapping(start, end) == [s for s in SPANS if s.start < end and start < s.end]
    assert sorted(growing.containing(start, end), key=SPANS.index) == index.containing(start, end)
    assert sorted(growing.overlapping(start, end), key=SPANS.index) == index.overlapping(start, end)


@pytest.mark.parametrize("text, names", [
    ("重庆澜汐科技有限公司与澜汐科技签约，澜汐在重庆", {"澜汐", "澜汐科技", "重庆", "重庆澜汐", "签"}),
    ("aaaa", {"a", "aa", "aaa"}),
    ("", {"甲"}),
    ("甲乙甲乙甲", set()),
])
def test_occurrences_are_those_finditer_finds_name_by_name(text, names):
    assert occurrences(text, names) == {n: [m.span() for m in re.finditer(re.escape(n), text)] for n in names}


LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4})等(?:企业|公司)")


class CountingPattern:
    """A compiled pattern that counts the positions it is tried at."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern, self.tries = pattern, 0

    def match(self, text: str, pos: int):
        self.tries += 1
        return self.pattern.match(text, pos)


@pytest.mark.parametrize("text", [
    "走访甲乙、丙丁、戊己等企业，又到庚辛等公司。",
    "甲乙、丙丁等企业和戊己、庚辛等公司",
    "甲乙、丙丁，戊己等人",
    "等企业",
    "、".join(["青梧澜汐"] * 50) + "等企业",
])
def test_list_matches_are_those_finditer_finds(text):
    assert [m.span() for m in list_matches(LIST, Runs(text, r"[\u4e00-\u9fff、]"), "等")] == \
        [m.span() for m in LIST.finditer(text)]


def test_a_long_list_with_no_closer_is_not_read_again_from_each_character():
    text = "、".join(["青梧澜汐"] * 5000) + "。"
    pattern = CountingPattern(LIST)
    assert list(list_matches(pattern, Runs(text, r"[\u4e00-\u9fff、]"), "等")) == []
    assert pattern.tries == 0
