"""Splitting a newspaper page into articles, and articles into sentences.

A page is read paragraph by paragraph (a "unit" is a line of the normalized
text; a headline glued to ``本报讯`` by OCR is cut off it).  Each unit gets a kind:

- ``headline``   short, no sentence punctuation: kicker, main or sub headline;
- ``section``    a lone place name heading a block of the page (``潼南``);
- ``author``     ``TITLE NAME`` under a headline (``市委常委、万州区委书记 卢红``);
- ``byline``     a credit line (``新重庆-重庆日报记者 杨帆 卢志民``);
- ``start``      body text opening an article (``本报讯``, ``（上接第一版）``);
- ``caption`` / ``furniture``  marked by ``kg.normalize``;
- ``body``       everything else.

An article starts at a section marker, at ``本报讯``, or at a headline that
clearly heads a new article (after a byline or page furniture, before an author
line or a dateline, or a two-part ``A B`` headline).  OCR sometimes puts a
headline *after* its article; a headline between two articles goes to the one
whose body shares more of its words.  Articles partition the text.

The units are kept in ``doc.units`` as (start, end, kind) for the
sentence splitter and for debugging.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from kg.gazetteer import is_place, lookup
from kg.lexicon import alternation, alternation_of, load_family
from kg.model import Article, BylineEntry, Document, Sentence, Span
from kg.normalize import CJK, ignored_spans, lines

# --- units ------------------------------------------------------------------------

HEADLINE_MAX = 64
#: 本报讯 / 新华社北京7月1日电 / 昌吉州融媒体中心讯（记者 X）/ （上接第一版）
_START = re.compile(rf"^(?:本报讯|本报[^，。\s]{{0,8}}(?:讯|电)|(?:{alternation('news_agencies.txt')})[^，。\s]{{0,10}}电"
                    rf"|[^，。,\s]{{2,20}}讯[ \u3000]*[（(]|[（(](?:{alternation_of(load_family('page_jumps.tsv', 'continued_from'))})"
                    r"[^）)\n]{0,12}[）)])")
#: A photo credit closing a line: … 张三 摄 / … 摄影 张三.
_CREDIT_END = re.compile(rf"[ \u3000]{CJK}{{0,4}}[ \u3000]*摄[）)]?$|[ \u3000]摄影[ \u3000]*{CJK}{{2,4}}$")
_OPENS_WITH_DATE = re.compile(rf"^(?:\d{{1,2}}月\d{{1,2}}日|{alternation('report_openers.txt')})")
_ENUMERATED = re.compile(r"^(?:[-*•·]\s|\d{1,3}[.、．)）]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是])")
#: 近年来，/ 据了解，: a body sentence cut off by a paragraph break, not a headline.
_CLAUSE_OPENER = re.compile(r"^(?:\d{1,2}月\d{1,2}日[^，,]{0,3}|[^，,\s]{1,4})[，,]")
_TWO_PART = re.compile(rf"{CJK}[”\"》）)]?[ \u3000]+[“\"《]?{CJK}")
_NAME = rf"{CJK}{{2,4}}|{CJK}{{1,6}}·{CJK}{{1,8}}"
#: A byline token that credits work and names no one (摄, 供图, 文/图).
_CREDIT_WORDS = frozenset(load_family("byline_credits.tsv", "alone"))
#: A credit word closing a name in a byline token (孙学良报道): dropped, at least two characters left.
_CREDIT_ENDING = re.compile(f"(?<=..)(?:{alternation_of(load_family('byline_credits.tsv', 'ending'))})$")


@dataclass
class Unit:
    start: int
    end: int
    kind: str
    byline: list[BylineEntry] = field(default_factory=list)


@lru_cache(maxsize=None)
def _role_pattern() -> re.Pattern[str]:
    """ORG? ROLE NAME? in one byline token: 江津区融媒体中心记者, 实习记者罗凯元, 通讯员."""
    roles = alternation("byline_roles.txt")
    return re.compile(rf"^(?P<org>.*?)(?P<role>{roles})(?P<rest>.*)$")


@lru_cache(maxsize=None)
def _author_pattern() -> re.Pattern[str]:
    endings = alternation("author_title_endings.txt")
    return re.compile(rf"(?P<title>[^\s。，,！？；]{{2,40}}(?:{endings}))[ \u3000]+(?P<name>{_NAME})")


def _units(doc: Document) -> list[Unit]:
    text = doc.text
    furniture = doc.furniture
    captions = {(c.start, c.end) for c in doc.captions}
    units: list[Unit] = []
    for s, e in lines(text):
        for a, b, forced in _cut_line(text, s, e):
            line = text[a:b]
            if forced:
                units.append(Unit(a, b, forced))
            elif entries := parse_byline(text, a, b):
                units.append(Unit(a, b, "byline", entries))
            elif (a, b) in captions:
                units.append(Unit(a, b, "caption"))
            elif any(f.start <= a and b <= f.end for f in furniture):
                units.append(Unit(a, b, "furniture"))
            elif _START.match(line):
                units.append(Unit(a, b, "start", _dateline_byline(text, a, b)))
            elif _is_section(line):
                units.append(Unit(a, b, "section"))
            elif entry := _author(text, a, b):
                units.append(Unit(a, b, "author", [entry]))
            elif is_headline(line):
                units.append(Unit(a, b, "headline"))
            else:
                units.append(Unit(a, b, "body"))
    return units


_PHOTO_CREDIT = re.compile(rf"图片由{CJK}{{2,20}}?提供|[（(]?{CJK}{{2,4}}[ \u3000]*摄[）)]")


def _cut_line(text: str, s: int, e: int) -> list[tuple[int, int, str | None]]:
    """Pieces of a line that OCR line joining glued together: a headline before
    ``本报讯``, a photo credit between a byline and the next headline.
    Each piece is (start, end, forced kind or None)."""
    pieces: list[tuple[int, int, str | None]] = []
    cut = text.find("本报讯", s, e)
    if s < cut <= s + HEADLINE_MAX and not re.search(r"[。！？!?，,]", text[s:cut]):
        pieces.append((s, _rstrip(text, s, cut), "headline"))
        s = cut
    m = _PHOTO_CREDIT.search(text, s, e)
    if m and not re.search(r"[。！？!?，,]", text[s:m.start()]):
        if m.start() > s:
            pieces.append((s, _rstrip(text, s, m.start()), None))
        pieces.append((m.start(), m.end(), "caption"))
        s = m.end()
    if e > s:
        pieces.append((s, e, None))
    return pieces


def _rstrip(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1] in " \u3000":
        e -= 1
    return e


def is_headline(line: str) -> bool:
    """Short, no sentence end inside, not a clause cut off mid-sentence, not a list item."""
    line = line.strip()
    if not 2 <= len(line) <= HEADLINE_MAX or re.search(r"[。；;]", line):
        return False
    if line[-1] in "，、,：:（(“\"—-" or _ENUMERATED.match(line) or _CLAUSE_OPENER.match(line):
        return False
    commas = line.count("，") + line.count(",")
    if commas >= 2 or commas + line.count("、") >= 3:
        return False
    return re.search(CJK, line) is not None


def _is_section(line: str) -> bool:
    return len(line) <= 8 and re.fullmatch(f"{CJK}+", line) is not None and is_place(line)


def parse_byline(text: str, start: int, end: int) -> list[BylineEntry]:
    """Entries of a line made only of roles and names (``记者 邓浩 实习记者罗凯元 陈俊攸``), else []."""
    line = text[start:end]
    if len(line) > 160 or re.search(r"[。，！？；]", line):
        return []
    role_re = _role_pattern()
    entries: list[BylineEntry] = []
    role = None
    for tok in re.finditer(r"[^\s\u3000]+", line):
        t, t_start = tok.group(), start + tok.start()
        core = t.strip("（）()【】[]")
        t_start += t.index(core) if core else 0
        if core in _CREDIT_WORDS:
            continue
        core = _CREDIT_ENDING.sub("", core)  # 孙学良报道
        m = role_re.match(core)
        name, name_start = core, t_start
        if m:
            role = m.group("role")
            name = m.group("rest")
            name_start = t_start + m.start("rest")
        if not name:
            continue
        if role is None or not re.fullmatch(_NAME, name):
            return []
        entries.append(BylineEntry(Span(name_start, name_start + len(name), name), role))
    return entries


def _dateline_byline(text: str, start: int, end: int) -> list[BylineEntry]:
    """The names in ``本报讯（记者 X 通讯员 Y）``."""
    m = re.match(r"[^（(\n]{0,20}?[（(]([^）)\n]{2,80})[）)]", text[start:end])
    if not m:
        return []
    return parse_byline(text, start + m.start(1), start + m.end(1))


def _author(text: str, start: int, end: int) -> BylineEntry | None:
    m = _author_pattern().fullmatch(text[start:end])
    if not m:
        return None
    s = start + m.start("name")
    return BylineEntry(Span(s, start + m.end("name"), m.group("name")), "作者")


# --- articles -----------------------------------------------------------------------

def split_articles(doc: Document) -> None:
    units = _units(doc)
    bylines = {(u.start, u.end) for u in units if u.kind == "byline"}
    doc.captions = [c for c in doc.captions if (c.start, c.end) not in bylines]  # 记者 X 摄 is a byline
    doc.units = [(u.start, u.end, u.kind) for u in units]
    if not units:
        doc.articles = [Article(0, len(doc.text))]
        return
    anchors = _body_starts(doc.text, units)
    groups = _assign(doc.text, units, anchors)
    doc.articles = [_article(doc, units, g) for g in groups]
    doc.articles[0].start = 0
    for a, b in zip(doc.articles, doc.articles[1:]):
        a.end = b.start
    doc.articles[-1].end = len(doc.text)


_BODY = ("body", "start")


def _body_starts(text: str, units: list[Unit]) -> list[int]:
    """Indices of the units whose body text opens an article."""
    starts: list[int] = []
    has_body = False
    for i, u in enumerate(units):
        if u.kind not in _BODY:
            continue
        if not has_body or u.kind == "start" or _heads_new_article(text, units, i):
            starts.append(i)
        has_body = True
    return starts or [0]  # no body at all: one article of headlines


def _heads_new_article(text: str, units: list[Unit], i: int) -> bool:
    """Does the material right before body unit ``i`` open a new article?"""
    j = i - 1
    while j >= 0 and units[j].kind not in _BODY:
        j -= 1
    block = units[j + 1:i]
    if not block:
        return False
    if any(u.kind in ("section", "author") for u in block):
        return True
    # a credit line closes an article; a headline after it opens the next one
    closing = [k for k, u in enumerate(block) if u.kind in ("byline", "furniture")]
    headlines = [u for u in block if u.kind == "headline"]
    if closing and any(u.kind == "headline" for u in block[closing[0]:]):
        return True
    if not headlines:
        return False
    return (_OPENS_WITH_DATE.match(text[units[i].start:units[i].end]) is not None
            or any(_TWO_PART.search(text[u.start:u.end]) for u in headlines))


def _assign(text: str, units: list[Unit], anchors: list[int]) -> list[list[int]]:
    """Unit indices of each article: its body, and the material between bodies split between neighbours."""
    groups: list[list[int]] = [[] for _ in anchors]
    for k, a in enumerate(anchors):
        nxt = anchors[k + 1] if k + 1 < len(anchors) else len(units)
        # the article's own stretch runs to its last body unit; what follows is a gap
        last_body = max(i for i in range(a, nxt) if units[i].kind in _BODY or i == a)
        groups[k].extend(range(a, last_body + 1))
        gap = list(range(last_body + 1, nxt))
        if k + 1 < len(anchors):
            next_end = anchors[k + 2] if k + 2 < len(anchors) else len(units)
            to_prev, to_next = _split_gap(text, units, gap, _body(text, units, groups[k]),
                                          _body(text, units, range(anchors[k + 1], next_end)))
            groups[k].extend(to_prev)
            groups[k + 1].extend(to_next)
        else:
            groups[k].extend(gap)
    # material before the first body belongs to the first article
    groups[0] = list(range(0, anchors[0])) + groups[0]
    return [sorted(g) for g in groups]


def _body(text: str, units: list[Unit], indices) -> str:
    return "".join(text[units[i].start:units[i].end] for i in indices if units[i].kind in _BODY)


def _split_gap(text: str, units: list[Unit], gap: list[int], prev_body: str, next_body: str
               ) -> tuple[list[int], list[int]]:
    """Between two bodies: credits and trailing headlines stay with the previous article,
    section markers, author lines and leading headlines go with the next.  A headline
    after a credit line can only lead the next article."""
    to_prev: list[int] = []
    closed = False
    for pos, i in enumerate(gap):
        u = units[i]
        if u.kind in ("byline", "furniture", "caption"):
            to_prev.append(i)
            closed = closed or u.kind == "byline"
            continue
        if u.kind == "headline" and not closed:
            words = text[u.start:u.end]
            if _overlap(words, prev_body) > _overlap(words, next_body) + 0.05:
                to_prev.append(i)
                continue
        return to_prev, gap[pos:]
    return to_prev, []


@lru_cache(maxsize=64)  # a body is compared with every headline near it: read it once
def _bigrams(s: str) -> frozenset[str]:
    s = re.sub(r"[^\w]", "", s)
    return frozenset(s[i:i + 2] for i in range(len(s) - 1))


def _overlap(headline: str, body: str) -> float:
    grams = _bigrams(headline)
    if not grams:
        return 0.0
    body_grams = _bigrams(body)
    return len(grams & body_grams) / len(grams)


def _article(doc: Document, units: list[Unit], group: list[int]) -> Article:
    text = doc.text
    body = [i for i in group if units[i].kind in _BODY]
    first_body = body[0] if body else group[0]
    article = Article(start=units[group[0]].start, end=units[group[-1]].end,
                      body_start=units[first_body].start)
    body_words = _body(text, units, body)
    # the headline: the headline block right before the body, else the best-matching block
    blocks = _blocks([i for i in group if units[i].kind == "headline"])
    before = [b for b in blocks if b[-1] < first_body]
    candidates = before[-1:] + [b for b in blocks if b[0] > first_body and _after_body(units, b, group)]
    if candidates:
        best = max(candidates, key=lambda b: (_overlap(_body_text(text, units, b), body_words), b in before[-1:]))
        article.headline = doc.span(units[best[0]].start, units[best[-1]].end)
    for i in group:
        if units[i].kind == "section" and i < first_body and article.section is None:
            article.section = doc.span(units[i].start, units[i].end)
        article.byline.extend(units[i].byline)
    if article.section is not None:
        entry = lookup(article.section.text)
        article.place = entry.full if entry else article.section.text
        article.place_source = "section"
    return article


def _after_body(units: list[Unit], block: list[int], group: list[int]) -> bool:
    """A headline block after the article's last body unit (OCR put the headline below)."""
    last_body = max((i for i in group if units[i].kind in _BODY), default=-1)
    return block[0] > last_body


def _blocks(indices: list[int]) -> list[list[int]]:
    """Runs of consecutive unit indices."""
    out: list[list[int]] = []
    for i in indices:
        if out and out[-1][-1] == i - 1:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _body_text(text: str, units: list[Unit], block: list[int]) -> str:
    return "".join(text[units[i].start:units[i].end] for i in block)


# --- sentences ------------------------------------------------------------------------

_TERMINAL = "。！？!?…"
_OPEN = {"“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》", "【": "】"}
_CLOSE = {v: k for k, v in _OPEN.items()}
#: A quote or bracket longer than this is taken as unbalanced OCR, not a quotation.
MAX_QUOTE = 300
#: The characters the sentence splitter acts on; it passes over the others at once.
_SPLITTING = re.compile(f"[{re.escape(''.join(_OPEN) + ''.join(_CLOSE) + _TERMINAL)}\"]")


def split_sentences(doc: Document) -> None:
    """Sentences of every unit outside ignored spans; a quote or bracket is never cut.

    A body paragraph that OCR broke mid-sentence (no end punctuation before the
    blank line) continues into the next body paragraph.
    """
    text = doc.text
    units = doc.units or [(s, e, "body") for s, e in lines(text)]
    pieces = _pieces(text, units, ignored_spans(doc))
    doc.sentences = []
    # split_articles makes articles that follow one another: bisection finds the one holding
    # an offset, without a scan of all the articles per sentence.
    tiled = all(a.start <= a.end == b.start for a, b in zip(doc.articles, doc.articles[1:]))
    starts = [a.start for a in doc.articles] if tiled else None
    for s, e in pieces:
        for a, b in _split_piece(text, s, e):
            doc.sentences.append(Sentence(a, b, text[a:b], _article_index(doc, starts, a)))


def _article_index(doc: Document, starts: list[int] | None, offset: int) -> int:
    """Index of the article containing ``offset`` (0 if none); ``starts``: the articles'
    starts when they follow one another (else None)."""
    if starts is not None:
        i = bisect_right(starts, offset) - 1
        return i if i >= 0 and offset < doc.articles[i].end else 0
    article = doc.article_at(offset)
    return doc.articles.index(article) if article is not None else 0


def _pieces(text: str, units: list[tuple[int, int, str]], ignored: list[Span]) -> list[tuple[int, int]]:
    """Stretches of text to split: units, with broken body paragraphs joined, minus ignored spans."""
    joined: list[list] = []
    for s, e, kind in units:
        if kind == "furniture":
            continue
        if joined and kind == "body" and joined[-1][2] in ("body", "start") \
                and text[joined[-1][1] - 1] not in _TERMINAL + "”’」』）)" and not is_headline(text[s:e]) \
                and not _CREDIT_END.search(text[joined[-1][0]:joined[-1][1]]):
            joined[-1][1] = e
            continue
        joined.append([s, e, kind])
    pieces: list[tuple[int, int]] = []
    starts = [span.start for span in ignored]  # in text order (ignored_spans)
    longest = max((span.end - span.start for span in ignored), default=0)
    for s, e, _kind in joined:
        # the spans that can reach into [s, e): none starting more than ``longest`` before s
        for span in islice(ignored, bisect_left(starts, s - longest), None):
            if span.start >= e:
                break
            if span.end <= s:
                continue
            if span.start > s:
                pieces.append((s, span.start))
            s = max(s, span.end)
        if e > s:
            pieces.append((s, e))
    return pieces


def _split_piece(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    s = start
    i = start
    while (m := _SPLITTING.search(text, i, end)) is not None:
        i = m.start()
        c = text[i]
        if stack and i - stack[-1][1] > MAX_QUOTE:
            stack.clear()  # unbalanced: stop protecting (the characters passed over change no stack)
        if c == '"':
            if stack and stack[-1][0] == '"':
                stack.pop()
                if not stack and text[i - 1] in _TERMINAL:
                    out.append((s, i + 1))
                    s = i + 1
            else:
                stack.append(('"', i))
        elif c in _OPEN:
            stack.append((c, i))
        elif c in _CLOSE:
            if stack and stack[-1][0] == _CLOSE[c]:
                stack.pop()
                if not stack and text[i - 1] in _TERMINAL and c in "”’」』":
                    out.append((s, i + 1))
                    s = i + 1
        elif c in _TERMINAL and not stack:
            j = i + 1
            while j < end and text[j] in _TERMINAL:
                j += 1
            out.append((s, j))
            s = i = j
            continue
        i += 1
    out.append((s, end))
    return [_trim(text, a, b) for a, b in out if text[a:b].strip()]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
