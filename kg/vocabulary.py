"""General Chinese vocabulary (jieba's dictionary) to tell proper names from
common words: segmented without HMM, a word the dictionary does not know falls
apart into single characters (诚壹食品 -> 诚/壹/食品, 文化旅游 -> 文化/旅游)."""
from __future__ import annotations

import logging
from functools import lru_cache

#: Single characters that are function words, not pieces of an unknown name.
_FUNCTION_CHARS = frozenset("及和与类等的之或")


@lru_cache(maxsize=1)
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def has_unknown_word(text: str) -> bool:
    """Whether ``text`` holds a run of two or more characters the dictionary
    cannot place in any word (the mark of a brand or place name)."""
    singles = 0
    for token in _tokenizer().lcut(text, HMM=False):
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
    return _tokenizer().lcut(text, HMM=False)


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
    tokens = _tokenizer().lcut(text, HMM=False)
    return bool(tokens) and tokens[0] in _proper_nouns()
