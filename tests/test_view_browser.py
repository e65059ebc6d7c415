"""The HTML view in a real headless Chromium, driven over the DevTools protocol.

Needs Debian's ``chromium`` and ``fonts-noto-cjk`` (installed by .ci/run); the page is
opened from file:// with the network cut off, so anything it tried to fetch would fail.
The corpus tests build the graph of the 250 shared news texts once (about half a minute).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

from kg.rdf.entity_graph import links, read_graph
from kg.server.graph_page import TYPE_STYLE
from kg.view import write_view
from tests.conftest import (
    CHROMIUM,
    XSS_NAME,
    XSS_SENTENCE,
    Browser,
    invented_graph,
    random_graph,
    screenshot_dir,
)
from tests.conftest import CORPUS_DOCS as SHARED_CORPUS_DOCS

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")  # .ci/run installs it


@pytest.fixture
def browser(tmp_path):
    b = Browser(tmp_path / "profile")
    yield b
    b.close()


READY = "document.getElementById('kg-status').dataset.ready === '1'"
DRAWN = "kgView.nodes.get({filter: n => !n.hidden}).map(n => n.id).sort()"
#: Each drawn entity as the user sees it at the opening zoom: its label, the label's size on
#: screen, and where it is in the network's box.
ON_SCREEN = """(() => {
  const net = kgView.network, scale = net.getScale(), box = document.getElementById('kg-network').getBoundingClientRect();
  return kgView.nodes.get({filter: n => !n.hidden}).map(n => {
    const p = net.canvasToDOM(net.getPosition(n.id)), s = net.body.nodes[n.id].labelModule.size;
    return {id: n.id, label: n.label, px: net.body.nodes[n.id].options.font.size * scale,
            inside: p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height,
            box: [s.left, s.top, s.left + s.width, s.top + s.height]};
  });
})()"""
#: Chinese drawn on a canvas in the labels' font: each character's pixels, and those of a
#: private-use character no font has (drawn as the missing-glyph box, "tofu").
GLYPHS = """((text) => {
  const face = kgView.network.body.nodes[kgView.nodes.getIds()[0]].options.font.face;
  const c = document.createElement('canvas'); c.width = c.height = 48;
  const ctx = c.getContext('2d', {willReadFrequently: true});
  function pixels(ch) {
    ctx.clearRect(0, 0, 48, 48); ctx.font = '32px ' + face; ctx.fillStyle = '#000'; ctx.fillText(ch, 4, 38);
    return Array.from(ctx.getImageData(0, 0, 48, 48).data.filter((_, i) => i % 4 === 3));
  }
  const tofu = pixels('\\u{F0001}');
  return {face, tofu: tofu.join(), glyphs: [...text].map(ch => pixels(ch).join()),
          ink: [...text].map(ch => pixels(ch).filter(a => a > 0).length)};
})"""


def overlapping_labels(shown: list[dict]) -> int:
    """How many of the drawn labels overlap another one."""
    def meet(a, b):
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    return sum(any(meet(s["box"], t["box"]) for t in shown if t is not s) for s in shown)


def assert_glyphs_are_not_tofu(browser, text: str) -> None:
    found = browser.evaluate(f"{GLYPHS}({json.dumps(text)})")
    assert '"Noto Sans CJK SC"' in found["face"]
    assert all(ink > 20 for ink in found["ink"]), found["ink"]  # something is drawn
    assert found["tofu"] not in found["glyphs"]  # none is the missing-glyph box
    assert len(set(found["glyphs"])) == len(set(text))  # distinct characters, distinct glyphs


def open_view(browser, page: Path, timeout: float = 120) -> None:
    browser.open(page)
    browser.wait_for(READY, timeout=timeout)


def test_page_draws_every_node_offline_and_escapes_document_text(browser, tmp_path):
    g = invented_graph()
    page = tmp_path / "view.html"
    write_view(g, page)
    open_view(browser, page)

    # Drawn: every linked entity; the unlinked one (雾岭镇) comes by search.
    linked = sorted(n for n in g if g.degree(n) > 0)
    assert len(linked) == g.number_of_nodes() - 1
    assert browser.evaluate("Object.keys(kgView.network.getPositions()).sort()") == linked
    # one edge per pair: 柯望舒's post 区长 and nothing else links them
    assert browser.evaluate("kgView.edges.get({filter: e => !e.hidden}).length") == len(set(g.edges()))
    assert browser.evaluate("document.getElementById('kg-status').dataset.nodes") == str(len(linked))
    assert browser.evaluate("document.querySelectorAll('#kg-legend input').length") == \
        len({t for _, t in g.nodes(data="type")})

    # Hover the node named like an HTML tag: its tooltip shows the name as text, creates no element.
    xss = next(n for n, d in g.nodes(data=True) if d["label"] == XSS_NAME)
    x, y = browser.node_on_screen(xss)
    browser.hover(x - 3, y)
    browser.hover(x, y)
    browser.wait_for("(() => { const t = document.querySelector('div.vis-tooltip');"
                     " return t && t.style.visibility !== 'hidden' && t.textContent.length > 0; })()", timeout=20)
    tip = browser.evaluate("document.querySelector('div.vis-tooltip').textContent")
    assert XSS_NAME in tip and XSS_SENTENCE in tip
    assert browser.evaluate("document.querySelectorAll('img, b, i, script[src]').length") == 0
    assert_glyphs_are_not_tofu(browser, "柯望舒青梧区")
    browser.screenshot(screenshot_dir(tmp_path) / "invented-graph.png")

    lone = next(n for n in g if g.degree(n) == 0)
    browser.type_text("#kg-query", "雾岭")
    browser.press_enter()
    assert browser.evaluate("kgView.network.getSelectedNodes()") == [lone]
    positions = browser.evaluate("kgView.network.getPositions()")
    assert len(positions) == g.number_of_nodes()
    assert positions[lone]["x"] > max(positions[n]["x"] for n in linked)  # beside the drawing, not on it
    assert browser.problems() == []


def test_type_filter_and_search(browser, tmp_path):
    g = invented_graph()
    page = tmp_path / "view.html"
    write_view(g, page)
    open_view(browser, page)
    persons = sum(1 for _, t in g.nodes(data="type") if t == "Person")
    drawn = sum(1 for n in g if g.degree(n) > 0)

    browser.evaluate("document.querySelector('#kg-legend input[data-type=Person]').click()")
    assert int(browser.evaluate("document.getElementById('kg-status').dataset.nodes")) == drawn - persons
    assert browser.evaluate("kgView.nodes.get({filter: n => n.hidden}).length") == persons

    # Searching a person's alias lists that person, brings persons back and selects that person.
    alias, node = next((d["aliases"][0], n) for n, d in g.nodes(data=True)
                       if d["type"] == "Person" and d["aliases"] and d["label"] != XSS_NAME)
    browser.type_text("#kg-query", alias)
    candidates = browser.evaluate("[...document.querySelectorAll('#kg-candidates li')].map(li => li.dataset.id)")
    assert candidates == [node]
    browser.press_enter()
    assert browser.evaluate("kgView.network.getSelectedNodes()") == [node]
    assert browser.evaluate("kgView.nodes.get({filter: n => n.hidden}).length") == 0
    assert g.nodes[node]["label"] in browser.evaluate("document.getElementById('kg-detail').textContent")

    # A part of several names lists them all (exact, then prefix, then part; best connected first);
    # the arrow keys move through the list and Enter takes the one chosen.
    browser.evaluate("document.getElementById('kg-query').value = ''")
    browser.type_text("#kg-query", "青梧")
    listed = browser.evaluate("[...document.querySelectorAll('#kg-candidates li')].map(li => li.dataset.id)")
    expected = sorted((n for n, d in g.nodes(data=True) if "青梧" in d["label"] or any("青梧" in a for a in d["aliases"])),
                      key=lambda n: (-len({*nx.all_neighbors(g, n)}), g.nodes[n]["label"]))
    assert listed == expected and len(listed) > 2
    browser.press("ArrowDown", 40)
    browser.press("ArrowDown", 40)
    browser.press_enter()
    assert browser.evaluate("kgView.network.getSelectedNodes()") == [listed[2]]
    assert browser.problems() == []


def test_two_thousand_entities_open_on_a_legible_few_and_settle(browser, tmp_path):
    g = random_graph(2000, seed=3)
    page = tmp_path / "big.html"
    write_view(g, page)
    open_view(browser, page, timeout=300)
    shown = browser.evaluate(ON_SCREEN)
    assert 0 < len(shown) <= 300
    assert all(s["px"] >= 12 and s["inside"] for s in shown)
    assert overlapping_labels(shown) <= len(shown) // 20
    assert browser.evaluate("document.getElementById('kg-status').textContent").startswith(f"{len(shown)} / 2000 ")
    # Physics is off once settled: positions no longer change.
    before = browser.evaluate("JSON.stringify(kgView.network.getPositions())")
    time.sleep(1)
    assert browser.evaluate("JSON.stringify(kgView.network.getPositions())") == before
    browser.screenshot(screenshot_dir(tmp_path) / "random-2000.png")
    assert browser.problems() == []


def test_focus_view_draws_the_neighbourhood_only(browser, tmp_path):
    g = invented_graph()
    person = next(n for n, d in g.nodes(data=True) if d["type"] == "Person" and d["posts"])
    page = tmp_path / "focus.html"
    shown = write_view(g, page, focus=g.nodes[person]["label"], depth=1)
    expected = {person} | set(nx.all_neighbors(g, person))
    assert set(shown.nodes) == expected
    open_view(browser, page)
    assert browser.evaluate("Object.keys(kgView.network.getPositions()).sort()") == sorted(expected)
    assert browser.evaluate("kgView.network.getSelectedNodes()") == [person]  # the focus starts selected
    assert browser.evaluate("document.getElementById('kg-detail').textContent").startswith(g.nodes[person]["label"])
    assert browser.problems() == []


def test_a_graph_without_links_shows_its_entities(browser, tmp_path):
    g = invented_graph()
    g.remove_edges_from(list(g.edges()))
    page = tmp_path / "lonely.html"
    write_view(g, page)
    open_view(browser, page)
    assert sorted(browser.evaluate("Object.keys(kgView.network.getPositions())")) == sorted(g.nodes)
    assert browser.problems() == []


#: The 250 real news texts of the shared corpus, beside the repository (KG_CORPUS_DOCS overrides
#: the place). Their text is never copied into the repository; the tests only build a graph of them.
CORPUS_DOCS = Path(os.environ.get("KG_CORPUS_DOCS", SHARED_CORPUS_DOCS))


@pytest.fixture(scope="module")
def corpus_graph(tmp_path_factory) -> Path:
    """graph.ttl of the whole corpus, built once with `kg build`."""
    if not CORPUS_DOCS.is_dir():
        pytest.skip(f"the corpus is not in {CORPUS_DOCS} (set KG_CORPUS_DOCS)")
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, "-m", "kg", "build", str(CORPUS_DOCS), "-q", "--formats", "ttl",
                    "--out", str(out)], check=True, capture_output=True)
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def corpus_page(corpus_graph, tmp_path_factory) -> tuple[Path, nx.MultiDiGraph]:
    page = tmp_path_factory.mktemp("corpus-view") / "graph.html"
    write_view(corpus_graph, page)
    return page, read_graph(corpus_graph)


def test_the_corpus_opens_legible_and_grows_by_search_and_click(browser, tmp_path, corpus_page):
    page, g = corpus_page
    u = links(g)
    open_view(browser, page)
    shown = browser.evaluate(ON_SCREEN)
    # At most 300 entities at first, every one labelled with its name, legible and in view.
    assert 50 <= len(shown) <= 300 < g.number_of_nodes()
    assert all(s["label"] == g.nodes[s["id"]]["label"] for s in shown)
    assert min(s["px"] for s in shown) >= 12
    assert all(s["inside"] for s in shown)
    assert overlapping_labels(shown) <= len(shown) // 20
    assert_glyphs_are_not_tofu(browser, "".join(dict.fromkeys("".join(s["label"] for s in shown[:5]))))
    browser.screenshot(screenshot_dir(tmp_path) / "corpus-opening.png")
    # the page carries the whole graph, for search and expansion
    assert browser.evaluate("JSON.parse(document.getElementById('kg-data').textContent).nodes.length") == \
        g.number_of_nodes()

    # Zoom buttons zoom; "fit" brings everything drawn back in view, legible.
    scale = browser.evaluate("kgView.network.getScale()")
    browser.evaluate("document.getElementById('kg-zoom-in').click()")
    browser.wait_for(f"kgView.network.getScale() > {scale * 1.35}", timeout=20)
    browser.evaluate("document.getElementById('kg-zoom-out').click()")
    browser.wait_for(f"kgView.network.getScale() < {scale * 1.05}", timeout=20)
    drawn = set(browser.evaluate("kgView.nodes.getIds()"))

    # Search: a part of a name lists candidates (labels or aliases containing it, best connected
    # first); Enter takes the first, draws it with its neighbours, and fades everything else.
    target = max((n for n in u if n not in drawn and u.degree(n) >= 2), key=lambda n: (u.degree(n), n))
    name = g.nodes[target]["label"]
    browser.type_text("#kg-query", name)
    listed = browser.evaluate("[...document.querySelectorAll('#kg-candidates li')].map(li => li.dataset.id)")
    assert listed[0] == target and 1 <= len(listed) <= 12
    assert all(name in g.nodes[n]["label"] or any(name in a for a in g.nodes[n]["aliases"]) for n in listed)
    browser.press_enter()
    assert browser.evaluate("kgView.network.getSelectedNodes()") == [target]
    near = set(u[target])
    assert near <= set(browser.evaluate("kgView.nodes.getIds()"))
    colours = browser.evaluate("Object.fromEntries(kgView.nodes.get().map(n => [n.id, n.color.background]))")
    faded = {n for n, c in colours.items() if c == "#e4e4e4"}
    assert faded == set(colours) - near - {target}
    browser.screenshot(screenshot_dir(tmp_path) / "corpus-search.png")

    # Click an entity with undrawn neighbours: they are drawn.
    browser.evaluate("document.getElementById('kg-fit').click()")
    refitted = browser.evaluate(ON_SCREEN)
    assert len(refitted) > len(shown) and all(s["px"] >= 12 and s["inside"] for s in refitted)
    assert overlapping_labels(refitted) <= len(refitted) // 10
    drawn = set(browser.evaluate("kgView.nodes.getIds()"))
    more = next(n for n in sorted(drawn, key=lambda n: -u.degree(n)) if set(u[n]) - drawn)
    browser.click(*browser.node_on_screen(more))
    browser.wait_for(f"kgView.network.getSelectedNodes()[0] === {json.dumps(more)}", timeout=20)
    after = set(browser.evaluate("kgView.nodes.getIds()"))
    assert set(u[more]) <= after and after - drawn == set(u[more]) - drawn
    assert browser.problems() == []


def test_the_corpus_filters_and_colours(browser, tmp_path, corpus_page):
    page, g = corpus_page
    open_view(browser, page)
    edges = browser.evaluate("kgView.edges.get().map(e => [e.relations, e.hidden])")
    assert not any(hidden for _, hidden in edges)
    browser.evaluate("document.querySelector('#kg-relations input[data-relation=jurisdiction]').click()")
    edges = browser.evaluate("kgView.edges.get().map(e => [e.relations, e.hidden])")
    assert [hidden for _, hidden in edges] == [relations == ["jurisdiction"] for relations, _ in edges]
    assert any(hidden for _, hidden in edges)

    degrees = browser.evaluate("kgView.nodes.get().map(n => n.degree)")
    browser.evaluate("const box = document.getElementById('kg-min-degree'); box.value = '3';"
                     " box.dispatchEvent(new Event('input'))")
    assert browser.evaluate(DRAWN) == sorted(browser.evaluate("kgView.nodes.get({filter: n => n.degree >= 3}).map(n => n.id)"))
    assert 0 < int(browser.evaluate("document.getElementById('kg-status').dataset.nodes")) == \
        sum(d >= 3 for d in degrees) < len(degrees)

    # Colour by community: the palette by community number; by type: the legend's colours.
    browser.evaluate("document.querySelector('input[name=kg-colour][value=community]').click()")
    palette = browser.evaluate("JSON.parse(document.getElementById('kg-data').textContent).communityColours")
    nodes = browser.evaluate("kgView.nodes.get().map(n => [n.community, n.color.background])")
    assert all(colour == palette[c % len(palette)] for c, colour in nodes if c >= 0)
    assert len({colour for _, colour in nodes}) > 1
    assert browser.evaluate("document.getElementById('kg-community-legend').hidden") is False
    browser.screenshot(screenshot_dir(tmp_path) / "corpus-communities.png")
    browser.evaluate("document.querySelector('input[name=kg-colour][value=type]').click()")
    by_type = {t: c for t, (c, _, _) in TYPE_STYLE.items()}
    nodes = browser.evaluate("kgView.nodes.get().map(n => [n.kgType, n.color.background])")
    assert all(colour == by_type[t] for t, colour in nodes)
    assert browser.problems() == []
