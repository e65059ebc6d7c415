"""The RDF graph: KnowledgeBase -> quads (pyoxigraph) or an rdflib Dataset; ontology in ontology/kg.ttl.

Modules, one job each: ``vocab`` (the terms and the graph's shape), ``dataset``
(KnowledgeBase -> quads), ``exports`` (files written by ``kg build``),
``source`` (open a GRAPH file or a STORE), ``sparql`` (run and print queries),
``store`` (the persistent, incremental pyoxigraph store) and ``digests`` (how
it is checked). The SPARQL HTTP server of ``kg serve`` is ``kg.server``.
"""
from kg.rdf.dataset import build_dataset, build_quads, union_graph

__all__ = ["build_dataset", "build_quads", "union_graph"]
