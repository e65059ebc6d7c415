"""The HTML page that draws an entity graph (pyvis / vis-network): ``kg view`` writes it to a
file (kg.view), ``kg serve`` draws an entity's neighbourhood with it (kg.server.pages).

``render`` turns the entity graph (see ``kg.rdf.entity_graph``) into one
self-contained page: vis-network's JavaScript and CSS (shipped inside the
pyvis package) are inlined, so the page works from ``file://`` with no
network.  The page carries every entity and link of the chosen part, but draws
at first only the few hundred a screen shows legibly (``opening_nodes``); the
rest comes by search and by clicking an entity (its neighbours are drawn).
Document text is untrusted: it reaches the page only as JSON inside
a script (``tojson`` escapes ``<``, ``>``, ``&`` and ``'``), and the page puts
it on screen with ``textContent`` or on the canvas, never as HTML.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import jinja2
import networkx as nx
import pyvis
from networkx.algorithms import community

from kg.rdf.entity_graph import LOUVAIN_SEED, MAX_EVIDENCE, links, snippet

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
MAX_SENTENCE = 160
#: Entities a page draws when it opens: the page carries the whole graph, but more than this
#: many labels do not fit a screen legibly; the rest comes by search and by clicking (expansion).
START_NODES = 300
#: Neighbours one click adds at most (the best connected first): a hub must not flood the page.
MAX_EXPAND = 60
#: Font families of every label, canvas included: the CJK ones first, so that Chinese is drawn
#: with a CJK font wherever one of them is installed (Linux, macOS, Windows), never as boxes.
FONT_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC",
                 "Microsoft YaHei", "sans-serif")
FONT = ", ".join(f'"{f}"' if " " in f else f for f in FONT_FAMILIES)
#: Community colours (Tableau 10 without the greys), largest community first, then round again;
#: entities in no community (linked to nothing) are grey.
COMMUNITY_COLOURS = ("#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1",
                     "#FF9DA7", "#9C755F")
NO_COMMUNITY_COLOUR = "#BAB0AC"

_VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("kg", "templates"),
    autoescape=True, trim_blocks=True, lstrip_blocks=True)
# Chinese stays readable (and half the size) in the page's JSON; tojson still escapes < > & '.
_TEMPLATES.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}


def opening_nodes(g: nx.MultiDiGraph, limit: int = START_NODES, focus: str | None = None) -> list[str]:
    """The at most ``limit`` entities a page may draw first, in the order it draws them: whole
    connected pieces, so that what opens has its links; the focus's piece first, then the
    largest, each from its focus or best connected entity outwards (nearest, then best connected).
    Entities linked to nothing (but the focus) come only when nothing is linked."""
    u = links(g)
    any_links = u.number_of_edges() > 0

    def rank(n: str) -> tuple:
        return (-u.degree(n), g.nodes[n]["label"], n)

    pieces = []
    for piece in nx.connected_components(u):
        if any_links and len(piece) == 1 and focus not in piece:
            continue
        root = focus if focus in piece else min(piece, key=rank)
        pieces.append((focus not in piece, -len(piece), rank(root), root))
    ranked: list[str] = []
    for *_, root in sorted(pieces):
        if len(ranked) >= limit:
            break
        distance = nx.single_source_shortest_path_length(u, root)
        ranked.extend(sorted(distance, key=lambda n: (distance[n], rank(n))))
    return ranked[:max(limit, 0)]


def render(g: nx.MultiDiGraph, title: str, focus: str | None = None,
           opening: list[str] | None = None) -> str:
    """The HTML page of ``g``: all its entities and links, the ``opening`` ones drawn first
    (default: ``opening_nodes``); the node ``focus``, if given, starts selected with its details shown."""
    u = links(g)
    community_of = _communities(u)
    nodes = []
    for node, data in sorted(g.nodes(data=True)):
        nodes.append({"id": node, "label": data.get("label", node), "kgType": data.get("type"),
                      "degree": u.degree(node), "community": community_of.get(node, -1),
                      "aliases": sorted(data.get("aliases", ())),
                      "posts": [_post(p) for p in data.get("posts", ())],
                      "evidence": _evidence(data.get("evidence", ()))})
    edges = _merged_edges(g)
    types = Counter(t for _, t in g.nodes(data="type"))
    legend = [{"type": t, "name": TYPE_STYLE[t][2], "color": TYPE_STYLE[t][0], "shape": TYPE_STYLE[t][1],
               "count": types[t]} for t in TYPE_STYLE if types.get(t)]
    relations = Counter(r for e in edges for r in e["relations"])
    data = {"nodes": nodes, "edges": edges, "legend": legend,
            "relations": [{"relation": r, "name": RELATION_LABEL.get(r, r), "count": relations[r]}
                          for r in RELATION_LABEL if relations.get(r)],
            "communityColours": COMMUNITY_COLOURS, "noCommunityColour": NO_COMMUNITY_COLOUR,
            "opening": opening_nodes(g, focus=focus) if opening is None else opening, "focus": focus,
            "maxExpand": MAX_EXPAND, "options": _options()}
    return _TEMPLATES.get_template("graph_view.html").render(
        title=title, data=data, font=FONT,
        vis_js=(_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(_VIS_DIR / "vis-network.css").read_text(encoding="utf-8"))


def _communities(u: nx.Graph) -> dict[str, int]:
    """Each linked entity's Louvain community (as ``kg stats`` finds them), numbered largest first."""
    if not u.number_of_edges():
        return {}
    groups = community.louvain_communities(u, seed=LOUVAIN_SEED)
    groups = sorted((c for c in groups if len(c) > 1), key=lambda c: (-len(c), min(c)))
    return {n: i for i, c in enumerate(groups) for n in c}


def _merged_edges(g: nx.MultiDiGraph) -> list[dict]:
    """One edge per ordered pair of entities, whatever the facts between them: a person's post
    in a body is one edge labelled with the post titles (its 成员 member_of goes with it)."""
    pairs: dict[tuple[str, str], list[dict]] = {}
    for head, tail, _, data in sorted(g.edges(keys=True, data=True), key=lambda e: e[:3]):
        pairs.setdefault((head, tail), []).append(data)
    edges = []
    for (head, tail), facts in pairs.items():
        titles = list(dict.fromkeys(f["title"] for f in facts if f.get("title")))
        relations = list(dict.fromkeys(f.get("relation", "") for f in facts))
        label = "、".join(titles) if titles else "、".join(RELATION_LABEL.get(r, r) for r in relations)
        edges.append({"from": head, "to": tail, "label": label, "relations": relations,
                      "evidence": _evidence(ev for f in facts for ev in f.get("evidence", ()))})
    return edges


def _options() -> dict:
    """vis-network options: a force layout that settles within a bounded number of iterations
    (the page switches physics off once it has) on the few hundred entities drawn first."""
    return {
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -90, "centralGravity": 0.015,
                                 "springLength": 110, "springConstant": 0.06, "avoidOverlap": 0.8},
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 25, "fit": True},
            "minVelocity": 1.0,
        },
        "nodes": {"font": {"size": 14, "face": FONT, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"min": 8, "max": 30}},
        "edges": {"font": {"size": 11, "face": FONT, "color": "#555555", "strokeWidth": 2,
                           "align": "middle"},
                  "color": {"color": "#b0b0b0", "highlight": "#333333", "hover": "#333333"},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "smooth": {"enabled": True, "type": "continuous"},
                  "width": 1},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True,
                        "navigationButtons": False, "multiselect": False},
    }


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
