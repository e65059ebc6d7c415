"""Recognizer component: Project mentions (named projects, facilities, works).

A name ends in a suffix of ``kg/data/project_suffixes.txt`` (项目, 工程, 生产基地,
数字化车间, 大桥, 水库, 综合体 ...; a run such as 基地项目 is one suffix) and
starts after the nearest left boundary (``kg.boundary``, project scope):
punctuation, 的, 、, ：, verbs such as 推进/建设/实施, a date or a count, or the
legal suffix of the owning company (``某某有限公司新能源汽车轴生产数字化车间``).
Places and company short names in front stay in the name (潼南东兴大桥,
比亚迪刀片电池生产基地).  Generic phrases are rejected: what is left once
places, numbers and the generic words of ``kg/data/project_generic.txt`` are
removed must be a name (not 重点项目, 光伏项目, 该工程), and a bare 项目/工程
needs a proper part in front (a place, number, company, or a word jieba's
general dictionary does not know): 诚壹食品项目 yes, 文化旅游项目 no.
The company a project is named after is reported as a nested Enterprise
(``projects.owner``: 某某机械 of 某某机械智能搬运车辆项目, see ``_owner``; before
a production capacity, everything after the place: 某某新能源 of 某某新能源年产10GW...项目).
A works noun right before the suffix stays in the name (某某铁路建设项目); a phase
or anniversary alone (一期项目) and a category followed by its count (某某类项目3项)
name no project; a project inside a named park has a proper part.  In
``甲新城及乙项目`` the project starts after 及; a park followed by generic words
(某某新城重点产业项目) and a quoted honour (“某某基地”称号) are no projects.
Items the text lists as projects (``甲、乙等重点工程``) are projects too, with
the same tests (``projects.list``); so are China's national mega-projects by name
(``projects.national``: 南水北调东线).
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, chain

from kg import gazetteer
from kg.lexicon import alternation, alternation_of, load_set, load_table
from kg.model import Mention
from kg.boundary import (ENTERPRISE, PARK, PROJECT, in_squeezed_text, is_counted, is_name_char, left_boundary, opens_name,
                          skip_leading_digits, stop_ends_at, stop_starts_at, suffix_regex, suffix_table)
from kg.ner.enterprises import brand_at, place_chain_end, strip_industry
from kg.ner.parks import company_estate_end, is_park_name
from kg.vocabulary import has_unknown_word, is_word, leading_clause_words, proper_noun_tag, words
from kg.spans import Runs, SpanIndex, list_matches

_TABLE = "project_suffixes.txt"
#: 工程 in 工程师/工程院, 基地 in 基地化, 项目 in 项目部, 数据中心 in 数据中心集群: not the end of a project name.
_NOT_BEFORE = r"港|师|院|研究|化|部|组|办|处|经理|负责人|单位|中心|技术|所在|机械|股份|有限|公司|咨询|设备|集群"
#: A company's legal suffix ends the phrase before its project.
_COMPANY_END = re.compile(r"公司|[（(](?:普通|有限)合伙[）)]")
#: A legal company name (not a bare 公司: 目前公司一期项目) ends right before its project.
_LEGAL_NAME_END = re.compile(r"(?:有限公司|有限责任公司|股份公司|[（(](?:普通|有限)合伙[）)])$")
#: Characters before a name's end that hold any match of _LEGAL_NAME_END: the search looks there only.
_LEGAL_NAME_REACH = 16
#: The rest of a legal company name after its short form (某某新材料|科技有限公司): at most
#: _LEGAL_GAP characters, then a legal suffix.
_LEGAL_SUFFIX = re.compile(r"有限公司|有限责任公司|股份公司")
_LEGAL_GAP = 6
_HANZI = re.compile(r"[\u4e00-\u9fff]")
#: The longest short form looked up (a project's name up to its suffix is shorter).
_SHORT_FORM_REACH = 40
#: Marks of a named project inside X of X项目: numbers, Latin, quotes, phases, companies.
_PROPER_MARK = re.compile(r"[0-9A-Za-z“”\"（）()·]|[一二三四五六七八九十]期|集团|公司")
#: Suffixes that name a project only with a proper part in front (see _has_proper_part).
_BARE = {"项目", "工程"}
#: 工程 is also a word inside names (工程疫苗, 工程机械).
_WORKS_WORD = "工程"
#: 第三批项目, 第五家基地: an ordinal counts projects, it names none.
_ORDINAL = re.compile(r"第[0-9一二三四五六七八九十百]+[批家个期项座条]")
#: 两大重点项目, 一老工业基地: a count of kinds (两大, 一老一新) names no project.
_QUANTIFIED = re.compile(r"[一二两三四五六七八九十几多]+[大老]")
#: 某镇两大产业项目, 经开区三大主导产业项目: after a place too, a count of kinds names none
#: (三大道, 五大桥 are names).
_KINDS_COUNTED = re.compile(r"[两三四五六七八九十]大(?![道桥街厦湾楼坝院])")
_NUMBERS = re.compile(r"[一二三四五六七八九十]+大|[0-9一二三四五六七八九十]+(?:期|周年)"
                      r"|[0-9.]+(?:万|亿)?(?:吨|千瓦|兆瓦|MW|GW|GWh|亩|平方米|公里|千米|米|座|台|套|条|个|项|期)?")


@lru_cache(maxsize=1)
def _generic_lengths() -> tuple[frozenset[str], tuple[int, ...]]:
    words = load_set("project_generic.txt")
    return words, tuple(sorted({len(w) for w in words}, reverse=True))


def _specific_part(core: str) -> str:
    """What is left of ``core`` without place names (starting a word), numbers and generic words.
    County short forms stay: 潼南东兴大桥, 双江航电枢纽工程 are named after places."""
    generic, lengths = _generic_lengths()
    lengths = tuple(n for n in lengths if n > 1)  # 大 of 大佛湾 stays; a lone 大 goes below
    core = _NUMBERS.sub("", core)
    word_starts = set(accumulate((len(w) for w in words(core)), initial=0))
    out, i = [], 0
    while i < len(core):
        # a place only where a word starts: 佛山 is no place in 金佛山水利
        j = gazetteer.match_place(core, i) if i in word_starts else i
        entry = gazetteer.lookup(core[i:j]) if j > i else None
        if entry and not (entry.is_short and entry.level == gazetteer.COUNTY):
            i = j
            continue
        for n in lengths:
            if core[i:i + n] in generic:
                i += n
                break
        else:
            out.append(core[i])
            i += 1
    rest = "".join(out)
    return "" if rest in generic else rest


#: A phase or bracketed note written after a name's head (某某中心二期, 某某园(一期)).
_HEAD_TRAILER = re.compile(r"(?:[（(][^（）()]*[）)]|[0-9一二三四五六七八九十]+期)+$")
#: Of the places a head is written in the tuning texts, the least share that ends a gold
#: Project for the head to name one by itself (生产, 建设, 示范 end projects in lists, but are
#: mostly common words: 3 of 109, 2 of 274, 2 of 34; 中心 11 of 45, 基地 20 of 50).
_HEAD_NAMING_SHARE = 0.12


@lru_cache(maxsize=1)
def _project_heads() -> frozenset[str]:
    """Heads (last two characters) that name a Project in a place the text designates as one:
    of ``kg/data/name_head_types.tsv`` (learned from the tuning gold by
    benchmarks/project_heads.py), those the gold makes a Project at least twice, more often
    than any other type, and in at least _HEAD_NAMING_SHARE of the places they are written."""
    heads = set()
    for head, project, *others, none in load_table("name_head_types.tsv"):
        n, rest = int(project), [int(x) for x in others]
        if n >= 2 and n > max(rest) and n >= _HEAD_NAMING_SHARE * (n + int(none)):
            heads.add(head)
    return frozenset(heads)


def _has_project_head(name: str) -> bool:
    """Whether ``name`` (a phase or note after it allowed) ends in a head of ``_project_heads``:
    某某创新中心, 某某电商小镇; not 数字经济, 动物饲料生产."""
    return _HEAD_TRAILER.sub("", name)[-2:] in _project_heads()


def _has_proper_part(core: str) -> bool:
    """Whether a bare ``X项目``/``X工程`` names something: X holds a place, a
    number, a Latin or quoted part, a phase, a company, or a word unknown to a
    general dictionary (诚壹食品项目), rather than only common words (观摩项目,
    产业发展类项目, 文化旅游项目)."""
    if _PROPER_MARK.search(core) or owner_brand(core) or brand_at(core, 0) > 0 or _opens_with_trade_name(core):
        return True
    park = suffix_regex("park_suffixes.txt").search(core)
    if park and is_park_name(core, 0, park.start()):
        return True  # a project in or building a named park: 某某产业园无人机制造中心项目, 某某产业园项目
    i = 0
    while i < len(core):
        j = gazetteer.match_place(core, i)
        if j > i:
            return True
        i += 1
    return has_unknown_word(core)


def _opens_with_trade_name(core: str) -> bool:
    """Whether ``core`` opens with a word the dictionary tags as another proper noun
    or an organization's name (a brand: 某田燃料电池...), not a place or a person."""
    tokens = words(core)
    return len(tokens) > 1 and len(tokens[0]) >= 2 and proper_noun_tag(tokens[0]) in ("nz", "nt") \
        and tokens[0] not in _generic_lengths()[0]


def _after_company(text: str, end: int, window: int = 30) -> int:
    """End of the last company legal suffix shortly before ``end`` (0 if none)."""
    last = 0
    for m in _COMPANY_END.finditer(text, max(0, end - window), end):
        last = m.end()
    return last


_LIST_ITEM = r"[\u4e00-\u9fffA-Za-z0-9\u2160-\u216b（）()·.\-—]{2,20}"
#: ``甲、乙等重点工程``, ``甲等16个项目``: the text says the listed items are projects.
#: Words qualifying the projects a list is closed by (甲、乙等40个在建项目, 甲和乙2个重点项目).
_LISTED_QUALIFIERS = r"(?:市级|省级|国家级|亿元以上|重要|重大|重点|精品|民生|产业|招商|战略性|新兴|在建|新建|新上|新开工|续建|签约)*"
_LIST_OF_PROJECTS = re.compile(
    rf"((?:{_LIST_ITEM}、)*{_LIST_ITEM})等(?:[0-9]+个|[一二三四五六七八九十百]+[大个]|一批|多个)?"
    rf"{_LISTED_QUALIFIERS}(?:项目|工程)")
#: ``在甲、乙、丙开工项目现场``: items named as the sites of projects visited, without 等.
_LIST_OF_SITES = re.compile(
    rf"((?:{_LIST_ITEM}、)+{_LIST_ITEM}?)(?:开工|竣工|在建|投产|签约)项目(?:建设)?(?:现场|工地)")


#: A count of projects right after a list (``甲、乙和丙四个项目``, ``甲、乙3个项目限时开工``):
#: the list has no 等, so two items at least and the count (not a phase's numeral) closes it.
_PROJECT_COUNT = rf"[0-9一二三四五六七八九十两]+个{_LISTED_QUALIFIERS}(?:项目|工程)"
#: The last item, which may be two joined by 和.
_JOINED_ITEM = _LIST_ITEM.replace("{2,20}", "{2,40}")
_LIST_COUNTED = re.compile(
    rf"((?:{_LIST_ITEM}、)+{_JOINED_ITEM})(?<![0-9一二三四五六七八九十两等及和与每这那该此前后第])" + _PROJECT_COUNT)
#: An item holding a count is a tally, not a name (完成5个项目交地、3个工程和…).
#: An item holding 等 or opening with 各 is a category (各园区等共开工).
_NOT_NAMED_ITEM = re.compile(r"[0-9一二两三四五六七八九十百千]+[个座项家条批]|等|^各")
#: The last item of a counted list joined by 和 (甲、乙和丙四个项目).
_LAST_JOINED = re.compile(r"(?<=[\u4e00-\u9fff）)])和(?=[\u4e00-\u9fff]{3})")


def _unbalanced(item: str) -> bool:
    """An item cut inside brackets (甲园(地块一、地块二)): the list is a note's, not of projects."""
    return item.count("(") + item.count("（") != item.count(")") + item.count("）")


def _clause_after_place(text: str, start: int, end: int) -> bool:
    """A verb or adverb right after the place opening an item (甲区、乙县分别上榜3个项目):
    the places are the clause's subjects and the count is theirs."""
    return leading_clause_words(text[place_chain_end(text, start, end):end]) > 0


#: An investment amount written before a project's name: 总投资5亿元的某某项目.
_AMOUNT = r"(?:总投资|投资|投资额|计划投资)(?:约|达|超|近|逾)?[0-9.]+(?:多|余)?(?:万|亿)(?:元|美元)?(?:人民币)?的"
#: The amount opening a list item (甲、总投资14.2亿元的乙等项目).
_AMOUNT_OF_ITEM = re.compile(_AMOUNT)


def _place_and_brand(text: str, start: int, end: int) -> bool:
    """A listed item that is only a place and a 2-3 character brand unknown to the
    dictionary or a proper noun (北京某驰): no object, so it names the company."""
    begin = place_chain_end(text, start, end)
    brand = text[begin:end]
    return begin > start and 2 <= len(brand) <= 3 and _CJK_ONLY.fullmatch(brand) is not None \
        and (has_unknown_word(brand) or proper_noun_tag(brand) in ("nz", "nt")) and not brand.endswith(_NOT_OWNER_END)


#: An item of a list the text introduces as projects, with an optional bracketed note.
_INCLUDED_ITEM = r"[\u4e00-\u9fffA-Za-z0-9·\-]{3,25}?(?:[（(][^（）()，,。；;]{1,20}[）)])?"
#: ``本次开工的项目包括甲(…)、乙等``, ``建设内容包含甲、乙``: each item is a project.
_PROJECTS_INCLUDED = re.compile(
    rf"(?:项目|工程|建设内容)(?:主要)?(?:包括|包含|涵盖|分别为|分别是)[：:]?((?:{_INCLUDED_ITEM}、)*{_INCLUDED_ITEM})(?=等|[，,。；;])")
_NOTE = re.compile(r"[（(][^（）()]*[）)]$")


def _included_projects(text: str, found: list[Mention]) -> list[Mention]:
    """Items of ``项目包括甲、乙等`` that end as a facility or park: projects (what the
    list names is built, so it outranks the Park reading).  Items ending
    in a bare 项目/工程 are left to the suffix rule (文化旅游项目 stays a category)."""
    out: list[Mention] = []
    names = _facility_or_park_before("$")
    found_spans = {(f.start, f.end) for f in found}
    for m in _PROJECTS_INCLUDED.finditer(text):
        pos = m.start(1)
        for item in m.group(1).split("、"):
            s, e = pos, pos + len(item)
            pos = e + 1
            note = _NOTE.search(item)
            if note:
                e -= len(note.group())
            s = _coordinated(text, s, e)  # 甲项目和乙项目: the first is found by its own suffix
            if names.search(text, s, e) and not text.endswith(tuple(_BARE), s, e) and len(_specific_part(text[s:e])) >= 2 \
                    and (s, e) not in found_spans:
                out.append(Mention(s, e, text[s:e], "Project", "projects.included", 0.9))
    return out


#: Endings of estates that are built as projects (某某产业园, 某某工业园区), unlike zones and new towns.
_BUILT_ESTATES = ("园", "园区")


def _listed_projects(text: str, found: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    named = SpanIndex(found)
    runs = Runs(text, r"[\u4e00-\u9fffA-Za-z0-9\u2160-\u216b（）()·.\-—、]")
    matches = chain(list_matches(_LIST_OF_PROJECTS, runs, "等"), list_matches(_LIST_OF_SITES, runs, "[开竣在投签]"),
                    list_matches(_LIST_COUNTED, runs, _PROJECT_COUNT))
    for m in matches:
        pos = m.start(1)
        items = m.group(1).split("、")
        if m.re is _LIST_COUNTED:
            items[-1:] = _LAST_JOINED.split(items[-1], maxsplit=1)
            starts = accumulate((len(item) + 1 for item in items[:-1]), initial=m.start(1))
            if any(_NOT_NAMED_ITEM.search(item) or _unbalanced(item) or _clause_after_place(text, s, s + len(item))
                   for s, item in zip(starts, items)):
                continue
        for k, item in enumerate(items):
            s, e = pos, pos + len(item)
            pos = e + 1
            if k == 0:
                s = left_boundary(text, e, PROJECT, max_len=20, floor=max(s, _after_company(text, e)))
            amount = _AMOUNT_OF_ITEM.match(text, s, e)
            if amount:
                s = amount.end()  # 甲、总投资5亿元的乙等项目: the amount describes 乙
            if e - s < 3 or named.containing(s, e) or text[s:e].isascii():
                continue
            brand = strip_industry(text[s:e])
            if brand != text[s:e] and e - s - len(brand) <= _INDUSTRY_TAIL and len(brand) <= _TRADE_NAME_LENGTH:
                # 格科半导体 in 甲、格科半导体等项目: a trade name and its industry name the company
                # (a longer run of field words is the object: 某某新能源汽车零部件 is a project)
                if _is_trade_name(brand):
                    out.append(Mention(s, e, text[s:e], "Enterprise", "projects.listed_company", 0.6))
                continue
            if _place_and_brand(text, s, e):  # 北京某驰 in 甲、北京某驰等项目: a company too
                out.append(Mention(s, e, text[s:e], "Enterprise", "projects.listed_company", 0.6))
                continue
            word_owner = _word_before_object(text[s:e])
            headed = _has_project_head(text[s:e]) and not text.endswith(tuple(_BARE), s, e)  # 项目/工程: the suffix rule's
            if len(_specific_part(text[s:e])) >= 2 and (_has_proper_part(text[s:e]) or word_owner or headed):
                # a park's name in a list of projects is what is built: it outranks the Park reading, and
                # a head that names projects (某某创新中心) the Organization reading
                built = text.endswith(_BUILT_ESTATES, s, e)
                sure = built or headed and not named.overlapping(s, e)  # 某某工程|(一期): a cut
                out.append(Mention(s, e, text[s:e], "Project", "projects.list", 0.9 if sure else 0.65))
                owner = _owner(text, out[-1], e) or (_estate_owner(text, s, e) if built else None)
                if not owner and word_owner:
                    owner = Mention(s, s + len(word_owner), word_owner, "Enterprise", "projects.owner", 0.6)
                if owner:
                    out.append(owner)
    return out


#: The longest industry tail of a company's short name (精密机械, 生物医药).
_INDUSTRY_TAIL = 4
#: The longest trade name taken from a list item (某某汽车二期整车产能建设 is a project).
_TRADE_NAME_LENGTH = 4


def _word_before_object(item: str) -> str:
    """In a list the text calls projects, an item that opens with a word of its own (not a
    field, product, place or generic word) followed by a product or field (某松|机器人,
    某夫|智能工业机器人) is that company's project: the word, with a company head after it."""
    tokens = words(item)
    if len(tokens) < 2 or not 2 <= len(tokens[0]) <= 3 or not _CJK_ONLY.fullmatch(tokens[0]):
        return ""
    first, rest = tokens[0], item[len(tokens[0]):]
    fields = load_set("industry_words.txt") | load_set("product_words.txt")
    if first in fields or first in load_set("enterprise_generic.txt") or first in _generic_lengths()[0] \
            or gazetteer.is_place(first) or not rest.startswith(_object_words()) or words(rest)[-1] not in fields:
        return ""  # 某某装备观摩 is an activity: the item must end in a product or field
    head = next((h for h in sorted(load_set("company_heads.txt"), key=len, reverse=True)
                 if rest.startswith(h) and len(rest) > len(h)), "")
    return first + head


def _is_trade_name(brand: str) -> bool:
    """A company's trade name: not a place, nor generic, and a word the dictionary does not
    know or a proper noun (鸣鸿, 华联), unlike the common words of 综合服务."""
    return len(brand) >= 2 and _CJK_ONLY.fullmatch(brand) is not None and not gazetteer.is_place(brand) \
        and brand not in load_set("enterprise_generic.txt") and brand not in _generic_lengths()[0] \
        and not brand.endswith(_NOT_OWNER_END) \
        and (has_unknown_word(brand) or proper_noun_tag(words(brand)[0]) in ("nz", "nt", "ns", "nr"))


_PHASE = re.compile(r"[0-9一二三四五六七八九十]+期|[0-9]")
#: Last characters of a place, facility or machine, not of a trade name (某某港, 某某门, 某某机).
_NOT_OWNER_END = tuple("港门山湖河江溪路街村桥镇乡区县市省园城机")

_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
#: Single characters that start the next word (新材料, 全产业链), not end a trade name.
_WORD_PREFIXES = frozenset("新全高大老超")
_NUMERAL_START = "一二两三四五六七八九十这该此"


@lru_cache(maxsize=1)
def _object_words() -> tuple[str, ...]:
    """Industry and product words that start the object of a project name."""
    return tuple(sorted(load_set("industry_words.txt") | load_set("product_words.txt"), key=len, reverse=True))


#: jieba's tags of the names of organisations and other proper nouns (nt, nz), which trade names are.
_TRADE_TAGS = ("nt", "nz")


def owner_brand(core: str) -> str:
    """The company a project is named after, at the start of ``core`` (the name
    without suffix and place prefix): ``某某机械智能搬运车辆`` -> 某某机械,
    ``某某锂电池钣金件`` -> 某某, ``某某一期气电`` -> 某某; "" if none.  The owner
    is a trade name (2-3 characters the dictionary does not know, a proper noun,
    or a word before a company head of ``kg/data/company_heads.txt``) plus that
    head, followed by the object: a product or field word, a phase or a number."""
    if not core or core[0] in _NUMERAL_START or suffix_regex("park_suffixes.txt").search(core):
        return ""  # 某某产业园项目 builds a park (often named after a place the gazetteer lacks); 一老工业基地 is no name
    tokens = words(core)
    heads = tuple(sorted(load_set("company_heads.txt"), key=len, reverse=True))
    singles = 0
    while singles < len(tokens) and len(tokens[singles]) == 1 and not tokens[singles].isdigit():
        singles += 1
    while singles > 2 and tokens[singles - 1] in _WORD_PREFIXES:
        singles -= 1  # 某某|新材料, 某某|全产业链
    if 2 <= singles <= 3:
        brand, k = "".join(tokens[:singles]), singles
    elif tokens and 2 <= len(tokens[0]) <= 3 and (
            proper_noun_tag(tokens[0]) or "".join(tokens[1:]).startswith(heads) and strip_industry(tokens[0])):
        brand, k = tokens[0], 1
        while k < len(tokens) and len(brand + tokens[k]) <= _TRADE_NAME_LENGTH \
                and proper_noun_tag(brand) in _TRADE_TAGS and proper_noun_tag(tokens[k]) in _TRADE_TAGS:
            brand, k = brand + tokens[k], k + 1  # 某华|某泰: two names of trades make one trade name
    else:
        return ""
    rest = "".join(tokens[k:])
    head = next((h for h in heads if rest.startswith(h) and len(rest) > len(h)), "")
    headed = bool(head)  # 某某|机械|智能叉车, also 某某|机械制造 cut as one word
    brand, rest = brand + head, rest[len(head):]
    phase = bool(_PHASE.match(rest))
    if not rest or not _CJK_ONLY.fullmatch(brand) or not (headed or phase or rest.startswith(_object_words())):
        return ""  # the object is a product or field (某某汽车零部件), not 某某动能转换
    if singles < 2 and not (headed or phase) and proper_noun_tag(tokens[0]) not in _TRADE_TAGS:
        return ""  # a region, person or field in front (西北, 锂电) without a company head
    generic = load_set("enterprise_generic.txt") | _generic_lengths()[0]
    if brand.endswith(_NOT_OWNER_END) or gazetteer.is_place(brand) or brand in generic or tokens[0] in generic \
            or not strip_industry(brand):  # 数智技术...: a field, no trade name
        return ""
    return brand


#: A production capacity opens the object of a project: 某某年产10万吨..., 某某20GW...
_CAPACITY = re.compile(r"年产|年加工|年处理|[0-9.]+(?:万|亿)?(?:吨|GW|GWh|MW|台|套|片|件|支|辆)|[A-Z]{2,}")


def _owner_before_capacity(text: str, project: Mention, begin: int, suffix_start: int) -> Mention | None:
    """``某某新能源年产10GW...项目``: everything between the place prefix and the
    capacity names the company (with a province or city prefix, which company
    names carry: 省名某某20万吨...基地)."""
    m = _CAPACITY.search(text, begin, suffix_start)
    if not m or not 2 <= m.start() - begin <= 6:
        return None
    brand = text[begin:m.start()]
    if not _CJK_ONLY.fullmatch(brand) or brand[0] in _NUMERAL_START or brand.endswith(_NOT_OWNER_END) \
            or not strip_industry(brand) or brand in load_set("enterprise_generic.txt") \
            or any(gazetteer.match_place(brand, k) > k for k in range(1, len(brand))) \
            or stop_ends_at(text, m.start(), PROJECT) or is_word(brand) and strip_industry(brand) == brand and not proper_noun_tag(brand):
        return None
    start = begin
    entry = gazetteer.lookup(text[project.start:begin]) if begin > project.start else None
    if entry and entry.level in (gazetteer.PROVINCE, gazetteer.CITY):
        start = project.start
    return Mention(start, m.start(), text[start:m.start()], "Enterprise", "projects.owner", 0.6)


#: Words that open the object of a project after its owner's name: a kind of product
#: (新型, 高端) or of works (新建, 年产), as in 某某护理新型医用材料项目.
_OBJECT_OPENERS = ("新型", "高端", "新建", "年产", "高性能", "新一代")


def _opens_object(rest: str, any_level: bool = False) -> bool:
    """Whether ``rest`` starts the object of a project: an opener word, a
    phase, or the place where it is built (某某食品|某省生产基地); a county too
    with ``any_level`` (某某陶瓷|某县生产基地: the brand already ends in its industry)."""
    if rest.startswith(_OBJECT_OPENERS) or _PHASE.match(rest):
        return True
    end = gazetteer.match_place(rest, 0, allow_short=True)
    entry = gazetteer.lookup(rest[:end]) if end > 0 else None
    return bool(entry and (any_level or entry.level in (gazetteer.PROVINCE, gazetteer.CITY)))


@lru_cache(maxsize=1)
def _object_word_lengths() -> tuple[frozenset[str], tuple[int, ...]]:
    objects = frozenset(_object_words())
    return objects, tuple(sorted({len(w) for w in objects}, reverse=True))


def _trade_name_and_field(brand: str, generic: frozenset[str]) -> bool:
    """Whether ``brand`` is a word of its own (not a place, not generic) and an industry
    or product word after it (某某|陶瓷)."""
    objects, lengths = _object_word_lengths()
    for n in lengths:
        if len(brand) - n >= 2 and brand[-n:] in objects:
            trade = brand[:-n]
            return not gazetteer.is_place(trade) and trade not in generic
    return False


def _brand_before_object(core: str) -> str:
    """``某某护理新型医用材料``, ``某某食品某省生产基地``: the shortest run of 2-5 whole
    words before the object opens is the owner, when it holds a trade name (a word
    the dictionary does not know, a proper noun, or a word before an industry or
    product word: 某某陶瓷|某县生产基地, where a county may open the object too)."""
    if not _CJK_ONLY.match(core) or core[0] in _NUMERAL_START or suffix_regex("park_suffixes.txt").search(core):
        return ""
    generic = load_set("enterprise_generic.txt") | _generic_lengths()[0]
    length = 0
    for token in words(core):
        length += len(token)
        if length > 5:
            return ""
        brand, rest = core[:length], core[length:]
        if length < 2:
            continue
        in_field = _trade_name_and_field(brand, generic)
        if not _opens_object(rest, any_level=in_field):
            continue
        own = strip_industry(brand)
        if not _CJK_ONLY.fullmatch(brand) or gazetteer.is_place(brand) or brand in generic or own in generic \
                or len(own) < 2 or brand.endswith(_NOT_OWNER_END):
            return ""
        named = has_unknown_word(brand) or proper_noun_tag(words(brand)[0]) in ("nz", "nt") or own != brand or in_field
        return brand if named else ""
    return ""


@lru_cache(maxsize=1)
def _legal_name_starts(text: str) -> frozenset[str]:
    """Every string of ``text`` that starts a legal company name in it (``short`` of
    ``short`` + up to _LEGAL_GAP characters + 有限公司): built once per text, each legal
    suffix adding a bounded number of strings, so the look-up of a candidate's short
    form costs no search of the whole text."""
    starts: set[str] = set()
    for suffix in _LEGAL_SUFFIX.finditer(text):
        end = suffix.start()
        for gap in range(_LEGAL_GAP + 1):
            short_end = end - gap
            if short_end < 0 or gap and not _HANZI.match(text, short_end):
                break
            starts.update(text[max(0, short_end - n):short_end] for n in range(1, _SHORT_FORM_REACH + 1))
    return frozenset(starts)


def _has_legal_name(text: str, short: str) -> bool:
    """Whether ``short`` occurs in ``text`` as the start of a legal company name."""
    return short in _legal_name_starts(text)


#: How far into a project's name a park that locates it may end (某某新城|某企业…项目).
_LEADING_PARK_REACH = 8


def _after_leading_park(text: str, begin: int, suffix_start: int) -> int:
    """``某某新城隆基研发总部项目``: where a lexicon brand may start after the park
    that opens the name and locates the project (``begin`` if no such park)."""
    for m in suffix_regex("park_suffixes.txt").finditer(text, begin, min(suffix_start, begin + _LEADING_PARK_REACH)):
        if begin < m.start() and is_park_name(text, begin, m.start()) and begin < brand_at(text, m.end()) < suffix_start:
            return m.end()
    return begin


#: The site of a project where something takes place (在某区某某项目建设现场举行).
_SITE_AFTER = re.compile(r"(?:项目)?(?:建设|施工)?(?:现场|工地)")
#: A road's code or a facility in front of a zone word (G1816某某高速某某新区至…段): a route.
_ROAD_OR_CODE = re.compile(r"[0-9A-Za-z]|高速|铁路|公路")
#: How far into a project's name the park that opens it may end (宁夏某市经济技术开发区).
_SITE_PARK_REACH = 16


def _after_park_of_site(text: str, begin: int, suffix_start: int, end: int) -> int:
    """``在某某经开区某某产业园项目建设现场``: at a project's site the park that opens the
    phrase says where the site is; the project's name starts after it (``begin`` if the
    phrase is no site, or opens with no park)."""
    if not _SITE_AFTER.match(text, end):
        return begin
    kinds = suffix_table("park_suffixes.txt")
    for m in suffix_regex("park_suffixes.txt").finditer(text, begin, min(suffix_start, begin + _SITE_PARK_REACH)):
        # an area (zone, new area), not an estate built as a project (某某产业园) or a sub-area
        area = kinds.get(m.group()) != "sub" and not m.group().endswith(_BUILT_ESTATES)
        if area and begin < m.start() and is_park_name(text, begin, m.start()) \
                and not _ROAD_OR_CODE.search(text, begin, m.start()) \
                and len(_specific_part(text[m.end():suffix_start])) >= 2:
            return m.end()
    return begin


#: A centre (某某数据中心) is a facility or a body, never the end of a company's short name.
_CENTRE = "中心"


def _short_company_name(core: str) -> str:
    """``某某置业`` of ``某某置业项目``: a trade name and industry words with nothing after
    them are a company's short name (字号 + 行业), the whole of it owns the project
    (``core`` itself, or "" if it is no such name)."""
    trade = strip_industry(core)
    return core if trade != core and len(trade) <= _TRADE_NAME_LENGTH and len(core) - len(trade) <= _INDUSTRY_TAIL \
        and _is_trade_name(trade) and not suffix_regex(_TABLE).search(core) \
        and not core.endswith((*suffix_table("org_suffixes.txt"), _CENTRE)) else ""  # 智慧工厂建设, 某某数据中心: an object


#: Length of the trade name a group gives a joint venture or unit after its own (某汽|弗迪).
_UNIT_NAME_LENGTH = 2


def _unit_of_brand_end(text: str, pos: int, limit: int) -> int:
    """``某潍柴澜汐新能源产业园``: a lexicon brand followed by two characters the dictionary
    does not know, then an object or an industry word, names the group's joint
    venture or unit (某柴弗迪); with a company head after it (某煤启辰|科技) the head is
    part of the name (not a zone after it: 某银行贵安|新区, a place the gazetteer lacks).
    Where that name ends (``pos`` if there is none)."""
    end = pos + _UNIT_NAME_LENGTH
    unit = text[pos:end]
    if end >= limit or not _CJK_ONLY.fullmatch(unit) or not has_unknown_word(unit) or gazetteer.match_place(text, pos) > pos:
        return pos
    head = next((h for h in load_set("company_heads.txt") if text.startswith(h, end) and end + len(h) < limit), "")
    if head:
        return end + len(head)
    return end if text.startswith(_object_words(), end) else pos


def _owner(text: str, project: Mention, suffix_start: int) -> Mention | None:
    known = brand_at(text, project.start)
    if project.start < known < suffix_start:  # a known company opens the name: 某大型央企+算力平台项目
        known = _unit_of_brand_end(text, known, suffix_start)
        return Mention(project.start, known, text[project.start:known], "Enterprise", "projects.owner", 0.65)
    begin = place_chain_end(text, project.start, suffix_start)
    by_capacity = _owner_before_capacity(text, project, begin, suffix_start) \
        or _place_and_trade(text, project.start, begin, suffix_start)
    if by_capacity:
        return by_capacity
    begin = _after_leading_park(text, begin, suffix_start)
    after_place = brand_at(text, begin)
    if begin < after_place < suffix_start:  # a city's short name and a lexicon brand: 长春中车整体搬迁项目
        entry = gazetteer.lookup(text[project.start:begin])
        start = project.start if entry and entry.is_short else begin  # 某某市|柳工: the city only locates it
        return Mention(start, after_place, text[start:after_place], "Enterprise", "projects.owner", 0.65)
    brand = _short_company_name(text[begin:suffix_start]) if text[suffix_start:project.end] in _BARE else ""
    brand = brand or _brand_before_object(text[begin:suffix_start]) or owner_brand(text[begin:suffix_start])
    if not brand or _has_legal_name(text, text[project.start:suffix_start]):
        return None  # 某某新材料项目 of 某某新材料有限公司: that company's short form owns it
    return _owner_named(text, project.start, begin, brand)


#: What follows place + trade when the pair names a field, not a company (某地炼化一体化).
_FIELD_AFTER_TRADE = ("一体化", "产业", "基地", "园", "区")


def _place_and_trade(text: str, start: int, begin: int, suffix_start: int) -> Mention | None:
    """``某省纸业环保搬迁项目``, ``某市炼化乙烯项目``: places, then a trade of
    ``kg/data/project_owner_trades.txt`` and the object, name the company called after
    the place (places and trade), which owns the project."""
    if begin == start:
        return None
    trade = next((t for t in load_set("project_owner_trades.txt") if text.startswith(t, begin)), "")
    end = begin + len(trade)
    if not trade or end >= suffix_start or text.startswith(_FIELD_AFTER_TRADE, end):
        return None
    return Mention(start, end, text[start:end], "Enterprise", "projects.owner", 0.6)


def _owner_named(text: str, start: int, begin: int, brand: str) -> Mention:
    """The owner ``brand`` written at ``begin`` after the places from ``start``: 中国某某集团, the
    place is in a group's name; a province or city prefix is in any company's (省名某某)."""
    entry = gazetteer.lookup(text[start:begin]) if begin > start else None
    in_name = brand.endswith("集团") or bool(entry and entry.level in (gazetteer.PROVINCE, gazetteer.CITY))
    start = start if in_name else begin
    return Mention(start, begin + len(brand), text[start:begin + len(brand)], "Enterprise", "projects.owner", 0.6)


def _estate_owner(text: str, start: int, end: int) -> Mention | None:
    """甲、某省某某电气产业园和乙四个项目: an estate a list names as a project, after a trade name
    and industry words (字号 + 行业), is that company's park, which it owns."""
    estate = next((m for m in suffix_regex("park_suffixes.txt").finditer(text, start, end) if m.end() == end), None)
    if estate is None:
        return None
    begin = place_chain_end(text, start, estate.start())
    brand = _short_company_name(text[begin:estate.start()])
    return _owner_named(text, start, begin, brand) if brand else None


@lru_cache(maxsize=None)
def _facility_or_park_before(following: str) -> re.Pattern[str]:
    """A project or park suffix followed by ``following`` (a regex), compiled once."""
    return re.compile(f"(?:{suffix_regex(_TABLE).pattern}|{suffix_regex('park_suffixes.txt').pattern}){following}")


def _coordinated(text: str, start: int, end: int) -> int:
    """``甲新城及乙项目``: where the last project of a coordination starts
    (after 及/和/与 when the part before it already ends as a park or a
    project), else ``start``."""
    names = _facility_or_park_before("[及和与]")
    last = start
    for m in names.finditer(text, start, end):
        last = m.end()
    return last


def _across_inner_conjunction(text: str, start: int, suffix_start: int) -> int:
    """``某某新型疫苗和基因疫苗研发基地项目``: a name cut at 和/及 whose part after the
    conjunction is common words only, while the part before it (not itself a finished
    project or park) opens with a name, is one name across the conjunction."""
    if start < 2 or text[start - 1] not in _CONJUNCTIONS or _has_proper_part(text[start:suffix_start]) \
            or _ends_a_name(text, start - 1):
        return start
    before = left_boundary(text, start - 1, PROJECT, max_len=20, floor=_after_company(text, start - 1))
    first = text[before:start - 1]
    if len(first) >= 4 and (owner_brand(first) or _brand_before_object(first) or brand_at(first, 0) > 0):
        return before
    return start


#: 新建 opens the official names of projects of new lines (新建甲至乙铁路…项目), at a clause's start.
_NEW_LINE = "新建"


def _new_route(text: str, start: int, suffix_start: int) -> int:
    """``新建某某至某某铁路某某段项目``: 新建 right before a route named by its places, and
    itself after no name character, is part of the project's name."""
    begin = start - len(_NEW_LINE)
    if begin < 0 or not text.startswith(_NEW_LINE, begin) or begin > 0 and is_name_char(text[begin - 1]):
        return start
    k = text.find("至", start, suffix_start)
    if k > start and gazetteer.match_place_chain(text, start, k) == k and gazetteer.match_place(text, k + 1) > k + 1:
        return begin
    return start


def _ends_a_name(text: str, end: int) -> bool:
    """Whether a project, park or organization suffix ends at ``end`` (甲项目|及乙项目)."""
    for table in (_TABLE, "park_suffixes.txt", "org_suffixes.txt"):
        if any(text.endswith(w, 0, end) for w in suffix_table(table)):
            return True
    return False


def _park_plus_generic(text: str, start: int, suffix_start: int) -> bool:
    """``某某新城重点产业项目``: a park and only generic words do not name a project."""
    for m in suffix_regex("park_suffixes.txt").finditer(text, start, suffix_start):
        rest = text[m.end():suffix_start]
        if m.start() > start and m.end() < suffix_start and not _specific_part(rest) and not _PHASE.match(rest):
            return True
    return False


#: A quoted honour, not a project: “某某示范基地”称号, 被评为“某某基地”.
_HONOUR_AFTER = re.compile(r"”(?:等|[两二三四五六七八九十]+[个项])?(?:称号|荣誉|牌匾|名单)")
_HONOUR_BEFORE = re.compile(r"(?:评为|授予|荣获|获评|命名为|入选|获得)“$")


def _honour(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] == "“" and (
        bool(_HONOUR_AFTER.match(text, end)) or bool(_HONOUR_BEFORE.search(text, max(0, start - 5), start)))


#: An investment amount right before a name: 总投资5亿元的某某加工项目 names one project,
#: even in common words.
_INVESTED = re.compile(_AMOUNT + "$")


#: A count right after a project word: the phrase is a category (某某类项目3个).
_CATEGORY_COUNT = re.compile(r"[0-9一二两三四五六七八九十]+[项个]")


def _is_company_name_end(text: str, end: int) -> bool:
    """Whether a company's name ends at ``end``: a legal suffix, or 公司 after a name of
    its own (某某水务公司; not 目前公司, 该公司, nor a 分公司 that a longer name runs on from)."""
    if _LEGAL_NAME_END.search(text, max(0, end - _LEGAL_NAME_REACH), end):
        return True
    if not text.endswith("公司", 0, end) or text.endswith("分公司", 0, end):
        return False
    return end - 2 - left_boundary(text, end - 2, ENTERPRISE, max_len=12) >= 2


def _is_route(text: str, start: int, end: int) -> bool:
    """``甲市至乙市``: a line named by the places it joins (某某至某某铁路, 高速公路)."""
    k = text.find("至", start, end)
    return k > start and gazetteer.match_place_chain(text, start, k) == k and gazetteer.match_place_chain(text, k + 1, end) == end


#: 首座, 首条: "the first" describes a facility, it is not its name (某地首座变电站); nor does
#: a class after an amount (千亿元级物流枢纽工程: the name would start with 级).
_FIRST_OF_KIND = re.compile(r"首[座条个家批台]")
#: Verbs that designate what a place is (是/成为/认定为 ... 某某基地): a role, not a project.
_DESIGNATION = re.compile(r"(?:是|成为|认定为|评为|列为|定位为)[^，,。；;：:]*$")


def _designated(text: str, start: int, suffix: str) -> bool:
    """``新疆是…优质商品棉生产基地``, ``被认定为国家某某示范基地``: a base the clause designates."""
    return suffix.endswith("基地") and bool(_DESIGNATION.search(text, max(0, start - 20), start))


#: A quoted slogan with a count (“两新”, “十四五”, “三个一批”, “33618”): a campaign.
_COUNTED_SLOGAN = re.compile(r"“[^“”]*[0-9一二两三四五六七八九十百千万双][^“”]*”")


def _campaign(core: str) -> bool:
    """``“双百双新”项目``, ``“十五五”时期重大项目``: a campaign's slogan followed by generic
    words only, and with no place in front (某市“三馆一书城”建设项目 is one), names a
    programme, no project."""
    slogans = list(_COUNTED_SLOGAN.finditer(core))
    if not slogans or len(_specific_part(core[slogans[-1].end():])) >= 2:
        return False
    return not any(gazetteer.match_place(core, k) > k for k in range(slogans[0].start()))


#: A field word between a place and 基地 names a base (某旗光伏基地, 某县蔬菜基地).
_BASE = "基地"


def _placed_base(text: str, start: int, suffix_start: int, suffix: str) -> bool:
    """``某某旗光伏基地``: a base named by the full name of its place and one field word."""
    chain = gazetteer.match_place_chain(text, start, suffix_start)
    entry = gazetteer.lookup(text[start:chain]) if chain > start else None
    field = text[chain:suffix_start]
    return suffix.endswith(_BASE) and bool(entry) and not entry.is_short \
        and field in load_set("project_generic.txt") | load_set("industry_words.txt") and len(field) >= 2


def _is_project(text: str, start: int, s: int, e: int, suffix: str, need_proper: bool = True) -> bool:
    """Whether ``text[start:e]`` (suffix ``suffix`` at ``s``) names a project;
    without ``need_proper`` a bare 项目/工程 may follow common words only."""
    if _CATEGORY_COUNT.match(text, e) and text[start - 1:start] != "、":
        return False  # 文化旅游项目1项 counts a category; 甲项目、乙项目2项 counts a list
    if start >= s or text[start] in _CONJUNCTIONS and not opens_name(text, start + 1) or is_counted(text, start) or _ORDINAL.match(text, start) or _QUANTIFIED.match(text, start) or _KINDS_COUNTED.search(text, start, s) or _honour(text, start, e) \
            or _park_plus_generic(text, start, s):
        return False
    name = text[start:e]
    facility = any(w in suffix for w in _facility_words())
    if "某" in name or name[0] == "级" or _RANKED.match(name) or name.count("“") != name.count("”") or _FIRST_OF_KIND.search(text, start, s) or _designated(text, start, suffix) \
            or _campaign(text[start:s]):
        return False
    named_by_place = facility and gazetteer.match_place_chain(text, start, s) == s or _is_route(text, start, s) \
        or _placed_base(text, start, s, suffix)
    # 某某有限公司储能装备基地, 某某公司的智能工厂项目: written right after its company's name, the object names it.
    owner_end = start - 1 if text[start - 1:start] == "的" else start
    named_by_owner = (owner_end == start and start == _after_company(text, s) or owner_end < start) \
        and text[s - 1] not in _CONJUNCTIONS and _is_company_name_end(text, owner_end) \
        and (text[start:s] not in _generic_lengths()[0] or text[start:s] in load_set("product_words.txt"))
    if len(_specific_part(text[start:s])) < 2 and not (named_by_place or named_by_owner):
        return False
    table = suffix_table(_TABLE)
    last = max((suffix[-n:] for n in range(1, len(suffix) + 1) if suffix[-n:] in table), key=len)  # 示范工厂, not 工厂
    needs_name = suffix in _BARE or table[last] == "named"
    if need_proper and not (named_by_owner or named_by_place or suffix.endswith(_PORT)) and _described_only(text[start:s]):
        return False  # 商业广场, 大型商业广场, 中试基地: a kind of facility, no name
    return not (need_proper and needs_name and not named_by_owner and not _has_proper_part(text[start:s]))


@lru_cache(maxsize=1)
def _facility_words() -> tuple[str, ...]:
    """The project suffixes of kind ``facility`` (大桥, 机场 ...)."""
    return tuple(w for w, kind in suffix_table(_TABLE).items() if kind == "facility")


#: 国家级技术创新基地, 省级示范项目: a rank opening the phrase makes a category (a status a
#: facility is given), not a project's name.
_RANKED = re.compile(f"(?:{alternation('rank_words.txt')})")


#: Ports are named after their area, in common words too (某某园港).
_PORT = "港"


def _described_only(core: str) -> bool:
    """Whether ``core`` (a name without its suffix) only describes the facility: one
    common word (商业 of 商业广场, 海底 of 海底隧道), after the descriptive openers of
    ``kg/data/project_descriptive_openers.txt`` (大型, 现代化), and no proper part."""
    tokens = words(core)
    openers = load_set("project_descriptive_openers.txt")
    while len(tokens) > 1 and tokens[0] in openers:
        tokens = tokens[1:]  # 大型|商业: the rest decides (大型|无人机研发制造 names one)
    abbreviations = load_set("province_abbreviations.txt")
    if len(tokens) != 1 or proper_noun_tag(tokens[0]) or set(tokens[0]) <= abbreviations:  # 京沪 names
        return False
    return not _has_proper_part(core)


#: A production rate written with a slash (76500吨/年, 10万台/年): the slash is inside the name.
_CAPACITY_RATE = re.compile(r"[0-9.]+(?:万|亿)?(?:吨|台|套|件|辆|片|头|只)/$")
#: The phase of a facility written after it (某某机场三期), when no other word follows.
_PHASE_AFTER = re.compile(r"[一二三四五六七八九十0-9]期(?![\u4e00-\u9fff])")


def _before_capacity_rate(text: str, start: int) -> int:
    """``某某公司76500吨/年高端化学品项目``: a name that starts at 年 after a slash starts at
    the rate's number."""
    m = _CAPACITY_RATE.search(text, max(0, start - 12), start) if text.startswith("年", start) else None
    return m.start() if m else start


def _after_phase(text: str, end: int, suffix: str) -> int:
    """``某某机场三期、…``: a facility's phase written after its name belongs to it (a bare
    项目/工程 keeps its own: 某某项目一期 is the project and its phase)."""
    m = _PHASE_AFTER.match(text, end)
    return m.end() if m and suffix not in _BARE and not suffix.endswith(tuple(_BARE)) else end


def _facility_ends(run: str) -> list[int]:
    """Where a facility word ends inside a longer run of project words naming another
    facility (港东站 of 港东站集装箱办理站): each such facility is named on its own too.
    A run ending in 项目/工程 names the works on that facility (某某枢纽一期工程)."""
    table = suffix_table(_TABLE)
    if run.endswith(tuple(_BARE)):
        return []
    ends, i = [], 0
    while i < len(run):
        word = max((w for w in table if run.startswith(w, i)), key=len, default="")
        if not word:
            break
        i += len(word)
        if table[word] == "facility" and i < len(run):
            ends.append(i)
    return ends


def _owned_suffix_run(text: str, s: int, run: str) -> bool:
    """``某某有限公司的智能工厂项目``: right after its company and 的, a run of two project words
    (智能工厂|项目) names the company's project."""
    words_in_run = [w for w in suffix_table(_TABLE) if run.startswith(w) and len(run) > len(w)]
    return s > 1 and text[s - 1] == "的" and _is_company_name_end(text, s - 1) and bool(words_in_run) \
        and run.endswith(tuple(_BARE))


def subject_project_start(text: str, suffix_start: int, end: int) -> int | None:
    """Where the project name ending at ``end`` (its suffix from ``suffix_start``) starts when a
    clause opens with it (the project of 某某水利工程于2014年开工), by the boundaries and tests of
    this grammar, a bare 项目/工程 after common words included; None if it names no project
    (县委书记某某宣布了项目, 两大重点项目)."""
    start = left_boundary(text, suffix_start, PROJECT, max_len=30, floor=_after_company(text, suffix_start))
    start = skip_leading_digits(text, start, suffix_start)
    suffix = text[suffix_start:end]
    return start if _is_project(text, start, suffix_start, end, suffix, need_proper=False) else None


#: Suffixes of a part of a site (a workshop), which is no project of its own after the site's name.
_SITE_PARTS = frozenset({"生产车间"})
_TRAILING_PHASE = re.compile(r"[0-9一二三四五六七八九十]+期$")


def _names_site(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with a project's or facility's suffix, or one and its
    phase (某某处理中心, 某某制造基地一期)."""
    phase = _TRAILING_PHASE.search(text, start, end)
    end = phase.start() if phase else end
    return any(m.end() == end for m in suffix_regex(_TABLE).finditer(text, start, end))


def _company_estates(text: str, found: list[Mention]) -> list[Mention]:
    """``某某物流集团某地多式联运智慧物流园``, ``中粮某某港粮食物流园二期``: an estate that opens
    with a company's name (``company_estate_end``) is that company's project, with its phase; the
    company owns it."""
    out: list[Mention] = []
    projects = SpanIndex([f for f in found if f.type == "Project"])
    for m in suffix_regex("park_suffixes.txt").finditer(text):
        s, e = m.span()
        start = skip_leading_digits(text, left_boundary(text, s, PARK, max_len=16), s)
        company_end = company_estate_end(text, start, s, m.group())
        if not company_end or projects.overlapping(start, e) or is_counted(text, start):
            continue
        phase = _PHASE_AFTER.match(text, e)
        end = phase.end() if phase else e
        out.append(Mention(start, end, text[start:end], "Project", "projects.company_estate", 0.9))
        begin = place_chain_end(text, start, company_end)
        out.append(_owner(text, out[-1], s) or _owner_named(text, start, begin, text[begin:company_end]))
    return out


@in_squeezed_text
def recognize_projects(text: str) -> list[Mention]:
    out: list[Mention] = []
    common: list[Mention] = []  # bare 项目 after common words only: 某某(dictionary word)机器人项目
    for m in suffix_regex(_TABLE, chain=True, not_before=_NOT_BEFORE).finditer(text):
        s, e = m.span()
        if m.group().endswith("港") and not _may_be_port(text, s, e) or suffix_regex("park_suffixes.txt").match(text, e) \
                and suffix_table(_TABLE).get(m.group()) != "facility":
            continue  # 某某枢纽产业园: the word is part of a park's name (a 某某机场临空经济区 has its airport)
        suffix = m.group()
        part = next((p for p in _SITE_PARTS if suffix.endswith(p)), "")
        if part and len(suffix) > len(part):  # 某某处理中心生产车间: the site, not its workshop
            suffix, e = suffix[:-len(part)], e - len(part)
        start = left_boundary(text, s, PROJECT, max_len=30, floor=_after_company(text, s))
        start = _before_capacity_rate(text, start)
        start = skip_leading_digits(text, start, s)
        # 甲新城及乙项目: two names, each found by its own suffix; the last one only if it is a project.
        start = _coordinated(text, start, s)
        start = _across_inner_conjunction(text, start, s)
        if start == s and _owned_suffix_run(text, s, suffix):
            out.append(Mention(s, e, suffix, "Project", "projects.owned_run", 0.75))
            continue
        if suffix in _SITE_PARTS and _names_site(text, start, s):
            continue  # 某某基地一期生产车间: a workshop of the site named before it
        inner = text.rfind("项目", start, s - 1)
        if inner >= 0 and not suffix.endswith(tuple(_BARE)):
            start = inner + 2  # 某某物流项目分临港: a facility's name does not run over a project's
        if text[start] in _VERB_COMPLEMENTS and stop_ends_at(text, start, PROJECT) >= 2:
            start += 1  # 打造|出某某基地: the stop list ended the verb, not its complement
        verbs = leading_clause_words(text[start:s])
        complemented = bool(verbs) and text[start + verbs] in _VERB_COMPLEMENTS
        verbs += complemented  # 支撑起|老工业基地: a verb and its complement
        if verbs and not _is_project(text, start + verbs, s, e, suffix, need_proper=False):
            continue  # 按下|重大项目建设, 吹响|项目攻坚: verbs before words that name nothing
        if complemented:
            start += verbs  # a verb phrase is no part of the name
        invested = _INVESTED.search(text, max(0, start - 24), start) is not None
        if gazetteer.is_place(text[start:e]):
            continue  # a city named after its port (某某港 of 某某港市) is a place
        if _is_project(text, start, s, e, suffix, need_proper=not invested):
            section = _line_section_end(text, e, suffix)
            if section > e:  # 某某高铁某省段: the line and its section
                out.append(Mention(start, section, text[start:section], "Project", "projects.line_section", 0.8))
            e = _after_phase(text, e, suffix)
            if suffix.endswith(tuple(_BARE)):  # the project, not the line it builds, is 新建…
                start = _new_route(text, start, s)
            site_start = _after_park_of_site(text, start, s, e)
            # at its site the name is sure and outranks a park run across it (某某开发区某某产业园)
            confidence = 0.9 if site_start > start else 0.8
            start = site_start
            out.append(Mention(start, e, text[start:e], "Project", "projects.suffix", confidence))
            owner = _owner(text, out[-1], s)
            if owner:
                out.append(owner)
            for inner_end in _facility_ends(suffix):
                if _is_project(text, start, s, s + inner_end, suffix[:inner_end]):
                    # 某港东站|集装箱办理站: the station the longer facility belongs to is one too
                    out.append(Mention(start, s + inner_end, text[start:s + inner_end], "Project", "projects.suffix", 0.8))
        elif _is_project(text, start, s, e, suffix, need_proper=False):
            common.append(Mention(start, e, text[start:e], "Project", "projects.list_shape", 0.6))
    out += _company_estates(text, out)
    found = _longest_from_each_start(text, out + _quoted_projects(text) + _same_shape_in_list(text, common, out) + _listed_projects(text, out)
                                     + _included_projects(text, out))
    return found + _road_codes(found) + _abbreviated_lines(text, found) + _national_projects(text, found)


@lru_cache(maxsize=1)
def _national_pattern() -> re.Pattern[str]:
    return re.compile(alternation_of(load_set("national_projects.txt")))


def _national_projects(text: str, found: list[Mention]) -> list[Mention]:
    """China's national mega-projects by name (``kg/data/national_projects.txt``: 南水北调东线),
    also inside a longer name, where no other project has that span."""
    spans = {(f.start, f.end) for f in found}
    return [Mention(m.start(), m.end(), m.group(), "Project", "projects.national", 0.75)
            for m in _national_pattern().finditer(text) if m.span() not in spans]


#: A project's name in quotes, the quotes closing right after 项目/工程 (“某某运河古城项目”).
_QUOTED = re.compile(r"“([^“”\n]{4,60}?(?:项目|工程))”(?=[、，,。；;和及与]|等)")


#: A count of works or a rank opening a quoted name: a campaign, no project.
_COUNTED_CAMPAIGN = re.compile(r"[一二两三四五六七八九十百千万0-9]+[项大号个条批]")


def _quoted_projects(text: str) -> list[Mention]:
    """``“甲项目”、“乙工程”等5个项目``: quotes that close right after 项目/工程 delimit a
    project's name exactly, whatever words it is made of; a count opening it makes a
    campaign (“十项重大工程”, “一号改革工程”)."""
    out = []
    for m in _QUOTED.finditer(text):
        s, e = m.span(1)
        core = text[s:e - 2]
        if len(_specific_part(core)) >= 2 and not _COUNTED_CAMPAIGN.match(core) and "某" not in core:
            out.append(Mention(s, e, text[s:e], "Project", "projects.quoted", 0.85))
    return out


@lru_cache(maxsize=1)
def _abbreviated_line() -> re.Pattern[str]:
    """Two provincial abbreviations before 高速/高铁 (京沪高铁, 沪杭高速), and a section of
    the line at a place (…广西段)."""
    chars = "".join(load_set("province_abbreviations.txt"))
    return re.compile(rf"(?<![\u4e00-\u9fff])[{chars}]{{2}}(?:高速公路|高速|高铁)")


#: A section of a line at a place: 某某高铁某省段.
_SECTION = re.compile(r"[\u4e00-\u9fff]{2,4}?段")


#: Lines whose sections are named after a place (某某高铁某省段).
_LINES = ("高铁", "铁路", "高速公路", "高速", "快速路", "轨道交通")


def _line_section_end(text: str, end: int, suffix: str) -> int:
    """End of the section at a place written after a line's name (…高铁广西段), else ``end``."""
    section = _SECTION.match(text, end) if suffix.endswith(_LINES) else None
    if section and gazetteer.match_place_chain(text, end, section.end() - 1) == section.end() - 1:
        return section.end()
    return end


def _abbreviated_lines(text: str, found: list[Mention]) -> list[Mention]:
    """``沪杭高速``, ``京沪高铁某某段``: lines named by the abbreviations of the provinces
    they join, not written with a full place name; with the section where one follows."""
    out = []
    found_spans = {(f.start, f.end) for f in found}
    for m in _abbreviated_line().finditer(text):
        e = m.end()
        if e < len(text) and is_name_char(text[e]) and not stop_starts_at(text, e, PROJECT):
            section = _line_section_end(text, e, m.group())
            if section == e:
                continue  # 沪杭高速发展: no line's name
            e = section
        if (m.start(), e) not in found_spans:
            out.append(Mention(m.start(), e, text[m.start():e], "Project", "projects.abbreviated_line", 0.75))
    return out


#: What a project's name may add after a base or hub it builds: a bracketed place, a works
#: noun and 项目/工程 (某某枢纽建设项目, 某某生产基地(某县)项目).
_PROJECT_TAIL = re.compile(r"(?:[（(][^（）()]{1,8}[）)])?(?:建设|改造|提升|扩建|改建)?(?:项目|工程)")


def _longest_from_each_start(text: str, found: list[Mention]) -> list[Mention]:
    """Of two projects that start together and the shorter ending in 工程, the longer is
    the name as written: 工程 in 某某疫苗和工程疫苗基地项目 is a word of it; so is a base or
    hub the longer one only adds 项目 to (某某枢纽建设项目).  A facility stays nested:
    某某东站 in 某某东站改造项目, and so does 甲项目 in 甲项目(一期)乙工程项目."""
    ends: dict[int, int] = {}
    for p in found:
        if p.type == "Project":
            ends[p.start] = max(ends.get(p.start, p.end), p.end)

    def inside_longer(p: Mention) -> bool:
        end = ends[p.start]
        if p.end == end:
            return False
        if p.text.endswith(_WORKS_WORD):
            return True
        facility = any(p.text.endswith(w) for w, kind in suffix_table(_TABLE).items() if kind == "facility")
        return not facility and _PROJECT_TAIL.fullmatch(text, p.end, end) is not None

    return [p for p in found if p.type != "Project" or not inside_longer(p)]


#: National (G) and provincial (S) road numbers: G352 in G352某某段大桥项目 is a road, itself a project.
_ROAD_CODE = re.compile(r"[GS][0-9]{1,4}(?=[\u4e00-\u9fff])")


def _road_codes(found: list[Mention]) -> list[Mention]:
    out = []
    for p in found:
        m = _ROAD_CODE.match(p.text) if p.type == "Project" else None
        if m and m.end() < len(p.text):
            out.append(Mention(p.start, p.start + m.end(), m.group(), "Project", "projects.road_code", 0.6))
    return out


#: After a port's name, words that make it part of a park's or project's name (建成, 建设
#: say what is done to the port).
_PORT_PART_OF = re.compile(r"[改扩新续澳务]|建(?![成设])|产业|工业|物流|经济|保税|综合|开发|片区|新区|园|区")
#: Common words ending in 港 (临港 "by the port", 空港 "airport"): no port's own name.
_PORT_WORDS = frozenset({"临港", "空港", "海港", "河港", "内港", "陆港", "商港", "渔港", "军港", "出港", "进港", "离港", "到港"})
#: A port's own name is short: 某某港, 某某湾港, 某某信息港.
_PORT_NAME_LENGTH = 6


def _may_be_port(text: str, s: int, e: int) -> bool:
    """Whether the 港 at ``s`` may end a port's (or a 信息港-style hub's) name: not part of
    another name (某某港产业园, 某某港改扩建工程), not a count (四园一港), a common
    word (临港), a place (香港), a free-trade port (自贸港) or a doubled 港."""
    if _PORT_PART_OF.match(text, e) or text[s - 1:s] in _NUMERAL_START or "港港" in text[s - 1:e + 1] \
            or text[s - 1:e] in _PORT_WORDS:
        return False
    if e < len(text) and is_name_char(text[e]) and text[e] not in "东西南北" and not stop_starts_at(text, e, PROJECT):
        return False  # 某某港创集团, 某某氢港氢能产业园: the word runs on (某港东站 is the port's station)
    if any(gazetteer.match_place(text, k) == e for k in range(max(0, e - 4), s)):
        return False  # 香港, 深港 (places ending in 港)
    if any(text.endswith(w, 0, e) for w in suffix_table("park_suffixes.txt")):
        return False  # 自由贸易港, 自贸港: a zone
    start = left_boundary(text, s, PROJECT, max_len=_PORT_NAME_LENGTH + 1)
    return s - start <= _PORT_NAME_LENGTH


#: Result complements of a verb (支撑起, 打造出, 建设成): the verb phrase goes on there.
_VERB_COMPLEMENTS = "起出成好上"
#: A name does not start with a conjunction (及压力容器项目 is the tail of a coordination).
_CONJUNCTIONS = "及和与或并"
#: What joins the items of a list of projects.
_JOINERS = "、及和与"
#: A trade name and a product phrase (某某移动视觉机器人项目), not 文化旅游项目.
_SHAPED_LENGTH = 8


def _same_shape_in_list(text: str, common: list[Mention], found: list[Mention]) -> list[Mention]:
    """In ``甲项目、乙项目、丙项目`` (or ``甲项目及乙项目``) an item named by common words (新思路移动视觉
    机器人项目) is a project when a neighbour in the same list with the same
    last character is one (its direct neighbour, not a chain), so items of
    one list are judged alike."""
    ending_at: dict[int, list[Mention]] = {}
    starting_at: dict[int, list[Mention]] = {}
    for p in found:
        if p.type == "Project":
            ending_at.setdefault(p.end, []).append(p)
            starting_at.setdefault(p.start, []).append(p)

    def same_last(p: Mention, c: Mention) -> bool:
        return text[p.end - 1] == text[c.end - 1]

    return [c for c in common if c.end - c.start >= _SHAPED_LENGTH and (
        text[c.start - 1:c.start] in tuple(_JOINERS) and any(same_last(p, c) for p in ending_at.get(c.start - 1, ()))
        or text[c.end:c.end + 1] in tuple(_JOINERS) and any(same_last(p, c) for p in starting_at.get(c.end + 1, ())))]
