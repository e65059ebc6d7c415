"""A store is checked, not trusted: changes made outside kg are found and repaired from the
stored documents, damage is one line, pickles are never loaded unless the user vouches for
them. Everything goes through the real CLI and a real pyoxigraph database; texts are invented."""
from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pyoxigraph
import pytest

from kg.rdf import store as rdf_store
from kg.rdf.store import KgStore, read_stored_document
from tests.conftest import TEXT_A, TEXT_B, PicklePayload, kg, store_quads


@dataclass
class Built:
    docs: Path
    store: Path
    graph: bytes  # graph.ttl of the build
    quads: list[str]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    root = tmp_path_factory.mktemp("built")
    docs = root / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (docs / "b.txt").write_text(TEXT_B, encoding="utf-8")
    done = kg("build", "a.txt", "b.txt", "--store", str(root / "store"), "--out", str(root / "out"), "-q", cwd=docs)
    assert done.returncode == 0, done.stderr
    return Built(docs, root / "store", (root / "out" / "graph.ttl").read_bytes(), store_quads(root / "store"))


@pytest.fixture
def store(built, tmp_path) -> Path:
    """A copy of the built store (modification times kept: its fingerprint still holds)."""
    return Path(shutil.copytree(built.store, tmp_path / "store"))


def build(built: Built, store: Path, out: Path) -> subprocess.CompletedProcess:
    return kg("build", "a.txt", "--store", str(store), "--out", str(out), "-q", cwd=built.docs)


def one_line(text: str) -> bool:
    return text.strip() != "" and "\n" not in text.strip() and "Traceback" not in text


def _update(store: Path, sparql: str) -> None:
    pyoxigraph.Store(str(store / "oxigraph")).update(sparql)


def _drop_a_named_graph(store: Path) -> None:
    database = pyoxigraph.Store(str(store / "oxigraph"))
    database.remove_graph(next(iter(database.named_graphs())))


def _bulk_add(store: Path) -> None:
    node = pyoxigraph.NamedNode("http://attacker.example/x")
    pyoxigraph.Store(str(store / "oxigraph")).bulk_extend([pyoxigraph.Quad(node, node, node)])


TAMPERING = {
    "DROP ALL, then the attacker's triple": lambda s: _update(
        s, 'DROP ALL; INSERT DATA { <http://attacker.example/x> <http://attacker.example/p> "x" }'),
    "a named graph dropped": _drop_a_named_graph,
    "a label changed, as many quads as before": lambda s: _update(
        s, 'PREFIX skos: <http://www.w3.org/2004/02/skos/core#> DELETE { ?e skos:prefLabel ?l } '
           'INSERT { ?e skos:prefLabel "篡改" } WHERE { ?e skos:prefLabel ?l FILTER (STR(?l) = "澄江智造产业园") }'),
    "a quad bulk-loaded (no write-ahead log)": _bulk_add,
    "its digests deleted": lambda s: (s / "digests.json").unlink(),
}


@pytest.mark.parametrize("tamper", TAMPERING)
def test_a_store_changed_outside_kg_is_repaired_by_the_next_build(built, store, tmp_path, tamper):
    TAMPERING[tamper](store)
    assert store_quads(store) != built.quads or tamper == "its digests deleted"
    done = build(built, store, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert one_line(done.stderr) and "changed outside kg" in done.stderr and str(store) in done.stderr
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == built.graph
    assert store_quads(store) == built.quads
    again = build(built, store, tmp_path / "out2")
    assert (again.returncode, again.stderr) == (0, "")


def test_a_store_opened_elsewhere_without_a_write_is_not_repaired(built, store, tmp_path):
    """Opening the database read-write changes its files; the digests then say nothing changed."""
    pyoxigraph.Store(str(store / "oxigraph")).flush()
    done = build(built, store, tmp_path / "out")
    assert (done.returncode, done.stderr) == (0, "")
    assert "store unchanged" in done.stdout


def test_an_unchanged_store_is_checked_by_its_fingerprint_alone(store, monkeypatch):
    """What keeps a re-run with nothing new fast: no digest is computed unless the fingerprint differs."""

    def no_digests(_store):
        raise AssertionError("the digests were computed")

    monkeypatch.setattr(rdf_store, "graph_digests", no_digests)
    opened = KgStore(store)
    assert opened.check() is None
    with pytest.raises(AssertionError):
        opened.check(every_digest=True)
    opened.close()


def test_kg_check_says_ok_on_a_good_store(built, store):
    done = kg("check", str(store))
    assert done.returncode == 0 and done.stderr == ""
    assert one_line(done.stdout) and ": ok" in done.stdout
    assert store_quads(store) == built.quads


@pytest.mark.parametrize("tamper", TAMPERING)
def test_kg_check_repairs_a_tampered_store_and_says_so(built, store, tamper):
    TAMPERING[tamper](store)
    done = kg("check", str(store))
    assert done.returncode == 0 and done.stderr == ""
    assert one_line(done.stdout) and "changed outside kg" in done.stdout and "rewritten" in done.stdout
    assert store_quads(store) == built.quads
    assert ": ok" in kg("check", str(store)).stdout


@pytest.mark.parametrize("case", ["no such path", "a file", "a directory that is not a store", "a store in use"])
def test_kg_check_of_something_it_cannot_check_is_one_line(store, tmp_path, case):
    (tmp_path / "file").write_text("x")
    (tmp_path / "plain").mkdir()
    holder = pyoxigraph.Store(str(store / "oxigraph")) if case == "a store in use" else None
    target = {"no such path": tmp_path / "missing", "a file": tmp_path / "file",
              "a directory that is not a store": tmp_path / "plain", "a store in use": store}[case]
    done = kg("check", str(target))
    del holder
    assert done.returncode == 1 and done.stdout == ""
    assert one_line(done.stderr) and str(target) in done.stderr


def _sst(store: Path) -> Path:
    return max((store / "oxigraph").glob("*.sst"), key=lambda p: p.stat().st_size)


def _manifest(store: Path) -> Path:
    return store / "oxigraph" / (store / "oxigraph" / "CURRENT").read_text().strip()


def _flip_byte(table: Path) -> None:
    with table.open("r+b") as f:
        f.seek(10)  # in the first data block: a table file's index and properties are at its end
        byte = f.read(1)[0]
        f.seek(10)
        f.write(bytes([byte ^ 0xFF]))


def _damage_seen_when_read(store: Path) -> None:
    """A flipped byte in a table file the database opens without reading, and that reading
    every quad reads: the damage shows after the database has opened."""
    for table in sorted((store / "oxigraph").glob("*.sst")):
        _flip_byte(table)
        try:
            database = pyoxigraph.Store.read_only(str(store / "oxigraph"))
        except RuntimeError:
            _flip_byte(table)  # flipped back
            continue
        try:
            for _ in database:
                pass
        except RuntimeError:
            return
        finally:
            del database
        _flip_byte(table)
    raise AssertionError("no table file of the store is both skipped when opening and read with the quads")


DAMAGE = {
    "garbage CURRENT": lambda s: (s / "oxigraph" / "CURRENT").write_bytes(b"\x00garbage\xff\n"),
    "emptied MANIFEST": lambda s: _manifest(s).write_bytes(b""),
    "truncated .sst": lambda s: os.truncate(_sst(s), _sst(s).stat().st_size // 3),
    "a flipped byte, seen when the quads are read": _damage_seen_when_read,
}


def documents_of(store: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (store / "documents").iterdir()}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_store_is_one_line_and_kg_check_rebuilds_it(built, store, tmp_path, damage):
    documents = documents_of(store)
    DAMAGE[damage](store)
    done = build(built, store, tmp_path / "out")
    assert done.returncode == 1 and done.stdout == ""
    assert one_line(done.stderr) and str(store) in done.stderr and f"kg check {store}" in done.stderr
    assert documents_of(store) == documents
    assert not (tmp_path / "out").exists()

    checked = kg("check", str(store))
    assert checked.returncode == 0, checked.stderr
    assert one_line(checked.stdout) and "damaged" in checked.stdout and "oxigraph.damaged" in checked.stdout
    assert (store / "oxigraph.damaged").is_dir()
    assert store_quads(store) == built.quads
    assert build(built, store, tmp_path / "out").returncode == 0
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == built.graph


@contextlib.contextmanager
def read_only(store: Path) -> Iterator[None]:
    """The store as on a read-only mount: root ignores permissions, so as root the directories are made immutable."""
    directories = [store, store / "oxigraph", store / "documents"]
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", *map(str, directories)],
                                                            capture_output=True).returncode != 0:
            pytest.skip("running as root on a file system without immutable files: cannot make a read-only store")
        undo = ["chattr", "-i", *map(str, directories)]
    else:
        for d in directories:
            d.chmod(0o555)
        undo = ["chmod", "755", *map(str, directories)]
    try:
        yield
    finally:
        subprocess.run(undo, check=True)


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_read_only_store_is_one_line(built, store, tmp_path, command):
    documents = documents_of(store)
    with read_only(store):
        done = build(built, store, tmp_path / "out") if command == "build" else kg("check", str(store))
    assert done.returncode == 1 and done.stdout == ""
    assert one_line(done.stderr) and str(store) in done.stderr and "not writable" in done.stderr
    assert documents_of(store) == documents and store_quads(store) == built.quads


def _plant(store: Path, name: str, marker: Path) -> None:
    (store / "documents" / name).write_bytes(pickle.dumps(PicklePayload(marker)))


@pytest.mark.parametrize("command", [["build"], ["check"], ["migrate"]])
def test_a_pickle_where_old_stores_kept_documents_is_never_loaded(built, store, tmp_path, command):
    marker = tmp_path / "the-pickle-ran"
    _plant(store, "0" * 64 + ".pickle", marker)
    done = build(built, store, tmp_path / "out") if command == ["build"] else kg(*command, str(store))
    assert done.returncode == 1 and not marker.exists()
    assert one_line(done.stderr) and f"kg migrate {store} --trust" in done.stderr


def test_a_pickle_in_place_of_a_document_record_is_never_loaded(built, store, tmp_path):
    marker = tmp_path / "the-pickle-ran"
    _plant(store, "0" * 64 + ".json", marker)
    done = build(built, store, tmp_path / "out")
    assert done.returncode == 1 and not marker.exists()
    assert one_line(done.stderr) and "is not a valid kg document" in done.stderr


def test_an_old_store_of_pickles_moves_over_with_kg_migrate_trust(built, store, tmp_path):
    """What kg wrote before JSON records: documents/SHA.pickle (the pickled Document) and no digests."""

    # The documents as the store holds them (name propagation may have sent one back with names of the other).
    docs = [read_stored_document(record) for record in sorted((store / "documents").iterdir())]
    for record in (store / "documents").iterdir():
        record.unlink()
    (store / "digests.json").unlink()
    for doc in docs:
        (store / "documents" / f"{doc.sha256}.pickle").write_bytes(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))

    refused = build(built, store, tmp_path / "out")
    assert refused.returncode == 1 and one_line(refused.stderr) and f"kg migrate {store} --trust" in refused.stderr
    unvouched = kg("migrate", str(store))
    assert unvouched.returncode == 1 and one_line(unvouched.stderr) and "--trust" in unvouched.stderr
    assert len(list((store / "documents").glob("*.pickle"))) == 2

    migrated = kg("migrate", str(store), "--trust")
    assert migrated.returncode == 0, migrated.stderr
    assert one_line(migrated.stdout) and "2 pickled documents converted" in migrated.stdout
    assert sorted(p.suffix for p in (store / "documents").iterdir()) == [".json", ".json"]
    assert store_quads(store) == built.quads
    assert ": ok" in kg("check", str(store)).stdout
    done = build(built, store, tmp_path / "out")
    assert (done.returncode, done.stderr) == (0, "")
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == built.graph
