#!/usr/bin/env python3
"""CPU and wall time of each phase of one ``kg build`` after extraction, in the driver and its workers.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/phases.py --mb 1 --workers 2
    PYTHONPATH=$PWD .venv/bin/python benchmarks/phases.py --mb 3 --workers 1 --store

Builds the shared corpus repeated to ``--mb`` (``benchmarks/run.py``'s ``repeated()``; the input is made once
per size under ``--work`` and kept) with ``kg build INPUT --out OUT --workers N -q`` run in this process, the
phases' functions wrapped with timers. For each phase: the driver's CPU (``time.process_time``, all its
threads), the CPU of the worker processes that ended during it (``RUSAGE_CHILDREN``: a pool's CPU is
counted when the pool is closed, so the workers of pass 2 fall in "pass 2", and the process writing the dumps
in the background in "outputs") and the wall time. Phases nest: "pass 2" holds "resolution finished" and
"entity descriptions"; "outputs" holds the rows, the view and the dumps (written after them by this process,
or waited for when another process writes them during the rows). Times the machine's load stretches are
the wall times; compare CPU, and runs made one right after the other.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import MB, repeated, sources  # noqa: E402

import kg.commands.build as build  # noqa: E402
import kg.rdf.store as store  # noqa: E402
import kg.resolve as resolve  # noqa: E402
from kg.cli import main as kg_main  # noqa: E402

#: phase -> [calls, driver CPU, workers' CPU, wall], in the order phases first start.
_totals: dict[str, list[float]] = {}
#: (driver CPU, workers' CPU, wall) when the first phase started: what came before is extraction.
_first_start: list[tuple[float, float, float]] = []


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@contextlib.contextmanager
def _phase(name: str):
    started = time.process_time(), _children_cpu(), time.perf_counter()
    if not _first_start:
        _first_start.append(started)
    total = _totals.setdefault(name, [0, 0.0, 0.0, 0.0])
    try:
        yield
    finally:
        ended = time.process_time(), _children_cpu(), time.perf_counter()
        total[0] += 1
        for i in range(3):
            total[i + 1] += ended[i] - started[i]


def _timed(name: str, function):
    @functools.wraps(function)
    def timed(*args, **kwargs):
        with _phase(name):
            return function(*args, **kwargs)
    return timed


@contextlib.contextmanager
def _timed_background(calls: list[tuple], workers: int):
    """``in_background`` with its body (the rows and the view) and what comes after (the dumps: written
    here, or waited for) apart."""
    context = _in_background(calls, workers)
    with _phase("outputs: dumps started"):
        context.__enter__()
    try:
        yield
    except BaseException:
        if not context.__exit__(*sys.exc_info()):
            raise
    else:
        with _phase("outputs: dumps after the rows and view"):
            context.__exit__(None, None, None)


_in_background = build.in_background


def _instrument() -> None:
    """Wrap the phases' functions where ``kg build`` calls them (in this process only: the workers run kg's own)."""
    store.KgStore._rewrite = _timed("pass 2 (_rewrite)", store.KgStore._rewrite)
    store.KgStore._update = _timed("pass 2 (_update)", store.KgStore._update)
    resolve.Resolver.finish = _timed("  of it: resolution finished", resolve.Resolver.finish)
    store.description_quads = _timed("  of it: entity descriptions", store.description_quads)
    store.KgStore.snapshot = _timed("snapshot for the dumps", store.KgStore.snapshot)
    build.write_rows = _timed("outputs: rows (CSV, GraphML)", build.write_rows)
    build.write_view = _timed("outputs: view", build.write_view)
    build.in_background = _timed_background


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0, help="input size in MB (default 1)")
    ap.add_argument("--workers", type=int, default=1, help="kg build --workers (default 1)")
    ap.add_argument("--store", action="store_true", help="build into a new persistent store (--store)")
    ap.add_argument("--work", default="/tmp/kg_phases", help="where the inputs are kept and the build written")
    ap.add_argument("--out", help="output directory (default: WORK/out; replaced)")
    args = ap.parse_args()
    work = Path(args.work)
    inputs = work / f"input_{args.mb:g}mb"
    if not inputs.is_dir():
        repeated(sources(False), int(args.mb * MB), inputs)
    out = Path(args.out) if args.out else work / "out"
    shutil.rmtree(out, ignore_errors=True)
    argv = ["build", str(inputs), "--out", str(out), "--workers", str(args.workers), "-q"]
    if args.store:
        shutil.rmtree(work / "store", ignore_errors=True)
        argv += ["--store", str(work / "store")]
    _instrument()
    started = time.process_time(), _children_cpu(), time.perf_counter()
    code = kg_main(argv)
    ended = time.process_time(), _children_cpu(), time.perf_counter()
    documents = sum(1 for _ in inputs.iterdir())
    print(f"kg {' '.join(argv)}: exit {code}, {documents:,} documents")
    print(f"{'phase':<42} {'calls':>5} {'driver CPU':>11} {'workers CPU':>12} {'wall':>8}")
    rows = [("extraction (before the first phase)", [1, *(b - a for a, b in zip(started, _first_start[0]))])] \
        if _first_start else []
    rows += list(_totals.items()) + [("whole build (after imports)", [1, *(b - a for a, b in zip(started, ended))])]
    for name, (calls, cpu, children, wall) in rows:
        print(f"{name:<42} {calls:>5.0f} {cpu:>10.2f}s {children:>11.2f}s {wall:>7.2f}s")
    return code


if __name__ == "__main__":
    sys.exit(main())
