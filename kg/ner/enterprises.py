"""Recognizer component: Enterprise mentions.

Five rules, each tagged in ``Mention.source``:
- ``enterprises.suffix``: a legal or business suffix (有限公司, 股份有限公司,
  有限责任公司, (普通合伙), 集团, 合作社, 银行 + 支行 ...) whose left boundary is
  found by ``kg.boundary``; the name must keep a brand of its own once
  places, industry words and generic words are set aside (not 该公司, 科技公司);
- ``enterprises.alias``: a short name defined by ``以下简称`` or reused later in
  the same document (重庆川仪精密机械有限公司 -> 川仪精密, 重庆金汇能), or its
  2-3 character trade name alone between boundaries or before a clause, also after
  its province or city (某某集团 ... 了解了某某在…, 某省某某通过…);
- ``enterprises.brand``: short names of large companies from the general
  lexicon ``kg/data/enterprise_brands.txt``;
- ``enterprises.brand_industry``: a short name written as an unknown brand and
  an industry word between boundaries (``、达迈科技合作``);
- ``enterprises.list``: short names in enumerations that the text itself says
  are companies (``甲、乙等龙头企业``, ``甲、乙等电气行业“巨头”``, ``引进甲、乙等``;
  a phase ends a project, not the company: ``甲三期`` gives 甲) or that list them
  with full, field-named or lexicon company names (``某某有限公司、甲、乙``, ``甲轮胎、乙``,
  ``甲石化、某某化学``); kinds of companies (独角兽, 专精特新) are no items, and a county
  before a short name only locates it (``某某县甲棉业`` gives 甲棉业).
Verbs and adverbs in front of 公司/集团 that the stop list lacks (坚决服从某某集团)
are dropped by their dictionary tags when the rest is still a name.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

from kg import gazetteer, person_names
from kg.lexicon import alternation, alternation_of, load_set
from kg.model import Mention
from kg.boundary import (DEFINED_SHORT_NAME, ENTERPRISE, in_squeezed_text, is_name_char, left_boundary,
                          skip_leading_digits, stop_ends_at, stop_starts_at, suffix_regex, suffix_table, trim_place_prefix,
                          without_parentheses)
from kg.vocabulary import has_unknown_word, is_word, starts_with_proper_noun, word_tag, words
from kg.spans import GrowingSpanIndex, Runs, SpanIndex, list_matches, occurrences

_STRONG = r"股份有限公司|有限责任公司|有限公司|股份公司|集团公司|总公司"
#: 控股 before a legal suffix or 集团 is part of the name (某某控股集团有限公司), though a
#: verb elsewhere ("holds"): the suffix patterns below take it in, so the stop list cannot cut there.
_PARTNERSHIP = r"[（(](?:普通合伙|有限合伙)[）)]"
#: The first characters of the suffixes below: looking ahead for one lets the engine pass over other
#: positions at once (the optional 控股 and （集团） keep it from doing so itself).
_SUFFIX_FIRSTS = "控（(集股有总经专合公银研"
_SUFFIX = re.compile(
    rf"(?=[{_SUFFIX_FIRSTS}])(?P<strong>(?:控股)?(?:[（(]集团[）)]|集团)?(?:{_STRONG})(?:{_PARTNERSHIP})?|{_PARTNERSHIP})"
    r"|(?P<coop>股份经济合作联合社|经济合作联合社|专业合作联合社|合作联合社|股份合作社|专业合作社|合作社)"
    r"|(?P<company>公司)"
    r"|(?P<group>(?:控股)?集团)(?![军化式])"
    r"|(?P<bank>银行)"
    r"|(?P<institute>(?<=科技)研究所)"
)
_BRANCH = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:支行|分行|营业部)")
#: A company's branch office at a place, written after its full name (某某有限公司某市分公司).
_BRANCH_OFFICE = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:分公司|子公司)")
_LIST_ITEM = r"[\u4e00-\u9fffA-Za-z0-9（）()]{2,10}"
_LIST_BEFORE_KIND = re.compile(
    rf"((?:{_LIST_ITEM}、)*{_LIST_ITEM})等(?:[0-9]+余?[家个])?(?:一批|多家)?"
    r"(?:龙头|重点|骨干|链主|头部|知名|优质|领军|上下游|配套|规上|科技型|高新技术|行业|头部"
    r"|外资|外商投资|民营|国有|央|中外|台资|港资|世界500强|500强)?"
    r"(?:企业|公司|厂商|车企|药企|央企|国企|民企|外企|市场主体)"
)
#: ``甲、乙等电气行业“巨头”``: leaders of an industry are companies.
_LIST_OF_LEADERS = re.compile(rf"((?:{_LIST_ITEM}、)+{_LIST_ITEM})等(?:多个|[\u4e00-\u9fff]{{2}})?行业[“\"]?(?:龙头|巨头)")
#: Items of a counted list: no digits (the count follows), not ending in 等 (甲等10家 is
#: _LIST_BEFORE_KIND's) nor in a conjunction (甲、乙与10家企业签约: the companies are unnamed).
_COUNTED_ITEM = r"[\u4e00-\u9fffA-Za-z（）()]{2,10}(?<![等近约余多与和及同跟])"
#: ``走访甲、乙、丙9家重点企业``: a list counted as companies names them even without 等.
_LIST_COUNTED = re.compile(
    rf"((?:{_COUNTED_ITEM}、)+{_COUNTED_ITEM})(?:[0-9]+|[两三四五六七八九十]+)[家个]"
    r"(?:龙头|重点|骨干|链主|头部|知名|优质|领军|配套|规上|科技型|高新技术)?(?:企业|公司)"
)
#: ``4家企业（甲、乙、丙）``: companies counted, then named in brackets.
_LIST_IN_BRACKETS = re.compile(
    rf"(?:[0-9]+|[两三四五六七八九十]+)[家个](?:[\u4e00-\u9fff]{{0,4}})?(?:企业|公司)[（(]((?:{_COUNTED_ITEM}、)+{_COUNTED_ITEM})[）)]")
#: ``为甲、乙(等企业)提供…``: the companies a service is given to.
_LIST_SERVED = re.compile(
    rf"为((?:{_LIST_ITEM}、)+{_LIST_ITEM}?)(?:等(?:[0-9]+家)?(?:企业|公司)?)?(?:提供|量身|解决|办理)")
_LIST_AFTER_VERB = re.compile(rf"(?:引进|吸引|招引|引入|签约)(?:了)?((?:{_LIST_ITEM}、)+{_LIST_ITEM})等")
#: What the list patterns' matches are made of up to their closer, and each one's closer
#: (see kg.spans.list_matches).
_LIST_ALPHABET = r"[\u4e00-\u9fffA-Za-z0-9（）()、]"
_LISTS = ((_LIST_BEFORE_KIND, "等"), (_LIST_OF_LEADERS, "等"), (_LIST_AFTER_VERB, "等"),
          (_LIST_COUNTED, "[0-9两三四五六七八九十]"), (_LIST_IN_BRACKETS, "[）)]"), (_LIST_SERVED, "[等提量解办]"))
#: Counted or ordinal phrases: 一家化妆品公司, 第一家模具公司, 市属四个集团.
_COUNTED = re.compile(r"第?[0-9一二两三四五六七八九十百几多]+[家个]|.*[0-9一二两三四五六七八九十百几多]+个")
#: Post titles: a list item holding one is a person (县委书记某某), not a company.
_TITLE_WORDS = re.compile(r"书记|主任|局长|市长|区长|县长|镇长|经理|董事长|总裁|主席|部长|厅长|委员|会长|秘书长"
                          r"|行长|院长|校长|所长|院士|教授|专家|研究员|工程师")
_KIND_WORDS = ("企业", "项目", "公司", "园区", "基地", "产业", "平台", "机构", "现场", "会场")

_CONFIDENCE = {"strong": 0.92, "coop": 0.9, "company": 0.8, "group": 0.8, "bank": 0.85, "institute": 0.8}


def _generic() -> frozenset[str]:
    return load_set("enterprise_generic.txt")


@lru_cache(maxsize=1)
def _industry_lengths() -> tuple[frozenset[str], tuple[int, ...]]:
    words = load_set("industry_words.txt")
    return words, tuple(sorted({len(w) for w in words}, reverse=True))


def strip_industry(core: str) -> str:
    """``川仪精密机械`` -> ``川仪``: drop industry words from the right, longest first."""
    words, lengths = _industry_lengths()
    changed = True
    while changed and core:
        changed = False
        for n in lengths:
            if len(core) > n and core[-n:] in words:
                core, changed = core[:-n], True
                break
            if len(core) == n and core in words:
                return ""
    return core


def strip_one_industry_word(core: str) -> str:
    """``金汇能新材料`` -> ``金汇能``: the longest industry word ending ``core``, removed."""
    words, lengths = _industry_lengths()
    for n in lengths:
        if len(core) > n and core[-n:] in words:
            return core[:-n]
    return core


def place_chain_end(text: str, start: int, end: int) -> int:
    """End of the run of place names a company name starts with (``重庆市江津区``).

    Only the first may be a short form, and only of a province, city or country
    (重庆, 北京): county short forms are too often part of a brand (龙文)."""
    i = start
    while i < end:
        j = gazetteer.match_place(text, i, allow_short=(i == start))
        if j == i or j > end:
            break
        entry = gazetteer.lookup(text[i:j])
        if entry and entry.is_short and entry.level == gazetteer.COUNTY:
            break
        i = j
    return i


def _brand(text: str, start: int, core_end: int) -> str:
    """The name part that is neither place, nor parenthesised place."""
    brand = text[place_chain_end(text, start, core_end):core_end]
    return without_parentheses(brand)


def _is_name(brand: str, strong: bool) -> bool:
    if len(brand) < 2 or brand in _generic() or brand.isdigit() or _COUNTED.match(brand):
        return False
    if strong:
        return True
    if brand in load_set("industry_words.txt"):
        return False
    rest = strip_industry(brand)
    return len(rest) >= 2 and rest not in _generic()


def _across_brand_de(text: str, start: int) -> int:
    """``湖北美的某某电器有限公司``: the name stopped at 的, but 的 is the second
    character of a brand word (美的) right after a place at a boundary, so the
    name goes back to that place."""
    de = start - 1
    if de < 2 or text[de] != "的":
        return start
    phrase = left_boundary(text, de, ENTERPRISE, max_len=8)
    place_end = place_chain_end(text, phrase, de)
    if place_end > phrase and de - place_end == 1 and is_word(text[place_end:de + 1]):
        return phrase
    return start


#: Dictionary tags of the words that open a clause before a company's name: verbs, adverbs
#: and verbal nouns (研究|解决某某集团).
_CLAUSE_OPENING_TAGS = frozenset({"v", "d", "ad", "vn"})
#: Single characters that complete a verb with its result (服务好, 引进到, 做大).
_RESULT_COMPLEMENTS = frozenset("好到完出给住大强")


def _after_clause_words(text: str, start: int, suffix_start: int) -> int:
    """``坚决服从某某集团``, ``研究解决某某集团``: verbs and adverbs the stop list lacks open
    the clause, not the name; they are skipped when what remains is still a name (not
    创新|科技集团).  A trade name may itself be a verb (希望|兴发集团): the longest run of
    clause words that leaves a name is skipped."""
    if gazetteer.match_place(text, start) > start:
        return start
    ends = []
    pos = start
    for token in words(text[start:suffix_start]):
        if ends and token in _RESULT_COMPLEMENTS:
            pos += 1  # 服务好|某某集团: a verb's result is the clause's too
            ends.append(pos)
            break
        if len(token) < 2 or word_tag(token) not in _CLAUSE_OPENING_TAGS:
            break
        pos += len(token)
        ends.append(pos)
    for end in reversed(ends):
        if _is_name(_brand(text, end, suffix_start), strong=False):
            return end
    return start


#: Prepositions and conjunctions that the stop list leaves to names (大为, 和美), but that
#: open no name when a place follows them.
_FUNCTION_CHARS = "为向对给从由被把将让在与和及并"


#: Prepositions that open a clause before a company's name (向/对/给/为某某集团).
_PREPOSITIONS = "向对给为把被让从"


def _after_function_char(text: str, start: int, suffix_start: int) -> int:
    """``专家为某市某某有限公司``: a preposition (not the end of a word: 华为) right before
    the place that opens the name ends the phrase before the name; so does a preposition
    opening the phrase (向某某集团), unless it starts a word (向阳, 为民)."""
    for k in range(start, min(start + 4, suffix_start)):
        if text[k] in _FUNCTION_CHARS and place_chain_end(text, k + 1, suffix_start) > k + 2 \
                and not (k > start and is_word(text[k - 1:k + 1])):
            return k + 1
    if text[start] in _PREPOSITIONS and suffix_start - start >= 3 and not is_word(text[start:start + 2]):
        return start + 1  # 向某某集团学习: the preposition is no part of 某某 (向阳, 为民 are words)
    return start


def _after_function_word(text: str, start: int, end: int) -> int:
    """``平台为某某科技``: a word and a preposition the stop list leaves to names open the
    phrase; the name starts after the preposition (not in 华为, a word of its own)."""
    for p in range(start + 1, end - 2):
        if text[p] in _FUNCTION_CHARS and is_word(text[start:p]) and not is_word(text[p - 1:p + 1]):
            return p + 1
    return start


#: One-character stops (adverbs, determiners) that may also open a trade name right after a place
#: (某省正某某机械有限公司, 渝每某公司), unlike prepositions and verbs, which follow a place as a subject.
_STOPS_IN_TRADE_NAMES = "正每各此其即又还就已也如"
_PLACE_ABBREVIATIONS = "province_abbreviations.txt"


def _across_stop_after_place(text: str, start: int, suffix_start: int) -> int:
    """``深入某省正某某机械有限公司``: the name stopped at a one-character adverb or determiner,
    but a province or city (or its one-character abbreviation: 渝) stands right before it at
    the opening of the phrase, and what follows is a name the dictionary does not know: the
    character is the trade name's first (not a word's: 已有), and the name starts at the place."""
    stop = start - 1
    if stop < 1 or text[stop] not in _STOPS_IN_TRADE_NAMES or stop_ends_at(text, start, ENTERPRISE) != 1 \
            or not has_unknown_word(text[stop:suffix_start]) or len(words(text[stop:suffix_start])[0]) > 1:
        return start  # 某省已有|某某公司: the adverb is a word's, not a name's
    place = _province_or_city_before(text, stop)
    if place == stop and text[stop - 1] in load_set(_PLACE_ABBREVIATIONS):
        place = stop - 1
    return place if place < stop and _opens_phrase(text, place) else start


def _across_own_park_word(text: str, start: int, suffix_start: int, kind: str) -> int:
    """``某某产业园有限公司``: a zone's word (产业园, 开发区) ends the phrase before a company's
    name (某某工业园区蓝石集团), but right before a legal suffix it is the company's own word:
    the company runs the zone, and the name goes on to the left of it."""
    n = stop_ends_at(text, suffix_start, ENTERPRISE) if start == suffix_start and kind == "strong" else 0
    if n and suffix_regex("park_suffixes.txt").fullmatch(text, suffix_start - n, suffix_start):
        return left_boundary(text, suffix_start - n, ENTERPRISE, max_len=25)
    return start


@lru_cache(maxsize=1)
def _company_kinds() -> re.Pattern[str]:
    """A run of the kinds and ranks of companies in ``kg/data/company_kinds.txt``."""
    return re.compile(f"(?:{alternation('company_kinds.txt')})+")


def _after_company_kind(text: str, start: int, suffix_start: int) -> int:
    """``央企某某集团``, ``世界500强某某集团``: kinds and ranks of companies before a name
    describe it; the name starts after them when what remains is still one."""
    m = _company_kinds().match(text, start, suffix_start)
    if m and _is_name(_brand(text, m.end(), suffix_start), strong=False):
        return m.end()
    return start


#: A lettered or numbered area of a park before a company in it (某某产业园E区|某某有限公司).
_AREA_LABEL = re.compile(r"[A-Za-z0-9]{1,2}区")


def _after_area_label(text: str, start: int, suffix_start: int) -> int:
    m = _AREA_LABEL.match(text, start, suffix_start)
    return m.end() if m else start


def _suffix_mentions(text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in _SUFFIX.finditer(text):
        kind = m.lastgroup or "company"
        s, e = m.start(), m.end()
        start = _across_own_park_word(text, left_boundary(text, s, ENTERPRISE, max_len=25), s, kind)
        start = _across_stop_after_place(text, start, s)
        start = skip_leading_digits(text, start, s)
        start = _after_area_label(text, start, s)
        start = trim_place_prefix(text, _across_brand_de(text, start), s)
        start = _after_function_char(text, start, s)
        if start >= s:
            continue
        if kind in ("company", "group"):
            start = _after_clause_words(text, start, s)
        start = _after_company_kind(text, start, s)
        brand = _brand(text, start, s)
        # 甘肃电气装备集团: a provincial/city group named by place + industry is a name.
        placed_group = kind == "group" and place_chain_end(text, start, s) > start and len(brand) >= 2
        if not (_is_name(brand, strong=kind in ("strong", "coop", "bank")) or placed_group):
            continue
        conf = _CONFIDENCE[kind]
        out.append(Mention(start, e, text[start:e], "Enterprise", f"enterprises.suffix.{kind}", conf))
        office = _BRANCH_OFFICE.match(text, e) if kind == "strong" else None
        if office and gazetteer.match_place_chain(text, e, office.end(1)) == office.end(1):
            # 某某股份有限公司某市分公司: the branch office of a company named in full
            out.append(Mention(start, office.end(), text[start:office.end()], "Enterprise",
                               "enterprises.suffix.branch_office", conf))
        if kind == "bank":
            branch = _BRANCH.match(text, e)
            if branch:
                out.append(Mention(start, branch.end(), text[start:branch.end()], "Enterprise",
                                   "enterprises.suffix.bank_branch", conf))
    return out


def short_name_candidates(text: str, full: Mention) -> list[str]:
    """Short forms a document may use for a full company name, longest first."""
    suffix = _SUFFIX.search(full.text)
    if not suffix or suffix.lastgroup not in ("strong", "company"):
        return []
    core_end = full.start + suffix.start()
    chain_end = place_chain_end(text, full.start, core_end)
    place = text[full.start:chain_end]
    brand = without_parentheses(text[chain_end:core_end])
    forms: list[str] = []
    for core in (brand, strip_one_industry_word(brand)):
        if len(core) >= 3 and core not in _generic() and not gazetteer.is_place(core):
            if strip_industry(core):  # 电气装备 alone is a field, 甘肃电气装备 a name
                forms.append(core)
            if place:
                forms.append(place + core)
    trade = brand[:2]
    if "股份" in suffix.group() and len(brand) >= 4 and _CJK_ONLY.fullmatch(trade) and trade not in _generic() \
            and not gazetteer.is_place(trade) and strip_industry(trade) == trade:
        forms.append(trade + "股份")  # 某某食品股份有限公司 -> 某某股份, as listed companies are called
    return sorted(set(forms), key=len, reverse=True)


def _unknown_trade_name(head: str) -> bool:
    """Two or three characters the dictionary cannot read as its own words (某|某), or three
    it reads as one character and a word but not as one word (利|安达, not 希望)."""
    pieces = words(head)
    if all(len(w) == 1 for w in pieces):
        return has_unknown_word(head)
    return len(head) == 3 and not is_word(head) and any(len(w) == 1 for w in pieces)


def _trade_name(text: str, full: Mention) -> str:
    """The trade name a company's full name opens with, 2-3 characters the dictionary
    does not know (某某 of 某某通信线缆股份有限公司, of 某某集团), "" if the brand is no
    longer than that or opens with a word."""
    suffix = _SUFFIX.search(full.text)
    if not suffix or suffix.lastgroup not in ("strong", "company", "group"):
        return ""
    core_end = full.start + suffix.start()
    brand = without_parentheses(text[place_chain_end(text, full.start, core_end):core_end])
    word_ends = set(accumulate(len(w) for w in words(brand)))
    for n in (3, 2):
        head = brand[:n]
        if n not in word_ends:
            continue  # 某某|精密机械: the trade name ends where a word of the brand does
        if len(brand) >= n and _CJK_ONLY.fullmatch(head) and _unknown_trade_name(head) \
                and not gazetteer.is_place(head) and head not in _generic() \
                and not any(head.startswith(w) for w in load_set("industry_words.txt")):
            return head
    return ""


def _opens_phrase(text: str, s: int) -> bool:
    """Whether punctuation or a stop word stands right before ``s``."""
    return s == 0 or not is_name_char(text[s - 1]) or bool(stop_ends_at(text, s, ENTERPRISE))


def _opens_after_place(text: str, s: int) -> bool:
    """Whether punctuation, a stop word or a place's name stands right before ``s``."""
    window = text[max(0, s - 8):s]
    return _opens_phrase(text, s) or gazetteer.ends_with_place(window, allow_short=False) < len(window)


def stands_alone(text: str, s: int, e: int) -> bool:
    """A short name between boundaries: punctuation or a stop word on its left, and on its
    right punctuation, a stop word or a place (某某在…, 让某某北京工厂…)."""
    left = _opens_phrase(text, s)
    if suffix_regex("park_suffixes.txt").match(text, e):
        return False  # 某某新区: the name of a zone
    right = e == len(text) or not is_name_char(text[e]) or stop_starts_at(text, e, ENTERPRISE) \
        or gazetteer.match_place(text, e, allow_short=False) > e
    return bool(left and right)


def _trade_name_mentions(text: str, fulls: list[Mention], taken: list[Mention]) -> list[Mention]:
    """A company named later by its trade name alone (某某通信线缆股份有限公司 ... 某某在…)."""
    out: list[Mention] = []
    covered = SpanIndex(fulls + taken)
    names = {_trade_name(text, full) for full in fulls} - {""}
    found = occurrences(text, names)
    for name in names:
        for s, e in found[name]:
            if covered.containing(s, e):
                continue
            place = _province_or_city_before(text, s)
            if stands_alone(text, place, e) or _clause_follows(text, e) and (place < s or _opens_phrase(text, s)):
                out.append(Mention(place, e, text[place:e], "Enterprise", "enterprises.alias.trade_name", 0.6))
    return out


#: Lengths of the province and city names looked for before a trade name (安徽, 黑龙江省).
_PLACE_LENGTHS = (4, 3, 2)


def _province_or_city_before(text: str, s: int) -> int:
    """Start of a province or city written right before ``s`` (某省|某某 as the press writes a
    company by its trade name), ``s`` if none."""
    for n in _PLACE_LENGTHS:
        if n <= s and gazetteer.match_place(text, s - n) == s:
            entry = gazetteer.lookup(text[s - n:s])
            if entry and entry.level in (gazetteer.PROVINCE, gazetteer.CITY):
                return s - n
    return s


def _alias_mentions(text: str, fulls: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    covered = GrowingSpanIndex()
    for full in fulls:
        covered.add(full)
    names: dict[str, str] = {}
    for full in fulls:
        defined = DEFINED_SHORT_NAME.match(text, full.end)
        if defined:
            names.setdefault(defined.group(1), "enterprises.alias.defined")
        for form in short_name_candidates(text, full):
            names.setdefault(form, "enterprises.alias.derived")
    found = occurrences(text, names)
    for form in sorted(names, key=len, reverse=True):
        for s, e in found[form]:
            if covered.containing(s, e):
                continue
            mention = Mention(s, e, form, "Enterprise", names[form], 0.75)
            covered.add(mention)
            out.append(mention)
    return out


@lru_cache(maxsize=1)
def _brand_pattern() -> re.Pattern[str]:
    return re.compile(alternation_of(load_set("enterprise_brands.txt")))


def brand_at(text: str, pos: int) -> int:
    """End of the lexicon brand starting at ``pos`` (``pos`` if none)."""
    m = _brand_pattern().match(text, pos)
    return m.end() if m else pos


def _brand_mentions(text: str, fulls: list[Mention]) -> list[Mention]:
    """Brand short names; inside a full name only when the brand is a full name
    itself (中国农业银行 in 中国农业银行某某支行, not 宗申 in 重庆宗申某某公司)."""
    out = []
    industry, _ = _industry_lengths()
    run_on: list[re.Match[str]] = []
    full_names = SpanIndex(fulls)
    for m in _brand_pattern().finditer(text):
        s, e = m.start(), m.end()
        if any((f.start, f.end) != (s, e) for f in full_names.containing(s, e)) \
                and not _SUFFIX.search(m.group()):
            continue
        if s > 0 and not _opens_phrase(text, s) and is_word(text[s - 1:s + 1]):
            continue  # a brand's first character ends a word: 强生 in 加强生态, 京东 in 北京东南
        # The brand must end there: 华为 in 华为云 is part of another name.
        if e < len(text) and is_name_char(text[e]) and not (
                text[e].isdigit() or stop_starts_at(text, e, ENTERPRISE) or gazetteer.match_place(text, e) > e
                or _SUFFIX.match(text, e) or _PHASE.match(text, e) or any(text.startswith(w, e) for w in industry)
                or _opens_phrase(text, s) and _clause_follows(text, e)):  # 某某化学丰富的…: a clause's subject
            run_on.append(m)
            continue
        out.append(Mention(s, e, m.group(), "Enterprise", "enterprises.brand", 0.7))
    # A brand the document already names cleanly (or as place + brand: 中国某汽) is that
    # brand wherever it recurs, also before other words (服务某汽初心).
    clean = {m.text for m in out}
    for m in run_on:
        if any(c == m.group() or c.endswith(m.group()) and gazetteer.is_place(c[:-len(m.group())]) for c in clean):
            out.append(Mention(m.start(), m.end(), m.group(), "Enterprise", "enterprises.brand", 0.65))
    return out


def _after_county(text: str, start: int, end: int) -> int:
    """``在某某县某某棉业``: a county (or county-level city or district) written in full
    before a short name locates the company; the short name starts after it.  Provinces
    and cities stay in it (某省某某电气), as they do in the full names."""
    j = gazetteer.match_place(text, start, allow_short=False)
    entry = gazetteer.lookup(text[start:j]) if start < j <= end - 2 else None
    return j if entry and entry.level == gazetteer.COUNTY else start


def _is_category(item: str) -> bool:
    """Whether ``item`` is a run of words that name kinds of companies (瞪羚专精特新小巨人)."""
    generic = _generic()
    lengths = sorted({len(w) for w in generic}, reverse=True)
    pos = 0
    while pos < len(item):
        n = next((n for n in lengths if item[pos:pos + n] in generic), 0)
        if not n:
            return False
        pos += n
    return True


def _list_item_ok(item: str) -> bool:
    """A short company name, not a place, a sector (商贸物流), a kind of company, a count or a
    person with a title."""
    if len(item) < 2 or gazetteer.is_place(item) or _is_category(item) or _COUNTED.match(item):
        return False
    if any(w in item for w in _KIND_WORDS) or item[0].isdigit() or "的" in item or _TITLE_WORDS.search(item):
        return False
    return len(strip_industry(item)) >= 2


_PHASE_END = re.compile(r"[0-9一二三四五六七八九十]+期$")


#: What follows a list of sectors or practices rather than of companies (甲、乙等战略性新兴产业,
#: 甲、乙等多个产业领域, 甲、乙等企业运营模式).
_SECTOR_AFTER = re.compile(r"[\u4e00-\u9fff]{0,5}?(?:产业|领域|行业|模式|业态|板块)")


#: What follows a list of projects rather than of companies (甲、乙等一批重大产业项目).
_PROJECTS_AFTER = re.compile(r"(?:[0-9]+个|[一二三四五六七八九十百]+[大个]|一批|多个)?"
                             r"(?:市级|省级|国家级|亿元以上|重要|重大|重点|产业|招商|战略性|新兴)*(?:项目|工程)")


#: Last words of sector names (数字经济, 现代物流, 文化旅游).
_SECTOR_HEADS = ("经济", "产业", "行业", "服务", "物流", "旅游", "制造", "商贸", "金融", "农业")


def _is_sector(item: str) -> bool:
    """A sector, not a company: dictionary words only, no proper noun, ending in a sector head."""
    return not has_unknown_word(item) and not starts_with_proper_noun(item) and item.endswith(_SECTOR_HEADS)


def _list_mentions(text: str) -> list[Mention]:
    out: list[Mention] = []
    runs = Runs(text, _LIST_ALPHABET)  # the same stretches for every list pattern
    for pattern, closer in _LISTS:
        for m in list_matches(pattern, runs, closer):
            if pattern is not _LIST_OF_LEADERS and _SECTOR_AFTER.match(text, m.end()):
                continue  # 甲、乙等产业领域, 甲、乙等企业运营模式: sectors and practices, no companies
            # 引进甲、乙等一批重大项目: projects (kg.ner.projects reads the list), but 甲三期 names its company
            projects_follow = pattern is _LIST_AFTER_VERB and _PROJECTS_AFTER.match(text, m.end()) is not None
            group_start = m.start(1)
            pos = group_start
            items = m.group(1).split("、")
            for k, item in enumerate(items):
                s, e = pos, pos + len(item)
                pos = e + 1
                if k == 0:  # the first item starts after the verb or phrase before it
                    s = _after_function_word(text, max(s, left_boundary(text, e, ENTERPRISE, max_len=10, floor=group_start)), e)
                    s = _after_clause_words(text, _after_function_char(text, s, e), e)  # 为|甲、邀请|甲、乙等企业
                    item = text[s:e]
                phase = _PHASE_END.search(item)
                if phase:  # 某某三期 in a list of projects: the phase's company
                    e, item = e - len(phase.group()), item[:-len(phase.group())]
                elif projects_follow:
                    continue
                if pattern is _LIST_SERVED and not _looks_like_brand(item) or _is_sector(item):
                    continue  # 为制造业、服务业提供…, 引进数字经济、现代物流等企业: sectors
                for s, e in _joined_items(text, s, e):
                    item = text[s:e]
                    if _list_item_ok(item) and not (pattern in (_LIST_COUNTED, _LIST_IN_BRACKETS) and _other_kind(item)):
                        s = _after_county(text, s, e)
                        out.append(Mention(s, e, text[s:e], "Enterprise", "enterprises.list", 0.65))
    return out


#: Two short names joined by a conjunction in one list item (甲机械和乙食品).
_JOINED_ITEM = re.compile(r"([\u4e00-\u9fff]{2,8}?)[和与及]([\u4e00-\u9fff]{2,8})")


def _joined_items(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The spans of the list item at ``s``-``e``: two when it joins two short names that each end
    in an industry word by 和/与/及 (甲机械和乙食品), else the item itself (中和科技 is one name)."""
    m = _JOINED_ITEM.fullmatch(text, s, e)
    if m and all(strip_industry(part) != part and len(strip_industry(part)) >= 2 for part in m.groups()):
        return [m.span(1), m.span(2)]
    return [(s, e)]


#: Endings of government bodies and institutions (治理中心, 农业农村委, 区人武部).
_BODY_ENDINGS = ("中心", "委", "局", "部", "办", "站", "所", "院", "会", "馆", "队", "室", "厅", "处", "校", "镇", "村",
                 "乡", "区", "园")
#: What ends an item of a list of companies.
_ITEM_CLOSERS = "、，,。；;等和与及"
_ITEM_END = re.compile(r"[^、，,。；;：:！!？?（）()“”\"\s…]{2,10}(?=[、，,。；;：:！!？?…\s]|等)")


def _other_kind(item: str) -> bool:
    """Whether a list item is named as something else (a university, a park, a project)."""
    suffixes = (*suffix_table("org_suffixes.txt"), *suffix_table("park_suffixes.txt"),
                *suffix_table("project_suffixes.txt"))
    return item.endswith(suffixes) or item.endswith(_BODY_ENDINGS)


def _looks_like_brand(item: str) -> bool:
    """A brand is a proper noun or a word the general dictionary does not know
    (北斗伏羲, 沃肯科技), unlike the common words of 人才培训, 管家服务."""
    return has_unknown_word(item) or starts_with_proper_noun(item)


#: ``某某集团与某某医疗的…``: a short name joined to a company's full name.
_JOINED_AFTER = re.compile(r"[与和及]([\u4e00-\u9fff]{3,8}?)(?=的|[、，,。；;]|等)")


def _joined_to_companies(text: str, fulls: list[Mention]) -> list[Mention]:
    """A trade name and its industry word joined by 与/和/及 right after a company named by
    its suffix (某某集团与某和医疗) is a company too: the trade name is a word the dictionary
    does not know, a proper noun, or a run of two or three single characters."""
    out = []
    for full in fulls:
        m = _JOINED_AFTER.match(text, full.end)
        if not m:
            continue
        item = m.group(1)
        trade = strip_industry(item)
        if trade == item or len(trade) < 2 or not _list_item_ok(item) or _other_kind(item):
            continue
        if _looks_like_brand(trade) or 2 <= len(trade) <= 3 and all(len(w) == 1 for w in words(trade)):
            out.append(Mention(m.start(1), m.end(1), item, "Enterprise", "enterprises.joined", 0.6))
    return out


#: Dictionary tags of verbs, which end a clause, not a list item (…、某某展览馆调研).
_VERB_TAGS = frozenset({"v", "vn"})


def _ends_in_verb(item: str) -> bool:
    return word_tag(words(item)[-1]) in _VERB_TAGS


def _list_neighbours(text: str, fulls: list[Mention]) -> list[Mention]:
    """Short names listed with full company names: ``某某有限公司、北斗某某、某某集团``."""
    out: list[Mention] = []
    for full in fulls:
        pos = full.end  # items after the full name
        while pos < len(text) and text[pos] == "、":
            m = _ITEM_END.match(text, pos + 1)
            if not m:
                break
            for s, e in _joined_items(text, m.start(), m.end()):  # 甲、乙机械和丙食品: two items
                item = text[s:e]
                if _list_item_ok(item) and not _other_kind(item) and _looks_like_brand(item) \
                        and not _SUFFIX.search(item) and not _ends_in_verb(item):
                    # 向某某集团学习: the suffix grammar reads that name; 甲、乙展览馆调研: the clause's verb
                    s = _after_county(text, s, e)
                    out.append(Mention(s, e, text[s:e], "Enterprise", "enterprises.list", 0.6))
            pos = m.end()
        pos = full.start  # items before it
        while pos > 0 and text[pos - 1] == "、":
            start = left_boundary(text, pos - 1, ENTERPRISE, max_len=10)
            item = text[start:pos - 1]
            if len(item) < 2 or not _opens_phrase(text, start):
                break  # no item, or one cut at the longest name read (…某某示范、): no name either
            if _list_item_ok(item) and not _other_kind(item) and _looks_like_brand(item):
                s = _after_function_word(text, _after_function_char(text, start, pos - 1), pos - 1)  # 中心为|甲
                s = _after_county(text, _after_clause_words(text, s, pos - 1),
                                  pos - 1)  # 为|甲、邀请|甲: the verb or preposition opening the list
                out.append(Mention(s, pos - 1, text[s:pos - 1], "Enterprise", "enterprises.list", 0.6))
            pos = start
    return out


#: A project phase after a company name: 华电一期气电工程.
_PHASE = re.compile(r"[0-9一二三四五六七八九十]+期")
#: What follows an industry word that names a park, not a company: (企业)孵化器, 产业园.
_HOSTED = re.compile(r"(?:企业)?(?:孵化|加速|众创|产业园|园)")
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


#: Dictionary tags of what follows a subject: verbs, adverbs, prepositions, conjunctions,
#: time words, adjectives (某某重工近年来…, 某某硅业相关负责人说, 某某化学丰富的…).
_CLAUSE_AFTER_TAGS = frozenset({"v", "d", "ad", "p", "c", "t", "a"})
#: Nouns of people acting for a company, after its name (某某药业负责人).
_AGENT_NOUNS = ("负责人", "董事长", "总经理", "总裁", "工作人员", "员工", "职工", "技术人员", "副董事长", "副总经理",
                "副总裁", "首席执行官", "党委书记")


#: Where a clause ends after a short name.
_CLAUSE_END = re.compile(r"[，,。；;：:！!？?、]")
#: How far a clause is read after a short name (bounded, so the scan stays linear).
_CLAUSE_WINDOW = 40


def _clause_follows(text: str, end: int) -> bool:
    """Whether a clause continues at ``end`` after a subject: a verb, adverb, preposition,
    conjunction or time word, or a person acting for it."""
    if text.startswith(_AGENT_NOUNS, end):
        return True
    clause = _CLAUSE_END.search(text, end, end + _CLAUSE_WINDOW)
    rest = text[end:clause.start() if clause else end + _CLAUSE_WINDOW]
    phrase = rest.split("的", 1)[0]  # 某某承建的某某大桥: a project after 的 is another phrase
    if any(suffix_regex(table).search(phrase) for table in ("project_suffixes.txt", "park_suffixes.txt")):
        return False  # 某某智能|制造产业园项目: the words run on into a project's or park's name
    head = words(rest[:4])
    return bool(head) and len(head[0]) >= 2 and word_tag(head[0]) in _CLAUSE_AFTER_TAGS \
        and head[0] not in _industry_lengths()[0]


#: Numerals, measure words and determiners: 单套模具, 每台设备 count things, they name no brand.
_QUANTIFIER_CHARS = "一二两三四五六七八九十百千万单双每各该本此这那某多几数整"


def _after_kind_noun(text: str, start: int, end: int) -> int:
    """``上市后备企业某某重工``: a phrase that ends in a kind of company (企业) before an
    unknown trade name describes it; the name starts after it."""
    k = text.rfind("企业", start, end)
    return k + 2 if k >= 0 and end - (k + 2) >= 2 else start


#: After a field word, words that make it a kind of company or a sector (人工智能企业, 食品产业).
_KIND_AFTER_FIELD = ("企业", "产业", "行业", "领域")


def _among_sectors(text: str, s: int, e: int) -> bool:
    """Whether the 、-list item ending at ``e`` has a neighbour made of dictionary
    words only that ends in a field word (生物制药, 新能源汽车零部件): a list of sectors."""
    neighbours = []
    if e < len(text) and text[e] == "、":
        m = _ITEM_END.match(text, e + 1)
        if m:
            neighbours.append(m.group())
    start = left_boundary(text, s, ENTERPRISE, max_len=5)
    if start > 0 and text[start - 1] == "、":
        before = left_boundary(text, start - 1, ENTERPRISE, max_len=10)
        neighbours.append(text[before:start - 1])
    industry = _industry_lengths()[0] | load_set("product_words.txt")
    return any(n and not has_unknown_word(n) and not starts_with_proper_noun(n) and not _other_kind(n)
               and any(n.endswith(w) for w in industry) for n in neighbours)


#: How many further 、-items are read to find where a list is closed (bounded: linear).
_LIST_LOOKAHEAD = 8


def _closes_sector_list(text: str, end: int) -> bool:
    """Whether the 、-list going on at ``end`` is closed as sectors (甲、乙等特色产业)."""
    pos = end
    for _ in range(_LIST_LOOKAHEAD):
        if text.startswith("等", pos):
            return _SECTOR_AFTER.match(text, pos + 1) is not None
        if not text.startswith("、", pos):
            return False
        m = _ITEM_END.match(text, pos + 1)
        if not m:
            return False
        pos = m.end()
    return False


@lru_cache(maxsize=1)
def _short_name_heads() -> re.Pattern[str]:
    """The industry words of ``kg/data/short_name_heads.txt`` that end short names (达迈科技)."""
    return re.compile(alternation("short_name_heads.txt"))


def _brand_industry_mentions(text: str, fulls: list[Mention]) -> list[Mention]:
    """Short names written as brand + industry word between boundaries
    (``与钢铁研究总院、达迈科技合作``): the brand must be 2-4 characters after a
    boundary and a word the general dictionary does not know (达迈, not 信息)."""
    out: list[Mention] = []
    full_names = SpanIndex(fulls)
    for m in _short_name_heads().finditer(text):
        s, e = m.span()
        if e < len(text) and is_name_char(text[e]) and (text[e] in "园区港城" or not (
                stop_starts_at(text, e, ENTERPRISE) or _clause_follows(text, e) or _PHASE.match(text, e))):
            continue  # not a name's end: 达迈科技 before 合作 or 、 yes, 甘眉工业 of 甘眉工业园区 no
        if _HOSTED.match(text, e) or text.startswith(_KIND_AFTER_FIELD, e):
            continue  # 某某科技企业孵化器 is a park named after its field; 人工智能企业 a kind of company
        if _among_sectors(text, s, e):
            continue  # 新能源汽车零部件、某某智能、生物制药: a list of sectors
        if _closes_sector_list(text, e):
            continue  # 现代农业、某某材料等特色产业: sectors
        start = _after_function_char(text, left_boundary(text, s, ENTERPRISE, max_len=5), s)  # 为|某某科技
        start = _after_clause_words(text, _after_kind_noun(text, start, s), s)  # 邀请|某某科技
        phrase = left_boundary(text, s, ENTERPRISE, max_len=9)
        county_end = _after_county(text, phrase, s)
        if county_end > phrase:  # 某某县某某药业: the county only locates the company
            start = max(start, county_end)
        brand = text[start:s]
        if not 2 <= len(brand) <= 4 or not _CJK_ONLY.fullmatch(brand) or gazetteer.is_place(brand) \
                or brand[0] in _QUANTIFIER_CHARS \
                or brand in _generic() or full_names.containing(start, e):
            continue
        own = text[gazetteer.match_place_chain(text, start, s):s]  # 江津规上工业: 规上 is no brand
        if own and _is_name(own, strong=False) and has_unknown_word(brand):
            out.append(Mention(start, e, text[start:e], "Enterprise", "enterprises.brand_industry", 0.55))
    return out


@lru_cache(maxsize=1)
def _top_post_regex() -> re.Pattern[str]:
    return re.compile(alternation("company_top_posts.txt"))


#: Punctuation a chain of posts is written after: a company named before a post opens there.
_POST_CHAIN_OPENERS = "、，,。；;：:\n（(“\" \u3000"
#: Words that qualify a post rather than name its company (荣誉董事长, 轮值总裁).
_POST_QUALIFIERS = re.compile(r"荣誉|名誉|终身|轮值|代理|临时|联席")
#: A name of letters, digits or Chinese characters (TCL, 三一).
_NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")


def company_before_post(text: str, post_start: int) -> int:
    """Start of a company written by a short name right before one of its top posts
    (``kg/data/company_top_posts.txt``) at ``post_start``: 某某检测总经理, 某某科技董事长,
    the name opening a phrase after punctuation; ``post_start`` if there is none.  Not a
    department, office or region (战略发展部总经理, 华东区总裁), a body or institution
    (某某研究院院长), a legal name (its suffix finds it), nor another post (董事长兼总经理)."""
    if not _top_post_regex().match(text, post_start):
        return post_start
    s = left_boundary(text, post_start, ENTERPRISE, max_len=10)
    if s > 0 and text[s - 1] not in _POST_CHAIN_OPENERS:
        return post_start  # 会见了|某某董事长: a verb's object, read by the other rules
    name = text[s:post_start]
    own = _brand(text, s, post_start)
    if len(own) < 2 or not _NAME_CHARS.fullmatch(name) or own in _generic() or own[0] in _QUANTIFIER_CHARS \
            or _other_kind(name) or _TITLE_WORDS.search(name) or _SUFFIX.search(name) or "的" in name:
        return post_start
    # a brand (a word the dictionary does not know) or a trade name and its industry word (某某检测);
    # not the words that qualify a post (现任, 首任, 荣誉) or name a party (外方, 合资方, 大股东)
    trade = strip_industry(own)
    if _POST_QUALIFIERS.fullmatch(own):
        return post_start
    return s if _looks_like_brand(own) or trade != own and len(trade) >= 2 else post_start


def _before_post_mentions(text: str, fulls: list[Mention]) -> list[Mention]:
    """A company named by a short name before its top post and the holder's name
    (``某某检测总经理张某、…``): ``enterprises.before_post``."""
    covered = SpanIndex(fulls)
    out: list[Mention] = []
    for m in _top_post_regex().finditer(text):
        if person_names.name_end(text, m.end()) == m.end():
            continue  # 董事长会议: no holder named
        s = company_before_post(text, m.start())
        if s < m.start() and not covered.containing(s, m.start()):
            out.append(Mention(s, m.start(), text[s:m.start()], "Enterprise", "enterprises.before_post", 0.6))
    return out


@in_squeezed_text
def recognize_enterprises(text: str) -> list[Mention]:
    fulls = _suffix_mentions(text)
    short = _brand_industry_mentions(text, fulls)
    brands = _brand_mentions(text, fulls)
    # Items of one list are judged alike: a brand next to a company named by its field or by the
    # lexicon is one too (a short name must be a whole item, not the owner opening a project's).
    # A brand inside a word (华为 in a person's name 许华为) is no item: it must open its phrase
    # or follow the place that locates it (某某区|某某食品).
    listed = fulls + [m for m in short + brands if _opens_after_place(text, m.start) and (
                      m.end == len(text) or text[m.end] in _ITEM_CLOSERS or _clause_follows(text, m.end))]
    found = (fulls + _alias_mentions(text, fulls) + brands + _list_mentions(text)
             + _list_neighbours(text, listed) + _joined_to_companies(text, fulls) + short)
    found += _before_post_mentions(text, fulls)
    return found + _trade_name_mentions(text, fulls, found)
