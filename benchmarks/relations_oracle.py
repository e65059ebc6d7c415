#!/usr/bin/env python3
"""Relation extraction over ORACLE mentions: scores the relation patterns alone.

Every entity string of a gold file becomes a Mention at each of its occurrences
in the normalized document (spaces OCR left inside a name are allowed), every
holds_post tail becomes a Title mention, and then kg.relations runs as in the
real pipeline.  The numbers say how good the patterns are when NER is perfect.

    .venv/bin/python benchmarks/relations_oracle.py [GOLD_DIR] [DOCS_DIR] [--show]

--show prints missed and spurious relations per document.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.gold import document_to_gold, occurrences  # noqa: E402
from kg.lexicon import load_set  # noqa: E402
from kg.model import TITLE, Document, Mention  # noqa: E402
from kg.pipeline import text_pipeline  # noqa: E402
from kg.reader import load_document  # noqa: E402
from kg.relations import extract_relations  # noqa: E402

SHARED = ROOT.parent / "shared"


def oracle_mentions(doc: Document, gold: dict) -> list[Mention]:
    """Gold entities at every occurrence, holds_post tails as Title mentions."""
    titles: list[Mention] = []
    tails = {r["tail"] for r in gold["relations"] if r["relation"] == "holds_post"}
    for tail in sorted(tails, key=len, reverse=True):  # longest titles win overlaps
        for s, e in occurrences(doc.text, tail):
            if not any(t.start < e and s < t.end for t in titles):
                titles.append(Mention(s, e, doc.text[s:e], TITLE, source="oracle"))
    bare = load_set("relation_bare_bodies.txt")
    mentions = list(titles)
    for ent in gold["entities"]:
        for s, e in occurrences(doc.text, ent["text"]):
            # A bare 市委 fused into a title is no GovOrg (spec/schema.md), nor a name inside a title.
            inside_title = any(t.start <= s and e <= t.end and (e - s) < (t.end - t.start) for t in titles)
            if inside_title and (ent["type"] == "Person" or ent["text"] in bare):
                continue
            mentions.append(Mention(s, e, doc.text[s:e], ent["type"], source="oracle"))
    return sorted(mentions, key=lambda m: (m.start, -m.end, m.type))


def oracle_documents(gold_dir: Path, docs_dir: Path) -> list[Document]:
    nlp = text_pipeline()
    docs = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = nlp(load_document(docs_dir / gold["doc"]))
        doc.mentions = oracle_mentions(doc, gold)
        extract_relations(doc)
        docs.append(doc)
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", nargs="?", default=str(SHARED / "dev" / "gold"))
    ap.add_argument("docs_dir", nargs="?", default=str(ROOT / "seeds"))
    ap.add_argument("--show", action="store_true", help="print missed and spurious relations")
    args = ap.parse_args()
    sys.path.insert(0, str(SHARED / "eval"))
    import score  # the shared scorer, ../shared/eval/score.py

    docs = oracle_documents(Path(args.gold_dir), Path(args.docs_dir))
    with tempfile.TemporaryDirectory() as out:
        for doc in docs:
            Path(out, f"{doc.stem}.json").write_text(json.dumps(document_to_gold(doc), ensure_ascii=False))
        result = score.score(args.gold_dir, out)
        if args.show:
            for doc in docs:
                gold = score.relation_set(score.load(Path(args.gold_dir, f"{doc.stem}.json")))
                system = score.relation_set(score.load(Path(out, f"{doc.stem}.json")))
                patterns = {(score.key(r.head.text), r.label, score.key(r.tail.text)): r.pattern
                            for r in doc.relations}
                print(f"== {doc.stem}")
                for g in sorted(gold - system):
                    print("  MISS", *g)
                for s in sorted(system - gold):
                    print("  XTRA", *s, f"[{patterns.get(s)}]")
    for k in sorted(k for k in result if k.startswith("relation:")):
        v = result[k]
        print(f"{k:28s} P={v['p']:.3f} R={v['r']:.3f} F1={v['f1']:.3f}  (tp={v['tp']} sys={v['sys']} gold={v['gold']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
