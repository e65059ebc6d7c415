"""alias_of: a short form of a name used in the same document -> its full name.

- 以下简称: 重庆川仪精密机械有限公司(以下简称“川仪精密”), and every further name in the
  same brackets (简称A，也称B); a short form of such a name points at the full name; a
  project's short name in brackets after it (…仓储园及配套道路工程(保税仓储项目));
- places without their division ending (江津 -> 江津区), a province-level
  abbreviation (渝 -> 重庆市), the first character of a district or a city (永 -> 永川区,
  来湖考察: 湖 -> 湖州市),
  a region named after its parent place (双城经济圈 -> 成渝地区双城经济圈);
  never for provinces nor towns (relation_unaliased_suffixes.txt);
- bodies without their place or in their short form (市委 -> 重庆市委,
  市政府 -> 重庆市人民政府, X党工委 -> 中共X工作委员会), or with the zone named by its kind
  (开发区管委会 -> 某某经济开发区管理委员会); an institute's contraction
  (某某化学物理研究所 -> 某某化物所);
- parks shortened inside their name (璧山高新区 -> 璧山国家高新区,
  重庆高新区 -> 西部科学城重庆高新区), same ending, letters in order;
- a company's name stem (重庆金汇能 -> 重庆金汇能新材料有限公司), or its name
  without the place in front and the legal form (青禾机械 -> 某某青禾机械有限公司,
  一汽 -> 中国一汽), or without the place of its registration in brackets
  (某某科技 -> 某某科技(重庆)有限公司), or a group's contraction (重禾集团 -> 重庆青禾实业集团有限公司),
  unless the longer name is a branch (…支行) or a subsidiary of a group
  (通用技术集团 + 国测时栅科技有限公司);
- a project named by its owner and its last words (青禾机械制造项目 ->
  青禾机械绿色建材设备制造项目), or without 项目 (某某输变电工程 -> 某某输变电工程项目), or by
  the opening of one other project's name and 项目 (某某中心项目 -> 某某中心总部经济项目,
  某某新材料项目 -> 某市某某新材料制造基地);
- a listed company's usual short name (某某股份 -> 某某食品股份有限公司) and a brand
  without its industry word (某某 -> 某某科技).

A short form points at the longest full name in the document it shortens.
"""
from __future__ import annotations

import re

from kg import gazetteer
from kg.bodies import body_kinds, level_words
from kg.boundary import suffix_table
from kg.lexicon import load_family, load_set, load_table
from kg.model import Relation
from kg.names import SHORT_FORM_RULES, body_short_form, compact, group_core, is_short_form, leading_place
from kg.relations.context import DocContext, trigger_alternation
from kg.spans import SpanIndex

def extract_aliases(ctx: DocContext) -> list[Relation]:
    introduced = _introduced(ctx) + _bracketed_project_short_forms(ctx)
    canonical = {compact(r.head.text): r.tail for r in introduced}
    variants = _introduced_variants(ctx, canonical)
    out = list(introduced) + variants
    done = {compact(r.head.text) for r in variants} | set(canonical)  # each points at its full name
    for type_ in SHORT_FORM_RULES:
        for r in _pairs(ctx, type_):
            if compact(r.head.text) in done:
                continue
            # 经开区 -> 北京经开区, itself introduced as 简称 of 北京经济技术开发区: point at the full name.
            full = canonical.get(compact(r.tail.text))
            if full is not None and full.type == r.tail.type and compact(full.text) != compact(r.head.text):
                r = ctx.relation(r.head, "alias_of", full, r.pattern, r.evidence)
            out.append(r)
    aliased = {compact(r.head.text) for r in out}
    return out + [r for r in _project_openings(ctx) if compact(r.head.text) not in aliased]


#: Words after a company's short name that leave it the same company (一汽 -> 一汽集团).
VARIANT_ENDINGS = load_family("name_endings.tsv", "variant")
#: 项目/工程 closing a project's name (dropped from a short name in brackets: 某某工程（某某项目）).
PROJECT_WORD_END = re.compile(f"(?:{trigger_alternation('project_word')})$")


def _introduced_variants(ctx: DocContext, canonical: dict) -> list[Relation]:
    """某某集团有限公司（以下简称“某汽”）… 中国某汽, 某汽集团: the introduced short name with a place
    before it or a group word after it names the same company, an alias of the full name."""
    places = ctx.texts_by_type.get("Place", set())
    out: list[Relation] = []
    for name in sorted(ctx.texts_by_type.get("Enterprise", ())):
        if name in canonical:
            continue
        core = name[len(leading_place(name, places)):]
        core = next((core[: -len(e)] for e in VARIANT_ENDINGS if core.endswith(e) and len(core) > len(e)), core)
        full = canonical.get(core)
        if core != name and full is not None and full.type == "Enterprise" and compact(full.text) != name:
            out.append(ctx.relation(ctx.first_mention(name, ("Enterprise",)), "alias_of", full,
                                    "short_form.introduced_variant", ctx.evidence(full)))
    return out


#: （以下简称“Y”, ，也称Z）: a short name introduced in brackets after a full name, then what closes it.
ALIAS_INTRODUCED = re.compile(rf"[（(，,、；;]\s*(?:{trigger_alternation('alias_intro')})[:：]?\s*[“\"‘']?"
                              rf"([^”\"’'）)，,、；;]{{1,20}}?)[”\"’']?\s*([）)，,、；;])")


def _introduced(ctx: DocContext) -> list[Relation]:
    """X（以下简称“Y”）, and every further short name in the same brackets: X（简称Y，也称Z）."""
    out: list[Relation] = []
    for full in ctx.entity_mentions:
        pos = ctx.skip_space(full.end)
        if pos >= len(ctx.text) or ctx.text[pos] not in "（(" or not ctx.is_outermost(full):
            continue
        while m := ALIAS_INTRODUCED.match(ctx.text, pos):
            short = ctx.sub_mention(full, m.start(1), m.end(1), full.type)
            out.append(ctx.relation(short, "alias_of", full, "abbreviation_introduced"))
            if m.group(2) in "）)":
                break
            pos = m.end(2) - 1
    return out


def _bracketed_project_short_forms(ctx: DocContext) -> list[Relation]:
    """某某仓储园及配套道路工程(保税仓储项目): a project named in brackets right after a project,
    its words (without 项目/工程) taken from the full name in order, is its short name; two
    projects of a list (某产业园(某服务中心)) share fewer words."""
    out: list[Relation] = []
    for full in ctx.of_type("Project"):
        pos = ctx.skip_space(full.end)
        if pos >= len(ctx.text) or ctx.text[pos] not in "（(" or not ctx.is_outermost(full):
            continue
        inner = [m for m in ctx.starting_at(ctx.skip_space(pos + 1), ("Project",))
                 if ctx.text[ctx.skip_space(m.end):ctx.skip_space(m.end) + 1] in ("）", ")")]
        if not inner:
            continue
        core = PROJECT_WORD_END.sub("", compact(inner[0].text))
        chars = iter(compact(full.text))
        if len(core) >= 3 and all(c in chars for c in core):
            out.append(ctx.relation(inner[0], "alias_of", full, "bracketed_short_form"))
    return out


def _pairs(ctx: DocContext, type_: str) -> list[Relation]:
    """alias_of for every (short, full) pair of names of ``type_`` in the document."""
    names = sorted(ctx.texts_by_type.get(type_, ()), key=lambda n: (len(n), n))
    places = ctx.texts_by_type.get("Place", set())
    candidates = _CandidateFulls(type_, names, places)
    out: list[Relation] = []
    for short in names:
        if type_ == "GovOrg" and _every_place_has(short):
            continue
        if type_ == "Park" and _names_only_an_industry(short):
            continue
        fulls = [full for full in candidates.of(short) if _shortens(type_, short, full, places)
                 and not (type_ == "Park" and _inside_another_name(ctx, short, full))
                 and _used_on_its_own(ctx, type_, short, full)
                 and (type_ != "Project" or full == short + "项目" or _owner_kept(ctx, short, full))
                 and not _post_held_in_both(ctx, short, full)]
        if fulls and not (type_ == "Place" and _shared_by_divisions(short, fulls)):
            head = ctx.first_mention(short, (type_,))
            tail = ctx.first_mention(fulls[-1], (type_,))  # the longest full name
            out.append(ctx.relation(head, "alias_of", tail, f"short_form.{type_.lower()}",
                                    ctx.evidence(tail)))
    return out


#: A place in brackets inside a company's name: where it is registered (某某科技(重庆)有限公司).
BRACKETED = re.compile(r"\(([^()]{1,8})\)")


def without_bracketed_place(name: str, places: set[str] | frozenset[str]) -> str:
    """某某科技(重庆)有限公司 -> 某某科技有限公司: a company's name without the place of its
    registration, which its short forms leave out (某某科技); ``name`` when it holds none."""
    m = BRACKETED.search(name)
    if m is None or m.start() == 0:
        return name
    place = m.group(1)
    if place not in places and gazetteer.match_place_chain(place, 0) != len(place):
        return name
    return name[: m.start()] + name[m.end():]


def _shortens(type_: str, short: str, full: str, places: set[str] | frozenset[str]) -> bool:
    """Is ``short`` a short form of ``full``, also when a company's full name holds the place of its
    registration in brackets (某某科技 -> 某某科技(重庆)有限公司, 某某(重庆)科技有限公司)?"""
    if is_short_form(type_, short, full, places):
        return True
    registered = without_bracketed_place(full, places) if type_ == "Enterprise" else full
    return registered != full and (registered == short or is_short_form(type_, short, registered, places))


def _names_only_an_industry(short: str) -> bool:
    """新材料产业园, 机械制造产业园: industry words and a park's kind describe a park of that
    industry, which many places have; no short form of the one named in full."""
    words = load_set("industry_words.txt")
    rest = next((short[: -len(k)] for k in sorted(suffix_table("park_suffixes.txt"), key=len, reverse=True)
                 if short.endswith(k)), "")
    ends = {0}  # industry words read left to right cover the rest
    for i in range(len(rest)):
        if i in ends:
            ends |= {i + len(w) for w in words if rest.startswith(w, i)}
    return bool(rest) and len(rest) in ends


def _inside_another_name(ctx: DocContext, short: str, full: str) -> bool:
    """某某集团某某产业园, 某某银行某某新区: a company or institution named before the park is
    whose it is (its park, its branch), and the short name is the park's own, not a short form.
    (A zone's sub-area, 某某自贸试验区临港新片区, is still written short: 临港新片区.)"""
    lead = full[: len(full) - len(short)] if full.endswith(short) else ""
    owners = ("Enterprise", "Organization")
    return bool(lead) and any(lead in ctx.texts_by_type.get(t, ()) for t in owners)


def _every_place_has(short: str) -> bool:
    """市委, 区政府, 市人大常委会, 县政协: a body every place of a level has, written
    with only the level word, is how the article names that body, not a short form of one
    full name (kg/resolve.py decides which place's it is); a department (区委统战部,
    省工信厅) is written short for the one the article named in full."""
    level = next((w for w in level_words() if short.startswith(w)), "")
    rest = short[len(level):]
    # a zone's kind (高新区管委会) names the article's one zone, short for its full name
    return level in load_set("relation_admin_suffixes.txt") and body_kinds().get(rest) == "core"


def _post_held_in_both(ctx: DocContext, short: str, full: str) -> bool:
    """市人大常委会主任某甲 and 某市人大常委会主任某乙 in one document: one post, two holders, so
    two bodies (a delegation's own city and the city it visits), not a short form."""
    every, outermost = ctx.title_rests
    return not outermost.get(short, set()).isdisjoint(every.get(full, ()))


class _CandidateFulls:
    """The names that may be full forms of a short one under the rule of ``type_``, looked up
    by what the rule requires them to share with it (a prefix, a suffix, a normalized
    ending, characters in order) instead of testing every pair of names.  ``of`` gives a
    superset of the full forms, in the order of ``names``."""

    def __init__(self, type_: str, names: list[str], places: set[str] | frozenset[str]) -> None:
        self.type = type_
        self.order = {n: i for i, n in enumerate(names)}
        self.keys: dict[tuple, list[str]] = {}
        for full in names:
            for key in self._keys_of_full(full, places):
                self.keys.setdefault(key, []).append(full)

    def _keys_of_full(self, full: str, places) -> set[tuple]:
        n = len(full)
        if self.type == "Place":
            return {("prefix", full[:k]) for k in range(1, n + 1)} | {("suffix", full[-k:]) for k in range(3, n + 1)}
        if self.type == "GovOrg":
            short_form = body_short_form(full)
            return {("body_end", short_form[i:]) for i in range(len(short_form) + 1)}
        if self.type == "Organization":
            short_form = body_short_form(full)
            return ({("body_end", short_form[i:]) for i in range(len(short_form) + 1)}
                    | {("in_order", full[i], full[j], full[-1]) for i in range(n) for j in range(i + 1, n)})
        if self.type == "Park":
            return ({("body", body_short_form(full))}
                    | {("in_order", full[i], full[j], full[-2:]) for i in range(n) for j in range(i + 1, n)})
        if self.type == "Enterprise":
            lead = leading_place(full, places)
            keys = {("prefix", full[:k]) for k in range(1, n + 1)} | {("prefix", full[len(lead):k]) for k in
                                                                      range(len(lead) + 1, n + 1)}
            registered = without_bracketed_place(full, places)
            keys |= {("prefix", registered[:k]) for k in range(1, len(registered) + 1)}
            group = group_core(full)
            if group:
                ys = group[:-2]
                group_lead = leading_place(ys, places)
                if group_lead and len(ys) > len(group_lead):
                    keys.add(("group", group_lead[0], ys[len(group_lead)]))
            return keys
        # Project: it keeps 2 characters or more of the start and 3 of the end, or is all but 项目
        return {("ends", full[:2], full[-3:]), ("whole", full)}

    def _keys_of_short(self, short: str) -> list[tuple]:
        if self.type == "Place":  # the full name starts with it, ends with it (3 characters or more), or
            # is the one its abbreviation stands for (渝 -> 重庆市)
            keys = [("prefix", short)] + ([("suffix", short)] if len(short) >= 3 else [])
            abbreviation = dict(load_table("relation_place_abbreviations.tsv")).get(short)
            return keys + ([("prefix", abbreviation)] if abbreviation and len(short) == 1 else [])
        if self.type == "GovOrg":
            return [("body_end", body_short_form(short))]
        if self.type == "Organization":
            return [("body_end", body_short_form(short))] + (
                [("in_order", short[0], short[1], short[-1])] if len(short) >= 3 else [])
        if self.type == "Park":
            return [("body", short)] + ([("in_order", short[0], short[1], short[-2:])] if len(short) >= 3 else [])
        if self.type == "Enterprise":
            keys = [("prefix", short)]
            if short.endswith("公司") and len(short) >= 4:  # its stem opens the full name (弘越公司)
                keys.append(("prefix", short[:-2]))
            if short.endswith("集团") and len(short) >= 4:  # a group's contraction (中轻集团)
                keys.append(("group", short[0], short[1]))
            if short.endswith("股份") and len(short) >= 4:  # a listed company's short name (某某股份)
                keys.append(("prefix", short[:-2]))
            return keys
        return [("whole", short + "项目")] + ([("ends", short[:2], short[-3:])] if len(short) >= 5 else [])  # Project

    def of(self, short: str) -> list[str]:
        found = {full for key in self._keys_of_short(short) for full in self.keys.get(key, ())}
        return sorted(found, key=self.order.__getitem__)


def _shared_by_divisions(short: str, fulls: list[str]) -> bool:
    """昌吉 beside both 昌吉州 and 昌吉市: a prefecture and its seat share the short form, which
    names either.  (岳阳 beside 岳阳市 and 岳阳县 is the city, as usual.)"""
    levels = load_set("relation_admin_suffixes.txt")
    found = {f[len(short):] for f in fulls if f.startswith(short) and f[len(short):] in levels}
    return "州" in found and len(found) > 1


def _used_on_its_own(ctx: DocContext, type_: str, short: str, full: str) -> bool:
    """Does ``short`` occur outside the full name?  A recognizer may also mark the start of
    赛力斯汽车有限公司 as 赛力斯汽车; that is no short form the article uses."""
    longs = SpanIndex(m for m in ctx.named(full) if m.type == type_)
    return any(m.type == type_ and not longs.containing(m.start, m.end) for m in ctx.named(short))


def _owner_kept(ctx: DocContext, short: str, full: str) -> bool:
    """Do both project names start with the same owner (a company or institution of the document)?
    Two projects of one list (…汽车轴生产数字化车间, …汽车紧固件生产数字化车间) share words, not owners."""
    owners = ctx.texts_by_type.get("Enterprise", set()) | ctx.texts_by_type.get("Organization", set())
    return any(short.startswith(o) and full.startswith(o) for o in owners)


#: What closes a project's short name after the opening words of its full name (某某中心项目,
#: 某某电厂三期工程项目).
PROJECT_SHORT_CLOSER = re.compile(r"(?:建设)?(?:工程项目|工程|项目)$")
#: Fewest characters of the full name's opening a short name keeps (某某中心, not a place's 2).
MIN_PROJECT_OPENING = 4
#: What goes on after the opening in another project's name: a phase, a works built with it,
#: a list (某某产业园二期项目, 某某产业园配套道路项目, 某某园及…) -- a project of its own.
OTHER_PROJECT_GOES_ON = re.compile(r"[0-9一二三四五六七八九十]+期|配套|及|和|与|[（(、]")


def _project_openings(ctx: DocContext) -> list[Relation]:
    """某某中心项目 -> 某某中心总部经济项目, 某某电厂三期工程项目 -> 某某电厂三期…发电项目, 某某新材料项目 ->
    某市某某新材料制造基地: a project named by the opening of one other project's name (after the
    place that opens it; 4 characters or more) and 项目/工程 is its short name, when no other
    project of the document opens with the same words."""
    names = sorted(ctx.texts_by_type.get("Project", ()), key=lambda n: (len(n), n))
    places = ctx.texts_by_type.get("Place", set())
    by_opening: dict[str, set[str]] = {}
    for full in names:  # each name's openings, bounded by its length: linear in the names
        for start in {0, len(leading_place(full, places))}:
            for k in range(start + MIN_PROJECT_OPENING, len(full)):
                if not OTHER_PROJECT_GOES_ON.match(full, k):
                    by_opening.setdefault(full[start:k], set()).add(full)
    out: list[Relation] = []
    for short in names:
        core = PROJECT_SHORT_CLOSER.sub("", short)
        if core == short or len(core) < MIN_PROJECT_OPENING:
            continue
        fulls = {f for f in by_opening.get(core, ()) if len(f) > len(short) and not f.startswith(short)}
        if len(fulls) == 1:
            tail = ctx.first_mention(fulls.pop(), ("Project",))
            out.append(ctx.relation(ctx.first_mention(short, ("Project",)), "alias_of", tail,
                                    "short_form.project_opening", ctx.evidence(tail)))
    return out
