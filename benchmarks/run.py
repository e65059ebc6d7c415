"""The scale benchmarks of kg: throughput, memory, store queries, incremental builds. One command:

    .venv/bin/python benchmarks/run.py            # the full suite (long: ~30 min on 2 cores)
    .venv/bin/python benchmarks/run.py --quick    # a small smoke run (~2 min)

1. Extraction throughput (chars/s) on >= 10 MB of text (../shared/corpus/docs
   and the seeds, repeated) with 1 and 2 worker processes, and jieba.posseg on
   the same text in the same run; and on the seeds alone repeated to >= 5 MB.
2. Peak RSS of ``kg build`` (one worker, all exports) on 1 MB and on 10 MB,
   and of ``kg extract`` (which streams documents to JSON files) on the same.
3. A generated graph of 1,000,000 triples in kg's shape, loaded into the
   pyoxigraph store and into an in-memory rdflib graph; the latency of each
   canned query (ontology/queries/*.rq) on both.
4. Incremental builds: a store of 10 MB (--store-mb) built from scratch, then 5
   new documents added to it, then a re-run with nothing new; the ratios of their
   wall and CPU times to the build from scratch, measured in one run.
5. Whole builds of 10 MB (--workers-mb), no store, with 2 workers and with 1, in
   --pairs pairs one after the other: the medians of wall time, CPU time (all
   processes) and peak RSS, the speedup, and the runs that failed.

Prints a table (figure, value, target, holds) and writes every figure as JSON
(default benchmarks/results.json). The machine is part of the JSON.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.parallel import Extraction, extract  # noqa: E402
from kg.runner import SEEDS  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "docs"
QUERIES = ROOT / "ontology" / "queries"
MB = 1 << 20


@dataclass
class Row:
    figure: str
    value: str
    target: str = ""
    holds: bool | None = None  # None: no target


# --- inputs -----------------------------------------------------------------

def sources(seeds_only: bool) -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    if not seeds_only:
        if not CORPUS.is_dir():
            sys.exit(f"benchmarks: {CORPUS} is missing (the shared corpus sits beside the repository)")
        paths = sorted(CORPUS.glob("*.txt")) + paths
    return paths


def repeated(paths: list[Path], min_bytes: int, folder: Path) -> list[Path]:
    """Copies of ``paths`` until at least ``min_bytes``. Copy k ends in k extra newlines,
    so every file is a different document (its own sha256) with the same text."""
    folder.mkdir(parents=True)
    out, total, k = [], 0, 0
    while total < min_bytes:
        k += 1
        for p in paths:
            data = p.read_bytes() + b"\n" * k
            target = folder / f"{p.stem}_{k:03d}.txt"
            target.write_bytes(data)
            out.append(target)
            total += len(data)
            if total >= min_bytes:
                break
    return out


def n_chars(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8-sig")) for p in paths)


# --- 1. throughput ------------------------------------------------------------

def _cpu() -> float:
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def extraction_seconds(paths: list[Path], workers: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process and its workers) to extract ``paths``."""
    start, cpu = time.perf_counter(), _cpu()
    n = sum(1 for _ in extract(paths, Extraction(), workers=workers))
    assert n == len(paths)
    return time.perf_counter() - start, _cpu() - cpu


def jieba_seconds(paths: list[Path]) -> float:
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8-sig") for p in paths]
    start = time.perf_counter()
    for text in texts:
        for _ in pseg.cut(text):
            pass
    return time.perf_counter() - start


def throughput(work: Path, mb: float, seeds_mb: float) -> tuple[list[Row], dict]:
    rows, data = [], {}
    paths = repeated(sources(False), int(mb * MB), work / "mixed")
    chars = n_chars(paths)
    t1, cpu1 = extraction_seconds(paths, 1)
    t2, cpu2 = extraction_seconds(paths, 2)
    tj = jieba_seconds(paths)
    data["mixed"] = {"bytes": sum(p.stat().st_size for p in paths), "chars": chars, "documents": len(paths),
                     "seconds_1_worker": t1, "seconds_2_workers": t2, "seconds_jieba_posseg": tj,
                     "cpu_seconds_1_worker": cpu1, "cpu_seconds_2_workers": cpu2}
    size = f"{data['mixed']['bytes'] / MB:.1f} MB"
    rows += [Row(f"extraction, 1 worker, {size} (chars/s)", f"{chars / t1:,.0f}"),
             Row(f"extraction, 2 workers, {size} (chars/s)", f"{chars / t2:,.0f}"),
             Row(f"jieba.posseg, 1 process, {size} (chars/s)", f"{chars / tj:,.0f}"),
             Row("2 workers / 1 worker", f"{t1 / t2:.2f}x", ">= 1.7x", t1 / t2 >= 1.7),
             # What 2 workers would give on 2 idle cores: the work divided by the CPU time it took
             # (a shared machine's other load slows the wall clock, not this).
             Row("2 workers / 1 worker, by CPU time", f"{2 * cpu1 / cpu2:.2f}x"),
             Row("extraction 1 worker / jieba.posseg", f"{tj / t1:.2f}", ">= 1.0", tj / t1 >= 1.0)]

    paths = repeated(sources(True), int(seeds_mb * MB), work / "seeds")
    chars = n_chars(paths)
    t1, _ = extraction_seconds(paths, 1)
    tj = jieba_seconds(paths)
    data["seeds"] = {"bytes": sum(p.stat().st_size for p in paths), "chars": chars, "documents": len(paths),
                     "seconds_1_worker": t1, "seconds_jieba_posseg": tj}
    size = f"{data['seeds']['bytes'] / MB:.1f} MB"
    rows += [Row(f"extraction, 1 worker, seeds {size} (chars/s)", f"{chars / t1:,.0f}"),
             Row(f"jieba.posseg, seeds {size} (chars/s)", f"{chars / tj:,.0f}"),
             Row("extraction / jieba.posseg (seeds)", f"{tj / t1:.2f}", ">= 1.0", tj / t1 >= 1.0)]
    return rows, data


# --- 2. memory ----------------------------------------------------------------

#: Runs a command and prints its exit code and the peak RSS (KiB) of it and its children.
_MEASURE = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
            "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_rss(kg_args: list[str], timeout: float) -> dict:
    """Run ``kg ARGS``; its peak RSS (the largest of its processes) and wall time."""
    cmd = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "kg", *kg_args, "-q"]
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"ok": False, "error": f"did not finish in {timeout:.0f} s"}
    seconds = time.perf_counter() - start
    try:
        code, kib = (int(x) for x in done.stdout.split()[-2:])
    except ValueError:
        return {"ok": False, "error": done.stderr.strip()[-300:]}
    if code != 0:
        return {"ok": False, "error": done.stderr.strip()[-300:], "peak_rss_mib": kib / 1024}
    return {"ok": True, "peak_rss_mib": kib / 1024, "seconds": seconds}


#: command -> its arguments after the input directory; {out} is a scratch output
MEMORY_RUNS = {
    # The target: the whole build (one process, so its peak is the build's, not a worker's).
    "kg build": ["--out", "{out}", "--workers", "1"],
    # Extraction alone streams documents to their JSON files: its peak should not grow with the input.
    "kg extract": ["--json-dir", "{out}", "--workers", "2"],
}


def memory(work: Path, small_mb: float, large_mb: float, timeout: float) -> tuple[list[Row], dict]:
    data: dict = {}
    inputs = {name: repeated(sources(False), int(mb * MB), work / f"input_{name}")
              for name, mb in (("small", small_mb), ("large", large_mb))}
    rows = []
    for command, options in MEMORY_RUNS.items():
        runs = data[command] = {}
        for name, paths in inputs.items():
            out = str(work / f"out_{command.split()[1]}_{name}")
            run = runs[name] = peak_rss([command.split()[1], str(paths[0].parent),
                                         *(o.format(out=out) for o in options)], timeout)
            run.update(bytes=sum(p.stat().st_size for p in paths), documents=len(paths))
            size = f"{run['bytes'] / MB:.1f} MB"
            value = f"{run['peak_rss_mib']:.0f} MiB in {run['seconds']:.0f} s" if run["ok"] else run["error"][-60:]
            rows.append(Row(f"{command} peak RSS, {size}", value))
        target = "<= 1.5" if command == "kg build" else ""
        if runs["small"]["ok"] and runs["large"]["ok"]:
            ratio = runs["large"]["peak_rss_mib"] / runs["small"]["peak_rss_mib"]
            runs["ratio"] = ratio
            rows.append(Row(f"{command} peak RSS large / small", f"{ratio:.2f}", target,
                            ratio <= 1.5 if target else None))
        else:
            rows.append(Row(f"{command} peak RSS large / small", "not measured", target, False if target else None))
    return rows, data


# --- 4. incremental builds ----------------------------------------------------------

#: Documents a later build adds to the store.
ADDED = 5


def build_seconds(kg_args: list[str], timeout: float) -> dict:
    """Run ``kg build ARGS``: its wall time, its CPU time (with its workers') and its summary line."""
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kg", "build", *kg_args, "-q"], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"benchmarks: kg build {' '.join(kg_args)} failed: {done.stderr.strip()[-300:]}")
    return {"seconds": seconds, "cpu_seconds": after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime,
            "summary": done.stdout.strip()}


def incremental(work: Path, mb: float, timeout: float) -> tuple[list[Row], dict]:
    """A store of ``mb`` built from scratch (one worker), then ADDED new documents added to it,
    then a re-run with nothing new; each against the build from scratch, in one run."""
    paths = repeated(sources(False), int(mb * MB), work / "input")
    added = work / "added"
    added.mkdir()
    for p in sources(False)[:ADDED]:  # texts of the corpus, each a new document (its own sha256)
        (added / f"{p.stem}_added.txt").write_bytes(p.read_bytes() + b"\n" * 1000)
    store, out = str(work / "store"), str(work / "out")
    runs = {"scratch": build_seconds([str(paths[0].parent), "--store", store, "--out", out, "--workers", "1"],
                                     timeout),
            "add": build_seconds([str(added), "--store", store, "--out", out, "--workers", "1"], timeout),
            "rerun": build_seconds([str(paths[0].parent), str(added), "--store", store, "--out", out], timeout)}
    size = f"{sum(p.stat().st_size for p in paths) / MB:.1f} MB, {len(paths):,} documents"
    rows = [Row(f"kg build --store from scratch, {size}",
                f"{runs['scratch']['seconds']:.0f} s ({runs['scratch']['cpu_seconds']:.0f} s CPU)")]
    for name, what, target in (("add", f"add {ADDED} documents", 0.05), ("rerun", "re-run with nothing new", 0.02)):
        wall = runs[name]["seconds"] / runs["scratch"]["seconds"]
        cpu = runs[name]["cpu_seconds"] / runs["scratch"]["cpu_seconds"]
        rows += [Row(f"{what} / from scratch (wall)", f"{wall:.3f} ({runs[name]['seconds']:.1f} s)",
                     f"<= {target}", wall <= target),
                 Row(f"{what} / from scratch (CPU)", f"{cpu:.3f} ({runs[name]['cpu_seconds']:.1f} s)")]
    return rows, {"documents": len(paths), "runs": runs}


# --- 5. whole builds, 2 workers against 1 -----------------------------------------------

_TREE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
         "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True); "
         "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
         "print(r.returncode, time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss); "
         "print(r.stderr.strip()[-300:], file=sys.stderr)")


def whole_build(input_dir: Path, out: Path, workers: int, timeout: float) -> dict:
    """``kg build INPUT --out OUT --workers N`` from nothing: its wall time, the CPU time of all its
    processes, the peak RSS of the largest, its exit status (and error if not 0)."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-c", _TREE, sys.executable, "-m", "kg", "build", str(input_dir), "--out", str(out),
           "--workers", str(workers), "-q"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    code, seconds, cpu, kib = done.stdout.split()
    run = {"workers": workers, "exit": int(code), "seconds": float(seconds), "cpu_seconds": float(cpu),
           "peak_rss_mib": int(kib) / 1024, "load_average_after": os.getloadavg()[0]}
    if run["exit"]:
        run["error"] = done.stderr.strip()
    return run


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def workers(work: Path, mb: float, pairs: int, timeout: float) -> tuple[list[Row], dict]:
    """Whole builds of ``mb`` (no store), ``pairs`` times 2 workers then 1 worker, one after the other;
    the medians and their ratios, measured in one run."""
    paths = repeated(sources(False), int(mb * MB), work / "input")
    runs = {2: [], 1: []}
    for _ in range(pairs):
        for n in (2, 1):
            run = whole_build(paths[0].parent, work / f"out{n}", n, timeout)
            runs[n].append(run)
            print(f"workers: {json.dumps(run)}", file=sys.stderr, flush=True)  # each run as it ends
    size = f"{sum(p.stat().st_size for p in paths) / MB:.1f} MB, {len(paths):,} documents"
    failed = [r for n in runs for r in runs[n] if r["exit"]]
    ok = {n: [r for r in runs[n] if not r["exit"]] for n in runs}
    rows = [Row(f"whole kg build, {size}: runs that failed", f"{len(failed)} of {2 * pairs}", "0", not failed)]
    if ok[1] and ok[2]:
        median = {n: {k: _median([r[k] for r in ok[n]]) for k in ("seconds", "cpu_seconds", "peak_rss_mib")}
                  for n in ok}
        speedup = median[1]["seconds"] / median[2]["seconds"]
        rows += [Row(f"whole kg build wall, 2 workers (median of {len(ok[2])})", f"{median[2]['seconds']:.1f} s"),
                 Row(f"whole kg build wall, 1 worker (median of {len(ok[1])})", f"{median[1]['seconds']:.1f} s"),
                 Row("whole kg build, 2 workers / 1 worker (wall, speedup)", f"{speedup:.2f}x", ">= 1.6",
                     speedup >= 1.6),
                 Row("whole kg build CPU, 2 workers / 1 worker",
                     f"{median[2]['cpu_seconds']:.1f} s / {median[1]['cpu_seconds']:.1f} s")]
        at_10mb = mb >= 10  # the target is of a 10 MB build
        rows.append(Row("whole kg build CPU, 1 worker", f"{median[1]['cpu_seconds']:.1f} s",
                        "<= 70 s" if at_10mb else "", median[1]["cpu_seconds"] <= 70 if at_10mb else None))
        rows.append(Row("peak RSS, 2 workers / 1 worker (largest process)",
                        f"{median[2]['peak_rss_mib']:.0f} MiB / {median[1]['peak_rss_mib']:.0f} MiB"))
    return rows, {"documents": len(paths), "runs": runs}


# --- 3. store vs rdflib ---------------------------------------------------------

class _Timeout(Exception):
    pass


def _alarm(_signum, _frame):
    raise _Timeout


def join_patterns(text: str) -> int:
    """Triple patterns of a query (property paths count as one): how join-heavy it is."""
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    from kg.rdf.vocab import PREFIXES

    count = 0

    def walk(node):
        nonlocal count
        if isinstance(node, CompValue):
            if node.name == "BGP":
                count += len(node.triples)
            for value in node.values():
                walk(value)
        elif isinstance(node, (list, tuple)):
            for value in node:
                walk(value)

    walk(prepareQuery(text, initNs=PREFIXES).algebra)
    return count


def store_vs_rdflib(work: Path, triples: int, timeout: float) -> tuple[list[Row], dict]:
    import pyoxigraph
    from rdflib import Graph

    from kg.rdf.queries import bind, scope
    from kg.rdf.vocab import PREFIXES
    from graphgen import generate

    nq, nt = work / "graph.nq", work / "graph.nt"
    start = time.perf_counter()
    written = generate(triples, nq, nt)
    data: dict = {"generated_triples": written, "generate_seconds": time.perf_counter() - start}

    start = time.perf_counter()
    store = pyoxigraph.Store(str(work / "store"))
    store.bulk_load(path=str(nq), format=pyoxigraph.RdfFormat.N_QUADS)
    store.optimize()
    data["store_load_seconds"] = time.perf_counter() - start
    data["store_quads"] = len(store)

    start = time.perf_counter()
    graph = Graph()
    graph.parse(str(nt), format="nt")
    data["rdflib_load_seconds"] = time.perf_counter() - start
    data["rdflib_triples"] = len(graph)
    print(f"  loaded {data['store_quads']} quads into the store in {data['store_load_seconds']:.0f} s, "
          f"{data['rdflib_triples']} triples into rdflib in {data['rdflib_load_seconds']:.0f} s", file=sys.stderr, flush=True)

    rows = [Row("generated graph: store quads / rdflib triples", f"{data['store_quads']:,} / {data['rdflib_triples']:,}",
                ">= 1,000,000" if triples >= 1_000_000 else "", None if triples < 1_000_000 else
                min(data["store_quads"], data["rdflib_triples"]) >= 1_000_000),
            Row("load time: store / rdflib", f"{data['store_load_seconds']:.0f} s / {data['rdflib_load_seconds']:.0f} s")]
    # each query as `kg query` runs it: in its default scope of documents (kg.rdf.queries)
    default_scope = scope(store)
    data["query_scope"] = default_scope.description or "every document"
    del store  # queried read-only from a child process, which a timeout can stop
    queries = {}
    for path in sorted(QUERIES.glob("*.rq")):
        text = bind(path.read_text(encoding="utf-8"), {}, default_scope)
        bound = work / path.name
        bound.write_text(text, encoding="utf-8")
        store_s, n_rows = store_query(work / "store", bound, timeout)
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        start = time.perf_counter()
        try:
            rdflib_rows = sum(1 for _ in graph.query(text, initNs=PREFIXES))
            rdflib_s = time.perf_counter() - start
        except _Timeout:
            rdflib_rows, rdflib_s = None, None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        joins = join_patterns(text)
        print(f"  {path.stem}: store {store_s} s, rdflib {rdflib_s} s", file=sys.stderr, flush=True)
        queries[path.stem] = {"store_seconds": store_s, "store_rows": n_rows, "rdflib_seconds": rdflib_s,
                              "rdflib_rows": rdflib_rows, "triple_patterns": joins}
        store_text = f"{store_s * 1000:,.0f} ms ({n_rows} rows)" if store_s is not None else f"> {timeout:.0f} s (stopped)"
        rows.append(Row(f"query {path.stem}: store", store_text, "< 1 s", store_s is not None and store_s < 1))
        join_heavy = joins >= JOIN_HEAVY
        rdflib_text = (f"{rdflib_s:,.1f} s" if rdflib_s is not None else f"> {timeout:.0f} s (stopped)")
        label = f"query {path.stem}: rdflib, speedup ({joins} patterns{', join-heavy' if join_heavy else ''})"
        if store_s is None:
            rows.append(Row(label, f"{rdflib_text}, not measured", ">= 10x" if join_heavy else "",
                            False if join_heavy else None))
            continue
        speedup = (rdflib_s if rdflib_s is not None else timeout) / max(store_s, 1e-6)
        queries[path.stem]["speedup"] = speedup
        queries[path.stem]["speedup_is_lower_bound"] = rdflib_s is None
        rows.append(Row(label, f"{rdflib_text}, {'>' if rdflib_s is None else ''}{speedup:,.0f}x",
                        ">= 10x" if join_heavy else "", (speedup >= 10) if join_heavy else None))
    data["queries"] = queries
    data["join_heavy_min_patterns"] = JOIN_HEAVY
    return rows, data


#: Runs one query file on a store read-only; prints the median seconds of up to 3 runs and the rows.
_STORE_QUERY = """
import statistics, sys, time, pyoxigraph
from kg.rdf.sparql import run_query
store = pyoxigraph.Store.read_only(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
times = []
for _ in range(3):
    start = time.perf_counter()
    rows = sum(1 for _ in run_query(store, text))
    times.append(time.perf_counter() - start)
    if times[-1] > 1:  # slow: one run tells enough
        break
print(statistics.median(times), rows)
"""


def store_query(store: Path, query: Path, timeout: float) -> tuple[float | None, int | None]:
    """(median seconds, rows) of a query on the store; (None, None) past the timeout."""
    try:
        done = subprocess.run([sys.executable, "-c", _STORE_QUERY, str(store), str(query)], capture_output=True,
                              text=True, timeout=timeout, cwd=ROOT, check=True)
    except subprocess.TimeoutExpired:
        return None, None
    except subprocess.CalledProcessError as e:
        sys.exit(f"benchmarks: {query.name} failed on the store: {e.stderr.strip().splitlines()[-1]}")
    seconds, rows = done.stdout.split()
    return float(seconds), int(rows)


#: A query with this many triple patterns or more is "join-heavy".
JOIN_HEAVY = 4


# --- report -----------------------------------------------------------------------

def machine() -> dict:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    try:
        kib = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
        ram = f"{kib / (1 << 20):.1f} GiB"
    except (OSError, StopIteration):
        ram = "?"
    import pyoxigraph
    import rdflib

    return {"nproc": os.cpu_count(), "cpu": cpu, "ram": ram, "python": platform.python_version(),
            "platform": platform.platform(), "rdflib": rdflib.__version__, "pyoxigraph": pyoxigraph.__version__}


def table(rows: list[Row]) -> str:
    head = ("figure", "value", "target", "holds")
    cells = [(r.figure, r.value, r.target, "" if r.holds is None else ("yes" if r.holds else "NO")) for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(head)]
    line = lambda c: "| " + " | ".join(x.ljust(w) for x, w in zip(c, widths)) + " |"  # noqa: E731
    return "\n".join([line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [line(c) for c in cells])


PARTS = ("throughput", "memory", "store", "incremental", "workers")


def main() -> int:
    global CORPUS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run of every benchmark")
    parser.add_argument("--only", choices=PARTS, action="append",
                        help="run only these parts (repeatable); the other parts' figures already in --json are kept")
    parser.add_argument("--json", help="where to write the figures (default: benchmarks/results.json, "
                                       "with --quick benchmarks/results-quick.json)")
    parser.add_argument("--corpus", type=Path, help=f"the corpus of news texts (default: {CORPUS})")
    parser.add_argument("--store-mb", type=float, help="size of the store of the incremental part (default: 10 MB)")
    parser.add_argument("--workers-mb", type=float, help="size of the input of the workers part (default: 10 MB)")
    parser.add_argument("--pairs", type=int, default=3, help="paired builds (2 workers, 1 worker) of the workers part")
    parser.add_argument("--workdir", help="scratch directory (default: a temporary one, removed after)")
    args = parser.parse_args()
    parts = args.only or list(PARTS)
    if args.corpus:
        CORPUS = args.corpus
    if args.quick:
        sizes = dict(mb=0.3, seeds_mb=0.2, small_mb=0.05, large_mb=0.3, triples=30_000, query_timeout=20,
                     build_timeout=600, store_mb=0.3, workers_mb=0.3)
    else:
        sizes = dict(mb=10, seeds_mb=5, small_mb=1, large_mb=10, triples=1_000_000, query_timeout=120,
                     build_timeout=3600, store_mb=10, workers_mb=10)
    out = Path(args.json or ROOT / "benchmarks" / ("results-quick.json" if args.quick else "results.json"))
    measured: dict = {}
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="kg-bench-"))
    runners = {
        "throughput": lambda: throughput(work / "throughput", sizes["mb"], sizes["seeds_mb"]),
        "memory": lambda: memory(work / "memory", sizes["small_mb"], sizes["large_mb"], sizes["build_timeout"]),
        "store": lambda: store_vs_rdflib(work / "store", sizes["triples"], sizes["query_timeout"]),
        "incremental": lambda: incremental(work / "incremental", args.store_mb or sizes["store_mb"],
                                           sizes["build_timeout"]),
        "workers": lambda: workers(work / "workers", args.workers_mb or sizes["workers_mb"],
                                   1 if args.quick else args.pairs, sizes["build_timeout"]),
    }
    try:
        for part in parts:
            (work / part).mkdir(parents=True, exist_ok=True)
            started = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            load = os.getloadavg()
            rows, figures = runners[part]()
            measured[part] = {"date": started, "quick": args.quick, "sizes": sizes, "machine": machine(),
                                      "load_average_at_start": load, "load_average_at_end": os.getloadavg(),
                                      "figures": figures,
                                      "table": [asdict(r) for r in rows]}
            print(table(rows), file=sys.stderr, flush=True)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    # Read only now, so that runs of different parts at the same time keep each other's figures.
    results = json.loads(out.read_text(encoding="utf-8")) if args.only and out.exists() else {"parts": {}}
    results["parts"].update(measured)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    all_rows = [Row(**r) for part in PARTS if part in results["parts"] for r in results["parts"][part]["table"]]
    m = machine()
    print(f"machine: {m['nproc']} cores, {m['cpu']}, {m['ram']} RAM, Python {m['python']}")
    print(table(all_rows))
    print(f"figures -> {out}")
    return 0 if all(r.holds is not False for r in all_rows) else 1


if __name__ == "__main__":
    sys.exit(main())
