"""kg's own pages on ``kg serve``: the endpoint page, a page for every IRI kg mints, and search.

* ``/`` runs the canned queries (``ontology/queries/*.rq``) from a form made from their
  ``@param`` headers (values bound server-side by ``kg.rdf.queries.bind``, as escaped RDF
  terms) or any SPARQL text, and shows the results plainly: an IRI as its label, linked to
  its page; an entity's name linked to the entity; dates and numbers as their values.
* ``/id/LOCAL`` is ``https://w3id.org/kg/id/LOCAL`` dereferenced: HTML for a browser, Turtle,
  JSON-LD or N-Triples by ``Accept`` or ``?format=ttl|jsonld|nt``; ``?view=graph&depth=N``
  is its neighbourhood drawn by ``kg.server.graph_page.render`` (framed by the HTML page).
* ``/search?q=`` finds entities whose name or alias holds the text.

Everything is read through the back end with the time limit (``kg.server.reading``); every
value from the store is text for the templates, which escape it (autoescape).
"""
from __future__ import annotations

import re
from decimal import Decimal
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import jinja2
import networkx as nx
import pyoxigraph
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

import kg
from kg.errors import KgError
from kg.rdf.entity_graph import node_id
from kg.rdf.queries import Parameter, bind, parameters
from kg.rdf.sparql import _short
from kg.rdf.vocab import DERIVED_PROPERTY, KG, KGR, ORG, PREFIXES, PROPERTY, RDF, SKOS, TYPE_OF_CLASS, XSD
from kg.server.graph_page import RELATION_LABEL, TYPE_STYLE, render
from kg.server.policy import Refused
from kg.server.reading import Answer, ask_backend, iri_term, literal_term, parse_answer, predeclare, select

#: The canned queries the endpoint page offers (a source checkout's; none if the directory is missing).
CANNED_QUERIES = Path(kg.__file__).resolve().parent.parent / "ontology" / "queries"
#: Rows a result table shows; the rest are counted.
MAX_ROWS = 1000
#: Candidates a search lists.
MAX_CANDIDATES = 20
#: Sentences, facts, posts... an entity page lists per section (the page says when there are more).
MAX_ITEMS = 500
MAX_MENTIONS = 10
#: Entities a neighbourhood view draws at most, and the depths it offers.
MAX_VIEW_NODES = 150
VIEW_DEPTHS = (1, 2)
#: IRIs or names per VALUES block of a page's own queries.
BATCH = 200
#: ?format= value -> (media type, pyoxigraph format) of a resource's description.
RDF_FORMATS = {
    "ttl": ("text/turtle; charset=utf-8", pyoxigraph.RdfFormat.TURTLE),
    "jsonld": ("application/ld+json", pyoxigraph.RdfFormat.JSON_LD),
    "nt": ("application/n-triples", pyoxigraph.RdfFormat.N_TRIPLES),
}
#: Accept media type -> format ("html" or a key of RDF_FORMATS).
MEDIA_FORMAT = {"text/html": "html", "application/xhtml+xml": "html", "*/*": "html", "text/*": "html",
                "text/turtle": "ttl", "application/x-turtle": "ttl", "application/ld+json": "jsonld",
                "application/json": "jsonld", "application/n-triples": "nt"}
#: Types and relations as the page names them (the views' Chinese names).
TYPE_NAME = {t: style[2] for t, style in TYPE_STYLE.items()}
_RELATION = {str(p): r for r, p in {**PROPERTY, **DERIVED_PROPERTY}.items()}
_TYPE = {str(c): t for c, t in TYPE_OF_CLASS.items()}
_ENTITY_CLASSES = " ".join(f"<{c}>" for c in _TYPE)
_RELATIONS = " ".join(f"<{p}>" for p in _RELATION)
#: Prefixes of a Turtle or JSON-LD description: kgr's IRIs stay whole (Turtle would escape their slashes).
_RDF_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items() if p != "kgr"}
_EVIDENCE = ("OPTIONAL { ?x prov:wasDerivedFrom ?ev . ?ev kg:sentence ?sentence ; prov:wasQuotedFrom ?doc . "
             "?doc dcterms:identifier ?document }")
_INSTANT = "time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear"
#: An entity page's reads; $E is the resource's IRI.
QUERIES = {
    "exists": "ASK { { $E ?p ?o } UNION { ?s ?p $E } }",
    "describe": "SELECT ?p ?o WHERE { $E ?p ?o FILTER (?p != kg:mention) } LIMIT %d" % MAX_ITEMS,
    "used_by": "SELECT ?s ?p WHERE { ?s ?p $E } LIMIT %d" % MAX_ITEMS,
    "mentioned": "SELECT ?e (COUNT(DISTINCT ?ev) AS ?sentences) WHERE { ?ev prov:wasQuotedFrom $E . "
                 "?e kg:mention ?ev } "
                 "GROUP BY ?e ORDER BY DESC(?sentences) ?e LIMIT %d" % MAX_ITEMS,
    "rdf": "CONSTRUCT { $E ?p ?o . ?s ?q $E } WHERE { { $E ?p ?o } UNION { ?s ?q $E } } LIMIT 10000",
    "facts": f"SELECT ?s ?p ?o ?sentence ?document ?doc ?docDate WHERE {{ VALUES ?p {{ {_RELATIONS} }} "
             "{ $E ?p ?o BIND ($E AS ?s) } UNION { ?s ?p $E BIND ($E AS ?o) } "
             "OPTIONAL { ?x rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?ev . "
             "?ev kg:sentence ?sentence ; prov:wasQuotedFrom ?doc . ?doc dcterms:identifier ?document "
             "OPTIONAL { ?doc dcterms:date ?docDate } } } LIMIT %d" % MAX_ITEMS,
    "posts": "SELECT ?x ?title ?body ?date ?sentence ?document ?doc WHERE { $E org:holds ?x . "
             "OPTIONAL { ?x skos:prefLabel ?title } OPTIONAL { ?x org:postIn ?body } OPTIONAL { ?x kg:asOf ?date } "
             f"{_EVIDENCE} }} LIMIT {MAX_ITEMS}",
    "posts_in": "SELECT ?holder ?title (MIN(?date) AS ?first) (MAX(?date) AS ?last) WHERE { "
                "?post org:postIn $E ; skos:prefLabel ?title . ?holder org:holds ?post . "
                f"OPTIONAL {{ ?post kg:asOf ?date }} }} GROUP BY ?holder ?title ORDER BY ?title LIMIT {MAX_ITEMS}",
    "events": "SELECT ?x ?kind ?acting ?title ?body ?date ?sentence ?document ?doc WHERE { "
              "?x a kg:PersonnelEvent ; kg:person $E ; kg:eventKind ?kind ; kg:title ?title . "
              "OPTIONAL { ?x kg:acting ?acting } OPTIONAL { ?x kg:body ?body } OPTIONAL { ?x kg:date ?date } "
              f"{_EVIDENCE} }} LIMIT {MAX_ITEMS}",
    "memberships": "SELECT ?x ?title ?body ?start ?end WHERE { ?x a org:Membership ; org:member $E ; "
                   "kg:title ?title . OPTIONAL { ?x kg:body ?body } OPTIONAL { ?x org:memberDuring ?i "
                   f"OPTIONAL {{ ?i time:hasBeginning/({_INSTANT}) ?start }} "
                   f"OPTIONAL {{ ?i time:hasEnd/({_INSTANT}) ?end }} }} }} LIMIT {MAX_ITEMS}",
    "milestones": "SELECT ?x ?milestone ?date ?sentence ?document ?doc WHERE { ?x a kg:Milestone ; "
                  f"kg:project $E ; kg:milestone ?milestone . OPTIONAL {{ ?x kg:date ?date }} {_EVIDENCE} }} "
                  f"LIMIT {MAX_ITEMS}",
    "figures": "SELECT ?x ?kind ?qualifier ?value ?unit ?sentence ?document ?doc WHERE { ?x a kg:Figure ; "
               "kg:project $E ; kg:figureKind ?kind ; kg:qualifier ?qualifier ; kg:value ?value ; kg:unit ?unit . "
               f"{_EVIDENCE} }} LIMIT {MAX_ITEMS}",
    "mention_count": "SELECT (COUNT(DISTINCT ?ev) AS ?sentences) (COUNT(DISTINCT ?doc) AS ?documents) WHERE { "
                     "$E kg:mention ?ev . ?ev prov:wasQuotedFrom ?doc }",
    "mentions": "SELECT ?sentence ?document ?doc WHERE { $E kg:mention ?ev . ?ev kg:sentence ?sentence ; "
                "prov:wasQuotedFrom ?doc . ?doc dcterms:identifier ?document } "
                f"ORDER BY ?document LIMIT {MAX_MENTIONS}",
}
#: The neighbourhood's links from the nodes in VALUES ?n: facts both ways, and posts held in a body.
NEIGHBOURS = ("SELECT ?s ?p ?o ?title WHERE { VALUES ?n { $N } "
              f"{{ VALUES ?p {{ {_RELATIONS} }} {{ ?n ?p ?o BIND (?n AS ?s) }} UNION {{ ?s ?p ?n BIND (?n AS ?o) }} }} "
              "UNION { { ?n org:holds ?post . ?post org:postIn ?o BIND (?n AS ?s) } "
              "UNION { ?post org:postIn ?n . ?s org:holds ?post BIND (?n AS ?o) } "
              "?post skos:prefLabel ?title BIND (org:holds AS ?p) } } LIMIT 2000")
ENTITIES = ("SELECT ?e ?class ?label ?alias WHERE { VALUES ?e { $N } VALUES ?class { %s } ?e a ?class "
            "OPTIONAL { ?e skos:prefLabel ?label } OPTIONAL { ?e skos:altLabel ?alias } }" % _ENTITY_CLASSES)
LABELS = ("SELECT ?x ?label ?id WHERE { VALUES ?x { $N } OPTIONAL { ?x skos:prefLabel ?label } "
          "OPTIONAL { ?x dcterms:identifier ?id } }")
NAMED = ("SELECT ?name ?e WHERE { VALUES ?name { $N } VALUES ?c { %s } ?e skos:prefLabel ?name ; a ?c }"
         % _ENTITY_CLASSES)
#: Entities whose label or alias holds $Q: exact names first, then names starting with it.
SEARCH = ("SELECT ?e ?class (SAMPLE(?label) AS ?name) (MIN(?rank) AS ?best) "
          "(GROUP_CONCAT(DISTINCT ?alias; separator=\"、\") AS ?aliases) WHERE { "
          "{ ?e skos:prefLabel ?matched BIND (\"\" AS ?alias) } "
          "UNION { ?e skos:altLabel ?matched BIND (STR(?matched) AS ?alias) } "
          "FILTER (CONTAINS(LCASE(STR(?matched)), LCASE($Q))) "
          "VALUES ?class { %s } ?e a ?class ; skos:prefLabel ?label "
          "BIND (IF(LCASE(STR(?matched)) = LCASE($Q), 0, "
          "IF(STRSTARTS(LCASE(STR(?matched)), LCASE($Q)), 1, 2)) AS ?rank) "
          "} GROUP BY ?e ?class ORDER BY ?best STRLEN(?name) ?name LIMIT %d" % (_ENTITY_CLASSES, MAX_CANDIDATES))

_TEMPLATES = jinja2.Environment(loader=jinja2.PackageLoader("kg", "templates"), autoescape=True,
                                trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
_COMMENT = re.compile(r"^#\s?(.*)$")


@dataclass(frozen=True)
class CannedQuery:
    name: str  # the file's stem
    title: str  # the header's first sentence
    description: str  # the header, without the @param and Run lines
    parameters: list[Parameter]
    text: str


@dataclass
class Cell:
    """One value as a page shows it: text, and the page it links to."""

    text: str
    href: str | None = None
    hint: str = ""  # shown on hover: the IRI, or the literal's datatype


@dataclass
class Evidence:
    sentence: str
    document: Cell
    date: str = ""


@dataclass
class Fact:
    relation: str
    other: Cell
    outgoing: bool
    evidence: list[Evidence] = field(default_factory=list)


# -- the endpoint page ---------------------------------------------------------------------------------

def canned_queries(directory: Path = CANNED_QUERIES) -> dict[str, CannedQuery]:
    """The canned queries by name, read from their files (small; read per request so edits show)."""
    found = {}
    for path in sorted(directory.glob("*.rq")) if directory.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        header = []
        for line in text.splitlines():
            m = _COMMENT.match(line)
            if not m:
                break
            if not m.group(1).startswith(("@param", "Run:")):
                header.append(m.group(1))
        description = " ".join(" ".join(header).split())
        title = description.split(": ")[0].split(". ")[0] or path.stem
        found[path.stem] = CannedQuery(path.stem, title, description, parameters(text), text)
    return found


async def endpoint_page(request: Request) -> Response:
    queries = canned_queries()
    given = request.query_params
    chosen = queries.get(given.get("canned", ""))
    text = given.get("query", "")
    values = {p.name: given.get(p.name, "") for p in chosen.parameters} if chosen else {}
    table, error, status = None, None, 200
    try:
        if chosen and "run" in given:
            try:
                bound = bind(chosen.text, {name: v.strip() for name, v in values.items() if v.strip()})
            except KgError as e:
                raise Refused(400, str(e)) from None
            table = await _table(request, await _user_query(request, bound))
        elif text.strip():
            table = await _table(request, await _user_query(request, text))
    except Refused as e:
        error, status = e.message, e.status
    return _page("serve_endpoint.html", status, queries=queries.values(), chosen=chosen, values=values,
                 text=text, table=table, error=error)


async def _user_query(request: Request, text: str) -> Answer:
    """A query from the page's user, checked as /query checks it; CONSTRUCT's and DESCRIBE's triples
    as rows of subject, predicate and object."""
    answer = await ask_backend(request, text, "application/sparql-results+json, application/n-triples;q=0.9",
                               check=True)
    if not answer.headers.get("content-type", "").startswith("application/n-triples"):
        return parse_answer(answer.content)
    triples = pyoxigraph.parse(answer.content, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return Answer(["subject", "predicate", "object"],
                  [{"subject": t.subject, "predicate": t.predicate, "object": t.object} for t in triples])


async def _table(request: Request, answer: Answer) -> dict:
    if answer.boolean is not None:
        return {"boolean": "true" if answer.boolean else "false"}
    rows = answer.rows[:MAX_ROWS]
    terms = [t for row in rows for t in row.values()]
    labels = await labels_of(request, [t.value for t in terms if isinstance(t, pyoxigraph.NamedNode)])
    named = await entities_named(request, [t for t in terms if isinstance(t, pyoxigraph.Literal)
                                           and t.language == "zh"])
    cells = [[_cell(row.get(v), labels, named) for v in answer.variables] for row in rows]
    return {"variables": answer.variables, "rows": cells, "total": len(answer.rows)}


def _cell(term, labels: dict[str, str], named: dict[str, list[str]]) -> Cell:
    if term is None:
        return Cell("")
    if isinstance(term, pyoxigraph.NamedNode):
        return Cell(labels.get(term.value) or short(term.value), href(term.value), term.value)
    if isinstance(term, pyoxigraph.Literal):
        entities = named.get(term.value, []) if term.language == "zh" else []
        link = href(entities[0]) if len(entities) == 1 else "/search?" + urlencode({"q": term.value}) \
            if entities else None
        plain = term.language or term.datatype.value == str(XSD.string)
        return Cell(term.value, link, "" if plain else short(term.datatype.value))
    return Cell(str(term))


# -- reading labels --------------------------------------------------------------------------------

async def labels_of(request: Request, iris: list[str]) -> dict[str, str]:
    """IRI -> the label of each of kg's IRIs: an entity's or post's name, a document's file name."""
    ours = sorted({i for i in iris if i.startswith(str(KGR))})
    found: dict[str, str] = {}
    for rows in await _batched(request, LABELS, [iri_term(i) for i in ours]):
        for row in rows:
            name = row.get("label") or row.get("id")
            if name is not None and (row["x"].value not in found or "label" in row):
                found[row["x"].value] = name.value
    return found


async def entities_named(request: Request, names: list[pyoxigraph.Literal]) -> dict[str, list[str]]:
    """Label -> the entities of that label (so that a result's name links to its entity)."""
    found: dict[str, set[str]] = defaultdict(set)
    for rows in await _batched(request, NAMED, sorted({str(n) for n in names})):
        for row in rows:
            found[row["name"].value].add(row["e"].value)
    return {name: sorted(es) for name, es in found.items()}


async def _batched(request: Request, template: str, terms: list[str]) -> list[list[dict]]:
    return [(await _read(request, template.replace("$N", " ".join(terms[i:i + BATCH])))).rows
            for i in range(0, len(terms), BATCH)]


async def _read(request: Request, text: str) -> Answer:
    """One of the pages' own queries: made here, with every value an escaped term."""
    return await select(request, predeclare(text), check=False)


def href(iri: str) -> str | None:
    """The page of one of kg's IRIs on this server."""
    return "/id/" + quote(iri[len(str(KGR)):], safe="/") if iri.startswith(str(KGR)) else None


def short(iri: str) -> str:
    """``kg:Person`` for an IRI in one of kg's prefixes, as `kg query` shows it."""
    return _short(pyoxigraph.NamedNode(iri))


# -- search --------------------------------------------------------------------------------------------

async def search_page(request: Request) -> Response:
    q = " ".join(request.query_params.get("q", "").split())[:100]
    found = []
    if q:
        for row in (await _read(request, SEARCH.replace("$Q", literal_term(q)))).rows:
            found.append({"name": row["name"].value, "href": href(row["e"].value),
                          "type": f'{TYPE_NAME[_TYPE[row["class"].value]]} {_TYPE[row["class"].value]}',
                          "aliases": "、".join(a for a in _value(row, "aliases").split("、") if a)})
    return _page("serve_search.html", 200, q=q, found=found, limit=MAX_CANDIDATES)


# -- a resource's page ---------------------------------------------------------------------------------

async def resource_page(request: Request) -> Response:
    iri = str(KGR) + request.path_params["local"]
    try:
        term = iri_term(iri)
    except ValueError:
        return _missing(iri)
    fmt = negotiate(request.query_params.get("format"), request.headers.get("accept"))
    if not (await _read(request, QUERIES["exists"].replace("$E", term))).boolean:
        return _missing(iri, fmt)
    if fmt in RDF_FORMATS:
        return await _description(request, term, fmt)
    if request.query_params.get("view") == "graph":
        return await _view(request, iri, request.query_params.get("depth", "1"))
    return await _html(request, iri)


def negotiate(format_: str | None, accept: str | None) -> str:
    """``html`` or a key of RDF_FORMATS: ?format= if given, else the best of Accept (HTML if none)."""
    if format_:
        if format_ not in RDF_FORMATS and format_ != "html":
            raise Refused(400, f"unknown format {format_!r}: html, {', '.join(RDF_FORMATS)}")
        return format_
    if not accept or not accept.strip():
        return "html"
    best, best_q = None, 0.0
    for item in accept.split(","):
        media, *options = [part.strip() for part in item.split(";")]
        q = 1.0
        for option in options:
            name, _, value = option.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        fmt = MEDIA_FORMAT.get(media.lower())
        if fmt is not None and q > best_q:  # equal q: the first listed wins
            best, best_q = fmt, q
    if best is None:
        raise Refused(406, "kg serves text/html, text/turtle, application/ld+json and application/n-triples")
    return best


def _missing(iri: str, fmt: str = "html") -> Response:
    if fmt != "html":
        return PlainTextResponse(f"no resource {iri} in the store\n", status_code=404)
    return _page("serve_missing.html", 404, iri=iri)


async def _description(request: Request, term: str, fmt: str) -> Response:
    """The resource's triples, both ways, in the format asked for, with kg's prefixes."""
    answer = await ask_backend(request, predeclare(QUERIES["rdf"].replace("$E", term)), "application/n-triples",
                               check=False)
    media_type, rdf_format = RDF_FORMATS[fmt]
    triples = pyoxigraph.parse(answer.content, format=pyoxigraph.RdfFormat.N_TRIPLES)
    body = pyoxigraph.serialize(triples, format=rdf_format,
                                prefixes=_RDF_PREFIXES if fmt != "nt" else None)
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


async def _html(request: Request, iri: str) -> Response:
    term = iri_term(iri)

    async def read(name: str) -> list[dict]:
        return (await _read(request, QUERIES[name].replace("$E", term))).rows

    described = await read("describe")
    types = [_TYPE[r["o"].value] for r in described if r["p"].value == str(RDF.type)
             and r["o"].value in _TYPE]
    kind = types[0] if types else None
    sections: dict = {}
    iris = [iri] + [r["o"].value for r in described if isinstance(r["o"], pyoxigraph.NamedNode)]
    if kind:
        facts = await read("facts")
        posts = await read("posts")
        posts_in = await read("posts_in")
        timeline = (await read("events"), await read("memberships")) if kind == "Person" else ([], [])
        project = (await read("milestones"), await read("figures")) if kind == "Project" else ([], [])
        mention_count = (await read("mention_count"))[0]
        mentions = await read("mentions")
        iris += [r[k].value for rows in (facts, posts, posts_in, mentions, *timeline, *project) for r in rows
                 for k in ("s", "o", "body", "holder", "doc") if k in r and isinstance(r[k], pyoxigraph.NamedNode)]
        labels = await labels_of(request, iris)
        sections = {"facts": _facts(iri, facts, labels), "posts": _posts(posts, labels),
                    "posts_in": [{"holder": _cell(r["holder"], labels, {}), "title": r["title"].value,
                                  "first": _value(r, "first"), "last": _value(r, "last")} for r in posts_in],
                    "timeline": _timeline(*timeline, posts, labels) if kind == "Person" else [],
                    "milestones": _dated([{"date": _value(r, "date"), "what": r["milestone"].value,
                                           "evidence": _evidence(r, labels)} for r in project[0]]),
                    "figures": [{"kind": r["kind"].value, "qualifier": r["qualifier"].value,
                                 "value": _number(r["value"].value), "unit": r["unit"].value,
                                 "evidence": _evidence(r, labels)} for r in project[1]],
                    "mentions": {"sentences": int(mention_count["sentences"].value),
                                 "documents": int(mention_count["documents"].value),
                                 "shown": [_evidence(r, labels) for r in mentions]}}
    else:
        labels = await labels_of(request, iris)
    # a document is used by its evidence sentences: the entities they mention say more
    is_document = any(r["p"].value == str(RDF.type) and r["o"].value == str(KG.Document) for r in described)
    mentioned = await read("mentioned") if is_document else []
    used_by = [] if kind or is_document else await read("used_by")
    labels.update(await labels_of(request, [r["s"].value for r in used_by] + [r["e"].value for r in mentioned]))
    name = next((r["o"].value for r in described if r["p"].value == str(SKOS.prefLabel)), None)
    aliases = sorted(r["o"].value for r in described if r["p"].value == str(SKOS.altLabel))
    shown = {str(RDF.type), str(SKOS.prefLabel), str(SKOS.altLabel), str(ORG.holds), *_RELATION} if kind else set()
    properties = [{"property": short(r["p"].value), "value": _cell(r["o"], labels, {})}
                  for r in sorted(described, key=lambda r: (r["p"].value, str(r["o"]))) if r["p"].value not in shown]
    title = name or labels.get(iri) or short(iri)
    depth = request.query_params.get("depth", "1")
    return _page("serve_resource.html", 200, iri=iri, title=title, kind=kind, type_name=TYPE_NAME.get(kind or "", ""),
                 aliases=aliases, properties=properties, used_by=[
                     {"subject": _cell(r["s"], labels, {}), "property": short(r["p"].value)} for r in used_by],
                 mentioned=[{"entity": _cell(r["e"], labels, {}), "sentences": r["sentences"].value}
                            for r in mentioned],
                 depth=depth if depth in map(str, VIEW_DEPTHS) else "1", depths=VIEW_DEPTHS,
                 formats=RDF_FORMATS, self_href=href(iri), max_items=MAX_ITEMS, **sections)


def _value(row: dict, name: str) -> str:
    term = row.get(name)
    return term.value if term is not None else ""


def _number(value: str) -> str:
    """A figure's value with its digits grouped (1,200,000,000), as written if it is no number."""
    try:
        return f"{Decimal(value):,f}"
    except ArithmeticError:
        return value


def _evidence(row: dict, labels: dict[str, str]) -> Evidence | None:
    if "sentence" not in row:
        return None
    return Evidence(" ".join(row["sentence"].value.split()),
                    Cell(row["document"].value, href(row["doc"].value)), _value(row, "docDate"))


def _facts(iri: str, rows: list[dict], labels: dict[str, str]) -> list[Fact]:
    facts: dict[tuple, Fact] = {}
    for r in rows:
        outgoing = r["s"].value == iri
        other = r["o"] if outgoing else r["s"]
        relation = _RELATION[r["p"].value]
        fact = facts.setdefault((relation, outgoing, other.value), Fact(
            f"{RELATION_LABEL.get(relation, relation)} ({relation})", _cell(other, labels, {}), outgoing))
        ev = _evidence(r, labels)
        if ev is not None and ev not in fact.evidence:
            fact.evidence.append(ev)
    return sorted(facts.values(), key=lambda f: (not f.outgoing, f.relation, f.other.text))


def _posts(rows: list[dict], labels: dict[str, str]) -> list[dict]:
    posts: dict[str, dict] = {}
    for r in rows:
        post = posts.setdefault(r["x"].value, {"title": _value(r, "title"), "href": href(r["x"].value),
                                               "body": _cell(r["body"], labels, {}) if "body" in r else None,
                                               "dates": set(), "evidence": []})
        if "date" in r:
            post["dates"].add(r["date"].value)
        ev = _evidence(r, labels)
        if ev is not None and ev not in post["evidence"]:
            post["evidence"].append(ev)
    for post in posts.values():
        dates = sorted(post.pop("dates"))
        post["first"], post["last"] = (dates[0], dates[-1]) if dates else ("", "")
    return sorted(posts.values(), key=lambda p: (p["first"] or "9999", p["title"]))


def _timeline(events: list[dict], memberships: list[dict], posts: list[dict], labels: dict[str, str]) -> list[dict]:
    """A person's events, holdings with a stated start or end, and posts as first and last seen, by date."""
    items: list[dict] = []
    seen_events: dict[str, dict] = {}
    for r in events:
        item = seen_events.get(r["x"].value)
        if item is None:
            acting = " (acting)" if "acting" in r and r["acting"].value == "true" else ""
            body = f" @ {r['body'].value}" if "body" in r else ""
            item = seen_events[r["x"].value] = {"date": _value(r, "date"), "end": "", "kind": r["kind"].value + acting,
                                                "what": r["title"].value + body, "evidence": []}
            items.append(item)
        ev = _evidence(r, labels)
        if ev is not None and ev not in item["evidence"]:
            item["evidence"].append(ev)
    for r in memberships:
        body = f" @ {r['body'].value}" if "body" in r else ""
        items.append({"date": _value(r, "start"), "end": _value(r, "end") or "…", "kind": "holds",
                      "what": r["title"].value + body, "evidence": []})
    for post in _posts(posts, labels):
        if post["first"]:
            body = f" @ {post['body'].text}" if post["body"] else ""
            items.append({"date": post["first"], "end": post["last"] if post["last"] != post["first"] else "",
                          "kind": "seen", "what": post["title"] + body, "evidence": []})  # under Posts held
    return _dated(items)


def _dated(items: list[dict]) -> list[dict]:
    """Undated items after the dated ones (their time is unknown)."""
    return sorted(items, key=lambda i: (not i["date"], i["date"], i.get("what", "")))


# -- the neighbourhood view -----------------------------------------------------------------------------

async def _view(request: Request, iri: str, depth_given: str) -> Response:
    depth = int(depth_given) if depth_given in map(str, VIEW_DEPTHS) else 1
    g = await neighbourhood(request, iri, depth)
    focus = node_id(iri)
    label = g.nodes[focus]["label"] if focus in g else short(iri)
    return HTMLResponse(render(g, f"{label} · {depth} 度关系", focus if focus in g else None))


async def neighbourhood(request: Request, iri: str, depth: int) -> nx.MultiDiGraph:
    """The entities within ``depth`` links of ``iri`` (at most MAX_VIEW_NODES), as ``kg.rdf.entity_graph`` shapes them."""
    reached, frontier, links = {iri}, [iri], []
    for _ in range(depth):
        rows = [r for rows in await _batched(request, NEIGHBOURS, [iri_term(i) for i in frontier]) for r in rows]
        frontier = []
        for r in rows:
            links.append(r)
            for end in (r["s"].value, r["o"].value):
                if end not in reached and len(reached) < MAX_VIEW_NODES:
                    reached.add(end)
                    frontier.append(end)
        if not frontier:
            break
    g = nx.MultiDiGraph()
    for rows in await _batched(request, ENTITIES, [iri_term(i) for i in sorted(reached)]):
        for r in rows:
            node = node_id(r["e"].value)
            if node not in g:
                g.add_node(node, type=_TYPE[r["class"].value], label=_value(r, "label") or node, aliases=[],
                           posts=[], evidence=[])
            if "alias" in r and r["alias"].value not in g.nodes[node]["aliases"]:
                g.nodes[node]["aliases"].append(r["alias"].value)
    for r in links:
        head, tail = node_id(r["s"].value), node_id(r["o"].value)
        if head in g and tail in g:
            if r["p"].value == str(ORG.holds):
                g.add_edge(head, tail, key="holds_post:" + r["title"].value, relation="holds_post",
                           title=r["title"].value, evidence=[])
            else:
                relation = _RELATION[r["p"].value]
                g.add_edge(head, tail, key=relation, relation=relation, evidence=[])
    return g


# -- templates -------------------------------------------------------------------------------------------

def _page(template: str, status: int, **context) -> Response:
    html = _TEMPLATES.get_template(template).render(type_names=TYPE_NAME, **context)
    return HTMLResponse(html, status_code=status)

