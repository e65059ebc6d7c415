"""The rule component of corpus-level name propagation: names known from other documents
(``Document.known_names``) are Enterprise mentions where they stand between boundaries, and
the merge policy lets a longer or better-founded mention win."""
from __future__ import annotations

import pytest

from kg.ner.known_names import SOURCE
from kg.pipeline import default_pipeline
from tests.conftest import raw_doc

NAME = "澜舟新材料科技"


@pytest.fixture(scope="module")
def nlp():
    return default_pipeline()


def _enterprises(nlp, text: str, known: list[str]) -> set[tuple[str, str]]:
    doc = raw_doc(text)
    doc.known_names = known
    return {(m.text, m.source) for m in nlp(doc).mentions if m.type == "Enterprise"}


@pytest.mark.parametrize("text, known, expected, absent", [
    # a name another document gives, written alone between boundaries
    ("区长到澜舟新材料科技调研。", [NAME], {(NAME, SOURCE)}, set()),
    ("会见澜舟新材料科技、青禾农机等企业负责人。", [NAME, "青禾农机"], {(NAME, SOURCE), ("青禾农机", SOURCE)}, set()),
    # not known: nothing to propagate
    ("区长到澜舟新材料科技调研。", [], set(), {(NAME, SOURCE)}),
    # inside a longer name: the full name is the mention, not the part
    ("重庆澜舟新材料科技有限公司成立。", [NAME], {("重庆澜舟新材料科技有限公司", "enterprises.suffix.strong")},
     {(NAME, SOURCE)}),
    # the short form a full name gives, inside that full name written again: 有 (a verb) is no boundary here
    ("重庆澜舟新材料科技有限公司成立。", ["重庆澜舟新材料科技"],
     {("重庆澜舟新材料科技有限公司", "enterprises.suffix.strong")}, {("重庆澜舟新材料科技", SOURCE)}),
    ("会见重庆澜舟新材料科技股份公司负责人。", ["重庆澜舟新材料科技"], set(), {("重庆澜舟新材料科技", SOURCE)}),
    # a zone named after it is not the company
    ("参观澜舟新材料科技园。", [NAME], set(), {(NAME, SOURCE)}),
    # glued to a word on the left: not standing alone
    ("推动澜舟新材料科技化发展。", ["舟新材料科技"], set(), {("舟新材料科技", SOURCE)}),
])
def test_known_names_are_marked_where_they_stand_alone(nlp, text, known, expected, absent):
    found = _enterprises(nlp, text, known)
    assert expected <= found
    assert not absent & found


def test_a_name_the_document_defines_itself_keeps_its_own_rule(nlp):
    """The in-document alias rule is more confident: its mention stays, with its source."""
    text = "重庆澜舟新材料科技有限公司成立。区长到澜舟新材料科技调研。"
    found = _enterprises(nlp, text, [NAME])
    assert (NAME, "enterprises.alias.derived") in found and (NAME, SOURCE) not in found
