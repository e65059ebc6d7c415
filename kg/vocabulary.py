"""General Chinese vocabulary (jieba's dictionary) to tell proper names from
common words: segmented without HMM, a word the dictionary does not know falls
apart into single characters (诚壹食品 -> 诚/壹/食品, 文化旅游 -> 文化/旅游)."""
from __future__ import annotations

import logging
from functools import lru_cache
from math import log
from typing import Callable

#: Single characters that are function words, not pieces of an unknown name.
_FUNCTION_CHARS = frozenset("及和与类等的之或")


@lru_cache(maxsize=1)
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@lru_cache(maxsize=1)
def _cutter() -> Callable[[str], list[str]]:
    """``jieba.Tokenizer.lcut(text, HMM=False)`` of the tokenizer above, word for word, at a fraction
    of its cost on the short fragments the recognizers ask about: jieba builds a dict of the word
    ends at each position, then scores the routes with a generator per position, and its ``cut``
    is a generator over generators; here each position's words are scored as they are found, in
    one loop.  The scores are the same floats, summed in the same order, and ties go the same way
    (the later end, as ``max`` over (score, end) pairs), so the route is jieba's."""
    import jieba

    tokenizer = _tokenizer()
    freq = tokenizer.FREQ
    log_total = log(tokenizer.total)
    han, skip, latin = jieba.re_han_default, jieba.re_skip_default, jieba.re_eng

    def cut_block(block: str) -> list[str]:
        # jieba's get_DAG, calc and __cut_DAG_NO_HMM: route[k] is the best (score, end) from k on
        n = len(block)
        route: list[tuple[float, int]] = [(0, 0)] * (n + 1)
        for k in range(n - 1, -1, -1):
            best = None
            i = k
            frag = block[k]
            while i < n and frag in freq:
                count = freq[frag]
                if count:  # a word, not only the prefix of one
                    score = (log(count) - log_total + route[i + 1][0], i)
                    if best is None or score > best:
                        best = score
                i += 1
                frag = block[k:i + 1]
            if best is None:  # no word starts here: the character alone
                best = (log(freq.get(block[k]) or 1) - log_total + route[k + 1][0], k)
            route[k] = best
        words = []
        x = 0
        buffer = ""
        while x < n:
            y = route[x][1] + 1
            word = block[x:y]
            if y - x == 1 and latin.match(word):  # single Latin letters and digits run together
                buffer += word
            else:
                if buffer:
                    words.append(buffer)
                    buffer = ""
                words.append(word)
            x = y
        if buffer:
            words.append(buffer)
        return words

    def cut(text: str) -> list[str]:
        # jieba's cut: runs of Chinese, Latin and digits are segmented, whitespace kept whole, the
        # rest character by character
        words = []
        for block in han.split(text):
            if not block:
                continue
            if han.match(block):
                words += cut_block(block)
            else:
                for part in skip.split(block):
                    if skip.match(part):
                        words.append(part)
                    else:
                        words.extend(part)
        return words

    return cut


def has_unknown_word(text: str) -> bool:
    """Whether ``text`` holds a run of two or more characters the dictionary
    cannot place in any word (the mark of a brand or place name)."""
    singles = 0
    for token in words(text):
        singles = singles + 1 if len(token) == 1 and token not in _FUNCTION_CHARS else 0
        if singles >= 2:
            return True
    return False


def is_word(text: str) -> bool:
    """Whether ``text`` is one word of the dictionary (美的, 目的)."""
    return text in _tokenizer().FREQ and _tokenizer().FREQ[text] > 0


#: jieba's tags of proper nouns: place, other proper, person, organization names.
_PROPER_TAGS = ("ns", "nz", "nr", "nt")


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """The dictionary's part-of-speech tag of each word (its lines: word, frequency, tag)."""
    tags = {}
    with _tokenizer().get_dict_file() as f:
        for line in f:
            parts = line.decode("utf-8").split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


@lru_cache(maxsize=1)
def _proper_nouns() -> dict[str, str]:
    """The dictionary's words tagged as proper nouns, with their two-letter tag."""
    return {w: t[:2] for w, t in _tags().items() if t.startswith(_PROPER_TAGS)}


def words(text: str) -> list[str]:
    """``text`` cut into dictionary words; unknown names fall apart into single characters."""
    return _cutter()(text)


def proper_noun_tag(word: str) -> str:
    """ns, nr, nt or nz for a proper noun of the dictionary, else ""."""
    return _proper_nouns().get(word, "")


#: jieba's tags of verbs and adverbs (服从, 坚决): words that open a clause, not a name.
_CLAUSE_TAGS = frozenset({"v", "d", "ad"})


def leading_clause_words(text: str) -> int:
    """Length of the verbs and adverbs ``text`` starts with (坚决服从某某集团 -> 4)."""
    n = 0
    for token in words(text):
        if len(token) < 2 or _tags().get(token) not in _CLAUSE_TAGS:
            break
        n += len(token)
    return n


def word_tag(word: str) -> str:
    """The dictionary's part-of-speech tag of ``word`` ("" if unknown)."""
    return _tags().get(word, "")


def is_noun(word: str) -> bool:
    """Whether ``word`` is a common noun of the dictionary (数据, 证据)."""
    return _tags().get(word) == "n"


def starts_with_proper_noun(text: str) -> bool:
    """Whether the first word of ``text`` is a proper noun in the dictionary (万盛, 两江)."""
    tokens = words(text)
    return bool(tokens) and tokens[0] in _proper_nouns()
