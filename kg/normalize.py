"""Text normalization of spec/schema.md, plus the clean-up OCR pages need.

Placeholder implementation (spec rules 1-3); the foundation issue extends it.
"""
from __future__ import annotations

import re

from kg.model import Document

CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
_BREAK = re.compile(rf"(?<={CJK}|[0-9])[ \t]*\r?\n[ \t]*(?={CJK})|(?<={CJK})[ \t]*\r?\n[ \t]*(?=[0-9])")
_SPACE_DIGIT_CJK = re.compile(rf"(?<=[0-9])[ \t\u3000]+(?={CJK})|(?<={CJK})[ \t\u3000]+(?=[0-9])")


def _halfwidth(ch: str) -> str:
    o = ord(ch)
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return chr(o - 0xFEE0)
    return ch


def normalize_text(text: str) -> str:
    text = "".join(_halfwidth(c) for c in text)
    text = _BREAK.sub("", text)
    return _SPACE_DIGIT_CJK.sub("", text)


def normalize_document(doc: Document) -> None:
    doc.text = normalize_text(doc.raw_text)
