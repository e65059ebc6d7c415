"""Reading the RDF graph into networkx, and the HTML page's content (no browser here;
tests/test_view_browser.py opens the pages in Chromium)."""
from __future__ import annotations

import json
import re

from collections import Counter

import networkx as nx
import pytest
from rdflib import Dataset

from kg.errors import KgError
from kg.rdf.entity_graph import find_entity, to_networkx, viewed
from kg.rdf.vocab import KG, KGR
from kg.server.graph_page import opening_nodes, render
from kg.view import select, view_page, write_view
from tests.conftest import RdfWriter, XSS_NAME, XSS_SENTENCE, invented_graph, invented_rdf, random_graph
from tests.conftest import kg


def by_label(g, label):
    return next(n for n, d in g.nodes(data=True) if d["label"] == label)


def test_reader_keeps_types_aliases_posts_and_evidence():
    g = invented_graph()
    assert g.number_of_nodes() == 9 and g.number_of_edges() == 8
    ke = g.nodes[by_label(g, "柯望舒")]
    assert ke["type"] == "Person" and ke["aliases"] == ["柯区长"]
    assert [(p["title"], p["body"], p["date"]) for p in ke["posts"]] == \
        [("区委副书记", None, "2024-04-12"), ("区长", "青梧区人民政府", "2024-04-12")]
    assert ke["evidence"][0]["doc"] == "青梧日报_0412.txt"
    assert ke["evidence"][0]["text"].startswith("区委副书记、区长柯望舒")
    # A post held in a named body is an edge person -> body; one without a body is not.
    posts = [(a, b, d) for a, b, d in g.edges(data=True) if d["relation"] == "holds_post"]
    assert {(g.nodes[a]["label"], d["title"], g.nodes[b]["label"]) for a, b, d in posts} == \
        {("柯望舒", "区长", "青梧区人民政府"), (XSS_NAME, "<script>主任</script>", "青梧区人民政府")}
    firm, plant = by_label(g, "澜汐新材料有限公司"), by_label(g, "澜汐光膜生产基地")
    fact = g.get_edge_data(firm, plant)["owns_project"]
    assert fact["evidence"][0]["doc"] == "<i>澜汐</i>.txt"


def test_reader_counts_once_what_is_both_in_the_default_graph_and_a_documents_graph():
    """In the dataset (TriG, store) a document's statements are in the default graph and
    again in its own named graph: the reader sees them once."""
    flat = invented_rdf()
    ds = Dataset()
    doc_graph = ds.graph(KGR["doc/d1"])
    for s, p, o in flat:
        ds.default_graph.add((s, p, o))
        if str(s).startswith(str(KGR["evidence/"])) or p == KG.mention:
            doc_graph.add((s, p, o))
    from_ds, from_flat = to_networkx(ds), to_networkx(flat)
    assert sorted(from_ds.nodes(data=True)) == sorted(from_flat.nodes(data=True))
    person = from_ds.nodes[by_label(from_ds, "柯望舒")]
    assert person["evidence"] and person["mentions"] == len(person["evidence"])


def test_what_a_view_shows_of_each_entity_gives_the_page_of_the_whole_graph():
    """``viewed`` (what the rows a build keeps hold for the view) leaves out the documents of each
    entity, post and fact, and the page is the same."""
    g = invented_graph()
    pieces = [viewed(g, node) for node in sorted(g)]
    kept = nx.MultiDiGraph()
    kept.add_nodes_from((node, data) for node, data, _ in pieces)
    kept.add_edges_from((node, tail, key, data) for node, _, edges in pieces for tail, key, data in edges)
    assert not any("documents" in data for _, data in kept.nodes(data=True))
    assert not any("documents" in post for _, posts in kept.nodes(data="posts") for post in posts)
    assert not any("documents" in data for *_, data in kept.edges(data=True))
    assert view_page(kept)[0] == view_page(g)[0]


def test_find_entity_by_label_alias_or_unique_part():
    g = invented_graph()
    assert find_entity(g, "柯区长") == by_label(g, "柯望舒")
    assert find_entity(g, " 青梧智造产业园 ") == by_label(g, "青梧智造产业园")
    assert find_entity(g, "光膜") == by_label(g, "澜汐光膜生产基地")
    with pytest.raises(KgError, match="ambiguous"):
        find_entity(g, "青梧")
    with pytest.raises(KgError, match="no entity named"):
        find_entity(g, "不存在的名字")


def test_select_by_types_and_focus():
    g = invented_graph()
    only = select(g, types=["Person", "GovOrg"])
    assert {d["type"] for _, d in only.nodes(data=True)} == {"Person", "GovOrg"}
    assert only.number_of_nodes() == 3 and only.number_of_edges() == 2
    near = select(g, focus="青梧区", depth=1)
    assert {d["label"] for _, d in near.nodes(data=True)} == \
        {"青梧区", "澜州市", "青梧智造产业园", "青梧区人民政府"}
    assert select(g, focus="青梧区", depth=0).number_of_nodes() == 1
    assert select(g, focus="青梧区", depth=9).number_of_nodes() == 8  # not the isolated 雾岭镇
    with pytest.raises(KgError, match="unknown type Officer"):
        select(g, types=["Officer"])


def page_data(html: str) -> dict:
    block = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


def test_page_is_self_contained_and_document_text_cannot_break_out():
    g = invented_graph()
    html = render(g, title="<b>标题</b>")
    assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)=', html, re.I)
    assert "<title>&lt;b&gt;标题&lt;/b&gt;</title>" in html
    # Document strings never appear raw; the JSON round-trips them exactly.
    for raw in (XSS_NAME, XSS_SENTENCE, "<i>澜汐</i>", "<script>主任</script>"):
        assert raw not in html
    data = page_data(html)
    assert {n["label"] for n in data["nodes"]} == {d["label"] for _, d in g.nodes(data=True)}
    xss = next(n for n in data["nodes"] if n["label"] == XSS_NAME)
    assert xss["evidence"] == [{"text": XSS_SENTENCE, "doc": "<i>澜汐</i>.txt"}]
    assert html.count("</script>") == 3  # vis-network, the data block, the page's code: none added by the data


def test_node_size_follows_degree_and_every_type_has_a_legend_entry():
    g = invented_graph()
    data = page_data(render(g, "t"))
    degree = {n["id"]: n["degree"] for n in data["nodes"]}
    assert degree[by_label(g, "青梧区")] > degree[by_label(g, "澜州市")] > degree[by_label(g, "雾岭镇")] == 0
    assert {t["type"]: t["count"] for t in data["legend"]} == \
        {"Person": 2, "GovOrg": 1, "Enterprise": 1, "Park": 1, "Project": 1, "Place": 3}
    assert len({(t["color"], t["shape"]) for t in data["legend"]}) == len(data["legend"])
    labels = {e["label"] for e in data["edges"]}
    assert "区长" in labels and "位于" in labels  # post titles and relation names


def test_one_edge_per_pair_with_the_post_titles_on_it():
    """A person who holds posts in a body and is a member of it gets one edge, labelled with the titles."""
    w = RdfWriter()
    doc = w.document("d", "invented.txt")
    person = w.entity("p", "Person", "岑知微", doc=doc, sentence="岑知微任梧岭县委书记、县长。")
    body = w.entity("b", "GovOrg", "梧岭县委", doc=doc, sentence="岑知微任梧岭县委书记、县长。")
    w.post(person, "书记", body, None, doc, "岑知微任梧岭县委书记、县长。")
    w.post(person, "县长", body, None, doc, "岑知微任梧岭县委书记、县长。")
    w.fact(person, "member_of", body, doc, "岑知微任梧岭县委书记、县长。")
    g = to_networkx(w.g)
    assert g.number_of_edges() == 3  # the graph keeps every fact
    edges = page_data(render(g, "t"))["edges"]
    assert [(e["label"], sorted(e["relations"])) for e in edges] == [("书记、县长", ["holds_post", "member_of"])]
    assert len(edges[0]["evidence"]) == 1  # the same sentence states all three


@pytest.mark.parametrize("family", ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"])
def test_labels_name_cjk_fonts_on_canvas_and_page(family):
    html = render(invented_graph(), "t")
    options = page_data(html)["options"]
    for font in (options["nodes"]["font"]["face"], options["edges"]["font"]["face"]):
        assert f'"{family}"' in font and font.endswith("sans-serif")
    css = re.search(r"html, body \{[^}]*font-family: ([^;]*);", html).group(1)
    assert f'"{family}"' in css


def test_communities_are_numbered_largest_first():
    g = random_graph(200, seed=2)
    nodes = page_data(render(g, "t"))["nodes"]
    sizes = Counter(n["community"] for n in nodes if n["community"] >= 0)
    assert [sizes[c] for c in sorted(sizes)] == sorted(sizes.values(), reverse=True)
    assert all(n["community"] == -1 for n in nodes if n["degree"] == 0)


def test_write_view_keeps_the_old_page_when_the_focus_is_unknown(tmp_path):
    page = tmp_path / "v.html"
    page.write_text("old page", encoding="utf-8")
    with pytest.raises(KgError):
        write_view(invented_graph(), page, focus="不存在的名字")
    assert page.read_text(encoding="utf-8") == "old page"


def test_kg_view_writes_the_chosen_part(tmp_path):
    graph = tmp_path / "district.ttl"
    invented_rdf().serialize(destination=str(graph), format="turtle")
    page = tmp_path / "park.html"
    r = kg("view", graph, "--focus", "智造园", "--depth", "1", "--types", "Park,Place,Enterprise", "--out", page)
    assert (r.returncode, r.stdout, r.stderr) == (
        0, f"3 entities and 2 links drawn (within 1 link of 智造园; types Park,Place,Enterprise) -> {page}\n", "")
    data = page_data(page.read_text(encoding="utf-8"))
    assert sorted(n["label"] for n in data["nodes"]) == ["澜汐新材料有限公司", "青梧区", "青梧智造产业园"]


@pytest.mark.parametrize("focus", ["", "  "])
def test_an_empty_focus_is_a_usage_error(tmp_path, focus):
    graph = tmp_path / "district.ttl"
    invented_rdf().serialize(destination=str(graph), format="turtle")
    page = tmp_path / "v.html"
    r = kg("view", graph, "--focus", focus, "--out", page)
    assert r.returncode == 2
    assert r.stderr.startswith("kg view: error: --focus") and len(r.stderr.splitlines()) == 1, r.stderr
    assert not page.exists()


def test_a_big_graph_opens_on_its_largest_pieces_and_carries_the_rest(tmp_path):
    g = random_graph(300, seed=5)
    g.add_edge("n0", "n1", key="member_of", relation="member_of")  # some pieces besides the main one
    g.remove_edges_from([(a, b) for a, b in list(g.edges()) if "n5" in (a, b)])
    g.add_edge("n5", "n6", key="part_of", relation="part_of")
    opening = write_view(g, tmp_path / "v.html", start=100)
    assert opening.number_of_nodes() == 100
    data = page_data((tmp_path / "v.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 300 and data["opening"] == opening_nodes(select(g), 100)
    # whole pieces: the opening is connected, from the best connected entity of the largest piece
    u = nx.Graph(g.to_undirected())
    assert nx.is_connected(u.subgraph(data["opening"]))
    biggest = max(nx.connected_components(u), key=len)
    assert data["opening"][0] in biggest and u.degree(data["opening"][0]) == max(u.degree(n) for n in biggest)
    assert "n5" not in data["opening"]


def test_the_opening_starts_at_the_focus_and_goes_outwards():
    g = random_graph(300, seed=5)
    focused = select(g, focus=g.nodes["n7"]["label"], depth=3)
    opening = opening_nodes(focused, 50, focus="n7")
    u = nx.Graph(focused.to_undirected())
    distance = nx.single_source_shortest_path_length(u, "n7")
    assert opening[0] == "n7" and len(opening) == min(50, focused.number_of_nodes())
    assert [distance[n] for n in opening] == sorted(distance[n] for n in opening)


def test_view_page_is_the_neighbourhood_page_without_a_file():
    g = invented_graph()
    person = by_label(g, "柯望舒")
    html, opening = view_page(g, focus="柯区长", depth=1)
    data = page_data(html)
    assert data["focus"] == person and data["opening"][0] == person
    assert set(opening) == {n["id"] for n in data["nodes"]} == {person} | set(nx.all_neighbors(g, person))


def test_an_unlinked_focus_opens_first():
    g = invented_graph()
    lone = by_label(g, "雾岭镇")
    data = page_data(render(g, "t", focus=lone))
    assert data["opening"][0] == lone and data["focus"] == lone
    assert len(data["opening"]) == g.number_of_nodes()  # and every linked entity after it


def test_graphs_with_no_links_open_on_their_entities():
    g = invented_graph()
    g.remove_edges_from(list(g.edges()))
    assert opening_nodes(select(g), 5) == sorted(g, key=lambda n: g.nodes[n]["label"])[:5]
