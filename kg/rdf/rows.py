"""The rows of the CSV files and GraphML (``kg.rdf.exports``), kept in parts so that writing them
costs what changed, as the dumps' parts do (``kg.rdf.dumps``).

Each row (a CSV line; a GraphML node or edge element) is kept in ``DIR/rows.sqlite`` with the file
it belongs to, whose it is (the IRI of an entity, a personnel event, a milestone, a figure; a
person for posts.csv) and the key the whole file is sorted by. A file is its header and its rows
in the order of their keys (equal rows of events, milestones and figures written once), which is
what the exports write from the whole graph. Each entity's node and out-edges in the entity graph
(``kg.rdf.entity_graph``, with what the view shows of them: ``viewed``) are kept the same way, so
that the view of the whole graph (graph.html) is made without reading the store.

Every row is made again (``RowParts.rebuild``) a few thousand entities at a time, each time from the
part of the entity graph they head: the whole graph, whose documents and evidence grow with the input,
is never held.

A build that updates a store (``kg.rdf.store``) knows the default-graph quads it added and removed;
``affected`` finds whose rows they can change, and only those rows are made again:

- the subjects of the quads and the IRIs they name (an entity's label, aliases, mentions, facts;
  an event's fields; a statement naming its subject; a post naming its holder);
- an entity whose type or label changed: whatever names it (a fact's subject shows its label; a
  post's body, an event's person, a milestone's project are shown by their labels);
- then, up the links that make a node part of another's row: a post to who holds it, a statement
  to its subject, a membership to its member, a holding's interval to the membership, an instant
  to the interval;
- a document that became or stopped being a copy of a story (``kg:copyOf``), and the story's first
  document: the entities they mention (their mentions count a story's sentence once).

``stamp``: which content the parts are of (``kg.rdf.dumps.store_stamp``); parts of another
content are made again from the whole store when the files are next written.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path
from typing import Iterable, Iterator

import networkx as nx
import pyoxigraph

from kg.rdf.digests import code_digest
from kg.rdf.dumps import StampedParts
from kg.rdf.entity_graph import READ_EVIDENCE, entity_iris, from_store, viewed
from kg.rdf.exports import (CSV_BOM, ENTITY_HEADER, RELATION_HEADER, entity_rows, graphml_elements, graphml_frame,
                             relation_rows)
from kg.rdf.sparql import restricted, run_query
from kg.rdf.timeline import DISTINCT, HEADERS, timeline_rows
from kg.rdf.vocab import KG, KGR

#: The file of the parts, inside a store directory.
ROWS_FILE = "rows.sqlite"
#: The files kept here: CSV files, and GraphML's node and edge elements.
GRAPHML_NODES, GRAPHML_EDGES = "graph.graphml:nodes", "graph.graphml:edges"
#: Each entity's node and out-edges in the entity graph (JSON), which the view (graph.html) is made of.
ENTITY_GRAPH = "entity graph"
_SCHEMA = ("CREATE TABLE IF NOT EXISTS rows (file TEXT, owner TEXT, key BLOB, line BLOB); "
           "CREATE INDEX IF NOT EXISTS rows_order ON rows (file, key); "
           "CREATE INDEX IF NOT EXISTS rows_owner ON rows (owner); "
           "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;")
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
#: Links from a node to the node whose row it is part of (see the module's docstring).
_UP = ("SELECT DISTINCT ?up WHERE { { ?up org:holds ?x } UNION { ?x rdf:subject ?up } UNION { ?x org:member ?up } "
       "UNION { ?up org:memberDuring ?x } UNION { ?up time:hasBeginning|time:hasEnd ?x } }")
_NAMING = "SELECT DISTINCT ?up WHERE { ?up ?p ?x }"
_STORY = "SELECT DISTINCT ?up WHERE { ?ev prov:wasQuotedFrom ?x . ?up kg:mention ?ev }"
#: IRIs bound by one query.
_CHUNK = 500
#: Entities whose rows are made at once when every row is made again (``RowParts.rebuild``): enough
#: that the queries bound to them cost about what queries of the whole graph do, few enough that
#: what is held for them stays small next to the store.
ENTITIES_AT_ONCE = 2000


def sort_key(row: Iterable[object]) -> bytes:
    """The order of rows sorted as lists of their cells' text (no cell holds NUL)."""
    return b"\0".join(str(c).encode() for c in row)


def csv_line(row: Iterable[object]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(row)
    return buf.getvalue().encode()


def node_iri(node: str) -> str:
    return node if ":" in node.split("/")[0] else str(KGR) + node


class RowParts(StampedParts):
    """The rows in the SQLite file ``path`` (``None``: in memory)."""

    def __init__(self, path: Path | None) -> None:
        super().__init__(path, _SCHEMA)

    def rebuild(self, store: pyoxigraph.Store, stamp: str | None) -> None:
        """Make every row again: the entities' ``ENTITIES_AT_ONCE`` at a time, so that what is held is
        the rows of that many entities, not the whole entity graph (which grows with the input)."""
        with self.db:
            self.db.execute("DELETE FROM rows")
            for chunk in _chunks(entity_iris(store), ENTITIES_AT_ONCE):
                self._insert_entities(store, set(chunk))
            self._insert_timeline(store, None)
            self._set_stamp(stamp)

    def update(self, store: pyoxigraph.Store, changed: Iterable[pyoxigraph.Quad], stamp: str | None) -> None:
        """Make again the rows the default-graph quads ``changed`` (added or removed) can change."""
        owners = affected(store, changed)
        with self.db:
            for chunk in _chunks(sorted(owners)):
                self.db.execute(f"DELETE FROM rows WHERE owner IN ({','.join('?' * len(chunk))})", chunk)
            if owners:
                self._insert_entities(store, owners)
                self._insert_timeline(store, sorted(owners))
            self._set_stamp(stamp)

    def _set_stamp(self, stamp: str | None) -> None:
        """Rows are of the content and of the kg that made them (``_with_code``)."""
        super()._set_stamp(None if stamp is None else _with_code(stamp))

    def _insert_entities(self, store: pyoxigraph.Store, owners: set[str]) -> None:
        """The rows of the entities among ``owners``: entities.csv, relations.csv, GraphML, the view's part."""
        g = from_store(store, evidence_limit=READ_EVIDENCE, only=owners)
        nodes = sorted(n for n in g if node_iri(n) in owners)
        rows = [("entities.csv", node_iri(n), sort_key(row), csv_line(row)) for n, row in entity_rows(g, nodes)]
        rows += [("relations.csv", node_iri(row[0]), sort_key(row), csv_line(row)) for row in relation_rows(g, nodes)]
        node_elements, edge_elements = graphml_elements(g, nodes)
        rows += [(GRAPHML_NODES, node_iri(n), n.encode(), element) for n, element in node_elements]
        rows += [(GRAPHML_EDGES, node_iri(edge[0]), sort_key(edge), element) for edge, element in edge_elements]
        rows += [(ENTITY_GRAPH, node_iri(n), n.encode(), json.dumps(viewed(g, n), ensure_ascii=False).encode())
                 for n in nodes]
        self.db.executemany("INSERT INTO rows VALUES (?, ?, ?, ?)", rows)

    def _insert_timeline(self, store: pyoxigraph.Store, owners: list[str] | None) -> None:
        """The rows of the facts in time (``kg.rdf.timeline``) of ``owners`` (None: of all)."""
        for name, owned in timeline_rows(store, owners).items():
            self.db.executemany("INSERT INTO rows VALUES (?, ?, ?, ?)",
                                ((name, owner, sort_key(row), csv_line(row)) for owner, row in owned))

    def lines(self, name: str) -> Iterator[bytes]:
        """The rows of file ``name`` in order (equal rows once where the file has them once)."""
        previous = None
        for (line,) in self.db.execute("SELECT line FROM rows WHERE file = ? ORDER BY key", (name,)):
            if not (name in DISTINCT and line == previous):
                yield line
            previous = line

    def entity_graph(self) -> nx.MultiDiGraph:
        """What the view reads of the store's entity graph (``viewed``), from its parts."""
        g = nx.MultiDiGraph()
        edges = []
        for line in self.lines(ENTITY_GRAPH):  # one at a time: the parsed rows are not held beside the graph
            node, data, out_edges = json.loads(line)
            g.add_node(node, **data)
            edges.extend((node, o, key, d) for o, key, d in out_edges)
        g.add_edges_from(edges)  # after every node, so that the nodes are in the order of their rows
        return g

    def write(self, out: Path, name: str) -> None:
        """Write the file ``name`` (a CSV file of ``kg.rdf.exports``, or graph.graphml) into ``out``."""
        with open(out / name, "wb") as f:
            if name == "graph.graphml":
                nodes, edges = self.lines(GRAPHML_NODES), self.lines(GRAPHML_EDGES)
                first_node, first_edge = next(nodes, None), next(edges, None)
                head, tail = graphml_frame(first_node is not None, first_edge is not None)
                f.write(head)
                for first, rest in ((first_node, nodes), (first_edge, edges)):
                    if first is not None:
                        f.write(first)
                        f.writelines(rest)
                f.write(tail)
                return
            header = {"entities.csv": ENTITY_HEADER, "relations.csv": RELATION_HEADER}.get(name)
            if header is not None:
                f.write(CSV_BOM.encode() + csv_line(header))
            else:
                f.write(csv_line(HEADERS[name]))
            f.writelines(self.lines(name))


def affected(store: pyoxigraph.Store, changed: Iterable[pyoxigraph.Quad]) -> set[str]:
    """Whose rows the default-graph quads ``changed`` can change (see the module's docstring)."""
    found: set[str] = set()
    relabelled: set[str] = set()
    copies: set[str] = set()
    for q in changed:
        for term in (q.subject, q.object):
            if isinstance(term, pyoxigraph.NamedNode):
                found.add(term.value)
        if q.predicate.value in (_RDF_TYPE, _PREF_LABEL) and isinstance(q.subject, pyoxigraph.NamedNode):
            relabelled.add(q.subject.value)
        if q.predicate.value == str(KG.copyOf):
            copies.update(t.value for t in (q.subject, q.object) if isinstance(t, pyoxigraph.NamedNode))
    found |= _linked(store, _NAMING, relabelled) | _linked(store, _STORY, copies)
    new = found
    while new:  # up the links; each step a level of the shape, so a few steps
        new = _linked(store, _UP, new) - found
        found |= new
    return found


def _linked(store: pyoxigraph.Store, query: str, iris: set[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(sorted(iris)):
        out.update(s["up"].value for s in run_query(store, restricted(query, "x", chunk))
                   if isinstance(s["up"], pyoxigraph.NamedNode))
    return out


def _chunks(items: list[str], size: int = _CHUNK) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def rows_current(path: Path, stamp: str | None) -> bool:
    """Whether the rows at ``path`` are of ``stamp``."""
    if stamp is None or not path.is_file():
        return False
    with contextlib.closing(RowParts(path)) as parts:
        return parts.stamp() == _with_code(stamp)


def _with_code(stamp: str) -> str:
    """What rows made by this kg from content ``stamp`` are of: another kg may make other rows."""
    return f"{stamp} {code_digest()}"


def write_rows(path: Path | None, stamp: str | None, store: pyoxigraph.Store, out: Path, names: list[str]) -> None:
    """Write the files ``names`` into ``out`` from the rows at ``path`` (None: made in memory),
    making them again from ``store`` first unless they are of ``stamp``."""
    with contextlib.closing(RowParts(path)) as parts:
        if not (path and stamp is not None and parts.stamp() == _with_code(stamp)):
            parts.rebuild(store, stamp)
        for name in names:
            parts.write(Path(out), name)


def kept_entity_graph(path: Path) -> nx.MultiDiGraph:
    """What the view reads of the entity graph, from the rows at ``path`` (``RowParts.entity_graph``)."""
    with contextlib.closing(RowParts(path)) as parts:
        return parts.entity_graph()
