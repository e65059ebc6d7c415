"""How the front and kg's own pages read the store: every SPARQL text gets kg's predeclared
prefixes, is checked for SERVICE and LOAD as it will run, and goes to the Oxigraph back end,
which stops it at the time limit.

A page's reads are bounded: each query has a LIMIT or a VALUES list of the page's size, and
an answer is read up to ``MAX_PAGE_ANSWER_BYTES``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import anyio
import httpx
import pyoxigraph
from starlette.requests import Request

from kg.rdf.vocab import PREFIXES
from kg.server.policy import Policy, Refused, check_federation

#: How Oxigraph 0.5 ends the answer of a query stopped at its time limit (after a 200 status).
CANCELLED = b"The SPARQL operation has been cancelled"
#: The most of one answer a page reads (a page shows a few thousand rows at most).
MAX_PAGE_ANSWER_BYTES = 8 << 20
SPARQL_JSON = "application/sparql-results+json"


@dataclass(frozen=True)
class Answer:
    """A SELECT's variables and rows (variable -> RDF term; unbound ones are left out), or an ASK's boolean."""

    variables: list[str]
    rows: list[dict[str, pyoxigraph.NamedNode | pyoxigraph.Literal | pyoxigraph.BlankNode]]
    boolean: bool | None = None


def predeclare(text: str) -> str:
    """``text`` with a PREFIX line for each of kg's prefixes (those `kg query` predeclares) it does
    not declare itself, so that a query that runs in `kg query` runs on /query as it is."""
    declared = set(re.findall(r"(?i)\bprefix\s+([^\s:]*)\s*:", text))
    missing = [f"PREFIX {name}: <{namespace}>" for name, namespace in PREFIXES.items() if name not in declared]
    return "\n".join(missing + [text]) if missing else text


async def checked(request: Request, text: str, kind: Literal["query", "update"]) -> str:
    """The text that goes to the back end: a query with kg's prefixes, checked for SERVICE and LOAD
    as it will run. In a worker thread, as parsing may take a second; a few at a time."""
    final = predeclare(text) if kind == "query" else text
    policy: Policy = request.app.state.policy
    await anyio.to_thread.run_sync(check_federation, policy, final, kind, limiter=request.app.state.parsers)
    return final


async def ask_backend(request: Request, text: str, accept: str, *, check: bool) -> httpx.Response:
    """The back end's whole answer to a query (at most MAX_PAGE_ANSWER_BYTES). ``check``: the text
    is the user's, checked as /query checks it; else it is one of kg's own, whose values are all
    escaped terms (``iri_term``, ``literal_term``), and already has its prefixes."""
    client: httpx.AsyncClient = request.app.state.backend
    final = await checked(request, text, "query") if check else text
    try:
        async with client.stream("POST", "/query", data={"query": final}, headers={"accept": accept}) as answer:
            body = bytearray()
            async for chunk in answer.aiter_raw():
                body += chunk
                if len(body) > MAX_PAGE_ANSWER_BYTES:
                    raise Refused(413, f"the answer is larger than a page shows ({MAX_PAGE_ANSWER_BYTES >> 20} MB): "
                                       "add a LIMIT, or ask /query for it")
    except httpx.TransportError as e:
        raise Refused(502, f"the SPARQL back end did not answer: {e}") from None
    if answer.status_code == 200 and body.endswith(CANCELLED):
        timeout = request.app.state.policy.timeout_s
        raise Refused(503, f"the query was stopped at the time limit of {timeout} s (kg serve --timeout)")
    if answer.status_code != 200:
        message = body.decode("utf-8", "replace").strip() or f"status {answer.status_code}"
        raise Refused(400 if answer.status_code < 500 else 502, message)
    return httpx.Response(200, headers=answer.headers, content=bytes(body))


async def select(request: Request, text: str, *, check: bool) -> Answer:
    """A SELECT's (or ASK's) answer, its terms read by pyoxigraph."""
    answer = await ask_backend(request, text, SPARQL_JSON, check=check)
    return parse_answer(answer.content)


def parse_answer(body: bytes) -> Answer:
    results = pyoxigraph.parse_query_results(body, format=pyoxigraph.QueryResultsFormat.JSON)
    if isinstance(results, pyoxigraph.QueryBoolean):
        return Answer([], [], bool(results))
    variables = [v.value for v in results.variables]
    rows = [{name: term for name in variables if (term := solution[name]) is not None} for solution in results]
    return Answer(variables, rows)


def iri_term(iri: str) -> str:
    """An IRI as a SPARQL term, checked and escaped by pyoxigraph."""
    return str(pyoxigraph.NamedNode(iri))


def literal_term(text: str, language: str | None = None) -> str:
    """A string as a SPARQL literal, escaped by pyoxigraph (never pasted into the query as it is)."""
    return str(pyoxigraph.Literal(text, language=language))
