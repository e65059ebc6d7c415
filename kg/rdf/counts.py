"""What a graph holds, counted once: the one definition of documents, entities, facts and
posts that ``kg build``'s summary, ``kg stats``, the README and the notebook print.

* documents: ``kg:Document`` nodes (every document stored, whether it states anything);
* entities: nodes of one of the entity classes (Person, GovOrg, ...);
* facts: relations between two entities that a document states, one per (subject,
  relation, object), however many sentences state them (``kg.rdf.vocab.PROPERTY``);
* derived: links kg adds without a sentence of their own (``kg:jurisdiction``,
  ``kg:withinDivision``: ``kg.rdf.vocab.DERIVED_PROPERTY``), counted apart from facts;
* posts: posts held, one per (holder, post); ``posts_in_body`` of them name their body.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pyoxigraph

from kg.rdf.sparql import run_query
from kg.rdf.vocab import DERIVED_PROPERTY, RELATION_OF_PROPERTY, TYPE_OF_CLASS

_CLASSES = " ".join(f"<{c}>" for c in TYPE_OF_CLASS)
_PROPERTIES = " ".join(f"<{p}>" for p in RELATION_OF_PROPERTY)
_TYPE = {str(c): t for c, t in TYPE_OF_CLASS.items()}
_RELATION = {str(p): r for p, r in RELATION_OF_PROPERTY.items()}

_QUERIES = {
    "documents": "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Document }",
    "types": f"SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE {{ VALUES ?c {{ {_CLASSES} }} ?e a ?c }} GROUP BY ?c",
    "relations": f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ {{ SELECT DISTINCT ?s ?p ?o WHERE {{ "
                 f"VALUES ?p {{ {_PROPERTIES} }} ?s ?p ?o . "
                 f"FILTER EXISTS {{ VALUES ?c {{ {_CLASSES} }} ?s a ?c }} "
                 f"FILTER EXISTS {{ VALUES ?c {{ {_CLASSES} }} ?o a ?c }} }} }} }} GROUP BY ?p",
    "posts": "SELECT (COUNT(*) AS ?n) (SUM(IF(BOUND(?body), 1, 0)) AS ?inBody) WHERE { "
             "{ SELECT DISTINCT ?holder ?post WHERE { ?holder org:holds ?post } } "
             "OPTIONAL { SELECT DISTINCT ?post (SAMPLE(?b) AS ?body) WHERE { ?post org:postIn ?b } GROUP BY ?post } }",
}


@dataclass(frozen=True)
class Counts:
    documents: int
    entities: int
    facts: int
    posts: int
    posts_in_body: int
    types: Counter  # entities by type (Person, GovOrg, ...)
    relations: Counter  # facts by relation (located_in, owns_project, ...)
    derived: Counter  # derived links by property (jurisdiction, within_division)

    def summary(self) -> str:
        """One line: ``5 documents, 408 entities, 236 facts, 44 posts``."""
        return (f"{self.documents} documents, {self.entities} entities, {self.facts} facts, "
                f"{self.posts} posts")


def counts(store: pyoxigraph.Store) -> Counts:
    """The counts of the graph in ``store`` (its default graph: the merged graph)."""
    def rows(name: str) -> list:
        return list(run_query(store, _QUERIES[name]))

    types = Counter({_TYPE[s["c"].value]: int(s["n"].value) for s in rows("types")})
    linked = Counter({_RELATION[s["p"].value]: int(s["n"].value) for s in rows("relations")})
    relations = Counter({r: n for r, n in linked.items() if r not in DERIVED_PROPERTY})
    derived = Counter({r: n for r, n in linked.items() if r in DERIVED_PROPERTY})
    posts = rows("posts")[0]
    return Counts(documents=int(rows("documents")[0]["n"].value), entities=sum(types.values()),
                  facts=sum(relations.values()), posts=int(posts["n"].value),
                  posts_in_body=int(posts["inBody"].value) if posts["inBody"] is not None else 0,
                  types=types, relations=relations, derived=derived)
