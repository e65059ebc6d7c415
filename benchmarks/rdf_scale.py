"""How the RDF side scales: graph building, exports, store loading and the canned queries
on a synthetic knowledge base (invented names, a realistic shape: a few hub places and
bodies that many facts point at).

    .venv/bin/python benchmarks/rdf_scale.py --docs 1000

Prints seconds per step and triples per second; no pass/fail.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.knowledge import DocumentRecord, Entity, Evidence, Fact, KnowledgeBase, Post  # noqa: E402
from kg.rdf import build_quads  # noqa: E402
from kg.rdf.exports import FILES, write_exports  # noqa: E402
from kg.rdf.sparql import run_query  # noqa: E402

SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = "建国晓明海燕志强秀英文军丽华春生桂兰永红德明"


def synthetic_kb(n_docs: int, seed: int = 7) -> KnowledgeBase:
    rnd = random.Random(seed)
    kb = KnowledgeBase()
    docs = []
    for i in range(n_docs):
        sha = hashlib.sha256(f"doc{i}".encode()).hexdigest()
        docs.append(sha)
        kb.documents.append(DocumentRecord(sha, f"{i:05d}.txt", f"/x/{i}.txt", dt.date(2024, 1 + i % 12, 1 + i % 28),
                                           "某某日报", [f"标题{i}"]))

    def ev(doc: int, k: int) -> Evidence:
        return Evidence(docs[doc], f"{doc:05d}.txt", k * 40, k * 40 + 38, f"第{k}句。" * 6, "synthetic")

    def entity(type_: str, label: str) -> str:
        eid = f"{type_.lower()}/{hashlib.sha1(label.encode()).hexdigest()[:10]}"
        e = kb.entities.setdefault(eid, Entity(eid, type_, label))
        d = rnd.randrange(n_docs)
        e.mentions.append(ev(d, rnd.randrange(30)))
        return eid

    places = [entity("Place", f"第{i}区") for i in range(max(5, n_docs // 50))]
    bodies = [entity("GovOrg", f"第{i}区经济委") for i in range(max(5, n_docs // 20))]
    parks = [entity("Park", f"第{i}产业园") for i in range(max(5, n_docs // 20))]
    for d in range(n_docs):
        for k in range(8):  # per document: people with posts, enterprises with projects in parks
            person = entity("Person", rnd.choice(SURNAMES) + rnd.choice(GIVEN) + str(rnd.randrange(n_docs)))
            body = rnd.choice(bodies)
            kb.posts.append(Post(person, "主任", body, kb.documents[d].date, [ev(d, k)]))
            kb.facts.append(Fact(person, "member_of", body, [ev(d, k)]))
            ent = entity("Enterprise", f"企业{rnd.randrange(n_docs * 3)}有限公司")
            proj = entity("Project", f"项目{d}-{k}")
            park = rnd.choice(parks)
            kb.facts += [Fact(ent, "owns_project", proj, [ev(d, k + 10)]),
                         Fact(proj, "located_in", park, [ev(d, k + 10)]),
                         Fact(park, "located_in", rnd.choice(places), [ev(d, k + 20)])]
    return kb


def timed(label: str, fn):
    t = time.perf_counter()
    result = fn()
    print(f"{label:<40} {time.perf_counter() - t:8.2f} s")
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=500)
    args = ap.parse_args()
    kb = synthetic_kb(args.docs)
    print(f"{args.docs} documents, {len(kb.entities)} entities, {len(kb.posts)} posts, {len(kb.facts)} facts")
    quads = timed("build_quads", lambda: build_quads(kb))
    print(f"{len(quads)} quads")
    with tempfile.TemporaryDirectory() as tmp:
        store = pyoxigraph.Store(str(Path(tmp) / "store"))
        t = time.perf_counter()
        store.bulk_extend(quads)
        dt_load = time.perf_counter() - t
        print(f"{'store load':<40} {dt_load:8.2f} s  ({len(quads) / dt_load:,.0f} quads/s)")
        for fmt in FILES:
            timed(f"export {fmt}", lambda: write_exports(store, Path(tmp), [fmt]))
        for q in sorted((ROOT / "ontology" / "queries").glob("*.rq")):
            rows = timed(f"query {q.stem}", lambda: list(run_query(store, q.read_text(encoding="utf-8"))))
            print(f"{'':<40} {len(rows)} rows")


if __name__ == "__main__":
    main()
