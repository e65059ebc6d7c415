"""Recognizer component: Person mentions.

A name-shaped token (kg/ner/names.py) becomes a Person only with evidence:
- a post title right before it (区委副书记、区长赵光平; 市委常委、万州区委书记 卢红),
  from the title grammar (kg/ner/titles.py);
- a byline role (记者 邓浩 实习记者 罗凯元 陈俊攸): one role serves every name
  after it up to the next role;
- a head written after the name (习近平总书记);
- a list of 、-separated names after a collective word (自治区领导赖某、达娃次仁)
  or in a sentence with a verb of attending (张某、李某，市级领导出席);
  in such lists 4-character names without a Han surname (Tibetan, Yi ...) count;
- document-level propagation: a name found once with evidence is a mention at
  every occurrence in the document (headlines such as 某某某某某某讲话).
Titles, collective nouns, places and a surname alone never become persons.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.lexicon import load_table
from kg.model import Document, Mention
from kg.ner import gazetteer, names
from kg.ner.titles import byline_name_closed, byline_title_starts, title_chains, titles_after_names

_CLAUSE = re.compile(r"[^，,。；;：:！？!?\n（）()“”\"]+")
_SENTENCE = re.compile(r"[^。；;！？!?\n]+")


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = load_table("person_list_cues.tsv")
    before = tuple(sorted((w for w, k in rows if k == "before"), key=len, reverse=True))
    return before, tuple(w for w, _ in rows)


def _more_byline_names(text: str, pos: int) -> list[tuple[int, int]]:
    """Further names after a byline name, separated by spaces: 实习记者 罗凯元 陈俊攸."""
    out = []
    title_starts = byline_title_starts(text)
    while True:
        start = pos
        while start < len(text) and text[start] in " \u3000":
            start += 1
        if start == pos:
            return out
        end = names.name_end(text, start)
        if end == start or not byline_name_closed(text, end, title_starts):
            return out
        out.append((start, end))
        pos = end


def _more_listed_names(text: str, pos: int) -> list[tuple[int, int]]:
    """Names listed after a titled name, sharing its title: 副主席高某、王某一同视察."""
    out = []
    while pos < len(text) and text[pos] == "、":
        start = pos + 1
        end = names.name_end(text, start)
        if end == start or not (names.follower_at(text, end) or text.startswith("、", end)):
            break
        out.append((start, end))
        pos = end
    return out


def _from_titles(text: str) -> list[Mention]:
    out = []
    for chain in title_chains(text):
        out.append(Mention(chain.name_start, chain.name_end, text[chain.name_start:chain.name_end], "Person",
                           source="persons.byline" if chain.byline else "persons.title", confidence=0.9))
        more = _more_byline_names(text, chain.name_end) if chain.byline else _more_listed_names(text, chain.name_end)
        for s, e in more:
            out.append(Mention(s, e, text[s:e], "Person", source="persons.title_list", confidence=0.85))
    for s, e, _ts, _te in titles_after_names(text):
        out.append(Mention(s, e, text[s:e], "Person", source="persons.title_after", confidence=0.9))
    return out


def _list_item(item: str, allow_four: bool) -> bool:
    return names.is_name(item, allow_four=allow_four) and not gazetteer.is_place(item)


def _trim_follower(item: str) -> str:
    """The name at the start of the last list item: 张轩出席 -> 张轩."""
    for n in range(2, len(item)):
        if names.follower_at(item, n) and not names.pause_at(item, n) and _list_item(item[:n], False):
            return item[:n]
    return item


def _from_lists(text: str) -> list[Mention]:
    before, any_cue = _cues()
    out = []
    for sentence in _SENTENCE.finditer(text):
        if not any(c in sentence.group() for c in any_cue):
            continue
        for clause in _CLAUSE.finditer(sentence.group()):
            start = sentence.start() + clause.start()
            body = clause.group()
            cue = next((c for c in before if c in body), None)
            if cue:  # 市领导叶某某、… : the list starts after the collective word
                cut = body.rindex(cue) + len(cue)
                start, body = start + cut, body[cut:]
            elif "、" not in body:
                continue
            items = body.split("、")
            items[-1] = _trim_follower(items[-1])
            if not all(_list_item(i, allow_four=bool(cue)) for i in items) or not any(map(names.is_name, items)):
                continue
            for item in items:
                out.append(Mention(start, start + len(item), item, "Person", source="persons.list", confidence=0.8))
                start += len(item) + 1
    return out


def _propagate(text: str, found: list[Mention]) -> list[Mention]:
    """Every other occurrence of a name found with evidence."""
    seen = {(m.start, m.end) for m in found}
    out = []
    for name in {m.text for m in found}:
        for m in re.finditer(re.escape(name), text):
            if (m.start(), m.end()) not in seen:
                out.append(Mention(m.start(), m.end(), name, "Person", source="persons.propagated", confidence=0.85))
    return out


def recognize_persons(doc: Document) -> list[Mention]:
    text = doc.text
    found = _from_titles(text) + _from_lists(text)
    return found + _propagate(text, found)
