"""Incremental resolution: a store that gets its documents in any batches, in any order,
ends byte-identical (every export, every graph) to a store built from all of them at once.

The documents are the seeds and, when the shared corpus sits beside the repository, some
of its articles (read there, or where KG_CORPUS says; never copied into the repository);
they are extracted once."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import parallel
from kg import propagation as propagation_module
from kg.model import Document
from kg.parallel import Extraction, extract, open_store
from kg.resolve import Resolver
from kg.runner import SEEDS
from kg.rdf.exports import FILES, write_exports
from kg.rdf.entity_graph import from_store
from kg.rdf import rows
from kg.rdf.rows import RowParts
from kg.rdf.entity_graph import READ_EVIDENCE
from kg.view import view_page
from kg.rdf.vocab import KGR
from kg.propagation import NameTable
from kg.runner import name_propagation
from tests.conftest import build_in_batches, propagation_corpus, store_exports

CORPUS = Path(os.environ.get("KG_CORPUS", SEEDS.parent.parent / "shared" / "corpus" / "docs"))
#: Corpus articles added to the seeds when the corpus is there.
CORPUS_DOCUMENTS = 20


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    paths = sorted(SEEDS.glob("*.txt"))
    if CORPUS.is_dir():
        paths += sorted(CORPUS.glob("*.txt"))[:CORPUS_DOCUMENTS]
    return list(extract(paths, Extraction()))


@pytest.fixture(scope="module")
def from_scratch(documents, tmp_path_factory) -> dict[str, bytes]:
    root = tmp_path_factory.mktemp("scratch")
    return store_exports(build_in_batches(root / "store", [documents]), root / "out")


@st.composite
def batches(draw, n: int) -> list[list[int]]:
    """A random order of ``range(n)`` cut into 2 to 4 batches."""
    order = draw(st.permutations(range(n)))
    cuts = sorted(draw(st.lists(st.integers(1, n - 1), min_size=1, max_size=3, unique=True)))
    return [list(order[a:b]) for a, b in zip([0, *cuts], [*cuts, n])]


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_documents_added_in_any_batches_give_the_graph_of_all_at_once(documents, from_scratch, tmp_path_factory,
                                                                      data):
    split = data.draw(batches(len(documents)))
    root = tmp_path_factory.mktemp("incremental")
    store = build_in_batches(root / "store", [[documents[i] for i in batch] for batch in split])
    assert store_exports(store, root / "out") == from_scratch


def test_a_document_about_other_things_resolves_only_itself(documents, tmp_path, monkeypatch):
    """The incremental path is taken: a new document that shares no entity with the store is
    the only one resolved again (the others keep their graphs), and the rows of the CSV files and
    GraphML made again are none of the entities stored before."""
    store = build_in_batches(tmp_path / "store", [documents])
    stored = {str(KGR) + row.split(",")[0] for row in store_exports(store, tmp_path / "before")["entities.csv"]
              .decode("utf-8-sig").splitlines()[1:]}
    store.close()
    resolved: list[str] = []
    owners: list[str] = []
    part, insert = Resolver.part, RowParts._insert_entities

    def counted(self, doc):
        resolved.append(doc.name)
        return part(self, doc)

    def recorded(self, store, made_again):
        owners.extend(made_again)
        return insert(self, store, made_again)

    monkeypatch.setattr(Resolver, "part", counted)
    monkeypatch.setattr(RowParts, "_insert_entities", recorded)
    text = "本报讯 5月9日，霁山县青禾农机合作社召开年会。\n"
    (tmp_path / "new.txt").write_text(text, encoding="utf-8")
    build_in_batches(tmp_path / "store", [list(extract([tmp_path / "new.txt"], Extraction()))])
    assert resolved == ["new.txt"]
    assert owners and not stored & set(owners)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_documents_removed_leave_the_graph_of_the_others(documents, tmp_path_factory, data):
    split = data.draw(batches(len(documents)))
    gone = set(data.draw(st.lists(st.sampled_from(range(len(documents))), min_size=1, max_size=4, unique=True)))
    root = tmp_path_factory.mktemp("removed")
    store = build_in_batches(root / "store", [[documents[i] for i in batch] for batch in split])
    store.add(iter(()), removed={documents[i].sha256 for i in gone})
    store.close()
    store = open_store(root / "store")
    assert store.check(every_digest=True) is None
    rest = [d for i, d in enumerate(documents) if i not in gone]
    assert store_exports(store, root / "out") == store_exports(build_in_batches(root / "rest", [rest]), root / "rest_out")


def test_graphs_written_by_two_workers_are_the_graphs_of_one(documents, from_scratch, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_DOCUMENTS_PER_WORKER", 1)  # a pool even for the few documents of CI
    store = open_store(tmp_path / "store")
    store.check()
    store.add(iter(documents), workers=2)
    store.close()
    store = open_store(tmp_path / "store")
    assert store.check(every_digest=True) is None
    assert store_exports(store, tmp_path / "out") == from_scratch


def test_exports_from_kept_parts_and_rows_are_the_exports_of_the_whole_graph(documents, from_scratch, tmp_path):
    """What a store keeps (the dumps' parts, the rows of the other exports and the view's entity graph)
    writes the files the whole graph gives (``write_exports``, which reads the entity graph once and
    writes each file whole; the view of the entity graph read whole)."""
    store = build_in_batches(tmp_path / "store", [documents])
    (tmp_path / "whole").mkdir()
    write_exports(store.oxigraph, tmp_path / "whole", list(FILES))
    (tmp_path / "whole" / "graph.html").write_text(view_page(from_store(store.oxigraph, READ_EVIDENCE))[0],
                                                   encoding="utf-8")
    assert {p.name: p.read_bytes() for p in sorted((tmp_path / "whole").iterdir())} == from_scratch


def test_rows_made_again_a_few_entities_at_a_time_are_the_rows_of_all_at_once(documents, from_scratch, tmp_path,
                                                                             monkeypatch):
    """Rows made again a few entities at a time (``RowParts.rebuild``), here three, are those made
    ``ENTITIES_AT_ONCE`` at a time (``from_scratch``: as many as the store holds, or nearly)."""
    monkeypatch.setattr(rows, "ENTITIES_AT_ONCE", 3)
    assert store_exports(build_in_batches(tmp_path / "store", [documents]), tmp_path / "out") == from_scratch


# --- with corpus-level name propagation (kg/propagation.py) ----------------------------------------

@pytest.fixture(scope="module")
def propagation_documents(tmp_path_factory) -> list[Document]:
    """The invented propagation corpus (a full company name in one document, its short name in others)
    and three seeds, each through the pipeline once, as extraction gives them to a store."""
    paths = propagation_corpus(tmp_path_factory.mktemp("propagation")) + sorted(SEEDS.glob("*.txt"))[:3]
    return list(extract(paths, Extraction()))


def _scratch_exports(documents: list[Document], root: Path) -> dict[str, bytes]:
    """The exports of ``kg build`` of ``documents`` without a store: propagation over the run, then one add."""
    root.mkdir()
    return store_exports(build_in_batches(root / "store", [list(name_propagation().documents(documents))]),
                         root / "out")


@pytest.fixture(scope="module")
def propagated_from_scratch(propagation_documents, tmp_path_factory) -> dict[str, bytes]:
    return _scratch_exports(propagation_documents, tmp_path_factory.mktemp("propagated") / "scratch")


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_propagated_names_in_any_batches_give_the_graph_of_all_at_once(propagation_documents, propagated_from_scratch,
                                                                       tmp_path_factory, data):
    """A name a later batch gives sends back exactly the stored documents that write it; a document added
    after the one giving the name sees it in the store: the store ends as one build of all of them."""
    split = data.draw(batches(len(propagation_documents)))
    root = tmp_path_factory.mktemp("propagated")
    store = build_in_batches(root / "store", [[propagation_documents[i] for i in batch] for batch in split],
                             name_propagation())
    assert store_exports(store, root / "out") == propagated_from_scratch
    # the short name written alone is an entity's (one of its names)
    assert "澜舟新材料科技" in propagated_from_scratch["graph.trig"].decode()


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_removing_the_document_that_gives_a_name_withdraws_it(propagation_documents, tmp_path_factory, data):
    split = data.draw(batches(len(propagation_documents)))
    gone = set(data.draw(st.lists(st.sampled_from(range(len(propagation_documents))), min_size=1, max_size=3,
                                  unique=True)))
    root = tmp_path_factory.mktemp("withdrawn")
    store = build_in_batches(root / "store", [[propagation_documents[i] for i in batch] for batch in split],
                             name_propagation())
    name_propagation().add_to_store(store, iter(()), removed={propagation_documents[i].sha256 for i in gone})
    store.close()
    store = open_store(root / "store")
    assert store.check(every_digest=True) is None
    rest = [d for i, d in enumerate(propagation_documents) if i not in gone]
    assert store_exports(store, root / "out") == _scratch_exports(rest, root / "rest")


def test_a_store_built_without_propagation_is_brought_up_to_it(propagation_documents, propagated_from_scratch,
                                                               tmp_path):
    """A store whose name table is not of its documents (built without --propagate-names, or by an older kg)
    has its documents read again once: it ends as a build with propagation."""
    half = len(propagation_documents) // 2
    build_in_batches(tmp_path / "store", [propagation_documents[:half]]).close()
    assert not (tmp_path / "store" / NameTable.FILE).exists()
    store = build_in_batches(tmp_path / "store", [propagation_documents[half:]], name_propagation())
    assert store_exports(store, tmp_path / "out") == propagated_from_scratch


def test_a_new_name_reads_only_the_stored_documents_that_hold_it(propagation_documents, tmp_path, monkeypatch):
    """The trigram index finds the stored documents a name may be in: adding the document that gives
    澜舟新材料科技有限公司 reads the two stored documents that write 澜舟新材料科技, not the others."""
    giver = next(d for d in propagation_documents if d.name == "giver.txt")
    build_in_batches(tmp_path / "store", [[d for d in propagation_documents if d is not giver]],
                     name_propagation()).close()
    read: list[str] = []
    reader = propagation_module.read_stored_document

    def counted(path):
        doc = reader(path)
        read.append(doc.name)
        return doc

    monkeypatch.setattr(propagation_module, "read_stored_document", counted)
    propagation = name_propagation()
    store = open_store(tmp_path / "store")
    store.check()
    propagation.add_to_store(store, iter([giver]))
    store.close()
    assert sorted(read) == ["both.txt", "writer.txt"] and propagation.sent_back == 2
