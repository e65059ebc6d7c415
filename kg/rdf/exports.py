"""The files ``kg build --out DIR`` writes, each byte-identical for the same input.

They are written from a pyoxigraph store (the build's, or one filled from a
knowledge base by ``kg.rdf.dataset.memory_store``) as streams, so a large graph
is never held in Python: TriG is the store's dataset as it is; Turtle,
N-Triples and JSON-LD are its default graph, the merged graph, all four made of
parts serialized per subject and per named graph (``kg.rdf.dumps``); the CSV files and GraphML are the entity
graph of ``kg.rdf.entity_graph``, and the facts in time (events, posts, milestones, figures: ``kg.rdf.timeline``). The order is that of the subjects' and graphs' IRIs, and within one the store's
index order, fixed for the same content. JSON-LD is in expanded form (one object per node).
"""
from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import networkx as nx
import pyoxigraph

from kg.errors import UsageError
from kg.rdf.entity_graph import from_store
from kg.rdf.dataset import entity_iri
from kg.rdf.dumps import DUMP_FILES, write_dumps
from kg.rdf.timeline import timeline_csvs
from kg.rdf.vocab import PREFIXES

_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}
#: What an exporter writes with: the store, the output directory, and the store's entity graph
#: (``kg.rdf.entity_graph``), read on first use and shared by the exporters of one build.
EntityGraph = Callable[[], nx.MultiDiGraph]


@dataclass(frozen=True)
class Exporter:
    files: tuple[str, ...]  # the file names it writes into the output directory
    write: Callable[[pyoxigraph.Store, Path, EntityGraph], None]
    #: a dump of the store's quads as they are (``kg.rdf.dumps``): needs no entity graph, so another
    #: process may write it from the store's parts (``write_dumps``)
    store_dump: bool = False


def _dump_exporter(fmt: str) -> Exporter:
    """The store's dataset (TriG), or its default graph, the merged graph, in one RDF format
    (``kg.rdf.dumps``: here from parts made in memory; ``kg build`` keeps them in its store)."""
    def write(store: pyoxigraph.Store, out: Path, entity_graph: EntityGraph) -> None:
        write_dumps(None, None, store, out, [fmt])

    return Exporter((DUMP_FILES[fmt],), write, store_dump=True)


def _write_csv(store: pyoxigraph.Store, out: Path, entity_graph: EntityGraph) -> None:
    g = entity_graph()
    (out / "entities.csv").write_text(_entities_csv(g), encoding="utf-8")
    (out / "relations.csv").write_text(_relations_csv(g), encoding="utf-8")
    for name, text in timeline_csvs(store).items():
        (out / name).write_text(text, encoding="utf-8")


def _write_graphml(store: pyoxigraph.Store, out: Path, entity_graph: EntityGraph) -> None:
    (out / "graph.graphml").write_text(_graphml(entity_graph()), encoding="utf-8")


#: ``--formats NAME`` -> its exporter, in the default order. A new export is one function and one line here.
EXPORTERS: dict[str, Exporter] = {
    "ttl": _dump_exporter("ttl"),
    "nt": _dump_exporter("nt"),
    "jsonld": _dump_exporter("jsonld"),
    "trig": _dump_exporter("trig"),
    "graphml": Exporter(("graph.graphml",), _write_graphml),
    "csv": Exporter(("entities.csv", "relations.csv", "events.csv", "posts.csv", "milestones.csv", "figures.csv"),
                    _write_csv),
}
#: --formats name -> file names it writes
FILES = {name: exporter.files for name, exporter in EXPORTERS.items()}
#: The formats that are the store's quads as they are (``kg.rdf.dumps``).
DUMPS = tuple(name for name, exporter in EXPORTERS.items() if exporter.store_dump)


def parse_formats(value: str) -> list[str]:
    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = sorted(set(formats) - set(EXPORTERS))
    if unknown or not formats:
        raise UsageError(f"--formats: unknown format {', '.join(unknown) or '(none)'}; "
                         f"choose from {','.join(EXPORTERS)}")
    return formats


def write_exports(store: pyoxigraph.Store, out: Path, formats: list[str],
                  entity_graph: nx.MultiDiGraph | None = None) -> list[str]:
    """Write the requested exports of the graph in ``store`` into ``out``; returns the file names
    written. ``entity_graph``: the store's ``kg.rdf.entity_graph`` graph, if the caller has read it already."""
    read: list[nx.MultiDiGraph] = [] if entity_graph is None else [entity_graph]

    def shared_entity_graph() -> nx.MultiDiGraph:
        if not read:
            read.append(from_store(store, evidence_limit=1))
        return read[0]

    unique = list(dict.fromkeys(formats))  # a format named twice is written once
    dumps = [fmt for fmt in unique if fmt in DUMPS]
    if dumps:  # from one set of parts
        write_dumps(None, None, store, out, dumps)
    for fmt in unique:
        if fmt not in DUMPS:
            EXPORTERS[fmt].write(store, out, shared_entity_graph)
    return [name for fmt in formats for name in FILES[fmt]]


#: Starts every CSV file: the UTF-8 byte order mark is how Excel knows the file is UTF-8
#: (without it, it reads Chinese as the system's code page); Python reads it with utf-8-sig.
CSV_BOM = "\ufeff"


def _csv(rows: list[list[object]]) -> str:
    buf = io.StringIO()
    buf.write(CSV_BOM)
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


ENTITY_HEADER = ["id", "iri", "type", "label", "aliases", "mentions", "documents"]
RELATION_HEADER = ["subject", "subject_label", "relation", "object", "object_label", "title", "documents", "evidence"]


def _entities_csv(g: nx.MultiDiGraph) -> str:
    return _csv([ENTITY_HEADER] + [row for _, row in entity_rows(g, sorted(g))])


def entity_rows(g: nx.MultiDiGraph, nodes: list[str]) -> Iterator[tuple[str, list[object]]]:
    """The rows of entities.csv of ``nodes`` (sorted), each with its node."""
    for node in nodes:
        d = g.nodes[node]
        yield node, [node, entity_iri(node).value, d["type"], d["label"], "|".join(d["aliases"]), d["mentions"],
                     "|".join(d["documents"])]


def _relations_csv(g: nx.MultiDiGraph) -> str:
    return _csv([RELATION_HEADER] + relation_rows(g, list(g)))


def relation_rows(g: nx.MultiDiGraph, nodes: list[str]) -> list[list[object]]:
    """One row per fact and per post ``nodes`` head: who, what, whom, and where it is stated; sorted."""
    def label(node: str | None) -> str:
        return g.nodes[node]["label"] if node in g else ""

    def first(evidence: list[dict]) -> str:
        return evidence[0]["text"] if evidence else ""

    rows = []
    for s, o, d in g.out_edges(nodes, data=True):
        if d["relation"] != "holds_post":
            rows.append([s, label(s), d["relation"], o, label(o), "", "|".join(d["documents"]), first(d["evidence"])])
    for person in nodes:
        d = g.nodes[person]
        for p in d["posts"]:
            rows.append([person, d["label"], "holds_post", p["body_id"] or "", label(p["body_id"]), p["title"],
                         "|".join(p["documents"]), first(p["evidence"])])
    rows.sort(key=lambda r: [str(c) for c in r])
    return rows


def _graphml(g: nx.MultiDiGraph) -> str:
    """Entities as nodes; facts and posts-in-a-body as edges (for Gephi, Cytoscape)."""
    node_elements, edge_elements = graphml_elements(g, sorted(g))
    head, tail = graphml_frame(bool(node_elements), bool(edge_elements))
    return b"".join([head, *(e for _, e in node_elements), *(e for _, e in edge_elements), tail]).decode("utf-8")


def graphml_elements(g: nx.MultiDiGraph, nodes: list[str]) -> tuple[list[tuple[str, bytes]],
                                                                        list[tuple[tuple, bytes]]]:
    """The GraphML elements of ``nodes`` (sorted) and of the edges they head, as networkx writes
    them, each with its node or (head, tail, key)."""
    out = nx.MultiDiGraph()
    edges = sorted(((s, o, key, d) for s, o, key, d in g.out_edges(nodes, keys=True, data=True)),
                   key=lambda e: e[:3])
    # the heads first, then the tails (whose elements are not kept): each with its attributes, so that
    # networkx numbers the attributes' keys as it does for the whole graph
    for node in [*nodes, *sorted({o for _, o, _, _ in edges} - set(nodes))]:
        d = g.nodes[node]
        out.add_node(node, label=d["label"], type=d["type"], iri=entity_iri(node).value,
                     posts="、".join(sorted({p["title"] for p in d["posts"]})))
    for s, o, key, d in edges:
        out.add_edge(s, o, key=key, relation=d["relation"], title=d.get("title", ""))
    elements = _graphml_body(out)
    return (list(zip(nodes, elements[:len(nodes)])),
            list(zip((e[:3] for e in edges), elements[len(out):])))


_GRAPH_OPEN, _GRAPH_CLOSE = b'  <graph edgedefault="directed">\n', b"  </graph>\n"


def _graphml_text(g: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8")
    return buf.getvalue()


def _graphml_body(g: nx.MultiDiGraph) -> list[bytes]:
    """The node elements then the edge elements networkx writes for ``g``, one string each
    (an element starts a line; text inside escapes ``<``)."""
    text = _graphml_text(g)
    if not len(g):
        return []
    body = text[text.index(_GRAPH_OPEN) + len(_GRAPH_OPEN):text.rindex(_GRAPH_CLOSE)]
    return [b"    <" + e for e in re.split(rb"^    <(?=node |edge )", body, flags=re.M) if e]


@functools.cache
def graphml_frame(nodes: bool, edges: bool) -> tuple[bytes, bytes]:
    """What a GraphML file of these exports has before its elements and after them."""
    if not nodes:
        return _graphml_text(nx.MultiDiGraph()), b""
    g = nx.MultiDiGraph()
    g.add_node("n", label="", type="", iri="", posts="")
    if edges:
        g.add_edge("n", "n", key="k", relation="", title="")
    text = _graphml_text(g)
    return text[:text.index(_GRAPH_OPEN) + len(_GRAPH_OPEN)], text[text.rindex(_GRAPH_CLOSE):]
