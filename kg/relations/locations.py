"""located_in and part_of: where companies, parks and projects are; what is part of what.

part_of
  - a place written right after its parent place (广兴镇沿河村, 四川省邻水县), also at the
    start of a longer name (内蒙古鄂尔多斯某某经济开发区);
  - the places listed after a place and 的, and the townships opening the names of the sites
    listed there (某县的甲镇、乙镇; 某县的甲镇某基地、乙镇某园);
  - the divisions of a list closed by 等 and a region (上海、江苏、浙江等长三角地区), or by 等
    and a kind of division in a sentence about a place's divisions (某市各镇街…A、B等镇街);
  - a department named after its body (区委宣传部 -> 区委), unless that body is a
    bare 区委 only ever written inside titles and department names; a standing committee
    (某县人大常委会) is no department of its congress (某县人大);
  - a park's sub-area (重庆枢纽港产业园（江津片区）, 铜梁高新区大庙组团), which is
    also located_in the place it names; a park written inside another
    (西部科学城重庆高新区 -> 重庆高新区 part_of 西部科学城); parks listed after 下设/下辖 in a
    sentence about a park; X…,是Y的(重要)组成部分; the place opening the name of a park or
    project visited in a scene (来到某市，调研甲县某开发区 -> 甲县 part_of 某市).
  Places inside a project's name (某省甲市至乙市高速公路) state no part_of, nor those opening a
  hometown chamber's (甲市乙县商会); the counties listed after the first one written right after
  its city are part of it too (到某市甲县、乙县、丙区调研).
located_in
  - 位于 L 的 X, X 位于 L (not 位于 A 与 B 之间), 在 L 的 X, L 的 X, 在 L 建设 X, and every
    item of a list there (位于 L 的 A、B及C, A及B坐落于 L, 坐落于某集团旗下 L);
  - scenes: 来到/赴/深入 L，调研 A、B，深入 C; 在 L，…; 到 L 调研…; 在 L 期间，…; 某书记在 L 调研 (a place
    written right before an item places its own list; a site visited places its own clause);
  - the host of an event starting or signing projects (某县举行…集中开工仪式。本次开工的项目
    包括A、B), a place heading a list (某区：A项目、B项目开工), a place before a list of
    projects (某市“A项目”、“B项目”);
  - Y是(X)在L投资建设的…; Y，作为L重大项目 / Y是L重点项目 (a project a place counts as its own);
  - X … 落户 L, X 在 L 落户 (and 园区 … X 落户: the park named before);
  - A 和 B 交界处的 X; X 是 L…, X …,是 L 首个…; X（L）, the place in brackets after a name
    (a park in brackets after a park is its other name, not its place);
  - the place (or park) a park's or project's name starts with, the innermost of a chain
    (璧山高新区, 内蒙古鄂尔多斯某某经济开发区 -> 某某, 黄金坡新区坝子坡路), but not the park a
    project builds (某某产业园项目), not a one-character abbreviation (泉三…) and for a route
    the place before its first end (某省甲市至乙市高速 -> 某省); or the place that follows its
    owner's name (…学院荣昌校区); a project opening with its park is also in the division the park
    is named after (某县某产业园一期工程 -> 某县);
  - 在 L 深耕多年的 X: a short verb phrase between the place and 的 (companies, institutions);
  - projects listed under a sentence about a park (新增…项目：A、B);
  - companies 以 A、B 等为代表 (为龙头) in a sentence about a park;
  - lists whose place is named in another clause: 近年来，某县…，先后引进了A、B等企业 (the place
    opening the nearest earlier clause with a name); 某县引进A项目 (the items right after the list
    verb; not companies signed with); A、B已入驻园区, 园区先后引进了A、B (the park named before);
    在某县A、B，… and 到某县甲园、乙公司、丙市C等地调研 (sites listed right after the place);
  - a line opening with a place or park and a colon (某区：4月2日，在某市甲产业园举行仪式，有A项目…):
    every park and project of the line, but one named after another division of its rank;
  - tours: the later sentences of a visit (see ``_tours``).
  - a city or county written inside a project's name (not opening it) and on its own elsewhere
    in the document, for a project nothing else placed (远拓集团研究院甲市创新中心 -> 甲市).
  - the district of a section header (seed 002: a line with only 潼南) for the
    parks, projects, institutions and companies under it that no other pattern
    places.
"""
from __future__ import annotations

import re
from itertools import chain

from kg import gazetteer
from kg.boundary import suffix_table
from kg.lexicon import load_set, load_table
from kg.model import ENTITY_TYPES, TITLE, Mention, Relation, Sentence
from kg.vocabulary import words
from kg.names import compact, prefixes_in
from kg.relations.context import (CLAUSE_END, ROUTE, WHEN, DocContext, ceremony_site, clause_start,
                                  owner_after_place, place_after_unnamed_owner, province_or_wider,
                                  substrings, trigger_alternation, triggers)

LOCATED = ("Enterprise", "Project", "Park", "Organization")
LOCATIONS = ("Place", "Park")
PLACE = ("Place",)
OWNER_TYPES = ("Enterprise", "Organization")
SITES = ("Project", "Park")
#: Numerals, quantifiers and function words: 两个园区, 三大片区 name no place.
NOT_IN_PLACE_NAME = set("一二两三四五六七八九十百几个多各每大小该本其的了在是和与及等不")
SENTENCE_END = re.compile(r"[。；;！？!?\n]")
#: 位于 A 与 B 之间: between two places, in neither.
BETWEEN = re.compile(r"[^，。；,;：:的]{0,8}?[与和及、至][^，。；,;：:]{1,20}?之间")
#: What follows a park's name in the name of the project that builds it (某某产业园项目); a
#: phase (产业园三期项目) is built in the park that exists.
PARK_AS_PROJECT = re.compile(rf"(?:建设)?(?:{trigger_alternation('project_word')})")
#: 在 L 深耕15年的 / 在 L 扎根的: a verb phrase of a few characters ending in 的 (no clause break).
VERB_PHRASE_DE = re.compile(r"[^，,。；;：:、\n的“”]{1,8}的")
#: An event that starts or signs projects: 集中开工, 签约仪式, 签约项目12个, 12个项目集中签约.
_EVENT_VERB = trigger_alternation("event_verb")
EVENT = re.compile(rf"集中(?:{_EVENT_VERB})|(?:{trigger_alternation('ceremony_verb')})(?:{trigger_alternation('occasion')})"
                   rf"|(?:{_EVENT_VERB})[^，,。；;]{{0,6}}项目|项目[^，,。；;]{{0,6}}(?:{_EVENT_VERB})")
#: What follows the place of a dateline (本报某地9月2日电, 某地讯).
DATELINE = re.compile(rf"\s*(?:\d{{1,2}}月\d{{1,2}}日)?(?:(?!{trigger_alternation('not_dateline')})电|讯)")
#: How far into its sentence (characters: a date, 上午) the host of an event may be named.
EVENT_HOST_REACH = 12
#: What follows a place after 是 when it does not say where the park is (A与B, 南北共建).
IS_IN_JOINED = re.compile(r"[与和及、]|南北|东西")
#: Direction words that name a part of a park, not a place (东区片区, 北部组团).
DIRECTION = re.compile(r"[东西南北中][区部片]")
#: A direction before a place makes another name of it (西甲山, 南乙县).
DIRECTION_CHARS = "东西南北"
#: A place name followed by one of these, standing alone, is part of a longer toponym (崖州湾,
#: 平山湖): the toponym, not the place, is where a park or project is (厚街山姆…: 山 opens a word).
TOPONYM_TAILS = load_set("toponym_tails.txt")
#: Patterns that state a location outright; the section-header default never overrides them.
EXPLICIT = {"located_at", "starts_at", "record_place", "located_de", "in_de", "de_location", "in_then", "builds_at", "settles_in",
            "settles_in_park", "in_verb_de", "border", "is_in", "list_under_heading", "represented_in_park",
            "bracketed_place", "scene", "place_before_list", "is_built_at", "places_project"}
#: What joins the items of a list of companies, projects or parks (A、B和C, “A”、“B”); not 与,
#: which joins the two sides of an agreement (A与B签约) as often as two items.
ITEM_JOINERS = "、和及"
#: An item no recognizer named, passed over inside a list (at most MAX_UNNAMED in a row).
UNNAMED_LIST_ITEM = re.compile(r"[^、，,。；;：:\n]{1,40}?(?=[、和及])")
MAX_UNNAMED = 2
QUOTE_OPEN = "“‘《"
QUOTE_CLOSE = "”’》"
#: A quoted item no recognizer named, passed over whole (“某能源(含…)、某装备…项目”).
QUOTED_LIST_ITEM = re.compile(f"[^{QUOTE_CLOSE}\n]{{1,80}}[{QUOTE_CLOSE}]")
#: 在 L 期间，, 在 L 调研时，: a clause about a stay in a place.
DURING_VISIT = re.compile(rf"(?:{trigger_alternation('during_visit')})[,，]")
SEMICOLON = re.compile("[;；]")
#: 某园区内，: what makes a place opening a sentence the scene of the rest of it.
IN_SCENE = re.compile(r"(?:内|里|中)[,，]")
#: A verb of visiting in a later sentence of a tour (到, not 达到/得到/来到 read twice).
VISIT_VERB = re.compile("(?<![达得来收遇受])到|" + trigger_alternation("visit"))
#: The site of a project item before the next item (A项目点、B; A项目施工现场和B).
ITEM_SITE = re.compile(r"(?:点|(?:建设|施工)?(?:现场|工地))(?=[、和及])")
#: An investment figure before an item of a list (总投资5亿元的A、总投资10亿的B).
ITEM_MODIFIER = re.compile(rf"(?:{trigger_alternation('investment')})(?:{trigger_alternation('approximately')})?"
                           r"[0-9.]+[万亿]*元?(?:人民币)?的")
#: A bracket after an item (A(B)、C): its other name or its first part, itself an item.
ITEM_BRACKET = re.compile(r"[(（]([^()（）]{1,40})[)）]")


def extract_locations(ctx: DocContext, owned: list[Relation]) -> list[Relation]:
    out = _adjacent_places(ctx) + _listed_in_region(ctx) + _listed_divisions(ctx) + _departments(ctx)
    out += _places_of_place(ctx)
    sub_areas, out_sub = _park_sub_areas(ctx)
    out += out_sub
    out += _record_places(ctx) + _located_at(ctx) + _de_location(ctx) + _in_location(ctx) + _settles(ctx) + _starts_at(ctx)
    out += _border(ctx) + _is_in(ctx) + _is_built_at(ctx) + _list_under_heading(ctx) + _represented_in_park(ctx)
    out += _places_project(ctx)
    scenes = _scene_places(ctx)
    out += _bracketed_place(ctx) + _scenes(ctx, scenes) + _place_before_list(ctx) + _stated_parts(ctx)
    out += _name_places(ctx, sub_areas)
    out += _event_hosts(ctx, out) + _subject_lists(ctx, out)
    out += _verb_lists(ctx, out)
    out += _line_headings(ctx, out)
    out += _tours(ctx, out, scenes)
    out += _sections(ctx, out, owned)
    out += _inner_places(ctx, out)
    return out


# -- part_of ---------------------------------------------------------------

def _adjacent_places(ctx: DocContext) -> list[Relation]:
    out = []
    for parent in ctx.of_type("Place"):
        for child in ctx.starting_at(parent.end, PLACE):
            if not _may_contain(compact(parent.text), compact(child.text)):
                continue
            if any(o.type in SITES for o in ctx.enclosing(parent)) and not _states_part_in_name(compact(parent.text)):
                continue  # 某省甲市至乙市高速公路, 某省乙市新区: the places of a site's name name the site
            if any(o.type == "Organization" and compact(o.text).endswith(triggers("hometown_body"))
                   for o in ctx.enclosing(parent)):
                continue  # 甲市乙县商会: the chamber of the people of 乙县 in 甲市, wherever 乙县 is
            child = _toponym(ctx, child) or child
            # Not inside a longer place (成渝地区双城经济圈) nor a name that starts elsewhere
            # (中国农业银行江津双福支行); 广兴镇沿河村股份经济合作联合社 still says it.
            if not any((o.type == "Place" or (o.start < parent.start and not _place_chain(ctx, o.start, parent.start)))
                       for o in ctx.entities_containing(parent.start, child.end)
                       if (o.start, o.end) not in ((parent.start, parent.end), (child.start, child.end))):
                out.append(ctx.relation(child, "part_of", parent, "place_in_place"))
                out += [ctx.relation(m, "part_of", parent, "place_in_place")
                        for m in _same_level_list_after(ctx, parent, child)]
                break
    # 湖南岳阳县 and 湖南省岳阳县 in one document: one fact, with the parent's full name.
    parents: dict[str, set[str]] = {}
    for r in out:
        parents.setdefault(compact(r.head.text), set()).add(compact(r.tail.text))
    return [r for r in out if not any(p != compact(r.tail.text) and p.startswith(compact(r.tail.text))
                                      for p in parents[compact(r.head.text)])]


def _places_of_place(ctx: DocContext) -> list[Relation]:
    """某县的甲镇、乙镇; 某县的甲镇某基地、乙镇某园: the smaller places listed after a place and 的,
    and those opening the names of the sites listed there, are part of it: divisions and
    townships, not a region naming an institution (某县的赣南某研究院)."""
    townships = triggers("township_ending")
    out = []
    for parent in ctx.of_type("Place"):
        pos = ctx.skip_space(parent.end)
        if not ctx.text.startswith("的", pos) or not ctx.is_outermost(parent):
            continue
        first = [m for m in ctx.starting_at(ctx.skip_space(pos + 1), LOCATED + PLACE) if ctx.is_outermost(m)]
        if not first:
            continue
        for item in _list_items(ctx, first[0], LOCATED + PLACE):
            opening = item if item.type == "Place" else \
                next((m for m in ctx.starting_at(item.start, PLACE) if m.end < item.end), None)
            name = compact(opening.text) if opening is not None else ""
            if opening is not None and (name.endswith(townships) or gazetteer.lookup(name) is not None) \
                    and _may_contain(compact(parent.text), name):
                out.append(ctx.relation(opening, "part_of", parent, "place_de_place"))
    return out


def _same_level_list_after(ctx: DocContext, parent: Mention, child: Mention) -> list[Mention]:
    """到某市甲县、乙县、丙区调研: the divisions listed after the first one written right after
    its parent, each of the first one's level and province (a city or another province's county
    starts another list), are part of that parent too."""
    first = gazetteer.lookup(compact(child.text))
    up = gazetteer.lookup(compact(parent.text))
    if first is None or up is None or first.level != gazetteer.COUNTY:
        return []
    out: list[Mention] = []
    pos = ctx.skip_space(child.end)
    while pos < len(ctx.text) and ctx.text[pos] in "、和及":
        found = [m for m in ctx.starting_at(ctx.skip_space(pos + 1), PLACE) if ctx.is_outermost(m)]
        entry = gazetteer.lookup(compact(found[0].text)) if found else None
        if entry is None or entry.level != first.level or entry.province != first.province \
                or not _may_contain(compact(parent.text), compact(found[0].text)) \
                or ctx.starting_at(found[0].end, ENTITY_TYPES):
            break
        out.append(found[0])
        pos = ctx.skip_space(found[0].end)
    return out


#: What joins the places of a list closed by 等 + region.
PLACE_LIST_JOINERS = "、和及与"
#: Sub-area words that follow a place inside a zone's name (临空经济区廊坊片区).
_AREA_WORDS = triggers("zone_area")
_ZONE_BEFORE = re.compile(f"(?:{trigger_alternation('zone_ending')})$")
#: A list item the recognizers did not name, passed over inside a list of parks (大学城).
_UNNAMED_ITEM = re.compile(f"[\u3400-\u9fff]{{2,6}}?(?=[{PLACE_LIST_JOINERS}])")


def _listed_in_region(ctx: DocContext) -> list[Relation]:
    """A、B、C等长三角地区: every division of a list closed by 等 and a named region is part of it."""
    out = []
    for region in ctx.of_type("Place"):
        entry = gazetteer.lookup(compact(region.text)) or gazetteer.lookup(compact(region.text).removesuffix("地区"))
        pos = ctx.skip_space_left(region.start)
        if entry is None or entry.level != gazetteer.REGION or not ctx.text.endswith("等", 0, pos):
            continue
        items = _place_list_ending_at(ctx, ctx.skip_space_left(pos - 1))
        divisions = [m for m in items if (e := gazetteer.lookup(compact(m.text)))
                     and e.level in (gazetteer.PROVINCE, gazetteer.CITY, gazetteer.COUNTY)]
        if len(items) >= 2 and len(divisions) == len(items):
            out += [ctx.relation(m, "part_of", region, "listed_in_region") for m in items]
    return out


def _place_list_ending_at(ctx: DocContext, pos: int) -> list[Mention]:
    """The places of a list (A、B和C) whose last one ends at ``pos``, in text order."""
    items: list[Mention] = []
    while found := ctx.ending_at(pos, PLACE):
        items.insert(0, found[0])
        pos = ctx.skip_space_left(found[0].start)
        if pos == 0 or ctx.text[pos - 1] not in PLACE_LIST_JOINERS:
            break
        pos = ctx.skip_space_left(pos - 1)
    return items


def _listed_divisions(ctx: DocContext) -> list[Relation]:
    """某市各镇街…，A、B、C等镇街: the divisions of a list closed by 等 and a kind of division
    are part of the place whose divisions (各…) the sentence is about."""
    out = []
    kinds = triggers("division_kind")
    for hit in re.finditer("等", ctx.text):
        if not any(ctx.text.startswith(k, hit.end()) for k in kinds):
            continue
        items = _place_list_ending_at(ctx, ctx.skip_space_left(hit.start()))
        sentence = ctx.doc.sentence_at(hit.start())
        if len(items) < 2 or sentence is None:
            continue
        parents = [m for m in ctx.inside(sentence.start, items[0].start, PLACE)
                   if ctx.text.startswith("各", ctx.skip_space(m.end)) and ctx.is_outermost(m)]
        if parents and all(_may_contain(compact(parents[-1].text), compact(m.text)) for m in items):
            out += [ctx.relation(m, "part_of", parents[-1], "listed_divisions") for m in items]
    return out


def _place_chain(ctx: DocContext, start: int, end: int) -> bool:
    """Is [start, end) places written one after another (内蒙古鄂尔多斯 in 内蒙古鄂尔多斯某某经济开发区)?"""
    while start < end:
        found = [m for m in ctx.starting_at(start, PLACE) if m.end <= end]
        if not found:
            return False
        start = found[0].end
    return True


#: Gazetteer levels from largest to smallest; a place the gazetteer lacks (town, village) ranks last.
LEVEL_RANK = {gazetteer.COUNTRY: 0, gazetteer.REGION: 0, gazetteer.PROVINCE: 1, gazetteer.CITY: 2,
              gazetteer.COUNTY: 3}


def _states_part_in_name(parent: str) -> bool:
    """Inside a park's or project's name, does a place chain opening with ``parent`` state that
    the next place is part of it?  Below the prefecture (某县甲镇…, 甲镇乙村…基地) it does: the
    name locates the site to the village; a province or city before its city or district
    (某省乙市新区) only tells which one is meant."""
    entry = gazetteer.lookup(parent)
    return LEVEL_RANK.get(entry.level, 4) >= LEVEL_RANK[gazetteer.COUNTY] if entry else True


def _may_contain(parent: str, child: str) -> bool:
    """Can ``parent`` contain ``child``?  渠县 cannot contain 蓬溪 (both counties), nor 四川 a
    county of another province."""
    p, c = gazetteer.lookup(parent), gazetteer.lookup(child)
    if (c and c.level == gazetteer.RIVER) or (p and p.level == gazetteer.COUNTRY):
        return False  # 湖南湘江新区: a river is no division; 中国开封…节 states no containment
    p_rank = LEVEL_RANK.get(p.level, 4) if p else 4
    c_rank = LEVEL_RANK.get(c.level, 4) if c else 4
    if p_rank >= c_rank and not (p_rank == c_rank == 4):
        return False
    if p and c and p.level == gazetteer.PROVINCE and c.province and c.province != p.full:
        return False
    return True


def _departments(ctx: DocContext) -> list[Relation]:
    """区委宣传部 -> 区委.  A bare 区委 that is only ever part of a title or of its departments'
    names (区委常委、区委办主任) is no body of its own (docs/schema.md); a standing committee
    (某市人民代表大会常务委员会) is no department of the body named before it."""
    bare = load_set("relation_bare_bodies.txt")
    names = {n for n in ctx.texts_by_type.get("GovOrg", set()) if n not in bare or _stands_alone(ctx, n)}
    out = []
    for name in sorted(names):
        parents = prefixes_in(name, names)
        if parents and not name.endswith(triggers("standing_committee")):
            parent = max(parents, key=len)
            out.append(ctx.relation(ctx.first_mention(name, ("GovOrg",)), "part_of",
                                    ctx.first_mention(parent, ("GovOrg",)), "department"))
    return out


def _stands_alone(ctx: DocContext, name: str) -> bool:
    """Is ``name`` written somewhere outside a longer mention or title?"""
    return any(m.type == "GovOrg" and not ctx.covered(m) for m in ctx.named(name))


def _park_sub_areas(ctx: DocContext) -> tuple[set[str], list[Relation]]:
    """Returns the names of sub-areas and their part_of / located_in relations."""
    parks = ctx.texts_by_type.get("Park", set())
    out: list[Relation] = []
    sub_areas: set[str] = set()
    for name in sorted(parks):
        parents = prefixes_in(name, parks)
        if not parents:
            out += _unnamed_parent_area(ctx, name)
            continue
        parent = max(parents, key=len)
        rest = name[len(parent):].strip("()")
        area = ctx.first_mention(name, ("Park",))
        parent_m = ctx.first_mention(parent, ("Park",))
        if rest in parks:  # 西部科学城重庆高新区: a park inside a park
            out.append(ctx.relation(ctx.first_mention(rest, ("Park",)), "part_of", parent_m, "park_in_park"))
            continue
        sub_areas.add(name)
        out.append(ctx.relation(area, "part_of", parent_m, "park_sub_area"))
        place = _leading_place(ctx, rest) or _sub_area_place(rest)
        if place:
            k = name.index(place, len(parent))
            out.append(ctx.relation(area, "located_in", ctx.name_part(area, k, k + len(place), "Place"),
                                    "park_sub_area.place"))
    for left in ctx.of_type("Park"):  # 西部科学城 + 重庆高新区 as two mentions
        for right in ctx.starting_at(left.end, ("Park",)):
            out.append(ctx.relation(right, "part_of", left, "park_in_park"))
    out += _parks_under(ctx)
    return sub_areas, out


def _parks_under(ctx: DocContext) -> list[Relation]:
    """某某开发区(管委会)下设A产业园和B产业园两个园区: the parks listed after 下设/下辖/(含 are
    part of the park the sentence names before it (also inside its committee's name), and
    the projects listed there lie in it.  A short item that is neither (大学城) is passed over."""
    out = []
    for word in triggers("sub_parks"):
        for hit in re.finditer(re.escape(word), ctx.text):
            sentence = ctx.doc.sentence_at(hit.start())
            if sentence is None:
                continue  # text set aside as a repeat: not read again, nor the whole text before it
            before = ctx.inside(sentence.start, hit.start(), ("Park",))
            if not before:
                continue
            last_end = max(m.end for m in before)  # the last park named, in its longest form
            parent = max((m for m in before if m.end == last_end), key=lambda m: m.end - m.start)
            pos = ctx.skip_space(hit.end())
            while True:
                found = ctx.starting_at(pos, ("Park", "Project"))
                if found:
                    label = "part_of" if found[0].type == "Park" else "located_in"
                    out.append(ctx.relation(found[0], label, parent, "parks_under"))
                    pos = ctx.skip_space(found[0].end)
                else:
                    item = _UNNAMED_ITEM.match(ctx.text, pos)
                    if not item:
                        break
                    pos = item.end()
                if pos >= len(ctx.text) or ctx.text[pos] not in PLACE_LIST_JOINERS:
                    break
                pos = ctx.skip_space(pos + 1)
    return out


def _leading_place(ctx: DocContext, text: str) -> str | None:
    """The place a name starts with: one the document names, else one the gazetteer knows."""
    places = prefixes_in(text, ctx.texts_by_type.get("Place", set()))
    place = max(places, key=len) if places else None
    if place is None:  # only a division of the document's own province: 仙桃 is far from 重庆
        end = gazetteer.match_place(text, 0)
        entry = gazetteer.lookup(text[:end]) if 0 < end < len(text) else None
        place = text[:end] if entry and entry.province and entry.province == ctx.home_province else None
    return place


def _toponym(ctx: DocContext, place: Mention, limit: int | None = None) -> Mention | None:
    """崖州 in 崖州湾科技城 -> 崖州湾: a county or smaller place and a toponym tail that stands
    alone as a word (not 山 of 山姆), as a Place mention; None after a city or province
    (温州湾新区 names a bay, not where in 温州 it is); else ``place``."""
    pos = place.end
    rest = ctx.text[pos:min(limit or len(ctx.text), pos + 8)]
    if not rest or rest[0] not in TOPONYM_TAILS or words(rest)[0] != rest[0]:
        return place
    entry = gazetteer.lookup(compact(place.text))
    if entry is not None and LEVEL_RANK.get(entry.level, 4) < LEVEL_RANK[gazetteer.COUNTY]:
        return None
    return ctx.sub_mention(place, place.start, pos + 1, "Place")


def _prefix_locates(site: Mention, place: str) -> bool:
    """Does the place a name starts with say where the site is?  Not a country (中国…物流园,
    新加坡…项目 name a company's origin), nor a region (长三角…示范园, 东亚…博览中心 name a scope),
    nor a province before a project (安徽…新能源项目 names the company); a province before a
    park does (湖南湘江新区)."""
    entry = gazetteer.lookup(place)
    if entry is None:
        return not _joins_two_places(place)
    if entry.level in (gazetteer.COUNTRY, gazetteer.REGION):
        return False
    return not (site.type == "Project" and entry.level == gazetteer.PROVINCE)


def _joins_two_places(word: str) -> bool:
    """甲乙工业园区 where 甲 and 乙 each open a city's name: a zone two cities share, named with one
    character of each, is in neither (the word is no place the gazetteer lacks).  Not a
    direction after the first (甲西, 甲南: the west or south of 甲 is a place)."""
    initials = gazetteer.city_initials()
    return len(word) == 2 and all(c in initials for c in word) and word[1] not in DIRECTION_CHARS


#: Suffixes of facilities a place alone names (某某港, 某某东站: kg/data/project_suffixes.txt).
_FACILITY_SUFFIXES = tuple(k for k, kind in suffix_table("project_suffixes.txt").items() if kind == "facility")


#: Park name endings by kind (kg/data/park_suffixes.txt), longest first.
PARK_SUFFIX_KINDS = sorted(((row[0], row[1] if len(row) > 1 else "") for row in load_table("park_suffixes.txt")),
                           key=lambda row: len(row[0]), reverse=True)


def _names_where_zone_is(park: Mention, place: str) -> bool:
    """Does the place opening ``park``'s name say where the projects of that park are: any
    division before an estate (产业园, 新区), a county before a development zone (某县经开区)?"""
    entry = gazetteer.lookup(place)
    if entry is None or not _prefix_locates(park, place):
        return False
    return _is_estate(compact(park.text)) or entry.level == gazetteer.COUNTY


def _is_estate(name: str) -> bool:
    """Does the park's name end as an estate or new area (产业园, 新区: kind ``park``), not as a
    development zone (经开区, 临空经济区)?"""
    return next((kind for suffix, kind in PARK_SUFFIX_KINDS if name.endswith(suffix)), "") == "park"


def _unnamed_parent_area(ctx: DocContext, name: str) -> list[Relation]:
    """临空经济区廊坊片区 when the zone alone is not named: the place before 片区/组团 locates
    the sub-area (a zone's name, not a place, comes before that place)."""
    word = next((w for w in _AREA_WORDS if name.endswith(w)), None)
    if word is None:
        return []
    head = name[: -len(word)]
    k = gazetteer.ends_with_place(head)
    if not 0 < k < len(head) - 1 or not _ZONE_BEFORE.search(head[:k]):
        return []
    area = ctx.first_mention(name, ("Park",))
    return [ctx.relation(area, "located_in", ctx.name_part(area, k, len(head), "Place"), "park_sub_area.place")]


def _sub_area_place(rest: str) -> str | None:
    """大庙组团 -> 大庙: a sub-area is named by its place and a sub-area word.  Before 园区 or 园
    the words are often no place (智谷园区, 智能园): only a place the gazetteer knows."""
    for word in triggers("sub_area"):
        place = rest[: -len(word)]
        if (rest.endswith(word) and 2 <= len(place) <= 4 and not set(place) & NOT_IN_PLACE_NAME
                and not DIRECTION.fullmatch(place)
                and (not word.endswith("园") and not word.endswith("园区") or gazetteer.is_place(place))):
            return place
    return None


# -- located_in: stated ----------------------------------------------------

def _location_run(ctx: DocContext, pos: int) -> tuple[list[Mention], int]:
    """Places/parks written one after another from ``pos`` (江津区白沙工业园); most specific last.

    Companies inside the run (合川高新区玉龙集团的…) are returned too."""
    run: list[Mention] = []
    while True:
        found = ctx.starting_at(ctx.skip_space(pos), LOCATIONS + ("Enterprise", "Organization"))
        if found and not run and found[0].type not in LOCATIONS:
            # 坐落于某集团旗下某园区: the company's own park
            word = next((w for w in triggers("owned_by") if ctx.text.startswith(w, found[0].end)), None)
            if word and ctx.starting_at(found[0].end + len(word), LOCATIONS):
                pos = found[0].end + len(word)
                continue
        if not found or (not run and found[0].type not in LOCATIONS):
            return run, pos
        run.append(found[0])
        pos = found[0].end


def _most_specific(run: list[Mention]) -> Mention | None:
    places = [m for m in run if m.type in LOCATIONS]
    return places[-1] if places else None


def _first_after(ctx: DocContext, pos: int, types: tuple[str, ...]) -> Mention | None:
    found = ctx.starting_at(ctx.skip_space(pos), types)
    return found[0] if found else None


def _list_items(ctx: DocContext, first: Mention, types: tuple[str, ...] = LOCATED) -> list[Mention]:
    """The items of a list that starts with ``first``: A、B和C, “A”、“B”, A(B)、C (the name in
    brackets is an item too), 总投资5亿元的A、总投资10亿的B; in text order."""
    text = ctx.text
    first = _owned_project_after(ctx, first)
    items, pos, unnamed = [first], first.end, 0
    while True:
        pos = _skip_chars(ctx, pos, QUOTE_CLOSE)
        site = ITEM_SITE.match(text, pos) if items[-1].type == "Project" else None
        pos = site.end() if site else pos  # A项目点、B基地: the site of the project visited
        bracket = ITEM_BRACKET.match(text, pos)
        if bracket:
            inner = [m for m in ctx.starting_at(ctx.skip_space(bracket.start(1)), types)
                     if ctx.skip_space(m.end) == bracket.end(1)]
            items += inner[:1]
            pos = _skip_chars(ctx, bracket.end(), QUOTE_CLOSE)
        if text.startswith("以及", pos):
            pos += 1
        if pos >= len(text) or text[pos] not in ITEM_JOINERS:
            return items
        pos = _skip_chars(ctx, pos + 1, QUOTE_OPEN)
        modifier = ITEM_MODIFIER.match(text, pos)
        if modifier:
            pos = _skip_chars(ctx, modifier.end(), QUOTE_OPEN)
        found = [m for m in ctx.starting_at(pos, types) if ctx.is_outermost(m)]
        if found and _opens_name(ctx, found[0]):
            return items  # 乙园B项目: a park before a name of its own starts another list
        if not found:
            quoted = text[pos - 1] in QUOTE_OPEN and QUOTED_LIST_ITEM.match(text, pos)
            skipped = quoted or UNNAMED_LIST_ITEM.match(text, pos)
            if skipped is None or unnamed == MAX_UNNAMED or (not quoted and ctx.inside(pos, skipped.end(), LOCATIONS)):
                return items
            pos, unnamed = skipped.end(), unnamed + 1
            continue
        items.append(_owned_project_after(ctx, found[0]))
        pos, unnamed = items[-1].end, 0


def _owned_project_after(ctx: DocContext, item: Mention) -> Mention:
    """``A公司B项目、C公司D基地``: a company written right before its project is the owner of
    that item, not the item: the project is what the list names (and where it is, the
    company's project is)."""
    if item.type not in OWNER_TYPES:
        return item
    project = [m for m in ctx.starting_at(ctx.skip_space(item.end), ("Project",)) if ctx.is_outermost(m)]
    return project[0] if project else item


def _list_items_before(ctx: DocContext, last: Mention, types: tuple[str, ...] = LOCATED) -> list[Mention]:
    """The items of a list (A、B和C) that ends with ``last``, in text order."""
    text = ctx.text
    items = [last]
    while True:
        pos = _skip_chars_left(ctx, items[0].start, QUOTE_OPEN)
        if pos == 0 or text[pos - 1] not in ITEM_JOINERS:
            return items
        pos = _skip_chars_left(ctx, pos - 1, QUOTE_CLOSE)
        found = [m for m in ctx.ending_at(pos, types) if ctx.is_outermost(m)]
        if not found:
            return items
        items.insert(0, found[0])


def _opens_name(ctx: DocContext, m: Mention) -> bool:
    """Is ``m`` a place or park written right before a name (乙区A项目, 甲市“B项目”)?"""
    return m.type in LOCATIONS and bool(ctx.starting_at(_skip_chars(ctx, m.end, QUOTE_OPEN), LOCATED))


def _skip_chars(ctx: DocContext, pos: int, chars: str) -> int:
    """``pos`` moved right over spaces and ``chars`` (quotes around a list item)."""
    pos = ctx.skip_space(pos)
    while pos < len(ctx.text) and ctx.text[pos] in chars:
        pos = ctx.skip_space(pos + 1)
    return pos


def _skip_chars_left(ctx: DocContext, pos: int, chars: str) -> int:
    pos = ctx.skip_space_left(pos)
    while pos > 0 and ctx.text[pos - 1] in chars:
        pos = ctx.skip_space_left(pos - 1)
    return pos


#: 建设地点：L, 建设地点为L: a label of a project's place and what joins it to the place.
PLACE_LABEL = re.compile(rf"(?:{trigger_alternation('place_label')})\s*(?:[:：]|为|是|在|位于)?\s*")


def _record_places(ctx: DocContext) -> list[Relation]:
    """项目名称：P / 建设地点：L, P，建设地点为L: the place after a label of location is where the
    project earlier on its line is, else the only project of the line before."""
    text = ctx.text
    out: list[Relation] = []
    previous: tuple[int, int] | None = None
    for line in re.finditer(r"[^\n]+", text):
        for hit in PLACE_LABEL.finditer(text, line.start(), line.end()):
            where = _most_specific(_location_run(ctx, hit.end())[0])
            if where is None:
                continue
            projects = [p for p in ctx.inside(line.start(), hit.start(), ("Project",)) if ctx.is_outermost(p)]
            if not projects and previous is not None:
                projects = [p for p in ctx.inside(*previous, ("Project",)) if ctx.is_outermost(p)]
                projects = projects if len(projects) == 1 else []
            if projects:
                out.append(ctx.relation(projects[-1], "located_in", where, "record_place",
                                        ctx.doc.span(projects[-1].start, where.end)))
        if line.group().strip():
            previous = (line.start(), line.end())
    return out


def _located_at(ctx: DocContext) -> list[Relation]:
    """位于 L 的 X / X 位于 L (not 位于 A 与 B 之间)."""
    out = []
    for word in triggers("locate_before"):
        for hit in re.finditer(re.escape(word), ctx.text):
            run, pos = _location_run(ctx, hit.end())
            where = _most_specific(run)
            if where is None or BETWEEN.match(ctx.text, pos):
                continue
            pos = WITHIN.match(ctx.text, pos).end()  # 位于某区境内的 X
            target = _first_after(ctx, pos + 1, LOCATED) if ctx.text.startswith("的", pos) else None
            if target:
                out += [ctx.relation(m, "located_in", where, "located_de") for m in _list_items(ctx, target)]
                out += [ctx.relation(c, "located_in", where, "located_de")
                        for c in run if c.type not in LOCATIONS]
            else:  # X 位于 L; X 地处 L 的核心区域
                before = ctx.ending_at(ctx.skip_space_left(hit.start()), LOCATED)
                if before:
                    out += [ctx.relation(m, "located_in", where, "located_at")
                            for m in _list_items_before(ctx, before[0])]
                elif (subject := _subject_of(ctx, hit.start())) is not None:
                    out.append(ctx.relation(subject, "located_in", where, "located_at"))
    return out


#: What may follow a place before 的 or the end of a statement of location (位于某区境内).
WITHIN = re.compile(rf"(?:{trigger_alternation('within')})?")
#: Words standing for the project or company named before (该项目位于…).
ANAPHORS = {word: (type_,) for word, type_ in load_table("relation_anaphors.tsv")}


def _subject_of(ctx: DocContext, pos: int) -> Mention | None:
    """What a statement of location at ``pos`` with no name right before it is about: a project,
    company or park opening its sentence with nothing named in between (X总投资5亿元，位于L), or
    the one 该项目/该公司 stands for when the sentence before names exactly one."""
    sentence = ctx.doc.sentence_at(pos)
    if sentence is None:
        return None
    start = ctx.skip_space(sentence.start)
    before = ctx.skip_space_left(pos)
    word = next((w for w in sorted(ANAPHORS, key=len, reverse=True)
                 if ctx.text.endswith(w, 0, before) and ctx.skip_space(before - len(w)) == start), None)
    if word is not None:
        previous = ctx.doc.sentence_at(sentence.start - 1) if sentence.start > 0 else None
        named = [m for m in ctx.inside(previous.start, previous.end, ANAPHORS[word]) if ctx.is_outermost(m)] \
            if previous is not None else []
        return named[0] if len({compact(m.text) for m in named}) == 1 else None
    subject = [m for m in ctx.starting_at(start, LOCATED) if ctx.is_outermost(m)]
    if not subject or ctx.inside(subject[0].end, pos, LOCATED + LOCATIONS + ("GovOrg", "Person")):
        return None
    return subject[0]


def _de_location(ctx: DocContext) -> list[Relation]:
    """(在) L(境内/内) 的 X: 来到临空前沿科技城的北斗智联生产车间."""
    out = []
    for where in ctx.of_type(*LOCATIONS):
        pos = ctx.skip_space(where.end)
        if not ctx.is_outermost(where):
            continue
        after_in = ctx.text[max(0, where.start - 1)] == "在"
        if ctx.text.startswith("的", within := WITHIN.match(ctx.text, pos).end()):
            pos = within  # 园区内的企业, 县境内的项目
        if not ctx.text.startswith("的", pos):
            start = where.start
            while before := ctx.ending_at(start, LOCATIONS):  # 在大连市金州区…
                start = before[0].start
            if ctx.text[max(0, start - 1)] != "在" or ctx.starting_at(where.end, LOCATIONS):
                continue
            # 在 L 深耕15年的 X: a short verb phrase, naming nothing, between the place and 的.
            verb = VERB_PHRASE_DE.match(ctx.text, pos)
            if not verb or ctx.inside(pos, verb.end(), LOCATED + LOCATIONS + ("GovOrg", "Person")):
                continue
            pos = verb.end() - 1
            # 在 L 建成投产的 X: a building verb places a project or park too.
            builds = any(ctx.text.startswith(w, verb.start()) for w in triggers("build"))
            target = _first_after(ctx, pos + 1, LOCATED if builds else ("Enterprise", "Organization"))
            if target:
                out.append(ctx.relation(target, "located_in", where, "in_verb_de"))
            continue
        target = _first_after(ctx, pos + 1, LOCATED) or _after_unnamed_first_item(ctx, pos + 1)
        if target:
            out += [ctx.relation(m, "located_in", where, "in_de" if after_in else "de_location")
                    for m in _list_items(ctx, target)]
    return out


#: How the names of institutions, projects and parks end (研究院, 示范项目, 产业园): an item no
#: recognizer named is passed over as a name only when it ends so (not 渠县的发展、…).
NAME_HEADS = tuple(sorted(load_set("org_suffixes.txt") | load_set("project_suffixes.txt")
                          | load_set("park_suffixes.txt"), key=len, reverse=True))


def _after_unnamed_first_item(ctx: DocContext, pos: int) -> Mention | None:
    """L的甲研究院、B项目: the first item of a 、 list no recognizer named; the list still goes on
    from the next item, if that one is named (and the passed-over item, a name by its ending,
    names no place or park)."""
    skipped = UNNAMED_LIST_ITEM.match(ctx.text, pos)
    if skipped is None or ctx.text[skipped.end()] != "、" or not skipped.group().endswith(NAME_HEADS) \
            or ctx.inside(pos, skipped.end(), LOCATIONS):
        return None
    return _first_after(ctx, skipped.end() + 1, LOCATED) \
        or _first_after(ctx, _skip_chars(ctx, skipped.end() + 1, QUOTE_OPEN), LOCATED)


def _in_location(ctx: DocContext) -> list[Relation]:
    """在 L 建设 X; 在 L 举行 X 开工仪式; 在 L，… X项目 (the next clause names a project)."""
    out = []
    build = triggers("build")
    for hit in re.finditer("在", ctx.text):
        run, pos = _location_run(ctx, hit.end())
        where = _most_specific(run)
        if where is None:
            continue
        verb = next((w for w in build if ctx.text.startswith(w, pos)), None)
        if verb:
            target = _first_after(ctx, pos + len(verb), SITES)
            if target:
                out.append(ctx.relation(target, "located_in", where, "builds_at"))
            continue
        if (ceremony := ceremony_site(ctx, pos)) is not None:
            out.append(ctx.relation(ceremony, "located_in", where, "ceremony_at"))
            continue
        pos = ctx.skip_space(pos)
        if pos < len(ctx.text) and ctx.text[pos] in ",，":
            end = SENTENCE_END.search(ctx.text, pos)
            for project in ctx.inside(pos, end.start() if end else len(ctx.text), ("Project",)):
                if ctx.is_outermost(project):
                    out.append(ctx.relation(project, "located_in", where, "in_then"))
                    break
    return out


def _scenes(ctx: DocContext, scenes: list[tuple[Mention, int, int]]) -> list[Relation]:
    """来到 L，调研 A、B，深入 C…; 在 L，… A、B: a visit to a place or park (or a sentence that
    opens with 在 L，) says where the companies, projects, parks and institutions named in the
    rest of its sentence are.  A place or park written right before an item (先后来到甲区A项目、
    乙园B和C) places the items after it up to the next comma; another place standing alone ends
    the scene (the sentence moves on)."""
    out = []
    for where, start, end in scenes:
        out += _scene_items(ctx, where, start, end)
    return out


def _scene_places(ctx: DocContext) -> list[tuple[Mention, int, int]]:
    """(place or park visited, where its scene starts and ends) for every scene of ``_scenes``."""
    out = []
    text = ctx.text
    visit = triggers("visit")
    for word in visit + ("在", "到", "来"):
        for hit in re.finditer(re.escape(word), text):
            if word == "到" and text[hit.start() - 1:hit.start()] in "来达得":
                continue  # 来到 is a visit verb of its own; 达到, 得到 are no movement
            after = hit.end() + (text.startswith(FORMER, hit.end()) and bool(ctx.starting_at(hit.end() + 1, ("Park",))))
            run, _ = _location_run(ctx, after)  # 到原某某产业园: the park as it was called before
            places = [m for m in run if m.type in LOCATIONS]
            if not places or places[-1] is not run[len(places) - 1]:
                continue
            where = places[-1]
            scene_start = where.end
            opening = [p for p in ctx.starting_at(where.start, PLACE) if p.end < where.end]
            if where.type == "Park" and (len(places) > 1 or opening) \
                    and ctx.text[ctx.skip_space(where.end):][:1] in ITEM_JOINERS \
                    and _listed_sites_end(ctx, where.start, word, visit):
                # 到某县甲产业园、乙公司…等地调研: the park is the first site of a list, in the place before
                # it or opening its name
                scene_start = where.start
                where = places[-2] if len(places) > 1 else opening[0]
            if len(compact(where.text)) == 1:
                # 来渠考察 beside 渠县: the one division the character stands for; 在洛期间 with
                # none named in full is no name to place things in
                where = _spelt_out(ctx, where)
                if where is None:
                    continue
            if any(o.type in LOCATED and o.start == run[0].start for o in ctx.enclosing(run[0])):
                continue  # 来到某新城某中心项目、A项目: the first item visited, opened by its park's name
            pos = ctx.skip_space(scene_start if scene_start < places[-1].end else places[-1].end)
            opens_clause = pos < len(text) and text[pos] in ",，"
            listed = _listed_sites_end(ctx, pos, word, visit)
            if word == "在":  # 在 L，…; 在 L 期间，…; 在 L 调研时，…; 在 L A、B，…; 某书记在 L 调研
                during = DURING_VISIT.match(text, pos)
                if not (opens_clause or during or listed or _visit_after(text, pos, visit)) \
                        or not (_opens_clause(text, hit.start()) or _visit_after(text, pos, visit)):
                    continue
            elif word in ("到", "来"):  # 到某县调研, 来某县考察: only with a verb of visiting after the place
                # (or, for a park, with a comma: 到某产业园，实地了解A、B; or after the sites listed: 到某县A、B等地调研)
                if not (_visit_after(text, pos, visit) or word == "到" and opens_clause and where.type == "Park"
                        or listed):
                    continue
            elif not (opens_clause or _visit_after(text, pos, visit)
                      or ctx.starting_at(pos, LOCATED)):
                continue
            sentence = ctx.doc.sentence_at(hit.start())
            if sentence is None:
                continue  # text set aside as a repeat: not read again, nor up to the end of the text
            end = sentence.end
            stop = SEMICOLON.search(text, places[-1].end, end)  # a semicolon opens another step
            end = stop.start() if stop else end
            if where.type == "Park" and not opens_clause:
                # 到某科技园考察X项目，到某公司…: a site visited places what its own clause names
                clause = CLAUSE_END.search(text, places[-1].end, end)
                end = clause.start() if clause else end
            if listed and not (opens_clause or _visit_after(text, pos, visit)):
                end = min(end, listed)  # 在某县A、B，某书记指出…: the sites listed, not the rest
            out.append((where, min(scene_start, places[-1].end), end))
    # 某汽车城内，A工厂车间里…: a place or park opening a sentence, then 内/里 and a comma
    for where in ctx.of_type(*LOCATIONS):
        pos = ctx.skip_space(where.end)
        sentence = ctx.doc.sentence_at(where.start)
        if sentence is None or ctx.skip_space(sentence.start) != where.start or not ctx.is_outermost(where) \
                or not IN_SCENE.match(text, pos):
            continue
        stop = SEMICOLON.search(text, where.end, sentence.end)
        out.append((where, where.end, stop.start() if stop else sentence.end))
    return out


#: What closes a list of sites visited before the verb of visiting (到某县A、B等地调研).
SITES_VISITED_CLOSE = re.compile(r"等?(?:地|企业|项目|单位|园区)?")


def _listed_sites_end(ctx: DocContext, pos: int, word: str, visit: tuple[str, ...]) -> int | None:
    """在某县A、B，…; 到某县A产业园、B公司等地调研: where a list of sites right after the place
    visited ends (the end of its clause), or None: after 在 the list must close its clause, after
    到 a verb of visiting must follow it."""
    first = [m for m in ctx.starting_at(pos, LOCATED) if ctx.is_outermost(m)]
    if not first or word not in ("在", "到"):
        return None
    after = ctx.skip_space(_list_items(ctx, first[0])[-1].end)
    while ctx.text[after:after + 1] and ctx.text[after] in ITEM_JOINERS:  # 、乙县C公司: a place opens the next part
        prefix = [m for m in ctx.starting_at(ctx.skip_space(after + 1), LOCATIONS) if _opens_name(ctx, m)]
        named = [m for m in ctx.starting_at(_skip_chars(ctx, prefix[0].end, QUOTE_OPEN), LOCATED)
                 if ctx.is_outermost(m)] if prefix else []
        if not named:
            break
        after = ctx.skip_space(_list_items(ctx, named[0])[-1].end)
    if word == "在":
        return after if ctx.text[after:after + 1] in ("，", ",") else None
    verb_at = SITES_VISITED_CLOSE.match(ctx.text, after).end()
    if not _visit_after(ctx.text, verb_at, visit):
        return None
    return CLAUSE_END.search(ctx.text + "。", verb_at).start()


def _visited_in(ctx: DocContext, where: Mention) -> bool:
    """Is ``where`` the place of 在 L 调研 (a visit said so, not a scene opened by a comma or 期间)?"""
    return ctx.text[where.start - 1:where.start] == "在" \
        and _visit_after(ctx.text, ctx.skip_space(where.end), triggers("visit"))


def _visit_after(text: str, pos: int, visit: tuple[str, ...]) -> bool:
    """Does a verb of visiting start at ``pos``, maybe after adverbs (在某县先后来到) and a light verb
    (前往某区开展调研)?"""
    pos = LIST_ADVERBS.match(text, pos).end()
    light = next((w for w in triggers("visit_light_verb") if text.startswith(w, pos)), "")
    return any(text.startswith(v, pos + len(light)) for v in visit)


def _tours(ctx: DocContext, found: list[Relation], scene_places: list[tuple[Mention, int, int]]) -> list[Relation]:
    """某书记到某园区调研。他首先到A、B调研…。接着，他考察C及D项目: the later sentences of the
    article that go on visiting (a verb of visiting right before a list of names, no other
    place or park named on its own) visit what lies in the place of the scene, until a
    sentence names another place or park."""
    # stated places stand; a name prefix (渠江 in 渠江某航运工程) does not say which place was toured
    placed = {compact(r.head.text) for r in found if r.label == "located_in" and r.pattern in EXPLICIT}
    scenes: dict[int, Mention] = {}
    for where, start, _ in scene_places:
        sentence = ctx.doc.sentence_at(start - 1)
        if sentence is not None:
            scenes[sentence.start] = where
    out: list[Relation] = []
    where, article = None, None
    for sentence in ctx.doc.sentences:
        if ctx.doc.article_at(sentence.start) is not article:
            where, article = None, ctx.doc.article_at(sentence.start)
        scene = scenes.get(sentence.start)
        if scene is not None and (where is None or not _visited_in(ctx, scene)):
            where = scene
            continue
        # 某书记赴甲高新区调研。… 某书记在乙产业园调研: a visit said so, during a tour, is a sentence of the tour
        if where is None:
            continue
        items: list[Mention] = []
        for verb in chain(VISIT_VERB.finditer(sentence.text), _sites_opening_clauses(ctx, sentence)):
            pos = _skip_chars(ctx, _after_visit_fillers(ctx.text, sentence.start + verb.end()), QUOTE_OPEN)
            unnamed = UNNAMED_LIST_ITEM.match(ctx.text, pos)
            if not ctx.starting_at(pos, LOCATED) and unnamed and not ctx.inside(pos, unnamed.end(), LOCATED):
                pos = _skip_chars(ctx, unnamed.end() + 1, QUOTE_OPEN)  # a first item no recognizer named
            first = [m for m in ctx.starting_at(pos, LOCATED) if ctx.is_outermost(m)]
            if first:  # every list the sentence visits: 在A施工现场，…；走进B、C，…
                items += [m for m in _list_items(ctx, first[0]) if m not in items]
        items += [m for m in _described_site(ctx, sentence) if m not in items]
        # 某县代表团先后到A园区、B公司: neither the visitors' own place nor a park visited moves the visit on
        named = [m for m in ctx.inside(sentence.start, sentence.end, LOCATIONS) if ctx.is_outermost(m)
                 and m not in items and not _visitors_place(ctx, m) and _visited(ctx, m)]
        others = [m for m in named if compact(m.text) != compact(where.text) and not _province_of_toured(ctx, m, where)]
        if not all(_inside_toured(ctx, m, where) for m in others):
            where = None  # the visit moves on to another place
            continue
        for m in others + items:
            if m.type in SITES and (not _inside_toured(ctx, m, where) or _names_its_zone(ctx, m)):
                continue  # a site named after another place, or with its own zone (某高速某新区至某段项目), is there
            if compact(m.text) not in placed and not _names_a_post(ctx, m) and not _is_media(m):
                placed.add(compact(m.text))
                out.append(ctx.relation(m, "located_in", where, "tour", ctx.evidence(m)))
    return out


#: 原 before a park's name: as it was called before (到原某某产业园).
FORMER = "原"
#: What follows the sites a clause opens with 在 (在A、B施工现场，…; 在C公司的生产车间，…).
SITE_CLAUSE_END = re.compile(rf"的?(?:{trigger_alternation('project_word')})?(?:建设|施工|生产)?(?:现场|工地|车间|厂区|基地)?[,，]")
#: 走访了A, 深入我区A: see visit_filler in relation_triggers.tsv.
VISIT_FILLER_WORD = re.compile(f"(?:{trigger_alternation('visit_filler')})*")


def _after_visit_fillers(text: str, pos: int) -> int:
    """Where the first thing visited starts after a verb of visiting ending at ``pos``."""
    return VISIT_FILLER_WORD.match(text, pos).end()


def _sites_opening_clauses(ctx: DocContext, sentence: Sentence) -> list[re.Match[str]]:
    """在A、B施工现场，…; 在C公司，…: a clause of a tour opening with 在 and the sites it is at
    goes to them as a verb of visiting does (matches of 在 in the sentence's text)."""
    out = []
    for hit in re.finditer(r"(?:^(?:图为)?|(?<=[,，;；]))在", sentence.text):  # 图为在A，…: a caption
        first = [m for m in ctx.starting_at(sentence.start + hit.end(), LOCATED) if ctx.is_outermost(m)]
        if first and SITE_CLAUSE_END.match(ctx.text, _list_items(ctx, first[0])[-1].end):
            out.append(hit)
    return out


#: 某某公司是一家…企业: a sentence of a tour that opens by saying what a company or site is.
DESCRIBED = re.compile(r"\s*(?:是|作为)")


def _described_site(ctx: DocContext, sentence: Sentence) -> list[Mention]:
    """The company, institution or project a sentence of a tour opens with and describes (A公司是一家
    生产…的企业): a site the visitors are at."""
    start = ctx.skip_space(sentence.start)
    first = [m for m in ctx.starting_at(start, LOCATED) if ctx.is_outermost(m)]
    return first[:1] if first and DESCRIBED.match(ctx.text, first[0].end) else []


#: What a project adds to the estate it builds (某某产业园三期项目, 某某产业园(二期)工程).
BUILT_ESTATE_REST = re.compile(r"[(（]?[0-9一二三四五六七八九十]+期[)）]?(?:项目|工程)?(?:基地)?|项目|工程")


def _names_its_zone(ctx: DocContext, site: Mention) -> bool:
    """Does a park inside the site's name say where it is (某高速某新区至某段项目), not only
    the estate the project builds (某某产业园三期项目)?"""
    return any(p.type == "Park" and p is not site and not BUILT_ESTATE_REST.fullmatch(ctx.text, p.end, site.end)
               for p in ctx.inside(site.start, site.end, LOCATIONS))


def _inside_toured(ctx: DocContext, m: Mention, where: Mention) -> bool:
    """Is the park or project ``m``, visited on a tour of ``where``, in it (某高新区 … 来到某某产业园;
    甲县 … 乙镇某基地, 某市某某项目): its name opens with no place, with the toured place, or with
    one it may contain or be in?  A park or project named after another division of the same
    rank or apart (丙县产业园) is there."""
    if m.type not in SITES:
        return False
    opening = [p for p in ctx.starting_at(m.start, PLACE) if p.end < m.end]
    if not opening:
        return True
    outer = _toured_place(ctx, where)
    if outer is None:
        return False
    inner = compact(opening[0].text)
    entry = gazetteer.lookup(inner)
    if entry is None or entry.level == gazetteer.RIVER:
        return True  # a town or a river (渠江某航运工程) the gazetteer cannot set against the place
    return outer.startswith(inner) or _may_contain(outer, inner) or _may_contain(inner, outer)


def _province_of_toured(ctx: DocContext, m: Mention, where: Mention) -> bool:
    """Is ``m`` the province of the toured place (视察某省重要讲话 on a tour of one of its
    districts): no visit elsewhere."""
    toured = _toured_place(ctx, where)
    outer = gazetteer.lookup(compact(m.text)) if m.type == "Place" else None
    inner = gazetteer.lookup(toured) if toured is not None else None
    return bool(outer and inner and outer.level == gazetteer.PROVINCE and inner.province == outer.full)


def _toured_place(ctx: DocContext, where: Mention) -> str | None:
    """The place of a tour: the place itself, a park that is a division too (某某新区), or the
    place opening the park's name."""
    if where.type == "Place" or gazetteer.lookup(compact(where.text)):
        return compact(where.text)
    opening = next((p for p in ctx.starting_at(where.start, PLACE) if p.end < where.end), None)
    return compact(opening.text) if opening else None


def _visited(ctx: DocContext, m: Mention) -> bool:
    """Is the place or park ``m`` where the visit goes (a verb of visiting before it in its clause,
    or 在 right before it)?  One named otherwise (吸引企业落地某市, 某市企业) does not move a tour on."""
    start = clause_start(ctx.text, m.start)
    return ctx.text[m.start - 1:m.start] == "在" or any(
        _names_only(ctx, verb.end(), m.start) for verb in VISIT_VERB.finditer(ctx.text, start, m.start))


#: What may stand between a verb of visiting and the place it goes to besides names (先后来到了甲县、乙园).
VISIT_GAP_CHARS = set(ITEM_JOINERS + "与了到至 \u3000")


def _names_only(ctx: DocContext, start: int, end: int) -> bool:
    """Is ``text[start:end]`` only names and the joiners of a list (深入甲县、乙县 before 丙县,
    not 深入贯彻…精神 before a place)?"""
    pos = start
    while pos < end:
        names = [n for n in ctx.starting_at(pos, LOCATIONS + LOCATED) if n.end <= end]
        if names:
            pos = max(n.end for n in names)
        elif ctx.text[pos] in VISIT_GAP_CHARS:
            pos += 1
        else:
            return False
    return True


def _visitors_place(ctx: DocContext, m: Mention) -> bool:
    """Is ``m`` the place of a group of visitors (某县党政代表团, 某市考察团)?"""
    return any(ctx.text.startswith(w, m.end) for w in triggers("visitor_group"))


def _spelt_out(ctx: DocContext, short: Mention) -> Mention | None:
    """The document's one city or county a one-character place name stands for (渠 -> 渠县, 泸 ->
    泸州): the division whose name, as the document writes it, starts with that character;
    the form the document writes most often."""
    name = compact(short.text)
    counts: dict[str, int] = {}
    divisions: set[str] = set()
    for m in ctx.of_type("Place"):
        text = compact(m.text)
        entry = gazetteer.lookup(text) if text.startswith(name) and text != name else None
        if entry is not None and entry.level in (gazetteer.CITY, gazetteer.COUNTY):
            counts[text] = counts.get(text, 0) + 1
            divisions.add(entry.full)
    if len(divisions) != 1:
        return None
    return ctx.first_mention(max(sorted(counts), key=lambda t: (counts[t], len(t))), PLACE)


def _scene_items(ctx: DocContext, where: Mention, start: int, end: int) -> list[Relation]:
    out = []
    current = where
    for m in ctx.inside(start, end, LOCATED + LOCATIONS):
        if not ctx.is_outermost(m):
            continue
        if CLAUSE_END.search(ctx.text, current.end, m.start):
            current = where  # a prefix place places its own list only
        if _opens_name(ctx, m):
            if not (m.type == "Place" and province_or_wider(compact(m.text))):
                current = m  # 河南省某某创新中心 on a tour of a county: the province names its origin
            continue
        if m.type == "Place" and (_visitors_place(ctx, m) or compact(m.text) == compact(where.text)):
            continue  # 在某市期间，某县代表团先后前往A、B: the visitors' own place; the scene's own again
        if m.type == "Place":
            break
        if _names_a_post(ctx, m) or _is_media(m):
            continue  # 会见远拓集团董事长: whom the visitors met, not what they visited; a paper reports
        out.append(ctx.relation(m, "located_in", current, "scene"))
        # 来到某市，调研甲县某开发区: the place opening the name of a park or project is part of the
        # scene's place (a company's name may open with a place it is not in).
        opening = [p for p in ctx.starting_at(m.start, PLACE) if p.end < m.end and m.type in SITES]
        if opening and current is where and where.type == "Place" \
                and _may_contain(compact(where.text), compact(opening[0].text)):
            out.append(ctx.relation(opening[0], "part_of", where, "scene"))
    return out


def _is_media(m: Mention) -> bool:
    return m.type == "Organization" and compact(m.text).endswith(tuple(load_set("relation_media_suffixes.txt")))


def _opens_clause(text: str, pos: int) -> bool:
    """Does a clause start at ``pos`` (``clause_start(text, pos) == pos``, without its scan back)?"""
    return pos == 0 or bool(CLAUSE_END.match(text[pos - 1]))


def _names_a_post(ctx: DocContext, m: Mention) -> bool:
    """Is ``m`` the body of a title (inside one, or written right before one)?"""
    return bool(ctx.starting_at(ctx.skip_space(m.end), (TITLE,)) or ctx.containing(m.start, m.end, (TITLE,)))


def _stated_parts(ctx: DocContext) -> list[Relation]:
    """X…,是Y的重要组成部分, 作为Y的…之一，X: a park (or place) said to be part of another one."""
    out = []
    for phrase in triggers("part_of_phrase"):
        for hit in re.finditer(re.escape(phrase), ctx.text):
            whole = [m for m in ctx.ending_at(ctx.skip_space_left(hit.start()), LOCATIONS) if ctx.is_outermost(m)]
            sentence = ctx.doc.sentence_at(hit.start())
            if not whole or sentence is None:
                continue
            if not ctx.text.endswith("是", 0, ctx.skip_space_left(whole[0].start)):
                continue
            # the first park (or place) of the sentence, also inside a project's name (某产业园项目)
            kind = whole[0].type
            parts = [m for m in ctx.inside(sentence.start, whole[0].start, (kind,))
                     if not any(o.type == kind for o in ctx.enclosing(m))]
            if parts:
                out.append(ctx.relation(parts[0], "part_of", whole[0], "stated_part"))
    # 作为某市最重要的板块之一，某区…: the place the clause after it opens is part of that place
    for hit in AS_ONE_OF.finditer(ctx.text):
        whole = [m for m in ctx.starting_at(ctx.skip_space(hit.end(1)), LOCATIONS) if ctx.is_outermost(m)]
        if not whole:
            continue
        part = [m for m in ctx.starting_at(ctx.skip_space(hit.end()), (whole[0].type,)) if ctx.is_outermost(m)]
        if part and (whole[0].type == "Park" or _may_contain(compact(whole[0].text), compact(part[0].text))):
            out.append(ctx.relation(part[0], "part_of", whole[0], "stated_part"))
    return out


#: 作为L(的)…之一/组成部分，X: X is part of L.
AS_ONE_OF = re.compile(rf"(作为)[^，,。；;]{{2,24}}?(?:{trigger_alternation('one_of')})[,，]")


def _event_hosts(ctx: DocContext, found: list[Relation]) -> list[Relation]:
    """某县(某经开区)举行…重点项目集中开工仪式。本次集中开工的项目包括A、B。其中，C项目…; 某区签约
    项目12个，包括A、B: the place or park that holds an event starting or signing projects
    (the first name of its sentence) is where the projects of that sentence and of the later
    sentences of the article that speak of the event (本次, 此次; 其中, 特别是 right after them) are,
    unless a stated pattern placed them."""
    placed = {compact(r.head.text) for r in found if r.label == "located_in" and r.pattern in EXPLICIT}
    placed |= {compact(r.tail.text) for r in found if r.label == "part_of"}  # a whole, not a project of the event
    anaphors = triggers("event_anaphor")
    item_openings = triggers("event_item_opening")
    out: list[Relation] = []
    host, article, previous_used = None, None, False
    for sentence in ctx.doc.sentences:
        if ctx.doc.article_at(sentence.start) is not article:
            host, article = None, ctx.doc.article_at(sentence.start)
        # 本次集中开工的项目…; 其中，A项目… right after such a sentence: the event named before
        spoken_of = any(w in sentence.text for w in anaphors)
        follows = spoken_of or (previous_used and sentence.text.lstrip().startswith(item_openings))
        used, previous_used = previous_used, False
        event = EVENT.search(sentence.text)
        # 这次某市组织77个项目集中开工: a sentence speaking of the event may name its host itself
        own_host = _event_host(ctx, sentence.start + event.start(), sentence.end) if event else None
        if own_host is not None:
            host = own_host
        elif not follows:
            if event is None:
                continue
            # 当天，签约仪式共签下项目9个: an event clause naming nothing right after a sentence that
            # had a host keeps it.  某书记、某集团董事长等参加开工仪式: a sentence of who attended
            # (no place or park named) neither keeps nor ends it: the next one may still use it.
            at = sentence.start + event.start()
            names_nothing = not ctx.inside(clause_start(ctx.text, at), at, LOCATED + LOCATIONS + ("GovOrg", "Person"))
            if used and not names_nothing and not any(
                    ctx.is_outermost(m) for m in ctx.inside(sentence.start, sentence.end, SITES + PLACE)):
                previous_used = True
                continue
            host = host if used and names_nothing else None
        if host is None:
            continue
        previous_used = True
        for m in ctx.inside(max(sentence.start, host.end), sentence.end, SITES):
            # A park is a project of the event in a later sentence about it (本次集中开工的项目包括某某
            # 产业园, 当天集中开工的项目为某某产业园) or in brackets after the host (某县(某经开区)举行…), unless both are parks: then
            # it is the host's other name (某新区(某新城)).  In the host's sentence other parks are
            # peers (某高新区上榜2个项目，某新区、某区分别上榜1个).
            bracketed = ctx.text[host.end:m.start].strip() in ("(", "（")
            if m.type == "Park" and not (spoken_of or (event and own_host is None) or (bracketed and host.type == "Place")):
                continue
            if ctx.is_outermost(m) and compact(m.text) not in placed and not _opens_name(ctx, m) \
                    and not compact(host.text).endswith(compact(m.text)):  # the host's short name again
                out.append(ctx.relation(m, "located_in", host, "event_host", ctx.evidence(m)))
    return out


#: 等 closing a list of projects or companies: 等一批重大项目, 等16个重大产业项目, 等企业.
LIST_CLOSE = re.compile(rf"等[^，,。；;、：:]{{0,12}}?(?:{trigger_alternation('list_kind')})")


def _subject_lists(ctx: DocContext, found: list[Relation]) -> list[Relation]:
    """某市引进A、B、C等一批重大项目; 某经开区共推动A、B等16个项目开工: the place or park that opens
    the clause (found as the host of an event is; or its sentence's, when the clause opens with
    the list verb: 某区抢抓…机遇，引进建设A、B等项目) and brings in, starts or signs (a list verb
    before the first item) is where every project, park and company listed in that clause
    before 等…项目/企业 is (parks only in a place), unless a stated pattern placed them."""
    placed = {compact(r.head.text) for r in found if r.label == "located_in" and r.pattern in EXPLICIT}
    verbs = triggers("list_verb")
    home = _home(ctx)
    out = []
    for hit in LIST_CLOSE.finditer(ctx.text):
        sentence = ctx.doc.sentence_at(hit.start())
        if sentence is None:
            continue
        host = _event_host(ctx, hit.start(), sentence.end) or _shared_subject(ctx, hit.start(), sentence.start, verbs)
        if host is None:  # 共储备A、B等重点项目136个: a sentence naming no subject speaks of the home
            # (its projects only: companies listed so are as often investors from elsewhere)
            items = [m for m in ctx.inside(sentence.start, hit.start(), LOCATED) if ctx.is_outermost(m)]
            items = items if all(m.type in SITES for m in items) else []
            named = ctx.inside(sentence.start, items[0].start, LOCATED + LOCATIONS + ("GovOrg", "Person")) \
                if items else True
            if home is None or named or len(items) < 2:
                continue
            host, pattern = home, "home_list"
        else:
            if province_or_wider(compact(host.text)):
                continue  # 某省将实施A、B等一批项目: a province's programme, not where a project is
            # the list is in the clause of the list close (its subject may be a clause or more before)
            begin = max(host.end, clause_start(ctx.text, hit.start()))
            items, pattern = [m for m in ctx.inside(begin, hit.start(), LOCATED)], "subject_list"
            if not items or not any(w in ctx.text[begin:items[0].start] for w in verbs + ("有",)):  # 某县有A、B等企业
                continue  # 某新区某路和A等项目: the place opens an item, it does not bring the list in
        for m in items:
            if ctx.is_outermost(m) and compact(m.text) not in placed and not _opens_name(ctx, m) \
                    and (m.type != "Park" or host.type == "Place"):
                out.append(ctx.relation(m, "located_in", host, pattern, ctx.evidence(m)))
    return out


#: 某县引进A项目; 某区先后签约了A、B: a place or park opening a clause, its list verb (after
#: adverbs) and 了, right before the first item.
VERB_BEFORE_LIST = re.compile(f"(?:{trigger_alternation('list_adverb')})*({trigger_alternation('list_verb')})了?")


def _verb_lists(ctx: DocContext, found: list[Relation]) -> list[Relation]:
    """某县引进远拓光伏项目; 某园区先后引进了A公司、B公司: the items right after the list verb of
    a clause the place or park opens (no 等 needed) are there, unless a stated pattern placed them.
    Companies signed with (签约) are as often investors from elsewhere: only projects then."""
    placed = {compact(r.head.text) for r in found if r.label == "located_in"}
    signing = triggers("sign") + ("新签", "签下")
    out = []
    for where in ctx.of_type(*LOCATIONS):
        if not ctx.is_outermost(where) or not _opens_clause(ctx.text, ctx.skip_space_left(where.start)) \
                or _names_a_post(ctx, where) or province_or_wider(compact(where.text)):
            continue
        run, end = _location_run(ctx, where.start)
        host = _most_specific(run) or where
        verb = VERB_BEFORE_LIST.match(ctx.text, ctx.skip_space(end))
        if verb is None:
            continue
        first = [m for m in ctx.starting_at(_skip_chars(ctx, verb.end(), QUOTE_OPEN), LOCATED) if ctx.is_outermost(m)]
        if not first:
            continue
        signs = verb.group(1).startswith(signing)
        for m in _list_items(ctx, first[0]):
            if compact(m.text) in placed or (m.type == "Park" and host.type != "Place") \
                    or (signs and m.type in OWNER_TYPES) or compact(host.text).endswith(compact(m.text)):
                continue
            placed.add(compact(m.text))
            out.append(ctx.relation(m, "located_in", host, "verb_list", ctx.evidence(m)))
    return out


def _shared_subject(ctx: DocContext, pos: int, sentence_start: int, verbs: tuple[str, ...]) -> Mention | None:
    """某区抢抓…机遇，引进建设A、B等项目; 近年来，某县认真落实…，先后引进了A、B等企业: a clause
    opening with a list verb (maybe after adverbs: 先后, 已; after 园区: the park it stands for) has
    the subject of the clauses before
    it in its sentence (after a semicolon, in that part): the place or park the nearest clause
    opening with a name opens with (a clause opening with a person or a company has another
    subject)."""
    start = clause_start(ctx.text, pos)
    anaphors = triggers("park_anaphor")
    opening = ctx.skip_space(start)
    park_word = PARK_WORD_CLAUSE.match(ctx.text, opening)
    if park_word:  # 园区先后引进了A、B等企业, 目前园区内有A、B等企业: the park the clause's subject stands for
        return _anaphor_park(ctx, park_word.start(1), anaphors)
    verb_at = LIST_ADVERBS.match(ctx.text, opening).end()
    if not ctx.text.startswith(verbs, verb_at):
        return None
    semicolon = max(ctx.text.rfind(c, sentence_start, start) for c in ";；")
    first = semicolon + 1 if semicolon >= 0 else sentence_start
    end = start
    while end > first:
        opens = ctx.skip_space(clause_start(ctx.text, end - 1))
        opening = [m for m in ctx.starting_at(opens, LOCATIONS + LOCATED + ("GovOrg", "Person"))
                   if ctx.is_outermost(m)]
        end = opens - 1
        if not opening:
            continue
        between = [m for m in ctx.inside(opening[0].end, start, LOCATED + LOCATIONS)
                   if not _in_quotes(ctx.text, first, m.start)]  # a slogan: 以“共建创新某县”为主线
        if opening[0].type not in LOCATIONS or _names_a_post(ctx, opening[0]) or between:
            return None
        run, _ = _location_run(ctx, opening[0].start)
        return _most_specific(run) or opening[0]
    return None


def _in_quotes(text: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside “…” opened after ``start``?"""
    return text.count("“", start, pos) > text.count("”", start, pos)


#: 园区先后引进了, 目前园区内已有: a clause whose subject is a word standing for the park named before,
#: then its list verb (or 有).
PARK_WORD_CLAUSE = re.compile(f"(?:{trigger_alternation('when')}|目前|当前|如今)*({trigger_alternation('park_anaphor')})"
                              f"(?:内|里)?(?:{trigger_alternation('list_adverb')})*(?:有|{trigger_alternation('list_verb')})")
#: Adverbs between a clause's start and its list verb (先后引进了, 已签约).
LIST_ADVERBS = re.compile(f"(?:{trigger_alternation('list_adverb')})*")


#: How many times a document must name its home place or park (written on its own).
HOME_MENTIONS = 3


def _home(ctx: DocContext) -> Mention | None:
    """The place or park a document is about: the one it names on its own most often, at least
    HOME_MENTIONS times and twice as often as any other, below the province level; none in a
    document made of sections headed by districts."""
    if section_headers(ctx):
        return None  # a document of several districts' sections is about none of them
    counts: dict[str, int] = {}
    for m in ctx.of_type(*LOCATIONS):
        if ctx.is_outermost(m):
            counts[compact(m.text)] = counts.get(compact(m.text), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < HOME_MENTIONS or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    name = ranked[0][0]
    return None if province_or_wider(name) else ctx.first_mention(name, LOCATIONS)


def _event_host(ctx: DocContext, event: int, end: int) -> Mention | None:
    """The place or park (the most specific of a run: 湖南省岳阳县) that is the first name of the
    clause holding the event word at ``event``, written near its start (after a date at most:
    9月3日上午，某县举行…; 首场的某县推介暨签约仪式), or the place heading its sentence (某县：…), or
    the place opening its sentence when the event's clause opens with a list item (某市有A，B等N个
    项目开工)."""
    start = clause_start(ctx.text, event)
    heading = ctx.ending_at(ctx.skip_space_left(start - 1), LOCATIONS) if ctx.text[start - 1:start] in "：:" else []
    if heading and _opens_clause(ctx.text, heading[0].start):
        return heading[0]  # 某区：A项目、B项目开工
    sentence = ctx.doc.sentence_at(event)
    opening = ctx.starting_at(ctx.skip_space(sentence.start), LOCATIONS) if sentence is not None else []
    if opening and ctx.text.startswith(("：", ":"), ctx.skip_space(opening[0].end)):
        return opening[0]  # 某县：5月4日，在某新区举行仪式，A、B等10个项目开工 (a place heading the report)
    if sentence is not None and ctx.text[sentence.start:start].count("，") + ctx.text[sentence.start:start].count(",") == 1 \
            and not ctx.inside(sentence.start, start, LOCATED + LOCATIONS + ("GovOrg", "Person")):
        start = sentence.start  # 9月3日上午，某县举行…: a date clause before the host
    named = [m for m in ctx.inside(start, end, LOCATED + LOCATIONS + ("GovOrg", "Person")) if ctx.is_outermost(m)]
    if named and (dateline := DATELINE.match(ctx.text, named[0].end)):
        start = ctx.skip_space(dateline.end())  # 本报某地6月7日电 某区…: the place of the dateline hosts nothing
        named = named[1:]
    # The host is the subject, named before the event word: not the first item of the list after
    # it (集中开工的项目为某产业园、…) nor the body of a title (某区区长).
    if named and named[0].type in LOCATED and opening and sentence is not None and ctx.is_outermost(opening[0]) \
            and not _names_a_post(ctx, opening[0]) and _has_list_after(ctx, opening[0].end) and not any(
                ctx.is_outermost(m) for m in ctx.inside(opening[0].end, event, LOCATIONS + ("GovOrg", "Person"))):
        # 某市有A项目一期二、三阶段，B工程等50个项目开竣工: the clause of the event opens with an item
        # of a list the place opening the sentence has (only items named in between)
        run, _ = _location_run(ctx, opening[0].start)
        return _most_specific(run) or opening[0]
    if not named or named[0].type not in LOCATIONS or named[0].start - start > EVENT_HOST_REACH \
            or named[0].end > event or _names_a_post(ctx, named[0]):
        return None
    run, _ = _location_run(ctx, named[0].start)
    return _most_specific(run) or named[0]


#: 某市有A、B…; 某县共有A…; 某区集中开工A…: what joins a place opening a sentence to its list.
HAS_LIST = re.compile(f"(?:{trigger_alternation('list_adverb')})*(?:有|拥有|{trigger_alternation('list_verb')})")


def _has_list_after(ctx: DocContext, pos: int) -> bool:
    """Does a list of names follow ``pos`` right after 有 or a list verb (某市有A、B; 某区集中开工A)?"""
    hit = HAS_LIST.match(ctx.text, ctx.skip_space(pos))
    return hit is not None and bool(ctx.starting_at(_skip_chars(ctx, hit.end(), QUOTE_OPEN), LOCATED))


def _place_before_list(ctx: DocContext) -> list[Relation]:
    """甲市“A项目”、“B项目”等; 乙区A项目、B项目和C项目: a place or park written right before a list
    of projects or parks places every item of it."""
    out = []
    for where in ctx.of_type(*LOCATIONS):
        if not ctx.is_outermost(where):
            continue
        first = [m for m in ctx.starting_at(_skip_chars(ctx, where.end, QUOTE_OPEN), SITES) if ctx.is_outermost(m)]
        if not first or (first[0].type == "Park" and where.type == "Park"):
            continue
        items = _list_items(ctx, first[0], SITES)
        if len(items) > 1:
            out += [ctx.relation(m, "located_in", where, "place_before_list") for m in items]
    return out


def _settles(ctx: DocContext) -> list[Relation]:
    """X … 落户 L; X 在 L 落户; 园区 … 吸引 X 落户 (the park named before).  A park settles in a
    place too (A产业园、B项目签约落户长沙)."""
    out = []
    anaphors = triggers("park_anaphor")
    for word in triggers("settle"):
        for hit in re.finditer(re.escape(word), ctx.text):
            run, _ = _location_run(ctx, hit.end())
            where, pattern, subject_end = _most_specific(run), "settles_in", hit.start()
            if where is None:
                where, subject_end = _in_location_before(ctx, hit.start())
            if where is None:
                where, pattern = _park_named_before(ctx, hit.start(), anaphors), "settles_in_park"
            if where is None:  # A、B等企业已入驻园区: the park named before the word standing for it
                where = _anaphor_park(ctx, ctx.skip_space(hit.end()), anaphors)
            if where is None:
                continue
            types = ("Enterprise", "Project", "Organization") + (("Park",) if where.type == "Place" else ())
            for m in ctx.inside(clause_start(ctx.text, subject_end), subject_end, types):
                if ctx.is_outermost(m):
                    out.append(ctx.relation(m, "located_in", where, pattern))
    return out


def _starts_at(ctx: DocContext) -> list[Relation]:
    """Y 在 L 开工 / 建设 / 举行开工仪式: a project or park written right before 在 (a date between
    at most) lies where it starts, is built or holds its ceremony; a place opening a clause
    before 在 and a park (某市在某产业园举行…) holds the park."""
    out = []
    verbs = triggers("site_verb") + triggers("build")
    for site in ctx.of_type(*SITES, "Place"):
        pos = WHEN.match(ctx.text, ctx.skip_space(site.end)).end()
        if not ctx.text.startswith("在", pos) or not ctx.is_outermost(site):
            continue
        run, end = _location_run(ctx, pos + 1)
        where = _most_specific(run)
        if where is None or where is not run[-1]:
            continue
        if site.type == "Place":  # 某市在某产业园举行集中开工仪式: the park is in the place
            if where.type == "Park" and not _opens_name(ctx, where) and _opens_clause(ctx.text, site.start):
                out.append(ctx.relation(where, "located_in", site, "starts_at"))
        elif any(ctx.text.startswith(v, ctx.skip_space(end)) for v in verbs):
            out.append(ctx.relation(site, "located_in", where, "starts_at"))
    return out


def _in_location_before(ctx: DocContext, pos: int) -> tuple[Mention | None, int]:
    """在 L 落户: the place run ending at ``pos`` after 在, and where 在 is."""
    found = ctx.ending_at(ctx.skip_space_left(pos), LOCATIONS)
    if not found:
        return None, pos
    where, start = found[0], found[0].start
    while before := ctx.ending_at(ctx.skip_space_left(start), LOCATIONS):  # 在江津区珞璜镇
        start = before[0].start
    start = ctx.skip_space_left(start)
    if start > 0 and ctx.text[start - 1] == "在":
        return where, start - 1
    return None, pos


def _park_named_before(ctx: DocContext, pos: int, anaphors: tuple[str, ...]) -> Mention | None:
    """The park 园区 refers to: the sentence says 园区, the last park mention before it."""
    sentence = ctx.doc.sentence_at(pos)
    if sentence is None or not any(a in ctx.text[sentence.start:pos] for a in anaphors):
        return None
    parks = [m for m in ctx.ending_in(sentence.start - 600, sentence.start, ("Park",)) if ctx.is_outermost(m)]
    return parks[-1] if parks else None


def _anaphor_park(ctx: DocContext, pos: int, anaphors: tuple[str, ...]) -> Mention | None:
    """The park a word standing for it at ``pos`` (园区, 该园区) refers to: the last park named
    before it, in its sentence or the ones just before (at most 600 characters back), outermost."""
    word = next((a for a in anaphors if ctx.text.startswith(a, pos)), None)
    if word is None or ctx.starting_at(pos, ENTITY_TYPES):
        return None
    parks = [m for m in ctx.ending_in(max(0, pos - 600), pos, ("Park",)) if ctx.is_outermost(m)]
    return parks[-1] if parks else None


def _bracketed_place(ctx: DocContext) -> list[Relation]:
    """X（L）: a company or project with its place in brackets after its name (a list of winners)."""
    out = []
    for m in ctx.of_type(*LOCATED):
        pos = ctx.skip_space(m.end)
        if pos >= len(ctx.text) or ctx.text[pos] not in "（(" or not ctx.is_outermost(m):
            continue
        run, end = _location_run(ctx, pos + 1)
        end = ctx.skip_space(end)
        where = _most_specific(run)
        # 某新片区(某新城): a park in brackets after a park is its other name, not where it is.
        if where is not None and all(r.type in LOCATIONS for r in run) and ctx.text[end:end + 1] in ("）", ")") \
                and not (m.type == "Park" and where.type == "Park"):
            out.append(ctx.relation(m, "located_in", where, "bracketed_place"))
    return out


def _border(ctx: DocContext) -> list[Relation]:
    """A和B交界处的X."""
    out = []
    for word in triggers("border"):
        for hit in re.finditer(re.escape(word) + "的", ctx.text):
            target = _first_after(ctx, hit.end(), LOCATED)
            if target is None:
                continue
            places: list[Mention] = []
            pos = hit.start()
            while True:
                found = ctx.ending_at(ctx.skip_space_left(pos), PLACE)
                if not found:
                    break
                places.append(found[0])
                pos = found[0].start
                while found := ctx.ending_at(pos, PLACE):  # 四川省邻水县: keep the most specific
                    pos = found[0].start
                pos = ctx.skip_space_left(pos)
                if pos > 0 and ctx.text[pos - 1] in "和与及、":
                    pos -= 1
                else:
                    break
            out += [ctx.relation(target, "located_in", p, "border") for p in places]
    return out


def _is_in(ctx: DocContext) -> list[Relation]:
    """临空前沿科技城是渝北区…; a sentence about a park going on …,是宁夏首个国家高新区: a park
    said to be (part of) a place.  The place is a name of its own, not the start of 长春市委."""
    out = []
    for park in ctx.of_type("Park"):
        if not ctx.is_outermost(park):
            continue
        pos = ctx.skip_space(park.end)
        if not ctx.text.startswith("是", pos):
            pos = _later_is(ctx, park)
        if pos is None or not ctx.text.startswith("是", pos):
            continue
        where = [m for m in ctx.starting_at(ctx.skip_space(pos + 1), PLACE) if ctx.is_outermost(m)]
        # 是上海与外省共建的…, 是江苏南北共建的…: a place joined with another or split by
        # directions says whose project the park is, not where it is.
        if where and not IS_IN_JOINED.match(ctx.text, where[0].end):
            out.append(ctx.relation(park, "located_in", where[0], "is_in"))
    return out


#: 某项目，作为某市重大项目 / 某中心是某市重点项目: the project a place counts as its own.
AS_PLACES_PROJECT = re.compile(r"\s*[,，]?\s*(?:作为|是)")
PLACES_PROJECT_WORD = re.compile(rf"(?:{WHEN.pattern}(?:{trigger_alternation('list_verb')})的)?"  # 今年引进的
                                 rf"的?(?:重大|重点|重要|省级重点|市级重点|首个)?(?:产业|工业|招商|民生)?"
                                 rf"(?:{trigger_alternation('project_word')})")


def _places_project(ctx: DocContext) -> list[Relation]:
    """某某项目，作为某市重大项目，…; 某某中心是某市重点项目; 该项目是某小镇重点产业项目 (the
    project the sentence before names): a project said to be one of a place's or park's projects
    is in that place or park."""
    out = []
    subjects = [(p, p.end) for p in ctx.of_type("Project") if ctx.is_outermost(p)]
    for word, types in ANAPHORS.items():
        if types == ("Project",) and len(word) > 2:  # 该项目 (a bare 项目 opens too many sentences)
            for hit in re.finditer(re.escape(word), ctx.text):
                subject = _subject_of(ctx, hit.end())
                if subject is not None and subject.type == "Project":
                    subjects.append((subject, hit.end()))
    for project, end in subjects:
        verb = AS_PLACES_PROJECT.match(ctx.text, end)
        if verb is None:
            continue
        where = [m for m in ctx.starting_at(ctx.skip_space(verb.end()), LOCATIONS) if ctx.is_outermost(m)]
        if where and where[0].type == "Park" and any(province_or_wider(compact(p.text))
                                                     for p in ctx.starting_at(where[0].start, PLACE)):
            continue  # 某省自贸港重点工程: a province's programme names no site
        if where and PLACES_PROJECT_WORD.match(ctx.text, where[0].end):
            out.append(ctx.relation(project, "located_in", where[0], "places_project"))
    return out


def _is_built_at(ctx: DocContext) -> list[Relation]:
    """Y是(X)在L投资建设的…: a project or park said to be built in a place."""
    out = []
    for site in ctx.of_type(*SITES):
        pos = ctx.skip_space(site.end)
        if not ctx.text.startswith("是", pos) or not ctx.is_outermost(site):
            continue
        pos = ctx.skip_space(pos + 1)
        owner = [m for m in ctx.starting_at(pos, OWNER_TYPES) if ctx.is_outermost(m)]
        pos = ctx.skip_space(owner[0].end) if owner else pos
        if not ctx.text.startswith("在", pos):
            continue
        run, end = _location_run(ctx, pos + 1)
        where = _most_specific(run)
        verb = VERB_PHRASE_DE.match(ctx.text, ctx.skip_space(end))
        if where is not None and verb and any(ctx.text.startswith(w, verb.start()) for w in triggers("build")):
            out.append(ctx.relation(site, "located_in", where, "is_built_at"))
    return out


def _later_is(ctx: DocContext, park: Mention) -> int | None:
    """Where ,是 starts a later clause of a sentence whose subject is ``park``, with no other
    subject in between."""
    sentence = ctx.doc.sentence_at(park.start)
    if sentence is None or ctx.skip_space(sentence.start) != park.start:
        return None
    hit = re.compile(r"[,，]是").search(ctx.text, park.end, sentence.end)
    if hit is None or ctx.inside(park.end, hit.start(), LOCATED + ("Person",)):
        return None
    return hit.start() + 1


def _list_under_heading(ctx: DocContext) -> list[Relation]:
    """A sentence about a park, then a list (类别：A、B；…) of its projects.  Not when the list has
    a heading of its own (湘阴县：… A、B 项目开工)."""
    out = []
    doc = ctx.doc
    for i, sentence in enumerate(doc.sentences[1:], 1):
        colon = re.search("[：:]", sentence.text)
        if colon is None or ctx.inside(sentence.start, sentence.start + colon.start(), LOCATIONS):
            continue
        projects = [p for p in ctx.inside(sentence.start, sentence.end, ("Project",)) if ctx.is_outermost(p)]
        if len(projects) < 2:
            continue
        previous = doc.sentences[i - 1]
        parks = [p for p in ctx.inside(previous.start, previous.end, ("Park",)) if ctx.is_outermost(p)]
        if parks:
            out += [ctx.relation(p, "located_in", parks[0], "list_under_heading") for p in projects]
    return out


#: The start of a line up to a colon: the place or park heading the line (某区：…).
LINE_HEADING = re.compile(r"[ \t\u3000]*([^：:\n，,。]{2,12})[：:]")


def _line_headings(ctx: DocContext, found: list[Relation]) -> list[Relation]:
    """某区：4月28日，在甲产业园举行仪式，有A、B项目开工 (a report by district, one line each):
    the place or park opening a line before a colon is where every park and project of the
    line is, but one named after another division."""
    done = {(compact(r.head.text), compact(r.tail.text)) for r in found if r.label == "located_in"}
    out = []
    for line in re.finditer(r"[^\n]+", ctx.text):
        heading = LINE_HEADING.match(ctx.text, line.start(), line.end())
        if heading is None:
            continue
        where = [m for m in ctx.starting_at(heading.start(1), LOCATIONS) if m.end == heading.end(1)]
        if not where:
            continue
        for m in ctx.inside(heading.end(), line.end(), SITES):
            if ctx.is_outermost(m) and (compact(m.text), compact(where[0].text)) not in done \
                    and _inside_toured(ctx, m, where[0]):
                done.add((compact(m.text), compact(where[0].text)))
                out.append(ctx.relation(m, "located_in", where[0], "line_heading", ctx.evidence(m)))
    return out


#: 以A、B等为代表/为龙头: the companies a park's industry is named by.
REPRESENTED_BY = re.compile(rf"以([^。；，,]{{2,200}}?)等?为(?:{trigger_alternation('represented_by')})")


def _represented_in_park(ctx: DocContext) -> list[Relation]:
    """…园区…形成以A、B等为代表的…集群; 某某开发区以A为龙头."""
    out = []
    for hit in REPRESENTED_BY.finditer(ctx.text):
        sentence = ctx.doc.sentence_at(hit.start())
        if sentence is None:
            continue
        parks = [p for p in ctx.inside(sentence.start, hit.start(), ("Park",)) if ctx.is_outermost(p)]
        park = parks[0] if parks else _park_named_before(ctx, hit.start(), triggers("park_anaphor"))
        if park is None:
            continue
        for m in ctx.inside(hit.start(1), hit.end(1), ("Enterprise",)):
            if ctx.is_outermost(m):
                out.append(ctx.relation(m, "located_in", park, "represented_in_park"))
    return out


# -- located_in: from the name ---------------------------------------------

def _name_places(ctx: DocContext, sub_areas: set[str]) -> list[Relation]:
    """璧山高新区 -> 璧山; 黄金坡新区坝子坡路 -> 黄金坡新区; …学院荣昌校区 -> 荣昌; 类乌齐县康巴花都."""
    out = []
    for site in ctx.of_type(*SITES):
        name = compact(site.text)
        if name in sub_areas:
            continue
        # Not from within a longer name of the same kind: 汽开区 in 长春汽开区 (that one is in 长春).
        outer = [o for o in ctx.enclosing(site) if o.type == site.type]
        written_before = [m for m in ctx.ending_at(site.start, LOCATIONS) if (m.type == "Place" or site.type != "Park")
                          and not any(o.start <= m.start for o in outer)]
        own_place = _leading_place(ctx, name)
        if written_before and own_place and written_before[0].type == "Place" \
                and _may_contain(compact(written_before[0].text), own_place):
            written_before = []  # 某省某市经开区: the name's own place (某市) says more
        if written_before:
            out.append(ctx.relation(site, "located_in", written_before[0], "place_before_name"))
        inner = [m for m in ctx.starting_at(site.start, ("Place", "Park", "Enterprise", "Organization", "Project"))
                 if m.end < site.end]
        if written_before and not (inner and inner[0].type in OWNER_TYPES):
            continue  # 某高新区某粮业某市新建…: the owner's name, then a place, says more
        lead = inner[0] if inner else None
        if lead is not None and lead.type in OWNER_TYPES and site.type == "Project":
            lead = _location_opening_owner(ctx, lead) or lead
        if lead is not None and lead.type == "Project":
            # 某县某某综合开发项目(一期)南片区工程: a part of a project is where the place opening the
            # project's name says the project is; not a facility the place alone names (某市港东站: a
            # station of the port the city names, not somewhere the city names)
            lead = next((m for m in ctx.starting_at(site.start, PLACE) if m.end < lead.end
                         and not ctx.text.startswith(_FACILITY_SUFFIXES, m.end)), lead)
        if lead is None:
            place = _leading_place(ctx, name)
            if place is None:
                park = prefixes_in(name, ctx.texts_by_type.get("Park", set()))
                if park and site.type == "Project":
                    lead = ctx.name_part(site, 0, len(max(park, key=len)), "Park")
                elif not park and (infix := place_after_unnamed_owner(ctx, site)):
                    out.append(ctx.relation(site, "located_in", infix, "name_infix"))
                    continue
            else:
                lead = ctx.name_part(site, 0, len(place), "Place")
        parent_place, outer_places = None, []
        while lead is not None and lead.type == "Place":  # 内蒙古鄂尔多斯某某…: the innermost place
            deeper = [m for m in ctx.starting_at(lead.end, PLACE) if m.end < site.end]
            if not deeper or not _may_contain(compact(lead.text), compact(deeper[0].text)):
                break
            parent_place, lead = lead, deeper[0]
            outer_places.append(parent_place)
        route = lead is not None and lead.type == "Place" and bool(ROUTE.match(ctx.text, lead.end))
        if route:
            lead = parent_place  # 某省甲市至乙市高速公路: a route from its first place lies in the place before
            if lead is None:
                continue
        if lead is not None and lead.type == "Place" and lead.end < site.end:
            lead = _toponym(ctx, lead, site.end)
            if lead is None:
                continue
        if lead is not None and lead.type == "Place" and site.type == "Park" and ctx.text[lead.end:lead.end + 1] in "(（" \
                and (entry := gazetteer.lookup(compact(lead.text))) is not None and entry.level == gazetteer.COUNTRY:
            lead = None  # 中国(某省)自由贸易试验区: the place in brackets, not the country, says where
        if lead is not None and lead.type == "Park" and PARK_AS_PROJECT.fullmatch(compact(ctx.text[lead.end:site.end])):
            continue  # 某某产业园项目: the project builds the park, it is not in it
        if lead is not None and (lead.type == "Place" or (lead.type == "Park" and site.type == "Project")):
            if lead.type == "Place" and len(compact(lead.text)) == 1:
                continue  # 洛三…产业园: a one-character abbreviation of each of two places names it
            if lead.type == "Park" or ((route or _prefix_locates(site, compact(lead.text))) and lead.end < site.end):
                out.append(ctx.relation(site, "located_in", lead, "name_prefix"))
                # 某省乙市新区, 甲镇乙村某基地: the site is in every place of the chain its name opens with
                out += [ctx.relation(site, "located_in", outer, "name_prefix") for outer in outer_places
                        if not route and _prefix_locates(site, compact(outer.text))]
                if lead.type == "Park":
                    # 某县某产业园一期工程, 某县经开区某某项目: the project is in the division its estate or
                    # a county's zone is named after (a city's development zone names the zone's
                    # government, one of the city's zones, not where in the city its projects are)
                    out += [ctx.relation(site, "located_in", place, "name_prefix") for place in
                            ctx.starting_at(lead.start, PLACE)[:1] if place.end < lead.end
                            and _names_where_zone_is(lead, compact(place.text))]
            continue
        if lead is not None and lead.type != "Park":  # the owner's name, then a place: …学院荣昌校区
            after = compact(ctx.text[lead.end:site.end])
            place = _leading_place(ctx, after)
            if place:
                k = len(compact(ctx.text[site.start:lead.end]))
                out.append(ctx.relation(site, "located_in", ctx.name_part(site, k, k + len(place), "Place"),
                                        "name_infix"))
            continue
        # 某某(上海)自由贸易试验区临港新片区: the sub-zone at the end is in the place it names.
        inner = [m for m in ctx.inside(site.start + 1, site.end, ("Park",))
                 if m.end == site.end and re.search(r"[)）]", ctx.text[site.start:m.start])]
        place = _leading_place(ctx, compact(inner[0].text)) if inner and site.type == "Park" else None
        if place:
            k = len(compact(ctx.text[site.start:inner[0].start]))
            out.append(ctx.relation(site, "located_in", ctx.name_part(site, k, k + len(place), "Place"),
                                    "sub_zone_place"))
            continue
        # 西部(重庆)科学城; in a project's name the bracket names its company's seat instead.
        bracket = re.match(r"[^()（）]+[(（]([^()（）]+)[)）]", site.text) if site.type == "Park" else None
        if bracket and (compact(bracket.group(1)) in ctx.texts_by_type.get("Place", ())
                        or gazetteer.is_place(compact(bracket.group(1)))):
            place = ctx.sub_mention(site, site.start + bracket.start(1), site.start + bracket.end(1), "Place")
            out.append(ctx.relation(site, "located_in", place, "name_bracket"))
    return out


def _inner_places(ctx: DocContext, found: list[Relation]) -> list[Relation]:
    """远拓集团研究院甲市创新中心, 青禾粮业乙县新建面粉加工项目: a city or county written inside a
    project's name, not at its start, and named on its own elsewhere in the document, is where
    a project no other pattern placed is.  Not a place inside the name of the owner written in
    the project's (某某(甲市)有限公司储能基地: the company's seat), nor one a direction opens (西甲山
    is another name than 甲山), nor the first end of a route."""
    placed = {compact(r.head.text) for r in found if r.label == "located_in"}
    out = []
    for site in ctx.of_type("Project"):
        if compact(site.text) in placed or not ctx.is_outermost(site):
            continue
        for place in ctx.inside(site.start + 1, site.end, PLACE):
            name = compact(place.text)
            entry = gazetteer.lookup(name)
            if place.end == site.end or entry is None or entry.level not in (gazetteer.CITY, gazetteer.COUNTY) \
                    or ROUTE.match(ctx.text, place.end) or ctx.text[place.start - 1] in DIRECTION_CHARS \
                    or any(o.type in OWNER_TYPES for o in ctx.enclosing(place)):
                continue
            if any(ctx.is_outermost(m) for m in ctx.named(name) if m.type == "Place"):
                placed.add(compact(site.text))
                out.append(ctx.relation(site, "located_in", place, "inner_place"))
                break
    return out


def _location_opening_owner(ctx: DocContext, owner: Mention) -> Mention | None:
    """某新城某某研究院总部项目, 甲市某某新能源项目: what reads as the owner opening a
    project's name starts with a park (a company is not named after the park it works in), or
    with a place before a company the document names on its own: that park or place is where
    the project is."""
    opening = [m for m in ctx.starting_at(owner.start, LOCATIONS) if m.end < owner.end]
    if not opening:
        return None
    if opening[0].type == "Park":
        return opening[0]
    return opening[0] if owner_after_place(ctx, owner) else None




# -- located_in: section headers -------------------------------------------

def _sections(ctx: DocContext, found: list[Relation], owned: list[Relation]) -> list[Relation]:
    """The district of a section header, for what no other pattern places."""
    sections = [(s.header, s.end) for s in ctx.doc.sections]
    if not sections:
        return []
    section_names = {compact(h.text) for h, _ in sections}
    explicit = {compact(r.head.text) for r in found if r.label == "located_in" and
                (r.pattern in EXPLICIT or r.tail.type == "Park")}
    placed = explicit | {compact(r.head.text) for r in found if r.label == "part_of"}
    has_parts = {compact(r.tail.text) for r in found if r.label == "part_of" and r.tail.type == "Park"}
    owners = {compact(r.head.text) for r in owned}
    owner_of = {compact(r.tail.text): compact(r.head.text) for r in owned}
    home = _dominant_place(ctx)
    out = []
    for header, end in sections:
        here = compact(header.text)
        for m in ctx.inside(header.end, end, LOCATED):
            name = compact(m.text)
            # A park inside a project's name (黄金坡新区坝子坡路) is still a park of the section.
            nested_ok = m.type == "Park" and all(o.type == "Project" for o in ctx.enclosing(m))
            if not (ctx.is_outermost(m) or nested_ok) or name in placed or name in has_parts:
                continue
            if any(s != here for s in substrings(name) & section_names):
                continue
            if _is_media(m):
                continue
            # A company registered elsewhere (成都市…, 江苏…) is not placed by the section.
            if m.type == "Enterprise" and (name in owners or _leading_place(ctx, name) not in (None, here, home)
                                           or _starts_abroad(ctx, name)):
                continue
            if m.type == "Project" and owner_of.get(name) in explicit:
                continue
            placed.add(name)  # one district per thing, the first section that names it
            out.append(ctx.relation(m, "located_in", header, "section_header", ctx.evidence(m)))
    return out


def _starts_abroad(ctx: DocContext, name: str) -> bool:
    """Does the name start with a country or a division of another province (马来西亚…有限公司)?"""
    end = gazetteer.match_place(name, 0)
    entry = gazetteer.lookup(name[:end]) if 0 < end < len(name) else None
    if entry is None:
        return False
    return entry.level == gazetteer.COUNTRY or bool(entry.province and entry.province != ctx.home_province)


def _dominant_place(ctx: DocContext) -> str | None:
    """The place the document names most often (重庆 in a Chongqing paper)."""
    counts: dict[str, int] = {}
    for m in ctx.of_type("Place"):
        counts[compact(m.text)] = counts.get(compact(m.text), 0) + 1
    return max(sorted(counts), key=counts.get) if counts else None


def section_headers(ctx: DocContext) -> list[tuple[Mention, int]]:
    """(place mention heading a section, end of the section): a line that is only a place name,
    or the section an article was given by the segmenter."""
    doc = ctx.doc
    headers: list[Mention] = []
    for article in doc.articles:
        if article.section is not None:
            found = ctx.starting_at(article.section.start, PLACE)
            if found:
                headers.append(found[0])
    for line in re.finditer(r"(?m)^[ \t\u3000]*(\S{2,6})[ \t\u3000]*$", ctx.text):
        found = ctx.starting_at(line.start(1), PLACE)
        if found and found[0].end == line.end(1):
            headers.append(found[0])
    headers = sorted({(h.start, h.end): h for h in headers}.values(), key=lambda h: h.start)
    out = []
    for i, h in enumerate(headers):
        article = doc.article_at(h.start)
        end = article.end if article else len(ctx.text)
        if i + 1 < len(headers):
            end = min(end, headers[i + 1].start)
        out.append((h, end))
    return out
