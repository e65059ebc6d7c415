"""Outputs and signals through the real CLI: special file systems and unwritable places are
refused before any work, an existing output directory is never copied, SIGTERM stops a run
like Ctrl-C (workers included) and a killed run's leftovers are removed by the next run."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg import atomic
from kg.rdf.exports import FILES
from tests.conftest import ROOT, kg

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def leftovers(directory: Path) -> list[str]:
    """Temporary files and directories of kg runs anywhere under ``directory``."""
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*")
                  if p.name.startswith((atomic.STAGING_PREFIX, ".kg-build-")) or p.name.endswith((".tmp", ".old")))


@pytest.mark.parametrize("args", [
    ["build", "--out", "/proc"],
    ["build", "--out", "/proc/kg-out"],
    ["build", "--out", "/sys/kg-out"],
    ["build", "--out", "/dev/kg-out"],
    ["extract", "--json-dir", "/proc"],
    ["extract", "--json-dir", "/proc/self/kg-json"],
])
def test_special_file_systems_are_refused_before_extraction(tmp_path, args):
    if not Path("/proc/self/mounts").exists():
        pytest.skip("needs Linux /proc")
    result = kg(*args, "-q", cwd=tmp_path, timeout=60)  # copying /proc would never end
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "special file system" in lines[0], result.stderr
    assert result.stdout == ""


def test_view_refuses_a_page_on_a_special_file_system(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text("", encoding="utf-8")
    result = kg("view", str(graph), "--out", "/dev/kg-view.html", cwd=tmp_path, timeout=60)
    assert result.returncode == 1 and "special file system" in result.stderr
    assert not Path("/dev/kg-view.html").exists()


def test_view_replaces_an_existing_page(tmp_path):
    graph, page = tmp_path / "g.ttl", tmp_path / "v.html"
    graph.write_text("", encoding="utf-8")
    page.write_text("old page", encoding="utf-8")
    result = kg("view", str(graph), "--out", str(page), cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("command", ["build", "extract"])
def test_the_current_directory_is_a_valid_output(tmp_path, command):
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    out_option = "--out" if command == "build" else "--json-dir"
    result = kg(command, str(SEEDS[0]), out_option, ".", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = "graph.ttl" if command == "build" else SEEDS[0].stem + ".json"
    assert (tmp_path / written).stat().st_size > 0
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep me"
    assert leftovers(tmp_path) == []


def test_an_existing_output_directory_is_not_copied(tmp_path):
    """Files the run does not write stay the very same files (same inode: not copied back and forth);
    files it writes are replaced."""
    out = tmp_path / "out"
    (out / "archive" / "deep").mkdir(parents=True)
    kept = [out / "notes.txt", out / "archive" / "deep" / "big.bin"]
    kept[0].write_text("mine", encoding="utf-8")
    kept[1].write_bytes(os.urandom(1 << 20))
    (out / "graph.ttl").write_text("stale", encoding="utf-8")
    inodes = [p.stat().st_ino for p in kept + [out / "archive"]]
    result = kg("build", str(SEEDS[0]), "--out", str(out), "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [p.stat().st_ino for p in kept + [out / "archive"]] == inodes
    assert (out / "graph.ttl").read_text(encoding="utf-8") != "stale"
    assert leftovers(tmp_path) == []


def test_a_live_runs_staging_directory_is_not_a_leftover(tmp_path):
    with atomic.staging_dir(tmp_path / "out") as live:
        (tmp_path / "out" / (atomic.STAGING_PREFIX + "dead")).mkdir()
        (tmp_path / "out" / (atomic.STAGING_PREFIX + "dead") / ".lock").touch()  # a lock nobody holds
        atomic.remove_leftovers(tmp_path / "out")
        assert [p.name for p in (tmp_path / "out").iterdir()] == [live.name]
    assert not (tmp_path / "out").exists()  # created by the run, left empty: removed


# --- signals ----------------------------------------------------------------------------------

@pytest.fixture
def many_docs(tmp_path):
    """Enough documents that extraction with two workers runs for several seconds."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(12):
        for seed in SEEDS:
            (docs / f"{seed.stem}_{i}.txt").write_text(seed.read_text(encoding="utf-8") + f"\n第{i}版。\n",
                                                      encoding="utf-8")
    return docs


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(condition, what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def start_build(docs: Path, out: Path) -> subprocess.Popen:
    """kg build with two workers, in its own process group (as `timeout` and CI runners start it),
    returned once its workers are extracting."""
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(docs), "--out", str(out), "--workers", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
                            start_new_session=True)
    wait_until(lambda: len(children(proc.pid)) >= 3 or proc.poll() is not None, "the workers to start")
    assert proc.poll() is None, proc.communicate()
    time.sleep(1)  # the workers are extracting
    return proc


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("sent, target, status, message", [
    (signal.SIGTERM, "the kg process", 143, "kg: terminated"),  # kill PID
    (signal.SIGTERM, "its process group", 143, "kg: terminated"),  # timeout, CI runners, systemd
    (signal.SIGINT, "its process group", 130, "kg: interrupted"),  # Ctrl-C in a terminal
])
def test_a_stop_signal_ends_quietly_and_removes_temporary_files(tmp_path, many_docs, sent, target, status, message):
    out = tmp_path / "out"
    proc = start_build(many_docs, out)
    workers = children(proc.pid)
    assert leftovers(tmp_path)  # the run's staging directory (the temporary store) is there
    if target == "the kg process":
        os.kill(proc.pid, sent)
    else:
        os.killpg(proc.pid, sent)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == status
    assert stderr == message + "\n"  # no traceback from the driver or the workers
    assert stdout == ""
    wait_until(lambda: not any(alive(w) for w in workers), "the workers to exit", 30)
    assert leftovers(tmp_path) == []
    assert not out.exists()  # created by the run, nothing finished in it


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_the_leftovers_of_a_killed_run_are_removed_by_the_next_run(tmp_path, many_docs):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    proc = start_build(many_docs, out)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    stale = leftovers(tmp_path)
    assert stale  # SIGKILL leaves the staging directory
    result = kg("build", str(SEEDS[0]), "--out", str(out), "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert leftovers(tmp_path) == []
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith("graph.")) == \
        sorted(["notes.txt", *FILES["csv"]])
