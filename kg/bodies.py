"""The grammar of government bodies (Party, government, congress, CPPCC, court and
procuratorate bodies, their departments and management committees): shared language
knowledge, read by the GovOrg recognizer (kg/ner/govorgs.py), the title grammar
(kg/ner/titles.py) and the relations (kg/relations/posts.py, time_facts.py).

Grammar (knowledge in kg/data/govorg_*.tsv/txt):

    GOVORG := NATIONAL SUB*                      党中央, 国家统计局, 国务院办公厅
            | PREFIX (CORE | DEPT | CENTER) SUB*  重庆市委, 区人大常委会, 市经信委
            | CENTER SUB*                        数字化城市运行和治理中心
    PREFIX := (中共|政协)? place name(s) from the gazetteer   中共重庆市委, 江津区, 昌吉州
            | town/village name + 镇/乡/街道/村/社区   石沱镇
            | 中共? zone name + (党工委|管委会|工作委员会)   长寿经开区党工委
            | level word                         市, 区, 新区, 自治区
            followed by an optional term 第N届      某市第九届人民代表大会
    DEPT   also: two department stems joined by 和/与   新区科技和人才局
    CENTER also: a level word + a 2-6 character qualifier + a centre head   县招商投资服务中心
    SUB    := DEPT | 办公室 | 办 | a unit ending in 站/中心/分局/大队...   区委宣传部, 市检察院案件管理中心

An OCR line break between the place and the body is crossed (重庆市\n\n人力社保局).
Departments listed bare after a prefixed body share its prefix (区党政办、经发局相关负责同志),
and a zone committee with no zone name before it takes 区 as its level (在区管委会召开).

Every body in a chain is a body of its own (区委 and 区委宣传部: nesting is
allowed).  A committee of the Youth League or a democratic party (共青团重庆市委,
团区委) is no government body.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg import gazetteer
from kg.boundary import left_boundary, stop_ends_at
from kg.lexicon import load_lines, load_set, load_table
from kg.model import Body, Document

CJK = "\u3400-\u9fff"
#: Party committees and governments that, written bare (市委, 区政府), are part of a title.
FUSABLE = {"委", "党委", "党工委", "工委", "党支部", "党总支", "政府", "人民政府"}
#: Party branches, which may have a name of their own (“某某党支部”) instead of a place.
BRANCHES = {"党支部", "党总支"}
#: Bodies that name a development zone's Party or management committee.
ZONE_BODIES = {"党工委", "工委", "工作委员会", "管委会", "管委", "管理委员会"}
#: Last characters of a zone's name (…区, …城, …园, …基地): a level word there is part of the name.
_ZONE_CHARS = ("区", "城", "园", "基地")
_ZONE_END = re.compile(r"(?:高新区|经开区|开发区|新区|工业园区|园区|科学城|保税区|示范区|试验区|基地)$")
_TOWN_END = re.compile(rf"[{CJK}]{{2,3}}(镇|乡|街道|村|社区)$")
#: Words for "our/every/this" that stand before a level word: 我区, 全市, 该镇.
_OUR = set("我本全各该每")
_LEVEL_CHARS = "州市县区旗盟"
#: Levels of the autonomous areas, written after a short form of their name.
_AUTONOMOUS_LEVELS = ("自治区", "自治州", "自治县", "自治旗")
CJK_RE = re.compile(rf"[{CJK}]")
_ORDINAL = re.compile("第[一二三四五六七八九十]+")
#: The term of a congress or committee, between its place and its name: 某市第七届人大常委会, 某区六届人大常委会.
_TERM = re.compile("第?[一二三四五六七八九十百0-9]+届$")
_BREAK_IN_NAME = re.compile(rf"(?<=[{CJK}])\s*\n\s*$")
#: A sub-unit of a body named by its function: 农村经济经营管理站, 案件管理中心.
#: A committee of a congress (…常务委员会代表资格审查委员会) is a sub-unit too.
_SUB_UNIT = re.compile(rf"[{CJK}]{{4,10}}?(?:站|中心)|[{CJK}]{{2,6}}?(?:分局|派出所|大队|支队)"
                       rf"|[{CJK}]{{2,8}}?委员会")


@lru_cache(maxsize=1)
def _functional_unit() -> re.Pattern[str]:
    """A unit named by its function and followed by a post held in it: 甲乙司副司长, 丙丁办科长,
    甲乙处一级调研员 (kg/data/govorg_unit_heads.tsv); the unit in group ``unit``."""
    rows = load_table("govorg_unit_heads.tsv")
    units = "|".join(f"[{CJK}]{{2,6}}?{re.escape(end)}(?=(?:常务|[一二三四]级)?副?(?:{heads}))" for end, heads in rows)
    return re.compile(f"(?P<unit>{units})")


#: Words that open a phrase about unnamed units, not a unit's name: 相关专门委员会.
_UNNAMED_UNITS = ("相关", "有关", "各", "全体", "所属")
#: Words that may follow the last body of a list (经发局相关负责同志, 财政局等部门).
_AFTER_LIST = ("相关", "有关", "等", "负责", "主要", "和", "及")
#: Characters that never occur inside a body's own name (verbs, function words).
_NOT_IN_NAME = set("的了在是与及等为对向从把被将也就都又还而或但说称要到赴率")


@lru_cache(maxsize=1)
def body_kinds() -> dict[str, str]:
    """Body name -> kind (core, dept, sub, center, national), from govorg_bodies.tsv."""
    return {name: kind for name, kind in load_table("govorg_bodies.tsv")}


@lru_cache(maxsize=1)
def _body_regex() -> re.Pattern[str]:
    """All body names; a central team may carry an ordinal (中央第六生态环境保护督察组)."""
    names = sorted(body_kinds(), key=len, reverse=True)
    return re.compile("|".join(
        f"中央(?:{_ORDINAL.pattern})?{re.escape(n[2:])}" if n.startswith("中央") and len(n) > 4 else re.escape(n)
        for n in names))


def _kind(name: str) -> str:
    """The kind of a matched body name (an ordinal removed)."""
    return body_kinds()[_ORDINAL.sub("", name) if name.startswith("中央第") else name]


@lru_cache(maxsize=1)
def level_words() -> tuple[str, ...]:
    """市, 区, 自治区 ... longest first."""
    return tuple(sorted(load_lines("govorg_levels.txt"), key=len, reverse=True))


def _level_before(text: str, s: int) -> int:
    """Start of a level word (市, 自治区 ...) ending at ``s``, or ``s``."""
    stops = load_set("govorg_level_stops.txt")
    for level in level_words():
        p = s - len(level)
        if p >= 0 and text[p:s] == level:
            for n in (3, 2, 1):
                if p - n >= 0 and text[p - n:s] in stops:
                    return s
            return p
    return s


def _foreign_committee(text: str, p: int) -> bool:
    """A committee of the Youth League or a democratic party: 共青团重庆市委, 团区委."""
    stops = load_set("govorg_level_stops.txt")
    return any(p - n >= 0 and text[p - n:p] in stops for n in (4, 3, 2, 1))


def _prefix_start(text: str, s: int, body: str, kind: str = "") -> tuple[int, bool]:
    """(start, bare) of the prefix of a body starting at ``s``; start == s if none."""
    kind = kind or _kind(body)
    term = _TERM.search(text, max(0, s - 8), s)
    if term:  # 某市第七届人大常委会: the place is written before the term
        start, bare = _prefix_start(text, term.start(), body, kind)
        return (start, bare) if start < term.start() else (s, False)
    window_start = max(0, s - 24)
    window = text[window_start:s]
    p = len(window)
    # an OCR line or page break inside the name: 重庆市\n\n人力社保局
    gap = _BREAK_IN_NAME.search(window)
    if gap and len(window) - gap.start() <= 4:
        p = gap.start()
    while p > 0:  # a chain of places: 重庆市江津区
        q = gazetteer.ends_with_place(window[:p])
        # a short form + level: 昌吉州, 黔东南州, 务川自治县 (for 务川仡佬族苗族自治县)
        level = next((lv for lv in (*_AUTONOMOUS_LEVELS, *_LEVEL_CHARS) if window.endswith(lv, 0, p)), "")
        if level and p > len(level):
            short = gazetteer.ends_with_place(window[:p - len(level)])
            q = min(q, short) if short < p - len(level) else q
        if q == p:
            break
        p = q
    if p < (gap.start() if gap else len(window)):
        p = window_start + p
        # 中共重庆市委, 政协重庆市委员会: the Party or the CPPCC named before the place
        return (p - 2 if text[max(0, p - 2):p] in ("中共", "政协") else p), False
    if body in ZONE_BODIES and window.endswith(_ZONE_CHARS):
        zone = _ZONE_END.search(window)
        start = _zone_start(text, window_start + zone.start(), window_start) if zone else None
        if start is None:
            start = _zone_start(text, s - 1, window_start)
        if start is not None and text[max(0, start - 2):start] == "中共":
            start -= 2  # 中共某某新区工作委员会
        if start is not None:
            return start, False
        # no zone name: 区 is a level word (在区管委会召开: the zone's own committee)
    town = _town_before(window)
    if town < len(window):
        return window_start + town, False
    level = _level_before(text, s)
    if level < s:
        if kind == "center" and level > 0 and text[level - 1] in _OUR:
            return s, False  # 我区数字化城市运行和治理中心: the centre's own name
        return level, True
    return s, False


def _zone_start(text: str, suffix: int, floor: int) -> int | None:
    """Start of a development zone's name ending in a zone suffix at ``suffix``:
    from its first place name (出任重庆两江新区 -> 重庆两江新区), else back to the
    phrase boundary when that is short."""
    start = left_boundary(text, suffix, "K", floor=floor)
    lo = start  # a place the boundary cut into: 保|定高新区
    while lo > max(floor, start - 3) and CJK_RE.match(text[lo - 1]):
        lo -= 1
    for i in range(lo, suffix):
        if gazetteer.match_place(text, i) > i:
            # a zone named after another keeps it: 西部科学城重庆高新区
            return start if start < i and _ZONE_END.search(text[start:i]) else i
    at_pause = start == floor or not CJK_RE.match(text[start - 1])
    return start if 0 < suffix - start and (suffix - start <= 6 or at_pause) else None


def _town_before(window: str) -> int:
    """Start of a town, township, sub-district or village name ending ``window``
    (two characters, or three right after a pause: 由保太镇 -> 保太镇)."""
    m = _TOWN_END.search(window)
    if not m or load_set("govorg_level_stops.txt") & {window[-2:]}:
        return len(window)
    stops = load_set("name_stop_words.txt")
    suffix = m.start(1)
    starts = [suffix - 2]
    if suffix - m.start() == 3 and (m.start() == 0 or not CJK_RE.match(window[m.start() - 1])):
        starts.insert(0, m.start())
    for start in starts:
        name = window[start:]
        if name[0] in _OUR or _NOT_IN_NAME & set(name) or window[start:suffix] in stops \
                or (start > 0 and window[start - 1:start + 1] in stops):
            continue
        return start
    return len(window)


def _extend(text: str, end: int) -> int:
    """End of a sub-body written right after a body ending at ``end``, or ``end``."""
    m = _body_regex().match(text, end)
    if m and _kind(m.group()) in ("dept", "sub", "center"):
        return m.end()
    m = _functional_unit().match(text, end)
    if m and not (_NOT_IN_NAME | _BODY_CHARS) & set(m.group()[:-1]):
        return m.end()
    m = _SUB_UNIT.match(text, end)
    stem = m.group().removesuffix("委员会") if m else ""
    # a committee's name may hold 代表 (代表资格审查委员会); 相关专门委员会 names none
    committee = stem != m.group() and not stem.startswith(_UNNAMED_UNITS) if m else False
    if m and not (_NOT_IN_NAME & set(m.group())) and not _body_regex().search(stem) \
            and (committee or not any(stop_ends_at(text, i, "O") for i in range(end + 2, m.end() + 1))):
        return m.end()
    return end


#: A department named by two stems joined by 和/与: the 和 and the second stem (科技和人才局).
_COMPOUND_DEPT = re.compile(rf"[和与][{CJK}]{{2,4}}?(?:局|厅|委员会)")
#: Characters of body names and levels, never inside one stem of a compound name
#: (市发改委和市经信委 is two bodies).
_BODY_CHARS = load_set("body_place_chars.txt")


@lru_cache(maxsize=1)
def _qualified_heads() -> re.Pattern[str]:
    heads = sorted((n for n, k in load_table("govorg_qualified_heads.tsv") if k == "center"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, heads)))


def _qualified(text: str, q_end: int, end: int, lengths: range, kind: str) -> Body | None:
    """A body whose qualifier of ``lengths`` characters ends at ``q_end`` and follows a
    place or level prefix: 县[招商投资]服务中心, 新区[科技]和人才局."""
    for k in lengths:
        q = q_end - k
        qualifier = text[q:q_end]
        if q < 0 or not CJK_RE.fullmatch(qualifier[0]) or (_NOT_IN_NAME | _BODY_CHARS) & set(qualifier) \
                or not all(CJK_RE.match(c) for c in qualifier):
            continue
        start, bare = _prefix_start(text, q, "", kind)
        if start < q and not _foreign_committee(text, start):
            return Body(start, end, kind, False)
    return None


@lru_cache(maxsize=1)
def company_suffixes() -> tuple[str, ...]:
    """Legal suffixes of company names (kg/data/title_body_suffixes.txt), shared with the title grammar."""
    return tuple(row[0] for row in load_table("title_body_suffixes.txt") if row[1:] == ("company",))


def _qualified_bodies(text: str) -> list[Body]:
    out = []
    for m in _COMPOUND_DEPT.finditer(text):
        if not (_NOT_IN_NAME | _BODY_CHARS) & set(m.group()[1:-1]):
            out.append(_qualified(text, m.start(), m.end(), range(2, 5), "dept"))
    for m in _qualified_heads().finditer(text):
        out.append(_qualified(text, m.start(), m.end(), range(2, 7), "center"))
    # 某某服务中心有限公司 is a company
    return [b for b in out if b is not None and not text.startswith(company_suffixes(), b.end)]


def _named_branch_start(text: str, s: int) -> int:
    """Start of a Party branch's own name written in quotes (“某某党支部”), else ``s``."""
    start = left_boundary(text, s, "O", max_len=8)
    end = s + len(next(b for b in BRANCHES if text.startswith(b, s)))
    if 2 <= s - start <= 6 and start > 0 and text[start - 1] in "“\"「‘" and text[end:end + 1] in "”\"」’" \
            and not (_NOT_IN_NAME & set(text[start:s])):
        return start
    return s


#: The state's full name, written before the full names of its ministries.
_STATE_NAME = "中华人民共和国"


def document_bodies(doc: Document) -> tuple[Body, ...]:
    """The bodies of ``doc``'s text (``find_bodies``): read once, by whichever of its readers (the
    GovOrg and title recognizers) comes first, and kept on the document."""
    if doc.bodies is None:
        doc.bodies = tuple(find_bodies(doc.text))
    return doc.bodies


def find_bodies(text: str) -> list[Body]:
    """Every body of the grammar in ``text``, bare ones included, chains as nested bodies."""
    out: list[Body] = _qualified_bodies(text)
    unprefixed: list[tuple[int, int]] = []  # departments written with no prefix
    for m in _body_regex().finditer(text):
        s, e, name = m.start(), m.end(), m.group()
        kind = _kind(name)
        if kind == "sub" or (name == "委" and text.startswith("员", e)):
            continue  # 委员 is a post
        if kind == "national":  # 中华人民共和国工业和信息化部: the state's name opens the ministry's
            start, bare = (s - len(_STATE_NAME) if text.endswith(_STATE_NAME, 0, s) else s), False
        else:
            start, bare = _prefix_start(text, s, name)
            if start == s and name in BRANCHES:
                start = _named_branch_start(text, s)
            if start == s and kind != "center":
                if kind == "dept":
                    unprefixed.append((s, e))
                continue
            if _foreign_committee(text, start):
                continue
        bare = bare and name in FUSABLE
        out.append(Body(start, e, kind, bare))
        while (nxt := _extend(text, e)) > e:
            e = nxt
            out.append(Body(start, e, "sub", False))
    listed = _listed_departments(text, out)
    return out + listed + _unprefixed_department_lists(text, unprefixed, {b.start for b in out + listed})


#: Words a list of departments may follow without a pause (领导及党政办、财政局负责同志).
_BEFORE_LIST = ("及", "和", "与", "由")


def _unprefixed_department_lists(text: str, depts: list[tuple[int, int]], taken: set[int]) -> list[Body]:
    """党政办、财政局负责同志, 发改局、经贸局等单位: two or more departments listed bare, the
    list closed by a word after a list, name bodies of the text's own place though no
    prefix is written (one department alone, 财政局长, stays a word of a title)."""
    out: list[Body] = []
    i = 0
    while i < len(depts):
        run = [depts[i]]
        while i + len(run) < len(depts) and depts[i + len(run)][0] == run[-1][1] + 1 \
                and text[run[-1][1]] == "、":
            run.append(depts[i + len(run)])
        i += len(run)
        first, last = run[0][0], run[-1][1]
        opened = first == 0 or not CJK_RE.match(text[first - 1]) or text.endswith(_BEFORE_LIST, 0, first)
        if len(run) >= 2 and opened and text.startswith(_AFTER_LIST, last):
            out.extend(Body(s, e, "dept", False) for s, e in run if s not in taken)
    return out


def _listed_departments(text: str, bodies: list[Body]) -> list[Body]:
    """区党政办、经发局、财政局相关负责同志: departments listed after a prefixed body share its
    prefix, so each is a body of its own though written bare."""
    starts = {b.start for b in bodies}
    out = []
    for body in bodies:
        pos = body.end
        while not body.bare and text.startswith("、", pos):
            m = _body_regex().match(text, pos + 1)
            if not m or _kind(m.group()) != "dept" or m.start() in starts:
                break
            # the name ends here: a pause or a word after a list (not 财政局长, a post)
            if CJK_RE.match(text[m.end():m.end() + 1]) and not text.startswith(_AFTER_LIST, m.end()):
                break
            out.append(Body(m.start(), m.end(), "dept", False))
            starts.add(m.start())
            pos = m.end()
    return out
