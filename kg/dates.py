"""Publication date of a document, and relative dates (昨日, 上周 ...) resolved against it.

Where the date comes from, in order (recorded in ``Document.date_source``):

1. ``meta``: a sidecar ``NAME.meta.json`` (set by the reader);
2. ``masthead``: a full date near the top of the page (``2024年7月16日 星期二``), not one planned or
   bounding a period (``计划于2025年6月30日建成``, ``2024年5月8日前``, ``2023年3月1日起``);
3. ``dateline``: the latest ``7月16日`` that opens an article or follows
   ``本报讯（…）``, with the year the text mentions most (``2024年上半年``);
4. ``cli``: the ``--date`` fallback given by the caller.

Facts in time are dated against it unless only a dateline gave it (``fact_anchor``): a day told
without its year then takes the year its sentence states (2月18日，某市2024年一季度第一批项目开工)
or has none.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from kg.lexicon import load_lines
from kg.model import Document, SentenceDates, StatedDate

#: A masthead date sits in the first few lines of the page.
MASTHEAD_CHARS = 200

_FULL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?(?!\d)")
_MONTH_DAY = r"(?<![\d年])(\d{1,2})月(\d{1,2})[日号]"
#: Datelines: 本报讯（记者 X）7月16日 / paragraph-initial 7月16日上午，/ 新华社北京7月16日电
_DATELINE = re.compile(
    rf"(?:本报讯|本报[^，。\n]{{0,12}}?讯|电)\s*(?:[（(][^）)\n]{{0,60}}[）)])?\s*{_MONTH_DAY}"
    rf"|(?:^|\n)\s*{_MONTH_DAY}(?:至\d{{1,2}}日)?(?:[上下]午|晚|早)?[，,]"
    rf"|(?:新华社|中新社|本报)[^，。\n]{{0,10}}?{_MONTH_DAY}电")
#: Years in ranges and targets (力争到2027年, 2025—2029年) and years planned (计划2021年6月建成,
#: 预计2025年投产: later than the report) say nothing about the publication year.
_NOT_PLANNED = r"(?<![\d到至—\-~～])(?<!计划)(?<!预计)(?<!力争)(?<!争取)(?<!确保)(?<!有望)(?<!将于)(?<!计划于)(?<!预计于)"
#: The year patterns look ahead for its first digit before those lookbehinds, which lets the
#: engine pass over the other positions at once.
_YEAR = re.compile(rf"(?=[12]){_NOT_PLANNED}((?:19|20)\d\d)年(度?)(?!前|后|以来|起|底前)")


#: After a full date, the words making it a deadline or a period's bound, not the day of the page.
_NOT_THE_DAY_AFTER = ("前", "以前", "之前", "后", "以后", "之后", "起", "以来", "至", "到", "—", "-")


def find_publication_date(doc: Document) -> None:
    """Set ``doc.date`` and ``doc.date_source`` unless a sidecar already did."""
    if doc.date is not None:
        return
    found = date_in_text(doc.text)
    if found is not None:
        doc.date, doc.date_source = found
        return
    fallback = doc.meta.get("fallback_date")
    if fallback is not None:
        doc.date, doc.date_source = fallback, "cli"


def date_in_text(text: str) -> tuple[dt.date, str] | None:
    """(date, how it was found) for the publication date a text states, or None."""
    for m in _FULL_DATE.finditer(text[:MASTHEAD_CHARS]):
        if _planned(text, m.start()) or text.startswith(_NOT_THE_DAY_AFTER, m.end()):
            continue  # 某某项目计划于2025年6月30日建成, 2024年5月8日前完成: a day planned or bounding a period
        d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d is not None:
            return d, "masthead"
    year = main_year(text)
    if year is None:
        return None
    days = []
    for m in _DATELINE.finditer(text):
        month, day = (int(g) for g in m.groups() if g is not None)
        d = _date(year, month, day)
        if d is not None:
            days.append(d)
    if days:
        return max(days), "dateline"
    return None


def main_year(text: str) -> int | None:
    """The year the text is written in: the one it mentions most (latest on a tie).

    A ``2023年度`` review or budget is reported in the following year.
    """
    counts: Counter[int] = Counter()
    for m in _YEAR.finditer(text):
        counts[int(m.group(1)) + (1 if m.group(2) else 0)] += 1
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- relative dates ------------------------------------------------------------------

_DAY_OFFSETS = {"大前天": -3, "前天": -2, "前日": -2, "昨天": -1, "昨日": -1, "昨": -1,
                "今天": 0, "今日": 0, "当天": 0, "当日": 0, "明天": 1, "明日": 1, "后天": 2, "大后天": 3}
_WEEK_OFFSETS = {"上周": -1, "上星期": -1, "本周": 0, "这周": 0, "这星期": 0, "下周": 1, "下星期": 1}
_MONTH_OFFSETS = {"上月": -1, "上个月": -1, "本月": 0, "这个月": 0, "当月": 0, "下月": 1, "下个月": 1}
_YEAR_OFFSETS = {"前年": -2, "去年": -1, "今年": 0, "本年": 0, "当年": 0, "明年": 1, "后年": 2}
_WEEKDAYS = "一二三四五六日天"

#: Every relative date expression ``resolve_relative`` understands, longest first.
RELATIVE = re.compile(
    "(?:上|本|这|下)(?:周|星期)[一二三四五六日天]|"
    + "|".join(sorted(list(_DAY_OFFSETS) + list(_WEEK_OFFSETS) + list(_MONTH_OFFSETS) + list(_YEAR_OFFSETS),
                      key=len, reverse=True)))


def resolve_relative(expression: str, anchor: dt.date) -> tuple[dt.date, dt.date] | None:
    """The (first, last) day an expression like 昨日, 上周, 下月, 去年, 上周三 means, seen from ``anchor``.

    >>> resolve_relative("昨日", dt.date(2024, 7, 16))
    (datetime.date(2024, 7, 15), datetime.date(2024, 7, 15))
    """
    e = expression.strip()
    if e in _DAY_OFFSETS:
        d = anchor + dt.timedelta(days=_DAY_OFFSETS[e])
        return d, d
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if e in _WEEK_OFFSETS:
        first = monday + dt.timedelta(weeks=_WEEK_OFFSETS[e])
        return first, first + dt.timedelta(days=6)
    m = re.fullmatch(r"([上本这下])(?:周|星期)([一二三四五六日天])", e)
    if m:
        weeks = {"上": -1, "本": 0, "这": 0, "下": 1}[m.group(1)]
        d = monday + dt.timedelta(weeks=weeks, days=min(_WEEKDAYS.index(m.group(2)), 6))
        return d, d
    if e in _MONTH_OFFSETS:
        index = anchor.year * 12 + anchor.month - 1 + _MONTH_OFFSETS[e]
        first = dt.date(index // 12, index % 12 + 1, 1)
        nxt = dt.date((index + 1) // 12, (index + 1) % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    if e in _YEAR_OFFSETS:
        year = anchor.year + _YEAR_OFFSETS[e]
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    return None


def resolve_month_day(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """A ``7月16日`` without a year: the one in the anchor's year, or the year before when
    that would lie more than a month after the anchor (a December event told in January)."""
    d = _date(anchor.year, month, day)
    if d is not None and (d - anchor).days > 31:
        d = _date(anchor.year - 1, month, day)
    return d


# --- dates stated in a sentence --------------------------------------------------------

#: 年底/年末 name the year's last month, 年初 its first; 上旬/中旬/下旬/底/末/初 keep a month's precision.
_YEAR_PART = {"底": 12, "末": 12, "初": 1}
_MONTH_PARTS = "(?:上旬|中旬|下旬|初|底|末|中)?"
_RELATIVE_YEAR = "|".join(sorted(_YEAR_OFFSETS, key=len, reverse=True))
#: A range of months (1—10月, 2024年1至6月) names no one month: the year it falls in.
_MONTH_RANGE = r"(?<!\d)\d{1,2}月?\s*[—\-－～~至到]\s*\d{1,2}月(?:份)?"
#: Words for the day a report is about (当天开工的项目, 同日通车), not the day it was published.
SAME_DAY = ("当天", "当日", "同日", "同一天")
#: The words of the relative dates, of 同年/次年/翌年 and of a weekday's week (上周三, 本星期五): their first
#: characters open a stated date.
_STATED_WORDS = (*_DAY_OFFSETS, *_WEEK_OFFSETS, *_MONTH_OFFSETS, *_YEAR_OFFSETS, *SAME_DAY, "同年", "次年", "翌年",
                 "次月", "翌月", "次日", "翌日", "上", "本", "这", "下", "第")
#: 次月/翌月 is the month after the one told before, 当月 that one.
_TOLD_MONTH_OFFSETS = {"当月": 0, "次月": 1, "翌月": 1}
#: The words of a month seen from the publication date or from the month told before, longest first.
_MONTH_WORDS = "|".join(sorted([*_MONTH_OFFSETS, *_TOLD_MONTH_OFFSETS], key=len, reverse=True))
#: Every character a stated date can begin with: a digit, 年 (年底), 今 and a bracket (今（19）日), or the
#: first character of one of _STATED_WORDS. The pattern looks ahead for one of them first, which lets the
#: regex engine pass over every other position at once instead of trying each alternative there (10x faster).
STATED_FIRST = "".join(sorted({w[0] for w in _STATED_WORDS} | set("年今（(")))
STATED_ALTERNATIVES = (
    rf"(?P<range>(?:(?<!\d)(?P<range_y>(?:19|20)\d\d)年)?{_MONTH_RANGE})"
    rf"|(?P<full>(?<!\d)(?:19|20)\d\d\s*[年./-]\s*\d{{1,2}}\s*[月./-]\s*\d{{1,2}}\s*[日号]?(?!\d))"
    rf"|(?P<ym>(?<!\d)(?P<ym_y>(?:19|20)\d\d)年(?P<ym_m>\d{{1,2}})月{_MONTH_PARTS})"
    rf"|(?P<y>(?<!\d)(?P<y_y>(?:19|20)\d\d)年(?:(?P<y_part>底|末|初)|(?!度|\d|第)))"
    rf"|(?P<sy>(?P<sy_word>同年|次年|翌年)(?:(?P<sy_m>\d{{1,2}})月(?:(?P<sy_d>\d{{1,2}})[日号])?|(?P<sy_part>底|末|初))?)"
    rf"|(?P<ry>(?P<ry_word>{_RELATIVE_YEAR})(?:(?P<ry_m>\d{{1,2}})月(?:(?P<ry_d>\d{{1,2}})[日号])?|年?(?P<ry_part>底|末|初))?)"
    rf"|(?P<md>(?<![\d年])(?P<md_m>\d{{1,2}})月(?:(?P<md_d>\d{{1,2}})[日号]|{_MONTH_PARTS}))"
    rf"|(?P<d>(?<![\d月）)])今?[（(]?(?P<d_d>\d{{1,2}})[）)]?日(?!电))"
    rf"|(?P<wy>(?<![\d一二两三四五六七八九十几多数百半今去明前后本当])年(?P<wy_part>底|末|初|内))"
    rf"|(?P<py>(?:(?<!\d)(?P<py_y>(?:19|20)\d\d)年|(?<![\d年第]))(?:[上下]半年|第?[一二三四1-4]季度))"
    rf"|(?P<rm>(?P<rm_word>{_MONTH_WORDS})(?:(?P<rm_d>\d{{1,2}})[日号])?)"
    rf"|(?P<nd>次日|翌日)"
    rf"|(?P<rel>同日|同一天|{RELATIVE.pattern})")
#: A quarter told by its number alone (一季度) is looked for where its 季度 follows, not at every 一.
_STATED = re.compile(rf"(?=[\d{re.escape(STATED_FIRST)}]|[一二三四]季度)(?:{STATED_ALTERNATIVES})")


def stated_dates(text: str, anchor: dt.date | None, that_day: str | None = None,
                 year_told: int | None = None) -> list[StatedDate]:
    """Every date ``text`` states, in order, resolved against ``anchor`` (the publication
    date) where the text leaves out the year or the month (7月16日, 19日, 昨日, 去年底, 今年3月,
    年底, 年内: this year's).
    当天, 当日, 同日 are the day stated before them in ``text``, else ``that_day`` (the day the
    report is about: its lead's), else the anchor; 同年 (同年9月, 同年底), 次年 and 当年 (当年8月: the year
    the text is talking about, not the publication year) are of the year stated before them in ``text``,
    else of ``year_told`` (the year the sentences before told last), else none (当年: the anchor's); so is a
    month told after a month of a year it is not earlier than (2019年10月任某职，11月任某职), and a day after a day
    of a month it is not earlier than (2024年4月8日开工，10日通车); the end of a range told with its start
    (4月8日至10日) is no date of its own.  A date a time
    since starts (去年以来, 2019年以来) is a period's start, not the date of what it tells: only one of the
    anchor's year (今年以来, 年初以来) dates it, as that year.  年底, 年初 and 年内 are of the year told before them
    in ``text`` (2022年3月开工，年底建成), else the anchor's; 上半年 and 一季度 are of the year told with them or
    before, else the anchor's; 当月, 次月 and 次日 the month or the day told before, or the one after it; a
    planned month or day without its year (预计10月建成: kg/data/plan_words.txt) is the next one from the
    anchor.  Without an anchor only dates that give their year are returned."""
    return _read(text, _STATED.finditer(text), anchor, that_day, year_told)


def _read(text: str, matches: Iterable[re.Match[str]], anchor: dt.date | None, that_day: str | None = None,
          year_told: int | None = None) -> list[StatedDate]:
    """``stated_dates`` of ``text`` from the ``matches`` of the stated-date grammar in it: one search serves
    every reading of a sentence (``read_sentence_dates``)."""
    out: list[StatedDate] = []
    for m in matches:
        if out and _RANGE_JOINER.fullmatch(text, out[-1].end, m.start()):
            continue  # 2024年4月8日至10日开工: the range's start dates it, its end is no date of its own
        told = int(out[-1].value[:4]) if out else year_told
        if m.group("sy"):
            value = _in_year(told + _SAME_YEAR_OFFSETS[m.group("sy_word")], m, "sy") if told is not None else None
        elif m.group("ry_word") == _THAT_YEAR and told is not None:
            value = _in_year(told, m, "ry")  # 2023年5月开工，当年8月投产
        elif m.group("py"):  # 上半年, 一季度: of the year told with it or before, else of the publication date's
            year = m.group("py_y") or told or (anchor.year if anchor else None)
            value = str(year) if year is not None else None
        elif m.group("rm_word") in _TOLD_MONTH_OFFSETS or m.group("nd"):
            value = _after_told(m, out, anchor)
        elif m.group("wy") and anchor is not None and out:
            value = _part_of_year(int(out[-1].value[:4]), m.group("wy_part"))  # 2022年3月开工，年底建成
        elif m.group("rel") in SAME_DAY:
            days = [d.value for d in out if len(d.value) == 10]
            value = days[-1] if days else that_day or _stated_value(m, anchor)
        elif m.group("md") and (year := _year_going_on(out, int(m.group("md_m")))) is not None:
            # 2019年10月任某职，11月任某职: the year told before
            month = int(m.group("md_m"))
            value = _iso_day(_date(year, month, int(m.group("md_d")))) if m.group("md_d") else _iso_month(year, month)
        elif m.group("d") and (month := _month_going_on(out, int(m.group("d_d")))) is not None:
            value = _iso_day(_date(int(month[:4]), int(month[5:7]), int(m.group("d_d"))))  # 4月8日开工，10日通车
        elif anchor is None and m.group("md"):
            value = _in_stated_period(text, int(m.group("md_m")), m.group("md_d"))
        else:
            value = _stated_value(m, anchor)
        if value is not None and _SINCE_START.match(text, m.end()):
            # 今年以来，某某项目建成投产: this year's; 去年以来，…: some time since last year, no date of it
            value = value[:4] if anchor is not None and value[:4] == str(anchor.year) else None
        if value is not None:
            out.append(StatedDate(m.start(), m.end(), value))
    return out


def _after_told(m: re.Match[str], told: list[StatedDate], anchor: dt.date | None) -> str | None:
    """The value of 当月, 次月 (2023年5月签约，次月开工) or 次日 (5月10日签约，次日开工): the month or the day after
    the last month or day ``told`` before it; 当月 with none told is the anchor's month, the others none."""
    if m.group("nd"):
        day = next((d.value for d in reversed(told) if len(d.value) == len("2000-01-01")), None)
        return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat() if day else None
    month = next((d.value for d in reversed(told) if len(d.value) >= len("2000-01")), None)
    if month is None:
        return anchor.isoformat()[:7] if anchor is not None and m.group("rm_word") == "当月" else None
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + _TOLD_MONTH_OFFSETS[m.group("rm_word")]
    first = dt.date(index // 12, index % 12 + 1, 1)
    return _iso_day(_date(first.year, first.month, int(m.group("rm_d")))) if m.group("rm_d") else first.isoformat()[:7]


#: Between the dates opening and closing a range (4月8日至10日, 2023年5月—2024年3月).
_RANGE_JOINER = re.compile(r"\s*[至到—\-－～~]\s*")
#: 当年 is the year the text is talking about (2023年5月开工，当年8月投产), told before it.
_THAT_YEAR = "当年"
#: Right after a date, the words making it the start of a time since (今年以来, 今年来，).
_SINCE_START = re.compile(r"\s*(?:以来|来(?=[，,]))")


def _year_going_on(told: list[StatedDate], month: int) -> int | None:
    """The year of a month told without one (，11月任某职) after a month of a year told before it in the same
    text (2019年10月任某职): that year, when the month is not earlier; else None."""
    if not told or len(told[-1].value) < len("2000-01") or int(told[-1].value[5:7]) > month:
        return None
    return int(told[-1].value[:4])


def _month_going_on(told: list[StatedDate], day: int) -> str | None:
    """The month (YYYY-MM) of a day told without one (，10日通车) after a day of a month told before it in the
    same text (2024年4月8日开工): that month, when the day is not earlier; else None."""
    if not told or len(told[-1].value) < len("2000-01-01") or int(told[-1].value[8:]) > day:
        return None
    return told[-1].value[:7]


#: Any day, to find the dates a text states that need the publication date to be read.
_ANY_DAY = dt.date(2000, 1, 1)


def read_sentence_dates(doc: Document) -> None:
    """The dates each sentence of ``doc`` states, read once for the readers of facts in time
    (``Document.sentence_dates``): the grammar's matches are found once per sentence and read with each
    anchor, lead's day and year told those readers need."""
    anchor = fact_anchor(doc)
    found = [list(_STATED.finditer(s.text)) for s in doc.sentences]
    leads = _lead_days(doc, found, anchor)
    last: dict[int, int] = {}  # article index -> the year it told last: a 当年 or 同年 after it is of that year
    out = []
    for sentence, matches in zip(doc.sentences, found):
        lead, told = leads.get(sentence.article), last.get(sentence.article)
        stated = _read(sentence.text, matches, anchor, lead, told)
        if stated:
            last[sentence.article] = int(stated[-1].value[:4])
        unread: list[StatedDate] = []
        unknown_day = False
        if anchor is None:  # then ``stated`` is the reading without one
            unread = _unread(sentence.text, matches, stated, lead, told)
            bare = _read(sentence.text, matches, None, lead) if told is not None else stated
            unknown_day = any(len(d.value) == len("2000-01-01") for d in _unread(sentence.text, matches, bare, lead))
        out.append(SentenceDates(lead, tuple(stated), tuple(unread), unknown_day))
    doc.sentence_dates = out


def _unread(text: str, matches: list[re.Match[str]], read: list[StatedDate], that_day: str | None,
            year_told: int | None = None) -> list[StatedDate]:
    """The dates ``text`` states that need a publication date to be read (今年4月, 1月6日, 昨天): those its
    reading against any day gives and ``read``, its reading without one, lacks; their values are a stand-in's."""
    spans = {(d.start, d.end) for d in read}
    return [d for d in _read(text, matches, _ANY_DAY, that_day, year_told) if (d.start, d.end) not in spans]


#: 同年 is the year told before, 次年/翌年 the one after it.
_SAME_YEAR_OFFSETS = {"同年": 0, "次年": 1, "翌年": 1}


def _in_year(year: int, m: re.Match[str], prefix: str) -> str:
    """The day, month, part of the year (groups PREFIX_d, PREFIX_m, PREFIX_part of ``m``) or the
    whole of ``year`` that a relative date names."""
    if m.group(f"{prefix}_d"):
        return _iso_day(_date(year, int(m.group(f"{prefix}_m")), int(m.group(f"{prefix}_d"))))
    if m.group(f"{prefix}_m"):
        return _iso_month(year, int(m.group(f"{prefix}_m")))
    part = m.group(f"{prefix}_part")
    return _iso_month(year, _YEAR_PART[part]) if part else str(year)


#: A year, or a part of it (2024年一季度, 2023年第二季度, 2024年上半年), not planned nor a range's end,
#: nor a year under review (2023年度), a month of it (2021年6月) or a time since or before it (2019年以来).
_YEAR_PERIOD = re.compile(rf"(?=[12]){_NOT_PLANNED}((?:19|20)\d\d)年(?:第?([一二三四1-4])季度|([上下])半年|(?![\d度]|以来|起|前|后))")
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _in_stated_period(text: str, month: int, day: str | None) -> str | None:
    """A 2月18日 whose year the text leaves out, in a text that names its year or a part of a year
    holding that month (2月18日，某市2024年一季度第一批项目开工; 4月27日，某县2023年第二批重点项目开工):
    that year's; else None."""
    for m in _YEAR_PERIOD.finditer(text):
        first = (_QUARTERS[m.group(2)] - 1) * 3 + 1 if m.group(2) else 1 if m.group(3) != "下" else 7
        last = first + (2 if m.group(2) else 5 if m.group(3) else 11)
        if first <= month <= last:
            return _iso_day(_date(int(m.group(1)), month, int(day))) if day else _iso_month(int(m.group(1)), month)
    return None


def _stated_value(m: re.Match[str], anchor: dt.date | None) -> str | None:
    if m.group("range"):
        return m.group("range_y") or (str(anchor.year) if anchor else None)
    if m.group("full"):
        y, mo, d = (int(x) for x in re.findall(r"\d+", m.group("full")))
        return _iso_day(_date(y, mo, d))
    if m.group("ym"):
        return _iso_month(int(m.group("ym_y")), int(m.group("ym_m")))
    if m.group("y"):
        part = m.group("y_part")
        return _iso_month(int(m.group("y_y")), _YEAR_PART[part]) if part else m.group("y_y")
    if anchor is None:
        return None
    if m.group("wy"):  # 年底前建成, 年内开工: this year's
        return _part_of_year(anchor.year, m.group("wy_part"))
    if m.group("ry"):
        return _in_year(anchor.year + _YEAR_OFFSETS[m.group("ry_word")], m, "ry")
    if m.group("md"):
        month = int(m.group("md_m"))
        if _planned(m.string, m.start()):  # 预计10月建成 told in July: this year's, not last year's
            year = anchor.year + (1 if month < anchor.month - 1 else 0)
            return _iso_day(_date(year, month, int(m.group("md_d")))) if m.group("md_d") else _iso_month(year, month)
        if m.group("md_d"):
            return _iso_day(resolve_month_day(month, int(m.group("md_d")), anchor))
        year = anchor.year - (1 if month > anchor.month + 1 else 0)
        return _iso_month(year, month)
    if m.group("rm"):  # 上月, 上月18日, 本月20日
        first, _ = resolve_relative(m.group("rm_word"), anchor)
        return _iso_day(_date(first.year, first.month, int(m.group("rm_d")))) if m.group("rm_d") \
            else first.isoformat()[:7]
    if m.group("d"):
        day = int(m.group("d_d"))
        # 19日 in a report of the 20th is this month; 28日 in one of the 3rd is last month's.
        if day > anchor.day + 7:
            first = anchor.replace(day=1) - dt.timedelta(days=1)
            return _iso_day(_date(first.year, first.month, day))
        return _iso_day(_date(anchor.year, anchor.month, day))
    expression = m.group("rel")
    if expression in SAME_DAY:
        return anchor.isoformat()
    if expression in _YEAR_OFFSETS:
        return str(anchor.year + _YEAR_OFFSETS[expression])
    span = resolve_relative(expression, anchor)
    return span[0].isoformat() if span and span[0] == span[1] else None


def _part_of_year(year: int, part: str) -> str | None:
    """年内: ``year``; 年底, 年末, 年初: its last or first month."""
    return str(year) if part == "内" else _iso_month(year, _YEAR_PART[part])


def _planned(text: str, pos: int) -> bool:
    """Whether the date at ``pos`` is told in its clause after a word of a plan (预计, 计划, 将于: kg/data/plan_words.txt)."""
    clause = max(text.rfind(c, 0, pos) for c in "，,；;。") + 1
    return any(w in text[clause:pos] for w in _plan_words())


@lru_cache(maxsize=1)
def _plan_words() -> tuple[str, ...]:
    return load_lines("plan_words.txt")


def _iso_day(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _iso_month(year: int, month: int) -> str | None:
    return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None


def date_before(dates: list[StatedDate], start: int, end: int) -> StatedDate | None:
    """The last of ``dates`` within [start, end): the date a statement at ``end`` is told with."""
    found = [d for d in dates if start <= d.start and d.end <= end]
    return found[-1] if found else None


def statement_date(text: str, dates: list[StatedDate], pos: int, precision: int = 7) -> StatedDate | None:
    """The own date of a statement whose word is at ``pos`` of sentence ``text``: the last of
    its ``dates`` before it in its clause (a ； starts another statement), else in the
    sentence's first clause, which dates the list that follows it; a date of that one's year or
    month stated before it and more precise stands for it.  Only dates of at least
    ``precision`` characters count (7: to the month)."""
    precise = [d for d in dates if len(d.value) >= precision]
    clause = max(text.rfind("；", 0, pos), text.rfind(";", 0, pos)) + 1
    lead = min([i for i in (text.find("；"), text.find(";")) if i >= 0], default=len(text))
    found, start = date_before(precise, clause, pos), clause
    if found is None:
        found, start = date_before(precise, 0, min(lead, pos)), 0
    if found is None:
        return None
    if _clause_end(text, found.end) < pos and _SINCE.match(text, found.end, _clause_end(text, found.end)):
        return None  # 自2023年8月开工建设以来…，6月投入运营: a time since dates no clause after it
    # a year after a day of that year adds nothing to it (昨日，2024年第一批项目集中签约)
    finer = [d for d in precise if start <= d.start and d.end <= found.start
             and len(d.value) > len(found.value) and d.value.startswith(found.value)]
    return finer[-1] if finer else found


#: After a date, the rest of its clause saying a time since an event of it (开工建设以来; not 今年以来, a
#: period that dates what follows).
_SINCE = re.compile(r"[^，,；;。]{1,12}以来")


def _clause_end(text: str, pos: int) -> int:
    return min((i for i in (text.find(c, pos) for c in "，,；;。") if i >= 0), default=len(text))


#: How many sentences of an article its lead is.
LEAD_SENTENCES = 3


def fact_anchor(doc: Document) -> dt.date | None:
    """The publication date facts in time are dated against: a sidecar's, a masthead's or the
    caller's; not a dateline's, whose year is only the one the text mentions most (a 12月25日 told
    with 计划2021年6月建成 may be of 2020): a fact told without its year then has no date."""
    return None if doc.date_source == "dateline" else doc.date


def _lead_days(doc: Document, found: list[list[re.Match[str]]], anchor: dt.date | None) -> dict[int, str]:
    """Article index -> the first day its lead states (the day of the meeting or the ceremony it
    reports: 昨天上午，区人大常委会召开会议 / 4月18日，某某项目集中开工仪式举行), from the matches ``found``
    in each sentence of ``doc``."""
    leads: dict[int, str] = {}
    counts: dict[int, int] = {}
    for sentence, matches in zip(doc.sentences, found):
        counts[sentence.article] = counts.get(sentence.article, 0) + 1
        if sentence.article in leads or counts[sentence.article] > LEAD_SENTENCES:
            continue
        days = [d.value for d in _read(sentence.text, matches, anchor) if len(d.value) == 10]
        if days:
            leads[sentence.article] = days[0]
    return leads


#: The words opening the period of a notice before an appointment (公示时间：2024年5月10日至5月16日).
_NOTICE_PERIOD = re.compile(r"公示(?:时间|期间|期限|期)(?:为|是)?[：:]?\s*(?:自|从)?")


def notice_dates(doc: Document) -> dict[int, str]:
    """Article index -> the first day of the period of a notice before an appointment (任前公示) it states
    (公示时间：2024年5月10日至5月16日 -> 2024-05-10): the day the proposals it lists were made known."""
    days: dict[int, str] = {}
    for sentence in doc.sentences:
        if sentence.article in days or (m := _NOTICE_PERIOD.search(sentence.text)) is None:
            continue
        first = stated_dates(sentence.text[m.end():m.end() + len("2024年12月31日")], fact_anchor(doc))
        if first and len(first[0].value) == len("2000-01-01") and first[0].start == 0:
            days[sentence.article] = first[0].value
    return days
