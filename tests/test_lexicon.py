"""Knowledge files of kg/data read as sets, tables and regex alternations."""
from __future__ import annotations

import itertools
import re

import pytest

from kg.lexicon import DATA, alternation, alternation_of, load_family, load_lines, load_table


@pytest.mark.parametrize("name", ["rank_words.txt", "park_suffixes.txt", "project_suffixes.txt"])
def test_an_alternation_matches_each_entry_whole_and_tries_longer_entries_first(name):
    words = [line.split("\t")[0] for line in load_lines(name)]
    pattern = alternation(name)
    assert all(re.fullmatch(pattern, w) for w in words)
    # an entry another one starts with does not end a match early: 国家高新区 is tried before 高新区
    assert all(re.match(pattern, w).group() == w for w in words)


@pytest.mark.parametrize("text, rank", [("国家级经开区", "国家级"), ("省级开发区", "省级"), ("县级医院", "县级"), ("国家高新区", None)])
def test_the_rank_words_name_the_ranks(text, rank):
    found = re.match(alternation("rank_words.txt"), text)
    assert (found.group() if found else None) == rank


@pytest.mark.parametrize("words, text, found", [
    (["近年", "近年来"], "近年来将", "近年来"),       # the longer word is tried first, whatever the order given
    (["a.b", "x"], "axb", None),                      # entries are escaped: a dot is a dot
    (["a.b", "x"], "a.b", "a.b"),
    (["乙", "甲"], "甲乙", "甲"),
])
def test_an_alternation_of_words_tries_longer_words_first_and_escapes_them(words, text, found):
    hit = re.match(alternation_of(words), text)
    assert (hit.group() if hit else None) == found


def _sorted_longest_first(words):
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@pytest.mark.parametrize("context", ["{}", "(?:{})+", "(?:{})$", "(?:{})自治", "(?:{})+?区", "^(?:{})*(县|区)"])
@pytest.mark.parametrize("text", ["苗族土家族自治县", "土家族区", "苗族苗自治区", "苗土家族", "族", ""])
def test_an_alternation_of_words_matches_as_the_words_sorted_longest_first(context, text):
    """Written as a trie, it finds what the plain alternation finds, wherever the engine goes back."""
    words = ["苗族", "苗", "土家族", "土家", "土", "自治县", "自治", "族", "区"]
    trie = re.compile(context.format(alternation_of(words)))
    plain = re.compile(context.format(_sorted_longest_first(words)))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.groups() for m in trie.finditer(text)] == [m.groups() for m in plain.finditer(text)]


def test_an_alternation_of_words_branches_once_per_character():
    assert alternation_of(["乙", "甲丙", "甲", "甲丙丁"]) == "乙|甲(?:丙(?:丁)?)?"
    assert alternation_of([]) == ""


@pytest.mark.parametrize("name, family, first", [
    ("name_endings.tsv", "legal_form", "有限公司"),
    ("relation_triggers.tsv", "deputy", "常务副"),
])
def test_a_family_is_read_in_file_order(name, family, first):
    words = load_family(name, family)
    assert words[0] == first
    assert list(words) == [row[1] for row in load_table(name) if row[0] == family]


def test_a_family_no_row_names_is_refused():
    with pytest.raises(ValueError, match="name_endings.tsv has no family 'legal_froms'"):
        load_family("name_endings.tsv", "legal_froms")


@pytest.mark.parametrize("path", sorted(DATA.iterdir()), ids=lambda p: p.name)
def test_every_data_file_opens_with_a_header(path):
    """Knowledge files say what they hold and where it comes from before their first entry."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = list(itertools.takewhile(lambda line: line.startswith("#"), lines))
    assert len(header) >= 2
