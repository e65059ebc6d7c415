"""Near-duplicate documents (kg.signatures): a story and its syndicated copies are one story,
two stories that share a paragraph are two. Texts and names are invented."""
from __future__ import annotations

import hashlib

import pytest

from kg import signatures
from kg.signatures import RESEMBLANCE, copies, resemblance, text_signature
from tests.conftest import COPY, HARVEST, SCHOOL, STORY


@pytest.mark.parametrize("a, b, same_story", [
    (STORY, COPY, True),
    (STORY, STORY.replace("\n", "\n\n").replace("，", ", "), True),  # layout and punctuation do not count
    (HARVEST, SCHOOL, False),
    (STORY, HARVEST, False),
], ids=["copy with masthead and a changed sentence", "same text laid out otherwise", "shared paragraph",
        "different stories"])
def test_copies_of_a_story_resemble_each_other_and_other_stories_do_not(a, b, same_story):
    assert (resemblance(text_signature(a), text_signature(b)) >= RESEMBLANCE) == same_story


def test_a_story_and_its_copies_are_one_group_headed_by_the_first():
    docs = [("first", text_signature(STORY)), ("harvest", text_signature(HARVEST)),
            ("copy", text_signature(COPY)), ("school", text_signature(SCHOOL)),
            ("copy of the copy", text_signature(COPY.replace("穆青岚指出", "穆青岚强调")))]
    assert copies(docs) == {"copy": "first", "copy of the copy": "first"}


@pytest.mark.parametrize("text", [STORY, HARVEST])
def test_a_sketch_is_the_smallest_blake2b_hashes_of_the_letters_shingles(text):
    """The same numbers in every process and every version: stores keep the sketches they were built with."""
    chars = "".join(c for c in text if c.isalnum())
    shingles = {chars[i:i + signatures.SHINGLE] for i in range(len(chars) - signatures.SHINGLE + 1)}
    hashes = {int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") for s in shingles}
    assert text_signature(text) == sorted(hashes)[:signatures.SKETCH]


def test_a_short_notice_gets_no_signature_and_is_no_copy():
    notice = "霁山县今日停水。"
    assert text_signature(notice) == []
    assert copies([("a", text_signature(notice)), ("b", text_signature(notice))]) == {}


def test_a_phrase_many_texts_share_costs_a_bounded_number_of_comparisons(monkeypatch):
    """Documents filed under the same hashes (a footer they all share) are not compared all pairs."""
    calls = []
    monkeypatch.setattr(signatures, "_copies", lambda a, b: calls.append(1) or False)
    n = 2000
    shared = list(range(signatures.BUCKET_KEYS))  # every document's smallest hashes
    signatures.copies([(i, shared) for i in range(n)])
    assert len(calls) <= n * signatures.BUCKET_KEYS * signatures.MAX_COMPARED < n * (n - 1) // 2


@pytest.mark.parametrize("size_a, size_b, shared, offset", [
    (64, 64, 64, 0), (64, 64, 0, 0), (64, 64, 31, 0), (64, 64, 32, 0), (64, 64, 43, 0), (64, 64, 43, 10**8),
    (40, 64, 40, 0), (40, 64, 20, 0), (40, 40, 27, 0), (40, 50, 27, 10**8), (0, 64, 0, 0)])
def test_pairs_decided_without_the_estimate_are_decided_as_it_would(size_a, size_b, shared, offset):
    """Equal sketches and sketches sharing few hashes skip the estimate: the answer is the estimate's,
    whether the shared hashes are the smallest of both or the largest."""
    common = [offset + 2 * i for i in range(shared)]
    a = sorted(common + [10**7 + 2 * i for i in range(size_a - shared)])
    b = sorted(common + [10**7 + 2 * i + 1 for i in range(size_b - shared)])
    expected = resemblance(a, b) >= RESEMBLANCE
    assert signatures._copies(frozenset(a), frozenset(b)) == expected
