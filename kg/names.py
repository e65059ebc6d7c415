"""Names of things: their compact form, the place they start with, and whether one is a short
form of another (江津 of 江津区, 市政府 of 重庆市人民政府, 青禾机械 of 某某青禾机械有限公司).

Shared by the relations of one document (kg/relations/aliases.py: alias_of) and the resolution
of the corpus (kg/resolve.py), which must read names alike.
"""
from __future__ import annotations

from functools import lru_cache

from kg import gazetteer
from kg.lexicon import load_family, load_lines, load_set, load_table

#: Kinds of development zone that stand for the zone's full name in its body's short name
#: (开发区管委会); not after a character that makes a longer kind (新区 inside 高新区).
ZONE_KINDS = load_family("name_endings.tsv", "zone_kind")
#: Characters that make a longer kind of zone before one of these (高新区, 经开区, 产业园区); the rest
#: before a kind is never empty where it is read (the names differ), so a set serves.
ZONE_KINDS_CHARS = frozenset(load_family("name_endings.tsv", "zone_kind_lead"))
#: What ends the full name a company's short stem stands for (某某 -> 某某科技公司).
COMPANY_ENDINGS = load_family("name_endings.tsv", "company")
#: What ends a short name that is a group's own (甘肃电气装备集团), not its stem.
GROUP_ENDINGS = load_family("name_endings.tsv", "group")
#: What may follow a group's name in the same company's full name (X集团 -> X集团有限公司).
LEGAL_FORMS = load_family("name_endings.tsv", "legal_form")


@lru_cache(maxsize=1 << 16)  # names recur: computed once per distinct name
def compact(text: str) -> str:
    """A name without the spaces OCR leaves inside it, brackets folded to ASCII."""
    text = "".join(c for c in text if not c.isspace())
    return text.replace("（", "(").replace("）", ")")


def prefixes_in(name: str, names: set[str] | frozenset[str]) -> list[str]:
    """The members of ``names`` that ``name`` starts with and is longer than, shortest first:
    one look-up per prefix instead of a scan of ``names``."""
    return [name[:k] for k in range(1, len(name)) if name[:k] in names]


def is_short_form(type_: str, short: str, full: str, places: set[str] | frozenset[str]) -> bool:
    """Is ``short`` a short form of ``full`` (both names of ``type_``)?  ``places``: place names
    known in the context (the document, or the corpus for kg/resolve.py)."""
    rule = SHORT_FORM_RULES.get(type_)
    return rule is not None and len(full) > len(short) and rule(short, full, places)


def _place_short_form(short: str, full: str, places) -> bool:
    if full.endswith(tuple(load_set("relation_unaliased_suffixes.txt"))):
        return False
    if full.startswith(short) and full[len(short):] in load_set("relation_admin_suffixes.txt"):
        return True
    if len(short) == 1:
        abbreviations = dict(load_table("relation_place_abbreviations.tsv"))
        if short in abbreviations:
            return abbreviations[short] == full
        # 永 -> 永川区, 盐 -> 盐城 (来盐考察): a district's, county's or city's first character
        city = gazetteer.lookup(full)
        return full.startswith(short) and ((len(full) >= 3 and full[-1] in "区县")
                                           or (city is not None and city.level == gazetteer.CITY))
    return len(short) >= 3 and full.endswith(short)  # 双城经济圈 -> 成渝地区双城经济圈


def _body_without_place(short: str, full: str, places) -> bool:
    if any(short.endswith(m) for m in load_set("relation_media_suffixes.txt")):
        return False  # 经济日报 and 四川经济日报 are two papers
    full, short = body_short_form(full), body_short_form(short)
    if full == short:  # 重庆市政府 is 重庆市人民政府
        return True
    if not full.endswith(short):
        return False
    rest = full[: len(full) - len(short)]
    # 开发区管委会 -> 某某经济开发区管委会: the zone named by its kind alone
    zone = short.startswith(tuple(ZONE_KINDS)) and rest[-1:] not in ZONE_KINDS_CHARS
    return rest in places or rest + short[0] in places or _is_admin_name(rest) or zone


#: Standard abbreviations of the words of body names, longest first.
BODY_ABBREVIATIONS = sorted(load_table("body_abbreviations.tsv"), key=lambda row: -len(row[0]))


def body_short_form(name: str) -> str:
    """重庆市人民政府 -> 重庆市政府, 中共X工作委员会 -> X党工委 (relation_body_short_forms.tsv),
    某省发展和改革委 -> 某省发改委 (the departments' standard abbreviations, body_abbreviations.tsv)."""
    for long, short in BODY_ABBREVIATIONS:
        name = name.replace(long, short)
    for long, short in load_table("relation_body_short_forms.tsv"):
        if "…" not in long:
            name = name.replace(long, short)
            continue
        prefix, suffix = long.split("…")
        if name.startswith(prefix) and name.endswith(suffix) and len(name) > len(prefix) + len(suffix):
            return short.replace("…", name[len(prefix): len(name) - len(suffix)])
    return name


def _is_admin_name(name: str) -> bool:
    return len(name) >= 2 and any(name.endswith(s) for s in load_lines("relation_admin_suffixes.txt"))


def _park_short_form(short: str, full: str, places) -> bool:
    if body_short_form(full) == short:  # X经济技术开发区 -> X经开区, X高新技术产业开发区 -> X高新区
        return True
    if full.startswith(short) or len(short) < 3 or short[-2:] != full[-2:]:
        return False
    chars = iter(full)
    return all(c in chars for c in short)


def _company_stem(short: str, full: str, places) -> bool:
    if len(short) < 2:
        return False
    if _group_contraction(short, full, places):
        return True
    lead = leading_place(full, places)
    if _referral_form(short, full[len(lead):] if lead and not short.startswith(lead) else full):
        return True
    if lead and not short.startswith(lead):
        # 中国 + 一汽, 山东 + 良创机械(有限公司); not 重庆 + 比亚迪动力电池有限公司, a regional company.
        rest = full[len(lead):]
        return rest == short or (rest.startswith(short) and rest[len(short):] in LEGAL_FORMS)
    if short.endswith("股份") and full.endswith("股份有限公司") and full.startswith(short[:-2]) \
            and len(short) >= 4 and not gazetteer.find_places(full[len(short) - 2:]):
        return True  # 某某股份 -> 某某食品股份有限公司: the listed company's usual short name
    if not full.startswith(short):
        return False
    rest = full[len(short):]
    if rest in load_set("industry_words.txt") and len(short) >= 2:
        return True  # 某某 -> 某某科技: the brand without its industry word
    if short.endswith(GROUP_ENDINGS):
        return rest in LEGAL_FORMS  # 甘肃电气装备集团 + 有限公司, not + 国测时栅科技有限公司
    if any(b in rest for b in load_set("relation_branch_suffixes.txt")):
        return False
    if gazetteer.find_places(rest):  # 国网 + 重庆市电力公司: a regional company of the group
        return False
    return rest.endswith(COMPANY_ENDINGS)


def _referral_form(short: str, full: str) -> bool:
    """弘越公司 -> 弘越食品有限公司: the company's stem followed by 公司 alone.  Not 国网公司 ->
    国网重庆市电力公司 (a regional company of the group) nor a branch (…分公司)."""
    stem, rest = short[:-2], full[len(short) - 2:]
    return (short.endswith("公司") and len(stem) >= 2 and full.startswith(stem) and rest != "公司"
            and full.endswith("公司") and not any(b in rest for b in load_set("relation_branch_suffixes.txt"))
            and not gazetteer.find_places(rest))


def _group_contraction(short: str, full: str, places) -> bool:
    """重禾集团 -> 重庆青禾实业集团有限公司: a group named by the first character of its place and
    characters of the rest of its name, in order, starting with the first."""
    core = group_core(full)
    if not (short.endswith("集团") and core) or short == core:
        return False
    xs, ys = short[:-2], core[:-2]
    lead = leading_place(ys, places)
    rest = ys[len(lead):]
    if not lead or len(xs) < 2 or not rest or xs[0] != lead[0] or xs[1] != rest[0]:
        return False
    chars = iter(rest)
    return all(c in chars for c in xs[1:])


def group_core(full: str) -> str:
    """A group's name without its legal form (重庆青禾实业集团有限公司 -> 重庆青禾实业集团), "" for a
    name that is no group's."""
    core = full
    for form in sorted(LEGAL_FORMS, key=len, reverse=True):
        if core.endswith(form) and core[: -len(form)].endswith("集团"):
            core = core[: -len(form)]
            break
    return core if core.endswith("集团") else ""


def leading_place(name: str, places: set[str] | frozenset[str]) -> str:
    """The place a name starts with (the longest of ``places``, else a chain of divisions the
    gazetteer knows), or "" when it starts with none."""
    known = prefixes_in(name, places)
    if known:
        return max(known, key=len)
    end = gazetteer.match_place_chain(name, 0)
    return name[:end] if 0 < end < len(name) else ""


def _project_short_form(short: str, full: str, places) -> bool:
    """青禾机械制造项目 -> 青禾机械绿色建材设备制造项目: the full name with words left out of its
    middle, keeping its start and more than 项目 of its end.  In a document the kept start
    must also be the owner's name (``_owner_kept``)."""
    if full == short + "项目":  # 某某输变电工程 -> 某某输变电工程项目: one project
        return True
    return not full.startswith(short) and any(
        full.startswith(short[:k]) and full.endswith(short[k:]) for k in range(2, len(short) - 2))


def _institution_short_form(short: str, full: str, places) -> bool:
    """A body without its place, or an institute's contraction (X化学物理研究所 -> X化物所): the
    full name's characters kept in order, ending on the last character of its head word but
    not on the whole head (重庆大学 is no contraction of 重庆交通大学)."""
    if _body_without_place(short, full, places):
        return True
    if len(short) < 3 or full.startswith(short) or short[-1] != full[-1] or short[-2:] == full[-2:]:
        return False
    chars = iter(full)
    return all(c in chars for c in short)


SHORT_FORM_RULES = {
    "Place": _place_short_form,
    "GovOrg": _body_without_place,
    "Organization": _institution_short_form,
    "Park": _park_short_form,
    "Enterprise": _company_stem,
    "Project": _project_short_form,
}
