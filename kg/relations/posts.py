"""holds_post and member_of: who holds which post, in which body.

Title mentions (type ``Title``, from kg/ner/titles.py) attach to a Person
  - before the name, as a chain split by 、 and , (区委副书记、区长赵光平), also in
    list headings with a space (市委常委、万州区委书记 卢红) and bylines where one
    role serves several names (记者 邓浩 陈俊攸);
  - right after the name (习近平总书记) or in parentheses after it;
  - around a personnel verb (kg/data/post_verbs.tsv, read by kg/ner/titles.py):
    张三同志任区委书记, 补选张三为…代表, 时任区委书记的张三; not 张三同志不再担任…;
  - in a clause that opens with such a verb and names nobody (a CV: 张三，男，…。曾任…、…，
    2018年12月任…; ，后兼任…): to the last person named shortly before.
A body mention written right before a title belongs to it (重庆日报 + 记者 ->
重庆日报记者), and so do newsrooms joined by a middle dot (某某报·某某客户端记者: both);
该公司/公司 before a title stands for the company named shortly before;
a post on a project (某某集团某某大厦项目经理) is held in the company opening the phrase.
member_of goes to every body named inside the chain's titles, except bare bodies
fused into a title (市委常委 names no GovOrg); a later title inherits the opening of
an earlier one (区委常委、政法委书记 -> 区委政法委; 某新片区党工委书记、管委会主任 -> 某新片区
管委会) when the document names the body they make, unless it opens with a level word
or a place of its own (市工商联主席); a body written with its place is one member_of,
not also the body without it; a post in a department of a Party committee or a government is
not held in the committee itself (某市委统战部副部长).  A department or business function
between a company and a title keeps the company (某某有限公司财务部主管, 运营总监); a bare title
in a list after a holder of a post in a body (，副局长乙) or after a body heading the list
(某某公司：董事长甲) is held in that body.
"""
from __future__ import annotations

import re

from kg.lexicon import alternation, load_set
from kg.model import CHAIN_SEPARATORS, CONCURRENT, TITLE, Appointment, Mention, Relation
from kg.bodies import level_words
from kg.names import compact
from kg.relations.context import ORG_TYPES, DocContext, substrings, triggers

PERSON = ("Person",)
#: How far back (characters) 该公司 before a title looks for the company it stands for.
COMPANY_REACH = 200
#: How far back (characters) a CV clause with no name looks for the person it is about.
CARRIED_REACH = 300


def extract_posts(ctx: DocContext) -> list[Relation]:
    out: list[Relation] = []
    found = ctx.doc.post_titles  # the title grammar's reading, found by the entity stage
    appointed: dict[tuple[int, int], list[Appointment]] = {}
    for a in found.appointments:
        appointed.setdefault((a.name_start, a.name_end), []).append(a)
    for person in ctx.of_type("Person"):
        chain, pattern = _titles_before(ctx, person), "title_before_name"
        if not chain:
            chain, pattern = _appointed(ctx, person, appointed)
        if not chain:
            chain, pattern = _titles_after(ctx, person)
        if not chain:
            continue
        _add_posts(ctx, out, person, chain, pattern)
    for verb_start, chain in found.carried:
        person = _subject_before(ctx, verb_start)
        mentions = [m for t in chain for m in ctx.starting_at(t.start, (TITLE,)) if m.end == t.end]
        if person is not None and len(mentions) == len(chain):
            _add_posts(ctx, out, person, [_with_body_before(ctx, m) for m in mentions], "carried")
    return out


def _add_posts(ctx: DocContext, out: list[Relation], person: Mention, chain: list[Mention],
               pattern: str) -> None:
    titles = [t for raw in chain for t in _split_title(ctx, raw)]
    evidence = ctx.evidence(person, *titles)
    for title in titles:
        out.append(ctx.relation(person, "holds_post", title, pattern, evidence))
    bodies = _bodies(ctx, titles)
    if not bodies:
        bodies = _company_named_before(ctx, titles[0])
    if not bodies:
        bodies = next((b for t in titles if (b := _company_of_project_post(ctx, t))), [])
    if not bodies and pattern == "title_before_name":
        bodies = _body_of_list_before(ctx, titles)
    if not bodies and pattern == "title_after_name":
        bodies = _body_right_before(ctx, person)
    for body in bodies:
        out.append(ctx.relation(person, "member_of", body, pattern + ".body", evidence))


#: The kinds of body a name written right after one works in (某某大学张某教授, 某某部张某部长).
HOLDING_BODIES = ("GovOrg", "Enterprise", "Organization")


def _body_right_before(ctx: DocContext, person: Mention) -> list[Mention]:
    """某某集团张某工程师, 某某部张某部长: the body written right before a name whose post
    follows it is where the post is held (the longest body ending there)."""
    bodies = [m for m in ctx.ending_at(person.start, HOLDING_BODIES) if ctx.is_outermost(m)]
    return bodies[:1]


def _company_named_before(ctx: DocContext, title: Mention) -> list[Mention]:
    """该公司董事长某某, 公司总经理某某: the company named shortly before, in the same paragraph."""
    pos = ctx.skip_space_left(title.start)
    word = next((w for w in triggers("company_anaphor") if ctx.text.endswith(w, 0, pos)), None)
    if word is None:
        return []
    start = pos - len(word)
    paragraph = ctx.text.rfind("\n", max(0, start - COMPANY_REACH), start) + 1  # no further back than the reach
    companies = [m for m in ctx.inside(max(paragraph, start - COMPANY_REACH), start, ("Enterprise",))
                 if ctx.is_outermost(m)]
    return companies[-1:]


#: How far back (characters) a post on a project looks for the company named before the project.
PROJECT_POST_REACH = 30
#: What a phrase naming a company and its project is made of (某某集团某某大厦(一期)项目部).
_PHRASE_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9（）()×·]")


def _company_of_project_post(ctx: DocContext, title: Mention) -> list[Mention]:
    """某某集团某某大厦项目经理张某, 某某公司某某隧道项目部经理张某: a post on a project (``project_post``
    of kg/data/relation_triggers.tsv) is held in the company that opens the phrase naming the project."""
    if not ctx.text.endswith(triggers("project_post"), 0, title.end):
        return []
    start = title.start
    floor = max(0, start - PROJECT_POST_REACH)
    while start > floor and _PHRASE_CHAR.match(ctx.text, start - 1):
        start -= 1
    companies = [m for m in ctx.inside(start, title.start, ("Enterprise",)) if ctx.is_outermost(m)]
    return companies[:1]


#: Characters that end the name of a body: a title holding one before its post word names its own.
BODY_CHARS = load_set("body_end_chars.txt")
#: Words that make a deputy's post of a head's (副局长 beside 局长), longest first (常务副 before 副).
DEPUTY_WORDS = triggers("deputy")


#: What parts the holders of a list of posts in one body (某局局长甲、副局长乙; 局长甲，副局长乙).
LIST_SEPARATORS = "、,，"
#: What closes a body written as the heading of the list of its people (某某公司：董事长甲，总经理乙).
HEADING_CLOSERS = "：:"
#: How many holders back a list of posts looks for its body (a list longer than this is rare).
LIST_REACH = 8


def _body_of_list_before(ctx: DocContext, titles: list[Mention], depth: int = 0) -> list[Mention]:
    """某县发改局局长甲、副局长乙; 某会副主委甲，秘书长乙; 某某公司：董事长甲，总经理乙: a bare
    title right after the name of the holder of a post in a body, in one list, is a post in that
    body too, and so is a bare title right after a body written as the list's heading.  Not a
    title opening with a level word (区委书记甲、区长乙: 区长 is the district government's), nor
    a deputy of another post (区委书记甲、副区长乙)."""
    post = compact(titles[0].text)
    pos = ctx.skip_space_left(titles[0].start)
    if len(titles) != 1 or pos == 0 or any(post.startswith(w) for w in level_words()) \
            or set(post[:-2]) & BODY_CHARS:
        return []  # 某局副局长甲、某某资源局副局长乙: a body of its own the recognizers missed
    if ctx.text[pos - 1] in HEADING_CLOSERS:
        return [b for b in ctx.ending_at(ctx.skip_space_left(pos - 1), HOLDING_BODIES) if ctx.is_outermost(b)][:1]
    if ctx.text[pos - 1] not in LIST_SEPARATORS:
        return []
    previous = ctx.ending_at(ctx.skip_space_left(pos - 1), PERSON)
    chain = _titles_before(ctx, previous[0]) if previous else []
    head_post = next((post[len(w):] for w in DEPUTY_WORDS if post.startswith(w)), None)
    if not chain or (head_post and not compact(chain[-1].text).endswith(head_post)):
        return []
    bodies = _bodies(ctx, [t for raw in chain[-1:] for t in _split_title(ctx, raw)])
    if not bodies and depth < LIST_REACH:  # 某某公司：董事长甲，总经理乙，副总经理丙
        return _body_of_list_before(ctx, chain, depth + 1)
    # 市政协经济委主任甲、副主任乙: the committee, not also the body it belongs to
    return [b for b in bodies if not any(o is not b and compact(o.text).startswith(compact(b.text)) for o in bodies)]


def _subject_before(ctx: DocContext, pos: int) -> Mention | None:
    """The person a clause with no name is about: the last one named shortly before."""
    return max(ctx.inside(pos - CARRIED_REACH, pos, PERSON), key=lambda p: p.end, default=None)


def _appointed(ctx: DocContext, person: Mention,
               appointed: dict[tuple[int, int], list[Appointment]]) -> tuple[list[Mention], str]:
    """Titles a personnel verb gives this name: 某某同志任…, 补选某某为…, 时任…的某某."""
    for a in appointed.get((person.start, person.end), ()):
        if a.titles:
            chain = [m for t in a.titles for m in ctx.starting_at(t.start, (TITLE,)) if m.end == t.end]
            if len(chain) == len(a.titles):
                return [_with_body_before(ctx, m) for m in chain], f"appointed.{a.pattern}"
    return [], ""


def _titles_before(ctx: DocContext, person: Mention, depth: int = 0) -> list[Mention]:
    pos = ctx.skip_space_left(person.start)
    if pos > 0 and ctx.text[pos - 1] in "：:|｜/":  # 编辑:某某 一审:某某, 编辑 | 某某, 记者/某某
        pos = ctx.skip_space_left(pos - 1)
    title = _title_ending_at(ctx, pos)
    if title is None:
        # A role serves every name after it: 记者 邓浩 陈俊攸, 管委会副主任王某、李某, and a name
        # glued to the one before it (记者 王某某李某).
        if depth < 6 and pos > 0 and (ctx.text[pos - 1] == "、" or _last_of_a_list(ctx, pos)):
            pos = ctx.skip_space_left(pos - 1)
        if depth < 6:
            for prev in ctx.ending_at(pos, PERSON):
                return _titles_before(ctx, prev, depth + 1)
        return []
    chain = [title]
    while True:
        pos = ctx.skip_space_left(chain[0].start)
        if pos > 0 and ctx.text[pos - 1] in CHAIN_SEPARATORS + CONCURRENT:
            prev = _title_ending_at(ctx, ctx.skip_space_left(pos - 1))
        elif 0 < pos < chain[0].start and ctx.text[pos - 1] != "\n":
            prev = _title_ending_at(ctx, pos)  # 某委党组成员 副主任 某某: titles parted by a space
        else:
            break
        if prev is None:
            break
        chain.insert(0, prev)
    return chain


#: What joins the last name of a list to the others (副市长甲、乙和丙).
LAST_JOINERS = "和及"


def _last_of_a_list(ctx: DocContext, pos: int) -> bool:
    """A name after 和/及 at ``pos - 1`` closes a list of names parted by 、 (甲、乙和丙), not a
    phrase of two (区长甲和企业家乙: 乙 holds no 区长)."""
    if ctx.text[pos - 1] not in LAST_JOINERS:
        return False
    previous = ctx.ending_at(pos - 1, PERSON)
    before = ctx.skip_space_left(previous[0].start) if previous else 0
    return before > 0 and ctx.text[before - 1] == "、"


def _titles_after(ctx: DocContext, person: Mention) -> tuple[list[Mention], str]:
    after = _title_starting_at(ctx, person.end)
    if after is not None:
        return [after], "title_after_name"
    if person.end < len(ctx.text) and ctx.text[person.end] in "（(":
        chain = _chain_from(ctx, person.end + 1)
        pos = ctx.skip_space(chain[-1].end) if chain else 0
        if chain and pos < len(ctx.text) and ctx.text[pos] in "）)":
            return chain, "title_in_parentheses"
    return [], ""


def _chain_from(ctx: DocContext, pos: int) -> list[Mention]:
    """Titles written one after another from ``pos``, split by 、 and ,."""
    chain: list[Mention] = []
    while (t := _title_starting_at(ctx, ctx.skip_space(pos))) is not None:
        chain.append(t)
        pos = ctx.skip_space(t.end)
        if pos < len(ctx.text) and ctx.text[pos] in CHAIN_SEPARATORS:
            pos += 1
        else:
            break
    return chain


def _title_ending_at(ctx: DocContext, pos: int) -> Mention | None:
    """The Title ending at ``pos``, widened to a body mention written right before it."""
    titles = ctx.ending_at(pos, (TITLE,))
    return _with_body_before(ctx, titles[0]) if titles else None


def _title_starting_at(ctx: DocContext, pos: int) -> Mention | None:
    titles = ctx.starting_at(pos, (TITLE,))
    return titles[0] if titles else None


#: An office of a body no recognizer named, or a company's business function, between the body
#: and a title (某委协同办科长, 某某有限公司财务部主管, 某某有限公司运营总监).
UNIT = re.compile(rf"[\u4e00-\u9fff]{{1,4}}?(?:{alternation('office_endings.txt')})|(?:{alternation('post_functions.txt')})")


#: What joins two bodies written before one title (某某报·某某客户端记者).
JOINED_BODIES = "·•"


def _with_body_before(ctx: DocContext, title: Mention) -> Mention:
    bodies = [b for b in ctx.ending_at(title.start, ORG_TYPES) if b.type != TITLE]
    if not bodies:  # 某委协同办科长, 某某公司运营总监: the body before the office or function
        bodies = [b for k in range(2, min(8, title.start + 1)) if UNIT.fullmatch(ctx.text, title.start - k, title.start)
                  for b in ctx.ending_at(title.start - k, ORG_TYPES)][:1]
    if not bodies:
        return title
    start = bodies[0].start
    # 某某报·某某客户端记者: newsrooms joined by a middle dot are one desk, the post held in each
    while start > 0 and ctx.text[start - 1] in JOINED_BODIES and (joined := ctx.ending_at(start - 1, HOLDING_BODIES)):
        start = joined[0].start
    return Mention(start, title.end, ctx.text[start:title.end], TITLE, source=title.source,
                   confidence=title.confidence)


def _split_title(ctx: DocContext, title: Mention) -> list[Mention]:
    """A title mention covering several posts (市委常委、秘书长) split at 、 and ,."""
    parts: list[Mention] = []
    start = title.start
    for i in range(title.start, title.end + 1):
        if i == title.end or ctx.text[i] in CHAIN_SEPARATORS:
            s, e = ctx.skip_space(start), ctx.skip_space_left(i)
            if e > s:
                parts.append(title if (s, e) == (title.start, title.end)
                             else Mention(s, e, ctx.text[s:e], TITLE, source=title.source))
            start = i + 1
    return parts


def _inherited_names(head: str, rest: str) -> set[str]:
    """Every opening of title ``head`` (two characters or more, not all of it) followed by an
    opening of title ``rest`` (two characters or more): the bodies the two titles may make
    together, built from the titles instead of testing every name of the document."""
    return {head[:k] + rest[:j] for k in range(2, len(head)) for j in range(2, len(rest) + 1)}


def _bodies(ctx: DocContext, titles: list[Mention]) -> list[Mention]:
    """Bodies the titles name: mentions inside them, or names the document uses elsewhere."""
    bare = load_set("relation_bare_bodies.txt")
    bare_endings = tuple(bare)
    org_names = ctx.org_names
    found: dict[str, Mention] = {}
    named_in: dict[str, set[int]] = {}  # the titles each body is named in
    for i, title in enumerate(titles):
        for m in ctx.inside(title.start, title.end, ORG_TYPES):
            if compact(m.text) not in bare:
                found.setdefault(compact(m.text), m)
                named_in.setdefault(compact(m.text), set()).add(i)
        text = compact(title.text)
        for name in sorted(substrings(text) & org_names):  # org_names can be many: look up, not scan
            if name in bare:
                continue
            named_in.setdefault(name, set()).add(i)
            if text != name and name not in found:
                typ = next(t for t in ORG_TYPES if name in ctx.texts_by_type.get(t, ()))
                found[name] = ctx.first_mention(name, (typ,)) or Mention(
                    title.start, title.end, name, typ, source="relations.posts")
    # 区委常委、政法委书记 -> 区委政法委; 某某区委常委、统战部部长 -> 某某区委统战部; 某某新片区党工委
    # 书记、管委会主任 -> 某某新片区管委会: a later title inherits the opening of the first one
    # (two characters or more) when the document names the body they make together.
    # A later title that opens with a level word or a place (市工商联主席) names its own body.
    levels = level_words()
    for i, title in enumerate(titles[1:], 1):
        rest = compact(title.text)
        if any(rest.startswith(w) for w in levels) or ctx.ending_at(title.start, ("Place",)) \
                or ctx.starting_at(title.start, ("Place",)):
            continue
        for head in (compact(t.text) for t in reversed(titles[:i])):
            inherited = sorted(name for name in _inherited_names(head, rest) & org_names if name not in found)
            for name in inherited:
                typ = next(t for t in ORG_TYPES if name in ctx.texts_by_type.get(t, ()))
                found[name] = ctx.first_mention(name, (typ,))
                named_in[name] = {i}
            if inherited:
                break
    # A company's short name inside its full name is the same company (某某集团 in
    # 某某集团有限公司董事长), and so is a body at the end of its name with the place (市人大常委会
    # in 某某市人大常委会主任): one member_of.  A GovOrg opening a GovOrg is its parent body; a
    # post in a department of a Party committee or a government is not held in the committee or
    # government itself (某市委统战部副部长 is in 某市委统战部 only) unless another title names it
    # (某市委常委、统战部部长); a post in a unit of a department is (某区农业农村委某某站站长).
    return [m for name, m in found.items()
            if m is not None and not any(
                name != other and o is not None and o.type == m.type
                and (other.endswith(name) or (other.startswith(name) and name.endswith(bare_endings)
                                              and named_in[name] <= named_in.get(other, set()))
                     if m.type == "GovOrg" else name in other)
                for other, o in found.items())]
