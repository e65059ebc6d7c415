"""kg.vocabulary: its word cut is jieba's (HMM off) word for word, and the tests built on it."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.vocabulary import _tokenizer, has_unknown_word, leading_clause_words, starts_with_proper_noun, words

#: Pieces of the fragments the recognizers ask about: words, names jieba does not know, single Latin
#: letters and digits (run together), Latin words, whitespace, punctuation and symbols.
PIECES = st.sampled_from([
    "重庆市", "江津区", "有限公司", "产业园", "项目", "诚壹食品", "文化旅游", "坚决服从", "万盛", "两江", "美的",
    "锂电池隔膜", "年产", "5", "万吨", "A", "b", "5G", "ABC", "3.5", "+", "#", "-", "_", "%", "&", ".",
    " ", "  ", "\t", "\r\n", "\n", "　", "（", "）", "、", "，", "。", "·", "🙂", "é", "的", "和",
])
FRAGMENTS = st.one_of(st.lists(PIECES, max_size=12).map("".join), st.text(max_size=40))


@settings(max_examples=400, deadline=None)
@given(FRAGMENTS)
def test_words_are_jiebas_without_hmm(text):
    assert words(text) == _tokenizer().lcut(text, HMM=False)


@pytest.mark.parametrize("text, cut", [
    ("诚壹食品", ["诚", "壹", "食品"]),
    ("文化旅游", ["文化", "旅游"]),
    ("5G基站ab12", ["5G", "基站", "ab12"]),           # single Latin letters and digits run together
    ("重庆  江津\r\n", ["重庆", " ", " ", "江津", "\r\n"]),  # a CR LF kept whole, other whitespace one by one
    ("", []),
])
def test_words(text, cut):
    assert words(text) == cut


@pytest.mark.parametrize("text, unknown", [("诚壹食品", True), ("文化旅游", False)])
def test_has_unknown_word(text, unknown):
    assert has_unknown_word(text) == unknown


@pytest.mark.parametrize("text, length", [("坚决服从某某集团", 4), ("某某集团", 0)])
def test_leading_clause_words(text, length):
    assert leading_clause_words(text) == length


@pytest.mark.parametrize("text, proper", [("万盛经开区", True), ("文化旅游", False), ("", False)])
def test_starts_with_proper_noun(text, proper):
    assert starts_with_proper_noun(text) == proper
