"""Personnel events: a person's post starting, ending or proposed, with its date.

The words and forms are in kg/data/personnel_events.tsv:

  - before: 决定任命某甲、某乙为某区人民政府副区长 / 补选某甲等3名同志为…代表;
  - object: 免去某甲的某区人民政府副区长、某某职务;
  - after:  某甲当选为区长 / 接受某乙辞去区长职务 / 某丙同志不再担任… / 某丁拟任… /
            某戊副区长代理区长职务 (a title may stand between the name and the word);
  - carried: 并决定为代理区长, ，后兼任某职, ，不再担任某职务, 接受其辞去…, with no name: the person
    of the event before in the sentence; a career's clause (某甲早年在某地工作，2005年任某职)
    with none before: the name opening the sentence;
  - transfer (kg/data/personnel_transfers.txt): 前任某市委书记某甲调任… / 某市委原常委某甲、某乙
    已分别调任… / (某甲…，)2015年从某区委书记调任… / 某甲由某区区长转任…: the post written before
    the names or after 从 or 由, held before, ends (remove);
  - a career's clause with no name of its own (，后任某职, ，先后任…, ；同年9月当选…, ，后到某区任…)
    goes on about the name opening the sentence, or the
    name after the modifier it opens with (卸任某职的某甲(1960.8)是…，2015年从…调任…), or the name opening a
    clause after the source's (公开资料显示，某甲出生于…，曾任…), or the biography's (某甲，男，…。2005年任…);
    one opening with 他 or 她 about the person the article told of last; the posts of the clause after it
    with no word of their own are its posts too (后任某镇镇长，某县委常委、组织部部长；);
  - a list of proposals after one word: 提名某甲为某区区长候选人、某乙为…人选.
  - a roster: lines made only of posts, each with a colon and its holder's name (某区委书记：某甲某区代区长：某乙),
    within two sentences of a personnel word (纷纷到任。他们分别是：), state that word's event;
  - names told candidates after 为: 某市委书记某甲、某乙为拟继续提名人选 (the post written before the names).

A step of a career told without its own date (，后任某职 after a step its clause dates; 历任, 曾任, 先后任,
其间, 此前…: pattern "step") is dated by its own clause only, else not at all: it is no decision of the day.
One title in bodies that name no common place, or of two levels or departments, is two posts (某市委书记,
某区委书记 held before; 某县某镇党委副书记, 某县委副书记; 市委组织部部长, 市委宣传部部长).
A post is a run of text up to 职务, a pause, 后 before a pause or a clause word, and must end with a
title head (kg/data/title_heads.tsv, kg/data/personnel_titles.txt); it is split into its body and its title after
the longest body ending (kg/data/body_endings.txt).  A post written after 代理 is
held as acting.  The date is the last date the clause of the word states before it (2005年任
某职, 2008年5月任某职; a clause that is only a date dates the one after it: 2010年，某甲任某职),
else the last the sentence states before the word, at least to the month
(kg.dates.statement_date); else the day the article's lead states
(昨天上午，区人大常委会召开会议 dates every decision the report then lists) unless the sentence states a
day whose year is unknown (1月6日 with no publication date); else the first day of the period of a
notice before an appointment the article states (公示时间：2024年5月10日至5月16日, kg.dates.notice_dates); else the
publication date, unless only a dateline gave it (kg.dates.fact_anchor: its year is a guess).
Names the entity recognizer missed are read by the name grammar (kg.person_names); the
stage (kg/relations/time_facts.py) makes them Person mentions.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from kg.dates import StatedDate, fact_anchor, notice_dates, statement_date
from kg.lexicon import load_lines, load_set, load_table
from kg.model import Document, Event, Mention, Sentence, Span
from kg import person_names as names
from kg.gazetteer import is_place
from kg.relations.context import add_once

ACTING = "代理"
#: 分别: each of the names gets the post in the same place of the list of posts.
RESPECTIVELY = "分别"
#: 其 in 免去其…职务: the person of the appointment before in the sentence.
PRONOUN = "其"
#: 代市长, 代区长: acting, written short (never 代表, which is no head with a title after it).
ACTING_SHORT = "代"
COMRADE = "同志"
#: 了 after a list word: 会议任命了某甲为….
DONE = "了"
#: 拟任, 拟提名: a proposal, which a notice writes after a comma (现任某职某甲，拟任某职).
PROPOSED = "拟"
#: 原 in 某市委原常委: the post was held before.
FORMER = "原"
#: Where a post ends: its 职务, a pause, 至今 (任某职至今), 后 before a pause (当选某职后，), or a word
#: that opens the next clause.
_POST_END = re.compile(r"职务|职|至今|[，,。；;：:！？!?（(）)\s]|的|并|等|为|人选|候选人|后(?=[，,])|$")
_POST_SEPARATORS = "、"
_NAME_SEPARATORS = "、，,和及"
#: Between a list word and its first name: 决定任命：（line break）某甲为….
_LIST_OPENING = "：: \n\t\u3000"
#: The start of a sentence, as the match of a list word opened in the sentence before.
_OPENING = re.compile("")
#: Spaces a notice may write around 为 (某甲 为 某区副区长).
_INLINE_SPACE = " \t\u3000"
#: After a list of names: 等18人, 3名同志, 等3名同志, 同志, a note in brackets (某甲（女）为…, 某甲（某区代区长）为…).
_LIST_CLOSE = re.compile(r"(?:[（(][^（()）]{1,12}[）)])?(?:等)?(?:\d+|[一二三四五六七八九十]+)?(?:名|位|人)?(?:同志)?")
#: Between a name and its verb: a note in brackets ((女), (某族), (某区代区长)), 同志, 等2人, a reason
#: (因工作变动, 因年龄原因，) or a comma before 已/于 (某甲，已于近日履新), 已, 于7月1日 (已于18日), a date after a
#: comma or none (某甲，2016年10月当选…, 某甲2005年任…), adverbs (某甲拟继续提名为…, 某甲同时担任…), 以全票 /
#: 零反对票 (how the vote went).
_BEFORE_VERB = re.compile(r"(?:[（(][^（()）]{1,12}[）)])?(?:同志)?"
                          r"(?:等(?:\d+|[一二两三四五六七八九十]+)(?:名|位|人)(?:同志)?)?"
                          r"(?:因[^，。；]{1,8}?(?:原因|变动|调动|需要|调整|退休)[，,]?|[，,](?=已|于))?"
                          r"(?:[，,]?\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:起|后|底|初)?)?"
                          r"(?:已经|已|正式|分别|于[^，。；]{1,12}?日|于\d{4}年(?:\d{1,2}月)?){0,2}"
                          r"(?:拟|继续|将|也|还|又|同时|均|另|再次){0,3}"
                          r"(?:以?(?:全票|满票|高票|零反对票))?")
#: Before a post written before its holder's name: 其前任…, 原…, 时任….
_FORMER = re.compile(r"\s*(?:其|该)?(?:前任|原任|时任|原)?")
#: Dates of a CV, not of the event: 1975年3月生, 2001年7月参加工作, 1998年入党.
_LIFE_DATE = re.compile(r"\s*(?:出生|生|参加工作|入党|毕业|加入)")
#: Between a name and the one it succeeds, before the word: 某甲接替某乙担任某职.
_SUCCEEDS = re.compile(r"接替|接任|替代|顶替")
#: How far before the word 接替 may stand (接替 and a name).
MAX_SUCCESSION = 8
#: Before a date of birth: 出生于1969年10月.
_BORN = ("出生于", "生于")
#: After the name opening a biography: 某甲，男，… / 某甲（1975年生）….
_BIOGRAPHY_PAUSES = ("，", ",", "（", "(")
#: A clause opening only with adverbs, before an "after" word, goes on about the person of the
#: event before it in the sentence (某甲出任某职，后担任某职 / ，后同时担任某职 / 某甲任某职，不再担任某职务 /
#: 2018年起任某职); with 他 or 她, about the person of the events before in the article (此后，他调任某职, 此前她任某职).
_ADVERBS = r"(?:后来|随后|之后|其后|此后|此前|先后|同时|不久|随即|其间|期间|一度|再度|曾经|长期|后|并|又|还|再|也|均|起|曾|另)*"
_CARRIED = re.compile(rf"{_ADVERBS}(?P<pronoun>他|她)?{_ADVERBS}")
#: Between a post and the next word of the same person: 职务 and adverbs (某职并代理某职, 某职，同时兼任某职).
_ADVERBS_ONLY = re.compile(r"(?:职务)?[，,]?(?:并且|而且|且|并|同时|又|还|也)+")
#: Adverbs of a carried clause ending with a character that makes 任 a state (时任, 前任): 同时任, 此前任.
_ADVERBS_ENDING_IN_STOPS = ("同时", "此前")
#: In a carried clause's adverbs or its word, a step of a career told without its own date (，后任某职, 此前任某职,
#: 先后任某职, 其间兼任某职, 历任某职, 曾任某职): dated by its own clause only, else not at all.
_STEP_MARKS = ("后", "不久", "此前", "先后", "其间", "期间", "一度", "历", "曾")
#: 过 after a word (担任过某职): a post once held, a step of a career.
ONCE = "过"
#: The pattern of an event told as a step of a career.
STEP = "step"
#: Of these, the ones telling a time before the events of the sentence or during a step told before (某甲任某职，
#: 此前她任某职; 2005年任某职，其间兼任某职): a step even after a decision of the day.
_BEFORE_NOW = ("此前", "先后", "其间", "期间", "一度")
#: Longest post, and the longest title between a name and an "after" word (某甲副区长代理…).
MAX_POST = 32
MAX_TITLE_BETWEEN = 8


@lru_cache(maxsize=1)
def _triggers() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    rows = {row[0]: (row[1], row[2]) for row in load_table("personnel_events.tsv")}
    pattern = re.compile("|".join(map(re.escape, sorted(rows, key=len, reverse=True))))
    return pattern, rows


@lru_cache(maxsize=1)
def _title_heads() -> tuple[str, ...]:
    heads = {row[0] for row in load_table("title_heads.tsv") if row[1] not in ("byline", "byline-end")}
    heads |= set(load_lines("personnel_titles.txt"))
    return tuple(sorted(heads, key=len, reverse=True))


@lru_cache(maxsize=1)
def _body_endings() -> tuple[str, ...]:
    return tuple(sorted(load_lines("body_endings.txt"), key=len, reverse=True))


def extract_events(doc: Document) -> list[Event]:
    """Every personnel event the document states, once per (person, kind, title, date)."""
    pattern, rows = _triggers()
    persons = _Persons(doc.mentions, doc.text)
    anchor = fact_anchor(doc)
    notices = notice_dates(doc)  # 任前公示: the first day of its period dates the proposals listed before it
    out: list[Event] = []
    seen: dict[tuple, list[int]] = defaultdict(list)  # (person, kind, title, post) -> indexes in out
    posts = _PostsTold()
    opened: tuple[str, str] | None = None  # (kind, form) of a list word closing the sentence before
    told: tuple[str, int] | None = None  # (kind, sentences since) of the article's last personnel word
    article = None
    for sentence, told_dates in zip(doc.sentences, doc.sentence_dates):
        dates = [d for d in told_dates.stated
                 if not _LIFE_DATE.match(sentence.text, d.end) and not sentence.text.endswith(_BORN, 0, d.start)]
        default = told_dates.lead_day or notices.get(sentence.article) or (anchor.isoformat() if anchor else None)
        if told_dates.unknown_day:
            default = None  # 1月6日，会议决定…: a day of its own, whose year is unknown, is not the lead's
        found: list[Event] = []
        if sentence.article != article:
            article, persons.biography, persons.recent, told = sentence.article, None, None, None
        opening = _name_at(doc, sentence.text, sentence.start, _skip(sentence.text, 0, _LIST_OPENING), persons)
        if opening is not None and sentence.text.startswith(_BIOGRAPHY_PAUSES, opening.end - sentence.start):
            persons.biography = opening
        if opened is not None:  # 任命： | 某甲为…； | 某乙为…: the list is in the next sentences
            kind, form = opened
            found += _chain_bodies(_READERS[form](doc, sentence, _OPENING.match(sentence.text), kind, persons,
                                                  (dates, default), found))
        opened = opened if found else None
        roster = _roster(doc, sentence, persons) if told is not None and told[1] <= ROSTER_REACH else []
        if roster:  # 新一届领导纷纷到任。他们分别是： | 某区委书记：某甲某区代区长：某乙
            found += [_event(doc, sentence, person, told[0], post, (dates, default), _OPENING.match(sentence.text),
                             ROSTER) for person, post in roster]
            told = (told[0], 0)
        elif told is not None:
            told = (told[0], told[1] + 1)
        pos = len(sentence.text) if roster else 0
        while (m := pattern.search(sentence.text, pos)) is not None:
            kind, form = rows[m.group()]
            events = _chain_bodies(_READERS[form](doc, sentence, m, kind, persons, (dates, default), found))
            if events or len(m.group()) > 1:  # not the 任 of 任务
                told = (kind, 0)
            found += events
            pos = m.end() if not events else max(m.end(), max(e.title.end for e in events) - sentence.start)
            if not events and form != "after" and not sentence.text[m.end():].strip(_LIST_OPENING):
                opened = (kind, form)
        for e in found:
            add_once(out, seen, posts.key(e), e)
        persons.recent = found[-1].person if found else opening or persons.recent
    return _proposed_not_taken(out)


#: The pattern of an event read from a roster's line (某区委书记：某甲).
ROSTER = "roster"


def _proposed_not_taken(events: list[Event]) -> list[Event]:
    """``events`` without a roster's line for a post its holder is proposed for in the article (某区委书记：某甲 and
    某甲为拟继续提名人选): the roster tells who holds it, the proposal what happened."""
    proposed = {(e.person.text, e.title.text) for e in events if e.kind == PROPOSE}
    return [e for e in events if e.pattern != ROSTER or not any(
        person == e.person.text and (title.endswith(e.title.text) or e.title.text.endswith(title))
        for person, title in proposed)]


#: How many sentences after a personnel word a roster may start (纷纷到任。他们分别是： | 某职：某甲…).
ROSTER_REACH = 2


def _roster(doc, sentence: Sentence, persons) -> list[tuple[Mention, tuple[int, int]]]:
    """The (person, post) pairs of a line made only of posts, each with a colon and its holder's name
    (某区委书记：某甲某区代区长：某乙); [] for any other line."""
    text, base = sentence.text, sentence.start
    pairs: list[tuple[Mention, tuple[int, int]]] = []
    pos = _skip(text, 0, _LIST_OPENING)
    while pos < len(text) and text[pos] not in _ROSTER_END:
        colon = min((i for i in (text.find(c, pos, pos + MAX_POST + 1) for c in "：:") if i >= 0), default=-1)
        if colon < 0 or _ROSTER_PAUSES.search(text, pos, colon) or not text[pos:colon].endswith(_title_heads()):
            return []
        person = _name_at(doc, text, base, _skip(text, colon + 1, _INLINE_SPACE), persons)
        if person is None:
            return []
        pairs.append((person, (pos, colon)))
        pos = _skip(text, person.end - base, _INLINE_SPACE + "，,；;、")
    return pairs


#: Where a roster's line ends, and what a post of it never holds.
_ROSTER_END = "。！!\n"
_ROSTER_PAUSES = re.compile(r"[，,。；;、！!？?\s]")


class _PostsTold:
    """Which post an event is of, among the posts of one title a person's events of one kind name:
    bodies of no common place are two posts (汕尾市委书记 left, 广州市天河区委书记 held before), and so
    are bodies of two levels or departments (某县某镇党委副书记, 某县委副书记; 市委组织部部长, 市委宣传部部长: a
    career's steps); a body naming the same
    place, or none, is the same post (重庆市政协 / 政协重庆市第九届委员会)."""

    def __init__(self) -> None:
        # (person, kind, title) -> the places, the level and the department of each post
        self.places: dict[tuple, list[tuple[frozenset[str], tuple[str, str]]]] = defaultdict(list)

    def key(self, e: Event) -> tuple:
        base = (e.person.text, e.kind, e.title.text)
        places = _places_in(e.body.text) if e.body else frozenset()
        unit = _unit_of(e.body.text) if e.body else ("", "")
        told = self.places[base]
        for i, (other, other_unit) in enumerate(told):
            if (not places or not other or places & other) and all(
                    not a or not b or a == b for a, b in zip(unit, other_unit)):
                return (*base, i)
        told.append((places, unit))
        return (*base, len(told) - 1)


#: The words naming the level of a division in a body's name, the lowest written last (某县某镇党委: 镇).
_LEVELS = re.compile(r"省|市|县|区|镇|乡|街道")
#: A department ending a body's name after its division or its party committee (市委宣传部, 某区财政局).
_DEPARTMENT = re.compile(r"(?:委|政府|省|市|县|区)(?P<department>[^委府省市县区]{1,8}?(?:部|局|厅|办|办公室|室|处))$")


def _unit_of(body: str) -> tuple[str, str]:
    """The level of the lowest division a body's name holds and the department it ends with (某县某镇党委
    -> (镇, ""), 市委宣传部 -> (市, 宣传部)); "" for none."""
    levels = _LEVELS.findall(body)
    department = _DEPARTMENT.search(body)
    return levels[-1] if levels else "", department.group("department") if department else ""


def _places_in(body: str) -> frozenset[str]:
    """The place names a body's name holds (汕尾市委 -> 汕尾, 汕尾市)."""
    return frozenset(body[i:j] for i in range(len(body)) for j in range(i + 2, min(len(body), i + MAX_PLACE) + 1)
                     if is_place(body[i:j]))


#: Longest place name looked for in a body's name.
MAX_PLACE = 6


# -- the three forms -----------------------------------------------------------

def _before(doc, sentence, m, kind, persons, dating, found) -> list[Event]:
    """WORD NAME、NAME 为 POST、POST (，NAME 为 POST)*; 决定为代理X with no name: the person of
    the clause before."""
    text, base = sentence.text, sentence.start
    if (candidates := _candidates_named(doc, sentence, m, persons, dating)) is not None:
        return candidates
    # 任命了某甲为…; 区委决定，某甲同志为…候选人
    pos = _skip(text, m.end() + (1 if text.startswith(DONE, m.end()) else 0), _LIST_OPENING + "，,")
    pos += len(PRONOUN) if text.startswith(PRONOUN + "为", pos) and found else 0  # 并决定其为代理区长
    if text.startswith("为", pos) and found:  # 并决定为代理主任
        posts = _posts(text, pos + 1)
        last = found[-1]
        return [_event(doc, sentence, last.person, kind, p, dating, m, "carried", body=last.body)
                for p in posts]
    if label := _LIST_LABEL.match(text, pos):  # 拟提名人选：某甲…
        pos = _skip(text, label.end(), _LIST_OPENING)
    # the lines of a list after a colon: a pause or a space may stand for 为 (拟提名人选：| 某甲，某区区长候选人；)
    lines = not m.group() or any(c in text[m.end():pos] for c in "：:")
    out: list[Event] = []
    # 决定任命：某甲为…；某乙为…: one word, a list of names and posts
    while (people := _names_forward(doc, text, base, pos, persons)):
        close = _LIST_CLOSE.match(text, people[-1].end - base).end()
        respectively = text.startswith(RESPECTIVELY, close)
        pos = _skip(text, close + (len(RESPECTIVELY) if respectively else 0), _INLINE_SPACE)
        if text.startswith("为", pos):
            posts = _posts(text, _skip(text, pos + 1, _INLINE_SPACE))
        elif lines and pos < len(text) and (text[pos] in "，," or pos > close) \
                and not _triggers()[0].match(text, _skip(text, pos + (text[pos] in "，,"), _INLINE_SPACE)):
            # 拟提名人选：| 某甲，某区区长候选人； | 某乙 某局局长: a list's lines, a pause or a space for 为
            posts = _posts(text, _skip(text, pos + (text[pos] in "，,"), _INLINE_SPACE))
        else:
            posts = []
        if not posts:
            break
        out += [_event(doc, sentence, person, kind, p, dating, m, "before")
                for person, p in _pairs(people, posts, respectively)]
        pos = _next_item(text, posts[-1][1])
    return out


#: Between the names and a word that names them candidates: 为, adverbs (某甲、某乙为拟继续提名人选).
_AS_CANDIDATES = re.compile(r"为(?:拟|继续|推荐|确定)*$")


def _candidates_named(doc, sentence, m, persons, dating) -> list[Event] | None:
    """POST NAME、NAME 为 (拟)(继续) WORD 人选 (某市委书记甲、乙为拟继续提名人选): the names before 为 are
    proposed for the post written before them; None when the word is not told so."""
    text, base = sentence.text, sentence.start
    verb = _AS_CANDIDATES.search(text, max(0, m.start() - 6), m.start())
    if verb is None or not text.startswith(_CANDIDATE_WORDS, m.end()):
        return None
    people = _names_backward(doc, text, base, verb.start(), persons)
    posts = _posts_before(text, base, people[0], persons) if people else []
    # 东川区、西岭县2区县委书记: the bodies of many places counted, none of them the post's alone
    posts = [(max([start] + [d.end() for d in re.finditer(r"\d+", text[:end])]), end) for start, end in posts]
    return [_event(doc, sentence, person, PROPOSE, p, dating, m, "before") for person in people for p in posts]


def _object(doc, sentence, m, kind, persons, dating, found) -> list[Event]:
    """WORD NAME (同志)?(的)? POST、POST 职务 (；NAME 的 POST 职务)*."""
    text, base = sentence.text, sentence.start
    pos = _skip(text, m.end(), _LIST_OPENING)
    out: list[Event] = []
    if text.startswith(PRONOUN, pos) and found:  # 任命某甲为…，免去其…职务
        people, pos = [found[-1].person], pos + len(PRONOUN)
    else:
        people = _names_forward(doc, text, base, pos, persons)
        pos = _LIST_CLOSE.match(text, people[-1].end - base).end() if people else pos
    while people:
        pos += 1 if text.startswith("的", pos) else 0
        posts = _posts(text, pos)
        if not posts or not text.startswith("职", posts[-1][1]):
            break
        out += [_event(doc, sentence, person, kind, p, dating, m, "object") for person in people for p in posts]
        pos = _next_item(text, posts[-1][1] + (2 if text.startswith("职务", posts[-1][1]) else 1))
        people = _names_forward(doc, text, base, pos, persons)
        pos = _LIST_CLOSE.match(text, people[-1].end - base).end() if people else pos
    return out


#: After a word, the name of a notice's field before the post: 拟任职务：某职.
_FIELD = re.compile(r"职务?[：:]\s*")
#: After a list word, the label of its list before a colon: 拟提名人选：, 任命名单：.
_LIST_LABEL = re.compile(r"(?:人选|名单|人员)(?=[：:])")
#: A note in brackets after a post proposed: 某甲为某区区长候选人（继续提名）.
_NOTE = re.compile(r"[（(][^（()）]{1,12}[）)]")
#: The kind of an event whose post is proposed.
PROPOSE = "propose"
#: After a post proposed, the words saying it is proposed.
_CANDIDATE_WORDS = ("候选人", "人选")


def _next_item(text: str, pos: int) -> int:
    """Where the next item of a list of names and posts starts: after a ，or ； or a line break,
    or right there when a name follows (the lines of a list joined: …副区长某乙为…); a post proposed
    ends with 人选 or 候选人 (提名某甲为某区区长候选人，某乙为…)."""
    candidate = next((pos + len(w) for w in _CANDIDATE_WORDS if text.startswith(w, pos)), None)
    if candidate is not None and (note := _NOTE.match(text, candidate)):
        candidate = note.end()  # 某甲为某区区长候选人（继续提名），某乙为…
    if candidate is not None and text.startswith("、", candidate):
        return candidate + 1  # 某甲为某区区长候选人、某乙为…
    pos = candidate or pos
    if pos < len(text) and text[pos] in "，,；;\n":
        return _skip(text, pos + 1, _LIST_OPENING)
    if names.name_end(text, pos) > pos:
        return pos
    return len(text)


def _after(doc, sentence, m, kind, persons, dating, found) -> list[Event]:
    """NAME (同志)? (TITLE)? WORD POST、POST; TITLE NAME 辞任 (the post before the name); 其 WORD (the
    person of the event before); a clause with no name (，2005年任某职): the person before, else
    the name opening the sentence; 原POST NAME 调任…: the post left too."""
    text, base = sentence.text, sentence.start
    if m.start() > 0 and text[m.start() - 1] in load_set("personnel_event_stops.tsv") \
            and not text.endswith(_ADVERBS_ENDING_IN_STOPS, 0, m.start()):
        return []
    people = _names_backward(doc, text, base, m.start(), persons)
    if not people and m.start() > 0 and text[m.start() - 1] == PRONOUN and found:  # 接受其辞去某职务的请求
        people = [found[-1].person]
    if not people and found and found[-1].post.end - base < m.start() \
            and _ADVERBS_ONLY.fullmatch(text, found[-1].post.end - base, m.start()):
        people = [found[-1].person]  # 某甲被任命为某职并代理某职: the person of the post right before
    if not people and (succeeded := _SUCCEEDS.search(text, max(0, m.start() - MAX_SUCCESSION), m.start())):
        # 某甲接替某乙担任某职: the name before 接替 takes the post
        person = _name_ending_at(doc, text, base, succeeded.start(), persons)
        people = [person] if person is not None and _name_at(
            doc, text, base, succeeded.end(), persons) is not None else []
    clause = max(text.rfind(c, 0, m.start()) for c in "，,；;") + 1
    opening = _skip_dates(text, clause, m.start(), dating[0])
    left = _post_left(text, opening, m) if not people else None  # 2015年从某区委书记调任…
    if not people and left is None:  # 某甲由某区区长转任…: the name before 由 or 从
        since = max(text.rfind(f, opening, m.start()) for f in FROM)
        person = _name_ending_at(doc, text, base, since, persons) if since > opening else None
        left = _post_left(text, since, m) if person is not None else None
        people = [person] if left is not None else []
    if left is not None:
        opening = m.start()
    carried = _CARRIED.fullmatch(_undated(text, opening, m.start(), dating[0]))  # ，并于1月5日被任命为…
    decided = bool(found) and found[-1].pattern != STEP and not found[-1].date_stated
    adverbs = carried.group() + _adverbs_before(text, clause) if carried is not None else None
    step = _told_as_step(text, m, adverbs, decided)
    if not people and (modified := _modified_by(doc, text, base, m.end(), persons)) is not None:
        people = [modified]  # 曾任某职的某甲表示: the name the post modifies
    elif not people and carried is not None and carried.group("pronoun"):
        # 2010年，他调任某职 / 此后，他调任某职: the person of the events before
        people = [found[-1].person] if found else [p for p in (persons.recent or persons.biography,) if p is not None]
    elif not people and (carried is not None and (clause > 0 or step or opening > clause)
                         or clause > 0 and _went_to(text, opening, m.start())):
        # 某甲任某职，后兼任某职 / ，不再担任某职务 / 某甲早年在某地工作，2005年任某职 / 某甲，男，…。历任某职 /
        # 某甲，男，…。2005年任某职
        people = [found[-1].person] if found else _cv_subject(doc, text, base, m.start(), persons, opening_only=True) \
            or ([persons.biography] if persons.biography is not None and _name_at(
                doc, text, base, _skip(text, 0, _LIST_OPENING), persons) is None else [])
    if not people and kind == PROPOSE:  # 某甲，男，1975年3月生，…，现任…，拟任…
        people = _cv_subject(doc, text, base, m.start(), persons)
    if not people:
        return []
    acting = m.group().endswith(ACTING)
    field = _FIELD.match(text, m.end())  # 拟任职务：某职 (a notice's field)
    posts = _posts(text, field.end() if field else m.end())
    while posts and (more := _posts_clause(text, posts[-1][1])):  # 后任某镇镇长，某县委常委、组织部部长；
        posts += more
    if not posts and kind in ("resign", "remove") and len(people) == 1:  # 前任某某主席某甲已辞任
        posts = _posts_before(text, base, people[0], persons)
    respectively = RESPECTIVELY in text[people[-1].end - base:m.start()]
    events = [_event(doc, sentence, person, kind, p, dating, m, STEP if step else "after", acting=acting, step=step)
              for person, p in _pairs(people, posts, respectively)]
    if m.group() in load_lines("personnel_transfers.txt"):
        left = left or _former_post(text, base, people[0])
        if left is not None:
            events += [_event(doc, sentence, person, "remove", left, dating, m, "transfer") for person in people]
    return events


def _undated(text: str, start: int, end: int, dates: list[StatedDate]) -> str:
    """text[start:end] without the dates stated in it and the 于 before them (并于1月5日 -> 并)."""
    out, pos = [], start
    for d in dates:
        if start <= d.start and d.end <= end:
            out.append(text[pos:d.start].removesuffix("于"))
            pos = d.end
    return "".join(out) + text[pos:end]


def _posts_clause(text: str, end: int) -> list[tuple[int, int]]:
    """The posts of the clause after a pause at ``end`` when it is only a list of posts (a career's
    posts told on: 后任某镇镇长，某县委常委、组织部部长；): it holds no personnel word and ends there."""
    if not text.startswith(("，", ","), end):
        return []
    posts = _posts(text, end + 1)
    if not posts:
        return []
    close = posts[-1][1] + next((len(w) for w in _ETC_POSTS if text.startswith(w, posts[-1][1])), 0)
    if close < len(text) and text[close] not in "，,；;。" or _triggers()[0].search(text, end + 1, posts[-1][1]):
        return []
    return posts


#: After the last post of a career's list: 等职, 等职务 (历任某职，某职等职).
_ETC_POSTS = ("等职务", "等职")


def _told_as_step(text: str, m: re.Match[str], adverbs: str | None, decided: bool) -> bool:
    """Whether the word ``m`` tells a step of a career without its date: its word says so (历任, 曾任,
    先后任, 担任过), or the sentence's opening clause (此前，某甲任某职), or the ``adverbs`` of its carried clause (，后任某职,
    ，此前她任某职, ，后调入某市，任某职) unless 后 goes on about a decision of the day (``decided``: the event before
    in the sentence has no date of its own clause: 某甲当选为某职，后兼任某职; not 2005年任某职，后任某职)."""
    first = _CARRIED.match(text)
    if m.group().startswith(_STEP_MARKS) or m.group().endswith(ONCE) \
            or 0 < first.end() < len(text) and text[first.end()] in "，," \
            and any(w in first.group() for w in _STEP_MARKS):
        return True
    return adverbs is not None and any(w in adverbs for w in _STEP_MARKS) and (
        not decided or any(w in adverbs for w in _BEFORE_NOW))


def _adverbs_before(text: str, clause: int) -> str:
    """The adverbs opening the clause before the one at ``clause`` when it tells no event of its own (，后调入
    某市，任某职: where the person went, later), else ""."""
    if clause < 2:
        return ""
    start = max(text.rfind(c, 0, clause - 1) for c in "，,；;") + 1
    if _triggers()[0].search(text, start, clause - 1):
        return ""
    return _CARRIED.match(text, start).group()


def _went_to(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] says only where the person went (后到某区任…, 随后调至某县任…)."""
    went = _WENT_TO.fullmatch(text, start, end)
    return went is not None and is_place(went.group("place"))


#: A carried clause's opening before its word: where the person went (后到某区任…).
_WENT_TO = re.compile(r"(?:后|随后|之后|后又|又)?(?:到|赴|调到|调至|调往)(?P<place>[\u4e00-\u9fff]{2,8})")

#: Before a transfer's word, the post left: 从某区委书记调任….
FROM = ("从", "由")


def _post_left(text: str, opening: int, m: re.Match[str]) -> tuple[int, int] | None:
    """(start, end) of the post a clause leaves (，2015年从某区委书记调任某职, 某甲由某区区长转任某职): the
    words between 从 or 由 and a transfer's word, ending with a title head; None otherwise."""
    if m.group() not in load_lines("personnel_transfers.txt") or not text.startswith(FROM, opening):
        return None
    start = opening + 1  # past 从 or 由
    if 1 < m.start() - start <= MAX_POST and text[start:m.start()].endswith(_title_heads()):
        return start, m.start()
    return None


def _skip_dates(text: str, start: int, end: int, dates: list[StatedDate]) -> int:
    """``start`` past the dates stated right there (2005年任某职: the clause opens with its date)."""
    for d in dates:
        if d.start == start and d.end <= end:
            start = d.end
    return start


#: Before the names a transfer is about, the post they held: 前任某市委书记某甲, 某市委原常委某甲、某乙.
_FORMER_POST = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)?[名位]?(?P<marker>前任|原任|原)?(?P<post>[^，,。；;：:、]*?)$")


def _former_post(text: str, base: int, person: Mention) -> tuple[int, int] | None:
    """(start, end) of the post written before the names a transfer is about, marked as held before
    (前任某市委书记某甲 / 某市委原常委某甲、某乙), without its marker; None if there is none."""
    end = person.start - base
    start = max(text.rfind(c, 0, end) for c in "，,。；;：:\n") + 1
    m = _FORMER_POST.search(text, start, end)
    if m is None or not 1 < end - m.start("post") <= MAX_POST:
        return None
    post = text[m.start("post"):end]
    if m.group("marker") and post.endswith(_title_heads()):
        return m.start("post"), end  # 前任某市委书记
    inner = post.find("原")
    if inner > 0 and _is_title(post[inner + 1:]):
        return m.start("post"), end  # 某市委原常委: _event leaves 原 out of the title
    return None


def _pairs(people: list[Mention], posts: list[tuple[int, int]], respectively: bool) -> list[tuple]:
    """Who gets which post: with 分别 the n-th person the n-th post (甲、乙分别当选主任、副主任),
    else every person every post (甲、乙当选副主任; 甲任书记、主任)."""
    if respectively and len(people) == len(posts):
        return list(zip(people, posts))
    return [(person, p) for person in people for p in posts]


def _cv_subject(doc, text: str, base: int, verb: int, persons, opening_only: bool = False) -> list[Mention]:
    """The person a notice's entry is about: the last name that opens a line, the sentence or
    a list item (after ：or ；) and is followed by a comma, before ``verb``; with ``opening_only``
    the name opening the sentence (某甲早年在某地工作，2005年任某职)."""
    if opening_only:
        person = _name_at(doc, text, base, _skip(text, 0, _LIST_OPENING), persons) or _modified_subject(
            doc, text, base, persons) or _clause_subject(doc, text, base, verb, persons)
        return [person] if person is not None and person.end - base < verb else []
    openings = [0] + [i + 1 for i in range(verb) if text[i] in "\n：:；;"]
    for start in reversed(openings):
        person = _name_at(doc, text, base, _skip(text, start, _LIST_OPENING), persons)
        if person is not None and person.end - base < verb and text.startswith(("，", ",", "（", "("), person.end - base):
            return [person]
    return []


def _modified_by(doc, text: str, base: int, pos: int, persons) -> Mention | None:
    """The name right after the posts written from ``pos`` and 的 (曾任某县县长的某甲表示: the posts modify it),
    else None."""
    posts = _posts(text, pos)
    if not posts or not text.startswith("的", posts[-1][1]):
        return None
    return _name_at(doc, text, base, posts[-1][1] + 1, persons)


def _clause_subject(doc, text: str, base: int, verb: int, persons) -> Mention | None:
    """The first name opening a clause before ``verb`` after the sentence's opening one (公开资料显示，某甲出生于…，
    曾任某职): the person a sentence whose first clause reports its source is about."""
    for i in range(verb):
        if text[i] in "，," and (person := _name_at(doc, text, base, i + 1, persons)) is not None \
                and not _triggers()[0].search(person.text, 1):  # not ，后任某职
            return person
    return None


def _modified_subject(doc, text: str, base: int, persons) -> Mention | None:
    """The name a sentence's first clause opens with after its modifier (卸任某职的某甲(1960.8)是…,
    新任某职的某甲，…): the name after the clause's first 的, followed by a bracket, 是 or a pause."""
    first = min((i for i in (text.find(c) for c in "，,。；;") if i >= 0), default=len(text))
    of = text.find("的", 0, first)
    person = _name_at(doc, text, base, of + 1, persons) if of > 0 else None
    if person is None or not text.startswith(("(", "（", "是", "，", ","), person.end - base):
        return None
    return person


def _posts_before(text: str, base: int, person: Mention, persons: _Persons) -> list[tuple[int, int]]:
    """The Title mention ending right before a name, as a post of the sentence."""
    titles = [t for t in persons.titles_by_end.get(person.start, ()) if t.start >= base]
    if titles:
        title = max(titles, key=lambda t: t.end - t.start)
        return [(title.start - base, title.end - base)]
    # no Title mention: the words since the last pause, after 其/前任/原/时任
    end = person.start - base
    start = max(text.rfind(c, 0, end) for c in "，,。；;：:、\n") + 1
    start = _FORMER.match(text, start).end()
    if 1 < end - start <= MAX_POST and text[start:end].endswith(_title_heads()):
        return [(start, end)]
    return []


#: The reader of each form of kg/data/personnel_events.tsv.
_READERS = {"before": _before, "object": _object, "after": _after}


# -- names ---------------------------------------------------------------------

class _Persons:
    """The document's Person mentions by where they start and end, and its Title mentions by
    where they end."""

    def __init__(self, mentions: list[Mention], text: str) -> None:
        self.by_start: dict[int, list[Mention]] = defaultdict(list)
        self.by_end: dict[int, list[Mention]] = defaultdict(list)
        self.titles_by_end: dict[int, list[Mention]] = defaultdict(list)
        for m in mentions:
            if m.type == "Person" and not _misread(text, m):
                self.by_start[m.start].append(m)
                self.by_end[m.end].append(m)
            elif m.type == "Title":
                self.titles_by_end[m.end].append(m)
        #: The person a biography is about: the name opening the last sentence of the article that
        #: opened with one and a pause (某甲，男，1975年生。1998年参加工作，后任某职).
        self.biography: Mention | None = None
        #: The person the article told of last: of its last event, or the name opening its last sentence
        #: that opens with one (某甲在某地工作多年。2010年，他调任某职).
        self.recent: Mention | None = None


def _misread(text: str, person: Mention) -> bool:
    """Whether a Person mention is a career's words read as a name: a date's unit and an adverb
    (2011年起任: 年起), or adverbs alone (，后同时担任: 后同时)."""
    return text[person.start - 1:person.start].isdigit() or _CARRIED.fullmatch(person.text) is not None


def _name_at(doc: Document, text: str, base: int, s: int, persons) -> Mention | None:
    """The name starting at ``s`` of the sentence: a Person mention, else a name-shaped token."""
    known = persons.by_start.get(base + s)
    if known:
        person = max(known, key=lambda p: p.end)
        e = person.end - base
    else:
        person, e = None, names.name_end(text, s)
        if e - s < 2 or not _name_token(text[s:e]):
            return None
    if e - s == 3 and _place_at(text, e - 1) and not _place_at(text, e):
        e -= 1  # 免去陈立成都市某区副区长职务: the place's first character is not the name's last
    elif person is not None:
        return person
    return Mention(base + s, base + e, text[s:e], "Person", source="events")


def _place_at(text: str, pos: int) -> bool:
    """Whether a place name of 2 to 4 characters starts at ``pos``."""
    return any(is_place(text[pos:pos + k]) for k in (2, 3, 4) if pos + k <= len(text))


def _names_forward(doc, text: str, base: int, pos: int, persons) -> list[Mention]:
    """NAME、NAME、… from ``pos``."""
    people: list[Mention] = []
    while (person := _name_at(doc, text, base, pos, persons)) is not None:
        people.append(person)
        pos = person.end - base
        pos += len(COMRADE) if text.startswith(COMRADE, pos) else 0
        if pos < len(text) and text[pos] in _NAME_SEPARATORS and _name_at(doc, text, base, pos + 1, persons):
            pos += 1
        else:
            break
    return people


def _names_backward(doc, text: str, base: int, verb: int, persons) -> list[Mention]:
    """The names of a list ending before ``verb`` (with 同志, 已, 于DATE, or a title between)."""
    for end in _name_ends_before(text, verb):
        person = _name_ending_at(doc, text, base, end, persons)
        if person is None:
            continue
        people = [person]
        pos = person.start - base
        while pos > 1 and text[pos - 1] in _NAME_SEPARATORS:
            prev = _name_ending_at(doc, text, base, pos - 1, persons)
            if prev is None:
                break
            people.insert(0, prev)
            pos = prev.start - base
        return people
    return []


def _name_ends_before(text: str, verb: int) -> list[int]:
    """Where the name before a verb may end: before 同志/已/于DATE (so 已 is never read into
    the name), right before it, then before a title, longest first (某甲副区长代理…)."""
    ends = [e for e in range(max(0, verb - 20), verb + 1) if _BEFORE_VERB.fullmatch(text, e, verb)]
    if text.startswith(PROPOSED, verb) and verb > 0 and text[verb - 1] in "，,":
        ends.append(verb - 1)  # 现任某职某甲，拟任某职
    for k in range(MAX_TITLE_BETWEEN, 1, -1):
        if verb - k > 1 and _is_title(text[verb - k:verb]):
            ends.append(verb - k)
    return ends


def _is_title(words: str) -> bool:
    """A bare title: a head, with modifiers before it (副区长, 常务副市长)."""
    modifiers = tuple(sorted(load_lines("title_modifiers.txt"), key=len, reverse=True))
    while words.startswith(modifiers) and words not in _title_heads():
        words = words[len(next(m for m in modifiers if words.startswith(m))):]
    return words in _title_heads()


def _name_ending_at(doc, text: str, base: int, end: int, persons) -> Mention | None:
    known = [p for p in persons.by_end.get(base + end, ()) if p.start >= base]
    if known:
        return max(known, key=lambda p: p.end - p.start)
    # a name never follows a number (2018年起任: 年 is its unit)
    shaped = [s for s in (end - 3, end - 2, end - 4) if s >= 0 and _name_token(text[s:end])
              and (s == 0 or not text[s - 1].isalnum() or _names_may_follow(text, s)) and not text[s - 1:s].isdigit()]
    if not shaped:
        return None
    s = shaped[0]
    # 和王某当选: 和 is a surname too; a three-character name needs a boundary before it
    # when its last two characters are a name as well.
    if end - s == 3 and end - 2 in shaped and not (s == 0 or names.pause_at(text, s - 1)):
        s = end - 2
    return Mention(base + s, base + end, text[s:end], "Person", source="events")


def _name_token(token: str) -> bool:
    return names.is_name(token) and not is_place(token) and not set(token[1:]) & _NOT_IN_NAMES \
        and _CARRIED.fullmatch(token) is None  # 后同时担任: adverbs, no name


#: Adverbs that stand between a subject and its verb, never inside a name (后不再兼任, 均当选).
_NOT_IN_NAMES = frozenset("不再也又均都已将并或")


def _names_may_follow(text: str, s: int) -> bool:
    """A name may start at ``s`` after a word (接受某甲辞去, 决定某甲代理, 关于某甲辞去, 调来的某甲, 决定由某甲代理,
    会议选举…, 主席某甲): the text before it ends a personnel word, a pause, a verb of the meeting or a title."""
    return names.pause_at(text, s - 1) or text[max(0, s - 2):s] in ("接受", "决定", "同意", "批准", "同志", "关于") \
        or text[s - 1:s] in ("的", "由") \
        or any(text.endswith(word, 0, s) for word in _triggers()[1]) or text.endswith(_title_heads(), 0, s)


# -- posts ---------------------------------------------------------------------

def _posts(text: str, pos: int) -> list[tuple[int, int]]:
    """(start, end) of each post written from ``pos``, split at 、; a post must end with a
    title head."""
    out = []
    while pos < len(text):
        stop = _POST_END.search(text, pos, min(len(text), pos + MAX_POST + 1))
        end = stop.start() if stop else pos
        inner = text.find(_POST_SEPARATORS, pos, end)
        end = inner if inner >= 0 else end
        # …副区长某乙为… / …副区长某乙 某局局长 (a list's lines joined): the post ends before the name
        if end > pos and (text.startswith("为", end) or text[end:end + 1] in _INLINE_SPACE and end < len(text)):
            end = next((k for k in range(end - 2, pos, -1) if text[pos:k].endswith(_title_heads())
                        and names.name_end(text, k) == end), end)
        if end <= pos or not text[pos:end].endswith(_title_heads()):
            break
        out.append((pos, end))
        if end < len(text) and text[end] == _POST_SEPARATORS:
            pos = end + 1
        else:
            break
    return out


def _split_post(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """(where the title starts, where the body ends, acting) of the post text[start:end]."""
    post = text[start:end]
    acting = ACTING in post
    cut = 0
    for i in range(len(post) - 2, 0, -1):
        if post.endswith(_body_endings(), 0, i) and post[i:].endswith(_title_heads()):
            cut = i
            break
        if post[i] == ACTING_SHORT and _is_title(post[i + 1:]):
            cut = i  # 某市代市长: the place it is acting for, then the title
            break
    title_start = start + cut
    if text.startswith(ACTING, title_start):
        title_start += len(ACTING)
    elif text.startswith(ACTING_SHORT, title_start) and _is_title(text[title_start + 1:end]):  # 代市长
        title_start += len(ACTING_SHORT)
        acting = True
    body_end = start + cut
    if cut and text[start:body_end].endswith(ACTING):
        body_end -= len(ACTING)
    return title_start, body_end, acting


def _chain_bodies(events: list[Event]) -> list[Event]:
    """A list of posts shares the body of its first (任命某甲为某市委委员、常委、书记; 甲、乙分别
    当选某区人大常委会主任、副主任): a post without a body of its own takes the one of the post
    written right before it in the list."""
    body_of = {e.post.end: e.body for e in events}
    for event in events:
        before = body_of.get(event.post.start - 1)
        if event.body is None and before is not None:
            event.body = before
            body_of[event.post.end] = before
    return events


def _event(doc: Document, sentence: Sentence, person: Mention, kind: str, post: tuple[int, int],
           dating: tuple[list[StatedDate], str | None], trigger: re.Match[str], pattern: str, acting: bool = False,
           body: Span | None = None, step: bool = False) -> Event:
    """``step``: a step of a career told without its date (，后任某职): dated by its own clause only."""
    base = sentence.start
    start, end = post
    if sentence.text.startswith(_CANDIDATE_WORDS, end):
        kind = PROPOSE  # 决定某甲为某区区长候选人: a candidate, the post not yet held
    title_start, body_end, acting_in_post = _split_post(sentence.text, start, end)
    if sentence.text.startswith(FORMER, title_start):  # 某市委原常委: the post held was 常委
        title_start += len(FORMER)
    if body_end > start:
        body_start = start + (len(ACTING) if sentence.text.startswith(ACTING, start) else 0)
        body = doc.span(base + body_start, base + body_end)
    stated_in_text, default = dating  # the sentence's dates; the date when it states none
    stated = _date_of_clause(sentence.text, stated_in_text, trigger.start())
    if stated is None and not step:
        stated = statement_date(sentence.text, stated_in_text, trigger.start())
    return Event(person=person, kind=kind, acting=acting or acting_in_post, post=doc.span(base + start, base + end),
                 title=doc.span(base + title_start, base + end), body=body,
                 date=stated.value if stated else None if step else default,
                 date_stated=stated is not None, evidence=doc.span(sentence.start, sentence.end),
                 pattern=pattern)


_CLAUSE_BREAKS = "，,；;。"


def _date_of_clause(text: str, dates: list[StatedDate], pos: int) -> StatedDate | None:
    """The last date stated in the clause of the word at ``pos``, to the year at least (2005年任某职,
    2008年5月任某职，2013年任某职: each step of a career has its own date)."""
    clause = max(text.rfind(c, 0, pos) for c in _CLAUSE_BREAKS) + 1
    own = next((d for d in reversed(dates) if clause <= d.start and d.end <= pos), None)
    if own is not None or clause == 0:
        return own
    # 2010年，某甲任某职: a clause that is only a date dates the clause after it
    return next((d for d in dates if d.end == clause - 1
                 and (d.start == 0 or text[d.start - 1] in _CLAUSE_BREAKS)), None)


def _skip(text: str, pos: int, chars: str) -> int:
    while pos < len(text) and text[pos] in chars:
        pos += 1
    return pos
