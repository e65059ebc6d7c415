"""Reading the RDF graph into networkx, and the HTML page's content (no browser here;
tests/test_view_browser.py opens the pages in Chromium)."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from rdflib import Dataset

from kg.errors import KgError
from kg.graphview import find_entity, to_networkx
from kg.rdf.vocab import KG, KGR
from kg.view import render, select, write_view
from view_graphs import XSS_NAME, XSS_SENTENCE, invented_graph, invented_rdf, random_graph


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
    value = {n["id"]: n["value"] for n in data["nodes"]}
    assert value[by_label(g, "青梧区")] > value[by_label(g, "澜州市")] > value[by_label(g, "雾岭镇")]
    assert {t["type"]: t["count"] for t in data["legend"]} == \
        {"Person": 2, "GovOrg": 1, "Enterprise": 1, "Park": 1, "Project": 1, "Place": 3}
    assert len({(t["color"], t["shape"]) for t in data["legend"]}) == len(data["legend"])
    labels = {e["label"] for e in data["edges"]}
    assert "区长" in labels and "位于" in labels  # post titles and relation names


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
    r = subprocess.run([sys.executable, "-m", "kg", "view", str(graph), "--focus", "智造园", "--depth", "1",
                        "--types", "Park,Place,Enterprise", "--out", str(page)], capture_output=True, text=True)
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    data = page_data(page.read_text(encoding="utf-8"))
    assert sorted(n["label"] for n in data["nodes"]) == ["澜汐新材料有限公司", "青梧区", "青梧智造产业园"]


@pytest.mark.parametrize("focus", ["", "  "])
def test_an_empty_focus_is_a_usage_error(tmp_path, focus):
    graph = tmp_path / "district.ttl"
    invented_rdf().serialize(destination=str(graph), format="turtle")
    page = tmp_path / "v.html"
    r = subprocess.run([sys.executable, "-m", "kg", "view", str(graph), "--focus", focus, "--out", str(page)],
                       capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.startswith("kg view: error: --focus") and len(r.stderr.splitlines()) == 1, r.stderr
    assert not page.exists()


def test_a_big_graph_is_cut_to_its_best_connected_entities(tmp_path):
    g = random_graph(300, seed=5)
    shown = write_view(g, tmp_path / "v.html", max_nodes=100)
    assert shown.number_of_nodes() == 100
    least_shown = min(g.degree(n) for n in shown)
    assert all(g.degree(n) <= least_shown for n in set(g) - set(shown))
    assert "(best connected 100 of 300)" in (tmp_path / "v.html").read_text(encoding="utf-8")
