"""Gazetteer of place names: language knowledge below every stage (the segmenter's
section headings, the recognizers' place prefixes, relations and resolution).

Sources (loaded at run time, cached):
- China's administrative divisions, province -> county, from the ``adcodes.csv``
  table shipped by the ``cpca`` package (MIT licence), read directly from the
  installed package (importing ``cpca`` itself needs ``pkg_resources``);
- ``kg/data/places_updates.tsv``: divisions renamed since that snapshot;
- ``kg/data/countries.txt``, ``rivers.txt``, ``regions.txt``: small general lists;
- ``kg/data/division_placeholders.txt``: rows of that table that name no place;
- short forms derived by rule (the endings dropped: ``kg/data/division_endings.txt``): ``江津区`` -> ``江津``, ``西藏自治区`` -> ``西藏``,
  ``彭水苗族土家族自治县`` -> ``彭水`` (+ ``彭水县``), kept when at least two
  characters remain and the short form is not an ordinary word
  (``kg/data/place_short_stop.txt``).

API:
    is_place(name)              -> bool
    lookup(name)                -> PlaceEntry | None
    match_place(text, pos)      -> end offset of the longest place name at pos, or pos
    match_place_chain(text, pos, limit) -> end of a run of place names at pos
    find_places(text)           -> [(start, end, PlaceEntry)], greedy longest, left to right
    short_forms(name)           -> the short forms derived from a full name
    ends_with_place(text)       -> start offset of the longest place name ending text, or len(text)
"""
from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import KgError
from kg.lexicon import alternation, load_lines, load_set, load_table

#: Levels of PlaceEntry.level.
PROVINCE, CITY, COUNTY, COUNTRY, RIVER, REGION = "province", "city", "county", "country", "river", "region"

_SKIP = load_set("division_placeholders.txt")
_GENERIC_SUFFIX = re.compile(f"(?:{alternation('division_endings.txt')})$")


@dataclass(frozen=True)
class PlaceEntry:
    name: str  # as it is written in text
    level: str  # province, city, county, country, river, region
    full: str  # the full official name (== name unless a short form)
    province: str = ""  # the province's full name, for divisions

    @property
    def is_short(self) -> bool:
        return self.name != self.full


def _cpca_resource(name: str) -> Path:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise KgError("the 'cpca' package (administrative divisions of China) is not installed")
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / name
    if not path.is_file():
        raise KgError(f"cpca is installed but has no {name}")
    return path


@lru_cache(maxsize=1)
def _ethnic_suffix() -> re.Pattern[str]:
    """苗族土家族自治县, 藏族羌族自治州, 维吾尔自治区 ...: nationalities from cpca's list."""
    with open(_cpca_resource("56_nations.csv"), encoding="utf-8") as f:
        nations = {line.strip() for line in f if line.strip()}
    forms = set(nations) | {n[:-1] for n in nations if n.endswith("族") and len(n) >= 4}
    alternation = "|".join(sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?:{alternation})+自治(?:区|州|县|旗)$")


def short_forms(name: str) -> list[str]:
    """Short forms of a division's full name (``彭水苗族土家族自治县`` -> 彭水, 彭水县)."""
    stop = load_set("place_short_stop.txt")
    out: list[str] = []
    ethnic = _ethnic_suffix().search(name)
    if ethnic:
        core = name[:ethnic.start()]
        kind = name[-1]  # 县/州/旗/区
        out.append(core)
        if kind in "县州旗":  # 彭水县, 恩施州
            out.append(core + kind)
        if kind in "县州旗":  # the official short form keeps 自治: 彭水自治县, 恩施自治州
            out.append(core + "自治" + kind)
    else:
        generic = _GENERIC_SUFFIX.search(name)
        if generic:
            out.append(name[:generic.start()])
    return [s for s in out if len(s) >= 2 and s != name and s not in stop]


def _division_rows() -> list[tuple[str, str, str]]:
    """(name, level, province full name) of every division in cpca's table."""
    rows = []
    with open(_cpca_resource("adcodes.csv"), encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader, None)
        records = [(r[0].strip()[:12].ljust(12, "0"), r[1].strip()) for r in reader if len(r) >= 2]
    provinces = {code[:2]: name for code, name in records if code[2:] == "0" * 10}
    for code, name in records:
        if not name or name in _SKIP or "直辖" in name:
            continue
        if code[2:] == "0" * 10:
            level = PROVINCE
        elif code[4:] == "0" * 8:
            level = CITY
        else:
            level = COUNTY
        rows.append((name, level, provinces.get(code[:2], "")))
    return rows


@lru_cache(maxsize=1)
def _entries() -> dict[str, PlaceEntry]:
    entries: dict[str, PlaceEntry] = {}
    divisions = _division_rows()
    province_of = {name: prov for name, _, prov in divisions}
    for row in load_table("places_updates.tsv"):
        current, level, former = (*row, "")[:3]
        divisions.append((current, level, province_of.get(former, "")))
    # Full names first, so a short form never shadows a full name.
    stop = load_set("place_short_stop.txt")  # 城区, 郊区, 矿区 are full names but ordinary words
    for name, level, prov in divisions:
        if name not in stop:
            entries.setdefault(name, PlaceEntry(name, level, name, prov))
    for name in load_lines("countries.txt"):
        entries.setdefault(name, PlaceEntry(name, COUNTRY, name))
    for name in load_lines("rivers.txt"):
        entries.setdefault(name, PlaceEntry(name, RIVER, name))
    for name in load_lines("regions.txt"):
        entries.setdefault(name, PlaceEntry(name, REGION, name))
    # Higher levels claim a short form first (吉林 the province before 吉林市).
    rank = {PROVINCE: 0, CITY: 1, COUNTY: 2}
    for name, level, prov in sorted(divisions, key=lambda d: rank[d[1]]):
        for short in short_forms(name):
            entries.setdefault(short, PlaceEntry(short, level, name, prov))
    return entries


@lru_cache(maxsize=1)
def _lengths_by_first_char() -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for name in _entries():
        lengths.setdefault(name[0], set()).add(len(name))
    return {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}


@lru_cache(maxsize=1)
def _lengths_by_last_char() -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for name in _entries():
        lengths.setdefault(name[-1], set()).add(len(name))
    return {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}


@lru_cache(maxsize=1)
def city_initials() -> frozenset[str]:
    """The first characters of the full names of cities (常 of 常州市, 盐 of 盐城市): a word made
    of two of them may join two places (常盐工业园区) rather than name one."""
    return frozenset(e.full[0] for e in _entries().values() if e.level == CITY)


def lookup(name: str) -> PlaceEntry | None:
    return _entries().get(name)


def is_place(name: str) -> bool:
    return name in _entries()


def match_place(text: str, pos: int, *, allow_short: bool = True) -> int:
    """End of the longest gazetteer name starting at ``pos`` (``pos`` if none)."""
    if pos >= 0 and not _may_open_a_name(text, pos):
        return pos  # no name begins with these characters (nor at the end of the text)
    entries = _entries()
    for n in _lengths_by_first_char().get(text[pos], ()):
        if pos + n > len(text):
            continue
        entry = entries.get(text[pos:pos + n])
        if entry is not None and (allow_short or not entry.is_short):
            return pos + n
    return pos


def ends_with_place(text: str, *, allow_short: bool = True) -> int:
    """Start of the longest gazetteer name that ends ``text`` (``len(text)`` if none)."""
    if not text:
        return 0
    entries = _entries()
    end = len(text)
    for n in _lengths_by_last_char().get(text[-1], ()):
        if n <= end:
            entry = entries.get(text[end - n:])
            if entry is not None and (allow_short or not entry.is_short):
                return end - n
    return end


def match_place_chain(text: str, pos: int, limit: int | None = None) -> int:
    """End of a run of consecutive place names at ``pos`` (重庆市江津区 -> after 区),
    none of them reaching past ``limit``."""
    limit = len(text) if limit is None else limit
    end = pos
    while end < limit:
        nxt = match_place(text, end)
        if nxt == end or nxt > limit:
            break
        end = nxt
    return end


@lru_cache(maxsize=1)
def _name_openings() -> tuple[re.Pattern[str], frozenset[str]]:
    """A regex finding where a gazetteer name may begin (a character that opens a name followed by one
    that is second in a name, or a name of one character), and the first two characters of every name:
    find_places tries names only there (a few percent of the characters of a text), not at every one."""
    names = list(_entries())
    pairs = [name for name in names if len(name) >= 2]
    singles = "".join(sorted({name for name in names if len(name) == 1}))
    opening = f"[{re.escape(''.join(sorted({n[0] for n in pairs})))}][{re.escape(''.join(sorted({n[1] for n in pairs})))}]"
    if singles:
        opening += f"|[{re.escape(singles)}]"
    return re.compile(f"(?={opening})"), frozenset(name[:2] for name in names)


def _may_open_a_name(text: str, pos: int) -> bool:
    """Whether a gazetteer name begins with the one or two characters at ``pos``."""
    prefixes = _name_openings()[1]
    return text[pos:pos + 2] in prefixes or text[pos:pos + 1] in prefixes


def find_places(text: str, *, allow_short: bool = True) -> list[tuple[int, int, PlaceEntry]]:
    """Every gazetteer name in ``text``: greedy longest match, left to right."""
    entries = _entries()
    firsts = _lengths_by_first_char()
    openings = _name_openings()[0]
    out: list[tuple[int, int, PlaceEntry]] = []
    i, n = 0, len(text)
    while (m := openings.search(text, i)) is not None:
        i = m.start()
        if _may_open_a_name(text, i):
            for length in firsts[text[i]]:
                if i + length > n:
                    continue
                entry = entries.get(text[i:i + length])
                if entry is not None and (allow_short or not entry.is_short):
                    out.append((i, i + length, entry))
                    i += length
                    break
            else:
                i += 1
        else:
            i += 1
    return out
