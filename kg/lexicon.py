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
    """``words`` as a regex alternation, longest first (a longer word wins over one it starts
    with), each escaped; words of one length keep their order."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


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
