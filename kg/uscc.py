"""统一社会信用代码 (unified social credit code, GB 32100-2015) of companies, where a text states one.

A code is 18 characters: registration authority, kind, the six-digit division code,
the nine-character organization code and a check character computed from the
first seventeen with the weights of the standard. Only codes whose check
character is right are taken: an OCR slip must not become an identifier.
"""
from __future__ import annotations

import re

#: The 31 characters a code is written with (no I, O, S, V, Z), in the order of their values.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
#: A code said to be one: the label, then the code (full-width colons and spaces allowed).
STATED = re.compile(rf"统一社会信用代码(?:为|是)?[：:\s]*([{ALPHABET}]{{18}})(?![0-9A-Z])")


def is_valid(code: str) -> bool:
    """Whether ``code`` is 18 characters of the alphabet with the right check character."""
    if len(code) != 18 or any(c not in ALPHABET for c in code):
        return False
    total = sum(ALPHABET.index(c) * w for c, w in zip(code[:17], WEIGHTS))
    return ALPHABET[(31 - total % 31) % 31] == code[17]


def stated_codes(text: str) -> list[tuple[int, str]]:
    """(offset of the label, code) of every valid code ``text`` states."""
    return [(m.start(), m.group(1)) for m in STATED.finditer(text) if is_valid(m.group(1))]
