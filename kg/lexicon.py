"""Loading knowledge files from kg/data/.

Every data file starts with a ``#`` comment header saying where its entries
come from; blank lines and ``#`` lines are skipped.  Columns are tab-separated.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """Non-comment, non-blank lines of ``kg/data/NAME``, stripped."""
    lines = []
    with open(DATA / name, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                lines.append(line)
    return tuple(lines)


@lru_cache(maxsize=None)
def load_set(name: str) -> frozenset[str]:
    """The first column of every line of ``kg/data/NAME``."""
    return frozenset(line.split("\t")[0] for line in load_lines(name))


@lru_cache(maxsize=None)
def alternation(name: str) -> str:
    """The first column of ``kg/data/NAME`` as a regex alternation, longest first (a longer
    entry wins over one it starts with), for patterns built from a word list."""
    return alternation_of(line.split("\t")[0] for line in load_lines(name))


def alternation_of(words: Iterable[str]) -> str:
    """``words`` as a regex alternation, each escaped, in which a longer word wins over one it starts
    with (a longer one is tried first, also when what follows the alternation makes the engine go back).

    The words are written as a trie (项目|项目群|工程 -> ``项目(?:群)?|工程``): at each position the
    engine then follows the one branch of the next character instead of trying every word, which is
    what makes long lists fast; the words that can match at a position, all prefixes of one another,
    are tried longest first, as in a plain alternation sorted by length."""
    words = set(words)
    return "|".join(_trie_branches(sorted(w for w in words if w), 0) + ([""] if "" in words else []))


def _trie_branches(words: list[str], depth: int) -> list[str]:
    """One alternative per character found at ``depth`` in ``words`` (sorted, distinct, longer than
    ``depth`` and sharing their first ``depth`` characters): the character, then the alternation of
    the longer words, optional when a word ends at the character (tried after the longer ones)."""
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[depth], []).append(word)
    alternatives = []
    for ch, group in branches.items():
        longer = [word for word in group if len(word) > depth + 1]
        rest = f"(?:{'|'.join(_trie_branches(longer, depth + 1))})" if longer else ""
        alternatives.append(re.escape(ch) + (rest + "?" if rest and len(longer) < len(group) else rest))
    return alternatives


@lru_cache(maxsize=None)
def load_family(name: str, family: str) -> tuple[str, ...]:
    """The words of one family of a two-column table (family, word) of ``kg/data/NAME``, in
    file order.  A family with no words (a misspelt name) is refused: a pattern built from
    none would match everywhere."""
    words = tuple(row[1] for row in load_table(name) if row[0] == family)
    if not words:
        raise ValueError(f"{name} has no family {family!r}")
    return words


@lru_cache(maxsize=None)
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Every line of ``kg/data/NAME`` split on tabs."""
    return tuple(tuple(line.split("\t")) for line in load_lines(name))
