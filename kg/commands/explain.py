"""``kg explain NAME``: every mention of the entities named NAME, with its document and sentence,
and why resolution put it there (the rule and its evidence, kept as ``kg:howResolved``, and the
corrections of ``kg build --overrides``)."""
from __future__ import annotations

import argparse
import json
from collections import defaultdict

from kg.errors import KgError
from kg.rdf.source import open_source
from kg.rdf.sparql import run_query
from kg.rdf.vocab import KGR, TYPE_OF_CLASS

_TYPE = {str(c): t for c, t in TYPE_OF_CLASS.items()}
#: Why a mention is in an entity when resolution noted nothing for its document.
SAME_NAME = "the same full name as the entity's other mentions (one entity per type and name)"


DESCRIPTION = ("Show every mention of the entities named NAME (label or alias) with its "
               "document and sentence, and why resolution put it there: the rule and its "
               "evidence, and any correction of kg build --overrides.")
EPILOG = "example:\n  kg explain 四川省委 --graph out/graph.ttl\n  kg explain 江津区 --store out/store"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", metavar="NAME", help="an entity's label or one of its aliases, as written")
    p.add_argument("--graph", "--store", dest="graph", default="out/graph.ttl", metavar="GRAPH|STORE",
                   help="a graph file or a store directory (default: out/graph.ttl)")


def run(args: argparse.Namespace) -> int:
    store = open_source(args.graph)
    name = json.dumps("".join(args.name.split()), ensure_ascii=False)  # a SPARQL string literal, escaped
    found = list(run_query(store, f"""
        SELECT DISTINCT ?e ?class ?label WHERE {{
          ?e skos:prefLabel|skos:altLabel ?name . FILTER(STR(?name) = {name})
          ?e a ?class ; skos:prefLabel ?label }} ORDER BY ?e"""))
    entities = [(s["e"], s["label"].value, _TYPE[s["class"].value]) for s in found if s["class"].value in _TYPE]
    if not entities:
        raise KgError(f"no entity is named {args.name} in {args.graph}")
    for i, (node, label, type_) in enumerate(entities):
        if i:
            print()
        print("\n".join(_explain(store, node, label, type_)))
    return 0


def _values(store, node, prop: str) -> list[str]:
    return sorted(s["v"].value for s in run_query(store, f"SELECT ?v WHERE {{ <{node.value}> {prop} ?v }}"))


def _explain(store, node, label: str, type_: str) -> list[str]:
    local = node.value[len(str(KGR)):]
    lines = [f"{label} ({type_}, kgr:{local})"]
    aliases = _values(store, node, "skos:altLabel")
    if aliases:
        lines.append("  also written: " + "、".join(aliases))
    for identifier in _values(store, node, "dcterms:identifier"):
        lines.append(f"  identifier: {identifier}")
    for prop, what in (("kg:withinDivision", "within"), ("kg:jurisdiction", "jurisdiction")):
        for above in _values(store, node, f"{prop}/skos:prefLabel"):
            lines.append(f"  {what}: {above} (derived from the name or the code table, no sentence)")
    why_by_doc: dict[str, list[str]] = defaultdict(list)
    general = []
    for how in _values(store, node, "kg:howResolved"):
        for part in how.split("; "):
            doc, sep, why = part.partition(": ")
            if sep and doc.endswith((".txt", ".md", ".html", ".htm")):
                why_by_doc[doc].append(why)
            else:
                general.append(part)
    corrections = _values(store, node, "kg:correction")
    mentions = list(run_query(store, f"""
        SELECT ?doc ?start ?sentence WHERE {{
          <{node.value}> kg:mention ?ev . ?ev prov:wasQuotedFrom ?d ; kg:start ?start ; kg:sentence ?sentence .
          ?d dcterms:identifier ?doc }} ORDER BY ?doc ?start"""))
    docs = sorted({m["doc"].value for m in mentions})
    lines.append(f"  {len(mentions)} mentions in {len(docs)} documents:")
    for doc in docs:
        lines.append(f"    {doc}")
        for m in (m for m in mentions if m["doc"].value == doc):
            lines.append(f"      “{m['sentence'].value}”")
        for why in why_by_doc.get(doc) or [SAME_NAME]:
            lines.append(f"      why: {why}")
    for why in general:
        lines.append(f"  across documents: {why}")
    for correction in corrections:
        lines.append(f"  correction: {correction}")
    return lines
