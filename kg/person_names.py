"""What a Chinese personal name looks like, shared by the person and title grammars.

A Han name is a surname (kg/data/surnames.txt, single or compound) and one or two
given-name characters.  Where it ends is decided by what follows
(kg/data/name_followers.tsv): a pause, a verb such as 出席/介绍, or a function
character.  The shape alone is never evidence of a person: callers supply the
context (a title, a byline role, a list of officials).
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.lexicon import alternation_of, load_lines, load_set, load_table

CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
#: Characters that end a name: punctuation, spaces, brackets, digits, Latin letters.
_PAUSE = re.compile(r"[^\u3400-\u9fff]")
#: Characters that do not end a given name (function words, numerals); one may stand
#: in the middle of a three-character name when a pause or verb follows (宋在明, 周一平).
_NOT_GIVEN = set("的了在是和与及等为对向从把被将也就都又还而或但说称要个们这那其之以所此该各每"
                 "一二三四五六七八九十百千万亿日号")
#: Particles that end no name.
_PARTICLES = "的了"
#: Characters of body and post names, never in a given name (和区长 is no name).
_NEVER_GIVEN = load_set("body_place_chars.txt")


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    names = load_lines("surnames.txt")
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2)


@lru_cache(maxsize=1)
def _followers() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    rows = load_table("name_followers.tsv")
    return (re.compile(alternation_of(w for w, k in rows if k == "word")),
            frozenset(w for w, k in rows if k in ("char", "prep")), frozenset(w for w, k in rows if k == "weak"))


@lru_cache(maxsize=1)
def _prepositions() -> frozenset[str]:
    return frozenset(w for w, k in load_table("name_followers.tsv") if k == "prep")


@lru_cache(maxsize=1)
def post_verbs() -> dict[str, tuple[str, ...]]:
    """The personnel verbs of kg/data/post_verbs.tsv by kind, longest first."""
    kinds: dict[str, list[str]] = {}
    for word, kind in load_table("post_verbs.tsv"):
        kinds.setdefault(kind, []).append(word)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in kinds.items()}


@lru_cache(maxsize=1)
def _post_verbs() -> re.Pattern[str]:
    """Personnel verbs of two or more characters (担任, 出任, 当选): a subject stands before
    them, so 和/与 right before one is a name's last character (李德和担任 -> 李德和)."""
    verbs = post_verbs()
    return re.compile(alternation_of(w for kind in ("after_name", "negated") for w in verbs.get(kind, ()) if len(w) > 1))


def _post_verb_at(text: str, pos: int) -> bool:
    return _post_verbs().match(text, pos) is not None


def is_stop_word(token: str) -> bool:
    return token in load_set("name_stop_words.txt")


def surname_length(text: str, pos: int) -> int:
    """Length of the surname at ``pos`` (2 for 欧阳, 1 for 王), 0 if none."""
    singles, compounds = _surnames()
    if text[pos:pos + 2] in compounds:
        return 2
    return 1 if pos < len(text) and text[pos] in singles else 0


@lru_cache(maxsize=1)
def _prepositions_before() -> tuple[str, ...]:
    return tuple(sorted(load_lines("name_prepositions.txt"), key=len, reverse=True))


def preposition_before(text: str, pos: int) -> bool:
    """A word that takes a person as its object (由, 向, 陪同: kg/data/name_prepositions.txt)
    ends right before ``pos``: a name may start there inside a clause."""
    return text.endswith(_prepositions_before(), 0, pos)


def pause_at(text: str, pos: int) -> bool:
    """A name may end here: end of text, punctuation or space."""
    return pos >= len(text) or bool(_PAUSE.match(text[pos]))


def follower_at(text: str, pos: int) -> bool:
    """A pause or a word that usually follows a name starts at ``pos``."""
    if pause_at(text, pos):
        return True
    words, chars, weak = _followers()
    return text[pos] in chars or text[pos] in weak or words.match(text, pos) is not None


def word_follower_at(text: str, pos: int) -> bool:
    """A verb that usually follows a name (出席, 介绍 ...) starts at ``pos``."""
    return _followers()[0].match(text, pos) is not None


def _given_ok(chars: str) -> bool:
    return all(CJK_CHAR.match(c) and c not in _NOT_GIVEN and c not in _NEVER_GIVEN for c in chars)


def name_end(text: str, pos: int) -> int:
    """End of the name-shaped token at ``pos`` (surname + 1-2 given characters, or a
    transliterated name joined by a middle dot: 艾某·某某), or ``pos``."""
    han_end = _han_name_end(text, pos)
    # the part before the dot: a Han name, or transliteration syllables with no surname (奇·某某某)
    end = han_end if han_end > pos else _syllables_before_dot(text, pos)
    if end > pos and end + 2 < len(text) and text[end] in _DOTS and CJK_CHAR.match(text[end + 1]):
        j = end + 2
        while j < min(len(text), end + 9) and CJK_CHAR.match(text[j]) and not follower_at(text, j):
            j += 1
        if j - end > 2:
            return j
    return han_end


#: The middle dots that join the parts of a transliterated name.
_DOTS = "·•"


def _syllables_before_dot(text: str, pos: int) -> int:
    """End of one to three transliteration syllables (kg/data/minority_name_chars.txt) at ``pos``
    that a middle dot follows, or ``pos``."""
    syllables = load_set("minority_name_chars.txt")
    end = pos
    while end < min(len(text), pos + 3) and text[end] in syllables:
        end += 1
    return end if end < len(text) and text[end] in _DOTS else pos


def _han_name_end(text: str, pos: int) -> int:
    sn = surname_length(text, pos)
    if sn == 0:
        return pos
    g = pos + sn
    one, two = g + 1, g + 2
    if one > len(text) or not CJK_CHAR.match(text[g]) or text[g] in _NEVER_GIVEN:
        return pos
    if not _given_ok(text[g]):
        # 宋在明, 何其昌, 周一平: a function character inside a name only when
        # the three characters are followed by a pause or a verb.
        if _given_ok(text[one:two]) and follower_at(text, two) and not is_stop_word(text[g:two]):
            return two
        return pos
    _words, chars, weak = _followers()
    # 陈立为宣布: a preposition takes no verb, so 为 right before one ends the name
    prep_end = two <= len(text) and text[one] in _prepositions() and word_follower_at(text, two)
    # 李德和，/ 李德和担任: a conjunction takes no pause or verb after it, so it ends the name
    weak_end = two <= len(text) and text[one] in weak and (pause_at(text, two) or _post_verb_at(text, two))
    third_ok = two <= len(text) and (_given_ok(text[one:two]) or prep_end or weak_end)
    if third_ok and not (prep_end or weak_end):
        third = text[one]
        if third in chars or third in weak:
            third_ok = False
        elif word_follower_at(text, one) and not (word_follower_at(text, two) or pause_at(text, two)):
            third_ok = False  # 何静介绍: a verb starts at 介, none at 绍
    end = two if third_ok else one
    token = text[pos:end]
    if is_stop_word(token) or is_stop_word(token[sn:]) or (end == two and is_stop_word(token[:2])):
        return pos
    return end


def minority_name_end(text: str, pos: int) -> int:
    """End of a four-character name without a Han surname (扎西次仁) right after a
    title: transliteration syllables only (kg/data/minority_name_chars.txt), a pause
    or a verb after it; else ``pos``."""
    end = pos + 4
    token = text[pos:end]
    if len(token) < 4 or not set(token) <= load_set("minority_name_chars.txt") or not follower_at(text, end):
        return pos
    return end


def is_name(token: str, *, allow_four: bool = False) -> bool:
    """``token`` alone is name-shaped: a Han name, or with ``allow_four`` a 4-character
    name in transliteration syllables (Tibetan 扎西次仁), never a stop word."""
    if token and set(token) & set(_DOTS):  # 奇·某某某, 艾某·某某: the whole token reads as a dotted name
        return name_end(token, 0) == len(token) and token[-1] not in _DOTS
    if not token or is_stop_word(token) or not all(CJK_CHAR.match(c) for c in token):
        return False
    if allow_four and len(token) == 4 and set(token) <= load_set("minority_name_chars.txt"):
        return True
    sn = surname_length(token, 0)
    given = token[sn:]
    # delimited, a name may hold function characters (宋在明, 王为民), never body characters,
    # and never ends in a particle (农业的同志 is no 农业的)
    return sn > 0 and 1 <= len(given) <= 2 and not (_NEVER_GIVEN & set(given)) and given[-1] not in _PARTICLES
