"""The RDF graph: KnowledgeBase -> rdflib Dataset (ontology in ontology/kg.ttl).

Placeholder: labels and types only; the RDF issue replaces it.
"""
from __future__ import annotations

from rdflib import Dataset, Literal, RDF, RDFS

from kg.knowledge import KnowledgeBase
from kg.rdf.vocab import KG, KGR


def build_dataset(kb: KnowledgeBase) -> Dataset:
    ds = Dataset()
    g = ds.default_context
    g.bind("kg", KG)
    g.bind("kgr", KGR)
    for e in kb.entities.values():
        node = KGR[e.id]
        g.add((node, RDF.type, KG[e.type]))
        g.add((node, RDFS.label, Literal(e.label, lang="zh")))
    return ds
