"""The CSV exports of facts in time, read from the graph (shape in ``kg.rdf.vocab``).

- ``events.csv``: one row per personnel event and document stating it;
- ``posts.csv``: one row per holding of a post, its start and end stated by an event
  (``stated``) or, failing that, the first and last dates a document shows the post
  (``first_seen``, ``last_seen``: the dates of the documents, ``kg:asOf``);
- ``milestones.csv`` and ``figures.csv``: one row per milestone or figure and document.

Dates are ISO: ``YYYY-MM-DD``, ``YYYY-MM`` where only the month is known (``YYYY`` for a
year). A person or project is its entity's label when it resolved to one, else the name
as the sentence writes it.
"""
from __future__ import annotations

import csv
import io
from collections import defaultdict

import pyoxigraph

from kg.rdf.sparql import restricted, run_query

#: File name -> header.
HEADERS = {
    "events.csv": ["person", "kind", "acting", "title", "body", "date", "document", "sentence"],
    "posts.csv": ["person", "title", "body", "start", "end", "start_how", "end_how", "documents"],
    "milestones.csv": ["project", "milestone", "date", "document", "sentence"],
    "figures.csv": ["project", "kind", "qualifier", "value", "unit", "document", "sentence"],
}
_EVIDENCE = ("?x prov:wasDerivedFrom ?ev . ?ev kg:sentence ?sentence ; prov:wasQuotedFrom ?doc . "
             "?doc dcterms:identifier ?document")
_INSTANT = "time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear"
QUERIES = {
    "events": "SELECT ?x ?person ?name ?kind ?acting ?title ?body ?date ?document ?sentence WHERE { "
              "?x a kg:PersonnelEvent ; kg:personName ?name ; kg:eventKind ?kind ; kg:acting ?acting ; "
              "kg:title ?title . OPTIONAL { ?x kg:body ?body } OPTIONAL { ?x kg:date ?date } "
              f"OPTIONAL {{ ?x kg:person/skos:prefLabel ?person }} {_EVIDENCE} }}",
    "milestones": "SELECT ?x ?project ?name ?milestone ?date ?document ?sentence WHERE { "
                  "?x a kg:Milestone ; kg:projectName ?name ; kg:milestone ?milestone . "
                  "OPTIONAL { ?x kg:date ?date } OPTIONAL { ?x kg:project/skos:prefLabel ?project } "
                  f"{_EVIDENCE} }}",
    "figures": "SELECT ?x ?project ?name ?kind ?qualifier ?value ?unit ?document ?sentence WHERE { "
               "?x a kg:Figure ; kg:projectName ?name ; kg:figureKind ?kind ; kg:qualifier ?qualifier ; "
               "kg:value ?value ; kg:unit ?unit . OPTIONAL { ?x kg:project/skos:prefLabel ?project } "
               f"{_EVIDENCE} }}",
    "memberships": "SELECT ?m ?p ?person ?title ?body ?start ?end ?document WHERE { "
                   "?m a org:Membership ; org:member ?p ; kg:title ?title ; org:memberDuring ?i . "
                   "?p skos:prefLabel ?person . OPTIONAL { ?m kg:body ?body } "
                   f"OPTIONAL {{ ?i time:hasBeginning/({_INSTANT}) ?start }} "
                   f"OPTIONAL {{ ?i time:hasEnd/({_INSTANT}) ?end }} "
                   "?m prov:wasDerivedFrom/prov:wasQuotedFrom/dcterms:identifier ?document }",
    "posts": "SELECT ?post ?p ?person ?title ?body ?date ?document WHERE { "
             "?p org:holds ?post ; skos:prefLabel ?person . ?post skos:prefLabel ?title . "
             "OPTIONAL { ?post org:postIn/skos:prefLabel ?body } OPTIONAL { ?post kg:asOf ?date } "
             "?post prov:wasDerivedFrom/prov:wasQuotedFrom/dcterms:identifier ?document }",
}


#: File name -> the query of its rows, their columns, and the variable that says whose a row is
#: (``kg.rdf.rows`` keeps rows by whose they are).
_ROWS = {
    "events.csv": ("events", HEADERS["events.csv"]),
    "milestones.csv": ("milestones", HEADERS["milestones.csv"]),
    "figures.csv": ("figures", HEADERS["figures.csv"]),
}
#: The files whose equal rows are written once.
DISTINCT = frozenset(_ROWS)
#: The variable of each query that names whose its rows are: the event, milestone or figure; the person.
OWNER = {"events": "x", "milestones": "x", "figures": "x", "memberships": "p", "posts": "p"}


def timeline_csvs(store: pyoxigraph.Store) -> dict[str, str]:
    """File name -> CSV text of the four exports."""
    return {name: _csv(name, sorted({tuple(row): None for _, row in rows} if name in DISTINCT
                                    else [tuple(row) for _, row in rows]))
            for name, rows in timeline_rows(store).items()}


def timeline_rows(store: pyoxigraph.Store, only: list[str] | None = None) -> dict[str, list[tuple[str, list[str]]]]:
    """File name -> its rows, each with the IRI of whose it is (``OWNER``); ``only``: those of these
    IRIs. A row two owners give is given twice."""
    out = {name: _rows(store, query, columns, only) for name, (query, columns) in _ROWS.items()}
    out["posts.csv"] = _post_rows(store, only)
    return {name: out[name] for name in HEADERS}


def _value(term) -> str:
    return "" if term is None else term.value


#: What the owner of a query's rows is (``OWNER``): an event, milestone, figure; a member; a holder of a post.
_OWNS = {"events": "?x a kg:PersonnelEvent", "milestones": "?x a kg:Milestone", "figures": "?x a kg:Figure",
         "memberships": "?m org:member ?p", "posts": "?p org:holds ?post"}


def _solutions(store: pyoxigraph.Store, query: str, only: list[str] | None):
    """The solutions of ``QUERIES[query]``, those of the owners among ``only`` if given. Which of
    ``only`` own rows is found first: the store evaluates a query bound to IRIs that own none
    much more slowly than one bound to those that do."""
    if only is None:
        return run_query(store, QUERIES[query])
    variable = OWNER[query]
    owners = sorted({s[variable].value for s in run_query(
        store, restricted(f"SELECT DISTINCT ?{variable} WHERE {{ {_OWNS[query]} }}", variable, only))})
    return run_query(store, restricted(QUERIES[query], variable, owners)) if owners else []


def _rows(store: pyoxigraph.Store, query: str, columns: list[str],
          only: list[str] | None) -> list[tuple[str, list[str]]]:
    """One row per solution; the first column falls back to the name as written (?name)."""
    rows = set()
    for s in _solutions(store, query, only):
        row = [_value(s[c]) for c in columns]
        row[0] = row[0] or _value(s["name"])
        rows.add((s[OWNER[query]].value, tuple(row)))
    return [(owner, list(r)) for owner, r in sorted(rows)]


def _post_rows(store: pyoxigraph.Store, only: list[str] | None) -> list[tuple[str, list[str]]]:
    """Holdings: each post a person is seen in, its start and end stated by a membership of the same
    person whose title ends the same way (区长 / 某区人民政府区长), else first and last seen;
    and each membership no post matches."""
    memberships: dict[str, dict] = {}
    for s in _solutions(store, "memberships", only):
        m = memberships.setdefault(s["m"].value, {"person_iri": s["p"].value, "person": s["person"].value,
                                                  "title": s["title"].value, "body": _value(s["body"]),
                                                  "starts": set(), "ends": set(), "documents": set()})
        m["starts"].update([s["start"].value] if s["start"] else [])
        m["ends"].update([s["end"].value] if s["end"] else [])
        m["documents"].add(s["document"].value)
    posts: dict[str, dict] = {}
    for s in _solutions(store, "posts", only):
        p = posts.setdefault(s["post"].value, {"person_iri": s["p"].value, "person": s["person"].value,
                                               "title": s["title"].value, "body": _value(s["body"]),
                                               "dates": set(), "documents": set()})
        p["dates"].update([s["date"].value] if s["date"] else [])
        p["documents"].add(s["document"].value)
    by_person: dict[str, list[dict]] = defaultdict(list)
    for m in memberships.values():
        by_person[m["person_iri"]].append(m)
    rows, matched = [], set()
    for p in posts.values():
        stated = [m for m in by_person[p["person_iri"]] if m["title"].endswith(p["title"]) or p["title"].endswith(m["title"])]
        matched.update(id(m) for m in stated)
        starts = sorted(d for m in stated for d in m["starts"])
        ends = sorted(d for m in stated for d in m["ends"])
        # a document that reports an end (已于18日辞任) is dated after it: its date is no start
        seen = sorted(d for d in p["dates"] if not (ends and d > ends[-1]) and not (starts and d < starts[0]))
        start, start_how = (starts[0], "stated") if starts else (seen[0], "first_seen") if seen else ("", "")
        end, end_how = (ends[-1], "stated") if ends else (seen[-1], "last_seen") if seen else ("", "")
        documents = p["documents"] | {d for m in stated for d in m["documents"]}
        rows.append((p["person_iri"], [p["person"], p["title"], p["body"], start, end, start_how, end_how,
                                       "|".join(sorted(documents))]))
    for m in memberships.values():
        if id(m) in matched:
            continue
        starts, ends = sorted(m["starts"]), sorted(m["ends"])
        rows.append((m["person_iri"], [m["person"], m["title"], m["body"], starts[0] if starts else "",
                                       ends[-1] if ends else "", "stated" if starts else "", "stated" if ends else "",
                                       "|".join(sorted(m["documents"]))]))
    return rows


def _csv(name: str, rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([HEADERS[name]] + rows)
    return buf.getvalue()
