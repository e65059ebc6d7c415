"""Recognizer component: GovOrg mentions, the bodies the body grammar (kg/bodies.py) reads.

Every body in a chain is a mention of its own (某某区委 and 某某区委宣传部: nesting is
allowed).  A bare level-prefixed Party committee or government fused into a post
title (区委书记, 市政府副市长) is not a mention, per docs/schema.md; with a real
place it is (涪陵区委书记 -> 涪陵区委).  A bare body that only opens longer bodies' names in
the document (市委财经委, 省政府新闻办) is part of them, no mention.
"""
from __future__ import annotations

from kg.bodies import document_bodies
from kg.model import Document, Mention
from kg.ner.roles import role_at


def recognize_govorgs(doc: Document) -> list[Mention]:
    text = doc.text
    bodies = document_bodies(doc)
    # 区委办主任: the bare committee is part of a title through its office too
    in_title = {b.start for b in bodies if role_at(text, b.end) > b.end}
    # 市委财经委, 省政府新闻办: a bare body that only ever opens a longer body's name is part of it
    # (the tuning gold of the corpus never lists it then); one written alone anywhere is a mention.
    longest: dict[int, int] = {}
    for b in bodies:
        longest[b.start] = max(longest.get(b.start, b.end), b.end)
    alone = {text[b.start:b.end] for b in bodies if b.bare and longest[b.start] == b.end}
    mentions = []
    for body in bodies:
        if body.bare and body.start in in_title:
            continue  # 区委书记: the bare committee is part of the title
        if body.bare and text[body.start:body.end] not in alone:
            continue
        mentions.append(Mention(body.start, body.end, text[body.start:body.end], "GovOrg",
                                source=f"govorgs.{body.kind}", confidence=0.9))
    return mentions
