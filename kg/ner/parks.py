"""Recognizer component: Park mentions (industrial parks, development zones,
new areas, science cities, bonded zones).

Zone grammar from ``kg/data/park_suffixes.txt``:
- ``zone`` and ``park`` suffixes (高新区, 综合保税区, 产业园, 科学城 ...) name a
  park after a place (璧山高新区, 重庆经开区) or a name of its own (两江新区,
  光电产业园, 临空前沿科技城);
- ``sub`` suffixes (片区, 组团, 园区) extend a park just found into a sub-area:
  ``铜梁高新区大庙组团``, ``重庆枢纽港产业园（江津片区）``.
A park written after another (``西部科学城重庆高新区``) gives the whole and the
inner park.  Unnamed (园区, 工业园区, 市工业园区) and counted (9个光伏产业园)
phrases are not names.
"""
from __future__ import annotations

import re

from kg.lexicon import load_set
from kg.model import Mention
from kg.ner import gazetteer
from kg.ner.boundary import (in_squeezed_text, PARK, is_counted, left_boundary, skip_leading_digits, stop_ends_at, suffix_regex,
                             suffix_table)

_TABLE = "park_suffixes.txt"
#: A brand that only states a category or rank (国家现代农业产业园, 省级开发区).
_CATEGORY = re.compile(r"(?:国家|国家级|省级|市级|区级|县级|现代|特色|大学)")
_SUB = re.compile(r"[ \t]?([（(]?)([\u4e00-\u9fff]{2,6}?)(片区|组团|园区|分园)([）)]?)")


def _place_chain_end(text: str, start: int, end: int) -> int:
    i = start
    while i < end:
        j = gazetteer.match_place(text, i)
        if j == i or j > end:
            break
        i = j
    return i


def _generic() -> frozenset[str]:
    return load_set("enterprise_generic.txt") | load_set("project_generic.txt")


def _is_park_name(text: str, start: int, suffix_start: int) -> bool:
    """A name of its own (光电产业园, 两江新区) or a place (璧山高新区), not 园区/市工业园区."""
    chain_end = _place_chain_end(text, start, suffix_start)
    brand = re.sub(r"[（(][^）)]*[）)]", "", text[chain_end:suffix_start])
    if not brand:
        return chain_end > start
    return len(brand) >= 2 and brand not in _generic() and not brand.isdigit() and not _CATEGORY.match(brand)


@in_squeezed_text
def recognize_parks(text: str) -> list[Mention]:
    kinds = suffix_table(_TABLE)
    pattern = suffix_regex(_TABLE)
    out: list[Mention] = []
    for m in pattern.finditer(text):
        kind = kinds[m.group()]
        if kind == "sub":
            continue
        s, e = m.span()
        start = skip_leading_digits(text, left_boundary(text, s, PARK, max_len=16), s)
        if is_counted(text, start):
            continue
        # Where an inner park suffix ends, an inner park may start (西部科学城|重庆高新区).
        starts = [start] + [x.end() for x in pattern.finditer(text, start, s) if kinds[x.group()] != "sub"]
        for st in starts:
            if st < s and _is_park_name(text, st, s):
                out.append(Mention(st, e, text[st:e], "Park", f"parks.{kind}", 0.85))
    for park in list(out):
        sub = _SUB.match(text, park.end)
        if sub and bool(sub.group(1)) == bool(sub.group(4)) and not gazetteer.is_place(sub.group(2) + sub.group(3)) \
                and not any(stop_ends_at(text, k, PARK) for k in range(sub.start(2) + 1, sub.end(2) + 1)):
            out.append(Mention(park.start, sub.end(), text[park.start:sub.end()], "Park", "parks.sub", 0.85))
    return out
