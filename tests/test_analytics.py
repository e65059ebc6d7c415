"""kg.analytics: counts, centrality, components, communities and paths."""
from __future__ import annotations

import networkx as nx
import pyoxigraph
import pytest

from kg.analytics import paths, rank, stats
from kg.errors import KgError
from kg.rdf.counts import counts
from tests.conftest import SEEDS, XSS_NAME, invented_graph, invented_rdf, kg


def entity_graph(edges, types) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for name, t in types.items():
        g.add_node(name, type=t, label=name, aliases=[], posts=[], evidence=[])
    for a, rel, b in edges:
        g.add_edge(a, b, key=rel, relation=rel, evidence=[{"text": f"{a}{rel}{b}。", "doc": "t.txt"}])
    return g


def test_counts_and_components_of_the_invented_district():
    store = pyoxigraph.Store()
    store.load(invented_rdf().serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    c = counts(store)
    assert (c.documents, c.entities, c.facts, c.posts, c.posts_in_body) == (2, 9, 6, 3, 2)
    assert c.types == {"Place": 3, "Person": 2, "GovOrg": 1, "Park": 1, "Enterprise": 1, "Project": 1}
    assert c.relations == {"located_in": 4, "owns_project": 1, "part_of": 1}
    s = stats(invented_graph())
    assert s.components == [8, 1]  # 雾岭镇 is linked to nothing
    assert [r.label for r in s.rankings["Park"]] == ["青梧智造产业园"]


def test_the_hub_ranks_first_on_every_measure():
    # Two firms in one park; the park's official links to both; a second park hangs off a town.
    types = {"甘若川": "Person", "岑知微": "Person", "峤溪园": "Park", "芷桐园": "Park",
             "溪峤公司": "Enterprise", "桐芷公司": "Enterprise", "岭镇": "Place"}
    g = entity_graph([("溪峤公司", "located_in", "峤溪园"), ("桐芷公司", "located_in", "峤溪园"),
                      ("甘若川", "member_of", "溪峤公司"), ("甘若川", "member_of", "桐芷公司"),
                      ("峤溪园", "located_in", "岭镇"), ("芷桐园", "located_in", "岭镇"),
                      ("岑知微", "member_of", "桐芷公司")], types)
    parks = rank(g, "Park")
    assert [r.label for r in parks] == ["峤溪园", "芷桐园"]
    assert parks[0].degree == 3 and parks[0].betweenness > parks[1].betweenness
    people = rank(g, "Person")
    assert [r.label for r in people] == ["甘若川", "岑知微"]
    assert people[0].pagerank > people[1].pagerank
    assert rank(g, "Person", top=1)[0].label == "甘若川"


def test_louvain_finds_two_clusters_and_is_repeatable():
    left = ["左" + c for c in "甲乙丙丁"]
    right = ["右" + c for c in "甲乙丙丁"]
    types = {n: "GovOrg" for n in left + right}
    edges = [(a, "part_of", b) for group in (left, right) for i, a in enumerate(group) for b in group[i + 1:]]
    edges.append((left[0], "part_of", right[0]))
    g = entity_graph(edges, types)
    first = stats(g)
    assert {frozenset(c) for c in first.communities} == {frozenset(left), frozenset(right)}
    assert first.modularity > 0.3
    assert stats(g).communities == first.communities


def test_shortest_chains_with_evidence():
    g = invented_graph()
    chains = paths(g, "柯区长", "澜汐光膜生产基地", max_paths=3)
    assert chains, "the official and the plant are linked"
    hops = [[(s.head, s.relation, s.tail) for s in hop] for hop in chains[0]]
    assert hops == [[("柯望舒", "holds_post", "青梧区人民政府")],
                    [("青梧区人民政府", "located_in", "青梧区")],
                    [("青梧智造产业园", "located_in", "青梧区")],
                    [("澜汐光膜生产基地", "located_in", "青梧智造产业园")]]
    assert chains[0][0][0].title == "区长"
    assert all(step.evidence for hop in chains[0] for step in hop)
    assert len(chains) == 2 and len(chains[1]) == 5  # the second goes round through the firm
    assert [len(c) for c in paths(g, "柯望舒", "澜汐光膜生产基地", max_paths=1)] == [4]


def test_no_chain_and_unknown_names():
    g = invented_graph()
    assert paths(g, "柯望舒", "雾岭镇") == []
    with pytest.raises(KgError, match="no entity named"):
        paths(g, "柯望舒", "不存在的名字")


@pytest.fixture
def graph_file(tmp_path):
    path = tmp_path / "district.ttl"
    invented_rdf().serialize(destination=str(path), format="turtle")
    return path


def test_kg_stats_prints_counts_components_communities_and_rankings(graph_file):
    r = kg("stats", graph_file, "--top", 2)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[:5] == ["documents: 2", "entities: 9  (Place 3, Person 2, Enterprise 1, GovOrg 1, Park 1, Project 1)",
                         "facts: 6  (located_in 4, owns_project 1, part_of 1)", "posts: 3  (2 in a named body)",
                         "derived links: 0"]
    assert lines[5].startswith("connected components: 2  (largest 8 entities, 1 isolated entity)")
    parks = lines.index("most central parks:")
    assert lines[parks + 1].split() == ["#", "entity", "degree", "pagerank", "betweenness"]
    assert lines[parks + 3].split()[:3] == ["1", "青梧智造产业园", "3"]
    officials = lines.index("most central officials (Person):")
    first, second = lines[officials + 3:officials + 5]
    assert first.split()[0] == "1" and second.split()[0] == "2"
    assert {"柯望舒" in first, XSS_NAME in first} == {True, False}
    assert {"柯望舒" in second, XSS_NAME in second} == {True, False}
    assert lines[officials + 5] == "most central enterprises:"  # --top 2


S1 = "区委副书记、区长柯望舒在青梧智造产业园调研澜汐新材料有限公司光膜生产基地建设。"
S2 = "青梧智造产业园位于青梧区，园区内的澜汐新材(以下简称)光膜生产基地预计年底投产。"


@pytest.mark.parametrize("a, b, expected", [
    ("柯区长", "青梧区", ["path 1 (2 steps): 柯望舒 → 青梧区人民政府 → 青梧区",
                         "  1. 柯望舒 --holds_post 区长--> 青梧区人民政府", f"        “{S1}” (青梧日报_0412.txt)",
                         "  2. 青梧区人民政府 --located_in--> 青梧区", f"        “{S1}” (青梧日报_0412.txt)"]),
    # walked against the stated direction: each fact still reads as stated, arrow reversed
    ("青梧区", "柯望舒", ["path 1 (2 steps): 青梧区 → 青梧区人民政府 → 柯望舒",
                         "  1. 青梧区 <--located_in-- 青梧区人民政府", f"        “{S1}” (青梧日报_0412.txt)",
                         "  2. 青梧区人民政府 <--holds_post 区长-- 柯望舒", f"        “{S1}” (青梧日报_0412.txt)"]),
    # one step
    ("澜汐光膜生产基地", "青梧智造产业园", ["path 1 (1 step): 澜汐光膜生产基地 → 青梧智造产业园",
                                            "  1. 澜汐光膜生产基地 --located_in--> 青梧智造产业园",
                                            f"        “{S2}” (<i>澜汐</i>.txt)"]),
])
def test_kg_path_prints_each_fact_in_walking_order_with_its_evidence(graph_file, a, b, expected):
    r = kg("path", a, b, "--graph", graph_file, "--max", 1)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == expected


def test_kg_path_says_when_nothing_links_two_entities(graph_file):
    r = kg("path", "柯望舒", "雾岭镇", "--graph", graph_file)
    assert (r.returncode, r.stdout.strip()) == (1, "no chain of facts links 柯望舒 and 雾岭镇")


def test_bad_inputs_give_one_line_errors(graph_file, tmp_path):
    for args in (("stats", tmp_path / "missing.ttl"), ("path", "柯望舒", "无此人", "--graph", graph_file),
                 ("view", graph_file, "--types", "Officer", "--out", tmp_path / "v.html"),
                 ("view", graph_file, "--out", tmp_path)):
        r = kg(*args)
        assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1 and "error:" in r.stderr, args
    assert not (tmp_path / "v.html").exists()


def test_a_store_reads_like_the_graph_file_built_with_it(tmp_path):
    store, out = tmp_path / "store", tmp_path / "out"
    r = kg("build", "-q", SEEDS, "--store", store, "--out", out)
    assert r.returncode == 0, r.stderr
    from_store, from_file = kg("stats", store), kg("stats", out / "graph.ttl")
    assert from_store.returncode == 0 and from_store.stdout == from_file.stdout
    assert int(from_store.stdout.split()[3]) > 0  # some entities
    assert kg("view", store, "--out", tmp_path / "s.html").returncode == 0
    assert kg("view", out / "graph.ttl", "--out", tmp_path / "f.html").returncode == 0
    assert (tmp_path / "s.html").read_text(encoding="utf-8") == (tmp_path / "f.html").read_text(encoding="utf-8")
    # kg build's own graph.html is that same page.
    assert (out / "graph.html").read_text(encoding="utf-8") == (tmp_path / "f.html").read_text(encoding="utf-8")
