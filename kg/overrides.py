"""Corrections to entity resolution, read from ``kg build --overrides FILE``.

The file is JSON with two lists, each of groups of (document file name, mention text) pairs::

    {"same":      [[["a.txt", "省委"], ["b.txt", "四川省委"]]],
     "different": [[["c.txt", "王建华"], ["d.txt", "王建华"]]]}

A ``same`` group makes the things those mentions name in those documents one
entity (the one the first pair resolves to); a ``different`` group keeps each
pair's thing apart from the others'. ``kg.resolve.Resolver`` applies them after
its own rules and records each applied correction on the entities it changed
(``kg:correction`` in the graph). ``kg build --store`` keeps the file in the
store, so later builds of that store apply it again.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from kg.errors import KgError

KINDS = ("same", "different")


@dataclass(frozen=True)
class Override:
    kind: str  # same | different
    items: tuple[tuple[str, str], ...]  # (document file name, mention text as written, spaces removed)

    def describe(self) -> str:
        joined = (" = " if self.kind == "same" else " ≠ ").join(f"({doc}, {text})" for doc, text in self.items)
        return f"override {self.kind}: {joined}"


def parse(text: str, where: str) -> list[Override]:
    """The overrides of a file's text; a KgError naming ``where`` if it is not one."""
    try:
        data = json.loads(text)
    except ValueError as e:
        raise KgError(f"{where}: not JSON: {e}") from None
    if not isinstance(data, dict) or not set(data) <= set(KINDS):
        raise KgError(f"{where}: expected an object with the lists {' and '.join(KINDS)}")
    out = []
    for kind in KINDS:
        groups = data.get(kind, [])
        if not isinstance(groups, list):
            raise KgError(f"{where}: {kind} must be a list of groups")
        for group in groups:
            if not (isinstance(group, list) and len(group) >= 2 and all(_is_pair(item) for item in group)):
                raise KgError(f"{where}: each {kind} group is a list of two or more "
                              f"[document, mention text] pairs, not {json.dumps(group, ensure_ascii=False)}")
            out.append(Override(kind, tuple((doc, "".join(text.split())) for doc, text in group)))
    return out


def _is_pair(item: object) -> bool:
    return isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) and x.strip() for x in item)
