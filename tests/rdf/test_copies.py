"""One story, many outlets: a store says which documents are copies of which story (kg:copyOf, to
the story's earliest document), counts a story's sentences once as evidence and still lists every
copy as a source, also when the copy comes in a later build. Texts are invented
(tests/test_signatures.py)."""
from __future__ import annotations

import datetime as dt

import pyoxigraph
import pytest
from pyshacl import validate
from rdflib import Graph

from kg.rdf.entity_graph import find_entity, from_store
from kg.model import Document
from kg.parallel import Extraction, extract
from kg.rdf.dataset import document_iri
from kg.rdf.store import KgStore
from kg.rdf.vocab import KG
from tests.conftest import COPY, HARVEST, ROOT, STORY, build_in_batches, store_exports

#: file name -> (text, publication date)
DOCUMENTS = {"story.txt": (STORY, dt.date(2024, 5, 9)), "copy.txt": (COPY, dt.date(2024, 5, 10)),
             "harvest.txt": (HARVEST, dt.date(2024, 5, 9))}


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, Document]:
    folder = tmp_path_factory.mktemp("docs")
    for name, (text, _) in DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    docs = {doc.name: doc for doc in extract(sorted(folder.iterdir()), Extraction())}
    for name, doc in docs.items():
        doc.date = DOCUMENTS[name][1]
    return docs


def copies_in(store: KgStore) -> set[tuple[str, str]]:
    return {(q.subject.value, q.object.value)
            for q in store.oxigraph.quads_for_pattern(None, pyoxigraph.NamedNode(str(KG.copyOf)), None)}


#: the order documents come in, one build each
ORDERS = [["story.txt", "harvest.txt", "copy.txt"], ["copy.txt", "harvest.txt", "story.txt"]]


@pytest.mark.parametrize("order", ORDERS, ids=["copy comes later", "earlier story comes later"])
def test_a_copy_is_marked_and_counted_once_in_any_order(documents, tmp_path, order):
    store = build_in_batches(tmp_path / "store", [[documents[name]] for name in order])
    story, copy = documents["story.txt"].sha256, documents["copy.txt"].sha256
    assert copies_in(store) == {(document_iri(copy).value, document_iri(story).value)}
    assert store_exports(store, tmp_path / "out") == store_exports(build_in_batches(tmp_path / "all", [list(documents.values())]),
                                                       tmp_path / "all_out")
    g = from_store(store.oxigraph)
    alone = from_store(build_in_batches(tmp_path / "alone", [[documents["story.txt"]]]).oxigraph)
    for name in ("青禾农机合作社", "穆青岚"):  # an enterprise, and a person: one person in copies of one story
        entity = find_entity(g, name)
        assert g.nodes[entity]["label"] == name
        assert g.nodes[entity]["documents"] == ["copy.txt", "story.txt"]  # every copy is a source
        assert g.nodes[entity]["mentions"] == alone.nodes[find_entity(alone, name)]["mentions"]  # the story once


def test_stories_sharing_a_paragraph_are_no_copies(documents, tmp_path):
    store = build_in_batches(tmp_path / "store", [[documents["story.txt"], documents["harvest.txt"]]])
    assert copies_in(store) == set()


def test_a_graph_with_copies_validates_against_the_shapes(documents, tmp_path):
    store = build_in_batches(tmp_path / "store", [list(documents.values())])
    assert copies_in(store)
    data = Graph().parse(data=store.oxigraph.dump(format=pyoxigraph.RdfFormat.N_TRIPLES,
                                                 from_graph=pyoxigraph.DefaultGraph()).decode(), format="nt")
    ok, _, report = validate(data, shacl_graph=Graph().parse(ROOT / "ontology" / "shapes.ttl"), advanced=True)
    assert ok, report
