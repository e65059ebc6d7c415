"""Recognizer component: post titles (Title pseudo-mentions, the tails of holds_post).

Grammar (knowledge in kg/data/title_*.tsv/txt):

    TITLE := BODY? ROLE                 区委副书记, 市人力社保局党组成员, 镇长
    ROLE  := MODIFIER* HEAD             常务副市长, 党组书记, 一级巡视员, 实习记者
    BODY  := a body of the GovOrg grammar, bare ones too (区委, 市科技局, 政法委)
           | a named company/cooperative/paper/school... (…合作社, 重庆日报)
           | a place or level word (西藏自治区, 自治区)
    CHAIN := TITLE ((、|，|,) TITLE)*  followed by a name

A Title is a post as the spec wants it: each title of a chain is its own mention
and a shared prefix is not copied (``区委副书记、区长赵光平`` -> 区委副书记, 区长).
Only chains that a person's name follows become mentions (``区委书记会议`` names
no post holder).  A few heads follow the name (``某某某总书记``, ``某某 摄``), and any
bare post may follow a name at the start of a clause before a verb (``，某某某市长介绍``).
``post_titles(doc)`` reads the document once and keeps what it finds on it
(``doc.post_titles``): the person recognizer takes the names from its chains.

A company written before a post is not part of the Title (集团 | 党委委员): the
Enterprise recognizer keeps the company's whole name and kg/relations/posts.py joins
the two.  Posts given by a personnel verb (kg/data/post_verbs.tsv) need no name right
after them: its appointments are 某某同志任…、…, 补选某某为…代表, 时任…的某某,
and 某某同志不再担任… (a person, no post); the person recognizer and posts.py use it.
Its carried posts are clauses that open with such a verb and name nobody (曾任…、…;
2018年12月任…), whose holder posts.py takes from the text before.
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from functools import lru_cache

from kg import gazetteer
from kg.lexicon import load_set, load_table
from kg.model import (BYLINE, CHAIN_SEPARATORS, CONCURRENT, TITLE, Appointment, Body, Document, Mention, PostTitles,
                      Title, TitleChain)
from kg import person_names as names
from kg.boundary import left_boundary
from kg.bodies import body_kinds, company_suffixes, document_bodies, level_words
from kg.ner.enterprises import company_before_post
from kg.ner.roles import BYLINE_END, heads, role_at, role_regex
from kg.vocabulary import is_word, word_tag

#: Longest run of spaces between a title and the name it introduces (市委书记 蒋文涛).
MAX_GAP = 3


@lru_cache(maxsize=1)
def _heads_needing_a_body() -> frozenset[str]:
    return frozenset(row[0] for row in load_table("title_heads.tsv") if row[2:] == ("body",))


@lru_cache(maxsize=1)
def _byline_ends() -> tuple[str, ...]:
    return tuple(row[0] for row in load_table("title_heads.tsv") if row[1] == BYLINE_END)


@lru_cache(maxsize=1)
def _bare_body_names() -> re.Pattern[str]:
    """Body names that may stand bare inside a title after a separator (政法委书记, 管委会主任,
    and an office of the body named before: 区委常委、办公室主任), as a pattern that matches
    at the end of a window."""
    names_ = sorted((n for n, k in body_kinds().items()
                     if len(n) >= 2 and k in ("core", "dept") or len(n) >= 3 and k == "sub"),
                    key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, names_))})$")


@lru_cache(maxsize=1)
def _body_suffixes() -> re.Pattern[str]:
    suffixes = sorted(load_set("title_body_suffixes.txt"), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, suffixes))})$")



def _body_before(text: str, r: int, body_ends: dict[int, int]) -> int:
    """Start of the body written right before a role starting at ``r`` (``r`` if none)."""
    if r in body_ends:
        return body_ends[r]
    window_start = max(0, r - 12)
    window = text[window_start:r]
    bare = _bare_body_names().search(window)
    if bare:
        return window_start + bare.start()
    suffix = _body_suffixes().search(window)
    if suffix:
        s = left_boundary(text, window_start + suffix.start(), "O", max_len=24)
        dash = max(text.rfind("-", s, r), text.rfind("—", s, r))
        s = dash + 1 if dash >= 0 else s
        # A byline name run into the next byline: 刘某某璧山区融媒体中心记者.
        after_name = names.name_end(text, s)
        if after_name > s and gazetteer.match_place(text, after_name, allow_short=False) > after_name:
            s = after_name
        if s < window_start + suffix.start():
            return s
        for level in level_words():  # 省工商联副主席, 全国工商联副主席: a level word names the body's place
            if text.startswith(level, window_start + suffix.start() - len(level)):
                return window_start + suffix.start() - len(level)
    place = gazetteer.ends_with_place(window, allow_short=False)
    if place < r - window_start:
        return window_start + place
    for level in level_words():
        if len(level) > 1 and text.startswith(level, r - len(level)):
            return r - len(level)
    return r


#: Pauses that close a name written in a list of posts and holders.
_LIST_PAUSES = ("，", ",", "、", "。", "；")


def _skip_gap(text: str, pos: int) -> int:
    end = pos
    while end < len(text) and end - pos < MAX_GAP and text[end] in " \u3000\t":
        end += 1
    return end


def byline_name_closed(text: str, end: int, title_starts: frozenset[int] = frozenset()) -> bool:
    """A byline name may end at ``end``: a pause, a role (摄, 通讯员) or the next byline title follows."""
    return (names.pause_at(text, end) or role_at(text, end) > end or end in title_starts
            or text.startswith(_byline_ends(), end))


def glued_byline_name(text: str, start: int, end: int, title_starts: frozenset[int] = frozenset()) -> bool:
    """``（记者 王某某李某某）``: a three-character byline name with another one glued
    after it that closes the byline: two reporters written without a space."""
    after = names.name_end(text, end)
    return end - start == 3 and after - end in (2, 3) and byline_name_closed(text, after, title_starts)


def _name_after(text: str, title: Title, title_starts: frozenset[int]) -> tuple[int, int]:
    """(start, end) of the name introduced by ``title``; (end, end) of the title if none."""
    pos = title.end
    byline = title.kind == BYLINE
    start = _skip_gap(text, pos)
    colon = start < len(text) and text[start] in "：:|｜/"
    if colon:
        start = _skip_gap(text, start + 1)  # 记者：某某, 区委书记：某某, 编辑 | 某某
    end = names.name_end(text, start)
    if end > start and not byline and not names.follower_at(text, end):
        # 巴音朝鲁出席: a surname opens a transliterated name of four that a verb follows
        end = max(end, names.minority_name_end(text, start))
    if end == start and not byline and text[start + 2:start + 3] in _LIST_PAUSES \
            and names.is_name(text[start:start + 2]) and not names.is_stop_word(text[start:start + 2]):
        end = start + 2  # 主任卢也，: a function character as the given name, a pause after it
    if end == start:
        # a byline reads four characters as a name only when a bracket closes them: (记者某某某某)
        minority = names.minority_name_end(text, start)
        if not byline or text.startswith((")", "）"), minority):
            end = minority
    if end == start:
        return pos, pos
    # A byline laid out with spaces (" 摄影 某某某") may run into the next line.
    spaced = start > pos and (title.start == 0 or text[title.start - 1] in " \u3000\n")
    if byline and not spaced and not byline_name_closed(text, end, title_starts) \
            and not glued_byline_name(text, start, end, title_starts):
        return pos, pos
    if colon and not byline:  # a list of posts and holders: 某区委书记:王某某区代区长:刘某某
        for e in (end, start + 2):
            if names.follower_at(text, e) or gazetteer.match_place(text, e, allow_short=False) > e:
                return start, e
        return pos, pos
    return start, end


def _titles(text: str, bodies: tuple[Body, ...]) -> tuple[Title, ...]:
    body_ends: dict[int, int] = {}
    for body in bodies:
        body_ends[body.end] = min(body.start, body_ends.get(body.end, body.start))
    heads_by_name = heads()
    needs_body = _heads_needing_a_body()
    out = []
    for m in role_regex().finditer(text):
        kind, after_name = heads_by_name[m.group("head")]
        # A modifier may close the body (石沱镇党委 + 副书记 read as 党委副书记).
        inner = next((body_ends[q] for q in range(m.start() + 1, m.start("head") + 1)
                      if body_ends.get(q, q) < m.start()), None)
        start = inner if inner is not None else _body_before(text, m.start(), body_ends)
        company_start = None
        if start < m.start() and text.endswith(company_suffixes(), start, m.start()):
            # the company is an Enterprise mention that posts.py joins to the title
            start, company_start = m.start(), start
        elif start == m.start() and (short_name := company_before_post(text, start)) < start:
            company_start = short_name  # 某某检测总经理: a company's short name before its top post
        if m.group("head") in needs_body and inner is None and m.start() not in body_ends \
                and (company_start is None or kind != "enterprise"):
            continue  # 企业代表 and 相关负责人 are no posts; 县人大代表 and 某某公司负责人 are
        if text.endswith(_HONOURS, 0, start):
            continue  # 全国优秀县委书记 is an honour, not a post
        out.append(Title(start, m.end(), m.start(), m.start("head"), kind, after_name, company_start))
    return tuple(out)


def _title_chains(text: str, titles: tuple[Title, ...], byline_starts: frozenset[int]) -> tuple[TitleChain, ...]:
    """Chains of titles that a person's name follows, in text order."""
    by_end = {t.end: t for t in titles}
    starts = byline_starts
    chains = []
    for t in titles:
        if t.after_name:
            continue  # 总书记 follows its holder's name
        name_start, name_end = _name_after(text, t, starts)
        if name_end == name_start:
            continue
        chain = [t]
        while True:
            p = opening = chain[0].start if chain[0].company_start is None else chain[0].company_start
            while p > 0 and text[p - 1] in " \u3000":
                p -= 1
            if p < opening and p in by_end and by_end[p].kind != BYLINE:
                chain.insert(0, by_end[p])  # 某委党组成员 副主任 某某: titles parted by a space
                continue
            if p == 0 or text[p - 1] not in CHAIN_SEPARATORS + CONCURRENT or (p - 1) not in by_end:
                break
            chain.insert(0, by_end[p - 1])
        chains.append(TitleChain(tuple(chain), name_start, name_end))
    return tuple(chains)


#: Written between a name and the verb of its appointment: 某某同志任.
COMRADE = "同志"
#: A date between a name and the verb (某某于2021年任, 某某2019年10月任), and one
#: that ends right before a name (2023年7月某某任).
_DATE_BETWEEN = re.compile(r"于?\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?")
#: Where one of them starts: a lookahead, so that one pass finds every such position.
_DATE_BETWEEN_AT = re.compile(rf"(?={_DATE_BETWEEN.pattern})")
_DATE_BEFORE = re.compile(r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月(?:\d{1,2}日)?")
#: Words that make a post title the name of an honour (优秀县委书记).
_HONOURS = ("优秀",)
#: Longest body the title grammar does not know that a personnel verb may stand before.
_UNKNOWN_BODY = 12
_BODY_RUN = re.compile("[\u3400-\u9fff]+")
#: Between an election verb and the names it lists: 决定任命： 某某为….
_LIST_OPENING = re.compile(r"[：:]?\s*")


class _TitlesByStart(dict):
    """The longest title starting at each offset; and, for the titles a verb was read into
    (任县委副书记), those whose role starts at or after an offset, found by bisection."""

    def __init__(self, titles: tuple[Title, ...]) -> None:
        super().__init__()
        for t in titles:
            if t.start not in self or t.end > self[t.start].end:
                self[t.start] = t
        self._by_role = sorted(enumerate(self.values()), key=lambda it: it[1].role_start)
        self._role_starts = [t.role_start for _, t in self._by_role]
        self._longest = max((t.role_start - t.start for t in self.values()), default=0)

    def spanning(self, pos: int) -> Title | None:
        """The first title (in this dict's order) with ``t.start < pos <= t.role_start``."""
        found = []
        for i, t in self._by_role[bisect_left(self._role_starts, pos):]:
            if t.role_start - self._longest >= pos:
                break  # this one and the later ones start at pos or after
            if t.start < pos:
                found.append((i, t))
        return min(found, key=lambda it: it[0])[1] if found else None


def _title_from(text: str, pos: int, by_start: _TitlesByStart, after_verb: bool = False) -> Title | None:
    """The title written from ``pos`` after a personnel verb (``after_verb``) or after a
    separator in the chain it opens, as a Title starting there."""
    if pos in by_start:
        return by_start[pos]
    candidates = itertools.chain(  # the first that applies, in this order
        # 任某某集团副董事长: the title follows a company (an Enterprise mention)
        (t for q in range(pos + 2, min(len(text), pos + 25)) if (t := by_start.get(q)) is not None
         and t.company_start is not None and t.company_start <= pos and text.endswith(company_suffixes(), pos, q)),
        # 当选某某市长: the grammar left out a place (or its short form) before the role
        (by_start[q] for q in range(gazetteer.match_place(text, pos), pos + 1, -1) if q in by_start),
        # 任县委副书记: the grammar read the verb into a place name (任县)
        (t for t in (by_start.spanning(pos),) if t is not None),
        # 任共青团某市委干事: a body the grammar does not know runs from the verb to the role
        (by_start[q] for q in range(pos + 2, min(len(text), pos + _UNKNOWN_BODY))
         if after_verb and q in by_start and _BODY_RUN.fullmatch(text, pos, q)),
    )
    t = next(candidates, None)
    if t is None or t.company_start is not None:
        return t
    return Title(pos, t.end, t.role_start, t.head_start, t.kind, t.after_name)


def _chain_at(text: str, pos: int, by_start: _TitlesByStart) -> tuple[Title, ...]:
    """Titles written one after another from ``pos``, split by 、 and ,."""
    chain: list[Title] = []
    while (t := _title_from(text, pos, by_start, not chain)) is not None and t.kind != BYLINE:
        chain.append(t)
        pos = t.end
        if pos < len(text) and text[pos] in CHAIN_SEPARATORS:
            pos += 1
        else:
            break
    return tuple(chain)


@lru_cache(maxsize=1)
def _all_post_verbs() -> tuple[str, ...]:
    return tuple(w for k, ws in names.post_verbs().items() if k not in ("adverb", "carried") for w in ws) + ("不",)


def _names_before_verb(text: str, s: int, verbs: tuple[str, ...]) -> list[tuple[int, int]]:
    """(name end, verb end) for names starting at ``s`` followed by (同志)? one of ``verbs``."""
    out = []
    all_verbs = _all_post_verbs()
    for n in (2, 3, 4):
        e = s + n
        if not names.is_name(text[s:e]) or (n == 4 and names.surname_length(text, s) < 2):
            continue
        if any(text.startswith(all_verbs, i) for i in range(s + 1, e)):
            break  # ，后兼任…: 后 is an adverb, 兼任 the verb, not a name 后兼
        v = e + len(COMRADE) if text.startswith(COMRADE, e) else e
        date = _DATE_BETWEEN.match(text, v)
        v = date.end() if date else v
        v += next((len(w) for w in names.post_verbs()["adverb"] if text.startswith(w, v)), 0)
        verb = next((w for w in verbs if text.startswith(w, v)), None)
        if verb:
            out.append((e, v + len(verb)))
    return out


def _appointments(text: str, by_start: _TitlesByStart) -> tuple[Appointment, ...]:
    """Posts stated by a personnel verb around a name (kg/data/post_verbs.tsv)."""
    verbs = names.post_verbs()

    def find(words: tuple[str, ...]) -> list[re.Match[str]]:
        return list(re.finditer("|".join(map(re.escape, words)), text))

    # where a name may start besides a pause: after 决定/同意 or a date
    openers = frozenset(m.end() for m in find(verbs["decide"])) | {m.end() for m in _DATE_BEFORE.finditer(text)}
    elected = frozenset(_LIST_OPENING.match(text, m.end()).end() for m in find(verbs["elect"]))
    verb_starts = [m.start() for m in find(verbs["after_name"] + verbs["negated"] + verbs["adverb"])]
    # a name of 2 to 4 characters is read at s only if a verb, 同志 and a verb, or a date follows it
    # there, or s follows a verb of election: the few such s, not every character, are tried
    after_name = {*verb_starts, *(v - len(COMRADE) for v in verb_starts),
                  *(m.start() for m in _DATE_BETWEEN_AT.finditer(text))}
    starts = elected | {q - n for q in after_name for n in (2, 3, 4)}

    out: list[Appointment] = []
    for s in sorted(s for s in starts if 0 <= s < len(text) - 2):
        if not names.surname_length(text, s):
            continue
        # NAME (同志)? (DATE)? 任 TITLE: the name starts a clause or follows 决定/同意 or a date.
        if s == 0 or names.pause_at(text, s - 1) or s in openers:
            for e, verb_end in _names_before_verb(text, s, verbs["after_name"]):
                chain = _chain_at(text, verb_end, by_start)
                if chain and not gazetteer.is_place(text[s:e]):
                    out.append(Appointment(s, e, chain, "after_name"))
                    break
            for e, _verb_end in _names_before_verb(text, s, verbs["negated"]):
                if text.startswith(COMRADE, e):  # 某某同志不再担任…: a person, no post
                    out.append(Appointment(s, e, (), "negated"))
                    break
        # 补选 NAME 为 TITLE
        if s in elected:
            for e, verb_end in _names_before_verb(text, s, ("为",)):
                chain = _chain_at(text, verb_end, by_start)
                if chain:
                    out.append(Appointment(s, e, chain, "elect"))
                    break
    # 时任 TITLE、TITLE 的 NAME
    for verb in verbs["former"]:
        for m in re.finditer(re.escape(verb), text):
            chain = _chain_at(text, m.end(), by_start)
            if not chain or not text.startswith("的", chain[-1].end):
                continue
            s = chain[-1].end + 1
            e = names.name_end(text, s)
            if e > s and not gazetteer.is_place(text[s:e]):
                out.append(Appointment(s, e, chain, "former"))
    return tuple(out)


#: Subject pronouns that may open a clause of a CV: 他曾任…, 她先后担任….
_PRONOUNS = "他她"


def _carried_posts(text: str, by_start: _TitlesByStart) -> tuple[tuple[int, tuple[Title, ...]], ...]:
    """(verb start, titles) for clauses that open with a personnel verb and name no holder:
    a CV's 曾任…、…，2018年12月任… or ，后兼任….  Their holder is the person the text is
    about; kg/relations/posts.py picks it."""
    date_starts = {m.end(): m.start() for r in (_DATE_BEFORE, _DATE_BETWEEN) for m in r.finditer(text)}
    words = names.post_verbs()["carried"]
    out = []
    for m in re.finditer("|".join(map(re.escape, words)), text):
        p = date_starts.get(m.start(), m.start())
        if p > 0 and text[p - 1] in _PRONOUNS:
            p -= 1
        if p > 0 and not names.pause_at(text, p - 1):
            continue  # a name or 不再 stands before the verb
        chain = _chain_at(text, m.end(), by_start)
        if chain and not text.startswith("的", chain[-1].end):  # 曾任…的某某 names its holder
            out.append((m.start(), chain))
    return tuple(out)


def _addressed(text: str, title: Title) -> int | None:
    """Start of the name before a bare post at the start of a clause, after 与/同/和 or another
    word that takes a person as object (kg/data/name_prepositions.txt), before a verb:
    ，某某某市长介绍, 与某某某省长一道启动, 在某某市长的陪同下; None if there is none."""
    if title.start != title.role_start or title.kind == BYLINE:
        return None
    followed = names.follower_at(text, title.end)
    for n in (4, 3, 2):
        s = title.start - n
        if s < 0 or (n == 4 and names.surname_length(text, s) < 2):
            continue  # no room for a name of n characters before the post; four need 欧阳 or the like
        # after a body's name the post needs no verb after it (某某大学张某教授合作的项目), but a
        # word of the dictionary there is part of the post (某某公司高级副总裁)
        opened = text.endswith(_body_heads(), 0, s) and not _common_word(text[s:title.start]) \
            or followed and (
            names.pause_at(text, s - 1) or text[s - 1:s] in _WITH and names.pause_at(text, s - 2)
            or names.preposition_before(text, s))
        if opened and _name_before(text, s, title.start):
            return s
    return None


def _common_word(token: str) -> bool:
    """``token`` is a word of the dictionary other than a person's name (高级, 首席)."""
    return is_word(token) and not word_tag(token).startswith("nr")


def _name_before(text: str, start: int, end: int) -> bool:
    """A name runs from ``start`` to a post written at ``end``; read alone it may run on into
    the post (李明书记: 书 could be a third given character)."""
    return names.name_end(text, start) >= end and names.is_name(text[start:end])


#: 与某某某省长一道: "together with", before a name that a bare post follows.
_WITH = "与同和"


@lru_cache(maxsize=1)
def _body_heads() -> tuple[str, ...]:
    """Last words of a body's name (大学, 研究院, 集团, 公司, 部, 局): a name written right after
    one and before a bare post holds that post there (某某大学张某教授, 某某部张某部长)."""
    return tuple(sorted(load_set("org_suffixes.txt") | set(company_suffixes()) | _GOVERNMENT_HEADS,
                        key=len, reverse=True))


#: Last characters of a department's name (信息传播部, 投资促进局, 商务厅).
_GOVERNMENT_HEADS = {"部", "局", "厅", "委员会", "办公室"}


def _titles_after_names(text: str, titles: tuple[Title, ...]) -> tuple[tuple[int, int, int, int], ...]:
    """(name_start, name_end, title_start, title_end) for heads written after a name (某某某总书记)."""
    out = []
    for t in titles:
        if not t.after_name:
            s = _addressed(text, t)
            if s is not None:
                out.append((s, t.start, t.start, t.end))
            continue
        if t.role_start != t.head_start:
            continue
        if t.kind == BYLINE and not names.pause_at(text, t.end):
            continue  # 张某摄 ends a byline; 摄像 is another word
        name_end = t.role_start
        while name_end > 0 and t.role_start - name_end < MAX_GAP and text[name_end - 1] in " \u3000":
            name_end -= 1  # 张某某 摄
        for n in (4, 3, 2):
            s = name_end - n
            if s >= 0 and (n < 4 or names.surname_length(text, s) == 2) and _name_before(text, s, name_end):
                out.append((s, name_end, t.role_start, t.end))
                break
    return tuple(out)


def post_titles(doc: Document) -> PostTitles:
    """The title grammar's reading of ``doc``: read once, by whichever of its readers (the
    title and person recognizers, kg/relations/posts.py) comes first, and kept on the document."""
    if doc.post_titles is None:
        text = doc.text
        titles = _titles(text, document_bodies(doc))
        by_start = _TitlesByStart(titles)
        found = PostTitles(titles, (), _titles_after_names(text, titles), _appointments(text, by_start),
                           _carried_posts(text, by_start))
        found.chains = _title_chains(text, titles, found.byline_starts)
        doc.post_titles = found
    return doc.post_titles


def recognize_titles(doc: Document) -> list[Mention]:
    text = doc.text
    found = post_titles(doc)
    mentions = []
    for chain in found.chains:
        for t in chain.titles:
            mentions.append(Mention(t.start, t.end, text[t.start:t.end], TITLE, source="titles.chain"))
    for _start, _end, s, e in found.after_names:
        mentions.append(Mention(s, e, text[s:e], TITLE, source="titles.after_name"))
    for appointment in found.appointments:
        for t in appointment.titles:
            mentions.append(Mention(t.start, t.end, text[t.start:t.end], TITLE,
                                    source=f"titles.{appointment.pattern}"))
    for _verb_start, chain in found.carried:
        for t in chain:
            mentions.append(Mention(t.start, t.end, text[t.start:t.end], TITLE, source="titles.carried"))
    return mentions
