"""Knowledge files of kg/data read as sets, tables and regex alternations."""
from __future__ import annotations

import re

import pytest

from kg.lexicon import alternation, load_lines


@pytest.mark.parametrize("name", ["rank_words.txt", "park_suffixes.txt", "project_suffixes.txt"])
def test_an_alternation_matches_each_entry_whole_and_tries_longer_entries_first(name):
    words = [line.split("\t")[0] for line in load_lines(name)]
    pattern = alternation(name)
    assert all(re.fullmatch(pattern, w) for w in words)
    order = pattern.split("|")
    # an entry another one starts with comes after it: 国家高新区 is tried before 高新区 ends a match
    assert all(order.index(longer) < order.index(shorter)
               for longer in order for shorter in order if longer != shorter and longer.startswith(shorter))


@pytest.mark.parametrize("text, rank", [("国家级经开区", "国家级"), ("省级开发区", "省级"), ("县级医院", "县级"), ("国家高新区", None)])
def test_the_rank_words_name_the_ranks(text, rank):
    found = re.match(alternation("rank_words.txt"), text)
    assert (found.group() if found else None) == rank
