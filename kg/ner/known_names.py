"""Recognizer component: Enterprise names the rest of the corpus gives (``enterprises.known_name``).

A document may write 某某科技 where another document of the same corpus wrote
某某科技有限公司: corpus-level name propagation (kg/propagation.py) collects the names
documents give with a legal suffix and their short forms, and sets ``Document.known_names``
to those standing in this text unrecognized; this component marks their occurrences that
stand between boundaries (as the in-document alias rule does) as Enterprise mentions. Their
confidence is below every rule that finds a name by its own evidence, so the merge policy
(kg.ner.merge) lets a longer or better-founded mention win.
"""
from __future__ import annotations

import re
from typing import Iterable

from kg.model import Document, Mention
from kg.ner.enterprises import stands_alone
from kg.spans import NameFinder

SOURCE = "enterprises.known_name"
#: What goes on a company's name past a known short form of it (某某新材料 in 某某新材料有限公司, 某某科技股份…,
#: 某某（集团）…): the occurrence is part of a longer legal name, not the short name alone. 有 is a stop
#: word of names (a verb), so the boundary test alone would let 某某新材料|有限公司 stand.
_NAME_GOES_ON = re.compile(r"有限|股份|控股|[（(]?集团|(?:总|分|子)?公司")
#: Below the in-document alias rule (0.75): a name this document defines itself comes first.
CONFIDENCE = 0.7


def standing_occurrences(text: str, finder: NameFinder) -> Iterable[tuple[int, int, str]]:
    """(start, end, name) of the names of ``finder`` that stand between boundaries in ``text``
    (not 某某科技 inside 某某科技园 or 某某科技有限公司), in one pass over the text."""
    for name, spans in finder.find(text).items():
        for s, e in spans:
            if stands_alone(text, s, e) and not _NAME_GOES_ON.match(text, e):
                yield s, e, name


def recognize_known_names(doc: Document) -> list[Mention]:
    if not doc.known_names:
        return []
    return [Mention(s, e, name, "Enterprise", SOURCE, CONFIDENCE)
            for s, e, name in standing_occurrences(doc.text, NameFinder(doc.known_names))]
