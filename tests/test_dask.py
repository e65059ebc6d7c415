"""``--engine dask``: extraction mapped over a Dask cluster gives the local result."""

import socket

import pytest

from kg.parallel import Extraction, extract
from kg.runner import SEEDS
from tests.conftest import kg

distributed = pytest.importorskip("dask.distributed")


def _summary(doc) -> tuple:
    return (doc.name, doc.text, [(m.start, m.end, m.type, m.source) for m in doc.mentions],
            [(r.head.span, r.label, r.tail.span, r.pattern) for r in doc.relations])


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit="1GiB",
                                  dashboard_address=None) as c:
        yield c


def test_dask_cluster_extracts_what_one_process_extracts(cluster):
    paths = sorted(SEEDS.glob("*.txt"))
    local = [_summary(d) for d in extract(paths, Extraction(), workers=1)]
    on_dask = [_summary(d) for d in extract(paths, Extraction(), engine="dask", scheduler=cluster.scheduler_address)]
    assert sum(len(s[2]) for s in local) > 50  # real extraction, not empty documents
    assert on_dask == local


def test_build_on_dask_writes_the_local_graph(cluster, tmp_path):
    runs = {"local": ["--workers", "1"], "dask": ["--engine", "dask", "--scheduler", cluster.scheduler_address]}
    for name, options in runs.items():
        done = kg("build", SEEDS, "--out", tmp_path / name, "-q", *options, timeout=600)
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "dask" / "graph.ttl").read_bytes() == (tmp_path / "local" / "graph.ttl").read_bytes()
    assert (tmp_path / "dask" / "graph.trig").read_bytes() == (tmp_path / "local" / "graph.trig").read_bytes()


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = kg("build", SEEDS, "--out", tmp_path / "out", "--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{port}",
              timeout=600)
    assert done.returncode != 0
    assert "Dask scheduler" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()
