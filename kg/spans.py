"""Mentions by position, found in time proportional to what is near, not to the document.

Recognizers and relation patterns ask "which mentions lie inside this span, contain it,
or cross it?" once per mention or trigger; scanning every mention of the document for
each question makes a document's time grow with the square of its size.  A ``SpanIndex``
answers from the mentions sorted by start: all that can overlap a span start at most the
longest mention's length before it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress, count
from typing import Iterable, Iterator, Protocol, TypeVar


class _Spanned(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Spanned)


class SpanIndex:
    """Spans (mentions) sorted by start; queries return them in that order, and spans with the
    same start in the order they were given."""

    def __init__(self, spans: Iterable[S]) -> None:
        self.spans: list = sorted(spans, key=lambda s: s.start)
        self._starts = [s.start for s in self.spans]
        self._longest = max((s.end - s.start for s in self.spans), default=0)

    def within(self, start: int, end: int) -> list:
        """Spans inside [start, end): ``start <= s.start and s.end <= end``."""
        lo, hi = bisect_left(self._starts, start), bisect_right(self._starts, end)
        return [s for s in self.spans[lo:hi] if s.end <= end]

    def containing(self, start: int, end: int) -> list:
        """Spans that contain [start, end): ``s.start <= start and end <= s.end``."""
        lo, hi = bisect_left(self._starts, end - self._longest), bisect_right(self._starts, start)
        return [s for s in self.spans[lo:hi] if s.end >= end]

    def overlapping(self, start: int, end: int) -> list:
        """Spans sharing a character with [start, end): ``s.start < end and start < s.end``."""
        lo, hi = bisect_left(self._starts, start - self._longest + 1), bisect_left(self._starts, end)
        return [s for s in self.spans[lo:hi] if s.end > start]


class GrowingSpanIndex:
    """Spans added one by one, for the ones overlapping a span: a bucket per ``width``
    characters of start, and the longest span added so far bounds how far back to look."""

    def __init__(self, width: int = 64) -> None:
        self._width = width
        self._buckets: dict[int, list] = {}
        self._longest = 0

    def add(self, span: _Spanned) -> None:
        self._buckets.setdefault(span.start // self._width, []).append(span)
        self._longest = max(self._longest, span.end - span.start)

    def overlapping(self, start: int, end: int) -> list:
        """Spans sharing a character with [start, end), bucket by bucket (not in any set order)."""
        first, last = (start - self._longest + 1) // self._width, (end - 1) // self._width
        return [s for b in range(first, last + 1) for s in self._buckets.get(b, ())
                if s.start < end and start < s.end]

    def containing(self, start: int, end: int) -> list:
        """Spans that contain [start, end), bucket by bucket."""
        first, last = (end - self._longest) // self._width, start // self._width
        return [s for b in range(first, last + 1) for s in self._buckets.get(b, ())
                if s.start <= start and end <= s.end]


def occurrences(text: str, names: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """(start, end) of each of ``names`` in ``text``, left to right and not overlapping
    itself, as ``re.finditer`` finds one name; all names in one pass over the text instead
    of one pass per name (``NameFinder``)."""
    finder = NameFinder(names)
    found: dict[str, list[tuple[int, int]]] = {name: [] for name in finder.names}
    found.update(finder.find(text))
    return found


class NameFinder:
    """Finds many names in many texts: built once from the names, then one pass over each text.
    At each position where a name may start, one set look-up per length of the names with its
    first two characters."""

    def __init__(self, names: Iterable[str]) -> None:
        self.by_head: dict[str, dict[int, set[str]]] = {}
        for name in set(names):
            if name:
                self.by_head.setdefault(name[:2], {}).setdefault(len(name), set()).add(name)
        self.names = [name for lengths in self.by_head.values() for group in lengths.values() for name in group]
        # the characters names start with, tested by a set look-up per character of a text (no regular
        # expression to compile: most finders are made for one text and a few names)
        self.firsts = frozenset(head[0] for head in self.by_head)

    def find(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """(start, end) of each name found in ``text`` (only those: a pass costs the text, not the
        names), as ``occurrences`` gives them."""
        found: dict[str, list[tuple[int, int]]] = {}
        if not self.firsts:
            return found
        by_head = self.by_head
        free: dict[str, int] = {}  # where the next occurrence of a name may start
        for p in compress(count(), map(self.firsts.__contains__, text)):
            for head in (text[p], text[p:p + 2]) if p + 1 < len(text) else (text[p],):
                for length, group in by_head.get(head, {}).items():
                    name = text[p:p + length]
                    if name in group and p >= free.get(name, 0):
                        found.setdefault(name, []).append((p, p + length))
                        free[name] = p + length
        return found


class Runs:
    """The stretches of ``alphabet`` (a character class) characters in ``text``, worked out once
    for all the list patterns read over one text (``list_matches``)."""

    def __init__(self, text: str, alphabet: str) -> None:
        self.text = text
        self.spans = [m.span() for m in re.finditer(f"{alphabet}+", text)]
        self.starts = [a for a, _ in self.spans]


def list_matches(pattern: re.Pattern[str], runs: Runs, closer: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(runs.text)`` for a pattern of a list closed by a word (甲、乙、丙等企业),
    without its cost on a long list that no closer ends: the regular expression reads the
    whole list again from each of its characters before failing.

    The alphabet of ``runs`` holds every character from where a match starts up to its
    closer, ``closer`` (a character class) the closer's first character.  A match can
    only start in the stretch of alphabet characters just before a closer, so only those
    positions are tried, in text order.
    """
    text, spans, run_starts = runs.text, runs.spans, runs.starts
    windows: list[tuple[int, int]] = []
    for c in (m.start() for m in re.finditer(closer, text)):
        i = bisect_right(run_starts, c) - 1  # the run holding c, or the one c closes (c == its end)
        if i < 0 or not spans[i][0] < c <= spans[i][1]:
            continue
        start = spans[i][0]
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], c))
        else:
            windows.append((start, c))
    pos = 0
    for start, end in windows:
        p = max(pos, start)
        while p < end:
            m = pattern.match(text, p)
            if m:
                yield m
                p = pos = m.end()
            else:
                p += 1
