"""Recognizer component: Place mentions.

- ``places.division``: names from the gazetteer (``kg.gazetteer``):
  administrative divisions province -> county with their short forms (江津 for
  江津区), countries, major rivers and named regions; greedy longest match.
  A short form of a city or county (江津, 惠民) or a two-character full name
  (忠县, 范县) counts only in a document that also names its province in some
  other form (重庆, 重庆市, 江津区 ...): thousands of county short forms are also
  words or parts of names elsewhere.  A country that opens a quoted title or
  a name with a parenthesised part (“中国某某名城”, 中国(西部)某某馆) is no mention.
- ``places.settlement``: towns, townships, streets, villages and communities by
  suffix (珞璜镇, 中山路街道, 沿河村, 碑亭社区).  The 2-4 characters before the
  suffix must start at a boundary: after punctuation, a stop word, a division
  (江津区珞璜镇) or another settlement (广兴镇沿河村); words such as 城镇, 示范村
  (``kg/data/place_suffix_generic.txt``) and counted ones (3个村) are not names.
- ``places.feature``: named mountains, lakes, plains and parks
  (``kg/data/place_features.txt``) where the text locates something in them:
  after 在/到/来到 (also behind a city: 在某市某某岛), a settlement, or another
  feature in a 、 list.
- ``places.settlement_stem``: the two-character stem of a town named in full
  in the same document, where it stands alone (为保X的工业 after 保X镇).
- ``places.counted_list``: short division names in a list closed by its count
  and level (甲、乙、丙三县).
- ``places.region``: a province abbreviation with a direction or 中 (渝西, 川南, 鲁西南,
  黔中) or a run of abbreviations before 地区 (川渝地区), after a boundary; regions by
  short names (川渝, 京津, 港澳台, 华东: ``kg/data/region_short_names.txt``), not as a
  line's ends (京津高铁).
- ``places.listed_settlement``: short town names in a list the text closes with
  their kind (甲、乙、丙等镇街, 等乡镇, 等村).
- ``places.metro_region``: a place before a region head (襄阳都市圈, 某某城市群).
- ``places.water``: a named river, lake or bay opening the name of a work or zone, or
  before 畔 (某某河综合治理工程, 某某湾海底隧道, 某某湾新区).
- ``places.visited``: one character for a place the text visits (来陕考察; 来渠考察 in a
  document naming 渠县): a province abbreviation or a named city's or county's first character.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg import gazetteer
from kg.lexicon import alternation_of, load_set
from kg.model import Mention
from kg.boundary import (PARK, in_squeezed_text, is_counted, is_name_char, left_boundary, stop_ends_at, suffix_regex,
                         suffix_table)
from kg.vocabulary import has_unknown_word, starts_with_proper_noun
from kg.spans import Runs, SpanIndex, list_matches, occurrences

_SETTLEMENT = re.compile(r"街道|社区|镇(?!街)|乡(?![村镇土亲贤愁情音里民间下])|村(?!民|委会|级)")
#: Characters a settlement's own name does not contain (it would be two names or a date).
_NOT_IN_CORE = re.compile(r"[镇乡村年月日区县市省]|社区|街道")
_CORE_LENGTHS = {"街道": (5, 4, 3, 2), "社区": (4, 3, 2), "镇": (3, 2), "乡": (3, 2), "村": (4, 3, 2)}
_COUNT = re.compile(r"[0-9一二三四五六七八九十百千万多几]+[个家座条项批所处名]")
#: A place name used as a modifier names no place: 中国式现代化, 中国特色, a ranking
#: (中国500强), nor one inside the name of the party (中国共产党, 中国共产主义青年团).
_ADJECTIVAL = re.compile(r"式|特色|[0-9]+强|共产党|共产主义")
_CJK = re.compile(r"[\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def _generic() -> tuple[str, ...]:
    return tuple(load_set("place_suffix_generic.txt"))


#: A zone word (片区, 高新区, 园区: kg/data/park_suffixes.txt) right before a settlement's name.
_ZONE_END = re.compile(f"(?:{alternation_of(suffix_table('park_suffixes.txt'))})$")


def _starts_name(text: str, st: int, end: int) -> bool:
    """Whether a settlement name ``text[st:end]`` (its suffix apart) may start at ``st``."""
    if st == 0 or not is_name_char(text[st - 1]):
        return True
    if stop_ends_at(text, st, PARK):
        return True
    if gazetteer.ends_with_place(text[max(0, st - 12):st]) < min(st, 12):
        return True
    if _ZONE_END.search(text, max(0, st - 8), st) and (has_unknown_word(text[st:end]) or starts_with_proper_noun(text[st:end])):
        return True  # 某某片区陈村镇: a settlement inside a zone, by a name (not 某某区国际人才社区)
    return bool(_SETTLEMENT.search(text, max(0, st - 2), st)) and text[st - 1] in "镇乡村道区"


def _settlements(text: str) -> list[Mention]:
    out: list[Mention] = []
    generic = _generic()
    for m in _SETTLEMENT.finditer(text):
        s, e = m.span()
        for n in _CORE_LENGTHS[m.group()]:
            st = s - n
            if st < 0 or not _CJK.fullmatch(text[st:s]) or not _starts_name(text, st, s):
                continue
            name = text[st:e]
            listed = st > 0 and text[st - 1] == "、" and text.endswith(m.group(), 0, st - 1) \
                and not text[max(0, st - 6):st - 1].endswith(generic)
            # A town may be named after a village (陈村镇), and so may a village (棚村村): 村 may end
            # a 镇's or 村's own name.
            village_town = m.group() in "镇村" and text[s - 1] == "村" and text[st] not in "各每全该本乡城农"
            core_end = s - 1 if village_town else s
            if name.endswith(generic) and not listed and not village_town \
                    or is_counted(text, st) or _COUNT.match(text, st, s):
                break  # 强镇 is generic, but not in 甲镇、乙大镇
            entry = gazetteer.lookup(text[st:s])
            if _NOT_IN_CORE.search(text, st, core_end) or text[st] in "区县市省州旗" or (entry and not entry.is_short):
                continue
            if not listed and any(stop_ends_at(text, k, PARK) for k in range(st + 1, s + 1)):
                continue  # 在某镇; but an item of a list of towns is one name (甲镇、正某镇)
            out.append(Mention(st, e, name, "Place", "places.settlement", 0.7))
            break
    return out


def _needs_context(entry: gazetteer.PlaceEntry) -> bool:
    """Short forms of cities and counties, and two-character full names (范县),
    are believed only where the document names their province otherwise; not the
    short names of provincial capitals and sub-provincial cities (kg/data/major_cities.txt)."""
    if entry.level not in (gazetteer.CITY, gazetteer.COUNTY):
        return False
    if entry.level == gazetteer.CITY and entry.full in load_set("major_cities.txt"):
        return False
    return entry.is_short or len(entry.name) <= 2


#: How far past a rejected short form a place starting inside it may run (元江|西 -> 江西).
_REREAD = 8


def _inside_rejected_short_form(text: str, s: int, e: int) -> list[Mention]:
    """Places that start inside a short form the document gives no context for and that
    the greedy match skipped: 江西 of 亿元江西南昌县 after 元江 (a county's short form)."""
    out = []
    for a, b, entry in gazetteer.find_places(text[s + 1:e + _REREAD]):
        if a + s + 1 < e and not _needs_context(entry):
            out.append(Mention(a + s + 1, b + s + 1, entry.name, "Place", "places.division",
                               0.6 if entry.is_short else 0.75))
    return out


def _divisions(text: str) -> list[Mention]:
    found = gazetteer.find_places(text)
    provinces = {entry.province for _, _, entry in found if entry.province and not _needs_context(entry)}
    out = []
    for s, e, entry in found:
        if _needs_context(entry) and entry.province not in provinces:
            out.extend(_inside_rejected_short_form(text, s, e))
            continue
        if _ADJECTIVAL.match(text, e):
            continue
        if entry.level == gazetteer.COUNTRY and (s and text[s - 1] == "“" or text[e:e + 1] in ("(", "（")):
            continue  # a country opening a quoted title or a name: “中国优质某某基地”, 中国(西部)某某馆
        out.append(Mention(s, e, entry.name, "Place", "places.division", 0.6 if entry.is_short else 0.75))
        if entry.level == gazetteer.REGION:
            out.extend(_region_before_head(text, s, e))
    return out


#: Heads of transport lines named by the abbreviations of the places they join (京沪高铁, 成渝铁路).
_LINE_AFTER = re.compile(r"高速公路|高速|高铁|铁路|城际|轻轨|动车|中线|线")


@lru_cache(maxsize=1)
def _region_short_name_pattern() -> re.Pattern[str]:
    return re.compile(alternation_of(load_set("region_short_names.txt")))


def _region_short_names(text: str) -> list[Mention]:
    """川渝, 京津, 港澳台, 华东 (``kg/data/region_short_names.txt``); not the ends of a line
    (京津高铁, 成渝中线高铁: the line is the project), nor the start of a longer name the
    gazetteer reads (华东地区), nor the end of a place written before (香港澳门)."""
    out = []
    for m in _region_short_name_pattern().finditer(text):
        s, e = m.span()
        if _LINE_AFTER.match(text, e) or gazetteer.match_place(text, s) > e \
                or any(gazetteer.match_place(text, k) > s for k in (s - 2, s - 1) if k >= 0):
            continue
        out.append(Mention(s, e, m.group(), "Place", "places.region", 0.6))
    return out


def _region_before_head(text: str, s: int, e: int) -> list[Mention]:
    """成渝地区 in 成渝地区双城经济圈: a region named in full before a region head
    (``kg/data/region_suffixes.txt``) is a place of its own, nested."""
    head = _metro_pattern().search(text, s + 1, e)
    if head is None or head.end() != e or not gazetteer.is_place(text[s:head.start()]):
        return []
    return [Mention(s, head.start(), text[s:head.start()], "Place", "places.division", 0.6)]


@lru_cache(maxsize=1)
def _region_pattern() -> re.Pattern[str]:
    abbreviations = "".join(load_set("province_abbreviations.txt"))
    # 滇中, 黔中, 鲁中: the middle of a province too; not after 京津沪 (cities) nor 甘蒙,
    # whose 中 makes words, and not where 中 opens a word (苏中国, 川中心).
    centres = "".join(sorted(set(abbreviations) - set("京津沪甘蒙")))
    return re.compile(rf"[{abbreviations}](?:东南|东北|西南|西北|东|西|南|北)(?:地区)?|[{abbreviations}]{{2,3}}地区"
                      rf"|[{centres}]中(?:地区)?(?![国心学央间部华型小区县市镇])")


def _regions(text: str) -> list[Mention]:
    """渝西, 川南, 鲁西南, 川渝地区: a province's abbreviation and a direction."""
    out = []
    for m in _region_pattern().finditer(text):
        s = m.start()
        if m.group().startswith("京东") or (s and is_name_char(text[s - 1]) and not stop_ends_at(text, s, PARK)):
            continue
        out.append(Mention(s, m.end(), m.group(), "Place", "places.region", 0.6))
    return out


@lru_cache(maxsize=1)
def _metro_pattern() -> re.Pattern[str]:
    heads = "|".join(sorted(load_set("region_suffixes.txt"), key=len, reverse=True))
    return re.compile(rf"(?:{heads})")


def _metro_regions(text: str) -> list[Mention]:
    """襄阳都市圈, 环某某经济圈, 中原城市群: a place (or 环 + place) right before a
    region head of ``kg/data/region_suffixes.txt``, the longest such place."""
    out = []
    for m in _metro_pattern().finditer(text):
        s = m.start()
        for k in range(max(0, s - 8), s - 1):
            begin = k + 1 if text[k] == "环" else k
            if begin < s and gazetteer.match_place_chain(text, begin, s) == s:
                out.append(Mention(k, m.end(), text[k:m.end()], "Place", "places.metro_region", 0.6))
                break
    return out


#: Words after which a named place follows (在清凉山, 来到某某公园).
_LOCATIVE = re.compile(r"在|到|至|赴|走进|走访|登上|游览|途经|位于|地处")
_NOT_FEATURE_START = "这那该此全各每本了一二两三四五六七八九十几多大小高深名群青绿"


@lru_cache(maxsize=1)
def _feature_pattern() -> re.Pattern[str]:
    heads = "|".join(sorted(load_set("place_features.txt"), key=len, reverse=True))
    return re.compile(rf"[\u4e00-\u9fff]{{2,4}}?(?:{heads})(?![\u4e00-\u9fff]{{0,6}}(?:集团|公司|项目|基地|工程))(?!大道|路|村|镇|街道|社区)")


def _named_feature(feature: str) -> bool:
    """Whether the words before a feature's head are a name (a place or a word unknown
    to the dictionary), not common words (国际旅游|岛)."""
    core = _feature_head().sub("", feature)
    return gazetteer.is_place(core) or has_unknown_word(core) or starts_with_proper_noun(core)


@lru_cache(maxsize=1)
def _feature_head() -> re.Pattern[str]:
    heads = "|".join(sorted(load_set("place_features.txt"), key=len, reverse=True))
    return re.compile(f"(?:{heads})$")


def _features(text: str, settlements: list[Mention], divisions: list[Mention]) -> list[Mention]:
    """Named mountains, lakes, plains, parks where the text places something:
    after a locative verb (在某某山), a settlement (某某街道某某山) or another
    feature in a list (某某园、某某公园)."""
    starts = sorted({m.end() for m in _LOCATIVE.finditer(text)} | {m.end for m in settlements})
    division_ends = {d.end for d in divisions}
    out: list[Mention] = []
    for k in starts:
        while k < len(text):
            m = _feature_pattern().match(text, k)
            after_place = gazetteer.match_place(text, k)
            if (not m or text[k] in _NOT_FEATURE_START) and after_place > k:
                k = after_place  # 在某市某某岛: the feature follows its city, by a name, not 国际旅游岛
                m = _feature_pattern().match(text, k)
                if m and not _named_feature(m.group()):
                    break
            if not m or text[k] in _NOT_FEATURE_START or m.end() in division_ends \
                    or m.group() in load_set("place_suffix_generic.txt") or _NOT_IN_CORE.search(m.group()):
                break
            out.append(Mention(k, m.end(), m.group(), "Place", "places.feature", 0.55))
            k = m.end() + 1 if text.startswith("、", m.end()) else len(text)  # 甲公园、乙公园
    return out


#: 某某河综合治理工程, 某某湾海底隧道, 某某湖畔: a named river, lake or bay opening the name of a
#: work done on it or a zone by it, or before 畔 (its shore).
_WATER = re.compile(r"(?:(?<=^)|(?<=[^\u4e00-\u9fff])|(?<=来到|走进|位于)|(?<=[在到赴]))"
                    r"([\u4e00-\u9fff]{2,3}?(?:河|江|湖|湾))"
                    r"(?=畔|[\u4e00-\u9fff]{0,8}?(?:工程|项目|隧道|大桥|新区|基地))")


def _water_bodies(text: str) -> list[Mention]:
    """A named river, lake or bay at a boundary before a work, zone or shore (贾某河综合治理工程,
    某某湾新区, 某某湖畔); its name is a place (温州湾) or a word unknown to the dictionary,
    and opens with no other place or region (某省某江新区 is the zone of a province, 渝南双江航电枢纽
    a work in 渝南)."""
    out = []
    for m in _WATER.finditer(text):
        name = m.group(1)[:-1]
        opens_with_place = gazetteer.match_place(name, 0) > 0 or _region_pattern().match(name)
        if gazetteer.is_place(name) or (has_unknown_word(name) and not opens_with_place):
            out.append(Mention(m.start(1), m.end(1), m.group(1), "Place", "places.water", 0.55))
    return out


_NUMBER = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
#: 甲、乙两县, 甲、乙、丙三个结对县区: the count, a word saying how the places are paired, the levels.
_COUNTED_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,3}、)+[\u4e00-\u9fff]{2,3}?)([两二三四五六七八九十])个?"
                           r"(?:结对|对口|帮扶|协作|所辖)?(县区|区县|县市|市县|区市|省区|区|县|市|镇|乡)")


def _counted_lists(text: str) -> list[Mention]:
    """``甲、乙、丙、丁四区``: a list closed by its count and level names that many
    divisions by their short forms.  The count must match the items; the first
    item is two characters unless three make a known place."""
    out: list[Mention] = []
    for m in list_matches(_COUNTED_LIST, Runs(text, r"[\u4e00-\u9fff、]"), "[两二三四五六七八九十]"):
        items = m.group(1).split("、")
        if len(items) != _NUMBER[m.group(2)]:
            continue
        first = items[0]
        if len(first) == 3 and not gazetteer.is_place(first):
            items[0] = first[1:]
        pos = m.end(1)
        for item in reversed(items):
            start = pos - len(item)
            out.append(Mention(start, pos, item, "Place", "places.counted_list", 0.6))
            pos = start - 1
    return out


#: ``甲、乙、丙等镇街``: the text says the listed items are towns, streets or villages.
_LISTED_SETTLEMENTS = re.compile(r"((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4}?)等(?:镇街|乡镇|镇|乡|街道|村|社区)(?![\u4e00-\u9fff]{0,2}(?:领导|干部|负责人|书记))")


def _listed_settlements(text: str) -> list[Mention]:
    """Short names of towns in a list the text closes with their kind (甲、乙等镇街);
    the first item starts after a boundary or stop word (赴甲), else it is its last two
    characters."""
    out: list[Mention] = []
    for m in list_matches(_LISTED_SETTLEMENTS, Runs(text, r"[\u4e00-\u9fff、]"), "等"):
        items = m.group(1).split("、")
        first_end = m.start(1) + len(items[0])
        begin = left_boundary(text, first_end, PARK, max_len=len(items[0]), floor=m.start(1))
        opens = begin == 0 or not is_name_char(text[begin - 1]) or stop_ends_at(text, begin, PARK)
        if not opens and not gazetteer.is_place(items[0]):
            begin = first_end - 2
        items[0] = text[begin:first_end]
        pos = m.end(1)
        for item in reversed(items):
            start = pos - len(item)
            if not _NOT_IN_CORE.search(item):
                out.append(Mention(start, pos, item, "Place", "places.listed_settlement", 0.55))
            pos = start - 1
    return out


#: How far the name of a zone or work may run on after the place that opens it.
_WORK_REACH = 12


@lru_cache(maxsize=1)
def _work_suffixes() -> re.Pattern[str]:
    return re.compile("|".join(p.pattern for p in (suffix_regex("park_suffixes.txt"), suffix_regex("project_suffixes.txt"))))


def _opens_a_work(text: str, pos: int) -> bool:
    """Whether the name of a zone or a work runs on from ``pos`` to its suffix (某某|低碳小镇,
    某某|段五号大桥): the place before ``pos`` opens that name."""
    end = pos
    while end < min(len(text), pos + _WORK_REACH) and is_name_char(text[end]):
        end += 1
    suffixes = _work_suffixes()
    return any((m := suffixes.match(text, k)) is not None and m.end() <= end for k in range(pos + 1, end))


def _settlement_stems(text: str, settlements: list[Mention], taken: list[Mention]) -> list[Mention]:
    """``保X镇 ... 为保X的工业``: a town or township named once in full is named by
    its two-character stem elsewhere, where the stem stands alone (a boundary or
    stop word on both sides, 的 after it) or opens the name of a zone or a work
    (保X低碳小镇, 保X段大桥: a nested place)."""
    stems = {m.text[:-1] for m in settlements if m.text[-1] in "镇乡" and len(m.text) == 3}
    out: list[Mention] = []
    covered = SpanIndex(taken)
    found = occurrences(text, stems)
    for stem in stems:
        for s, e in found[stem]:
            if covered.containing(s, e):
                continue
            opens_work = _opens_a_work(text, e)
            # a road's number before the place opening a work's name: G352某某段大桥
            before_ok = s == 0 or not is_name_char(text[s - 1]) or stop_ends_at(text, s, PARK) \
                or opens_work and text[s - 1].isascii() and text[s - 1].isalnum()
            after_ok = e == len(text) or not is_name_char(text[e]) or text[e] == "的" or opens_work
            if before_ok and after_ok:
                out.append(Mention(s, e, stem, "Place", "places.settlement_stem", 0.55))
    return out


#: ``来某考察``, ``在某期间``: a visit to a place written by one character of its name.
_VISITED = re.compile(r"(?<=[来赴到离在])([\u4e00-\u9fff])(?=考察|调研|期间|参观|访问|交流|洽谈|投资|发展)")


def _visited_abbreviations(text: str, divisions: list[Mention]) -> list[Mention]:
    """``来某考察``: a province's one-character abbreviation (来陕考察), or the first
    character of a city the document names or a county it names in full (来渠考察 after 渠县),
    after a verb of coming and before one of visiting."""
    provinces = load_set("province_abbreviations.txt")
    firsts = set()
    for d in divisions:
        entry = gazetteer.lookup(d.text)
        # a city by its usual short name too (在亳期间 after 亳州, 来盐考察 after 盐城)
        if entry and (entry.level == gazetteer.CITY or not entry.is_short and entry.level == gazetteer.COUNTY):
            firsts.add(d.text[0])
    return [Mention(m.start(), m.end(), m.group(), "Place", "places.visited", 0.6)
            for m in _VISITED.finditer(text) if m.group() in provinces or m.group() in firsts]


@in_squeezed_text
def recognize_places(text: str) -> list[Mention]:
    settlements = _settlements(text)
    # A division written inside a settlement's own name (沿河 in 沿河村) is not a mention.
    within = SpanIndex(settlements)
    divisions = [d for d in _divisions(text)
                 if not any(d.end < t.end for t in within.containing(d.start, d.end))]
    named = SpanIndex(divisions)  # 辽东 of 辽东半岛: a region inside a longer name is no mention
    regions = [r for r in _regions(text) if not any(d.end - d.start > r.end - r.start for d in named.containing(r.start, r.end))]
    found = divisions + settlements + regions + _metro_regions(text) + _counted_lists(text) + _listed_settlements(text) + _features(text, settlements, divisions) + _water_bodies(text) + _region_short_names(text)
    return found + _settlement_stems(text, settlements, found) + _visited_abbreviations(text, divisions) \
        + _provinces_of_bodies(text, divisions)


#: The bodies of a province written with its full name (某某省委, 某某省政府): the province is
#: named by its short form too (某某省委 = the committee of 某某), as the press reads it.
_PROVINCE_BODY = re.compile(r"省(?=委|政府|人大|政协|纪委)")


def _provinces_of_bodies(text: str, divisions: list[Mention]) -> list[Mention]:
    out = []
    for d in divisions:
        entry = gazetteer.lookup(text[d.start:d.end])
        if entry and entry.level == gazetteer.PROVINCE and d.end - d.start >= 3 and _PROVINCE_BODY.match(text, d.end - 1) \
                and gazetteer.is_place(text[d.start:d.end - 1]):
            out.append(Mention(d.start, d.end - 1, text[d.start:d.end - 1], "Place", "places.province_of_body", d.confidence))
    return out
