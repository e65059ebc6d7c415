"""The role of a post title: MODIFIER* HEAD (常务副市长, 党组书记, 一级巡视员, 实习记者).

Knowledge in kg/data/title_heads.tsv and kg/data/title_modifiers.txt.  Both the
title grammar (kg/ner/titles.py) and the GovOrg recognizer (a bare committee
written before a role is part of the title: 区委办主任) read roles, so the role
lives here, below both.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.lexicon import alternation_of, load_lines, load_table

#: Rows of title_heads.tsv that end a byline (not a post): 摄, 报道.
BYLINE_END = "byline-end"


@lru_cache(maxsize=1)
def heads() -> dict[str, tuple[str, bool]]:
    """Head -> (kind, written after its holder's name)."""
    return {row[0]: (row[1], row[2:] == ("after",)) for row in load_table("title_heads.tsv")
            if row[1] != BYLINE_END}


@lru_cache(maxsize=1)
def role_regex() -> re.Pattern[str]:
    """MODIFIER* HEAD, the head in group ``head``."""
    mods = alternation_of(load_lines("title_modifiers.txt"))
    heads_ = alternation_of(heads())
    # a role starts with a modifier's or a head's first character: looking ahead for one lets the
    # engine pass over the other positions at once (the repeated modifiers keep it from doing so itself)
    firsts = "".join(sorted({word[0] for word in (*load_lines("title_modifiers.txt"), *heads())}))
    return re.compile(rf"(?=[{re.escape(firsts)}])(?:{mods})*(?P<head>{heads_})")


def role_at(text: str, pos: int) -> int:
    """End of a role (modifiers + head) starting at ``pos``, or ``pos``."""
    m = role_regex().match(text, pos)
    return m.end() if m else pos
