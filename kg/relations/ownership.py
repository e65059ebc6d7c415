"""owns_project: the company or institution whose project it is.

- the owner's name written right before the project, or as its first words
  (重庆市鼎喜实业有限责任公司新能源汽车…数字化车间, 康硕集团西南总部基地项目), or inside
  them after the park or place (某某新城某某中央研究院总部项目);
- X的Y项目 (重庆东科模具制造有限公司的…数字化管理);
- a parenthesised list of lead units after the project (…综合体(牵头单位:A、B));
- 由A、B(按照…)(联合)投资建设(的)Y and Y…,由A、B…建设 (every owner of the list),
  X投资建设的Y, and X(等)在<place>建设Y.
"""
from __future__ import annotations

import re

from kg.model import Mention, Relation
from kg.ner import gazetteer
from kg.relations.context import DocContext, compact, prefixes_in, triggers

OWNER_TYPES = ("Enterprise", "Organization")
PROJECT = ("Project",)
LIST_SEPARATORS = "、,，;；"
BRACKET_PAIRS = (("(", ")"), ("“", "”"), ("《", "》"))


def extract_ownership(ctx: DocContext) -> list[Relation]:
    out: list[Relation] = []
    for project in ctx.of_type("Project"):
        out += _owner_written_before(ctx, project)
        out += _owner_prefix(ctx, project)
        out += _lead_units(ctx, project)
        out += _subject_carries_out(ctx, project)
    out += _built_by(ctx) + _by_owners(ctx)
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
        return [ctx.relation(inner[0], "owns_project", project, "owner_prefix")]
    known = [n for t in OWNER_TYPES for n in prefixes_in(name, ctx.texts_by_type.get(t, set()))
             if _may_own(ctx, n, parks)]
    if not known:
        return _owner_inside(ctx, project)
    owner = max(known, key=len)
    typ = next(t for t in OWNER_TYPES if owner in ctx.texts_by_type.get(t, ()))
    return [ctx.relation(ctx.first_mention(owner, (typ,)), "owns_project", project, "owner_prefix")]


def _owner_inside(ctx: DocContext, project: Mention) -> list[Relation]:
    """泾河新城隆基中央研究院总部项目: a company named inside the project's name, after the park
    or place it is in, owns it."""
    inside = [m for m in ctx.inside(project.start + 1, project.end - 1, ("Enterprise",))
              if _may_own(ctx, compact(m.text), [])]
    return [ctx.relation(inside[0], "owns_project", project, "owner_inside")] if inside else []


def _may_own(ctx: DocContext, name: str, parks: list[str]) -> bool:
    if name in ctx.texts_by_type.get("Place", ()) or gazetteer.is_place(name):
        return False
    if any(p.startswith(name) and p != name for p in parks):
        return False
    return all(name.count(a) == name.count(b) for a, b in BRACKET_PAIRS)


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
    """X今年投入2200万元,实施Y: the company the sentence is about carries out the project."""
    pos = ctx.skip_space_left(project.start)
    if not any(ctx.text.endswith(w, 0, pos) for w in triggers("carry_out")) or not ctx.is_outermost(project):
        return []
    sentence = ctx.doc.sentence_at(project.start)
    if sentence is None:
        return []
    before = [m for m in ctx.inside(sentence.start, project.start, OWNER_TYPES + ("GovOrg", "Person"))
              if ctx.is_outermost(m)]
    if len(before) == 1 and before[0].type in OWNER_TYPES:
        return [ctx.relation(before[0], "owns_project", project, "subject_carries_out")]
    return []


def _built_by(ctx: DocContext) -> list[Relation]:
    """X投资建设的Y and X(等)在<place>建设Y, within one clause (由… is _by_owners)."""
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
        else:
            continue
        project = next((p for p in ctx.inside(after, clause_end, PROJECT) if ctx.is_outermost(p)), None)
        if project is not None:
            out.append(ctx.relation(owner, "owns_project", project, pattern))
    return out


#: Words that join the owners after 由 (由A、B投资建设).
OWNER_JOINERS = "、和与及"
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
            sentence = ctx.doc.sentence_at(hit.start())
            start = sentence.start if sentence else 0
            before = [p for p in ctx.inside(start, hit.start(), PROJECT) if ctx.is_outermost(p)]
            project = before[0] if before else None
        if project is not None:
            out += [ctx.relation(o, "owns_project", project, "built_by") for o in owners]
    return out


def _builds_at(ctx: DocContext, pos: int, build: tuple[str, ...]) -> bool:
    """X等在<place>建设 …: is ``pos`` (after the owner) such a phrase?"""
    text = ctx.text
    if text.startswith("等", pos):
        pos += 1
    if not text.startswith("在", pos):
        return False
    places = ctx.starting_at(pos + 1, ("Place", "Park"))
    return bool(places) and any(text.startswith(w, places[0].end) for w in build)


def _clause_end(text: str, pos: int) -> int:
    m = re.compile(r"[。；;！？!?\n]").search(text, pos)
    return m.start() if m else len(text)


def _names_between(ctx: DocContext, start: int, end: int) -> bool:
    """Is a name written between the owners and the verb (由A在B的支持下建设)?  A quoted model or
    slogan (按照“…+基地”模式联合投资建设) names nothing."""
    quoted = [q.span() for q in QUOTED.finditer(ctx.text, start, end)]
    return any(not any(a <= m.start and m.end <= b for a, b in quoted)
               for m in ctx.inside(start, end, OWNER_TYPES + PROJECT + ("Place", "Park", "GovOrg", "Person")))
