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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.evaluate import format_scores, match_key, relation_keys, score_documents  # noqa: E402
from kg.gold import document_to_gold, occurrences  # noqa: E402
from kg.lexicon import load_set  # noqa: E402
from kg.model import TITLE, Document, Mention  # noqa: E402
from kg.ner.titles import post_titles  # noqa: E402
from kg.pipeline import text_pipeline  # noqa: E402
from kg.reader import load_document  # noqa: E402
from kg.relations import extract_relations  # noqa: E402



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
            # A bare 市委 fused into a title is no GovOrg (docs/schema.md), nor a name inside a title.
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
        post_titles(doc)  # the title grammar's reading, which the entity stage leaves for the relations
        extract_relations(doc)
        docs.append(doc)
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", nargs="?", default=str(ROOT / "tests" / "gold"))
    ap.add_argument("docs_dir", nargs="?", default=str(ROOT / "seeds"))
    ap.add_argument("--show", action="store_true", help="print missed and spurious relations")
    args = ap.parse_args()
    docs = oracle_documents(Path(args.gold_dir), Path(args.docs_dir))
    pairs = []
    for doc in docs:
        gold = json.loads(Path(args.gold_dir, f"{doc.stem}.json").read_text(encoding="utf-8"))
        system = document_to_gold(doc)
        pairs.append((gold, system))
        if args.show:
            missed, extra = relation_keys(gold) - relation_keys(system), relation_keys(system) - relation_keys(gold)
            patterns = {(match_key(r.head.text), r.label, match_key(r.tail.text)): r.pattern for r in doc.relations}
            print(f"== {doc.stem}")
            for g in sorted(missed):
                print("  MISS", *g)
            for x in sorted(extra):
                print("  XTRA", *x, f"[{patterns.get(x)}]")
    print(format_scores(score_documents(pairs), prefix="relation:"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
