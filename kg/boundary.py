"""Left boundaries of names found by their suffix (有限公司, 产业园, 项目 ...).

Chinese has no spaces, so a suffix recognizer scans left from the suffix over
name characters and stops at the first of:
- a character that cannot be in a name (punctuation, space, line break);
- a word from ``kg/data/name_left_stops.tsv`` ending there (verbs such as
  位于/引进/推进, prepositions, demonstratives, time words), for the scope of the
  recognizer asking (E enterprise, K park, P project, O organization);
- a date (``10月30日``);
- the maximum name length.
A parenthesised part is crossed when it is short and closed: ``科技(重庆)有限公司``.

Also shared by the suffix recognizers: suffix tables of ``kg/data`` as regexes,
count and numbering checks, and the *squeezed* view of a document
(``in_squeezed_text``): the text without the single spaces OCR leaves inside
words, so ``长嘉汇购 物中心`` is found, with offsets mapped back to ``doc.text``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from kg import gazetteer, vocabulary
from kg.lexicon import alternation_of, load_set, load_table
from kg.model import Document, Mention, SqueezedText

ENTERPRISE, PARK, PROJECT, ORGANIZATION = "E", "K", "P", "O"

#: A short name defined right after a full name: （以下简称“某某”）, 简称某某.
DEFINED_SHORT_NAME = re.compile(r"[（(]?(?:以下简称|下称|简称)[：:]?[“\"「『]?([^”\"」』，,。；;）)\s]{2,12})[”\"」』]?")

#: Nouns of works that end a project's own name (某某铁路建设项目, 某某景观提升工程).
_WORKS = ("建设", "改造", "提升", "扩建", "改建")
_OPEN = {")": "(", "）": "（", "”": "“"}
_HAN = re.compile(r"[\u3400-\u9fff]")
_NAME_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9·]")
_DATE_CHARS = "年月日号"
#: Measure words after a number: ``9个光伏产业园`` counts parks, it names none.
COUNTERS = "个家座条项批所处人名"
_NUMERALS = "余多几一二两三四五六七八九十百千万"
#: 第七届, 第三次: an edition or a round, never the start of a name.
_ORDINAL_COUNTERS = "届次"
#: Words that open with a measure word after a numeral and count nothing: 第二人民医院 (人民, the people).
_WORDS_OPENING_WITH_A_COUNTER = ("人民",)
#: ASCII/full-width punctuation inside parentheses that cannot be part of a name.
_NOT_IN_PARENS = re.compile(r"[，,。、；;：:]")


@lru_cache(maxsize=None)
def _stops(scope: str) -> dict[int, frozenset[str]]:
    by_len: dict[int, set[str]] = {}
    for row in load_table("name_left_stops.tsv"):
        word, scopes = row[0], (row[1] if len(row) > 1 else "")
        if not scopes or scope in scopes:
            by_len.setdefault(len(word), set()).add(word)
    return {n: frozenset(ws) for n, ws in sorted(by_len.items(), reverse=True)}


@lru_cache(maxsize=None)
def _stop_last_chars(scope: str) -> frozenset[str]:
    """The characters the stop words of ``scope`` end with: at any other, none ends (most positions)."""
    return frozenset(word[-1] for words in _stops(scope).values() for word in words)


#: 和 right after a locative verb joins nothing: it is the first character of a name.
_NAME_OPENING_HE = re.compile(r"(?:在|到|赴|走进|来到)和$")


def opens_name(text: str, i: int) -> bool:
    """Whether the conjunction ending at ``i`` opens a name instead (在和某某项目:
    nothing stands before 和 to be joined)."""
    return bool(_NAME_OPENING_HE.search(text, max(0, i - 3), i))


@lru_cache(maxsize=1)
def _and_compounds() -> tuple[str, ...]:
    return tuple(load_set("and_compounds.txt"))


def _inside_and_compound(text: str, i: int) -> bool:
    """Whether the 和 ending at ``i`` is inside an official compound (工业和信息化)."""
    for c in _and_compounds():
        k = c.index("和")
        if text.startswith(c, i - 1 - k):
            return True
    return False


#: The literary "of" that makes a noun of the character after it (之都 "capital of").
_OF = "之"


def stop_ends_at(text: str, i: int, scope: str) -> int:
    """Length of the stop word ending at ``i`` (0 if none).  A one-character
    stop that closes a noun of the dictionary (据 of 数据) or follows 之 (之都), or the
    和 of an official compound (工业和信息化), is no stop."""
    if i <= 0 or text[i - 1:i] not in _stop_last_chars(scope):
        return 0
    for n, words in _stops(scope).items():
        if n <= i and text[i - n:i] in words:
            if n == 1 and i >= 2 and (vocabulary.is_noun(text[i - 2:i]) or text[i - 2] == _OF):
                continue  # 数据, and 之 + one character: 某某之都, 某某之城
            if text[i - n:i] == "和" and _inside_and_compound(text, i):
                continue
            if scope == PROJECT and opens_name(text, i):
                continue
            return n
    return 0


def stop_starts_at(text: str, i: int, scope: str) -> int:
    """Length of the stop word starting at ``i`` (0 if none): a right boundary."""
    for n, words in _stops(scope).items():
        if text[i:i + n] in words:
            return n
    return 0


def is_name_char(ch: str) -> bool:
    return bool(_NAME_CHAR.match(ch))


def _numbered_object(text: str, i: int) -> bool:
    """Whether the 号 at ``i`` numbers an object (五号大桥, 3号线) rather than a day (10月3号)."""
    j = i
    while j > 0 and (text[j - 1].isdigit() or text[j - 1] in _NUMERALS):
        j -= 1
    return j == 0 or text[j - 1] != "月"


#: A dash joining two names inside a project's (某国—某盟信息港, 某某之城-某某绿谷项目).
_DASHES = "—-－"


def _joining_dash(text: str, i: int, scope: str) -> bool:
    """Whether the dash at ``i`` joins two Chinese words inside a project's name (not ——, a list or a range)."""
    return scope == PROJECT and text[i] in _DASHES and 0 < i < len(text) - 1 \
        and _HAN.match(text[i - 1]) is not None and _HAN.match(text[i + 1]) is not None


def left_boundary(text: str, start: int, scope: str, max_len: int = 30, floor: int = 0) -> int:
    """Where a name ending in a suffix at ``start`` begins (see module doc)."""
    i = start
    while i > floor and start - i < max_len:
        # A project may be named after its works (某某铁路建设项目): that word is kept.
        if stop_ends_at(text, i, scope) and not (scope == PROJECT and i == start and text.endswith(_WORKS, 0, i)):
            break
        ch = text[i - 1]
        if ch in _OPEN:
            j = text.rfind(_OPEN[ch], max(floor, i - 10), i - 1)
            inner = text[j + 1:i - 1] if j >= 0 else ""
            if j <= floor or not inner or _NOT_IN_PARENS.search(inner) or "\n" in inner \
                    or not is_name_char(text[j - 1]):
                break  # only a part inside a name: 科技(重庆)有限公司, not (记者某某)
            i = j
            continue
        if (ch in _DATE_CHARS or ch in COUNTERS or ch in _ORDINAL_COUNTERS) and i >= 2 \
                and (text[i - 2].isdigit() or text[i - 2] in _NUMERALS) and not (ch == "号" and _numbered_object(text, i - 1)) \
                and not text.startswith(_WORDS_OPENING_WITH_A_COUNTER, i - 1):
            break  # a date (10月30日) or a count (6个) ends the phrase before a name
        if ch in ".．" and i >= 2 and text[i - 2].isdigit() and text[i:i + 1].isdigit():
            i -= 1  # a decimal number: 1.4万吨
            continue
        if not is_name_char(ch) and not (ch == "+" and i >= 2 and text[i - 2].isascii() and text[i - 2].isalnum()) \
                and not (ch == "×" and i >= 2 and text[i - 2].isdigit()) and not _joining_dash(text, i - 1, scope):
            break  # "+" only in names like 5G+工业互联网, "×" in a capacity (2×66万千瓦)
        i -= 1
    return i


_PARENTHESISED = re.compile(r"[（(][^）)]*[）)]")


def without_parentheses(name: str) -> str:
    """``礼嘉链网汇数字科技(重庆)`` -> ``礼嘉链网汇数字科技``."""
    return _PARENTHESISED.sub("", name)


#: List numbering: digits not followed by a unit, a decimal part or a Latin letter.
_NUMBERING = re.compile(r"[0-9]+(?![0-9A-Za-z万亿千百吨米亩台套个座条项期年%‰]|[.．][0-9]|[吉兆]瓦)[.．、]?")


def skip_leading_digits(text: str, start: int, end: int) -> int:
    """Skip list numbering at the start of a name (``- 1新能源汽车...``), not a
    quantity (``264万吨焦化项目``, ``5G``)."""
    m = _NUMBERING.match(text[start:end])
    return start + m.end() if m else start


def is_counted(text: str, start: int) -> bool:
    """Whether the phrase at ``start`` follows a count (``9个``, ``多个``, ``一批``)."""
    before = text[max(0, start - 3):start]
    return bool(re.search(r"(?:[0-9]+余?|[一二两三四五六七八九十百多几若干]+)[个家座条项批所处名]$|一批$|若干$", before))


def trim_place_prefix(text: str, start: int, end: int) -> int:
    """Drop a leading place that merely locates the name: in ``江津区重庆某某公司``
    a county comes before its province, so the name starts at the province."""
    first_end = gazetteer.match_place(text, start, allow_short=False)
    if first_end == start or first_end >= end:
        return start
    first = gazetteer.lookup(text[start:first_end])
    second_end = gazetteer.match_place(text, first_end)
    if second_end == first_end or second_end >= end:
        return start
    second = gazetteer.lookup(text[first_end:second_end])
    rank = {gazetteer.PROVINCE: 0, gazetteer.CITY: 1, gazetteer.COUNTY: 2}
    if first and second and first.level in rank and second.level in rank and rank[second.level] < rank[first.level]:
        return first_end
    return start


@lru_cache(maxsize=None)
def suffix_table(name: str) -> dict[str, str]:
    """``kg/data/NAME``: suffix -> kind (second column, empty if none)."""
    return {row[0]: (row[1] if len(row) > 1 else "") for row in load_table(name)}


@lru_cache(maxsize=None)
def suffix_regex(name: str, chain: bool = False, not_before: str = "") -> re.Pattern[str]:
    """Alternation of the suffixes in ``kg/data/NAME``, longest first; with
    ``chain`` a run of suffixes (基地项目) is one match; ``not_before`` is a
    regex the text after the suffix must not match (工程 in 工程师)."""
    alternation = alternation_of(suffix_table(name))
    body = f"(?:{alternation})+" if chain else f"(?:{alternation})"
    return re.compile(body + (f"(?!{not_before})" if not_before else ""))


#: Lines with these words are bylines, where a space between CJK characters
#: separates names (记者 邓浩 罗凯元) and must stay.
_BYLINE_WORDS = ("记者", "通讯员", "摄影", "编辑", "责编", "实习生", "特约", "摄")
_CJK_CHAR = r"[\u3400-\u9fff\uf900-\ufaff]"
#: A space between two CJK characters (a line break is none, so both are on its line).
_SPACE_IN_WORD = re.compile(rf"(?<={_CJK_CHAR}) (?={_CJK_CHAR})")


def _squeeze(text: str) -> SqueezedText:
    """``text`` without the single spaces OCR leaves inside words, outside bylines."""
    dropped: list[int] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if " " in line and not any(w in line for w in _BYLINE_WORDS):
            dropped.extend(pos + m.start() for m in _SPACE_IN_WORD.finditer(line))
        pos += len(line)
    kept = [text[a + 1:b] for a, b in zip([-1, *dropped], [*dropped, len(text)])]
    return SqueezedText("".join(kept), tuple(dropped))


def squeezed(doc: Document) -> SqueezedText:
    """The squeezed text of ``doc``: found by the first recognizer that needs it and kept on
    the document (``doc.squeezed``), so names can be matched across OCR's spaces and still
    be reported at offsets into the normalized text."""
    if doc.squeezed is None:
        doc.squeezed = _squeeze(doc.text)
    return doc.squeezed


def original_span(index: tuple[int, ...], start: int, end: int) -> tuple[int, int]:
    """Offsets in the normalized text of ``[start, end)`` in the squeezed text."""
    return index[start], index[end - 1] + 1


def in_squeezed_text(recognize: Callable[[str], list[Mention]]) -> Callable[[Document], list[Mention]]:
    """Run a text recognizer on the squeezed text of a document and move its
    mentions back to offsets of ``doc.text`` (their text may then hold a space)."""
    def recognize_document(doc: Document) -> list[Mention]:
        view = squeezed(doc)
        text, index = view.text, view.index
        out = []
        for m in recognize(text):
            s, e = original_span(index, m.start, m.end)
            out.append(Mention(s, e, doc.text[s:e], m.type, m.source, m.confidence))
        return out

    recognize_document.__doc__ = recognize.__doc__
    return recognize_document
