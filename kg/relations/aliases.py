"""alias_of: a short form of a name used in the same document -> its full name.

- 以下简称: 重庆川仪精密机械有限公司(以下简称“川仪精密”);
- places without their division ending (江津 -> 江津区), a province-level
  abbreviation (渝 -> 重庆市), the first character of a district (永 -> 永川区),
  a region named after its parent place (双城经济圈 -> 成渝地区双城经济圈);
- bodies without their place (市委 -> 重庆市委, 市政府 -> 重庆市人民政府);
- parks shortened inside their name (璧山高新区 -> 璧山国家高新区,
  重庆高新区 -> 西部科学城重庆高新区), same ending, letters in order;
- a company's name stem (重庆金汇能 -> 重庆金汇能新材料有限公司), unless the
  longer name is a branch (…支行) or the stem names a group (…集团).
"""
from __future__ import annotations

import re

from kg.lexicon import load_lines, load_set, load_table
from kg.model import Relation
from kg.ner import gazetteer
from kg.relations.context import DocContext, compact, triggers

COMPANY_ENDINGS = ("公司", "厂", "合作社", "研究所", "研究院", "中心", "集团")
GROUP_ENDINGS = ("集团", "公司", "控股")


def extract_aliases(ctx: DocContext) -> list[Relation]:
    out = _introduced(ctx)
    for type_ in SHORT_FORM_RULES:
        out += _pairs(ctx, type_)
    return out


def is_short_form(type_: str, short: str, full: str, places: set[str] | frozenset[str]) -> bool:
    """Is ``short`` a short form of ``full`` (both names of ``type_``)?  ``places``: place names
    known in the context (the document, or the corpus for kg/resolve.py)."""
    rule = SHORT_FORM_RULES.get(type_)
    return rule is not None and len(full) > len(short) and rule(short, full, places)


def _introduced(ctx: DocContext) -> list[Relation]:
    """X（以下简称“Y”）."""
    intro = "|".join(map(re.escape, triggers("alias_intro")))
    pattern = re.compile(rf"[（(]\s*(?:{intro})[:：]?\s*[“\"‘']?([^”\"’'）)，,、；;]{{1,20}}?)[”\"’']?\s*[）)，,、；;]")
    out: list[Relation] = []
    for full in ctx.entity_mentions:
        m = pattern.match(ctx.text, ctx.skip_space(full.end))
        if not m or not ctx.is_outermost(full):
            continue
        short = ctx.sub_mention(full, m.start(1), m.end(1), full.type)
        out.append(ctx.relation(short, "alias_of", full, "abbreviation_introduced"))
    return out


def _pairs(ctx: DocContext, type_: str) -> list[Relation]:
    """alias_of for every (short, full) pair of names of ``type_`` in the document."""
    names = sorted(ctx.texts_by_type.get(type_, ()), key=lambda n: (len(n), n))
    places = ctx.texts_by_type.get("Place", set())
    out: list[Relation] = []
    for short in names:
        fulls = [full for full in names if is_short_form(type_, short, full, places)
                 and _used_on_its_own(ctx, type_, short, full)]
        if fulls:
            head = ctx.first_mention(short, (type_,))
            tail = ctx.first_mention(fulls[0], (type_,))
            out.append(ctx.relation(head, "alias_of", tail, f"short_form.{type_.lower()}",
                                    ctx.evidence(tail)))
    return out


def _used_on_its_own(ctx: DocContext, type_: str, short: str, full: str) -> bool:
    """Does ``short`` occur outside the full name?  A recognizer may also mark the start of
    赛力斯汽车有限公司 as 赛力斯汽车; that is no short form the article uses."""
    longs = [m for m in ctx.entity_mentions if m.type == type_ and compact(m.text) == full]
    return any(compact(m.text) == short and not any(o.start <= m.start and m.end <= o.end for o in longs)
               for m in ctx.entity_mentions if m.type == type_)


def _place_short_form(short: str, full: str, places) -> bool:
    if full.startswith(short) and full[len(short):] in load_set("relation_admin_suffixes.txt"):
        return True
    if len(short) == 1:
        abbreviations = dict(load_table("relation_place_abbreviations.tsv"))
        if short in abbreviations:
            return abbreviations[short] == full
        return full.startswith(short) and len(full) >= 3 and full[-1] in "区县"
    return len(short) >= 3 and full.endswith(short)  # 双城经济圈 -> 成渝地区双城经济圈


def _body_without_place(short: str, full: str, places) -> bool:
    if any(short.endswith(m) for m in load_set("relation_media_suffixes.txt")):
        return False  # 经济日报 and 四川经济日报 are two papers
    full = full.replace("人民政府", "政府")
    if full == short:  # 重庆市政府 is 重庆市人民政府
        return True
    if not full.endswith(short):
        return False
    rest = full[: len(full) - len(short)]
    return rest in places or rest + short[0] in places or _is_admin_name(rest)


def _is_admin_name(name: str) -> bool:
    return len(name) >= 2 and any(name.endswith(s) for s in load_lines("relation_admin_suffixes.txt"))


def _park_short_form(short: str, full: str, places) -> bool:
    if full.startswith(short) or len(short) < 3 or short[-2:] != full[-2:]:
        return False
    chars = iter(full)
    return all(c in chars for c in short)


def _company_stem(short: str, full: str, places) -> bool:
    if not full.startswith(short) or short.endswith(GROUP_ENDINGS):
        return False
    rest = full[len(short):]
    if any(b in rest for b in load_set("relation_branch_suffixes.txt")):
        return False
    if gazetteer.find_places(rest):  # 国网 + 重庆市电力公司: a regional company of the group
        return False
    return rest.endswith(COMPANY_ENDINGS) and len(short) >= 2


SHORT_FORM_RULES = {
    "Place": _place_short_form,
    "GovOrg": _body_without_place,
    "Organization": _body_without_place,
    "Park": _park_short_form,
    "Enterprise": _company_stem,
}
