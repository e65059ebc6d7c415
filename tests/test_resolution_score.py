"""Floors of entity resolution, measured on ``entities.csv`` of a real build of the seeds and the
66 corpus documents with gold (tests/gold/resolution/, docs/schema.md "Resolution gold").

``heldout`` is the part of the gold with a member in a fold C document, which no rule was
written against; it must meet the issue's targets. ``tune`` (seeds, folds A and B) is guarded at
what was measured, so that a change that loses links shows. Also: no label shared by two
entities of one type, and every county-level-or-above division with its code.
"""
from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

import pytest

from kg import resolution_score
from kg.divisions import divisions
from kg.parallel import open_store
from kg.rdf.exports import write_exports
from kg.rdf.sparql import run_query
from kg.rdf.vocab import CLASS
from kg.runner import SEEDS, extract_documents
from tests.conftest import CORPUS_DOCS, GOLD as GOLD_DIR

GOLD = GOLD_DIR / "resolution" / "resolution.json"

#: part -> (B-cubed precision, recall of the mentions that need linking, share of clusters whole,
#: must-not-link pairs merged at most)
FLOORS = {
    "heldout": (0.99, 0.95, 0.90, 0),  # the targets
    # measured 0.993, 0.980, 80/84 before the recognizers found more mentions (0.967, 84/90: two of them are
    # national leaders placed by a region named near them, kept apart from their namesakes elsewhere);
    # the two merged are one article's
    "tune": (0.99, 0.96, 0.92, 2),
}


@pytest.fixture(scope="module")
def build():
    gold = resolution_score.load_gold(GOLD)
    docs_dir = CORPUS_DOCS
    assert docs_dir.is_dir(), f"the corpus texts are expected beside the repository, in {docs_dir}"
    names = {m[0] for _, members in gold.clusters for m in members}
    paths = sorted(SEEDS.glob("*.txt")) + sorted(docs_dir / n for n in names if not (SEEDS / n).exists())
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "store")
        store.add(extract_documents(paths, "rules", quiet=True))
        write_exports(store.oxigraph, Path(tmp), ["csv"])
        index = resolution_score.EntityIndex(Path(tmp) / "entities.csv")
        places = [(s["label"].value, s["code"].value if s["code"] else None) for s in run_query(
            store.oxigraph, "SELECT ?label (SAMPLE(?id) AS ?code) WHERE { ?e a kg:Place ; skos:prefLabel ?label "
                            "OPTIONAL { ?e dcterms:identifier ?id } } GROUP BY ?e ?label")]
        classes = " ".join(f"<{c}>" for c in CLASS.values())
        labels = [(s["c"].value, s["label"].value) for s in run_query(
            store.oxigraph, f"SELECT ?e ?c ?label WHERE {{ VALUES ?c {{ {classes} }} ?e a ?c ; skos:prefLabel ?label }}")]
        del store
    return {"scores": {part: resolution_score.score(gold, index, part) for part in ("tune", "heldout")},
            "places": places, "labels": labels}


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_resolution_floor(build, part):
    precision, linked, whole, merged = FLOORS[part]
    s = build["scores"][part]
    assert s.b3_precision >= precision, (part, s.b3_precision)
    assert s.linked_recall >= linked, (part, s.linked_recall)
    assert s.whole / s.clusters >= whole, (part, s.whole, s.clusters)
    assert s.violations <= merged, (part, s.merged)


def test_no_label_is_shared_by_two_entities_of_one_type(build):
    shared = [key for key, n in Counter(build["labels"]).items() if n > 1]
    assert shared == []


def test_every_division_has_its_code(build):
    """A place is labelled with a division's full name once resolution knows which division it is
    (a short form that fits none for sure, like 东兴 of a bridge's name, keeps its own)."""
    table = divisions()
    missing = [label for label, code in build["places"]
               if code is None and any(d.name == label for d in table.candidates(label))]
    assert missing == []
    assert all(code in table.by_code for _, code in build["places"] if code)
