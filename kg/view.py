"""Interactive HTML views of the graph (pyvis / vis-network).

``write_view`` turns the entity graph (see ``kg.graphview``) into one
self-contained page: vis-network's JavaScript and CSS (shipped inside the
pyvis package) are inlined, so the page works from ``file://`` with no
network.  Document text is untrusted: it reaches the page only as JSON inside
a script (``tojson`` escapes ``<``, ``>``, ``&`` and ``'``), and the page puts
it on screen with ``textContent`` or on the canvas, never as HTML.
"""
from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import jinja2
import networkx as nx
import pyvis
from pyvis.network import Network

from kg import atomic
from kg.errors import KgError
from kg.graphview import as_networkx, find_entity, snippet

#: How each entity type is drawn: colour (Okabe-Ito, colour-blind safe), a vis-network
#: shape whose size follows the node's value, and its name in the legend.
TYPE_STYLE = {
    "Person": ("#E69F00", "dot", "人物"),
    "GovOrg": ("#0072B2", "square", "政府机构"),
    "Enterprise": ("#009E73", "diamond", "企业"),
    "Park": ("#CC79A7", "hexagon", "园区"),
    "Project": ("#D55E00", "star", "项目"),
    "Place": ("#56B4E9", "triangle", "地点"),
    "Organization": ("#7F7F7F", "triangleDown", "其他组织"),
}
#: Edge labels: the relation's name in Chinese (holds_post edges show the post title instead).
RELATION_LABEL = {
    "holds_post": "任职",
    "member_of": "成员",
    "located_in": "位于",
    "part_of": "隶属",
    "owns_project": "项目",
    "alias_of": "简称",
    "jurisdiction": "管辖",
    "within_division": "上级区划",
}
#: Evidence sentences per node or edge in a tooltip, and their length: enough to judge a fact,
#: small enough that a 2,000-node page stays a few megabytes.
MAX_EVIDENCE = 4
#: Sentences read per node or edge: twice what is shown, as repeats are dropped when shown.
READ_EVIDENCE = 2 * MAX_EVIDENCE
MAX_SENTENCE = 160
#: Entities one page draws at most: more is neither readable nor quick to lay out in a browser.
MAX_NODES = 2000

_VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("kg", "templates"),
    autoescape=True, trim_blocks=True, lstrip_blocks=True)
# Chinese stays readable (and half the size) in the page's JSON; tojson still escapes < > & '.
_TEMPLATES.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}


def write_view(graph, path: str | os.PathLike, focus: str | None = None, depth: int = 1,
               types: list[str] | None = None, title: str | None = None,
               max_nodes: int = MAX_NODES) -> nx.MultiDiGraph:
    """Write an HTML view of ``graph`` (an rdflib graph or the networkx graph of
    ``kg.graphview``) to ``path``; return the subgraph that was drawn.

    ``types`` keeps only those entity types; ``focus`` (a name or alias) keeps
    the entities within ``depth`` links of that entity. Past ``max_nodes``
    entities the best connected ones are drawn, and the title says so.
    """
    g = select(as_networkx(graph, evidence_limit=READ_EVIDENCE), focus, depth, types)
    center = g.graph["focus"]
    if title is None:
        title = f"{focus} · {depth} 度关系" if focus else "知识图谱"
    if g.number_of_nodes() > max_nodes:
        title += f" · 关系最多的 {max_nodes} 个实体 (best connected {max_nodes} of {g.number_of_nodes()})"
        g = nx.MultiDiGraph(g.subgraph(sorted(g, key=lambda n: (n != center, -g.degree(n), n))[:max_nodes]))
    atomic.write_text(path, render(g, title, center))
    return g


def select(g: nx.MultiDiGraph, focus: str | None = None, depth: int = 1,
           types: list[str] | None = None) -> nx.MultiDiGraph:
    """The part of ``g`` a view shows (see ``write_view``); its ``graph["focus"]`` is the
    focused node, or None."""
    if types:
        unknown = sorted(set(types) - set(TYPE_STYLE))
        if unknown:
            raise KgError(f"unknown type {', '.join(unknown)} (types: {', '.join(TYPE_STYLE)})")
        g = g.subgraph([n for n, t in g.nodes(data="type") if t in types])
    center = None
    if focus:
        if depth < 0:
            raise KgError(f"--depth must be 0 or more, got {depth}")
        center = find_entity(g, focus)
        near = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), center, cutoff=depth)
        g = g.subgraph(near)
    shown = nx.MultiDiGraph(g)
    shown.graph["focus"] = center
    return shown


def render(g: nx.MultiDiGraph, title: str, focus: str | None = None) -> str:
    """The HTML page of ``g``; the node ``focus``, if given, starts selected with its details shown."""
    net = Network(directed=True)  # builds the vis-network node and edge records; the page is our template
    degree = dict(g.degree())
    for node, data in sorted(g.nodes(data=True)):
        colour, shape, _ = TYPE_STYLE.get(data.get("type"), TYPE_STYLE["Organization"])
        net.add_node(node, label=data.get("label", node), shape=shape, color=colour,
                     value=degree[node] + 1, kgType=data.get("type"), linked=degree[node] > 0,
                     physics=degree[node] > 0,  # unlinked entities wait in a grid, out of the layout
                     aliases=sorted(data.get("aliases", ())),
                     posts=[_post(p) for p in data.get("posts", ())],
                     evidence=_evidence(data.get("evidence", ())))
    for head, tail, _, data in sorted(g.edges(keys=True, data=True), key=lambda e: e[:3]):
        relation = data.get("relation", "")
        label = data.get("title") or RELATION_LABEL.get(relation, relation)
        net.add_edge(head, tail, label=label, relation=relation,
                     evidence=_evidence(data.get("evidence", ())))
    counts = Counter(t for _, t in g.nodes(data="type"))
    legend = [{"type": t, "name": TYPE_STYLE[t][2], "color": TYPE_STYLE[t][0], "shape": TYPE_STYLE[t][1],
               "count": counts[t]} for t in TYPE_STYLE if counts.get(t)]
    # options are ours, not pyvis's set_options(), which strips the spaces out of font names
    data = {"nodes": net.nodes, "edges": net.edges, "options": _options(g.number_of_nodes()), "legend": legend,
            "relations": RELATION_LABEL, "focus": focus}
    return _TEMPLATES.get_template("graph_view.html").render(
        title=title, data=data,
        vis_js=(_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(_VIS_DIR / "vis-network.css").read_text(encoding="utf-8"))


def _options(n_nodes: int) -> dict:
    """vis-network options: a force layout that settles within a bounded number of
    iterations (the page switches physics off once it has), so 2,000 nodes open in seconds."""
    big = n_nodes > 300
    return {
        "layout": {"improvedLayout": not big, "randomSeed": 7},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -55, "centralGravity": 0.012,
                                 "springLength": 90, "springConstant": 0.06, "avoidOverlap": 0.6},
            "stabilization": {"enabled": True, "iterations": 120 if n_nodes > 1000 else 250 if big else 600,
                              "updateInterval": 25, "fit": True},
            "minVelocity": 1.0,
        },
        "nodes": {"font": {"size": 14, "face": _FONT, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"min": 8, "max": 36, "label": {"enabled": True, "min": 12, "max": 30,
                                                              "drawThreshold": 5}}},
        "edges": {"font": {"size": 12, "face": _FONT, "color": "#555555", "strokeWidth": 2,
                           "align": "middle"},
                  "color": {"color": "#b0b0b0", "highlight": "#333333", "hover": "#333333"},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "smooth": {"enabled": True, "type": "continuous" if big else "dynamic"},
                  "width": 1},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big,
                        "navigationButtons": False, "multiselect": False},
    }


_FONT = "WenQuanYi Micro Hei, Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"


def _post(post: dict) -> str:
    parts = [post.get("title") or "?"]
    if post.get("body"):
        parts.append("@ " + post["body"])
    if post.get("date"):
        parts.append(f"({post['date']})")
    return " ".join(parts)


def _evidence(items) -> list[dict]:
    out, seen = [], set()
    for ev in items:
        key = (ev.get("text"), ev.get("doc"))
        if key in seen:
            continue
        seen.add(key)
        out.append({"text": snippet(ev.get("text") or "", MAX_SENTENCE), "doc": ev.get("doc") or ""})
        if len(out) == MAX_EVIDENCE:
            break
    return out
