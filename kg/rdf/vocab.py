"""The RDF terms kg writes (defined in ontology/kg.ttl). Everything that reads
or writes the graph uses these names, never literal IRIs."""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD  # noqa: F401

KG = Namespace("https://w3id.org/kg/ontology#")  # classes and properties
KGR = Namespace("https://w3id.org/kg/id/")  # resources: entities, posts, documents, mentions

#: schema type -> class
CLASS = {t: KG[t] for t in ("Person", "GovOrg", "Enterprise", "Park", "Project", "Place", "Organization")}
#: relation of spec/schema.md -> property between two entities (holds_post becomes an org:Post)
PROPERTY = {
    "member_of": KG.memberOf,  # rdfs:subPropertyOf org:memberOf
    "located_in": KG.locatedIn,
    "part_of": KG.partOf,
    "owns_project": KG.ownsProject,
    "alias_of": KG.aliasOf,
}
