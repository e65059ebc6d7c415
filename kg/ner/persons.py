"""Recognizer component: Person mentions.

A name-shaped token (kg/person_names.py) becomes a Person only with evidence:
- a post title right before it (区委副书记、区长赵光平; 市委常委、涪陵区委书记 蒋文涛),
  from the title grammar (kg/ner/titles.py);
- a byline role (记者 郑小川 实习记者 周雨桐 贺嘉): one role serves every name
  after it up to the next role;
- a head written after the name (某某某总书记);
- a personnel verb (kg/data/post_verbs.tsv): 某某同志任…, 补选某某为…, 时任…的某某,
  and 某某同志不再担任… (a person, though no post);
- a name opening a clause before 一行 or 同志 (张某一行来到…), or after a preposition
  before 同志 (会议由张某同志主持);
- a name opening a CV before the sex (简历显示，张某某，男，汉族，…);
- a name after a role word and a colon that is no post (联系人：张某), or before a verb
  of saying (项目负责人张某介绍), or opening a clause of reported speech (李某说，…), or opening a credit
  bracket before a byline role (（张某 某某日报记者 李某）);
- a list of names parted by 、 or spaces after a collective word (自治区领导马某、扎西次仁,
  区领导有张某 李某, 出席活动的有张某、李某) or in a sentence with a verb of attending
  (张某、李某，市级领导出席), a long list surviving one odd item; the names listed after
  a titled name share its title (副主席高某、王某, 副市长甲、乙和丙);
- Tibetan, Mongolian and Uyghur names: 4-character names in transliteration
  syllables after a title or in a list (扎西次仁), names joined by a middle dot (艾某·某某);
- document-level propagation: a name found once with evidence is a mention at
  every occurrence in the document (headlines such as 某某某某某某讲话).
Titles, collective nouns, places and a surname alone never become persons.
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from functools import lru_cache

from kg import gazetteer
from kg.lexicon import alternation_of, load_lines, load_table
from kg.model import BYLINE, Document, Mention
from kg import person_names as names
from kg.ner.titles import COMRADE, byline_name_closed, post_titles
from kg.vocabulary import is_word, word_tag

_CLAUSE = re.compile(r"[^，,。；;：:！？!?\n（）()“”\"]+")
_SENTENCE = re.compile(r"[^。；;！？!?\n]+")
#: Level characters before 领导 (市领导, 区领导, 市委领导) that make it a heading of officials.
_LEVEL_CHARS = "省市区县州旗委"
#: Characters that close a list of names: 张某、李某等出席, 杨某某及有关部门, 在甲、乙的陪同下.
_LIST_CLOSERS = "等及和与的"


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = load_table("person_list_cues.tsv")
    before = tuple(sorted((w for w, k in rows if k == "before"), key=len, reverse=True))
    return before, tuple(w for w, k in rows if k not in _NO_LIST_CUES)


#: Kinds of person_list_cues.tsv that alone mark no list: 有 and the credit labels (文, 图).
_NO_LIST_CUES = ("copula", "credit")


@lru_cache(maxsize=1)
def _any_cue() -> re.Pattern[str]:
    """Any cue of a list of persons: one search per sentence instead of one test per cue."""
    return re.compile(alternation_of(_cues()[1]))


def _more_byline_names(text: str, pos: int, title_starts: frozenset[int]) -> list[tuple[int, int]]:
    """Further names after a byline name, separated by spaces or 、, or glued to it when
    the byline closes after them: 实习记者 周雨桐 贺嘉, 某某社记者李某、赵某某, （记者 王某某李某某）."""
    out = []
    while True:
        start = pos
        while start < len(text) and text[start] in " \u3000":
            start += 1
        if start == pos and text.startswith("、", pos):
            start = pos + 1
        end = names.name_end(text, start)  # also a name glued to the last (记者 王某某李某某)
        if end == start or not byline_name_closed(text, end, title_starts):
            return out
        out.append((start, end))
        pos = end


#: What parts the names listed after a title: 、 or spaces (副市长甲、乙; 区委副书记 甲 乙).
_NAME_SEPARATOR = re.compile(r"、|[ \u3000]+")
#: What joins the last name of such a list to the others (副市长甲、乙和丙).
_LAST_JOINERS = "和及"


def _more_listed_names(text: str, pos: int) -> list[tuple[int, int]]:
    """Names listed after a titled name, sharing its title: 副主席高某、王某一同视察,
    区委副书记 甲 乙 丙出席, 副市长甲、乙和丙出席 (和/及 only after a name listed with 、)."""
    out = []
    while True:
        sep = _NAME_SEPARATOR.match(text, pos)
        if sep is None and out and pos < len(text) and text[pos] in _LAST_JOINERS:
            sep = re.compile(re.escape(text[pos])).match(text, pos)
        if sep is None:
            break
        start = sep.end()
        end = names.name_end(text, start)
        if end == start or not (names.follower_at(text, end) or _NAME_SEPARATOR.match(text, end)) \
                or gazetteer.is_place(text[start:end]):
            break
        out.append((start, end))
        if sep.group() in _LAST_JOINERS:
            break
        pos = end
    return out


def _from_titles(doc: Document) -> list[Mention]:
    text = doc.text
    found = post_titles(doc)
    out = []
    for chain in found.chains:
        out.append(Mention(chain.name_start, chain.name_end, text[chain.name_start:chain.name_end], "Person",
                           source="persons.byline" if chain.byline else "persons.title", confidence=0.9))
        more = _more_byline_names(text, chain.name_end, found.byline_starts) if chain.byline else _more_listed_names(text, chain.name_end)
        for s, e in more:
            out.append(Mention(s, e, text[s:e], "Person", source="persons.title_list", confidence=0.85))
    for s, e, _ts, _te in found.after_names:
        out.append(Mention(s, e, text[s:e], "Person", source="persons.title_after", confidence=0.9))
    for a in found.appointments:
        out.append(Mention(a.name_start, a.name_end, text[a.name_start:a.name_end], "Person",
                           source=f"persons.{a.pattern}", confidence=0.9))
    return out


def _list_item(item: str, allow_four: bool) -> bool:
    return names.is_name(item, allow_four=allow_four) and not gazetteer.is_place(item)


@lru_cache(maxsize=1)
def _clause_cue() -> re.Pattern[str]:
    """The verbs of attending (列席, 就座 ...) of kg/data/person_list_cues.tsv."""
    return re.compile(alternation_of(w for w, k in load_table("person_list_cues.tsv") if k == "clause"))


def _trim_follower(item: str) -> str:
    """The name at the start of a list item that closes the list: 张某出席 -> 张某,
    杨某某及县发改委 -> 杨某某, 梁某某列席会议 -> 梁某某."""
    for n in range(2, len(item)):
        if (item[n] in _LIST_CLOSERS or names.word_follower_at(item, n) or _clause_cue().match(item, n)) \
                and _list_item(item[:n], False):
            return item[:n]
    return item


#: What parts the names of a list: 、, or spaces where OCR or a heading lays them out
#: (区领导张某 李某 王某出席).
_LIST_SEPARATOR = re.compile(r"、|[ \u3000]+")


@lru_cache(maxsize=1)
def _copulas() -> tuple[str, ...]:
    """Verbs between a collective word and the names it lists (区领导有张某、李某)."""
    return tuple(sorted((w for w, k in load_table("person_list_cues.tsv") if k == "copula"), key=len, reverse=True))


def _list_items(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(start, item) for the parts of a list of names in text[start:end], up to the
    item that closes it (杨某某及县发改委…: the names end at 及)."""
    items = []
    pos = start
    for sep in itertools.chain(_LIST_SEPARATOR.finditer(text, start, end), (None,)):
        raw = text[pos:sep.start() if sep else end]
        name = _trim_follower(raw)
        if name:
            items.append((pos, name))
        if name != raw or sep is None:
            if len(items) > 1 and name != raw and raw[len(name)] in _LAST_JOINERS:
                items.extend(_last_joined(raw, pos, len(name) + 1))  # 甲、乙和丙出席
            break
        pos = sep.end()
    return items


def _last_joined(raw: str, pos: int, offset: int) -> list[tuple[int, str]]:
    """The name joined by 和/及 at the end of a list item (乙和丙出席 -> 丙), if one is there."""
    rest = raw[offset:]
    name = _trim_follower(rest)
    return [(pos + offset, name)] if _list_item(name, False) else []


#: Fewest items of a list that, with no collective word before it, survives an odd item.
_LONG_LIST = 4


def _long_list(items: list[tuple[int, str]], good: list[bool]) -> bool:
    """A list long enough to survive an odd item, whose names are no words of the dictionary
    (高学历、高起点、… are name-shaped words, not names)."""
    return len(items) >= _LONG_LIST and not any(
        ok and is_word(item) and not word_tag(item).startswith("nr") for (_, item), ok in zip(items, good))


def _from_lists(text: str) -> list[Mention]:
    before, _ = _cues()
    any_cue = _any_cue()
    out = []
    for sentence in _SENTENCE.finditer(text):
        if not any_cue.search(text, sentence.start(), sentence.end()):
            continue
        for clause in _CLAUSE.finditer(sentence.group()):
            body = clause.group().lstrip(" \u3000")
            start = sentence.start() + clause.end() - len(body)
            head = _LIST_SEPARATOR.split(body, 1)[0]
            cue = next((c for c in before if c in head), None)
            if cue:  # 市领导叶某某、… : the list starts after the collective word (and 有)
                start += head.rindex(cue) + len(cue)
                start += next((len(w) for w in _copulas() if text.startswith(w, start)
                               and names.name_end(text, start + len(w)) > start + len(w)), 0)
            elif not _LIST_SEPARATOR.search(body.rstrip(" \u3000")):
                continue
            items = _list_items(text, start, sentence.start() + clause.end())
            if len(items) == 1 and not (cue == "领导" and start > 2 and text[start - 3] in _LEVEL_CHARS):
                continue  # one name alone only after 市领导/区领导 ...
            good = [_list_item(i, allow_four=bool(cue)) for _, i in items]
            # with a collective word before it, or in a long list of names, a list survives an odd
            # item (an unusual surname, a caption word before it: 大会现场 甲、乙、丙、丁)
            if not any(names.is_name(i) for _, i in items) \
                    or not (all(good) or ((cue or _long_list(items, good)) and 3 * sum(good) >= 2 * len(good))):
                continue
            for (pos, item), ok in zip(items, good):
                if ok:
                    out.append(Mention(pos, pos + len(item), item, "Person", source="persons.list",
                                       confidence=0.8))
    return out


#: Where the clause of a list ends.
_CLAUSE_END = re.compile(r"[，,。；;：:！？!?\n（）()“”\"]")


def _from_titled_lists(doc: Document) -> list[Mention]:
    """Names listed after a post and a copula: 其余市委常委包括甲、乙、丙; 新任副市长为甲、乙."""
    text = doc.text
    out = []
    for t in post_titles(doc).titles:
        if t.kind == BYLINE or t.after_name:
            continue
        copula = next((w for w in _copulas() if text.startswith(w, t.end)), None)
        if copula is None:
            continue
        start = t.end + len(copula)
        close = _CLAUSE_END.search(text, start)
        items = _list_items(text, start, close.start() if close else len(text))
        good = [_list_item(i, allow_four=True) for _, i in items]
        if len(items) < 2 or 3 * sum(good) < 2 * len(good):
            continue  # a single name after 为 is an appointment, read by the title grammar
        out.extend(Mention(pos, pos + len(item), item, "Person", source="persons.titled_list", confidence=0.8)
                   for (pos, item), ok in zip(items, good) if ok)
    return out


#: 以某某同志为核心/为组长: the preposition 以 takes the name as what the clause is built around.
_TAKEN = "以"
#: 等 closing a list of names before 同志/一行 (甲、乙等同志出席).
_LIST_END = "等"
_AS = "为"


def _comrade_named(text: str, start: int, end: int) -> bool:
    """text[start:end], written after a preposition and before 同志, is a name and no word of the
    dictionary other than a name (党员同志, 女同志 name no one)."""
    token = text[start:end]
    return names.preposition_before(text, start) and not (is_word(token) and not word_tag(token).startswith("nr"))


def _taken_as(text: str, start: int, cue_end: int) -> bool:
    return start >= 1 and text[start - 1] == _TAKEN and text.startswith(_AS, cue_end)


def _from_subject_cues(text: str) -> list[Mention]:
    """A name opening a clause, right before 一行/同志 (张某一行来到…); the last of a list
    closed by 等 before the cue (甲、乙、张某等同志: 等 ends the list, not the name), and
    before 等 + the leaders it describes (王某等市领导)."""
    rows = load_table("person_list_cues.tsv")
    cues = [(w, False) for w, k in rows if k == "after"] + [(w, True) for w, k in rows if k == "after_list"]
    out = []
    for cue, needs_list_end in cues:
        for m in re.finditer(re.escape(cue), text):
            closed = text.endswith(_LIST_END, 0, m.start())
            if needs_list_end and not closed:
                continue
            end = m.start() - 1 if closed else m.start()
            for n in (3, 2, 4):
                s = end - n
                if s < 0 or (n == 4 and names.surname_length(text, s) < 2):
                    continue
                opened = names.pause_at(text, s - 1) or _taken_as(text, s, m.end())
                if not opened and not (cue == COMRADE and n < 4 and _comrade_named(text, s, end)):
                    continue
                if _list_item(text[s:end], False):
                    out.append(Mention(s, end, text[s:end], "Person", source="persons.subject",
                                       confidence=0.8))
                    break
    return out


def _from_colon_cues(text: str) -> list[Mention]:
    """A single name after a role word and a colon that names no post: 联系人：张某."""
    cues = [w for w, k in load_table("person_list_cues.tsv") if k == "colon"]
    out = []
    for cue in cues:
        for m in re.finditer(re.escape(cue) + r"\s*[：:]\s*", text):
            end = names.name_end(text, m.end())
            if end > m.end() and names.pause_at(text, end) and _list_item(text[m.end():end], False):
                out.append(Mention(m.end(), end, text[m.end():end], "Person", source="persons.colon",
                                   confidence=0.8))
    return out


@lru_cache(maxsize=1)
def _credit_label() -> re.Pattern[str]:
    """A credit label that names no post (作者, 文, 图) opening a line or after a space or bracket,
    and its separator: 作者：张某 李某, 文/张某, 文｜张某."""
    words = [w for w, k in load_table("person_list_cues.tsv") if k == "credit"]
    return re.compile(rf"(?:^|(?<=[ \u3000（(]))(?:{alternation_of(words)})[ \u3000]*[：:/｜|][ \u3000]*", re.M)


#: Between the names of a credit: spaces or 、.
_CREDIT_GAP = re.compile(r"[ \u3000]*、[ \u3000]*|[ \u3000]+")


def _from_credit_labels(text: str) -> list[Mention]:
    """The names after a credit label, each a whole token closed by a pause."""
    out = []
    for m in _credit_label().finditer(text):
        pos = m.end()
        while (end := _unroled_name_end(text, pos)) is not None and names.pause_at(text, end):
            out.append(_credited(text, pos, end))
            gap = _CREDIT_GAP.match(text, end)
            if gap is None:
                break
            pos = gap.end()
    return out


#: Verbs of saying after a quoted person's name (负责人张某介绍).
_SAYS = ("说", "介绍", "表示", "告诉", "坦言", "感慨", "笑着说", "算了一笔账")


def _from_speaker_cues(text: str) -> list[Mention]:
    """A single name after a role word that is no post and before a verb of saying:
    项目负责人张某介绍, 村民李某说."""
    cues = [w for w, k in load_table("person_list_cues.tsv") if k == "speaker"]
    out = []
    for cue in cues:
        for m in re.finditer(re.escape(cue), text):
            end = names.name_end(text, m.end())
            if end > m.end() and text.startswith(_SAYS, end) and _list_item(text[m.end():end], False):
                out.append(Mention(m.end(), end, text[m.end():end], "Person", source="persons.speaker",
                                   confidence=0.8))
    return out


#: A verb of saying that opens reported speech (李某说，… / 李某最后说，…): an adverb may stand
#: between the name and the verb, a comma or colon follows it.
_REPORTED = re.compile(rf"(?:最后|还|也|又|同时)?(?:{'|'.join(_SAYS[:4])}|指出|强调)[，,：:]")


def _from_reported_speech(text: str) -> list[Mention]:
    """A name that opens a clause and says something: 李某说，… / 李某最后说，…; a word of the
    dictionary that is no name (文章指出，公告称) and a surname with an address form (陈总) are no speaker."""
    out = []
    for m in _REPORTED.finditer(text):
        for n in (3, 2):
            s = m.start() - n
            token = text[s:m.start()]
            if s < 0 or not names.pause_at(text, s - 1) or names.name_end(text, s) < m.start() \
                    or not _list_item(token, False) or (is_word(token) and not word_tag(token).startswith("nr")) \
                    or names.is_stop_word(token[names.surname_length(token, 0):]):  # 陈总说: an address form
                continue
            out.append(Mention(s, m.start(), token, "Person", source="persons.reported", confidence=0.8))
            break
    return out


#: A name opening a credit bracket, spaced from the byline that follows: （张某 某某日报记者 李某）.
_CREDIT_OPENING = re.compile(r"[（(]\s*")
_REST_OF_BRACKET = re.compile(r"[^（）()\n]*[）)]")


def _from_credit_openings(text: str, byline_starts: frozenset[int]) -> list[Mention]:
    """An unroled name first in a credit bracket, before a byline role in the same bracket."""
    title_starts = sorted(byline_starts)
    out = []
    for m in _CREDIT_OPENING.finditer(text):
        end = _unroled_name_end(text, m.end())
        if end is None:
            continue
        after = end
        while after < len(text) and text[after] in " \u3000":
            after += 1
        if after == end:
            continue
        close = _REST_OF_BRACKET.match(text, after)
        first = bisect_left(title_starts, after)  # a byline title in the bracket, after the name
        if close and first < len(title_starts) and title_starts[first] < close.end():
            out.append(_credited(text, m.end(), end))
    return out


def _unroled_name_end(text: str, start: int) -> int | None:
    """The end of a name written alone (no title) at ``start``, if one is there."""
    end = names.name_end(text, start)
    return end if end > start and _list_item(text[start:end], False) else None


def _credited(text: str, start: int, end: int) -> Mention:
    return Mention(start, end, text[start:end], "Person", source="persons.credit", confidence=0.8)


#: A dateline bracket holding only the author's name: 本网讯（张某）, 某某在线某地消息（张某）,
#: 某某网某地3月1日电 （张某）.
_DATELINE_CREDIT = re.compile(r"(?:讯|消息|日电)\s*[（(]\s*")
_BRACKET_CLOSE = re.compile(r"\s*[）)]")


def _from_dateline_credits(text: str) -> list[Mention]:
    out = []
    for m in _DATELINE_CREDIT.finditer(text):
        end = _unroled_name_end(text, m.end())
        if end is not None and _BRACKET_CLOSE.match(text, end):
            out.append(_credited(text, m.end(), end))
    return out


#: A bracket closing a paragraph that holds only names, parted by spaces or 、: the authors'
#: credit at an article's end (（张某  李某）, （张某、李某）, and OCR's 徐 峰 for 徐峰).
_CLOSING_CREDIT = re.compile(r"[（(]([\u3400-\u9fff]{1,4}(?:[ \u3000、]+[\u3400-\u9fff]{1,4}){0,5})[）)][ \u3000]*(?:\n|$)")
_CREDIT_PART = re.compile(r"[\u3400-\u9fff]+")


def _credit_names(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """(start, end) of each name of a closing credit in text[start:end], a surname spaced from
    its given name joined to it (徐 峰); None unless every part is a whole name."""
    parts = [(p.start(), p.end()) for p in _CREDIT_PART.finditer(text, start, end)]
    spans, i = [], 0
    while i < len(parts):
        s, e = parts[i]
        if e - s == 1 and i + 1 < len(parts) and parts[i + 1][1] - parts[i + 1][0] <= 2 \
                and "、" not in text[e:parts[i + 1][0]] and names.surname_length(text, s) == 1:
            joined = text[s] + text[parts[i + 1][0]:parts[i + 1][1]]
            if not _list_item(joined, False):
                return None
            spans.append((s, parts[i + 1][1]))
            i += 2
            continue
        if _unroled_name_end(text, s) != e:
            return None  # every part a whole name, or none is taken: （资料图片）, （北京）
        spans.append((s, e))
        i += 1
    return spans


def _from_closing_credits(text: str) -> list[Mention]:
    out = []
    for m in _CLOSING_CREDIT.finditer(text):
        spans = _credit_names(text, m.start(1), m.end(1))
        if not spans:
            continue
        if len(spans) == 1 and is_word(text[spans[0][0]:spans[0][1]]) \
                and not word_tag(text[spans[0][0]:spans[0][1]]).startswith("nr"):
            continue  # （周刊）: a word of the dictionary alone, not a name in it, is no credit
        out.extend(_credited(text, s, e) for s, e in spans)
    return out


#: A CV opens with the name, then the sex: 张某某，男，汉族，1970年1月生.
_PROFILE = re.compile(r"(?:^|(?<=[\n。，,：:]))\s*(?P<name>[\u3400-\u9fff]{2,4})[，,](?:男|女)[，,]")


def _from_profiles(text: str) -> list[Mention]:
    out = []
    for m in _PROFILE.finditer(text):
        name = m.group("name")
        if names.is_name(name, allow_four=True) and not gazetteer.is_place(name):
            out.append(Mention(m.start("name"), m.end("name"), name, "Person", source="persons.profile",
                               confidence=0.9))
    return out


@lru_cache(maxsize=1)
def _theory_endings() -> re.Pattern[str]:
    return re.compile(alternation_of(load_lines("person_theories.txt")))


def _from_theories(text: str) -> list[Mention]:
    """The leader a theory is named after: 以某某新时代中国特色社会主义思想为指导
    (kg/data/person_theories.txt)."""
    out = []
    for m in _theory_endings().finditer(text):
        for n in (3, 2):
            s = m.start() - n
            if s >= 0 and names.name_end(text, s) == m.start() and _list_item(text[s:m.start()], False):
                out.append(Mention(s, m.start(), text[s:m.start()], "Person", source="persons.theory",
                                   confidence=0.85))
                break
    return out


def _propagate(text: str, found: list[Mention]) -> list[Mention]:
    """Every other occurrence of a name found with evidence."""
    seen = {(m.start, m.end) for m in found}
    out = []
    for name in {m.text for m in found}:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if (start, end) not in seen:
                out.append(Mention(start, end, name, "Person", source="persons.propagated", confidence=0.85))
            start = text.find(name, end)
    return out


def recognize_persons(doc: Document) -> list[Mention]:
    text = doc.text
    found = (_from_titles(doc) + _from_lists(text) + _from_titled_lists(doc) + _from_subject_cues(text) + _from_colon_cues(text) + _from_credit_labels(text)
             + _from_speaker_cues(text) + _from_reported_speech(text) + _from_credit_openings(text, post_titles(doc).byline_starts) + _from_dateline_credits(text)
             + _from_closing_credits(text) + _from_profiles(text)
             + _from_theories(text))
    return found + _propagate(text, found)
