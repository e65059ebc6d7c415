"""Recognizer component: Project mentions (named projects, facilities, works).

A name ends in a suffix of ``kg/data/project_suffixes.txt`` (项目, 工程, 生产基地,
数字化车间, 大桥, 水库, 综合体 ...; a run such as 基地项目 is one suffix) and
starts after the nearest left boundary (``kg.ner.boundary``, project scope):
punctuation, 的, 、, ：, verbs such as 推进/建设/实施, a date or a count, or the
legal suffix of the owning company (``某某有限公司新能源汽车轴生产数字化车间``).
Places and company short names in front stay in the name (潼南东兴大桥,
比亚迪刀片电池生产基地).  Generic phrases are rejected: what is left once
places, numbers and the generic words of ``kg/data/project_generic.txt`` are
removed must be a name (not 重点项目, 光伏项目, 该工程), and a bare 项目/工程
needs a proper part in front (a place, number, company, or a word jieba's
general dictionary does not know): 诚壹食品项目 yes, 文化旅游项目 no.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.lexicon import load_set
from kg.model import Mention
from kg.ner import gazetteer
from kg.ner.boundary import in_squeezed_text, PROJECT, is_counted, left_boundary, skip_leading_digits, suffix_regex

_TABLE = "project_suffixes.txt"
#: 工程 in 工程师/工程院, 基地 in 基地化, 项目 in 项目部: not the end of a project name.
_NOT_BEFORE = r"港|师|院|研究|化|部|组|办|处|经理|负责人|单位|中心|技术|管理|建设|投资|所在"
#: A company's legal suffix ends the phrase before its project.
_COMPANY_END = re.compile(r"有限公司|有限责任公司|股份公司|[（(](?:普通|有限)合伙[）)]")
#: Marks of a named project inside X of X项目: numbers, Latin, quotes, phases, companies.
_PROPER_MARK = re.compile(r"[0-9A-Za-z“”\"（）()·]|[一二三四五六七八九十]期|集团|公司")
_FUNCTION_CHARS = set("及和与类等的之或")
#: Suffixes that name a project only with a proper part in front (see _has_proper_part).
_BARE = {"项目", "工程"}
#: 第三批项目, 第五家基地: an ordinal counts projects, it names none.
_ORDINAL = re.compile(r"第[0-9一二三四五六七八九十百]+[批家个期项座条]")
_NUMBERS = re.compile(r"[一二三四五六七八九十]+大|[0-9.]+(?:万|亿)?(?:吨|千瓦|兆瓦|MW|GW|GWh|亩|平方米|公里|千米|米|座|台|套|条|个|项|期)?")


@lru_cache(maxsize=1)
def _generic_lengths() -> tuple[frozenset[str], tuple[int, ...]]:
    words = load_set("project_generic.txt")
    return words, tuple(sorted({len(w) for w in words}, reverse=True))


def _specific_part(core: str) -> str:
    """What is left of ``core`` without place names (county short forms excepted), numbers and generic words
    (short place names stay: 潼南东兴大桥, 双江航电枢纽工程 are named after places)."""
    words, lengths = _generic_lengths()
    core = _NUMBERS.sub("", core)
    out, i = [], 0
    while i < len(core):
        j = gazetteer.match_place(core, i)
        entry = gazetteer.lookup(core[i:j]) if j > i else None
        if entry and not (entry.is_short and entry.level == gazetteer.COUNTY):
            i = j
            continue
        for n in lengths:
            if core[i:i + n] in words:
                i += n
                break
        else:
            out.append(core[i])
            i += 1
    return "".join(out)


@lru_cache(maxsize=1)
def _tokenizer():
    """jieba's general dictionary, without HMM: a word it does not know falls
    apart into single characters, which is how a proper name shows."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _has_proper_part(core: str) -> bool:
    """Whether a bare ``X项目``/``X工程`` names something: X holds a place, a
    number, a Latin or quoted part, a phase, a company, or a word unknown to a
    general dictionary (诚壹食品项目), rather than only common words (观摩项目,
    产业发展类项目, 文化旅游项目)."""
    if _PROPER_MARK.search(core):
        return True
    i = 0
    while i < len(core):
        j = gazetteer.match_place(core, i)
        if j > i:
            return True
        i += 1
    singles = 0
    for token in _tokenizer().lcut(core, HMM=False):
        singles = singles + 1 if len(token) == 1 and token not in _FUNCTION_CHARS else 0
        if singles >= 2:
            return True
    return False


def _after_company(text: str, end: int, window: int = 30) -> int:
    """End of the last company legal suffix shortly before ``end`` (0 if none)."""
    last = 0
    for m in _COMPANY_END.finditer(text, max(0, end - window), end):
        last = m.end()
    return last


@in_squeezed_text
def recognize_projects(text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in suffix_regex(_TABLE, chain=True, not_before=_NOT_BEFORE).finditer(text):
        s, e = m.span()
        start = left_boundary(text, s, PROJECT, max_len=30, floor=_after_company(text, s))
        start = skip_leading_digits(text, start, s)
        if start >= s or is_counted(text, start) or _ORDINAL.match(text, start):
            continue
        name = text[start:e]
        if len(_specific_part(text[start:s])) < 2 or "某" in name or name.count("“") != name.count("”"):
            continue
        if m.group() in _BARE and not _has_proper_part(text[start:s]):
            continue
        out.append(Mention(start, e, name, "Project", "projects.suffix", 0.8))
    return out
