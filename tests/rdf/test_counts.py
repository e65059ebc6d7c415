"""One definition of each count (kg.rdf.counts): kg build's summary, kg stats, the README
and the entity graph the views and analytics read all count the seeds graph alike."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.rdf.entity_graph import read_graph
from kg.rdf.counts import counts
from kg.rdf.source import open_source
from kg.rdf.vocab import DERIVED_PROPERTY
from kg.runner import SEEDS
from tests.conftest import ROOT, kg

README = ROOT / "README.md"
#: count -> how kg build's summary, kg stats and the README's examples of them write it
SUMMARY = r"graph: (?P<documents>\d+) documents, (?P<entities>\d+) entities, (?P<facts>\d+) facts, (?P<posts>\d+) posts"
STATS = r"^documents: (?P<documents>\d+)\nentities: (?P<entities>\d+) .*\nfacts: (?P<facts>\d+) .*\nposts: (?P<posts>\d+) "


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> tuple[str, Path]:
    out = tmp_path_factory.mktemp("seeds") / "out"
    done = kg("build", str(SEEDS), "-q", "--formats", "ttl", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return done.stdout, out / "graph.ttl"


def found(pattern: str, text: str) -> dict[str, int]:
    match = re.search(pattern, text, re.MULTILINE)
    assert match, (pattern, text[:500])
    return {k: int(v) for k, v in match.groupdict().items()}


def test_build_stats_and_the_readme_count_the_seeds_graph_alike(seeds):
    summary, graph = seeds
    c = counts(open_source(graph))
    expected = {"documents": c.documents, "entities": c.entities, "facts": c.facts, "posts": c.posts}
    assert expected["documents"] == len(list(SEEDS.glob("*.txt")))
    assert found(SUMMARY, summary) == expected
    assert found(STATS, kg("stats", str(graph)).stdout) == expected
    readme = README.read_text(encoding="utf-8")
    assert found(SUMMARY, readme) == expected, "README: the example of kg build"
    assert found(STATS, readme) == expected, "README: the example of kg stats"


def test_counts_agree_with_the_entity_graph(seeds):
    c = counts(open_source(seeds[1]))
    g = read_graph(seeds[1])
    assert c.entities == g.number_of_nodes()
    derived = set(DERIVED_PROPERTY)
    assert c.facts == sum(1 for *_, r in g.edges(data="relation") if r != "holds_post" and r not in derived)
    assert sum(c.derived.values()) == sum(1 for *_, r in g.edges(data="relation") if r in derived)
    assert c.posts == sum(len(posts) for _, posts in g.nodes(data="posts"))
    assert c.posts_in_body == sum(1 for *_, r in g.edges(data="relation") if r == "holds_post")
    assert sum(c.relations.values()) == c.facts and sum(c.types.values()) == c.entities
