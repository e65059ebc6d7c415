"""``kg build --store``: re-adding a document is a no-op, a new document merges into the
entities already stored, and adding one by one gives the store a batch build gives.
Texts and names are invented for these tests."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from kg.parallel import open_store
from kg.pipeline import default_pipeline
from kg.rdf import store as rdf_store
from kg.rdf.dataset import build_quads
from kg.rdf.database import is_store
from kg.rdf.store import KgStore
from kg.reader import load_document
from kg.resolve import resolve
from tests.conftest import TEXT_A, TEXT_B, kg, store_quads


def labels(path: Path, label: str) -> list[str]:
    store = pyoxigraph.Store.read_only(str(path / "oxigraph"))
    query = ("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT DISTINCT ?e WHERE { ?e skos:prefLabel ?l "
             f'FILTER (STR(?l) = "{label}") }}')
    return [s["e"].value for s in store.query(query, use_default_graph_as_union=True)]


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("docs")
    (d / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (d / "b.txt").write_text(TEXT_B, encoding="utf-8")
    return d


def test_readding_a_document_changes_nothing_and_a_new_one_merges(docs, tmp_path):
    store = tmp_path / "store"
    first = kg("build", "a.txt", "--store", str(store), "--out", str(tmp_path / "out1"), "-q", cwd=docs)
    assert first.returncode == 0, first.stderr
    assert is_store(store)
    before = store_quads(store)
    labels_before = {name: labels(store, name) for name in ("重庆澜舟新材料有限公司", "澄江智造产业园")}
    assert before

    again = kg("build", "a.txt", "--store", str(store), "--out", str(tmp_path / "out2"), "-q", cwd=docs)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("0 documents extracted")
    assert store_quads(store) == before
    assert (tmp_path / "out1" / "graph.ttl").read_bytes() == (tmp_path / "out2" / "graph.ttl").read_bytes()

    merged = kg("build", "a.txt", "b.txt", "--store", str(store), "--out", str(tmp_path / "out3"), "-q", cwd=docs)
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout.startswith("1 documents extracted")
    after = store_quads(store)
    assert set(before) != set(after)
    # the enterprise and the park of document a are the nodes document b's mentions joined
    for name in ("重庆澜舟新材料有限公司", "澄江智造产业园"):
        nodes = labels(store, name)
        assert len(nodes) == 1 and nodes == labels_before[name]
        s = pyoxigraph.Store.read_only(str(store / "oxigraph"))
        docs_of = {str(row["d"]) for row in s.query(
            "SELECT DISTINCT ?d WHERE { <%s> <https://w3id.org/kg/ontology#mention>/"
            "<http://www.w3.org/ns/prov#wasQuotedFrom> ?d }" % nodes[0], use_default_graph_as_union=True)}
        assert len(docs_of) == 2

    batch = tmp_path / "batch"
    both = kg("build", "b.txt", "a.txt", "--store", str(batch), "--out", str(tmp_path / "out4"), "-q", cwd=docs)
    assert both.returncode == 0, both.stderr
    assert store_quads(batch) == after
    assert (tmp_path / "out3" / "graph.ttl").read_bytes() == (tmp_path / "out4" / "graph.ttl").read_bytes()


def test_a_directory_that_is_not_a_store_is_refused(docs, tmp_path):
    (tmp_path / "notastore").mkdir()
    (tmp_path / "notastore" / "keep.txt").write_text("x")
    done = kg("build", "a.txt", "--store", str(tmp_path / "notastore"), "--out", str(tmp_path / "o"), cwd=docs)
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0 and "not a kg store" in done.stderr
    assert sorted(p.name for p in (tmp_path / "notastore").iterdir()) == ["keep.txt"]


def test_a_store_in_use_gives_one_clear_line(docs, tmp_path):
    KgStore(tmp_path / "busy")  # creates it
    holder = pyoxigraph.Store(str(tmp_path / "busy" / "oxigraph"))  # holds the database lock
    done = kg("build", "a.txt", "--store", str(tmp_path / "busy"), "--out", str(tmp_path / "o"), cwd=docs)
    del holder
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "cannot open store" in done.stderr


TEXT_C = "本报讯 7月1日，岳川区委书记穆青岚到重庆澜舟新材料有限公司调研。澄江智造产业园管委会主任葛远帆陪同。\n"


def _extracted(texts: list[str], folder: Path) -> list:
    pipeline = default_pipeline("rules")
    out = []
    for i, text in enumerate(texts):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
        out.append(pipeline(load_document(folder / f"{i}.txt")))
    return out


def test_streaming_store_build_gives_the_in_memory_graph_whatever_the_batch(tmp_path, monkeypatch):
    """The store is written in two passes and in batches (kg.rdf.store); the graph must be the
    one resolving all documents in memory gives, whatever the batch size."""

    extracted = _extracted([TEXT_A, TEXT_B, TEXT_C], tmp_path)
    expected = sorted(str(q) for q in build_quads(resolve(extracted)))
    for batch in (3, 100_000):
        monkeypatch.setattr(rdf_store, "BATCH", batch)
        store = open_store(tmp_path / f"store{batch}")
        report = store.add(iter(extracted))
        assert (report.added, report.documents) == (3, 3)
        assert sorted(str(q) for q in store.oxigraph) == expected
        del store
    assert report.entities == len(resolve(extracted).entities)


def test_an_interrupted_rewrite_is_redone_by_the_next_run(docs, tmp_path):
    store = tmp_path / "store"
    assert kg("build", "a.txt", "--store", str(store), "--out", str(tmp_path / "o1"), "-q", cwd=docs).returncode == 0
    whole = store_quads(store)
    # what a run stopped while rewriting the quads leaves: the marker and part of the quads
    oxi = pyoxigraph.Store(str(store / "oxigraph"))
    for quad in list(oxi)[: len(whole) // 2]:
        oxi.remove(quad)
    del oxi
    (store / "REBUILDING").touch()
    again = kg("build", "a.txt", "--store", str(store), "--out", str(tmp_path / "o2"), "-q", cwd=docs)
    assert again.returncode == 0, again.stderr
    assert store_quads(store) == whole
    assert not (store / "REBUILDING").exists()


def test_a_store_inside_the_output_directory_is_kept_across_builds(docs, tmp_path):
    """The README's `--store out/store --out out`: the exports are renamed into out/ one by one,
    the store (open while they are written) stays where it is."""
    out = tmp_path / "out"
    for name in ("a.txt", "b.txt"):
        done = kg("build", name, "--store", str(out / "store"), "--out", str(out), "-q", cwd=docs)
        assert done.returncode == 0, done.stderr
    batch = tmp_path / "batch"
    assert kg("build", "a.txt", "b.txt", "--store", str(batch), "--out", str(tmp_path / "o"), "-q",
              cwd=docs).returncode == 0
    assert store_quads(out / "store") == store_quads(batch)
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "o" / "graph.ttl").read_bytes()


def test_a_snapshot_is_compacted_as_a_full_compaction_leaves_it(tmp_path):
    """A snapshot is read by another process read-only, which never compacts: it is compacted first
    (each bulk load leaves table files over the whole key range, which every read would merge)."""
    def loaded(store: pyoxigraph.Store) -> pyoxigraph.Store:
        for batch in range(8):
            lines = "".join(f'<urn:x:s{batch}-{i}> <urn:x:p> "invented value {i} of batch {batch}" .\n'
                            for i in range(200))
            store.bulk_load(lines.encode(), format=pyoxigraph.RdfFormat.N_QUADS)
        return store

    compacted = loaded(pyoxigraph.Store(str(tmp_path / "compacted")))
    compacted.optimize()
    fewest = len(list((tmp_path / "compacted").glob("*.sst")))
    store = KgStore(tmp_path / "store", checked=False)
    loaded(store.oxigraph)
    snapshot = Path(store.snapshot(tmp_path / "snapshot"))
    assert len(list(snapshot.glob("*.sst"))) <= fewest
    assert sorted(map(str, pyoxigraph.Store.read_only(str(snapshot)))) == sorted(map(str, compacted))
