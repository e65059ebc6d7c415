"""Recognizer component: Organization mentions (universities, schools, institutes,
labs, hospitals, media, associations, armed-forces units).

- ``organizations.suffix``: a suffix of ``kg/data/org_suffixes.txt`` (大学, 研究院,
  实验室, 人民医院, 日报, 融媒体中心, 协会 ...) with the left boundary of
  ``kg.boundary``; the name needs a place (重庆大学, 昌都市人民医院) or a name
  of its own (陆军军医大学, 广阳湾实验室); one of ``kg/data/org_suffixes_named.txt``
  (诊所, 交易所, 养老院) a place or a brand the dictionary does not know.  A suffix followed by a company's
  legal suffix (某某研究院有限公司) belongs to the Enterprise; a credit line's bar
  (来源丨某某日报) is no part of the name.
- ``organizations.unit``: the bodies written as 省/区/市/县 + unit (区人武部,
  市工商联 and its office 市工商联办公室, 区少工委, the level's hospital or media centre:
  县人民医院, 区融媒体中心, hospitals by number: 市一院) and the Youth League
  committees (团区委, 共青团重庆市委).
- ``organizations.media``: national media and the provinces' key news outlets from
  ``kg/data/media.txt`` (央视, 新华社, 某省新闻网);
- ``organizations.international``: intergovernmental organizations from
  ``kg/data/international_organizations.txt`` (联合国, 东盟);
- ``organizations.national``: national academies by their short names from
  ``kg/data/national_institutions.txt`` (中科院).
- ``organizations.defined``: a short name given in brackets (``某某大学（简称某大）``), wherever it occurs.
- ``organizations.party``: committees of the democratic parties of
  ``kg/data/democratic_parties.txt`` (民建某某市委, 九三学社中央).
- ``organizations.outlet``: any outlet the text cites as its source, by the
  name shapes of ``kg/data/media_heads.txt``: a dateline at a paragraph start
  (``某某网讯``, ``某某融媒讯``, ``甲网/乙客户端讯``: one mention per outlet) or
  据/来源/来自 + outlet before 消息/报道/a date (``据某某新闻8月1日消息``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg import gazetteer
from kg.lexicon import alternation, alternation_of, load_family, load_lines, load_set
from kg.model import Mention
from kg.vocabulary import has_unknown_word
from kg.spans import SpanIndex, occurrences
from kg.boundary import (DEFINED_SHORT_NAME, ORGANIZATION, in_squeezed_text, is_counted, is_name_char,
                          left_boundary, skip_leading_digits, stop_ends_at, suffix_regex, suffix_table,
                          without_parentheses)

_TABLE = "org_suffixes.txt"
_COMPANY_NEXT = r"有限|股份|集团|公司|[（(](?:普通|有限)合伙"
#: 总会 in 总会计师 (chief accountant) ends no name, nor 侨联 in 华侨联合会.
_NOT_SUFFIX_NEXT = _COMPANY_NEXT + r"|计|合会"
_UNIT = re.compile(r"共青团[\u4e00-\u9fff]{2,6}?[市区县州]委|团[市区县]委"
                   # the level's own bodies (kg/data/level_units.tsv: 区人武部, 县人民医院, 市第二人民医院)
                   rf"|[省市区县](?:{alternation_of(load_family('level_units.tsv', 'unit'))})"
                   rf"|[省市区县](?:第[一二三四五六七八九十]{{1,3}})?(?:{alternation_of(load_family('level_units.tsv', 'ordinal_hospital'))})"
                   r"|[市区县][一二三四五六七八九十]院(?![长士])")
#: 某某医疗中心建设项目, 某某研究院总部项目: an institution named as the project that builds it
#: is the project (a facility), no organization yet.
_BUILT_AS_PROJECT = re.compile(r"(?:总部|新院区|院区|新校区|迁建|扩建|改扩建|新建)?(?:建设)?(?:项目|工程)")
#: 甲、某某中学、乙4个项目, 甲、某某创新中心等项目, 甲和某某小学2个重点项目: an institution listed
#: among the projects a list closes with (等 or a count before 项目) is a facility built, no organization.
_LISTED_AS_PROJECT = re.compile(r"(?:[、和及与][^、，,。；;：:！!？?\n]{2,30}?)*"
                                r"(?:等(?:[0-9一二两三四五六七八九十]+个)?|[0-9一二两三四五六七八九十]+个)"
                                r"(?:重点|重大|在建|新建|续建|新开工|开工|竣工|产业|民生|社会事业)*项目")
#: A rank or category in front: 国家级铁路创新研究院 names no single body.
_RANK = re.compile(alternation("rank_words.txt"))
#: A name that only states a category (高校, 中小学, 各医院) or rank.
_GENERIC = re.compile(rf"(?:各|该|本|此|这所|全市|全区|全县|我市|我区|中小|高等|重点|示范|普通|{_RANK.pattern}|民办|公办"
                      r"|数字|智慧|云上|网上|线上|两市|两地|两区|两县|双方)$")


#: Heads that many unnamed organizations share (诊所, 交易所): kg/data/org_suffixes_named.txt.
_NAMED_TABLE = "org_suffixes_named.txt"


@lru_cache(maxsize=1)
def _named_suffix_regex() -> re.Pattern[str]:
    return suffix_regex(_NAMED_TABLE, not_before=_NOT_SUFFIX_NEXT)


def _suffix_matches(text: str) -> list[re.Match[str]]:
    """The heads of both tables in text order (a head of the named table a name must earn)."""
    found = list(suffix_regex(_TABLE, not_before=_NOT_SUFFIX_NEXT).finditer(text))
    return sorted(found + list(_named_suffix_regex().finditer(text)), key=lambda m: m.start())


def _placed_or_branded(text: str, start: int, suffix_start: int) -> bool:
    """A place opens the name, or its brand is a word the dictionary does not know (某某心理诊所)."""
    chain_end = gazetteer.match_place_chain(text, start, suffix_start)
    return chain_end > start or has_unknown_word(without_parentheses(text[start:suffix_start]))


def listed_as_project(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start``-``end`` is an item of a list closed as projects (甲、某某中学、
    乙4个项目): after a list separator or opening the list, with the closer in the same clause."""
    in_list = start > 0 and text[start - 1] in "、和及与" or text.startswith(("、", "和", "及", "与"), end)
    return in_list and _LISTED_AS_PROJECT.match(text, end, end + 120) is not None


def _is_org_name(text: str, start: int, suffix_start: int) -> bool:
    chain_end = gazetteer.match_place_chain(text, start, suffix_start)
    brand = without_parentheses(text[chain_end:suffix_start])
    if not brand:
        return chain_end > start
    if brand in load_set("enterprise_generic.txt") or _GENERIC.fullmatch(brand) or _RANK.search(brand) \
            or "某" in brand:
        return False
    if chain_end > start:  # 重庆能源职业学院: a place and any field
        return True
    # Without a place a bare field is no name (产业研究院), a field with a name is (钢铁研究总院).
    return len(brand) >= 2 and brand not in load_set("project_generic.txt")


#: Chambers of commerce of natives of one place in another (某市浙江商会): the place of the
#: natives is inside the name.
_CHAMBERS = ("商会", "总商会")


@lru_cache(maxsize=1)
def _division_last_chars() -> frozenset[str]:
    """The last characters of a division's name (某某市, 某某县; kg/data/division_endings.txt): what ends
    there is a place, known or not."""
    return frozenset(ending[-1] for ending in load_lines("division_endings.txt"))


def _start_at_inner_place(text: str, start: int, suffix_start: int) -> int:
    """``记者 刘某某璧山区融媒体中心``, ``某某开发区甘肃某某院``: a full county/city name or a
    province a few characters into the phrase, after something that is not a place,
    starts the name; not in a chamber after a division's name (某某市|浙江商会)."""
    parks = suffix_table("park_suffixes.txt")
    chamber = text.startswith(_CHAMBERS, suffix_start)
    for k in range(start + 2, suffix_start):
        if k >= start + 5 and not any(text.endswith(w, start, k) for w in parks):
            continue  # further in, only right after a park's name (某某经济开发区|某省某某院)
        if chamber and text[k - 1] in _division_last_chars():
            continue
        end = gazetteer.match_place(text, k)
        entry = gazetteer.lookup(text[k:end]) if end > k else None
        if entry and (entry.level == gazetteer.PROVINCE or entry.level in (gazetteer.CITY, gazetteer.COUNTY)
                      and not entry.is_short) and gazetteer.match_place_chain(text, start, k) == start \
                and not any(text.endswith(w, start, k) for w in suffix_table(_TABLE)):
            return k  # (某某大学|天津某某实验室: the lab of a university keeps it)
    return start


#: The bar of a credit line (来源丨某某日报, 某某融媒丨编辑): a CJK character, so the left boundary
#: crosses it, but it separates the credit word from the outlet's name.
_CREDIT_BAR = "丨"


def _after_credit_bar(text: str, start: int, suffix_start: int) -> int:
    """Where the name starts after the last credit bar between ``start`` and its suffix."""
    return text.rfind(_CREDIT_BAR, start, suffix_start) + 1 or start


def _across_conjunction(text: str, start: int, suffix_start: int) -> int:
    """``某某半导体材料与技术研究院``: a name cut at 与/和 whose part after it names
    nothing (技术研究院) runs across it when the part before holds a word of its own;
    ``甲区和乙市商会``: a body of two places does too."""
    if start < 3 or text[start - 1] not in "与和":
        return start
    before = left_boundary(text, start - 1, ORGANIZATION, max_len=15)
    first = text[before:start - 1]
    if len(first) >= 2 and has_unknown_word(first) and not gazetteer.is_place(first):
        return before
    # 甲区和乙市商会: a chamber or federation of two places
    two_places = gazetteer.match_place_chain(text, before, start - 1) == start - 1 > before \
        and gazetteer.match_place_chain(text, start, suffix_start) == suffix_start
    return before if two_places else start


@lru_cache(maxsize=None)
def _names_pattern(table: str) -> re.Pattern[str]:
    return re.compile(alternation_of(load_set(table)))


@lru_cache(maxsize=1)
def _outlet_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    heads = "|".join(sorted(load_set("media_heads.txt"), key=len, reverse=True))
    outlet = rf"[\u4e00-\u9fff][\u4e00-\u9fff+]{{0,6}}?(?:{heads})"
    # 某某网讯, and a wire's dateline with its place and day: 某某客户端兰州9月28日讯; or the
    # outlet opening the paragraph right before its reporter's bracket: 某某融媒（记者 某某）
    dateline = re.compile(rf"(?:^|(?<=\n))[ \t【]*((?:{outlet}[/·\-])*{outlet})"
                          r"(?:(?:[\u4e00-\u9fff]{2,4}?[0-9]{1,2}月[0-9]{1,2}日)?[讯电]|(?=[（(](?:记者|通讯员)))")
    cited = re.compile(rf"(?:据(?:[\u4e00-\u9fff]{{2,4}}媒体)?|来源[：:丨]|来源于|来自)(?:微信公众号|公众号)?(“)?({outlet})"
                       rf"(?(1)”|(?=[0-9]|消息|报道|[，,。丨|｜\s]|$))")
    # 某某客户端记者 王某, （某某在线编辑：某某）: an outlet credited with its reporter or editor
    roles = "|".join(sorted(load_set("byline_roles.txt"), key=len, reverse=True))
    credited = re.compile(rf"(?<![\u4e00-\u9fff])({outlet})(?={roles}|编辑[：:])")
    return dateline, cited, credited


#: ``某某新闻客户端讯``: the outlet is 某某新闻; 客户端 is the app it is read in.
_APP = "客户端"
#: 某某日报社全媒体记者: after a paper's name 全媒体 describes the reporter, it names no outlet.
_ROLE_MODIFIER = re.compile(r"[社报台]全媒体$")
#: 本报讯, 本网讯: the paper itself, unnamed.
_SELF = re.compile(r"本|我")


def _outlets(text: str) -> list[Mention]:
    out: list[Mention] = []
    dateline, cited, credited = _outlet_patterns()
    for m in dateline.finditer(text):
        pos = m.start(1)
        for part in re.split(r"[/·\-]", m.group(1)):
            name = part.removesuffix(_APP) if part.endswith("新闻" + _APP) else part
            if len(name) >= 3 and not _SELF.match(name):
                out.append(Mention(pos, pos + len(name), name, "Organization", "organizations.outlet", 0.75))
            pos += len(part) + 1
    for m in cited.finditer(text):
        if len(m.group(2)) >= 3 and not _SELF.match(m.group(2)):
            out.append(Mention(m.start(2), m.end(2), m.group(2), "Organization", "organizations.outlet", 0.7))
    for m in credited.finditer(text):
        if len(m.group(1)) >= 3 and not _SELF.match(m.group(1)) and not _ROLE_MODIFIER.search(m.group(1)):
            out.append(Mention(m.start(1), m.end(1), m.group(1), "Organization", "organizations.outlet", 0.7))
    return out


@in_squeezed_text
def recognize_organizations(text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in _suffix_matches(text):
        s, e = m.span()
        start = skip_leading_digits(text, left_boundary(text, s, ORGANIZATION, max_len=25), s)
        start = _start_at_inner_place(text, _after_credit_bar(text, start, s), s)
        if start < s and (not _is_org_name(text, start, s) or gazetteer.match_place_chain(text, start, s) == s):
            start = _across_conjunction(text, start, s)
        if start >= s or is_counted(text, start) or not _is_org_name(text, start, s) \
                or _BUILT_AS_PROJECT.match(text, e) or listed_as_project(text, start, e):
            continue
        if m.re is _named_suffix_regex() and not _placed_or_branded(text, start, s):
            continue  # 个体诊所, 产权交易所: a kind many share, no name
        out.append(Mention(start, e, text[start:e], "Organization", "organizations.suffix", 0.8))
    for m in _UNIT.finditer(text):
        s = m.start()  # 区人武部 after a boundary, not the tail of 南川区人武部
        if s and is_name_char(text[s - 1]) and not stop_ends_at(text, s, ORGANIZATION) and text[s] != "共":
            continue
        out.append(Mention(m.start(), m.end(), m.group(), "Organization", "organizations.unit", 0.85))
    for table, source in (("media.txt", "organizations.media"), ("international_organizations.txt", "organizations.international"),
                          ("national_institutions.txt", "organizations.national")):
        for m in _names_pattern(table).finditer(text):
            out.append(Mention(m.start(), m.end(), m.group(), "Organization", source, 0.8))
    return out + _outlets(text) + _party_committees(text) + _defined_short_names(text, out)


def _defined_short_names(text: str, found: list[Mention]) -> list[Mention]:
    """``某某大学（简称某大）``: a short name an institution is given, wherever it occurs."""
    names = {m.group(1) for m in (DEFINED_SHORT_NAME.match(text, o.end) for o in found if o.source == "organizations.suffix")
             if m and not gazetteer.is_place(m.group(1))}
    covered = SpanIndex(found)
    return [Mention(s, e, name, "Organization", "organizations.defined", 0.75)
            for name, spans in occurrences(text, names).items() for s, e in spans if not covered.containing(s, e)]


@lru_cache(maxsize=1)
def _party_committee_pattern() -> re.Pattern[str]:
    parties = "|".join(sorted(map(re.escape, load_set("democratic_parties.txt")), key=len, reverse=True))
    # 民建某某市委, and 九三学社市委 with the level word alone (the article's own city)
    return re.compile(rf"(?:{parties})(?:中央|(?P<place>[\u4e00-\u9fff]{{1,10}}?[省市区县州盟旗])"
                      r"(?:委员会|委会|委|总支|支部)|[省市区县州](?:委员会|委会|委))")


def _party_committees(text: str) -> list[Mention]:
    """``民建某某市委``, ``九三学社中央``, ``民盟市委``: a committee of a democratic party
    (``kg/data/democratic_parties.txt``) at the centre, of a place the gazetteer knows or
    of the article's own place, named by its level word."""
    out = []
    for m in _party_committee_pattern().finditer(text):
        place = m.span("place")
        if m.group("place") and gazetteer.match_place_chain(text, *place) != place[1]:
            continue
        out.append(Mention(m.start(), m.end(), m.group(), "Organization", "organizations.party", 0.85))
    return out
