"""Article and sentence splitting. Placeholder: one article, sentences at 。！？ and paragraph breaks."""
from __future__ import annotations

import re

from kg.model import Article, Document, Sentence

_SENTENCE_END = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』]?|\n+|$)")


def split_articles(doc: Document) -> None:
    doc.articles = [Article(0, len(doc.text))]


def split_sentences(doc: Document) -> None:
    doc.sentences = []
    for m in _SENTENCE_END.finditer(doc.text):
        s, e = m.start(), m.end()
        while e > s and doc.text[e - 1] in "\n ":
            e -= 1
        while s < e and doc.text[s] in " \n":
            s += 1
        if e > s:
            doc.sentences.append(Sentence(s, e, doc.text[s:e], 0))
