"""The files ``kg build --out DIR`` writes, each byte-identical for the same input.

pyoxigraph writes them (fast: rdflib's writers take minutes on a large
corpus) from triples and quads sorted here, so output order never depends on
hashing. JSON-LD is in expanded form (one object per node).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pyoxigraph

from kg import atomic
from kg.errors import UsageError
from kg.knowledge import KnowledgeBase
from kg.rdf.dataset import entity_iri, union_triples
from kg.rdf.vocab import PREFIXES

_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}

#: --formats name -> file names it writes
FILES = {
    "ttl": ("graph.ttl",), "nt": ("graph.nt",), "jsonld": ("graph.jsonld",), "trig": ("graph.trig",),
    "graphml": ("graph.graphml",), "csv": ("entities.csv", "relations.csv"),
}


def parse_formats(value: str) -> list[str]:
    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = sorted(set(formats) - set(FILES))
    if unknown or not formats:
        raise UsageError(f"--formats: unknown format {', '.join(unknown) or '(none)'}; "
                         f"choose from {','.join(FILES)}")
    return formats


def write_exports(kb: KnowledgeBase, quads: list[pyoxigraph.Quad], out: Path, formats: list[str]) -> list[str]:
    """Write the requested exports of ``kb`` (its quads: ``build_quads(kb)``) into ``out``;
    returns the file names written."""
    triples = union_triples(quads) if {"ttl", "nt", "jsonld"} & set(formats) else []
    rdf = {"ttl": (triples, pyoxigraph.RdfFormat.TURTLE), "nt": (triples, pyoxigraph.RdfFormat.N_TRIPLES),
           "jsonld": (triples, pyoxigraph.RdfFormat.JSON_LD), "trig": (quads, pyoxigraph.RdfFormat.TRIG)}
    written = []
    for fmt in formats:
        if fmt == "csv":
            atomic.write_text(out / "entities.csv", _entities_csv(kb))
            atomic.write_text(out / "relations.csv", _relations_csv(kb))
        elif fmt == "graphml":
            atomic.write_text(out / "graph.graphml", _graphml(kb))
        else:
            data, rdf_format = rdf[fmt]
            atomic.write_bytes(out / FILES[fmt][0], pyoxigraph.serialize(data, format=rdf_format, prefixes=_PREFIXES))
        written += FILES[fmt]
    return written


def _csv(rows: list[list[object]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _entities_csv(kb: KnowledgeBase) -> str:
    rows = [["id", "iri", "type", "label", "aliases", "mentions", "documents"]]
    for e in sorted(kb.entities.values(), key=lambda e: e.id):
        docs = sorted({m.doc_name for m in e.mentions})
        rows.append([e.id, entity_iri(e.id).value, e.type, e.label, "|".join(sorted(e.aliases - {e.label})),
                     len(e.mentions), "|".join(docs)])
    return _csv(rows)


def _relations_csv(kb: KnowledgeBase) -> str:
    """One row per fact and per post: who, what, whom, and where it is stated."""
    label = {e.id: e.label for e in kb.entities.values()}
    rows = []
    for f in kb.facts:
        rows.append([f.subject, label.get(f.subject, ""), f.relation, f.object, label.get(f.object, ""), "",
                     "|".join(sorted({ev.doc_name for ev in f.evidence})),
                     f.evidence[0].text if f.evidence else ""])
    for p in kb.posts:
        rows.append([p.person, label.get(p.person, ""), "holds_post", p.organization or "",
                     label.get(p.organization or "", ""), p.title,
                     "|".join(sorted({ev.doc_name for ev in p.evidence})),
                     p.evidence[0].text if p.evidence else ""])
    rows.sort(key=lambda r: [str(c) for c in r])
    header = ["subject", "subject_label", "relation", "object", "object_label", "title", "documents", "evidence"]
    return _csv([header] + rows)


def _graphml(kb: KnowledgeBase) -> str:
    """Entities as nodes; facts and posts-in-a-body as edges (for Gephi, Cytoscape)."""
    g = nx.MultiDiGraph()
    titles: dict[str, set[str]] = {}
    for p in kb.posts:
        titles.setdefault(p.person, set()).add(p.title)
    for e in sorted(kb.entities.values(), key=lambda e: e.id):
        g.add_node(e.id, label=e.label, type=e.type, iri=entity_iri(e.id).value,
                   posts="、".join(sorted(titles.get(e.id, ()))))
    edges = [(f.subject, f.object, f.relation, "") for f in kb.facts]
    edges += [(p.person, p.organization, "holds_post", p.title) for p in kb.posts if p.organization]
    for s, o, relation, title in sorted(set(edges)):
        if s in g and o in g:
            g.add_edge(s, o, key=f"{relation}:{title}", relation=relation, title=title)
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")

