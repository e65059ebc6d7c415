"""China's administrative divisions with their codes (GB/T 2260) and hierarchy.

The table is the one ``cpca`` ships (``adcodes.csv``, also read by
``kg.gazetteer``), plus ``kg/data/division_codes_updates.tsv`` for divisions
renamed since. A code is six digits: two for the province, two for the city,
two for the county; a county of a municipality (重庆市江津区 500116) belongs to
the municipality itself.

A name can fit several divisions: its full name (朝阳区 of Beijing and of
Changchun) or a short form (海南: the province and a prefecture of Qinghai).
``Divisions.resolve`` picks one by the provinces and cities the document names
elsewhere, or gives up.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from kg import gazetteer
from kg.lexicon import load_table

PROVINCE, CITY, COUNTY = gazetteer.PROVINCE, gazetteer.CITY, gazetteer.COUNTY
#: Where the IRIs built from a code point (skos:exactMatch): the code as a resource of its own.
CODE_IRI_BASE = "https://w3id.org/kg/gbt2260/"


@dataclass(frozen=True)
class Division:
    code: str  # six digits, GB/T 2260
    name: str  # the full official name
    level: str  # province, city or county

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0000"


class Divisions:
    """The table, by code and by every name a division is written with."""

    def __init__(self, rows: Iterable[tuple[str, str]]) -> None:
        self.by_code: dict[str, Division] = {}
        for code, name in rows:
            level = PROVINCE if code[2:] == "0000" else CITY if code[4:] == "00" else COUNTY
            self.by_code.setdefault(code, Division(code, name, level))
        self.by_name: dict[str, list[Division]] = defaultdict(list)
        for d in sorted(self.by_code.values(), key=lambda d: d.code):
            self.by_name[d.name].append(d)
        for d in sorted(self.by_code.values(), key=lambda d: d.code):
            for short in gazetteer.short_forms(d.name):
                if d not in self.by_name[short]:
                    self.by_name[short].append(d)

    def parent(self, d: Division) -> Division | None:
        """The city a county is in, else its province; a city's province."""
        if d.level == PROVINCE:
            return None
        if d.level == COUNTY and (city := self.by_code.get(d.code[:4] + "00")):
            return city
        return self.by_code.get(d.province_code)

    def ancestors(self, d: Division) -> list[Division]:
        """``d`` and the divisions above it, lowest first."""
        out = [d]
        while (p := self.parent(out[-1])) is not None:
            out.append(p)
        return out

    def candidates(self, name: str) -> list[Division]:
        return self.by_name.get(name, [])

    @staticmethod
    def is_loose(name: str, d: Division) -> bool:
        """Whether ``name`` is the short form of an autonomous prefecture or county (海西 of
        海西蒙古族藏族自治州, not 广西 of a region): such short forms are also ordinary names of
        regions elsewhere."""
        return d.level != PROVINCE and d.name != name \
            and bool(gazetteer._ethnic_suffix().search(d.name))  # cpca's nations, as read there

    def resolve(self, name: str, context: set[str]) -> Division | None:
        """The division ``name`` means in a document naming the divisions of codes ``context``
        (with those above them): the candidate the document names, else the one inside a division
        it names, else the only or the highest one; ``None`` when the name fits none, or when it
        is the short form of an autonomous prefecture or county (海西, 海南) of a province the
        document does not name while it names others."""
        found = self.candidates(name)
        for pick in ([d for d in found if d.code in context],
                     [d for d in found if any(a.code in context for a in self.ancestors(d)[1:])]):
            if len(pick) == 1:
                return pick[0]
        if len(found) == 1:
            d = found[0]
            return None if context and d.province_code not in context and self.is_loose(name, d) else d
        rank = {PROVINCE: 0, CITY: 1, COUNTY: 2}
        top = sorted(found, key=lambda d: rank[d.level])
        if len(top) > 1 and rank[top[0].level] < rank[top[1].level] and top[0].name != name:
            return top[0]  # 吉林 the province before 吉林市, as the gazetteer reads short forms
        return None


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    """The table of cpca, without the names renamed since, plus the renamed divisions of kg/data."""
    former = {row[2] for row in load_table("places_updates.tsv") if len(row) > 2}
    skipped = gazetteer._SKIP | former  # the gazetteer's reading of the same table (private, not copied)
    rows = []
    with open(gazetteer._cpca_resource("adcodes.csv"), encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader, None)
        for r in reader:
            if len(r) >= 2 and r[1].strip() and r[1].strip() not in skipped and "直辖" not in r[1]:
                rows.append((r[0].strip()[:6], r[1].strip()))
    rows += [(code, name) for name, code in load_table("division_codes_updates.tsv")]
    return Divisions(rows)


def code_iri(code: str) -> str:
    return CODE_IRI_BASE + code
