"""The RDF terms kg writes (defined in ontology/kg.ttl). Everything that reads
or writes the graph uses these names, never literal IRIs.

The shape of the graph (prefixes: kg = KG, kgr = KGR, org, skos, prov, dcterms)::

    # an entity: exactly one class from CLASS, one skos:prefLabel, any number of altLabels
    kgr:person/0a1b2c3d4e  a kg:Person ;
        skos:prefLabel "穆青岚"@zh ;
        skos:altLabel  "穆区长"@zh ;
        kg:mention     kgr:evidence/…  ;          # every sentence that mentions it
        org:holds      kgr:post/5f6e7d8c9b0a1b2c .

    # a post (holds_post): the title as written is its skos:prefLabel; the body it is in,
    # when the text names one, is org:postIn; otherwise kg:bodyNotStated says why not
    kgr:post/5f6e7d8c9b0a1b2c  a org:Post ;
        skos:prefLabel "区长"@zh ;
        org:postIn     kgr:govorg/… ;             # or: kg:bodyNotStated "…"@en
        kg:asOf        "2024-03-05"^^xsd:date ;   # date of each stating document (0..n)
        prov:wasDerivedFrom kgr:evidence/… .

    # a government body's place, read from its name at resolution (no evidence sentence)
    kgr:govorg/…  kg:jurisdiction  kgr:place/… .

    # national identifiers: a division's code (GB/T 2260) with the IRI built from it, and
    # the division above it in the graph (derived from the code table, no evidence sentence);
    # a company's 统一社会信用代码 where the text states one
    kgr:place/…  dcterms:identifier "500116"^^kg:GBT2260Code ;
        skos:exactMatch <https://w3id.org/kg/gbt2260/500116> ;
        kg:withinDivision kgr:place/… .
    kgr:enterprise/…  dcterms:identifier "91350100M000100Y43"^^kg:USCC .
    # a correction of kg build --overrides that changed the entity
    kgr:govorg/…  kg:correction "override same: (a.txt, 省委) = (b.txt, 四川省委)" .

    # a fact (every other relation): one direct triple with PROPERTY[relation] ...
    kgr:person/…  kg:memberOf  kgr:govorg/… .
    # ... and one reified statement carrying its evidence
    kgr:fact/…  a rdf:Statement ;
        rdf:subject kgr:person/… ; rdf:predicate kg:memberOf ; rdf:object kgr:govorg/… ;
        prov:wasDerivedFrom kgr:evidence/… .

    # evidence: a sentence of a document, with its char offsets in the normalized text
    kgr:evidence/…  a kg:Evidence ;
        prov:wasQuotedFrom kgr:doc/<sha256> ;
        kg:start 120 ; kg:end 168 ;               # xsd:integer, end-exclusive
        kg:sentence "…"@zh ; kg:pattern "title_before_name" .

    kgr:doc/<sha256>  a kg:Document ;
        dcterms:identifier "003_….txt" ; kg:sha256 "…" ;
        dcterms:date "2024-03-05"^^xsd:date ; dcterms:title "headline"@zh ; dcterms:publisher "…" .
        # or, without a date: kg:dateNotStated "…"@en

Facts in time (docs/schema-time.md), each with its evidence like a fact::

    kgr:event/…  a kg:PersonnelEvent ;
        kg:eventKind "appoint" ; kg:acting false ; kg:person kgr:person/… ; kg:personName "…"@zh ;
        kg:title "副区长"@zh ; kg:body "…"@zh ; kg:date "2024-05-09"^^xsd:date ;   # or xsd:gYearMonth, xsd:gYear
        prov:wasDerivedFrom kgr:evidence/… .
    kgr:milestone/…  a kg:Milestone ; kg:project kgr:project/… ; kg:projectName "…"@zh ;
        kg:milestone "开工"@zh ; kg:date "2024-03"^^xsd:gYearMonth ; prov:wasDerivedFrom kgr:evidence/… .
    kgr:figure/…  a kg:Figure ; kg:project kgr:project/… ; kg:projectName "…"@zh ;
        kg:figureKind "investment" ; kg:qualifier "总投资"@zh ;
        kg:value "1200000000"^^xsd:decimal ; kg:unit "CNY" ; prov:wasDerivedFrom kgr:evidence/… .

    # a holding of a post with a stated start or end (W3C ORG + OWL-Time), apart from the
    # first and last dates a post is seen (kg:asOf); one per person, title and body, so a start
    # and an end stated in two documents meet on it
    kgr:membership/…  a org:Membership ; org:member kgr:person/… ; kg:title "副区长"@zh ;
        kg:body "…"@zh ; org:organization kgr:govorg/… ;      # the body, when it resolved
        org:memberDuring kgr:interval/… ; prov:wasDerivedFrom kgr:evidence/… .
    kgr:interval/…  a time:Interval ; time:hasBeginning kgr:instant/… ; time:hasEnd kgr:instant/… .
    kgr:instant/…  a time:Instant ; time:inXSDDate "2024-05-09"^^xsd:date .  # or time:inXSDgYearMonth

In the dataset (TriG, the store) the default graph is the whole merged graph:
entity and document descriptions and, once each, every triple any document
states. Everything a document states (facts, posts, statements, evidence,
mentions) is also in the named graph ``kgr:doc/<sha256>`` of that document:
its provenance, for ``GRAPH ?g { ... }``. Queries read the default graph
(pyoxigraph's union-of-graphs mode would repeat a triple once per document
stating it, multiplying joins and counts). graph.ttl/.nt/.jsonld are the
default graph. No blank nodes.
Open a GRAPH file or a STORE for SPARQL with ``kg.rdf.source.open_source``.
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD  # noqa: F401

KG = Namespace("https://w3id.org/kg/ontology#")  # classes and properties
KGR = Namespace("https://w3id.org/kg/id/")  # resources: entities, posts, documents, mentions
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")  # W3C OWL-Time: the stated start and end of a holding

#: schema type -> class
CLASS = {t: KG[t] for t in ("Person", "GovOrg", "Enterprise", "Park", "Project", "Place", "Organization")}
#: relation of docs/schema.md -> property between two entities (holds_post becomes an org:Post)
PROPERTY = {
    "member_of": KG.memberOf,  # rdfs:subPropertyOf org:memberOf
    "located_in": KG.locatedIn,
    "part_of": KG.partOf,
    "owns_project": KG.ownsProject,
    "alias_of": KG.aliasOf,
}
#: relations the graph derives beyond the schema's -> property: a body's place, read from its
#: name at resolution (江津区委 -> 江津区), a description of the body with no evidence sentence
DERIVED_PROPERTY = {"jurisdiction": KG.jurisdiction, "within_division": KG.withinDivision}
#: datatype of a dcterms:identifier by the entity type that carries it
IDENTIFIER_TYPE = {"Place": KG.GBT2260Code, "Enterprise": KG.USCC}
#: class -> schema type, property -> relation (for readers of the graph)
TYPE_OF_CLASS = {c: t for t, c in CLASS.items()}
RELATION_OF_PROPERTY = {p: r for r, p in {**PROPERTY, **DERIVED_PROPERTY}.items()}

#: prefixes predeclared for `kg query` and written into every export
PREFIXES = {
    "kg": KG, "kgr": KGR, "org": ORG, "skos": SKOS, "prov": PROV, "dcterms": DCTERMS,
    "rdfs": RDFS, "rdf": RDF, "xsd": XSD, "schema": SCHEMA, "foaf": FOAF, "time": TIME,
}
