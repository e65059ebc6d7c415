"""owns_project: the company or institution whose project it is.

- the owner's name written right before the project, or as its first words
  (重庆市鼎喜实业有限责任公司新能源汽车…数字化车间, 康硕集团西南总部基地项目), or inside
  them after the park or place (某某新城某某中央研究院总部项目);
- X的Y项目 (重庆东科模具制造有限公司的…数字化管理);
- a parenthesised list of lead units after the project (…综合体(牵头单位:A、B));
- 由A、B(按照…)(联合)投资建设(的)Y and Y…,由A、B…建设 (every owner of the list),
  X投资建设的Y, X(等)在<place>建设Y and X(计划)投资10亿元建设Y;
- records of a list of projects: 项目名称：P then 建设单位/央企/投资方：E, or both on one line;
- X 实施/打造/揭榜任务 (“)Y, Y是X(在<place>)投资建设的…; 公司/该企业 … 建设/上马 Y, the word standing for
  the last company the paragraph names before it;
- the few words no recognizer named before a place inside the project's name (某企某市…项目).
"""
from __future__ import annotations

import re

from kg import gazetteer
from kg.model import Mention, Relation
from kg.names import compact, prefixes_in
from kg.relations.context import (WHEN, DocContext, ceremony_site, clause_end, clause_start, owner_after_place,
                                  place_after_unnamed_owner, trigger_alternation, triggers)

OWNER_TYPES = ("Enterprise", "Organization")
PROJECT = ("Project",)
LIST_SEPARATORS = "、,，;；"
QUOTES_OPEN = "“‘《"
BRACKET_PAIRS = (("(", ")"), ("“", "”"), ("《", "》"))


def extract_ownership(ctx: DocContext) -> list[Relation]:
    out: list[Relation] = []
    for project in ctx.of_type("Project"):
        out += _owner_written_before(ctx, project)
        out += _owner_prefix(ctx, project)
        out += _lead_units(ctx, project)
        out += _subject_carries_out(ctx, project)
        out += _is_owners(ctx, project)
    out += _built_by(ctx) + _by_owners(ctx) + _record_owners(ctx) + _signed(ctx)
    return out


def _signed(ctx: DocContext) -> list[Relation]:
    """某县与X公司签约Y项目; X公司与某区签订Y项目投资协议: when the two sides joined by 与 before
    the verb are one company and one government, place or park, the company owns the project
    the clause signs."""
    out: list[Relation] = []
    text = ctx.text
    for word in triggers("sign"):
        for hit in re.finditer(re.escape(word), text):
            start = clause_start(text, hit.start())
            sides = [m for m in ctx.inside(start, hit.start(), OWNER_TYPES + ("GovOrg", "Place", "Park", "Person"))
                     if ctx.is_outermost(m)]
            if len(sides) != 2 or not text[sides[0].end:sides[1].start].strip().startswith("与"):
                continue
            owners = [m for m in sides if m.type == "Enterprise"]
            if len(owners) != 1 or not any(m.type in ("GovOrg", "Place", "Park") for m in sides):
                continue
            project = next((p for p in ctx.inside(hit.end(), clause_end(text, hit.end()), PROJECT)
                            if ctx.is_outermost(p)), None)
            if project is not None:
                out.append(ctx.relation(owners[0], "owns_project", project, "signed"))
    return out


_OWNER_LABELS = trigger_alternation("owner_label")
#: 建设单位：E on a record; P的投资方为E in a sentence.
OWNER_LABEL = re.compile(rf"(?m)(?:(?:^|[；;，,]\s*)(?:{_OWNER_LABELS})\s*[:：]|(?<=的)(?:{_OWNER_LABELS})(?:为|是))\s*")


def _record_owners(ctx: DocContext) -> list[Relation]:
    """项目名称：P / 央企：E (records of a list of projects), P；建设单位：E, P的投资方为E: the
    company after an owner label owns the project earlier on its line, else the only project of
    the line before."""
    out: list[Relation] = []
    text = ctx.text
    previous: tuple[int, int] | None = None
    for line in re.finditer(r"[^\n]+", text):
        if not line.group().strip():
            continue
        hit = OWNER_LABEL.search(text, line.start(), line.end())
        owner = _record_owner(ctx, hit.end(), line.end()) if hit else None
        if owner is not None:
            projects = [p for p in ctx.inside(line.start(), hit.start(), PROJECT) if ctx.is_outermost(p)]
            if not projects and previous is not None:
                projects = [p for p in ctx.inside(*previous, PROJECT) if ctx.is_outermost(p)]
                projects = projects if len(projects) == 1 else []
            out += [ctx.relation(owner, "owns_project", projects[-1], "record_owner",
                                 ctx.doc.span(projects[-1].start, line.end()))] if projects else []
        previous = (line.start(), line.end())
    return out


def _owner_written_before(ctx: DocContext, project: Mention) -> list[Relation]:
    pos = ctx.skip_space_left(project.start)
    pattern = "owner_before_project"
    if pos > 0 and ctx.text[pos - 1] == "的":
        pos, pattern = ctx.skip_space_left(pos - 1), "owner_de_project"
    owners = [m for m in ctx.ending_at(pos, OWNER_TYPES) if ctx.is_outermost(m)]
    return [ctx.relation(owners[0], "owns_project", project, pattern)] if owners else []


def _owner_prefix(ctx: DocContext, project: Mention) -> list[Relation]:
    """康硕集团西南总部基地项目: the project's name starts with its owner's name (not with a
    place, 南坪中心广场, nor with half a bracket, 瑞航(重庆)…, nor with the start of a park's
    name, 河湟文化产业园项目: that is the park the project is in)."""
    name = compact(project.text)
    parks = prefixes_in(name, ctx.texts_by_type.get("Park", set()))
    if name in ctx.texts_by_type.get("Park", ()):
        parks.append(name)
    inner = [m for m in ctx.starting_at(project.start, OWNER_TYPES)
             if m.end < project.end and _may_own(ctx, compact(m.text), parks)]
    if inner:
        # 甲市某某新能源项目 with 某某 named alone: 某某 is the owner, 甲市 where the project is
        owner = owner_after_place(ctx, inner[0]) or _named_after_place(ctx, project, inner[0]) or inner[0]
        return [ctx.relation(owner, "owns_project", project, "owner_prefix")]
    known = [n for t in OWNER_TYPES for n in prefixes_in(name, ctx.texts_by_type.get(t, set()))
             if _may_own(ctx, n, parks)]
    if not known:
        return _owner_inside(ctx, project) or _unnamed_owner(ctx, project)
    owner = max(known, key=len)
    typ = next(t for t in OWNER_TYPES if owner in ctx.texts_by_type.get(t, ()))
    return [ctx.relation(ctx.first_mention(owner, (typ,)), "owns_project", project, "owner_prefix")]


def _named_after_place(ctx: DocContext, project: Mention, opening: Mention) -> Mention | None:
    """甲市某某新材料制造基地 with 某某新材料 named elsewhere, 某新城某某研究院总部项目 with 某某 named
    alone: after the place or park opening the project's name, the longest company the document
    names is the owner, not the mention (``opening``) that runs over that place."""
    places = [m for m in ctx.starting_at(project.start, ("Place", "Park")) if m.end < opening.end]
    if not places:
        return None
    rest = compact(ctx.text[places[0].end:project.end])
    known = [n for n in prefixes_in(rest, ctx.texts_by_type.get("Enterprise", set()))
             if _may_own(ctx, n, [])]
    return ctx.first_mention(known[-1], ("Enterprise",)) if known else None


def _owner_inside(ctx: DocContext, project: Mention) -> list[Relation]:
    """泾河新城隆基研发总部项目: a company named inside the project's name, after the park
    or place it is in, owns it."""
    inside = [m for m in ctx.inside(project.start + 1, project.end - 1, ("Enterprise",))
              if _may_own(ctx, compact(m.text), [])]
    return [ctx.relation(inside[0], "owns_project", project, "owner_inside")] if inside else []


def _unnamed_owner(ctx: DocContext, project: Mention) -> list[Relation]:
    """某企某市能源装备产业园项目: the few words no recognizer named before the place inside a
    project's name (``place_after_unnamed_owner``) are its owner's short name."""
    place = place_after_unnamed_owner(ctx, project)
    if place is None:
        return []
    owner = Mention(project.start, place.start, ctx.text[project.start:place.start], "Enterprise",
                    source="relations.unnamed_owner")
    return [ctx.relation(owner, "owns_project", project, "unnamed_owner")]


def _may_own(ctx: DocContext, name: str, parks: list[str]) -> bool:
    if name in ctx.texts_by_type.get("Place", ()) or gazetteer.is_place(name):
        return False
    if any(p.startswith(name) and p != name for p in parks):
        return False
    return all(name.count(a) == name.count(b) for a, b in BRACKET_PAIRS)


def _record_owner(ctx: DocContext, start: int, end: int) -> Mention | None:
    """The owner after a label: a mention, else the rest of the line when the document names
    that company elsewhere (a recognizer may mark only its first occurrence)."""
    found = [m for m in ctx.starting_at(start, OWNER_TYPES) if ctx.is_outermost(m)]
    if found:
        return found[0]
    end = ctx.skip_space_left(end)
    name = compact(ctx.text[start:end])
    typ = next((t for t in OWNER_TYPES if name in ctx.texts_by_type.get(t, ())), None)
    return Mention(start, end, ctx.text[start:end], typ, source="relations.record") if typ else None


def _lead_units(ctx: DocContext, project: Mention) -> list[Relation]:
    """Project(牵头单位,下同:A、B): every unit in the parentheses after the project."""
    text = ctx.text
    pos = ctx.skip_space(project.end)
    if pos >= len(text) or text[pos] not in "（(":
        return []
    pos += 1
    colon = re.compile(r"[^()（）:：]{0,16}[:：]").match(text, pos)
    if colon:
        pos = colon.end()
    owners: list[Mention] = []
    while True:
        found = [m for m in ctx.starting_at(ctx.skip_space(pos), OWNER_TYPES)]
        if not found:
            return []
        owners.append(found[0])
        pos = ctx.skip_space(found[0].end)
        if pos < len(text) and text[pos] in LIST_SEPARATORS:
            pos += 1
        elif pos < len(text) and text[pos] in "）)":
            break
        else:
            return []
    return [ctx.relation(o, "owns_project", project, "lead_units") for o in owners]


def _subject_carries_out(ctx: DocContext, project: Mention) -> list[Relation]:
    """X今年投入2200万元,实施Y; X…高标准打造“Y”: the company the sentence is about carries out the
    project, and so do A与B共同投资建设Y together; X揭榜任务“Y”、Z揭榜任务“W”: the company
    written right before the verb does."""
    pos = ctx.skip_space_left(project.start)
    if pos > 0 and ctx.text[pos - 1] in QUOTES_OPEN:
        pos = ctx.skip_space_left(pos - 1)
    verb = next((w for w in triggers("carry_out") if ctx.text.endswith(w, 0, pos)), None)
    if verb is None or not ctx.is_outermost(project):
        return []
    right_before = [m for m in ctx.ending_at(ctx.skip_space_left(pos - len(verb)), OWNER_TYPES) if ctx.is_outermost(m)]
    if right_before:
        return [ctx.relation(right_before[0], "owns_project", project, "owner_carries_out")]
    sentence = ctx.doc.sentence_at(project.start)
    if sentence is None:
        return []
    referent = _company_word_subject(ctx, sentence.start, pos - len(verb))
    if referent is not None:
        return [ctx.relation(referent, "owns_project", project, "company_word_carries_out")]
    before = [m for m in ctx.inside(sentence.start, project.start, OWNER_TYPES + ("GovOrg", "Person"))
              if ctx.is_outermost(m)]
    if len(before) == 1 and before[0].type in OWNER_TYPES:
        return [ctx.relation(before[0], "owns_project", project, "subject_carries_out")]
    # A与B共同投资建设Y: companies joined as one subject, then a word of doing it together
    joined = len(before) > 1 and all(m.type in OWNER_TYPES for m in before) and all(
        len(sep := ctx.text[a.end:b.start].strip()) == 1 and sep in OWNER_JOINERS for a, b in zip(before, before[1:]))
    if joined and JOINTLY.match(ctx.text, ctx.skip_space(before[-1].end)):
        return [ctx.relation(m, "owns_project", project, "subjects_carry_out") for m in before]
    return []


#: Names between a company word and its verb: the verb is another subject's.
SUBJECT_TYPES = OWNER_TYPES + ("GovOrg", "Person")
#: What may stand right before a company word that opens a subject (…。公司将…, 对企业…上马…).
SUBJECT_OPENERS = "，,；;：:、对由让使"


def _company_word_subject(ctx: DocContext, start: int, verb_at: int) -> Mention | None:
    """公司将在某地投资18亿元，建设Y; 对企业探索新技术、上马Y: a word standing for a company
    (``company_word``: 该公司, 公司, 企业 …), not the end of a name, as the last subject before the
    verb in its sentence (from ``start``) stands for the last company the paragraph names before
    it; None if there is no such word or company."""
    text = ctx.text
    found = max(((i, i + len(w)) for w in triggers("company_word") if (i := text.rfind(w, start, verb_at)) >= 0),
                key=lambda span: (span[1], -span[0]), default=None)
    if found is None:
        return None
    word_start, word_end = found
    opens = word_start == ctx.skip_space(start) or text[word_start - 1] in SUBJECT_OPENERS or text.startswith("该", word_start)
    if not opens or ctx.ending_at(word_end, OWNER_TYPES) or ctx.containing(word_end - 1, word_end, OWNER_TYPES) \
            or ctx.inside(word_end, verb_at, SUBJECT_TYPES):
        return None  # 龙头企业, 某某有限公司: a kind or a name, no company word
    paragraph = text.rfind("\n", 0, word_end) + 1
    named = [m for m in ctx.inside(paragraph, word_end, ("Enterprise",)) if ctx.is_outermost(m)]
    return named[-1] if named else None


def _is_owners(ctx: DocContext, project: Mention) -> list[Relation]:
    """Y是X(在<place>)投资建设的…: the company after 是 owns the project the sentence opens with."""
    pos = ctx.skip_space(project.end)
    if not ctx.text.startswith("是", pos):
        return []
    owner = next((m for m in ctx.starting_at(ctx.skip_space(pos + 1), OWNER_TYPES) if ctx.is_outermost(m)), None)
    if owner is None:
        return []
    after = ctx.skip_space(owner.end)
    if ctx.text.startswith("在", after):
        run = ctx.starting_at(after + 1, ("Place", "Park"))
        after = run[0].end if run else after
    verb = next((w for w in triggers("own_by") if ctx.text.startswith(w, after)), None)
    if verb and ctx.text.startswith("的", after + len(verb)):
        return [ctx.relation(owner, "owns_project", project, "is_owners")]
    return []


def _built_by(ctx: DocContext) -> list[Relation]:
    """X投资建设的Y, X(等)在<place>建设Y and X在<place>举行Y投产仪式, within one clause (由… is
    _by_owners)."""
    out: list[Relation] = []
    text = ctx.text
    own_by = triggers("own_by")
    build = triggers("build")
    for owner in ctx.of_type(*OWNER_TYPES):
        if not ctx.is_outermost(owner):
            continue
        before = ctx.skip_space_left(owner.start)
        after = ctx.skip_space(owner.end)
        clause_end = _clause_end(text, after)
        verb = next((w for w in own_by if text.startswith(w, after)), None)
        if before > 0 and text[before - 1] == "由":
            continue  # _by_owners
        if verb and text.startswith("的", after + len(verb)):  # X投资建设的Y
            pattern = "built_by"
        elif _builds_at(ctx, after, build):
            pattern = "builds_at"
        elif INVESTS_TO_BUILD.match(text, after):  # X计划投资10亿元建设Y
            pattern = "invests_to_build"
        elif (ceremony := _ceremony_held(ctx, after)) is not None:  # X在L举行Y投产仪式
            out.append(ctx.relation(owner, "owns_project", ceremony, "holds_ceremony"))
            continue
        else:
            continue
        project = next((p for p in ctx.inside(after, clause_end, PROJECT) if ctx.is_outermost(p)), None)
        if project is not None:
            out.append(ctx.relation(owner, "owns_project", project, pattern))
    return out


#: Words that join the owners after 由 (由A、B投资建设).
OWNER_JOINERS = "、和与及"
#: 共同/合资/联合…: what makes companies joined before a verb its subject together.
JOINTLY = re.compile(rf"(?:{trigger_alternation('joint_plan')})?(?:{trigger_alternation('jointly')})")
#: What may stand between the owners and the verb (按照“…”模式联合): up to 30 characters of one clause.
OWNER_GAP = re.compile(r"[^，,。；;！？!?\n]{0,30}")
QUOTED = re.compile(r"“[^”]{0,30}”")


def _by_owners(ctx: DocContext) -> list[Relation]:
    """由A(、B…)(按照…)(联合)投资建设(的)Y; Y…,由A、B…建设: every owner of the list owns Y, the
    project after the verb in that sentence, else the project the sentence is about (the first
    one before 由)."""
    out: list[Relation] = []
    text = ctx.text
    own_by = triggers("own_by")
    for hit in re.finditer("由", text):
        owners, pos = [], hit.end()
        while found := [m for m in ctx.starting_at(ctx.skip_space(pos), OWNER_TYPES) if ctx.is_outermost(m)]:
            owners.append(found[0])
            pos = ctx.skip_space(found[0].end)
            if pos >= len(text) or text[pos] not in OWNER_JOINERS:
                break
            pos += 1
        if not owners:
            continue
        gap_end = OWNER_GAP.match(text, pos).end()
        verb_at = next((i for i in range(pos, gap_end + 1) for w in own_by if text.startswith(w, i)), None)
        if verb_at is None or _names_between(ctx, pos, verb_at):
            continue
        project = next((p for p in ctx.inside(verb_at, _clause_end(text, verb_at), PROJECT)
                        if ctx.is_outermost(p)), None)
        if project is None:
            sentence = ctx.doc.sentence_at(hit.start())  # none in text set aside as a repeat
            before = [p for p in ctx.inside(sentence.start, hit.start(), PROJECT) if ctx.is_outermost(p)] \
                if sentence else []
            project = before[0] if before else None
        if project is not None:
            out += [ctx.relation(o, "owns_project", project, "built_by") for o in owners]
    return out


#: X (计划)投资10亿元(,)(在某地)建设/新建/打造 Y, X投资10亿元的Y: an investment figure before the
#: building verb or 的.
INVESTS_TO_BUILD = re.compile(rf"(?:{trigger_alternation('plan')})?总?投资(?:{trigger_alternation('approximately')})?"
                              r"[0-9.]+[万亿]*元(?:人民币)?"
                              rf"(?:[,，]?(?:在[^，,。；;]{{2,12}}?)?(?:{trigger_alternation('build_after_figure')})|的)")


def _builds_at(ctx: DocContext, pos: int, build: tuple[str, ...]) -> bool:
    """X(等)(2022年)在<place>建设 …: is ``pos`` (after the owner) such a phrase?"""
    text = ctx.text
    if text.startswith("等", pos):
        pos += 1
    pos = WHEN.match(text, pos).end()
    if not text.startswith("在", pos):
        return False
    places = ctx.starting_at(pos + 1, ("Place", "Park"))
    return bool(places) and any(text.startswith(w, places[0].end) for w in build)


def _ceremony_held(ctx: DocContext, pos: int) -> Mention | None:
    """X(2024年)在<place>举行Y投产仪式: the project whose ceremony the company holds there."""
    pos = WHEN.match(ctx.text, pos).end()
    if not ctx.text.startswith("在", pos):
        return None
    places = ctx.starting_at(pos + 1, ("Place", "Park"))
    return ceremony_site(ctx, places[0].end) if places else None


def _clause_end(text: str, pos: int) -> int:
    m = re.compile(r"[。；;！？!?\n]").search(text, pos)
    return m.start() if m else len(text)


def _names_between(ctx: DocContext, start: int, end: int) -> bool:
    """Is a name written between the owners and the verb (由A在B的支持下建设)?  A quoted model or
    slogan (按照“…+基地”模式联合投资建设) names nothing."""
    quoted = [q.span() for q in QUOTED.finditer(ctx.text, start, end)]
    return any(not any(a <= m.start and m.end <= b for a, b in quoted)
               for m in ctx.inside(start, end, OWNER_TYPES + PROJECT + ("Place", "Park", "GovOrg", "Person")))
