"""Extraction in several processes gives exactly what one process gives."""
import gc
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest

from kg import parallel
from kg.cli import main
from kg.commands import build
from kg.errors import KgError
from kg.parallel import Extraction, check_workers, extract, in_background
from kg.rdf.dataset import build_quads
from kg.rdf.dumps import write_dumps
from kg.rdf.store import KgStore
from kg.resolve import Resolver
from kg.runner import SEEDS
from tests.conftest import kg, sample_kb

TEXTS = [
    "本报讯 3月2日，示范区管委会主任周建明到新材料产业园调研，强调要加快推进年产5万吨电池材料项目建设。",
    "市委常委、常务副市长吴海峰主持召开专题会议，研究华辰智能装备有限公司扩产工程。",
    "记者 许文 通讯员 韩雪 报道：清溪镇党委书记孟凡宇带队赴江北高新区考察。",
    "东岭村村民委员会主任曹立新说，合作社今年新建冷链物流基地一座。",
    "县长郑晓光、副县长欧阳慧出席开工仪式。",
]


def _write_texts(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for i in range(n):
        p = folder / f"doc{i:02d}.txt"
        # Different documents of different sizes, so chunks finish out of order.
        p.write_text("\n".join(TEXTS[(i + k) % len(TEXTS)] for k in range(1 + i % 4)) + "\n", encoding="utf-8")
        paths.append(p)
    return paths


def _summary(doc) -> tuple:
    return (doc.name, doc.sha256, doc.text, [(m.start, m.end, m.type, m.source) for m in doc.mentions],
            [(r.head.span, r.label, r.tail.span, r.pattern) for r in doc.relations])


def test_two_processes_extract_the_same_documents_in_input_order(tmp_path):
    paths = _write_texts(tmp_path / "docs", 11)
    one = [_summary(d) for d in extract(paths, Extraction(), workers=1)]
    two = [_summary(d) for d in extract(paths, Extraction(), workers=2)]
    assert [s[0] for s in two] == [p.name for p in paths]
    assert two == one


def test_build_with_two_workers_writes_the_same_graph_bytes(tmp_path):
    for workers in ("1", "2"):
        done = kg("build", str(SEEDS), "--workers", workers, "--out", str(tmp_path / workers), "-q")
        assert done.returncode == 0, done.stderr
    one = (tmp_path / "1" / "graph.ttl").read_bytes()
    assert one.count(b"\n") > 20  # a real graph, not an empty file
    assert (tmp_path / "2" / "graph.ttl").read_bytes() == one


def test_extract_with_two_workers_writes_the_same_json(tmp_path):
    for workers in ("1", "2"):
        done = kg("extract", str(SEEDS), "--workers", workers, "--json-dir", str(tmp_path / workers), "-q")
        assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "1").glob("*.json"))
    assert names == sorted(p.stem + ".json" for p in SEEDS.glob("*.txt"))
    for name in names:
        assert (tmp_path / "2" / name).read_bytes() == (tmp_path / "1" / name).read_bytes()


def test_a_bad_worker_count_is_a_one_line_error(tmp_path):
    with pytest.raises(KgError):
        check_workers(0)
    done = kg("build", str(SEEDS), "--workers", "0", "--out", str(tmp_path / "out"))
    assert done.returncode != 0
    assert "--workers" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_an_error_in_a_worker_reaches_the_caller(tmp_path):
    paths = _write_texts(tmp_path / "docs", 3)
    paths.insert(1, tmp_path / "docs" / "missing.txt")  # vanishes between listing and reading
    with pytest.raises((OSError, KgError)):
        list(extract(paths, Extraction(), workers=2))


def test_dumps_written_by_other_processes_are_the_dumps_of_one(tmp_path, monkeypatch):
    """With workers, the store's dumps (TriG, Turtle, ...) are written by other processes
    reading the database while the build writes the rest: every output is the same."""
    monkeypatch.setattr(build, "BACKGROUND_DUMPS", 1)  # the few seeds are enough
    assert main(["build", str(SEEDS), "--workers", "2", "--out", str(tmp_path / "2"), "-q"]) == 0
    done = kg("build", str(SEEDS), "--workers", "1", "--out", str(tmp_path / "1"), "-q")
    assert done.returncode == 0, done.stderr
    one = {p.name: p.read_bytes() for p in (tmp_path / "1").iterdir()}
    assert {"graph.trig", "graph.ttl", "graph.nt", "graph.jsonld"} <= one.keys()
    assert {p.name: p.read_bytes() for p in (tmp_path / "2").iterdir()} == one


def test_the_dumps_of_another_process_are_of_the_snapshot_whatever_the_store_writes_after(tmp_path):
    """The process writing the dumps reads a snapshot of the database, not the files of the store,
    which the process that has it open goes on changing (RocksDB's compactions; here, new quads)."""
    store = KgStore(tmp_path / "store", checked=False)
    store.oxigraph.bulk_extend(build_quads(sample_kb()))
    before = set(store.oxigraph.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()))
    snapshot = store.snapshot(tmp_path / "snapshot")
    later = pyoxigraph.NamedNode("https://example.org/later")
    added, removed = pyoxigraph.Quad(later, later, later), sorted(before, key=str)[0]
    store.oxigraph.bulk_extend([added])
    store.oxigraph.remove(removed)
    store.oxigraph.flush()
    out = tmp_path / "out"
    out.mkdir()
    with in_background([(write_dumps, (None, None, snapshot, out, ["nt"]))], workers=2):
        store.oxigraph.optimize()  # the store's own files change while the other process reads
    assert set(pyoxigraph.parse(path=out / "graph.nt", format=pyoxigraph.RdfFormat.N_TRIPLES)) == before
    assert set(store.oxigraph.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())) == \
        before - {removed} | {added}  # the store kept its own changes
    store.close()


def test_a_pass_2_worker_keeps_its_resolver_out_of_the_collectors_full_passes(monkeypatch):
    """The resolver lives as long as the worker: a full collection that walked it again and again cost more
    than the documents' quads at 3 MB. ``gc.get_objects`` lists what the collector walks; frozen objects
    are not among them."""
    monkeypatch.setattr(parallel, "_resolver", None)
    monkeypatch.setattr(parallel, "_ignore_interrupts", lambda: None)  # the test process keeps its signal handlers
    resolver = Resolver(())
    gc.unfreeze()
    assert any(o is resolver for o in gc.get_objects())
    try:
        parallel._start_graphs_worker(resolver)
        assert not any(o is resolver for o in gc.get_objects())
    finally:
        gc.unfreeze()


def test_the_processes_that_extract_nothing_import_no_pipeline():
    """Pass 2's workers and the process writing the dumps import kg.parallel for its functions: without the
    pipeline's modules, which only the processes that extract need."""
    loaded = subprocess.run([sys.executable, "-c", "import sys, kg.parallel; "
                             "print(sorted(m for m in ('kg.pipeline', 'kg.ner.recognizers') if m in sys.modules))"],
                            capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[1])
    assert loaded.stdout.strip() == "[]"
