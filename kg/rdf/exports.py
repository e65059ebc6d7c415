"""The files ``kg build --out DIR`` writes, each byte-identical for the same input.

They are written from a pyoxigraph store (the build's, or one filled from a
knowledge base by ``kg.rdf.dataset.memory_store``) as streams, so a large graph
is never held in Python: TriG is the store's dataset as it is; Turtle,
N-Triples and JSON-LD are its default graph, the merged graph; the CSV files and GraphML are the entity
graph of ``kg.graphview``, and the facts in time (events, posts, milestones, figures: ``kg.rdf.timeline``). The order is the store's index order, fixed for the
same content. JSON-LD is in expanded form (one object per node).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pyoxigraph

from kg.errors import UsageError
from kg.graphview import from_store
from kg.rdf.dataset import entity_iri
from kg.rdf.timeline import timeline_csvs
from kg.rdf.vocab import PREFIXES

_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}
_GRAPH_FORMATS = {"ttl": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
                  "jsonld": pyoxigraph.RdfFormat.JSON_LD}

#: --formats name -> file names it writes
FILES = {
    "ttl": ("graph.ttl",), "nt": ("graph.nt",), "jsonld": ("graph.jsonld",), "trig": ("graph.trig",),
    "graphml": ("graph.graphml",),
    "csv": ("entities.csv", "relations.csv", "events.csv", "posts.csv", "milestones.csv", "figures.csv"),
}


def parse_formats(value: str) -> list[str]:
    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = sorted(set(formats) - set(FILES))
    if unknown or not formats:
        raise UsageError(f"--formats: unknown format {', '.join(unknown) or '(none)'}; "
                         f"choose from {','.join(FILES)}")
    return formats


def write_exports(store: pyoxigraph.Store, out: Path, formats: list[str],
                  entity_graph: nx.MultiDiGraph | None = None) -> list[str]:
    """Write the requested exports of the graph in ``store`` into ``out``; returns the file names
    written. ``entity_graph``: the store's ``kg.graphview`` graph, if the caller has read it already."""
    for fmt in formats:
        if fmt in DUMPS:
            dump(store, out, fmt)
    if {"csv", "graphml"} & set(formats):
        g = entity_graph if entity_graph is not None else from_store(store, evidence_limit=1)
        if "csv" in formats:
            (out / "entities.csv").write_text(_entities_csv(g), encoding="utf-8")
            (out / "relations.csv").write_text(_relations_csv(g), encoding="utf-8")
            for name, text in timeline_csvs(store).items():
                (out / name).write_text(text, encoding="utf-8")
        if "graphml" in formats:
            (out / "graph.graphml").write_text(_graphml(g), encoding="utf-8")
    return [name for fmt in formats for name in FILES[fmt]]


#: The formats that are the store's quads as they are, written by pyoxigraph.
DUMPS = ("trig", *_GRAPH_FORMATS)


def dump(store: pyoxigraph.Store, out: Path, fmt: str) -> None:
    """Write the export ``fmt`` of ``DUMPS`` (TriG: the dataset; the others: the default graph)."""
    if fmt == "trig":
        store.dump(out / "graph.trig", pyoxigraph.RdfFormat.TRIG, prefixes=_PREFIXES)
    else:
        store.dump(out / FILES[fmt][0], _GRAPH_FORMATS[fmt], from_graph=pyoxigraph.DefaultGraph(),
                   prefixes=_PREFIXES if fmt != "nt" else None)


def dump_database(database: str, out: str, fmt: str) -> None:
    """``dump`` from the database directory ``database``, opened read-only: in another process
    while the one that wrote it has it open (kg.parallel.in_background)."""
    dump(pyoxigraph.Store.read_only(database), Path(out), fmt)


#: Starts every CSV file: the UTF-8 byte order mark is how Excel knows the file is UTF-8
#: (without it, it reads Chinese as the system's code page); Python reads it with utf-8-sig.
CSV_BOM = "\ufeff"


def _csv(rows: list[list[object]]) -> str:
    buf = io.StringIO()
    buf.write(CSV_BOM)
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _entities_csv(g: nx.MultiDiGraph) -> str:
    rows = [["id", "iri", "type", "label", "aliases", "mentions", "documents"]]
    for node, d in sorted(g.nodes(data=True)):
        rows.append([node, entity_iri(node).value, d["type"], d["label"], "|".join(d["aliases"]),
                     d["mentions"], "|".join(d["documents"])])
    return _csv(rows)


def _relations_csv(g: nx.MultiDiGraph) -> str:
    """One row per fact and per post: who, what, whom, and where it is stated."""
    def label(node: str | None) -> str:
        return g.nodes[node]["label"] if node in g else ""

    def first(evidence: list[dict]) -> str:
        return evidence[0]["text"] if evidence else ""

    rows = []
    for s, o, d in g.edges(data=True):
        if d["relation"] != "holds_post":
            rows.append([s, label(s), d["relation"], o, label(o), "", "|".join(d["documents"]), first(d["evidence"])])
    for person, d in g.nodes(data=True):
        for p in d["posts"]:
            rows.append([person, d["label"], "holds_post", p["body_id"] or "", label(p["body_id"]), p["title"],
                         "|".join(p["documents"]), first(p["evidence"])])
    rows.sort(key=lambda r: [str(c) for c in r])
    header = ["subject", "subject_label", "relation", "object", "object_label", "title", "documents", "evidence"]
    return _csv([header] + rows)


def _graphml(g: nx.MultiDiGraph) -> str:
    """Entities as nodes; facts and posts-in-a-body as edges (for Gephi, Cytoscape)."""
    out = nx.MultiDiGraph()
    for node, d in sorted(g.nodes(data=True)):
        out.add_node(node, label=d["label"], type=d["type"], iri=entity_iri(node).value,
                     posts="、".join(sorted({p["title"] for p in d["posts"]})))
    for s, o, key, d in sorted(g.edges(keys=True, data=True), key=lambda e: e[:3]):
        out.add_edge(s, o, key=key, relation=d["relation"], title=d.get("title", ""))
    buf = io.BytesIO()
    nx.write_graphml(out, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")
