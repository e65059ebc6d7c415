"""Project milestones (开工, 投产, 通车 ...) and figures (investment, capacity, output value, area).

Milestone words are in kg/data/project_milestones.tsv; planned milestones count
(预计2025年建成通车: the date is the plan's), but not a negated one (尚未投产:
kg/data/milestone_negations.txt), a wish (早日通车: kg/data/milestone_wishes.txt) nor a
condition (建成后), a purpose (为确保…按时投产: kg/data/milestone_purposes.txt; 为…通车奠定基础) or a noun's
modifier (开工率, 通车里程: kg/data/milestone_noun_heads.txt).  Its date is the clause's own
date (kg.dates.statement_date), to the year at least, 当天/同日 being the day the report is
about; a sentence at the reported event (签约仪式上，…: kg/data/report_scene_words.txt)
has the day of its article's lead; a milestone whose text gives no date has none (近日签约:
the publication date would be a guess), nor does a word naming none for sure (开竣工, "-" in the
table), a task of a list (招商引资、开工建设、增资扩产) or a milestone told as a subject (合龙标志着…).
A headline's milestone that the report tells again with a more precise date is one milestone.

Figures are a word of kg/data/project_figures.tsv (总投资, 年产, 占地面积) followed by
an amount, or an amount followed by a word of kg/data/figure_words_after.tsv (10万吨年产能,
30亿元以上的工业产值: a capacity with a unit of measure, an output value with a currency): a number, 万/亿, and a unit of kg/data/amount_units.tsv, normalized to
base units (12亿元 -> 1200000000 CNY, 10万吨 -> 100000 吨, 4×66万千瓦 -> 2640000 千瓦; an investment's
元 may go unsaid: 总投资10亿的某某项目); of a range
(10亿至12亿元), its low end; the amounts of a list after one word are of its kind (总投资490亿元的甲、
105亿元的乙), those told 分别 of the projects listed before are each one's (甲、乙总投资分别为10亿元、8亿元);
a figure of a part after 其中 (其中商业广场总面积…) is none's, a phase's (其中一期投资…) the project's.
A capacity's further products (年产镁砖6万吨，耐火材料15万吨; 50万吨磷酸铁、30万吨磷酸铁锂) and a capacity in a project's
name (6万吨聚甲醛项目: kg/data/capacity_units.txt) are figures too; a figure after a list of
projects (甲、乙等7个项目，总投资9.74亿元) is none's.

Both attach to the project the sentence is about, named as the project grammar
(kg.ner.projects, passed in by the pipeline as ``project_start``) names it:

- a Project mention holding the word (年产2万吨碳酸锂项目); before 的, the noun after it
  (建成投产的某某工厂, 总投资30亿元的某某项目) or none;
- for a milestone, the projects a list after the word names (开工的项目有：投资1亿元的甲项目、乙、
  丙等; 同日开工建设的项目为甲和乙、丙; 开工的重大项目有11个，包括甲、乙: any name, the text calls them
  projects; split at 、 outside quotes, and at 和 between two names ending with a works or park
  word or 中心; a note in brackets left out, a bare phase or section kept: 某某工程(二期), 某某大道
  (东城段); never a person, place or body the recognizer named), or a list
  right before the sites of the word (在甲、乙开工项目现场: not a company the recognizer named);
  the project a sentence opening with 其中 names after a milestone of many (其中，丙项目占地…; or the
  lists before 等项目 of each of its statements: 其中，甲、乙等项目将…；丙等项目将…), the
  subject of each statement after 的项目中 (此次签约的项目中，甲项目…；乙项目…), the project hosting a
  ceremony of many (集中开工仪式在某某项目现场举行; 本次活动，主会场设在某某公司某某项目现场: 本次 is
  the article's first milestone of many);
- none when generic words and a project word stand right before the word (“某某”重大项目签约仪式), also after a
  place the recognizer named (某市招商引资重点项目集中签约: the place's projects) or the time of a batch
  (2019年重点项目签约仪式, 一季度重大项目集中开工), but the project at whose site the clause holds it
  (在某某项目现场举行2024年重大项目集中开工); the venue of an event (仪式在某某宾馆举行) is no project;
- none when the clause counts projects (24个重大项目破土动工, 共开工405个项目, 开工项目395个),
  unless it lists them, before 等 (甲、乙等10个项目集中开工, 甲、乙等项目陆续开工: 甲 and 乙, named or
  not; 某市引进甲、乙等: not the place and the verb opening the list; not 等领导为项目奠基), right before
  the count (甲项目、乙项目3项计划参加签约; 甲、乙、丙3个项目集中开工: not a clause's words), or after
  the count (共建成通车15个项目，其中…分别是甲、乙; 分别为：某县的甲项目，某区的乙项目), when the word names a kind (新开工
  项目) or a milestone of many at once (集中开工) has no project of its own clause;
- a milestone word inside a project's name is none (某某贯通工程); a semicolon ends a statement
  (甲项目签约落地；乙项目建成投产: no project of one statement is another's);
- the word's clause, else the nearest clause before it up to a semicolon or a line break: its
  subject, a name ending with a project suffix (kg/data/project_suffixes.txt) that opens it
  (某某水利工程位于…, ● 某某工程…, 2014年9月，某某工程正式开工，项目总投资…) and that the
  project grammar reads as one name (not 要加快重点项目, 县委书记宣布了项目:
  kg/data/subject_function_starts.txt, kg/data/project_generic.txt; a company's legal name
  in front is left out); else a Project mention of that clause (the one nearest the word in
  its own clause, the first in a clause before), unless the clause describes the subject
  (是以灌溉为主，兼顾发电的大型水利工程), counts works (电站2座) or names what the project
  builds (，主要建设某某生产线，达产后年产值…);
- projects the recognizer missed: the noun after an amount's 的 (总投资43.4亿元的某某智算中心建成投用,
  总投资15亿元的甲、总投资14亿元的乙等项目: a works or park word or 中心, or an item of a list closed by
  等…项目; not what a project builds: 将建设占地772亩的某某基地), the object of 建设 to its clause's end
  ending with 项目 or 工程 (某公司投资24亿元，将在某市建设某某项目); amounts before 的生产能力
  (kg/data/figure_generic_heads.txt) are of the project the text is about; a name cut after its
  capacity per year (20万吨/|年某某装置) takes it back;
- for 签约, the subject of its clause (甲项目签约落地), else the project written after it (与某公司
  签约，某某项目落户…, 签约年产6万吨某某项目: a name ending with a project suffix, to the clause's
  end; not after 签约仪式上 nor in a clause that counts projects); else the nearest Project
  mention before the word in the sentence, else the first one after it: in the word's clause, or in a
  clause after one with no subject (自2017年11月动工以来，某某项目…) or that builds what the word's clause
  invests in (某公司投资24亿元，将在某市建设某某项目), never the subject of a clause after one with its own
  (甲区建成投运，乙港加快建设);
- else, when the sentence points back (该项目, 项目总投资…, 水库设…) or opens with no subject
  of its own (预计2025年建成通车; kg/data/subjectless_openers.txt), the subject, or the
  last project, of the sentences before in the same article; not for a sentence with a
  subject of its own (全区完成投资20亿元) nor for the scene of the day (开工现场，某市还举行了…).

An agreement signed (签订某某项目投资协议, 签署了甲、乙项目合作合同) is a signing of the projects named in
it, and so is an agreement listed among projects signed (甲建设框架协议等2个项目签约 -> 甲建设); the project at the venue of a milestone of many (在主会场，某某项目…) is one of them, a sentence
counting the same milestone with no project of its own telling it on; a ceremony a bare 项目 holds
(项目开工仪式在某地举行) is the project's told before, and so is a sentence opening with a time of the day
(上午), a report's source (据介绍) or what the project builds or where it lies (主要建设…, 位于…); what a
clause says is built (计划投资20亿元建设某某产业园) may end with a park word or 中心, not what a project
mainly builds (主要建设某某生产线); a park built (a Park mention ending with 产业园, 物流园 …) opening the
word's own clause is its project (某某物流园于5月建成投用, 某某产业园一期已建成投产).

A route's name keeps the 新建 that opens it (新建甲至乙铁路某段项目: its official name); a name the
recognizer gave with a verb before another of its names (参加某某项目 beside 某某项目) is the latter.

A mention naming a part after its whole (某某项目关键控制性工程某某隧道), or a whole the name of
a works follows (…关键控制性工程|某某隧道施工现场), stands for the part; a project read from
the text (a list's item, a signing's object) is one the sentences after may point back to;
a milestone of a list of projects (甲项目、乙项目和丙项目同时开工) is each one's (with the n-th of the dates
told 分别: 甲项目和乙项目分别于3月和5月开工); 某某公路
and 某某公路项目 are one project for a milestone (the dated statement stands).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache
from typing import Callable

from kg.dates import StatedDate, statement_date
from kg.gazetteer import is_place
from kg.lexicon import load_lines, load_set, load_table
from kg.model import Document, Figure, Mention, Milestone, Sentence, Span
from kg.vocabulary import leading_clause_words
from kg.relations.context import add_once
from kg.spans import SpanIndex

#: Between a figure's word and its amount, up to 8 of the characters of 约, 达, 为, 超过, 近, 逾,
#: 共计, 总额, 了, 到, 约合, 初步估算, 概算, 预计, 累计, 已经, 可达, 将达, 高达, or 不少于, 不低于, 突破, 实现, 多达.
_FIGURE_GAP = r"(?:[约达为超过近逾共计总额了到合初步估算概预累已经可将高\s:：]|不少于|不低于|突破|实现|多达){0,8}"
#: After a word of production (年产, 年可生产, 年处理, 年加工, 年出栏, 年屠宰, 日供水), the product or
#: 能力 may stand before its amount (年产动力电池10GWh, 年可生产某某合金板材50万吨, 年出栏生猪10万头).
_PRODUCT_GAP = r"(?:(?<=产)|(?<=处理)|(?<=加工)|(?<=出栏)|(?<=屠宰)|(?<=供水))(?!值)[\u4e00-\u9fff]{1,12}?"
#: Between the ends of a range (10亿至12亿元, 8-10亿元): the figure is its low end.
_RANGE = r"[至到—\-－～~]"
#: A count of equal units before an amount (4×66万千瓦: four units of 66万千瓦 each) multiplies it;
#: 多/余 after the number (50多亿元, 30余万吨) leave its value at the number.
_NUMBER = r"(?:(?P<count>\d{1,3})\s*[×xX＊*]\s*)?(?P<number>\d+(?:[,，]\d{3})*(?:\.\d+)?)(?:多|余)?"
_MULTIPLIERS = {"万亿": Decimal(10) ** 12, "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6,
                "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "千": Decimal(10) ** 3}
#: An investment's amount may end with 万 or 亿 and leave its 元 unsaid (总投资10亿的某某项目, 总投资162亿！).
_MONEY_UNSAID = r"(?<=[万亿])(?=[的，,。！!；;、\s]|$)"
#: The unit of an investment's amount that leaves it unsaid.
MONEY_UNSAID = "元"
#: The milestone of words that name none for sure (开竣工: some started, some completed).
NO_MILESTONE = "-"
#: Milestone words that are also verbs taking an object (建成一座…): a milestone only before a pause.
_NEEDS_PAUSE = ("建成", "完工", "公示", "认定")
#: Between the projects of a list.
_LIST_JOINERS = "、和及与"
#: Milestones whose project is written after the word: 与某公司签约某某项目, 签约，某某项目落户.
_OBJECT_AFTER = ("签约",)
#: A subject opening with these points back to a project named before (该项目, 其建成后).
_ANAPHORS = ("该", "本", "此", "其", "这")
#: How far back (sentences of the same article) a milestone or figure looks for its project.
PROJECT_REACH = 3
#: A count right after a project word (电站2座, 水库3座): it counts a kind of works, it names none.
_COUNT_AFTER = re.compile(r"[\d一二两三四五六七八九十]+[座个项条处]")
#: Closing quotes a listed name may stand in before 等 (“某某工程”等5个项目).
_CLOSING_QUOTES = "”\"’」』"
#: Saying who told a quote (“…”项目负责人介绍): its sentence may name where it was told.
_TOLD_BY = re.compile(r"(?:介绍|说|表示|告诉记者)[。！!]?$|(?:介绍|表示|告诉记者)[，,：:]")
#: The site of a project a quote is told at, after its name (在某某基地一期生产车间里, 在某某项目建设现场).
_SITE_WORDS = re.compile(r"[^，,。；;]{0,8}?(?:现场|工地|车间|厂区|园区)")
#: Before a milestone word, a milestone of many projects at once (集中开工, 集中签约).
_COLLECTIVE = ("集中", "集中开")
#: A clause opening with these describes the subject before it (是…的大型水利工程).
_COPULAS = ("是", "为", "系", "属")
#: After a milestone word, a list of the projects that reached it: 开工的项目有：, 签约的重点项目包括.
_LIST_AFTER_WORD = re.compile(r"(?:建设)?的[\u4e00-\u9fff]{0,6}?项目(?:有[\d一二两三四五六七八九十]+[个项][，,]?)?"
                              r"(?:有|包括|为|是|分别是|分别为)[：:]?")
#: After a milestone word, the projects told of one statement each: 签约的项目中，甲…；乙….
_AMONG_AFTER_WORD = re.compile(r"的[\u4e00-\u9fff]{0,6}?项目中[，,]")
#: After a count of projects, the words opening the list of them: 分别是甲、乙 / 包括甲、乙.
_LIST_OPENS = re.compile(r"(?:分别是|分别为|包括|其中有)[：:]?")
#: Before the first item of a list closed by 等N个项目: 其中, 包括, 还有.
_LIST_OPENER = re.compile(r"(?:其中|包括|还有|另有|以及|有)?[：:]?")
#: A route named by its ends (久治至马尔康): a road, a railway or a line.
_ROUTE = re.compile(r"[\u4e00-\u9fff]{2,6}至[\u4e00-\u9fff]{2,6}")
#: The characters of a listed project's name: CJK, Latin letters, digits, brackets, /, -, ., γ (、 inside quotes).
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff\u0370-\u03ffⅠ-ⅩA-Za-z0-9()（）/\-.·、]+")
#: Longest name of a listed project.
MAX_LISTED = 45
_QUOTES_AND_SPACE = "“”‘’\"' \u3000「」『』"
#: Marks opening a summary line (● 某某工程位于…), before its subject.
_BULLETS = "●■◆▲★▶·•"
#: Longest project name read as a clause's subject.
MAX_SUBJECT = 30
#: A count of projects (24个重大项目, 两大重点项目, 4个项目, 10个高速公路项目, 开工项目395个): the clause is
#: about many projects (not 360大数据中心项目), named only when listed before 等 (甲等10个项目, 甲、乙等项目: a kind
#: of at most 4 words between, not 等地的项目 nor 等领导为项目奠基); not 172项重大工程之一 (one of them).
_COUNT = r"(?:[\d一二两三四五六七八九十百几多]+[个项批座家条]|[一二两三四五六七八九十]+大(?!数据))"
#: A count of companies (甲、乙等16家央企新签约项目): what the list before it names are the companies.
_COMPANIES = r"[\d一二两三四五六七八九十百几多]+家"
#: The kind of the projects counted (招商引资和招才引智), not a clause (如火如荼地建设中的).
_KIND = r"(?:(?!地)[\u4e00-\u9fff]){0,10}?"
_COUNTED_PROJECTS = re.compile(
    rf"(?P<listed>等)(?!{_COMPANIES})(?:{_COUNT}{_KIND}|(?:(?![的地为对向将在把给与和被])[\u4e00-\u9fff]){{0,4}}?)(?:项目|工程)(?!之一)"
    rf"|{_COUNT}{_KIND}(?:项目|工程)(?!之一)"
    r"|(?:项目|工程)(?:共有|共计|共|达)?[\d一二两三四五六七八九十百几多]+[个项批]")


@lru_cache(maxsize=1)
def _milestone_words() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = dict(load_table("project_milestones.tsv"))
    return re.compile("|".join(map(re.escape, sorted(rows, key=len, reverse=True)))), rows


@lru_cache(maxsize=None)
def _figure_words_longer_than(length: int) -> tuple[str, ...]:
    return tuple(w for w in _figure_pattern()[1] if len(w) > length)


@lru_cache(maxsize=1)
def _figure_pattern() -> tuple[re.Pattern[str], dict[str, str], dict[str, tuple[str, Decimal]]]:
    rows = load_table("project_figures.tsv")
    kinds = {row[0]: row[1] for row in rows}
    units = {row[0]: (row[1], Decimal(row[2])) for row in load_table("amount_units.tsv")}
    # a word marked "pause" names the amount only after a pause or a bracket (，面积12万平方米; not 灌溉面积)
    words = "|".join((rf"(?<![\u4e00-\u9fff]){re.escape(row[0])}" if row[2:] == ("pause",) else re.escape(row[0]))
                     for row in sorted(rows, key=lambda row: len(row[0]), reverse=True))
    mult = "|".join(sorted(_MULTIPLIERS, key=len, reverse=True))
    unit = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))
    # looking ahead for a word's first character lets the engine pass over other positions at once
    firsts = re.escape("".join(sorted({row[0][0] for row in rows})))
    pattern = re.compile(rf"(?=[{firsts}])(?P<word>{words})(?:{_PRODUCT_GAP})?{_FIGURE_GAP}(?P<amount>{_NUMBER}\s*(?P<mult>{mult})?"
                         rf"(?:\s*{_RANGE}\s*\d+(?:\.\d+)?\s*(?P<high_mult>{mult})?)?"
                         rf"(?:\s*(?P<unit>{unit})|{_MONEY_UNSAID}))")
    return pattern, kinds, units


def _unit_read(m: re.Match[str]) -> bool:
    """Whether a figure's amount has its unit: written, or 元 left unsaid after 万 or 亿 of an investment
    (总投资10亿的某某项目; not 年产10万的)."""
    return m.group("unit") is not None or _figure_pattern()[1][m.group("word")] == "investment"


#: Where the project name ending at ``end`` (its suffix from ``suffix_start``) starts when a clause opens
#: with it, None if the words name no project: the project grammar's reading
#: (kg.ner.projects.subject_project_start), given by the pipeline so that relations import no recognizer.
ProjectStart = Callable[[str, int, int], int | None]


def extract_project_facts(doc: Document, project_start: ProjectStart) -> tuple[list[Milestone], list[Figure]]:
    """The milestones and the figures of a document, read with one view of its projects (a
    project a milestone's list or object names, 签约某某项目, is the project a figure of the
    next sentence points back to: 该项目占地…)."""
    projects = _Projects(doc, project_start)
    return extract_milestones(doc, project_start, projects), extract_figures(doc, project_start, projects)


def extract_milestones(doc: Document, project_start: ProjectStart,
                       projects: _Projects | None = None) -> list[Milestone]:
    """Every milestone a document states (reached or planned), once per (project, milestone, date)."""
    pattern, rows = _milestone_words()
    projects = projects or _Projects(doc, project_start)
    negations = tuple(load_lines("milestone_negations.txt"))
    out: list[Milestone] = []
    seen: dict[tuple, list[int]] = defaultdict(list)  # (project, milestone) -> indexes in out

    def add(project: Mention, milestone: Milestone) -> None:
        # 某某高速公路 and 某某高速公路项目 are one project: one milestone, the dated one
        name = "".join(project.text.split())
        add_once(out, seen, (name.removesuffix("项目") or name, milestone.milestone), milestone)

    of_many: tuple[str, Span, str | None] | None = None  # the milestone of many projects told just before
    many_of_article: dict[int, tuple[str, Span, str | None]] = {}  # the first one of each article
    for index, sentence in enumerate(doc.sentences):
        told_dates = doc.sentence_dates[index]
        lead, dates, unread = told_dates.lead_day, list(told_dates.stated), told_dates.unread
        told, of_many = of_many, None
        if told is None and sentence.text.lstrip(_QUOTES_AND_SPACE).startswith(_THIS_EVENT):
            told = many_of_article.get(sentence.article)  # 本次活动，主会场设在某某项目现场: the event of the article
        for one in projects.one_of_them(index) if told is not None else ():
            # 本次集中开工的项目包括甲、乙等。其中，丙项目占地…: 丙 is one of them
            kind, trigger, date = told
            add(one, Milestone(one, kind, trigger, date, date is not None, doc.span(sentence.start, sentence.end)))
        for m in pattern.finditer(sentence.text):
            if rows[m.group()] == NO_MILESTONE or projects.names_it(index, m):
                continue
            found = projects.at_their_sites(index, m)  # 在甲、乙开工项目现场
            if not found and not _stated(sentence.text, m, negations):
                continue
            found = found or projects.about(index, sentence.start + m.start(), sentence.start + m.end(),
                                            object_after=rows[m.group()] in _OBJECT_AFTER, many=True)
            stated = statement_date(sentence.text, dates, m.start(), precision=4)
            if stated is not None and _unread_in_clause(sentence.text, unread, stated, m.start()):
                stated = None  # 2023年6月开工，今年4月实现合龙 with no publication date: 合龙's year unknown
            date = stated.value if stated else lead if _at_the_scene(sentence.text, m.start()) else None
            each_date = _respective_dates(sentence.text, dates, m.start(), len(found))
            for i, each in enumerate(found):
                day = each_date[i] if each_date else date  # 甲和乙分别于3月和5月开工: the n-th date the n-th's
                add(each, Milestone(each, rows[m.group()],
                                    doc.span(sentence.start + m.start(), sentence.start + m.end()),
                                    day, day is not None, doc.span(sentence.start, sentence.end)))
            if len(found) > 1 or not found and (sentence.text.endswith(_COLLECTIVE, 0, m.start())
                                                or _COUNTED_PROJECTS.search(sentence.text)):
                of_many = (rows[m.group()], doc.span(sentence.start + m.start(), sentence.start + m.end()), date)
                many_of_article.setdefault(sentence.article, of_many)
        if of_many is None and (this := _projects_of_this_event().search(sentence.text)) is not None \
                and rows[this.group("word")] != NO_MILESTONE:
            # 此批开工项目投资规模大…。其中，甲项目…: the event's projects, one of which the next sentence names
            of_many = (rows[this.group("word")], doc.span(sentence.start + this.start("word"),
                                                          sentence.start + this.end("word")), lead)
            many_of_article.setdefault(sentence.article, of_many)
        if of_many is None and told is not None and not projects.by_sentence.get(index) \
                and any(rows[w.group()] == told[0] for w in pattern.finditer(sentence.text)):
            of_many = told  # 此次集中开工项目共28个。在主会场，某某项目…: the same milestone of many, told on
        for agreement in _AGREEMENT.finditer(sentence.text):
            # 与某公司签订某某项目投资协议: the projects named between the verb and the agreement are signed
            text, at = sentence.text, agreement.start()
            if any(w in text[_clause_start(text, at):at] for w in negations):
                continue
            stated = statement_date(text, dates, at, precision=4)
            date = stated.value if stated else lead if _at_the_scene(text, at) else None
            word = doc.span(sentence.start + at, sentence.start + agreement.end())
            for each in projects.agreed(index, agreement):
                add(each, Milestone(each, SIGNED, word, date, date is not None, doc.span(sentence.start, sentence.end)))
    return _headlines_told_again(doc, out)


@lru_cache(maxsize=1)
def _projects_of_this_event() -> re.Pattern[str]:
    """The projects of the event the article reports, by its milestone (本次集中开工项目, 此次签约项目)."""
    words = "|".join(map(re.escape, sorted(_milestone_words()[1], key=len, reverse=True)))
    return re.compile(rf"(?:{'|'.join(_THIS_EVENT)})(?:集中)?(?P<word>{words})(?:的)?项目")


#: The verb of an agreement signed, with an adverb before it (正式签订) and the other party (与某区政府签订).
_SIGNS = re.compile(r"(?:[与同和][\u4e00-\u9fff]{2,12}?)?[\u4e00-\u9fff]{0,4}?(?:签订|签署)了?")
#: The milestone of an agreement signed.
SIGNED = "签约"
#: An agreement signed with the projects it is of named in it (签订某某项目投资协议, 签署了甲、乙项目合作合同).
#: The words of an agreement after the project it is of (某某项目投资协议, 某某建设框架协议).
_AGREEMENT_WORDS = r"(?:投资|合作|框架|入驻|落户|招商|战略合作)?(?:协议|合同)"
_AGREEMENT = re.compile(rf"(?:签订|签署)了?(?P<object>[^，,。；;：:！？]{{2,45}}?){_AGREEMENT_WORDS}")
#: An agreement ending an item of a list of projects signed (某某建设框架协议等2个项目签约): the item names its project.
_AGREEMENT_ITEM = re.compile(rf"{_AGREEMENT_WORDS}$")


def _unread_in_clause(text: str, unread: list[StatedDate], stated: StatedDate, pos: int) -> bool:
    """Whether the clause of the word at ``pos`` states a date of its own after ``stated`` that could not be read
    (今年4月 with no publication date), or ``stated`` is only a year and the sentence states a day before the word
    that could not be read (18日上午，…某市2020年第一批重点项目同步开工: the day's year is not the batch's):
    the word is not of ``stated``'s time."""
    clause = _clause_start(text, pos)
    return any(max(clause, stated.end) <= d.start and d.end <= pos for d in unread) \
        or len(stated.value) == len("2000") and any(len(d.value) == len("2000-01-01") and d.end <= pos for d in unread)


def _respective_dates(text: str, dates: list[StatedDate], pos: int, count: int) -> list[str]:
    """The dates told 分别 before the word at ``pos`` in its clause, one per project of a list of ``count``
    (甲项目和乙项目分别于3月和5月开工), else []."""
    clause = _clause_start(text, pos)
    respectively = text.find("分别", clause, pos)
    if respectively < 0 or count < 2:
        return []
    told = [d.value for d in dates if respectively < d.start and d.end <= pos]
    return told if len(told) == count else []


def _at_the_scene(text: str, pos: int) -> bool:
    """Whether the milestone word at ``pos`` is told of the event its article reports: the sentence
    opens at it (签约仪式上，…; 会上，…) or the word's clause names it (本次集中开工的项目包括…): it
    happens on the day the lead states; so does one told at its venue (在主会场开工的某某项目)."""
    opening = text[:min((i for i in (text.find(c) for c in "，,。；;") if i >= 0), default=len(text))]
    return opening.endswith(tuple(load_lines("report_scene_words.txt"))) \
        or any(w in text[_clause_start(text, pos):pos] for w in _THIS_EVENT + _VENUES)


#: Words naming the event an article reports: 本次集中开工, 此次签约.
_THIS_EVENT = ("本次", "此次", "这次")
#: The venues of an event of many sites (在主会场开工的某某项目): a milestone told there is the event's.
_VENUES = ("主会场", "分会场")


def _headlines_told_again(doc: Document, milestones: list[Milestone]) -> list[Milestone]:
    """A headline's milestone that the report tells again with a more precise date (某某项目5月投产 /
    某某项目今年5月12日将正式点火投产) is one milestone: the project names share their last words
    (all but a leading owner or place) and the dates agree up to the headline's precision."""
    headlines = sorted((a.headline.start, a.headline.end) for a in doc.articles if a.headline is not None)
    by_ending: dict[tuple[str, str], list[Milestone]] = defaultdict(list)  # (milestone, name's end) -> milestones
    for m in milestones:
        by_ending[(m.milestone, m.project.text[-MIN_SHARED_NAME:])].append(m)

    def in_headline(pos: int) -> bool:
        i = bisect_right(headlines, (pos, len(doc.text) + 1)) - 1
        return i >= 0 and headlines[i][0] <= pos < headlines[i][1]

    def same(short: Milestone, full: Milestone) -> bool:
        a, b = short.project.text, full.project.text
        common = next((k for k in range(min(len(a), len(b)), 0, -1) if a[-k:] == b[-k:]), 0)
        return bool(short.date) and bool(full.date) and full.date != short.date and full.date.startswith(short.date) \
            and common >= MIN_SHARED_NAME and common > len(_generic_tail(a[-common:]))

    def told_again(m: Milestone) -> bool:
        return in_headline(m.evidence.start) and any(
            same(m, other) for other in by_ending[(m.milestone, m.project.text[-MIN_SHARED_NAME:])] if other is not m)
    return [m for m in milestones if not told_again(m)]


#: Characters the names of one project told twice share at least (福欣特殊钢项目).
MIN_SHARED_NAME = 5


def _generic_tail(name: str) -> str:
    """The longest project suffix ``name`` ends with (项目, 高速公路 ...)."""
    return max((w for w in load_set("project_suffixes.txt") if name.endswith(w)), key=len, default="")


def _stated(text: str, m: re.Match[str], negations: tuple[str, ...]) -> bool:
    """A milestone word states a milestone (reached or planned): no negation before it in its
    clause, no purpose opening it (为确保…投产: kg/data/milestone_purposes.txt), no wish right
    before it or the milestone words it follows (早日通车, 早投产, 早日竣工投用), not a condition nor what comes
    before it (建成后, 竣工前的准备), not a kind or a
    count of projects (开工项目, 开工44项), not a noun's modifier (开工率, 通车里程:
    kg/data/milestone_noun_heads.txt), and 建成/完工 not a verb with an object (建成集医疗…为一体的医院)."""
    before = text[_clause_start(text, m.start()):m.start()]
    after = text[m.end():m.end() + 2]
    if text.startswith(_figure_words_longer_than(len(m.group())), m.start()):
        return False  # 签约额3亿元: an amount, not a signing
    if text.startswith(tuple(load_lines("milestone_purposes.txt")), _clause_start(text, m.start())):
        return False  # 为确保某某项目按时投产，…: what something is done for
    if _PREPARES_FOR.search(before) \
            and _LAYS_GROUND.search(text, m.end(), _clause_end(text, m.end())):
        return False  # 为年底全线通车奠定基础, 也为年底下闸蓄水打下基础: what something prepares
    if _in_list_of_tasks(text, m):
        return False  # 招商引资、开工建设、增资扩产: a kind of work, not a milestone reached
    if any(w in before for w in negations) or _words_before(before).endswith(tuple(load_lines("milestone_wishes.txt"))) \
            or after.startswith(("后", "以后", "前", "之前", "以前", "项目")) or _condition_after(text, m.end()) \
            or text.startswith(_noun_heads(), m.end()) \
            or _COUNT_AFTER.match(text, m.end()) \
            and not _LIST_OPENS.search(text, m.end(), _statement_end(text, m.end())):
        return False  # 建成后; 新开工项目658个 names a kind of projects, 新开工44项 counts them (and lists none)
    # 新建成的某某项目: a 的 after it names what was built (a Project mention, else none)
    return m.group() not in _NEEDS_PAUSE or not after or after[0] in "，,。；;、并了！!的"


def _words_before(before: str) -> str:
    """What is told before the milestone words ``before`` ends with (早日 of 早日竣工|投用: a wish or a negation of
    the first word of a compound is of every word of it)."""
    words = _milestone_words()[0]
    while (last := next((w for w in words.finditer(before) if w.end() == len(before)), None)) is not None:
        before = before[:last.start()]
    return before


def _condition_after(text: str, end: int) -> bool:
    """Whether the milestone words from ``end`` on close a condition (项目竣工投产后: 竣工 as much as 投产)."""
    words, told = _milestone_words()[0], False
    while (more := words.match(text, end)) is not None:
        end, told = more.end(), True
    return told and text.startswith(("后", "以后"), end)


def _in_list_of_tasks(text: str, m: re.Match[str]) -> bool:
    """Whether the milestone word (with 建设 after it) is an item of a list of tasks (谋划策划、招商引资、
    开工建设、增资扩产; 重点项目的开工建设、形象进度): a list at 、 of which another item holds no milestone word
    (not 建成、投产)."""
    end = m.end() + (len("建设") if text.startswith("建设", m.end()) else 0)
    start = m.start() - (1 if text[m.start() - 1:m.start()] == "新" else 0)
    if text[start - 1:start] != "、" and text[end:end + 1] != "、":
        return False
    if start > 0 and text[start - 1] not in "、，,；;：:\n的" or end < len(text) and text[end] not in "、，,；;。":
        return False  # 甲项目开工、乙项目竣工: the word is part of a longer item (not 重大工程的开工建设、形象进度)
    begin, stop = _clause_start(text, start), _clause_end(text, end)
    items = [w for w in text[begin:stop].split("、") if w]
    words = _milestone_words()[0]
    return len(items) > 1 and any(not words.search(w) for w in items)


#: The 为 of what a clause prepares (为…奠定基础), opening it or after an adverb (也为, 还将为); not 作为, 成为.
_PREPARES_FOR = re.compile(r"(?:^|[也还将并更均都亦])为")
#: After a milestone in a clause with that 为, the words saying it is prepared for (为…通车奠定基础).
_LAYS_GROUND = re.compile(r"(?:奠定|打下|夯实)了?(?:坚实|良好|重要)?(?:的)?基础|创造(?:了)?(?:有利)?条件|做好(?:了)?准备")


@lru_cache(maxsize=1)
def _noun_heads() -> tuple[str, ...]:
    return tuple(sorted(load_lines("milestone_noun_heads.txt"), key=len, reverse=True))


def extract_figures(doc: Document, project_start: ProjectStart, projects: _Projects | None = None) -> list[Figure]:
    """Every figure a document states about a project, once per (project, kind, value, unit): after
    a word of kg/data/project_figures.tsv, the further products of a capacity (年产镁砖6万吨，耐火材料
    15万吨), and a capacity a project's name holds (6万吨聚甲醛项目, 20万吨/年EVA装置)."""
    pattern, kinds, units = _figure_pattern()
    projects = projects or _Projects(doc, project_start)
    out: list[Figure] = []
    seen: set[tuple[str, str, float, str]] = set()
    # (where a project's name starts, a figure's word) -> where the last sentence telling that figure starts
    told_at: dict[tuple[int, str], int] = {}

    def add(project: Mention, kind: str, qualifier: str, amount: re.Match[str], base: int,
            sentence: Sentence) -> None:
        told_at[(project.start, qualifier)] = sentence.start
        unit, factor = units[amount.group("unit") or MONEY_UNSAID]
        multiplier = amount.group("mult") or amount.groupdict().get("high_mult")  # 8-10亿元: 亿 for both
        value = amount_value(amount.group("number"), multiplier, factor * int(amount.group("count") or 1))
        key = ("".join(project.text.split()), kind, value, unit)
        if key not in seen:
            seen.add(key)
            out.append(Figure(project, kind, qualifier, value, unit,
                              doc.span(base + amount.start("amount"), base + amount.end("amount")),
                              doc.span(sentence.start, sentence.end)))

    # the end of every longer name the document gives a project (2万吨碳酸锂工厂项目 of 年产2万吨碳酸锂工厂项目)
    ends_of_names = {m.text[k:] for i in range(len(doc.sentences)) for m in projects.outermost(i)
                     for k in range(1, len(m.text))}
    for index, sentence in enumerate(doc.sentences):
        text, base = sentence.text, sentence.start
        for m in pattern.finditer(text):
            if not _unit_read(m):
                continue
            found = projects.about(index, base + m.start(), base + m.end())
            if not found or _another_items(told_at, found[0], m.group("word"), text[:m.start()], base):
                continue
            kind = kinds[m.group("word")]
            add(found[0], kind, m.group("word"), m, base, sentence)
            pos = m.end()
            # 总投资490亿元的甲项目、105亿元的乙项目: the amounts of a list after the word are of its kind
            project = found[0]
            while text.startswith("的", pos) and project.start == base + pos + 1 \
                    and (more := _listed_amount().match(text, project.end - base)):
                nxt = projects.about(index, base + more.start("amount"), base + more.end("amount"))
                if not nxt or nxt[0].start != base + more.end():
                    break
                project, pos = nxt[0], more.end() - 1
                add(project, kind, m.group("word"), more, base, sentence)
            # the further products of a capacity: the same unit, no word of another amount
            while kind == "capacity" and (more := _further_product().match(text, pos)) \
                    and units[more.group("unit")][0] == units[m.group("unit")][0] \
                    and (more.group("after") or more.group("product")) \
                    and not any(w in more.group("after") + more.group("product") for w in kinds):
                add(found[0], kind, m.group("word"), more, base, sentence)
                pos = more.end()
        for m in _amount_before_word().finditer(text):
            # 将形成10万吨年产能, 每年可带来30亿元以上的工业产值: the word after its amount
            kind = _words_after()[m.group("word")]
            unit = units[m.group("unit")][0]
            if unit not in load_set("area_units.txt") and _is_currency(unit) == (kind == "output_value"):
                found = projects.about(index, base + m.start("word"), base + m.end("word"))
                if found:
                    add(found[0], kind, m.group("word"), m, base, sentence)
        for each in _respective_amounts().finditer(text):
            # 甲项目、乙项目总投资分别为10亿元、8亿元: the n-th amount is the n-th project's
            listed = projects.respective(index, base + each.start())
            amounts = list(_amount_in_list().finditer(text, each.start("amounts"), each.end("amounts")))
            if len(listed) == len(amounts) > 1:
                for project, amount in zip(listed, amounts):
                    add(project, kinds[each.group("word")], each.group("word"), amount, base, sentence)
        for project in projects.outermost(index):
            if project.text in ends_of_names:
                continue  # its capacity is the longer name's
            for amount in _capacity_in_name().finditer(project.text):
                if amount.start() == 0 and doc.text[project.start - 1:project.start].isdigit():
                    continue  # a name cut inside a number
                if not project.text.endswith(tuple(kinds), 0, amount.start()):  # 年产2万吨: told above
                    add(project, "capacity", amount.group("amount"), amount, project.start, sentence)
    return out


def _another_items(told_at: dict[tuple[int, str], int], project: Mention, word: str, before: str, base: int) -> bool:
    """Whether an amount of a sentence that neither names a project nor points back to one (投资规模：100亿元 of a
    record without its name) is another item's than the project of the sentences before: one whose amount of
    that word a sentence after its name told already (a phase's, 二期投资…, is the project's)."""
    if project.start >= base or _POINTS_BACK.search(before) or _PHASE.search(before) \
            or any(w in before for w in ("项目", "工程")):
        return False
    return told_at.get((project.start, word), -1) > project.end


@lru_cache(maxsize=1)
def _amount() -> str:
    """An amount: a number, 万/亿, and a unit of kg/data/amount_units.tsv."""
    units = [row[0] for row in load_table("amount_units.tsv")]
    mult = "|".join(sorted(_MULTIPLIERS, key=len, reverse=True))
    unit = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))
    return rf"{_NUMBER}\s*(?P<mult>{mult})?\s*(?P<unit>{unit})"


@lru_cache(maxsize=1)
def _words_after() -> dict[str, str]:
    return dict(load_table("figure_words_after.tsv"))


def _is_currency(base_unit: str) -> bool:
    """Whether a base unit of kg/data/amount_units.tsv is money: the table writes currencies as ISO 4217
    codes, so a currency added there is known here too."""
    return len(base_unit) == 3 and base_unit.isascii() and base_unit.isupper()


@lru_cache(maxsize=1)
def _amount_before_word() -> re.Pattern[str]:
    """An amount with its unit, then a word of kg/data/figure_words_after.tsv naming it (10万吨年产能,
    30亿元以上的工业产值)."""
    words = "|".join(map(re.escape, sorted(_words_after(), key=len, reverse=True)))
    return re.compile(rf"(?<![\d.])(?P<amount>{_amount()})(?:以上|左右)?的?(?P<word>{words})")


@lru_cache(maxsize=1)
def _amount_in_list() -> re.Pattern[str]:
    """An amount of a list of amounts (10亿元、8亿元)."""
    return re.compile(rf"(?P<amount>{_amount()})")


@lru_cache(maxsize=1)
def _respective_amounts() -> re.Pattern[str]:
    """A figure's word, 分别, and a list of amounts (总投资分别为10亿元、8亿元)."""
    words = "|".join(map(re.escape, sorted(_figure_pattern()[1], key=len, reverse=True)))
    amount = re.sub(r"\(\?P<\w+>", "(?:", _amount())  # unnamed: the list repeats it
    return re.compile(rf"(?P<word>{words})分别(?:为|是|达|约|约为)?(?P<amounts>{amount}(?:[、，,和及与]{amount})+)")


@lru_cache(maxsize=1)
def _listed_amount() -> re.Pattern[str]:
    """After a project of a list, the next amount and the 的 before its project (、105亿元的)."""
    return re.compile(rf"、(?P<amount>{_amount()})(?=的)的")


@lru_cache(maxsize=1)
def _further_product() -> re.Pattern[str]:
    """After a capacity, the next product of its list and its amount, the product told before the amount
    (，不定型耐火材料15万吨) or after it (50万吨磷酸铁、30万吨磷酸铁锂: ``after``, the product of the amount before)."""
    return re.compile(rf"(?P<after>[\u4e00-\u9fffA-Za-z]{{0,10}}?)[，,、和及]"
                      rf"(?P<product>[\u4e00-\u9fff]{{0,10}}?)(?P<amount>{_amount()})")


@lru_cache(maxsize=1)
def _capacity_in_name() -> re.Pattern[str]:
    """A capacity inside a project's name, before the product it makes (6万吨聚甲醛, 20万吨/年EVA,
    150万锭棉纺纱): an amount of a unit of kg/data/capacity_units.txt, not a class (3000吨级)."""
    units = "|".join(map(re.escape, sorted(load_set("capacity_units.txt"), key=len, reverse=True)))
    mult = "|".join(sorted(_MULTIPLIERS, key=len, reverse=True))
    return re.compile(rf"(?<![\d.])(?P<amount>{_NUMBER}\s*(?P<mult>{mult})?\s*(?P<unit>{units})(?:/年)?)"
                      rf"(?=[\u4e00-\u9fffA-Za-z])(?!级)")


def amount_value(number: str, multiplier: str | None, factor: Decimal = Decimal(1)) -> float:
    """12 + 亿 -> 1200000000; an int when the value is whole.

    >>> amount_value("1.2", "亿")
    120000000
    """
    value = Decimal(re.sub(r"[,，]", "", number)) * _MULTIPLIERS.get(multiplier or "", Decimal(1)) * factor
    return int(value) if value == value.to_integral_value() else float(value)


@lru_cache(maxsize=1)
def _subject_pattern() -> re.Pattern[str]:
    suffixes = "|".join(map(re.escape, sorted(load_set("project_suffixes.txt"), key=len, reverse=True)))
    return re.compile(rf"[\s{_BULLETS}]*(?:(?:据了解|据悉|其中|目前|此外|同时|近日)[，,]?)?"
                      rf"(?P<name>[\u4e00-\u9fff\d()（）]{{1,{MAX_SUBJECT}}}?(?P<suffix>{suffixes}))"
                      rf"(?P<phase>{_PHASE_NOTE.pattern})?"
                      rf"(?=位于|坐落|起于|起自|止于|包括|涵盖|是|于|在|由|拟|总投资|投资|计划|预计|已|将|正式|顺利|占地|建筑|建设|全长|全线|总长|总里程|设计|[，,。])")


#: Characters of a clause's words, not of a project's name (代表市委、市政府对全市…); 与 and 和 join the words of
#: many names (某某研发与产业化, 某某迁建与提质升级技术改造).
_FUNCTION_CHARS = re.compile(r"[对在向为把将给的了是从于]")
#: A count of projects naming no kind of them but generic words (3个项目, 两个重点项目; not 3个领域项目).
_COUNT_OF_PROJECTS = re.compile(rf"[\d一二两三四五六七八九十]+[个项](?:{'|'.join(('重点', '重大', '产业', '新'))})?项目")
#: A count before a project word: 5个项目, 152个, 4批, 两项.
_COUNTED = re.compile(_COUNT)


def _names_a_project(name: str, suffix: str) -> bool:
    """A clause's opening words ending with a project suffix name one project: they do not start
    with a function word or a verb of work reports, count projects, or hold only generic words."""
    core = name[: len(name) - len(suffix)]
    starts = tuple(load_lines("subject_function_starts.txt"))
    generic = load_set("project_generic.txt")
    return bool(core) and not core.startswith(starts) and "的" not in core and not _COUNTED.search(core) \
        and core not in generic and not leading_clause_words(core)


def _part_named_last(doc: Document, m: Mention) -> Mention:
    """某某项目关键控制性工程某某隧道 -> 某某隧道: a mention naming a part after its whole, or a
    mention of the whole (…关键控制性工程) that the name of a works (a facility: 隧道, 大桥, 水库)
    follows right after it (…工程某某隧道施工现场)."""
    cut = max((m.text.rfind(w) + len(w) for w in ("工程", "项目", "的") if w in m.text), default=0)
    tail = m.text[cut:] if cut > 0 else ""
    if len(tail) >= 3 and tail.endswith(tuple(load_set("project_suffixes.txt"))):
        return Mention(m.end - len(tail), m.end, tail, "Project", source=m.source)
    if m.text.endswith(("工程", "项目")) and (part := _facility_after().match(doc.text, m.end)) \
            and _PART_ENDS.match(doc.text, part.end()):
        return Mention(m.end, part.end(), part.group(), "Project", source="milestones.part")
    return m


#: After the name of a works told after its whole: its site, its works or a pause (…工程某某隧道施工现场, …工程某某大桥，);
#: not more of a name (某某项目分甲港仓储和…: no 甲港 told after the project).
_PART_ENDS = re.compile(r"施工|现场|工地|建设|[，,。；;的、）)]|$")


@lru_cache(maxsize=1)
def _facility_after() -> re.Pattern[str]:
    """A facility's name of 2 to 8 characters and its suffix (kg/data/project_suffixes.txt, kind
    facility): 缙云山隧道, 某某特大桥."""
    facilities = [row[0] for row in load_table("project_suffixes.txt") if len(row) > 1 and row[1] == "facility"]
    suffix = "|".join(map(re.escape, sorted(facilities, key=len, reverse=True)))
    return re.compile(rf"[\u4e00-\u9fff\d]{{2,8}}?(?:{suffix})")


#: Opening the official name of a railway or a road built new: 新建甲至乙铁路.
NEW_BUILD = "新建"


def _with_new_build(doc: Document, m: Mention) -> Mention:
    """A route's name with the 新建 that opens it as written (新建甲至乙铁路某段项目), after a pause or
    at a line's start; any other mention as it is."""
    start = m.start - len(NEW_BUILD)
    if "至" not in m.text or start < 0 or doc.text[start:m.start] != NEW_BUILD \
            or start > 0 and doc.text[start - 1] not in "，,。；;：:\n“ \u3000)）":
        return m
    return Mention(start, m.end, NEW_BUILD + m.text, m.type, source=m.source)


def _without_figure_after(m: Mention) -> Mention:
    """A name the recognizer read on into a figure told after it (某某电站总装机容量120万千瓦, 某某电站装机) cut
    before the figure's word, where what is left ends with a project word; any other mention as it is
    (年产10万吨某某项目 ends with its project word: its capacity is part of its name)."""
    suffixes = tuple(load_set("project_suffixes.txt"))
    if m.text.endswith(suffixes):
        return m
    cut = min((i for w in _figure_pattern()[1] if (i := m.text.find(w)) > 0 and m.text[:i].endswith(suffixes)),
              default=None)
    return m if cut is None else Mention(m.start, m.start + cut, m.text[:cut], m.type, source=m.source)


def _with_capacity_before(doc: Document, m: Mention) -> Mention:
    """A name the recognizer cut after the capacity per year it opens with (20万吨/|年某某装置项目) with
    that capacity; any other mention as it is."""
    if not m.text.startswith("年"):
        return m
    before = _capacity_per_year().search(doc.text, max(0, m.start - 16), m.start)
    if before is None:
        return m
    # the short name before the capacity (某某高新20万吨/年…), not a company's (…有限公司20万吨/年…) nor a verb
    start = before.start()
    while start > 0 and before.start() - start < MAX_PLACE and "\u4e00" <= doc.text[start - 1] <= "\u9fff" \
            and not doc.text.endswith("公司", 0, start):
        start -= 1
    start += leading_clause_words(doc.text[start:before.start()])
    if is_place(doc.text[start:before.start()]):
        start = before.start()
    return Mention(start, m.end, doc.text[start:m.end], m.type, source=m.source)


#: A pause inside a name the recognizer read across clauses (某某段正式通车，标志着某某高速公路); not a
#: number's thousands (年产1,000吨).
_CLAUSE_BREAK = re.compile(r"[，；;。！？]|,(?!\d{3})")
#: What follows the venue of an event (在某某宾馆举行, 在某某中心召开).
_HELD = ("举行", "召开", "举办")


def _venue(text: str, m: Mention) -> bool:
    """Whether ``m`` is where an event is held (签约仪式在某某宾馆举行), not a works (在某某项目举行开工仪式)."""
    return text[m.start - 1:m.start] == "在" and text.startswith(_HELD, m.end) and not m.text.endswith(_WORKS)


def _without_verb(projects: list[Mention]) -> list[Mention]:
    """``projects`` without a mention that only adds a clause's verb, with the place and the time before
    it, before another mention ending where it ends (参加某某项目 beside 某某项目, 某区今年共有甲 beside 甲:
    the recognizer took in the words of the clause)."""
    ends: dict[int, list[Mention]] = defaultdict(list)
    for m in projects:
        ends[m.end].append(m)
    return [m for m in projects
            if not any(_clause_words(m.text[:p.start - m.start]) for p in ends[m.end] if p.start > m.start)]


def _clause_words(text: str) -> bool:
    """Whether ``text`` is a clause's verb, or a place, its time and its verb (参加, 某区今年共有; not 东川联合:
    a name's words after a place)."""
    if leading_clause_words(text) == len(text):
        return True
    time = next((t for t in (_TIME_WORDS.match(text, k) for k in range(2, min(MAX_PLACE, len(text)) + 1))
                 if t and t.group() and is_place(text[:t.start()])), None)
    return time is not None and leading_clause_words(text[time.end():]) == len(text) - time.end()


@lru_cache(maxsize=1)
def _capacity_per_year() -> re.Pattern[str]:
    """A capacity's amount and the / of 万吨/年, ending where a name cut after it starts."""
    units = "|".join(map(re.escape, sorted(load_set("capacity_units.txt"), key=len, reverse=True)))
    mult = "|".join(sorted(_MULTIPLIERS, key=len, reverse=True))
    return re.compile(rf"(?<![\d.])\d+(?:\.\d+)?\s*(?:{mult})?\s*(?:{units})/$")


@lru_cache(maxsize=1)
def _generic_phrase() -> re.Pattern[str]:
    """Generic words and a project word ending right before a milestone word (重大项目 of 重大项目
    签约仪式, with 集中 or the way of signing between them: 产业项目视频签约, 项目云签约):
    kg/data/project_generic.txt."""
    generic = "|".join(map(re.escape, sorted(load_set("project_generic.txt"), key=len, reverse=True)))
    return re.compile(rf"(?:{generic})+(?:项目|工程)(?:{'|'.join(_COLLECTIVE + _REMOTE)})?$")


#: Before a signing, how it is held from afar: 云签约, 视频签约, 线上签约.
_REMOTE = ("云", "视频", "线上", "网上")


#: The time of a batch of projects right before generic words (2019年重点项目签约, 春季产业项目, 第二批重大项目).
_BATCH_BEFORE = re.compile(r"(?:\d{4}年度?|[春夏秋冬]季|[一二三四1-4]季度|第[一二三四五六七八九十\d]+批(?:次)?)$")


def _generic_before(text: str, pos: int, place_ends: frozenset[int] = frozenset()) -> bool:
    """Whether the words before ``pos`` name a kind of projects, not a project: generic words and a
    project word after a pause, a quote, a space or 的 (“某某”重大项目签约, 的重点项目集中开工) or after a
    place the recognizer named, ending at one of ``place_ends`` (某市招商引资重点项目集中签约: the place's
    projects), not after a name (东川重大项目开工) nor pointing back (该项目)."""
    m = _generic_phrase().search(text, max(0, pos - 16), pos)
    if m is None:
        return False
    begin = next((k for k in range(m.start(), pos) if _generic_phrase().fullmatch(text, k, pos)), m.start())
    if text.startswith(_ANAPHORS, begin):
        return False  # 该项目, 本工程: the project named before
    return begin == 0 or text[begin - 1] in "，,。；;：:、的 \u3000\n" + _CLOSING_QUOTES + _QUOTES_AND_SPACE \
        or any((k in place_ends or _BATCH_BEFORE.search(text, max(0, k - 8), k)) and _generic_phrase().fullmatch(
            text, k, pos) for k in range(begin, pos))


#: A verb whose object, to the clause's end, may be the project built (将在某市建设某某项目).
_BUILD_VERB = re.compile(r"(?:投资|开工|启动|计划|将|拟)?(?:建设|新建|兴建)")

#: Before 建设, the words telling what a project builds: 主要建设某某生产线.
_CONTENT = ("主要",)
#: After an amount's 的, words that describe, not name (总投资30亿元的项目, 的新建项目).
_BUILT_AFTER = ("项目", "工程", "新建", "重大", "重点", "产业", "一批", "多个", "各类")
#: Between a name after 的 and 等…项目, words that make it no list item (a clause: 甲将带动…等项目).
_DESCRIBES = re.compile(r"[，,；;。]")

#: After a milestone word, the sites of the projects it names before it: 开工项目现场, 竣工项目工地.
_SITE_AFTER = re.compile(r"(?:的)?项目(?:建设)?(?:现场|工地)")
#: Before the list of projects whose sites a visit reports: 在, 以及, 还有.
_SITE_OPENER = re.compile(r"(?:先后|还|又)?(?:在|来到|走进|深入|以及|和)?")
#: Opening a clause with no subject of its own, before what the project builds: ，主要建设某某生产线.
_BUILDS = ("主要建设", "主要生产", "建设", "新建", "打造", "拟建", "将建", "计划建设")
#: After a milestone word, the scene or the ceremony of it (开工现场, 签约仪式).
_SCENES = ("现场", "仪式", "活动", "大会", "典礼")
#: After a ceremony, where it is held: 集中开工仪式在某某项目现场举行.
_HOSTED = ("在", "于")
#: Where the event of a milestone of many is held (主会场设在某某项目现场), and the site after the project.
_VENUE = re.compile(r"(?:会场|活动|仪式)(?:设在|位于|选在|在)")
_SITE = re.compile(r"(?:建设)?(?:现场|工地)")
#: Opening a clause about a part of what the clause before names: 其中商业广场总面积8万平方米.
_PART_OPENERS = ("其中", "其中的")
#: Opening a sentence after a milestone of many, the venue of its event: 在主会场，某某项目….
_AT_THE_VENUE = re.compile(r"在?(?:主会场|分会场)(?:上|内)?[，,]")


def _of_a_part(text: str, pos: int) -> bool:
    """Whether the statement at ``pos`` is told of a part its clause names after 其中 (其中商业广场
    总面积8万平方米; not 其中，某某项目占地…, whose clause is the project's, nor 其中一期投资8亿元: a phase's
    figure is the project's)."""
    clause = _clause_start(text, pos)
    return text.startswith(_PART_OPENERS, clause) and pos - clause > len("其中") \
        and not _PHASE.match(text, clause + len("其中"))


#: The endings of the names of parks that are built as projects (not zones: 高新区, 新城).
_BUILT_PARKS = ("产业园", "工业园", "科技园", "物流园", "创业园", "孵化园", "软件园", "电商园", "示范园", "农业园")
#: A phase of a project: 一期, 二期工程, 首期.
_PHASE = re.compile(r"(?:[一二三四五六七八九十\d]+|首)期")


def _clause_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in "，,；;：:\n") + 1


#: Adverbs between a statement's 、 and its milestone word (甲建成、正式投产): no subject of its own.
_ADVERBS_BEFORE_WORD = re.compile(r"(?:正式|全面|基本|顺利|已经|已|即将|将|实现|相继|陆续|先后|并|同时|集中|全部)*")
#: 该项目, 这个产业融合项目, 本工程: a project named before.
_POINTS_BACK = re.compile(r"(?:该|此|这个|这一|本)[\u4e00-\u9fff]{0,6}?(?:项目|工程)")
#: Dates and numbers in a clause's opening: 2014年9月, 12月30日, 明年6月底, 1—8月 (not 一期).
_DATE_WORDS = re.compile(r"\d+[年月日号]?|[一二三四五六七八九十零〇]+[年月日号]|[—\-～~()（）]|[上中下]旬|[年月]")


#: A clause opening with building what the clause before invests in (，将在某市建设|某某项目).
_BUILT_NEXT = re.compile(r"(?:将|拟|计划|并)?(?:在[\u4e00-\u9fff]{1,10}?)?(?:投资)?(?:建设|新建|兴建|打造)")
#: Words that open a clause of time before its word (自2017年11月动工以来, 从去年开工至今).
_SINCE = re.compile(r"[自从于在]?")


def _no_subject(text: str, clause: int, pos: int) -> bool:
    """Whether the clause at ``clause`` has nothing before the word at ``pos`` but its time and adverbs
    (自2017年11月动工, 今年3月正式开工, 投资24亿元)."""
    start = _SINCE.match(text, _skip_openers(text, clause)).end()
    rest = _DATE_WORDS.sub("", text[start:pos])
    return _ADVERBS_BEFORE_WORD.fullmatch(rest) is not None


def _goes_on(text: str, clauses: list[int]) -> bool:
    """Whether a sentence with no project of its own goes on about the project of the sentences
    before: it points back (该项目, 这个产业融合项目), or its first clause that is more than a date
    opens with 其 or a works word alone (项目, 工程, 水库, 大坝), or with no subject at all (2014年9月，正式开工;
    全面达产后，年产值…: a condition with none;
    预计2025年建成通车; 主要建设某某生产线，总投资…; not 全区完成投资20亿元, 今年全区项目建设有序推进，基本建成投产)."""
    if _POINTS_BACK.search(text, 0, clauses[0] + 8):
        return True
    for c in reversed(clauses):
        rest = _skip_openers(text, c)
        if _condition_opening().match(text, rest):
            continue  # 全面达产后，年可产…: a condition with no subject, then the clause it opens
        if rest < len(text) and text[rest] not in "，,；;：:\n":
            return text.startswith((*_ANAPHORS, *_part_words()), rest) and not text.startswith("其中", rest) \
                or text.startswith(tuple(_milestone_words()[1]) + tuple(_figure_pattern()[1]) + _DESCRIBED, rest)
    return False


@lru_cache(maxsize=1)
def _condition_opening() -> re.Pattern[str]:
    """A clause that is only a condition of milestones with no subject (达产后，, 建成投产后，, 投产以后，)."""
    words = "|".join(map(re.escape, sorted([*_milestone_words()[1], *_FULL_OUTPUT], key=len, reverse=True)))
    return re.compile(rf"(?:{words})+(?:以)?后[，,]")


#: Reaching full output, a condition like a milestone's (达产后，年产值…).
_FULL_OUTPUT = ("达产", "达效")
#: Opening a sentence with no subject, what the project builds or where it lies (主要建设某某生产线，总投资…;
#: 建设内容包括…; 位于某区，…): the project told of before.
_DESCRIBED = ("主要建设", "建设内容", "主要建设内容", "位于", "选址")


@lru_cache(maxsize=1)
def _figure_heads() -> tuple[str, ...]:
    return tuple(sorted(load_lines("figure_generic_heads.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _part_words() -> tuple[str, ...]:
    """Works words (项目, 工程, 水库, 大坝, 隧道 ...) that alone, opening a sentence, name the
    project before or a part of it (水库设电站2座, 大坝坝高104米)."""
    return tuple(sorted(load_set("project_suffixes.txt") | {"大坝", "主线", "主体", "一期", "二期"}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _openers() -> tuple[str, ...]:
    return tuple(sorted(load_lines("subjectless_openers.txt"), key=len, reverse=True))


_OPENING_QUOTES = "“‘「『\""


def _skip_openers(text: str, i: int) -> int:
    """Past the dates, numbers and subjectless opening words (kg/data/subjectless_openers.txt) at ``i``."""
    openers = _openers()
    while i < len(text):
        if text[i] in _OPENING_QUOTES:  # “项目达产后，…”某某介绍: a quoted report opens the clause
            i += 1
        elif m := _DATE_WORDS.match(text, i):
            i = m.end()
        elif text.startswith(openers, i):
            i += len(next(w for w in openers if text.startswith(w, i)))
        else:
            break
    return i


def _statement_end(text: str, pos: int) -> int:
    """Where the statement going on at ``pos`` ends: at a semicolon or the sentence's end."""
    return min((i for i in (text.find(c, pos) for c in "；;。\n") if i >= 0), default=len(text))


#: The words a count of projects follows (甲项目、乙项目3项).
_WORKS = ("项目", "工程")


def _list_end(text: str, pos: int) -> int:
    """Where a list starting at ``pos`` ends: at 等N个项目, else at the clause's end."""
    end = _clause_end(text, pos)
    counted = _COUNTED_PROJECTS.search(text, pos, end)
    return counted.start() if counted is not None and counted.group("listed") else end


#: The time a clause tells before its verb (今年, 2024年, 近年来).
_TIME_WORDS = re.compile(r"(?:今年|去年|明年|近年来|近年|目前|当前|\d{4}年)?")


def _past_subject_and_verb(text: str, start: int, end: int) -> int:
    """Where the first item of a list starts past the place and the verb its clause opens with
    (某市引进|甲、乙等一批项目落地投产; 引进|甲、乙): ``start`` when there are none."""
    if _ROUTE.fullmatch(text, start, _strip_note(text, start, end)):
        return start  # 久治至马尔康: a route from a place
    for k in range(min(MAX_PLACE, end - start), 1, -1):
        if not is_place(text[start:start + k]):
            continue
        # 某区今年共有甲、乙: the time before the verb (an opener may end inside the verb: 今年|共)
        for after in (start + k, _TIME_WORDS.match(text, start + k).end(), _skip_openers(text, start + k)):
            if verbs := leading_clause_words(text[after:end]):
                return after + verbs
    return start + leading_clause_words(text[start:end])


#: Longest place opening a clause before its verb (某某自治州).
MAX_PLACE = 8


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each item of the list text[start:end]: split at 、 outside quotes (“甲(含乙、
    丙)、丁项目”、“戊项目” are two items), the 等 closing the list left out."""
    items: list[tuple[int, int]] = []
    depth, item_start = 0, start
    for i in range(start, end + 1):
        if i == end or text[i] == "、" and depth == 0:
            item_end = i - 1 if i == end and i > item_start and text[i - 1] == "等" else i
            items.append((item_start, item_end))
            item_start = i + 1
        elif text[i] in _OPENING_QUOTES:
            depth += 1
        elif text[i] in _CLOSING_QUOTES and depth:
            depth -= 1
    return items


#: Opening quotes a listed name may stand in.
_OPENING_QUOTES = "“‘「『"
#: A note in brackets after a listed name that is part of it: its phase or section (某某工程(二期), 某某城三期(Ⅱ),
#: 某某大道(东城段)).
_PHASE_NOTE = re.compile(r"[(（](?:[一二三四五六七八九十\d]+期(?:工程|项目)?|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+|[\u4e00-\u9fff]{1,6}段)[)）]")


def _strip_note(text: str, start: int, end: int) -> int:
    """The end of a listed item without a note in brackets after its name (久治至马尔康(川青界), 某某产业园
    (一期农产品交易市场)); a bare phase or section stays (某某工程(二期), 某某大道(东城段))."""
    if end > start and text[end - 1] in ")）":
        opening = max(text.rfind("(", start, end), text.rfind("（", start, end))
        if opening > start and not _PHASE_NOTE.fullmatch(text, opening, end):
            return opening
    return end


def _joined_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the names of a list item text[start:end]: two names joined by 和 or 及 when
    each ends with a project or park suffix or 中心 (某某产业园和某某创业中心; the first with a note in brackets
    after it: 甲扩建项目(第二台纸机)及乙扩建项目), else the item."""
    for joiner in "和及":
        cut = text.find(joiner, start, end)
        if cut > start and _PHASE_NOTE.sub("", text[start:_strip_note(text, start, cut)]).endswith(_site_words()) \
                and _PHASE_NOTE.sub("", text[cut + 1:end]).endswith(_site_words()):
            return [(start, cut), (cut + 1, end)]
    return [(start, end)]


@lru_cache(maxsize=1)
def _listed_endings() -> tuple[str, ...]:
    """Endings of a name in a list a count of projects names (甲等10个项目) that the recognizer did not give:
    a works or park word, 中心, or the work done (成绵扩容: kg/data/listed_project_endings.txt)."""
    return tuple(sorted(set(_site_words()) | set(load_lines("listed_project_endings.txt")), key=len, reverse=True))


#: A phase ending a listed name (某某管网系统三期).
_PHASE_AFTER = re.compile(rf"{_PHASE.pattern}$")


@lru_cache(maxsize=1)
def _site_words() -> tuple[str, ...]:
    """Endings of the names of what a project builds: works words, park suffixes
    (kg/data/park_suffixes.txt), 中心."""
    parks = {row[0] for row in load_table("park_suffixes.txt")}
    return tuple(sorted(set(_part_words()) | parks | {"中心"}, key=len, reverse=True))


def _skip(text: str, pos: int, chars: str) -> int:
    while pos < len(text) and text[pos] in chars:
        pos += 1
    return pos


def _clause_end(text: str, pos: int) -> int:
    return min((i for i in (text.find(c, pos) for c in "，,；;：:\n。") if i >= 0), default=len(text))


def _clauses_back(text: str, pos: int) -> list[int]:
    """Starts of the clause of ``pos`` and of the clauses before it up to a semicolon or a line
    break, the nearest first."""
    clauses = [_clause_start(text, pos)]
    while clauses[-1] > 0 and text[clauses[-1] - 1] not in "；;\n":
        clauses.append(_clause_start(text, clauses[-1] - 1))
    return clauses


class _Projects:
    """Which Project mention a statement at [start, end) of sentence ``index`` is about."""

    def __init__(self, doc: Document, project_start: ProjectStart) -> None:
        self.doc = doc
        self.project_start = project_start
        projects = [_with_capacity_before(doc, _with_new_build(doc, _without_figure_after(m))) for m in doc.mentions
                    if m.type == "Project" and not _COUNT_AFTER.match(doc.text, m.end)]
        projects = [m for m in _without_verb(projects) if not _venue(doc.text, m)
                    and not _CLAUSE_BREAK.search(m.text)]  # a name read across a pause is none
        # a mention of two names joined by 和 or 及 (甲扩建项目及乙扩建项目) is two projects
        projects = [Mention(a, b, doc.text[a:b], "Project", source=m.source) if (a, b) != (m.start, m.end) else m
                    for m in projects for a, b in (_joined_names(doc.text, m.start, m.end)
                                                   if "和" in m.text or "及" in m.text else [(m.start, m.end)])]
        parts = [(m, _part_named_last(doc, m)) for m in projects]
        wholes = SpanIndex(Span(m.start, min(part.start, m.end), "") for m, part in parts if part is not m)
        # a mention of the whole before its named part (某某项目关键控制性工程 of …工程某某隧道) goes
        kept = {(part.start, part.end): part for m, part in parts
                if part is not m or not wholes.containing(m.start, m.end)}
        mentions = sorted(kept.values(), key=lambda m: (m.start, -m.end))  # once per span
        # a company the recognizer named is no project of a list before the sites of a milestone
        self.companies = {(c.start, c.end) for c in doc.mentions if c.type in ("Enterprise", "Organization")}
        # what the recognizer named a project or a company is a project of a list the text calls projects
        self.named = self.companies | {(c.start, c.end) for c in doc.mentions if c.type == "Project"}
        # a park built (某某物流园, 某某产业园) opening a clause is its project (某某物流园于5月建成投用)
        self.parks = {c.start: c for c in doc.mentions if c.type == "Park" and c.text.endswith(_BUILT_PARKS)}
        # a person, a place or a body the recognizer named is no listed project (王某等领导, 某市城东、东海)
        self.not_projects = {(c.start, c.end) for c in doc.mentions if c.type in ("Person", "Place", "GovOrg")}
        self.by_sentence: dict[int, list[Mention]] = defaultdict(list)  # sentence index -> its mentions
        self.starts = [s.start for s in doc.sentences]
        # where the places and bodies the recognizer named end, by sentence: 某市重点项目 names a kind of projects
        self.place_ends: dict[int, list[int]] = defaultdict(list)
        for c in doc.mentions:
            if c.type in ("Place", "GovOrg"):
                self.place_ends[bisect_right(self.starts, c.start) - 1].append(c.end)
        for m in mentions:
            i = bisect_right(self.starts, m.start) - 1
            if i >= 0 and m.end <= doc.sentences[i].end:
                self.by_sentence[i].append(m)
        self._outer: dict[int, list[Mention]] = {}
        for i, sentence in enumerate(doc.sentences):
            self._known(i, self._named_after_amounts(sentence) + self._built(sentence))

    def _named_after_amounts(self, sentence: Sentence) -> list[Mention]:
        """The projects an amount's 的 names when the recognizer did not (总投资43.4亿元的某某智算中心建成
        投用, 总投资15亿元的甲、总投资14亿元的乙等项目): the name after 的 up to a list's 、 or 等, a pause or a
        milestone word, ending with a works or park word or 中心, or an item of a list closed by 等…项目."""
        text, base = sentence.text, sentence.start
        starts = {m.start - base for m in self.by_sentence.get(bisect_right(self.starts, base) - 1, [])}
        out: list[Mention] = []
        for amount in _figure_pattern()[0].finditer(text):
            pos = amount.end()
            if not _unit_read(amount) or not text.startswith("的", pos) or pos + 1 in starts \
                    or text.startswith(_BUILT_AFTER, pos + 1) \
                    or text.endswith(_BUILDS, 0, amount.start()) or amount.group("word").startswith(_BUILDS):
                continue  # not 将建设占地772亩的某某基地, 建设面积3.5万平方米的某某中心: what a project builds
            stop = min([i for i in (text.find(c, pos + 1) for c in "、等，,；;。：:") if i >= 0] + [len(text)])
            word = _milestone_words()[0].search(text, pos + 1, stop)
            stop = word.start() if word is not None else stop
            name = text[pos + 1:stop]
            counted = _COUNTED_PROJECTS.search(text, stop, _clause_end(text, stop))
            in_list = counted is not None and counted.group("listed") \
                and not _DESCRIBES.search(text, stop, counted.start())
            if 2 < len(name) <= MAX_LISTED and _NAME_CHARS.fullmatch(name) and not leading_clause_words(name) \
                    and not _COUNTED.match(name) and (name.endswith(_site_words()) or in_list):
                out.append(Mention(base + pos + 1, base + stop, name, "Project", source="milestones.amount"))
        return out

    def _built(self, sentence: Sentence) -> list[Mention]:
        """The projects a clause says are built when the recognizer did not name them (某公司投资24亿元，将在
        某市建设某某机电城项目, 计划投资20亿元建设某某新材料产业园): the words after 建设 to the clause's end, ending
        with a works or park word or 中心, that name one project (not 加快建设重点项目)."""
        text, base = sentence.text, sentence.start
        known = self.by_sentence.get(bisect_right(self.starts, base) - 1, [])
        out: list[Mention] = []
        for verb in _BUILD_VERB.finditer(text):
            if text.endswith(_CONTENT, 0, verb.start()):
                continue  # 主要建设某某生产线: what a project builds, no project
            end = _clause_end(text, verb.end())
            name = text[verb.end():end]
            suffix = next((w for w in _site_words() if name.endswith(w)), "")
            if 2 < len(name) <= MAX_LISTED and suffix and _NAME_CHARS.fullmatch(name) \
                    and _names_a_project(name, suffix) and "、" not in name \
                    and not any(m.start < base + end and base + verb.end() < m.end for m in known):
                out.append(Mention(base + verb.end(), base + end, name, "Project", source="milestones.built"))
        return out

    def about(self, index: int, start: int, end: int, object_after: bool = False,
              many: bool = False) -> list[Mention]:
        """The projects a statement at [start, end) of sentence ``index`` is about: one, or with
        ``many`` (a milestone) each project of a list it is told of (甲、乙等N个项目集中开工;
        开工的项目有：甲、乙; 共建成通车N个项目，分别是甲、乙); none for a figure of many.
        ``object_after``: the word takes its project after it (签约：A与B签约，X项目落户…)."""
        sentence = self.doc.sentences[index]
        text, pos = sentence.text, start - sentence.start
        if many and (opened := _LIST_AFTER_WORD.match(text, end - sentence.start)):
            # the text calls them projects: any name is one (开工的项目为某某产业园、某某中心)
            listed = self._items(sentence, opened.end(), _list_end(text, opened.end()), named_by_count=True)
            if listed:
                return self._known(index, listed)  # 当日开工的项目有：投资1亿元的甲项目、乙项目等7个项目
        if many and (among := _AMONG_AFTER_WORD.match(text, end - sentence.start)):
            # 此次签约的项目中，甲项目总投资20亿元…；乙项目…: the subject of each statement after
            starts = [among.end()] + [i + 1 for i in range(among.end(), len(text)) if text[i] in "；;"]
            subjects = [self._subject(sentence, s, len(text)) for s in starts]
            return self._known(index, [m for m in subjects if m is not None])
        if not many and _of_a_part(text, pos) \
                and not any(m.start <= start and end <= m.end or m.start == sentence.start + _clause_start(
                    text, pos) + len("其中") and m.text.endswith(_WORKS) for m in self.by_sentence[index]):
            # …，其中商业广场总面积8万平方米: a part's figure (not 其中某某项目总投资20亿元: one of the projects)
            return []
        if many and (own := self._statement_after_pause(sentence, pos)) is not None:
            return self._known(index, own[-1:])  # 甲全面投用、乙基本完工: 乙's, if the recognizer named it
        project = self._about(index, start, end, object_after)
        if isinstance(project, re.Match):  # a clause that counts projects
            return self._known(index, self._counted(sentence, project)) if many else []
        if project is None:
            return []
        listed = self.listed_with(project)
        if not many and len(listed) > 1 and not project.start <= start < end <= project.end \
                and project.start != end + 1:
            # 甲项目、乙项目和丙工程，总投资35亿元: their total, none's own (not 乙年产10万吨丙项目's, nor
            # 总投资14亿元的乙、丙等项目's: the noun after its 的)
            return []
        return self._known(index, listed if many else [project])

    def _opening_site(self, index: int, start: int) -> Mention | None:
        """The project at whose site sentence ``index`` opens, before a milestone of many at ``start`` with no
        project of its own (某区某某项目建设工地上，…全区一批重点项目同步开工), else None."""
        sentence = self.doc.sentences[index]
        opening = _skip_openers(sentence.text, 0)  # past its time (18日上午，)
        opening = _skip_openers(sentence.text, opening + 1) if sentence.text[opening:opening + 1] in "，," else opening
        first = sentence.start + opening
        site = next((m for m in self.outermost(index) if m.start >= first), None)
        if site is None or site.end >= start or not _SITE.match(self.doc.text, site.end) \
                or _CLAUSE_BREAK.search(self.doc.text, first, site.start):
            return None
        return site

    def _statement_after_pause(self, sentence: Sentence, pos: int) -> list[Mention] | None:
        """The projects named in a statement of its own after a 、 that closes a statement of a milestone (某某校区
        四期全面投用、五期校区基本完工: the words before the word at ``pos`` are its subject, not only adverbs);
        None when the word's statement is not one of them."""
        text = sentence.text
        clause = _clause_start(text, pos)
        pause = text.rfind("、", clause, pos)
        if pause < 0 or _ADVERBS_BEFORE_WORD.fullmatch(text, pause + 1, pos):
            return None
        before = max(text.rfind("、", clause, pause), clause - 1) + 1
        index = bisect_right(self.starts, sentence.start) - 1
        if not any(not self.names_it(index, w) for w in _milestone_words()[0].finditer(text, before, pause)):
            return None  # not 某某贯通工程(某段)、某某项目等多个项目同时开工: a word inside a name
        return [m for m in self.outermost(index)
                if m.start >= sentence.start + pause + 1 and m.end <= sentence.start + pos]

    def _known(self, index: int, projects: list[Mention]) -> list[Mention]:
        """``projects``, those read from the text (a list's items, a word's object) now also
        projects of sentence ``index`` that later sentences may point back to."""
        mentions = self.by_sentence[index]
        new = [m for m in projects if m not in mentions]
        if new:
            mentions[:] = sorted(mentions + new, key=lambda m: (m.start, -m.end))
            self._outer.pop(index, None)
        return projects

    def _about(self, index: int, start: int, end: int, object_after: bool) -> Mention | re.Match[str] | None:
        """The project of the statement, or the match of the count of projects its clause is about."""
        sentence = self.doc.sentences[index]
        inside = self.by_sentence.get(index, [])
        holding = [m for m in inside if m.start <= start and end <= m.end]
        if holding:
            return holding[0]
        listing = _COUNTED_PROJECTS.search(sentence.text, _clause_start(sentence.text, start - sentence.start),
                                           start - sentence.start)
        places = frozenset(e - sentence.start for e in self.place_ends.get(index, ()))
        if _generic_before(sentence.text, start - sentence.start, places) and not (listing and listing.group("listed")):
            # “某某”重大项目签约仪式, 重点项目集中开工: a kind of projects, no name (not 甲、乙等一批的产业项目启动建设),
            # but the project at whose site the clause holds it (在某某项目现场举行2024年重大项目集中开工)
            clause = sentence.start + _clause_start(sentence.text, start - sentence.start)
            hosts = [m for m in self.outermost(index) if clause <= m.start and m.end <= start
                     and self.doc.text[m.start - 1:m.start] in _HOSTED and _SITE.match(self.doc.text, m.end)]
            return hosts[-1] if hosts else self._opening_site(index, start)
        pos = start - sentence.start
        if self.doc.text[end:end + 1] == "的" and not self.doc.text.startswith(_figure_heads(), end + 1):
            # 建成投产的某某工厂, 总投资30亿元的某某项目: the noun after 的 (not 产值10亿元的生产能力)
            after_of = next((m for m in inside if m.start == end + 1), None)
            opening = _skip_openers(sentence.text, _clause_start(sentence.text, pos))
            builds = sentence.text.endswith(_BUILDS, 0, pos)  # 建设占地面积772亩的某某基地
            if not builds and (after_of is not None or not sentence.text.startswith(_part_words(), opening)):
                return after_of  # not 项目将建设面积3.5万平方米的新总部, 将建设占地772亩的某某基地: the project's

        # a semicolon ends a statement: 甲项目签约落地；乙项目建成投产 are two projects' milestones
        statement = (sentence.start + max(sentence.text.rfind(c, 0, pos) for c in "；;") + 1,
                     sentence.start + _statement_end(sentence.text, pos))
        before = [m for m in self.outermost(index) if statement[0] <= m.start and m.end <= start]
        after = [m for m in self.outermost(index) if m.start >= end and m.end <= statement[1]]
        if object_after and not self.doc.text.startswith(_SCENES, end) \
                and not _COUNTED_PROJECTS.search(sentence.text, _clause_start(sentence.text, pos), pos):
            # not 在签约仪式上表示，…; not 5个项目进行签约，分别为：甲，乙 (the count's list)
            own = self._subject(sentence, _clause_start(sentence.text, pos), pos)
            if own is not None:
                return own  # 甲项目签约落地: the project opening the word's clause
            if after and after[0].start - end <= MAX_SUBJECT:
                return after[0]
            written = self._object(sentence, end - sentence.start)
            if written is not None:
                return written  # 签约年产6万吨某某、某某系列产品项目
        # the word's clause, else the nearest clause before it up to a semicolon (2014年9月，某某工程
        # 正式开工，项目总投资…): its subject, else the last project it names (某某大道跨某河桥通车),
        # unless it describes the subject before (是以灌溉为主，兼顾发电的大型水利工程); a clause that
        # counts projects (24个重大项目破土动工) is about many, named only as 甲等N个项目
        clauses = _clauses_back(sentence.text, pos)
        if sentence.text.endswith(_COLLECTIVE, 0, pos):  # 集中开工: the projects of its own clause only
            clauses = clauses[:1]
        own_end = _clause_end(sentence.text, pos)
        for k, clause in enumerate(clauses):
            # the word's own clause counts them after it too (共开工405个项目)
            counted = _COUNTED_PROJECTS.search(sentence.text, clause, own_end if k == 0 else pos)
            if counted is not None:
                return counted
            # a park built opening the word's own clause (某某物流园于5月建成投用; not 某某产业园已形成规模，
            # 24家企业签约入驻: a zone the companies move into)
            subject = self._subject(sentence, clause, pos) or (self._park(sentence, clause, pos) if k == 0 else None)
            if subject is not None:
                return subject
            named = [m for m in before if m.start >= sentence.start + clause]
            if k > 0 and sentence.text.startswith(_BUILDS, clause):
                continue  # ，主要建设某某生产线，达产后年产值…: the object of a clause before is no subject
            if named and not any(sentence.text.startswith(_COPULAS, c) for c in clauses[k:k + 2]):
                # the word's clause: the project nearest the word; a clause before: its first (某某项目
                # 位于某某大道东侧，占地约366亩)
                return named[-1] if k == 0 else named[0]
        if sentence.text.endswith(_COLLECTIVE, 0, pos):
            # 集中开工仪式在某某项目现场举行: the project hosting the ceremony is one of them
            hosts = [m for m in after if m.end - sentence.start <= own_end]
            scene = next((w for w in _SCENES if self.doc.text.startswith(w, end)), "")
            if hosts and scene and self.doc.text.startswith(_HOSTED, end + len(scene)):
                return hosts[0]
            return self._opening_site(index, start)
        if _POINTS_BACK.match(sentence.text, _skip_openers(sentence.text, clauses[-1])):
            return self._earlier(index)  # 该项目建成通车，对完善某某通道…: not a project after it
        if after and not before and not object_after and (
                after[0].end - sentence.start <= own_end or _no_subject(sentence.text, clauses[0], pos)
                or _BUILT_NEXT.fullmatch(sentence.text, own_end + 1, after[0].start - sentence.start)):
            # 开工建设某某项目, 自2017年11月动工以来，某某大桥项目…, 某公司投资24亿元，将在某市建设某某项目: the
            # word's object in its own clause, the project of the clause after one with no subject, or the
            # project the next clause builds (not 甲区建成投运，乙港加快建设: the next clause's subject)
            return after[0]
        if before:
            return max(before, key=lambda m: m.end)
        if self.doc.text.startswith(_SCENES, end) \
                and not sentence.text.startswith((*_ANAPHORS, *_WORKS), _skip_openers(sentence.text, clauses[0])):
            # 开工现场，某市还举行了…: the scene of the day, no project's milestone told again (not 项目开工仪式在
            # 某地举行, 项目举行开工仪式: the project told of before)
            return None
        return self._quoted_at_site(index) or (self._earlier(index) if _goes_on(sentence.text, clauses) else None)

    def _quoted_at_site(self, index: int) -> Mention | None:
        """The project at whose site the words of a quote are told, when sentence ``index`` closes the quote and
        the sentence after says who told it there (“…达产后，年产值50亿元。”5月8日，在某某基地车间里，项目负责人介绍。);
        else None."""
        sentence = self.doc.sentences[index]
        if index + 1 >= len(self.doc.sentences) or self.doc.sentences[index + 1].article != sentence.article:
            return None
        told = self.doc.sentences[index + 1]
        if not (sentence.text.rstrip().endswith(tuple(_CLOSING_QUOTES)) or told.text.startswith(tuple(_CLOSING_QUOTES))) \
                or not _TOLD_BY.search(told.text):
            return None
        return next((m for m in self.outermost(index + 1) if self.doc.text[m.start - 1:m.start] == "在"
                     and _SITE_WORDS.match(self.doc.text, m.end, told.end)), None)

    def _counted(self, sentence: Sentence, counted: re.Match[str]) -> list[Mention]:
        """The projects a clause that counts them names: those listed before 等 (甲、乙等10个项目), else
        those a list after the count names in the sentence (共建成通车15个项目，其中…，分别是甲、乙)."""
        text = sentence.text
        start = _LIST_OPENER.match(text, _clause_start(text, counted.start())).end()
        if counted.group("listed"):
            return self._items(sentence, start, counted.start(), named_by_count=True)
        if counted.group().startswith(_WORKS) and "、" in text[start:counted.start()] and not any(
                _milestone_words()[0].search(text, a, b) for a, b in _list_items(text, start, counted.start())):
            # 甲项目、乙项目、丙项目3项计划参加签约: the list the count closes (not 新开工、竣工项目400个)
            return self._items(sentence, start, counted.start() + len(_WORKS[0]), named_by_count=True)
        listed = _list_items(text, start, counted.start())
        if _COUNT_OF_PROJECTS.fullmatch(counted.group()) and len(listed) > 1 and not any(
                _milestone_words()[0].search(text, a, b) or _FUNCTION_CHARS.search(text, a, b) for a, b in listed):
            # 甲、乙、丙3个项目集中开工: the list right before the count (not 工业、农业3个领域项目, nor 代表市委、
            # 市政府对全市156个项目: a clause, no names)
            return self._items(sentence, start, counted.start(), named_by_count=True)
        opened = _LIST_OPENS.search(text, counted.end(), _statement_end(text, counted.end()))
        if opened is None:
            return []
        items = self._items(sentence, opened.end(), _clause_end(text, opened.end()), named_by_count=True)
        if text[opened.end() - 1] in "：:":
            # 分别为：某县的甲项目，某区的乙项目: items told clause by clause, each a project's name
            pos = _clause_end(text, opened.end())
            while pos < len(text) and text[pos] in "，," and (more := self._items(
                    sentence, pos + 1, _clause_end(text, pos + 1))):
                items += more
                pos = _clause_end(text, pos + 1)
        return items

    def one_of_them(self, index: int) -> list[Mention]:
        """The projects a sentence opening with 其中 or with the event's venue (在主会场，丙项目…) is about: its
        subject (其中，丙项目占地350亩), else
        the projects each of its statements lists before 等…项目 (其中，甲、乙等项目将…；丙等项目将…)."""
        sentence = self.doc.sentences[index]
        text = sentence.text
        opening = _skip(text, 0, _QUOTES_AND_SPACE)
        if venue := _AT_THE_VENUE.match(text, opening):  # 在主会场，某某项目总投资45亿元: one of them
            subject = self._subject(sentence, venue.end(), len(text))
            return [subject] if subject is not None else []
        if not text.startswith(_PART_OPENERS, opening):
            return self._hosting(index)
        starts = [_skip(text, opening + len("其中"), "，, ")]
        first = next((m for m in self.outermost(index) if m.start == sentence.start + starts[0]), None)
        if first is not None:
            return self.listed_with(first)  # 其中，甲项目及乙项目坐落于…: each of the projects the sentence opens with
        subject = self._subject(sentence, opening, len(text))
        if subject is not None:
            return [subject]
        starts += [i + 1 for i in range(opening, len(text)) if text[i] in "；;"]
        listed: list[Mention] = []
        for start in starts:
            counted = _COUNTED_PROJECTS.search(text, start, _clause_end(text, start))
            if counted is not None and counted.group("listed"):
                listed += self._items(sentence, start, counted.start(), named_by_count=True)
        return self._known(index, listed)

    def names_it(self, index: int, m: re.Match[str]) -> bool:
        """Whether the milestone word ``m`` of sentence ``index`` is inside a project's name, not at
        its end (某某贯通工程 names a works, no 贯通)."""
        start, end = self.doc.sentences[index].start + m.start(), self.doc.sentences[index].start + m.end()
        return any(p.start <= start and end < p.end for p in self.by_sentence[index])

    def _hosting(self, index: int) -> list[Mention]:
        """The project whose site hosts the event of a milestone of many told before (主会场设在某某公司
        某某项目现场): the first Project mention of the clause after 设在/位于, before 现场 or 工地."""
        sentence = self.doc.sentences[index]
        for venue in _VENUE.finditer(sentence.text):
            pos, end = sentence.start + venue.end(), sentence.start + _clause_end(sentence.text, venue.end())
            host = next((m for m in self.outermost(index) if pos <= m.start and m.end <= end), None)
            if host is not None and _SITE.match(self.doc.text, host.end):
                return self._known(index, [host])
        return []

    def at_their_sites(self, index: int, m: re.Match[str]) -> list[Mention]:
        """The projects a list names right before a milestone word and 项目现场 (在甲、乙、丙开工项目现场，以及
        丁、戊竣工项目现场): those of two or more items, not a company the recognizer named nor an item
        holding a milestone word (新开工、竣工项目)."""
        sentence = self.doc.sentences[index]
        text = sentence.text
        if not _SITE_AFTER.match(text, m.end()):
            return []
        start = _SITE_OPENER.match(text, _clause_start(text, m.start())).end()
        items = _list_items(text, start, m.start())
        if len(items) < 2 or any(_milestone_words()[0].search(text, a, b) for a, b in items):
            return []
        listed = [p for p in self._items(sentence, start, m.start(), named_by_count=True)
                  if (p.start, p.end) not in self.companies]
        return self._known(index, listed)

    def _items(self, sentence: Sentence, start: int, end: int, named_by_count: bool = False) -> list[Mention]:
        """The projects of the list text[start:end] of a sentence, items split at 、: a Project
        mention ending the item, else the item's name after its last 的 (投资1亿元的某某项目) when it
        ends with a project suffix, is a route (甲至乙), or, in a list a count of projects names
        (甲等10个项目), a project or a company the recognizer named (the text calls its project by it) or a name ending
        with a works or park word, 中心 or the work done (成绵扩容; not a name of nothing the recognizer knew or
        a product listed with them: 神州细胞, 石墨烯导电浆料)."""
        text, base = sentence.text, sentence.start
        ends = {m.end - base: m for m in self.outermost(bisect_right(self.starts, sentence.start) - 1)}
        out: list[Mention] = []
        for item_start, item_end in _list_items(text, start, end):
            if item_start == start:
                item_start = _past_subject_and_verb(text, item_start, item_end)  # 某市引进甲、乙等一批项目
            item_end = _strip_note(text, item_start, item_end)
            if agreement := _AGREEMENT_ITEM.search(text, item_start, item_end):
                item_end = agreement.start()
            cut = text.rfind("的", item_start, item_end)
            item_start = cut + 1 if cut >= 0 else item_start
            quoted = text.find("“", item_start, item_end)
            if quoted > item_start and text[item_end - 1:item_end] == "”":
                item_start = quoted  # 某市“某某项目”: the name in the quotes
            item_start = _skip(text, item_start, _QUOTES_AND_SPACE)
            item_end = len(text[:item_end].rstrip(_QUOTES_AND_SPACE))
            known = ends.get(item_end)
            if known is not None and known.start - base >= item_start:
                # 乙项目和丙工程: the names of this item only
                out += [m for m in self.listed_with(known) if m.start - base >= item_start and m.end - base <= item_end]
                continue
            for a, b in _joined_names(text, item_start, item_end):
                name = text[a:b]
                bare = _PHASE_NOTE.sub("", name)  # 某某工程(二期): a works word before the phase
                if named_by_count:  # 某某管网系统三期等N个项目: the works before the phase
                    bare = _PHASE_AFTER.sub("", bare)
                if 2 <= len(name) <= MAX_LISTED and _NAME_CHARS.fullmatch(name) and not _COUNTED.match(name) \
                        and (base + a, base + b) not in self.not_projects and (_ROUTE.fullmatch(name) or (
                        bare.endswith(_listed_endings() if named_by_count else _part_words())
                        or named_by_count and (base + a, base + b) in self.named)
                        and not leading_clause_words(name)):
                    out.append(Mention(base + a, base + b, name, "Project", source="milestones.list"))
        return out

    def agreed(self, index: int, agreement: re.Match[str]) -> list[Mention]:
        """The projects an agreement signed in sentence ``index`` is of: the Project mentions its
        object holds (签订甲项目、乙项目投资协议), else its object when it ends with a works word and names
        one project (签署某某产业园项目合作协议; not 签订投资协议, 签订3个项目协议)."""
        sentence = self.doc.sentences[index]
        start, end = sentence.start + agreement.start("object"), sentence.start + agreement.end("object")
        named = [m for m in self.outermost(index) if start <= m.start and m.end <= end]
        if named:
            return named
        name = agreement.group("object")
        if not 2 < len(name) <= MAX_LISTED or not name.endswith(_WORKS) or not _NAME_CHARS.fullmatch(name) \
                or not _names_a_project(name, name[-2:]):
            return []
        return self._known(index, [Mention(start, end, name, "Project", source="milestones.agreement")])

    def _object(self, sentence: Sentence, pos: int) -> Mention | None:
        """The project a word like 签约 takes after it, written to its clause's end (签约年产6万吨甲、
        乙系列产品项目): a name ending with a project suffix."""
        text = sentence.text
        end = min((i for i in (text.find(c, pos) for c in "，,；;。！？\n") if i >= 0), default=len(text))
        name = text[pos:end]
        if not 2 < len(name) <= MAX_LISTED or not name.endswith(_part_words()) or leading_clause_words(name) \
                or _COUNTED.search(name):
            return None
        return Mention(sentence.start + pos, sentence.start + end, name, "Project", source="milestones.object")

    def respective(self, index: int, pos: int) -> list[Mention]:
        """The projects listed right before ``pos`` in its clause (甲项目、乙项目|总投资分别为…), in order."""
        sentence = self.doc.sentences[index]
        clause = sentence.start + _clause_start(sentence.text, pos - sentence.start)
        before = [m for m in self.outermost(index) if clause <= m.start and m.end <= pos]
        return self.listed_with(before[-1]) if before and before[-1].end == pos else []

    def listed_with(self, project: Mention) -> list[Mention]:
        """``project`` and the projects listed with it (甲项目、乙项目和丙项目集中开工): a milestone
        of a list is a milestone of each."""
        index = bisect_right(self.starts, project.start) - 1
        mentions = self.outermost(index)
        by_end = {m.end: m for m in mentions}
        by_start = {m.start: m for m in mentions}
        text = self.doc.text
        listed = [project]
        while (pos := listed[0].start) > 0 and text[pos - 1] in _LIST_JOINERS and pos - 1 in by_end:
            listed.insert(0, by_end[pos - 1])
        while listed[-1].end < len(text) and text[listed[-1].end] in _LIST_JOINERS and listed[-1].end + 1 in by_start:
            listed.append(by_start[listed[-1].end + 1])
        return listed

    def _subject(self, sentence: Sentence, clause: int, pos: int) -> Mention | None:
        """The project opening the clause of ``sentence`` at ``clause``, before ``pos``, as the
        project grammar names it."""
        text = sentence.text
        m = _subject_pattern().match(text, clause)
        if m is None or m.start("name") >= pos or m.group("name").startswith(_ANAPHORS) \
                or not _names_a_project(m.group("name"), m.group("suffix")):
            return None
        begin = self.project_start(text, m.start("suffix"), m.end("name"))
        # the grammar may only leave out the company that owns the project (某某有限公司某某项目): the
        # name is the rest of the clause's opening words; a place the name opens with stays in it as
        # written (某市高新区某某研创园项目)
        if begin is not None and is_place(text[m.start("name"):begin]):
            begin = m.start("name")
        company = text.rfind("公司", m.start("name"), begin) if begin is not None else -1
        stop = m.end("phase") if m.group("phase") else m.end("name")  # 某某项目(一期): the phase is part of it
        if company >= 0:  # not the signing after it (某某有限公司正式签订某某项目投资协议)
            begin = company + len("公司")
            signs = _SIGNS.match(text, begin, stop)
            begin = signs.end() if signs else begin
        elif begin != m.start("name"):
            return None
        # the longest name the recognizer gave from there in the clause (某某新院区建设项目, not 某某新院区)
        index = bisect_right(self.starts, sentence.start) - 1
        end = sentence.start + min(pos, _clause_end(text, stop))
        longer = [p for p in self.by_sentence.get(index, []) if p.start == sentence.start + begin
                  and sentence.start + stop < p.end <= end]
        if longer:
            stop = max(p.end for p in longer) - sentence.start
        return _part_named_last(self.doc, Mention(sentence.start + begin, sentence.start + stop,
                                                  text[begin:stop], "Project", source="milestones.subject"))

    def _park(self, sentence: Sentence, clause: int, pos: int) -> Mention | None:
        """The park built (a Park mention ending with 园: 某某物流园, 某某产业园) opening the clause at ``clause``
        before ``pos``, with the phase written right after it (某某产业园一期), as a project."""
        start = _skip(sentence.text, clause, _QUOTES_AND_SPACE + _BULLETS)
        park = self.parks.get(sentence.start + start)
        if park is None or park.end > sentence.start + pos:
            return None
        phase = _PHASE.match(self.doc.text, park.end)
        end = phase.end() if phase and phase.end() <= sentence.start + pos else park.end
        return Mention(park.start, end, self.doc.text[park.start:end], "Project", source="milestones.park")

    def outermost(self, index: int) -> list[Mention]:
        """The mentions of sentence ``index`` no other one contains, in text order (once per sentence,
        by position: a long list of projects is not compared pair by pair)."""
        if index not in self._outer:
            inside = self.by_sentence.get(index, [])
            spans = SpanIndex(inside)
            self._outer[index] = [m for m in inside if all(o is m for o in spans.containing(m.start, m.end))]
        return self._outer[index]

    def _earlier(self, index: int) -> Mention | None:
        sentence: Sentence = self.doc.sentences[index]
        for k in range(index - 1, max(-1, index - 1 - PROJECT_REACH), -1):
            prev = self.doc.sentences[k]
            if prev.article != sentence.article:
                break
            # the sentence before is about the subject of its first clause that has one
            subject = next(filter(None, (self._subject(prev, c, len(prev.text))
                                         for c in reversed(_clauses_back(prev.text, len(prev.text))))), None)
            if subject is not None:
                return subject
            if _POINTS_BACK.match(prev.text, _skip_openers(prev.text, 0)):
                continue  # 这个重大项目是为了…加快建设某某城: about the project before it, not what it names
            outer = self.outermost(k)
            if outer:
                return outer[-1]
        return None
