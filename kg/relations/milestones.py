"""Project milestones (开工, 投产, 通车 ...) and figures (investment, capacity, output value, area).

Milestone words are in kg/data/project_milestones.tsv; a word is a milestone
reached unless its clause says it is planned or not reached (预计, 计划, 尚未:
kg/data/milestone_not_reached.txt).  Its date is the clause's own date
(kg.dates.statement_date), else the publication date.

Figures are a word of kg/data/project_figures.tsv (总投资, 年产, 占地面积) followed by
an amount: a number, 万/亿, and a unit of kg/data/amount_units.tsv, normalized to
base units (12亿元 -> 1200000000 CNY, 10万吨 -> 100000 吨).

Both attach to the project the sentence is about: a Project mention holding the
word (年产2万吨碳酸锂项目), else the nearest one before it in the sentence, else the
first one after it in the sentence, else the last one of the sentences before in the
same article (该项目 ...).
"""
from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache

from kg.dates import statement_date, stated_dates
from kg.lexicon import load_lines, load_table
from kg.model import Document, Figure, Mention, Milestone, Sentence

#: Between a figure's word and its amount: 约, 达, 为, 超过, 初步估算 ...
_FIGURE_GAP = r"(?:[约达为超近逾共计总额了到逾过约合初步估算概算预计累计已经\s:：]{0,8})"
_NUMBER = r"(?P<number>\d+(?:[,，]\d{3})*(?:\.\d+)?)"
_MULTIPLIERS = {"万亿": Decimal(10) ** 12, "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6,
                "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "千": Decimal(10) ** 3}
#: Milestone words that are also verbs taking an object (建成一座…): a milestone only before a pause.
_NEEDS_PAUSE = ("建成", "完工", "公示", "认定")
#: How far back (sentences of the same article) a milestone or figure looks for its project.
PROJECT_REACH = 3


@lru_cache(maxsize=1)
def _milestone_words() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = dict(load_table("project_milestones.tsv"))
    return re.compile("|".join(map(re.escape, sorted(rows, key=len, reverse=True)))), rows


@lru_cache(maxsize=1)
def _figure_pattern() -> tuple[re.Pattern[str], dict[str, str], dict[str, tuple[str, Decimal]]]:
    kinds = dict(load_table("project_figures.tsv"))
    units = {row[0]: (row[1], Decimal(row[2])) for row in load_table("amount_units.tsv")}
    words = "|".join(map(re.escape, sorted(kinds, key=len, reverse=True)))
    mult = "|".join(sorted(_MULTIPLIERS, key=len, reverse=True))
    unit = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))
    pattern = re.compile(rf"(?P<word>{words}){_FIGURE_GAP}(?P<amount>{_NUMBER}\s*(?P<mult>{mult})?\s*(?P<unit>{unit}))")
    return pattern, kinds, units


def extract_milestones(doc: Document) -> list[Milestone]:
    """Every milestone a document states as reached, once per (project, milestone, date)."""
    pattern, rows = _milestone_words()
    projects = _Projects(doc)
    not_reached = tuple(load_lines("milestone_not_reached.txt"))
    out: list[Milestone] = []
    seen: dict[tuple[str, str], list[int]] = defaultdict(list)  # (project, milestone) -> indexes in out
    for index, sentence in enumerate(doc.sentences):
        dates = stated_dates(sentence.text, doc.date)
        for m in pattern.finditer(sentence.text):
            if not _reached(sentence.text, m, not_reached):
                continue
            project = projects.about(index, sentence.start + m.start(), sentence.start + m.end())
            if project is None:
                continue
            stated = statement_date(sentence.text, dates, m.start())
            date = stated.value if stated else (doc.date.isoformat() if doc.date else None)
            _add_once(out, seen, Milestone(project, rows[m.group()],
                                           doc.span(sentence.start + m.start(), sentence.start + m.end()),
                                           date, stated is not None, doc.span(sentence.start, sentence.end)))
    return out


def _add_once(out: list[Milestone], seen: dict[tuple[str, str], list[int]], milestone: Milestone) -> None:
    """A headline and its report state one milestone twice: the one with the sentence's own
    date stands for both; two different stated dates are two milestones."""
    same = seen[("".join(milestone.project.text.split()), milestone.milestone)]
    for i in same:
        if out[i].date == milestone.date or not milestone.date_stated:
            return
        if not out[i].date_stated:
            out[i] = milestone
            return
    same.append(len(out))
    out.append(milestone)


def _reached(text: str, m: re.Match[str], not_reached: tuple[str, ...]) -> bool:
    """A milestone word states a milestone reached: no plan or negation before it in its clause,
    no deadline (2019年底前投产), not a condition (建成后), and 建成/完工 not a verb with an
    object (建成集医疗…为一体的医院)."""
    before = text[_clause_start(text, m.start()):m.start()]
    after = text[m.end():m.end() + 2]
    if any(w in before for w in not_reached) or before.endswith("前") or after.startswith(("后", "以后")):
        return False
    return m.group() not in _NEEDS_PAUSE or not after or after[0] in "，,。；;、并了！!"


def extract_figures(doc: Document) -> list[Figure]:
    """Every figure a document states about a project, once per (project, kind, value, unit)."""
    pattern, kinds, units = _figure_pattern()
    projects = _Projects(doc)
    out: list[Figure] = []
    seen: set[tuple[str, str, float, str]] = set()
    for index, sentence in enumerate(doc.sentences):
        for m in pattern.finditer(sentence.text):
            project = projects.about(index, sentence.start + m.start(), sentence.start + m.end())
            if project is None:
                continue
            unit, factor = units[m.group("unit")]
            value = amount_value(m.group("number"), m.group("mult"), factor)
            key = ("".join(project.text.split()), kinds[m.group("word")], value, unit)
            if key in seen:
                continue
            seen.add(key)
            out.append(Figure(project, kinds[m.group("word")], m.group("word"), value, unit,
                              doc.span(sentence.start + m.start("amount"), sentence.start + m.end("amount")),
                              doc.span(sentence.start, sentence.end)))
    return out


def amount_value(number: str, multiplier: str | None, factor: Decimal = Decimal(1)) -> float:
    """12 + 亿 -> 1200000000; an int when the value is whole.

    >>> amount_value("1.2", "亿")
    120000000
    """
    value = Decimal(re.sub(r"[,，]", "", number)) * _MULTIPLIERS.get(multiplier or "", Decimal(1)) * factor
    return int(value) if value == value.to_integral_value() else float(value)


def _clause_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in "，,；;：:") + 1


class _Projects:
    """Which Project mention a statement at [start, end) of sentence ``index`` is about."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.mentions = sorted((m for m in doc.mentions if m.type == "Project"), key=lambda m: (m.start, -m.end))

    def about(self, index: int, start: int, end: int) -> Mention | None:
        sentence = self.doc.sentences[index]
        inside = [m for m in self.mentions if sentence.start <= m.start and m.end <= sentence.end]
        holding = [m for m in inside if m.start <= start and end <= m.end]
        if holding:
            return holding[0]
        before = [m for m in inside if m.end <= start and self._outermost(m, inside)]
        if before:
            return max(before, key=lambda m: m.end)
        after = [m for m in inside if m.start >= end and self._outermost(m, inside)]
        if after:
            return after[0]
        return self._earlier(index)

    @staticmethod
    def _outermost(m: Mention, mentions: list[Mention]) -> bool:
        return not any(o is not m and o.start <= m.start and m.end <= o.end for o in mentions)

    def _earlier(self, index: int) -> Mention | None:
        sentence: Sentence = self.doc.sentences[index]
        for k in range(index - 1, max(-1, index - 1 - PROJECT_REACH), -1):
            prev = self.doc.sentences[k]
            if prev.article != sentence.article:
                break
            inside = [m for m in self.mentions if prev.start <= m.start and m.end <= prev.end]
            outer = [m for m in inside if self._outermost(m, inside)]
            if outer:
                return outer[-1]
        return None
