"""Near-duplicate documents: the same story syndicated by several outlets.

Each document gets a signature of its normalized text at extraction (``sign_document``, linear
in the text): a bottom-k sketch of its character shingles. The text's letters and digits are
read as a sequence (spaces, punctuation and line breaks dropped, so layout does not count), every
run of ``SHINGLE`` characters is hashed (BLAKE2b, 64 bits: the same in every process), and the
``SKETCH`` smallest distinct hashes are kept. Two sketches estimate the resemblance of their texts
(the Jaccard index of their shingle sets, Broder 1997): among the ``SKETCH`` smallest hashes of
both, the share that is in both.

``copies`` groups documents whose resemblance is at least ``RESEMBLANCE`` without comparing
all pairs: a document is filed under its ``BUCKET_KEYS`` smallest hashes, and only documents
filed together are compared (near-duplicates share one of their few smallest hashes with high
probability, different stories seldom), each with at most ``MAX_COMPARED`` others of a
bucket, so that the time is linear in the documents. A masthead, a dateline or a changed sentence leave a
copy above the threshold; two stories that share a paragraph stay below it.
"""
from __future__ import annotations

import hashlib
import heapq
from collections import defaultdict
from typing import Hashable, Sequence

from kg.model import Document

#: Characters per shingle: long enough that Chinese shingles are specific to a text.
SHINGLE = 5
#: Hashes kept per document: the estimate's standard error is about 0.06 at a resemblance of 0.7.
SKETCH = 64
#: Resemblance from which two documents are copies of one story: two texts whose shingles are
#: two-thirds the same (a copy with its own masthead, byline and a reworded sentence or two are well
#: above; two stories sharing a background paragraph well below).
RESEMBLANCE = 0.5
#: Smallest hashes a document is filed under to find its candidate copies.
BUCKET_KEYS = 8
#: Comparisons of a document per bucket at most: a bucket of a phrase many texts share (a footer)
#: would otherwise cost its size squared; copies share several buckets, so the cap seldom hides one.
MAX_COMPARED = 32
#: BLAKE2b of 64 bits, nothing hashed yet: each shingle is hashed by a copy of it.
_EMPTY_HASHER = hashlib.blake2b(digest_size=8)
#: Documents with fewer distinct shingles (a one-line notice) get no signature: too short to tell copies.
MIN_SHINGLES = 40


def text_signature(text: str) -> list[int]:
    """The sketch of ``text``: its ``SKETCH`` smallest shingle hashes, ascending (empty if too short)."""
    chars = "".join(filter(str.isalnum, text))
    # each distinct shingle hashed once: a text repeats many of them (boilerplate, names); a copy of an
    # empty hasher is a quarter cheaper than a new one, whose keywords are parsed on every call
    shingles = {chars[i:i + SHINGLE] for i in range(len(chars) - SHINGLE + 1)}
    hashes = set()
    for shingle in shingles:
        hasher = _EMPTY_HASHER.copy()
        hasher.update(shingle.encode())
        hashes.add(int.from_bytes(hasher.digest(), "big"))
    if len(hashes) < MIN_SHINGLES:
        return []
    return heapq.nsmallest(SKETCH, hashes)


def sign_document(doc: Document) -> None:
    """The pipeline stage: ``doc.text_signature`` from the normalized text."""
    doc.text_signature = text_signature(doc.text)


def resemblance(a: Sequence[int], b: Sequence[int]) -> float:
    """The estimated resemblance of the texts of two sketches (0 if either is empty)."""
    return _resemblance(frozenset(a), frozenset(b))


def _resemblance(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    both = a & b
    union = heapq.nsmallest(SKETCH, a | b)
    return sum(1 for h in union if h in both) / len(union)


def _copies(a: frozenset[int], b: frozenset[int]) -> bool:
    """``resemblance(a, b) >= RESEMBLANCE``, most pairs decided without it: the hashes in both are
    at most what the estimate counts, so pairs sharing few are not copies, and equal sketches are."""
    if a == b:
        return bool(a)
    shared = len(a & b)
    return shared >= RESEMBLANCE * min(SKETCH, len(a) + len(b) - shared) and _resemblance(a, b) >= RESEMBLANCE


def copies(signatures: Sequence[tuple[Hashable, Sequence[int]]]) -> dict[Hashable, Hashable]:
    """Each document that is a copy of an earlier one -> the first of its group. ``signatures``:
    (document, sketch) in order of preference (the first of a group is its canonical one);
    groups are closed under resemblance (a copy of a copy is in the group)."""
    parent = list(range(len(signatures)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sets = [frozenset(sketch) for _, sketch in signatures]
    buckets: dict[int, list[int]] = defaultdict(list)
    for i, (_, sketch) in enumerate(signatures):
        for h in sketch[:BUCKET_KEYS]:
            buckets[h].append(i)
    compared: set[tuple[int, int]] = set()
    for members in buckets.values():
        for n, i in enumerate(members):
            budget = MAX_COMPARED
            for j in members[:n]:
                a, b = root(j), root(i)
                if a == b or (j, i) in compared:
                    continue
                compared.add((j, i))
                if _copies(sets[j], sets[i]):
                    parent[max(a, b)] = min(a, b)  # the earlier one stays the root
                budget -= 1
                if not budget:
                    break
    return {signatures[i][0]: signatures[root(i)][0] for i in range(len(signatures)) if root(i) != i}
