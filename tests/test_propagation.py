"""Corpus-level name propagation (kg/propagation.py): which names a document gives, which
documents go back through the entity stage, and that the result does not depend on the order
the documents come in; ``kg extract`` with and without ``--propagate-names``."""
from __future__ import annotations

import json
from itertools import permutations

import pytest

from kg.model import Document
from kg.ner.known_names import SOURCE
from kg.parallel import Extraction, extract
from kg.pipeline import default_pipeline
from kg.propagation import given_names, trigrams
from kg.runner import name_propagation
from kg.document_json import document_to_json
from tests.conftest import PROPAGATION_TEXTS, kg, propagation_corpus, raw_doc


@pytest.fixture(scope="module")
def nlp():
    return default_pipeline()


@pytest.mark.parametrize("text, given, not_given", [
    ("岳川区与重庆澜舟新材料科技有限公司签约。", {"重庆澜舟新材料科技有限公司", "澜舟新材料科技"}, set()),
    ("霁山县与青禾农机集团有限公司签订合作协议。", {"青禾农机集团有限公司", "青禾农机集团"}, set()),
    # words, not a brand: 城市建设 is no company's name in another document
    ("重庆市城市建设投资有限公司发布公告。", {"重庆市城市建设投资有限公司"}, {"城市建设", "城市建设投资"}),
    # a name without a legal suffix gives nothing
    ("区长到澜舟新材料科技调研。", set(), {"澜舟新材料科技"}),
])
def test_names_a_document_gives(nlp, text, given, not_given):
    names = given_names(nlp(raw_doc(text)))
    assert given <= names
    assert not not_given & names


@pytest.fixture(scope="module")
def first_pass(tmp_path_factory) -> list[Document]:
    return list(extract(propagation_corpus(tmp_path_factory.mktemp("corpus")), Extraction()))


def _propagated_mentions(doc: Document) -> set[str]:
    return {m.text for m in doc.mentions if m.source == SOURCE}


@pytest.mark.parametrize("order", list(permutations(range(len(PROPAGATION_TEXTS))))[::5])
def test_documents_go_back_whatever_their_order(first_pass, order):
    propagation = name_propagation()
    docs = list(propagation.documents(first_pass[i] for i in order))
    by_name = {d.name: d for d in docs}
    assert [d.name for d in docs] == [first_pass[i].name for i in order]
    assert propagation.sent_back == 2
    assert _propagated_mentions(by_name["writer.txt"]) == {"澜舟新材料科技"}
    assert _propagated_mentions(by_name["both.txt"]) == {"澜舟新材料科技", "青禾农机"}
    assert not _propagated_mentions(by_name["giver.txt"]) and not _propagated_mentions(by_name["group.txt"])
    # what each document ends with is the same in any order
    in_table_order = {d.name: d for d in name_propagation().documents(iter(first_pass))}
    assert all(document_to_json(d) == document_to_json(in_table_order[d.name]) for d in docs)


def test_a_name_no_other_document_gives_is_not_propagated(first_pass):
    writer = next(d for d in first_pass if d.name == "writer.txt")
    propagation = name_propagation()
    (doc,) = propagation.documents([writer])
    assert propagation.sent_back == 0 and not _propagated_mentions(doc)


@pytest.mark.parametrize("text, grams", [
    ("澜舟新材", {"澜舟新", "舟新材"}),
    ("甲乙，丙丁戊", {"丙丁戊"}),  # not across punctuation
    ("甲乙", set()),
])
def test_trigrams(text, grams):
    assert trigrams(text) == grams


@pytest.mark.parametrize("option, found", [((), False), (("--propagate-names",), True)])
def test_kg_extract_propagates_when_asked(tmp_path, option, found):
    propagation_corpus(tmp_path / "in")
    done = kg("extract", tmp_path / "in", "--json-dir", tmp_path / "out", "-q", *option)
    assert done.returncode == 0, done.stderr
    assert ("2 sent back through name propagation" in done.stdout) == found
    writer = json.loads((tmp_path / "out" / "writer.json").read_text(encoding="utf-8"))
    assert ({"text": "澜舟新材料科技", "type": "Enterprise"} in writer["entities"]) == found


def test_kg_build_with_a_store_gives_the_build_of_all_at_once(tmp_path):
    """The short names are written first, the full names later: the later build sends the stored
    documents back, and the store's exports are those of one build without a store; kg remove of the
    giving document sends them back again."""
    paths = propagation_corpus(tmp_path / "all")
    for batch, names in (("a", ("writer.txt", "both.txt")), ("b", ("giver.txt", "group.txt"))):
        (tmp_path / batch).mkdir()
        for path in paths:
            if path.name in names:
                (tmp_path / batch / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    store = tmp_path / "store"
    first = kg("build", tmp_path / "a", "--store", store, "--out", tmp_path / "out", "-q", "--propagate-names")
    second = kg("build", tmp_path / "b", "--store", store, "--out", tmp_path / "out", "-q")  # the store keeps it
    whole = kg("build", tmp_path / "all", "--out", tmp_path / "whole", "-q", "--propagate-names")
    assert first.returncode == second.returncode == whole.returncode == 0, first.stderr + second.stderr
    assert "sent back" not in first.stdout and "2 sent back through name propagation" in second.stdout
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == \
           {p.name: p.read_bytes() for p in (tmp_path / "whole").iterdir()}
    removed = kg("remove", store, "giver.txt", "-q")
    assert removed.returncode == 0 and "2 sent back through name propagation" in removed.stdout, removed.stderr
