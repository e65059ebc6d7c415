"""Recognizer component: Park mentions (industrial parks, development zones,
new areas, science cities, bonded zones).

Zone grammar from ``kg/data/park_suffixes.txt``:
- ``zone`` and ``park`` suffixes (高新区, 综合保税区, 产业园, 科学城 ...) name a
  park after a place (璧山高新区, 重庆经开区) or a name of its own (两江新区,
  光电产业园, 临空前沿科技城);
- ``named`` suffixes are abbreviated zone categories that also stand alone
  (汽开区 after 长春汽开区);
- ``placed`` suffixes (示范区, 聚集区, 商务区) name a zone after its place only;
- ``sub`` suffixes (片区, 组团, 园区, 分区; 区 after a direction or letter) extend a park just
  found into a sub-area:
  ``铜梁高新区大庙组团``, ``重庆枢纽港产业园（江津片区）``; 园区 after one place alone names
  that place's park (宜昌园区), unless the text also writes it as another park's sub-area.
A park written after another (``西部科学城重庆高新区``) gives the whole and the
inner park.  Unnamed (园区, 工业园区) and counted (9个光伏产业园)
phrases are not names, nor a built estate listed among projects (甲、某某食品产业园等项目), nor a kind of estate a superlative describes (全省最大的物流园); verbs
and adverbs before a name are the clause's (符合|某某示范园); 经开区/高新区 written alone
after a boundary (莅临经开区) are the article's zone, and so is a zone after a bare level
(在县经济开发区, 市工业园区: the county's or city's own, as the annotators read it).  The
place a zone is named after is reported as a Place when the gazetteer lacks it (万盛 of
万盛经开区, 甲乙 of 某市甲乙经济开发区) or it is a city/county short form (the zone vouches for it).  Short names a park is given in brackets
(``(简称甲,也称乙)``) are parks too.
"""
from __future__ import annotations

import re

from kg import gazetteer
from kg.lexicon import alternation, alternation_of, load_set
from kg.model import Mention
from kg.boundary import (PARK, in_squeezed_text, is_counted, left_boundary, skip_leading_digits,
                          stop_ends_at, suffix_regex, suffix_table, without_parentheses)
from kg.ner.enterprises import brand_at, place_chain_end
from kg.ner.organizations import listed_as_project
from kg.vocabulary import has_unknown_word, leading_clause_words, proper_noun_tag, starts_with_proper_noun

_TABLE = "park_suffixes.txt"
_RANKS = alternation("rank_words.txt")
#: A brand that only states a category or rank (国家现代农业产业园, 省级开发区, 港口型物流园).
_CATEGORY = re.compile(rf"(?:国家|{_RANKS}|现代|特色|大学|高科技|[十百千万亿]+级|[\u4e00-\u9fff]{{2}}型)")
#: ``川渝藏国家级经开区``: a rank right before the zone word makes a category of zones.
_RANK_END = re.compile(rf"(?:{_RANKS})$")
_COUNT = re.compile(r"[0-9一二两三四五六七八九十百几多]+[大个]")
_FORMER = "原"
#: Demonstratives and quantifiers: 该高新区, 各经开区 refer back or count, they name no park.
_ANAPHOR = re.compile(r"(?:该|此|本|这|那|其|各|每|全|我|首个|一个)$")
#: Heads of a natural feature named after the place before them (宁波湾).
_FEATURES = frozenset("湾港湖岛")
#: Parks named as a project (某某产业园项目): the endings of built estates, not of zones (某某新区项目).
_BUILT_SUFFIX = ("园", "园区")
_PROJECT_WORDS = ("项目", "工程")
#: Areas (新区, 合作区, 港务区) are zones a government sets up, whoever is named before them; estates
#: (产业园, 物流园, 新城) are built, and a company opening the name builds them.
_ZONE_END = "区"
#: What follows a zone word that is no park: a count ending the clause (建成机械制造产业园6个，:
#: a category, not 某某自贸港11个重点园区) or a
#: company's legal suffix (某某产业园有限公司: the company is named after it).
_NOT_A_PARK_AFTER = re.compile(r"[0-9一二两三四五六七八九十]+个(?=[，,。；;、]|$)|有限公司|有限责任公司|股份有限公司|股份公司")
#: A sub-area after a park: a name and a sub-area word of the table (大庙组团, 江津片区, 西分区), or
#: 区 after one direction or letter (东区, E区).
_LETTERED_AREA = "区"
_SUB = re.compile(rf"[ \t]?([（(]?)([东西南北中A-Z]|[\u4e00-\u9fff]{{2,6}}?)"
                  rf"({alternation_of(k for k, kind in suffix_table(_TABLE).items() if kind == 'sub')}|{_LETTERED_AREA})([）)]?)")


def _generic() -> frozenset[str]:
    return load_set("enterprise_generic.txt") | load_set("project_generic.txt")


#: The levels of government whose own zone a bare level names (县经济开发区, 市工业园区).
_BARE_LEVELS = "县市"
#: The kinds of zones a government sets up (kg/data/park_suffixes.txt), named after their place.
_ZONE_KINDS = ("zone", "named", "placed")


#: Words of national zone programmes that make a name after a place only (产城融合示范区).
_PLACED_PROGRAMMES = frozenset({"产城"})


def is_park_name(text: str, start: int, suffix_start: int, kind: str = "park") -> bool:
    """A name of its own (光电产业园, 两江新区) or a place (璧山高新区), not 园区/市工业园区 (a bare
    level's own zone is found apart).
    A ``placed`` zone (某市数字经济示范区) needs its place in front.  A development zone
    (高新区, 经开区 ...) without a place in front needs a brand that is a proper noun (万盛经开区), unknown to the general dictionary
    (中新苏滁高新区) or a park itself (科学城高新区); not a verb (交出经开区)."""
    chain_end = gazetteer.match_place_chain(text, start, suffix_start)
    if suffix_start - chain_end == 1 and text[chain_end] not in _FEATURES:
        # 某市甘泉|堡: the last "place" took the start of the zone's own name (某某堡)
        chain_end = next((k for k in range(chain_end - 1, start, -1)
                          if gazetteer.match_place_chain(text, start, k) == k), chain_end)
    brand = without_parentheses(text[chain_end:suffix_start])
    if not brand:
        return chain_end > start
    if brand in _FEATURES and chain_end > start:  # a place + bay or port: 某某湾新区
        return True
    # A generic word names a zone only after its place (某市产城融合示范区, not 产城融合示范区).
    generic = brand in _generic() and not (kind == "zone" and chain_end > start and brand in _PLACED_PROGRAMMES)
    if len(brand) < 2 or generic or brand.isdigit() or _CATEGORY.match(brand) or _RANK_END.search(brand):
        return False
    if kind == "placed":
        return chain_end > start
    return (kind not in ("zone", "named") or chain_end > start or has_unknown_word(brand) or starts_with_proper_noun(brand)
            or bool(suffix_regex(_TABLE).search(brand)))


#: A group's or company's name ending inside the words before an estate (陕西某某集团|城固…物流园).
_GROUP_END = re.compile(r"集团|公司")


def company_estate_end(text: str, start: int, suffix_start: int, suffix: str) -> int:
    """Where the company that opens the estate ``text[start:suffix_start]`` + ``suffix`` (产业园,
    物流园, 新城: a park suffix of kind ``park``, not an area ending in 区) ends: a lexicon brand
    right at the start or after its places (中粮|某某港口库粮食物流园), or a name ending in 集团/公司
    with two characters of its own (某某物流集团|某地…物流园); 0 if none.  A company builds and
    runs the estate it gives its name to: a project, not a zone."""
    if suffix_table(_TABLE).get(suffix) != "park" or suffix.endswith(_ZONE_END):
        return 0
    begin = place_chain_end(text, start, suffix_start)
    for at in dict.fromkeys((start, begin)):
        known = brand_at(text, at)
        if at < known < suffix_start - 1:
            return known
    group = _GROUP_END.search(text, begin + 2, suffix_start)
    return group.end() if group and group.end() < suffix_start - 1 else 0


def _is_unlisted_place(prefix: str) -> bool:
    """A development zone is named after its place: the two characters of
    ``万盛经开区`` name a place the gazetteer lacks when they are a proper noun;
    three characters (某某坡经济开发区) when the dictionary tags them a place name."""
    if gazetteer.is_place(prefix):
        return False
    return len(prefix) == 2 and (starts_with_proper_noun(prefix) or has_unknown_word(prefix)) \
        or len(prefix) == 3 and proper_noun_tag(prefix) == "ns"


def _prefix_place(text: str, start: int, suffix_start: int) -> list[Mention]:
    """The place a development zone is named after, as a Place: one the gazetteer
    lacks (see ``_is_unlisted_place``) or a city/county short form, which the
    zone's name vouches for even where the document names no province (某某工业园区)."""
    if _is_unlisted_place(text[start:suffix_start]):
        return [Mention(start, suffix_start, text[start:suffix_start], "Place", "parks.place_prefix", 0.5)]
    chain_end = gazetteer.match_place_chain(text, start, suffix_start)
    if start < chain_end < suffix_start and _is_unlisted_place(text[chain_end:suffix_start]) \
            and text[chain_end:suffix_start] not in _PLACED_PROGRAMMES:
        # 某市甲乙经济开发区: the town after the city, the zone's own place
        return [Mention(chain_end, suffix_start, text[chain_end:suffix_start], "Place", "parks.place_prefix", 0.5)]
    end = gazetteer.match_place(text, start)
    entry = gazetteer.lookup(text[start:end]) if end > start else None
    if entry and entry.is_short and entry.level in (gazetteer.CITY, gazetteer.COUNTY):
        return [Mention(start, end, text[start:end], "Place", "parks.place_prefix", 0.5)]
    return []


#: ``某某经济技术开发区(简称某某经开区,也称某某)``: the short names a park is given.
_DEFINED = re.compile(r"[（(](?:以下)?(?:简称|也称|又称)[：:]?[“\"]?([^，,。；;：:（）()“”\"\s]{2,10})[”\"]?"
                      r"(?:[，,、]\s*(?:也称|又称|简称)[“\"]?([^，,。；;：:（）()“”\"\s]{2,10})[”\"]?)?[）)]")


def _defined_short_names(text: str, park: Mention) -> list[Mention]:
    m = _DEFINED.match(text, park.end)
    if not m:
        return []
    return [Mention(m.start(k), m.end(k), m.group(k), "Park", "parks.defined", 0.75)
            for k in (1, 2) if m.group(k)]


#: Zones the state sets up in several areas, each area a park of its own: 自贸试验区南宁片区,
#: an airport economic zone across two provinces (临空经济区某某片区).
_NATIONAL_ZONES = frozenset({"自由贸易试验区", "自贸试验区", "自贸区", "综合保税区", "综保区", "临空经济区"})
_AREA = re.compile(r"([\u4e00-\u9fff]{2,5}?)(片区)")


def _national_zone_area(text: str, s: int, e: int) -> list[Mention]:
    """``自贸试验区某某片区``: the zone written bare, then the area it has at a place
    (a place, or a place and its port: 某某港片区), names that area's park."""
    m = _AREA.match(text, e)
    if not m:
        return []
    area = m.group(1)
    place_end = gazetteer.match_place_chain(area, 0, len(area))
    if place_end == 0 or area[place_end:] not in ("", "港"):
        return []
    return [Mention(s, m.end(), text[s:m.end()], "Park", "parks.zone_area", 0.8)]


def _place_start(text: str, start: int, end: int) -> int:
    """Start of the place names that end right at ``end`` (``end`` if none)."""
    k = start + 1
    while k < end and gazetteer.match_place_chain(text, k, end) != end:
        k += 1
    return k


#: The sub-area word that also names a park by its place alone (某市园区: the city's park of a group).
_PLACE_SUB_AREA = "园区"


def _only_place(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` one place name (宜昌), after no anaphor (全市)?"""
    return start < end and gazetteer.match_place(text, start) == end and not _ANAPHOR.search(text, max(0, start - 2), start)


#: 某高新区宜昌园区, 某产业园(宜昌园区): a place's 园区 written as another park's sub-area.
_SUB_AREA_AFTER_PARK = re.compile(rf"(?:{alternation(_TABLE)})[ \t（(]?([\u4e00-\u9fff]{{2,6}}?{_PLACE_SUB_AREA})")


def _sub_area_names(text: str) -> set[str]:
    """The 园区 names the text writes right after a park's: sub-areas, also where they stand alone."""
    return {m.group(1) for m in _SUB_AREA_AFTER_PARK.finditer(text)}


#: The mark of a superlative (最大, 最先进), in a name or right before it.
_SUPERLATIVE = "最"
#: How far before a name a superlative still describes it (最大的|某某物流园).
_SUPERLATIVE_REACH = 4


def _described(text: str, start: int, suffix_start: int) -> bool:
    """``全省最大的冷链物流园``, ``某地最大冷链物流园``: a kind of estate a superlative describes,
    with no place opening its name, is a description, not a park's name."""
    return _SUPERLATIVE in text[max(0, start - _SUPERLATIVE_REACH):suffix_start] \
        and gazetteer.match_place_chain(text, start, suffix_start) == start


#: How far left of a place a name still takes the places before it (某省某市|正某工业园区).
_PLACES_BEFORE = 8
#: What joins two places that share a park (某甲-某乙工业园区); 、 lists parks, each of its own place.
_PLACE_JOINS = "-－—"


def _name_start(text: str, start: int, suffix_start: int) -> int:
    """Where a park name found from ``start`` really starts: a one-character stop that opens a
    place is the place's (the 正 of a place named 正某 after another place), verbs and adverbs left before the name
    are the clause's (符合|某某示范园), and a place joined to the name's opening place by a dash
    shares the park (某甲-某乙工业园区)."""
    if 0 < start and gazetteer.match_place_chain(text, start - 1, suffix_start) > start \
            and gazetteer.match_place_chain(text, start, suffix_start) <= start + 1:
        start = left_boundary(text, start - 1, PARK, max_len=_PLACES_BEFORE)  # and the places before it
    verbs = leading_clause_words(text[start:suffix_start])
    if 0 < verbs < suffix_start - start and gazetteer.match_place_chain(text, start, suffix_start) == start:
        start += verbs
    if start > 1 and text[start - 1] in _PLACE_JOINS and gazetteer.match_place_chain(text, start, suffix_start) > start:
        before = left_boundary(text, start - 1, PARK, max_len=6)
        if before < start - 1 and gazetteer.match_place_chain(text, before, start - 1) == start - 1 \
                and (before == 0 or text[before - 1] not in _PLACE_JOINS):
            return before
    return start


def _after_county(text: str, start: int, suffix_start: int) -> int:
    """Where a park's name starts when a county opens the words before its suffix: at the place
    after the county (某县|甲乙汽车产业园: the county says where the park named after 甲乙 is; a
    county's park is not named after another county or city), else ``start``."""
    county_end = gazetteer.match_place(text, start)
    entry = gazetteer.lookup(text[start:county_end]) if county_end > start else None
    if entry is None or entry.level != gazetteer.COUNTY:
        return start
    return county_end if start < county_end < gazetteer.match_place(text, county_end) < suffix_start else start


@in_squeezed_text
def recognize_parks(text: str) -> list[Mention]:
    kinds = suffix_table(_TABLE)
    pattern = suffix_regex(_TABLE)
    sub_area_names = _sub_area_names(text)
    out: list[Mention] = []
    for m in pattern.finditer(text):
        kind = kinds[m.group()]
        if kind == "sub" and m.group() != _PLACE_SUB_AREA:
            continue  # a sub-area word extends the park before it (below)
        s, e = m.span()
        start = _after_county(text, _name_start(text, skip_leading_digits(text, left_boundary(text, s, PARK, max_len=16), s), s), s)
        if kind == "sub" and (not _only_place(text, start, s) or text[start:e] in sub_area_names):
            continue  # 园区 names a park after its place alone (宜昌园区), unless another park's sub-area
        if text.startswith(_FORMER, start) and gazetteer.match_place(text, start) == start:
            start += len(_FORMER)  # 原某某产业园: "former", not part of the name (原平 is a place)
        if is_counted(text, start) or _NOT_A_PARK_AFTER.match(text, e) or kind == "park" \
                and m.group().endswith(_BUILT_SUFFIX) and (text.startswith(_PROJECT_WORDS, e) or listed_as_project(text, start, e)):
            continue  # 某某智慧物流产业园项目, 甲、某某食品产业园等项目: the estate is a project being built, not a zone
        # Where an inner park suffix ends, an inner park may start (西部科学城|重庆高新区).
        inner = [x for x in pattern.finditer(text, start, s) if kinds[x.group()] != "sub"]
        starts = [x.end() for x in inner]
        # The whole only when no park inside it is a non-name (某市工业园区东区工业园);
        # a bare inner suffix is fine (科学城高新区).
        if all(x.start() == start or is_park_name(text, start, x.start()) for x in inner):
            starts.insert(0, start)
        if kind in _ZONE_KINDS and not is_park_name(text, start, s, kind):
            k = _place_start(text, start, s)  # 映射出|长春市汽开区: a verb the stops lack
            entry = gazetteer.lookup(text[k:s])
            if not (entry and entry.level == gazetteer.COUNTRY):  # 美丽|中国先行区: a slogan, a country names no zone
                starts.append(k)
        named = False
        for st in starts:
            if company_estate_end(text, st, s, m.group()):
                continue  # 某某集团某某物流园: the company's estate is its project (kg.ner.projects)
            if _described(text, st, s):
                continue
            if st < s and is_park_name(text, st, s, kind):
                named = True
                out.append(Mention(st, e, text[st:e], "Park", f"parks.{kind}", 0.85))
                if kind in _ZONE_KINDS:
                    out.extend(_prefix_place(text, st, s))
        if not named and m.group() in _NATIONAL_ZONES:
            out.extend(_national_zone_area(text, s, e))
        if kind == "named" and not named and start == s and not _ANAPHOR.search(text, max(0, s - 2), s):
            # 汽开区 written alone, not 省级经开区 nor 该经开区 (an anaphor names nothing)
            out.append(Mention(s, e, m.group(), "Park", "parks.named", 0.6))
        elif kind in _ZONE_KINDS and not named and s - start == 1 and text[start] in _BARE_LEVELS \
                and not _ANAPHOR.search(text, max(0, start - 2), start):
            # 在县经济开发区: the county's or city's own zone, as a bare 县委 is its committee
            out.append(Mention(start, e, text[start:e], "Park", "parks.bare_level", 0.6))
    for park in [m for m in out if m.type == "Park"]:  # not the places a zone is named after
        out.extend(_defined_short_names(text, park))
        sub = _SUB.match(text, park.end)
        if sub and bool(sub.group(1)) == bool(sub.group(4)) and not gazetteer.is_place(sub.group(2) + sub.group(3)) \
                and not _COUNT.match(sub.group(2)) and not leading_clause_words(sub.group(2)) \
                and (sub.group(3) != _LETTERED_AREA or len(sub.group(2)) == 1) \
                and not any(stop_ends_at(text, k, PARK) for k in range(sub.start(2) + 1, sub.end(2) + 1)):
            out.append(Mention(park.start, sub.end(), text[park.start:sub.end()], "Park", "parks.sub", 0.85))
    return out
