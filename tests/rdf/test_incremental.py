"""Builds that cost what is new: a re-run of ``kg build --store`` that brings nothing new
rewrites no output; anything that changes what the outputs are made from (or the outputs
themselves) writes them again, equal to a fresh build. Texts and names are invented."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pyoxigraph
import pytest

from kg.rdf.store import NAMES, KgStore, read_stored_document
from tests.conftest import TEXT_A, TEXT_B, kg, store_quads

OVERRIDES = '{"same": [[["a.txt", "穆青岚"], ["b.txt", "穆青岚"]]]}'


@pytest.fixture
def root(tmp_path) -> Path:
    """Documents a and b, a store of both and its outputs."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (docs / "b.txt").write_text(TEXT_B, encoding="utf-8")
    done = kg("build", "docs", "--store", "store", "--out", "out", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path


def states(out: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(out.iterdir()) if p.is_file()}


def test_a_rerun_with_nothing_new_rewrites_nothing(root):
    before = states(root / "out")
    again = kg("build", "docs", "--store", "store", "--out", "out", "-q", cwd=root)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("0 documents extracted") and again.stdout.rstrip().endswith("out unchanged")
    assert "2 documents" in again.stdout
    assert states(root / "out") == before


def _edit_an_output(root: Path) -> None:
    (root / "out" / "graph.ttl").write_text("edited\n", encoding="utf-8")


def _delete_an_output(root: Path) -> None:
    (root / "out" / "graph.html").unlink()


def _change_the_graphs(root: Path) -> None:
    store = pyoxigraph.Store(str(root / "store" / "oxigraph"))
    store.update("DELETE WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?o }")
    del store


def _write_overrides(root: Path) -> None:
    (root / "fixes.json").write_text(OVERRIDES, encoding="utf-8")


def _add_a_document(root: Path) -> None:
    (root / "docs" / "c.txt").write_text(TEXT_A.replace("5月9日", "5月10日"), encoding="utf-8")


#: (what happens before the re-run, extra options of the re-run, the outputs directory)
REWRITES = [
    (_edit_an_output, [], "out"),
    (_delete_an_output, [], "out"),
    (_change_the_graphs, [], "out"),
    (_write_overrides, ["--overrides", "fixes.json"], "out"),
    (_add_a_document, [], "out"),
    (None, ["--formats", "ttl,csv"], "out"),
    (None, [], "elsewhere"),
]


@pytest.mark.parametrize("change, options, out", REWRITES,
                         ids=["edited output", "deleted output", "graphs changed outside kg", "new overrides",
                              "new document", "other formats", "other output directory"])
def test_what_the_outputs_are_made_from_changing_writes_them_again(root, tmp_path_factory, change, options, out):
    if change:
        change(root)
    again = kg("build", "docs", "--store", "store", "--out", out, "-q", *options, cwd=root)
    assert again.returncode == 0, again.stderr
    assert not again.stdout.rstrip().endswith("unchanged")
    fresh = tmp_path_factory.mktemp("fresh")
    shutil.copytree(root / "docs", fresh / "docs")
    if (root / "fixes.json").exists():
        shutil.copy(root / "fixes.json", fresh / "fixes.json")
    scratch = kg("build", "docs", "--out", "out", "-q", *options, cwd=fresh)
    assert scratch.returncode == 0, scratch.stderr
    expected = {name: data for name, (_, data) in states(fresh / "out").items()}
    assert {name: (root / out / name).read_bytes() for name in expected} == expected
    # and the outputs now written are the ones a next re-run leaves alone
    third = kg("build", "docs", "--store", "store", "--out", out, "-q", *options, cwd=root)
    assert third.returncode == 0, third.stderr
    assert third.stdout.rstrip().endswith("unchanged")


def test_kg_remove_gives_the_store_of_a_build_without_the_document(root, tmp_path_factory):
    sha = hashlib.sha256(TEXT_B.encode()).hexdigest()
    for doc in ("b.txt", sha[:8]):
        store = tmp_path_factory.mktemp("copy") / "store"
        shutil.copytree(root / "store", store)
        removed = kg("remove", str(store), doc, "-q")
        assert removed.returncode == 0, removed.stderr
        assert removed.stdout.startswith(f"store {store}: 1 documents removed, 1 left")
        assert store_quads(store) == _store_of(tmp_path_factory, {"a.txt": TEXT_A})


@pytest.mark.parametrize("doc, error", [("c.txt", "has no document c.txt"), ("0000000000", "has no document")])
def test_kg_remove_of_what_the_store_does_not_hold_says_so(root, doc, error):
    before = store_quads(root / "store")
    removed = kg("remove", "store", doc, cwd=root)
    assert removed.returncode == 1
    assert error in removed.stderr and len(removed.stderr.splitlines()) == 1
    assert store_quads(root / "store") == before


def test_a_changed_file_replaces_its_older_version(root, tmp_path_factory):
    changed = TEXT_B.replace("6月3日", "6月4日")
    (root / "docs" / "b.txt").write_text(changed, encoding="utf-8")
    again = kg("build", "docs", "--store", "store", "--out", "out", "-q", cwd=root)
    assert again.returncode == 0, again.stderr
    assert "replacing 1 older versions" in again.stdout
    assert store_quads(root / "store") == _store_of(tmp_path_factory, {"a.txt": TEXT_A, "b.txt": changed})


@pytest.mark.parametrize("index", ["kept", "missing"])
def test_the_names_of_stored_documents_are_those_the_documents_hold(root, index):
    """``kg build`` finds the older versions of changed files, and ``kg remove`` documents by name, in an
    index of the stored documents' names kept by each build; without it, in the documents themselves."""
    (root / "docs" / "b.txt").write_text(TEXT_B.replace("6月3日", "6月4日"), encoding="utf-8")
    assert kg("build", "docs", "--store", "store", "--out", "out", "-q", cwd=root).returncode == 0
    assert (root / "store" / "resolution" / NAMES).is_file()
    if index == "missing":
        (root / "store" / "resolution" / NAMES).unlink()
    store = KgStore(root / "store")
    names = store.stored_names()
    store.close()
    held = {sha: read_stored_document(root / "store" / "documents" / f"{sha}.json") for sha in names}
    assert names == {sha: (doc.name, doc.path) for sha, doc in held.items()}
    assert sorted(name for name, _ in names.values()) == ["a.txt", "b.txt"]


def _store_of(tmp_path_factory, texts: dict[str, str]) -> list[str]:
    """The quads of a store built at once from ``texts`` (file name -> text)."""
    fresh = tmp_path_factory.mktemp("fresh")
    (fresh / "docs").mkdir()
    for name, text in texts.items():
        (fresh / "docs" / name).write_text(text, encoding="utf-8")
    built = kg("build", "docs", "--store", "store", "--out", "out", "-q", cwd=fresh)
    assert built.returncode == 0, built.stderr
    return store_quads(fresh / "store")


@pytest.mark.parametrize("limit, view", [("1", False), ("0", True), ("100000", True)])
def test_a_graph_above_the_view_limit_gets_no_view_and_one_line_saying_so(root, limit, view):
    (root / "docs" / "c.txt").write_text(TEXT_A.replace("。", "，据悉。", 1), encoding="utf-8")
    done = kg("build", "docs", "--store", "store", "--out", "out", "-q", "--view-limit", limit, cwd=root)
    assert done.returncode == 0, done.stderr
    assert (root / "out" / "graph.html").exists() == view  # the view of the graph before is not left behind
    assert (root / "out" / "entities.csv").exists()
    said = done.stderr.strip().splitlines()
    assert (len(said) == 1 and "--view-limit" in said[0]) if not view else not said
