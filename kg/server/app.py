"""The HTTP front of ``kg serve`` (Starlette, run by uvicorn): every request is checked
against the policy (``kg.server.policy``), then SPARQL work goes to the Oxigraph back end.

    /              kg's endpoint page: canned queries with a form, plain results (``kg.server.pages``)
    /id/...        every IRI kg mints: an HTML page, Turtle or JSON-LD by Accept or ?format=
    /search        entities by name or alias
    /yasgui        the YASGUI query page (its files sent by the back end, aimed at /query)
    /query         SPARQL 1.1 Protocol query: GET ?query=, or POST as a form or application/sparql-query;
                   the prefixes `kg query` predeclares are added to a query that lacks them
    /update        SPARQL 1.1 Update: POST (--writable, with the token)
    /store         SPARQL 1.1 Graph Store Protocol, ?graph=IRI or ?default: GET/HEAD read,
                   PUT/POST/DELETE write (--writable, with the token)

A page of kg's own is one more ``Route`` in ``ROUTES``: the host check and the security
headers (:class:`Guard`) cover it too, and it can ask the store through
``request.app.state.backend`` (an httpx client of the back end) through ``kg.server.reading``.
The front passes on exactly the SPARQL text it checked, re-encoded, so that it and the
back end cannot read one request two ways.
"""
from __future__ import annotations

import contextlib
from importlib.resources import files
from typing import AsyncIterator, Iterable
from urllib.parse import parse_qsl, urlencode

import anyio
import httpx
from starlette.applications import Starlette
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kg.server import pages
from kg.server.policy import Policy, Refused, check_host, check_write
from kg.server.reading import CANCELLED, checked

MAX_SPARQL_BYTES = 1 << 20  # one query or update text; data is loaded through /store
#: Parameters passed on with a query or an update (SPARQL 1.1 Protocol; union-default-graph is Oxigraph's).
QUERY_PARAMETERS = ("default-graph-uri", "named-graph-uri", "union-default-graph")
UPDATE_PARAMETERS = ("using-graph-uri", "using-named-graph-uri")
#: Answers up to this size are held until complete, so that a stopped query gets a clear error status.
HELD_BYTES = 1 << 16
PARSERS = 2  # SPARQL texts parsed at once (kg.server.policy.fetching_keyword)
#: No page loads anything from another host (YASGUI would fetch prefix lists) or can be framed by another
#: origin's page (kg's entity pages frame their own neighbourhood view).
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'; "
                               "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                               "frame-ancestors 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
QUERY_PAGE = (files("kg") / "templates" / "query_page.html").read_text(encoding="utf-8")


async def query_page(request: Request) -> Response:
    return HTMLResponse(QUERY_PAGE)


async def page_file(request: Request) -> Response:
    return await _forward(request, "GET", request.url.path)


async def query(request: Request) -> Response:
    parameters = await _sparql_parameters(request, "query", "application/sparql-query")
    text = await checked(request, _one(parameters, "query"), "query")
    form = [("query", text)] + [(k, v) for k, v in parameters if k in QUERY_PARAMETERS]
    return await _forward(request, "POST", "/query", form=form, timed=True)


async def update(request: Request) -> Response:
    _check_write(request)
    parameters = await _sparql_parameters(request, "update", "application/sparql-update")
    text = await checked(request, _one(parameters, "update"), "update")
    form = [("update", text)] + [(k, v) for k, v in parameters if k in UPDATE_PARAMETERS]
    return await _forward(request, "POST", "/update", form=form)


async def store(request: Request) -> Response:
    target = "/store" + (f"?{request.url.query}" if request.url.query else "")
    if request.method in ("GET", "HEAD"):
        return await _forward(request, request.method, target)
    _check_write(request)
    return await _forward(request, request.method, target, content=request.stream())


ROUTES = [
    Route("/", pages.endpoint_page, methods=["GET"]),
    Route("/id/{local:path}", pages.resource_page, methods=["GET"]),
    Route("/search", pages.search_page, methods=["GET"]),
    Route("/yasgui", query_page, methods=["GET"]),
    Route("/yasgui.min.js", page_file, methods=["GET"]),
    Route("/yasgui.min.css", page_file, methods=["GET"]),
    Route("/logo.svg", page_file, methods=["GET"]),
    Route("/query", query, methods=["GET", "POST"]),
    Route("/update", update, methods=["POST"]),
    Route("/store", store, methods=["GET", "HEAD", "PUT", "POST", "DELETE"]),
]


class Guard:
    """Around every route: the Host check (no DNS rebinding) and the security headers."""

    def __init__(self, app: ASGIApp, policy: Policy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(SECURITY_HEADERS)
            await send(message)

        try:
            check_host(self.policy, Headers(scope=scope).get("host", ""))
        except Refused as e:
            await _refused_response(e)(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


def create_app(policy: Policy, backend_url: str) -> Starlette:
    """The front for a back end at ``backend_url``."""
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # No read timeout: the back end stops queries itself; loading a large graph takes what it takes.
        # trust_env=False: a proxy configured for the user's outside traffic must not see these requests.
        async with httpx.AsyncClient(base_url=backend_url, timeout=httpx.Timeout(None, connect=10),
                                     trust_env=False) as client:
            app.state.backend = client
            app.state.parsers = anyio.CapacityLimiter(PARSERS)
            yield

    app = Starlette(routes=ROUTES, middleware=[Middleware(Guard, policy=policy)], lifespan=lifespan,
                    exception_handlers={Refused: _refused})
    app.state.policy = policy
    return app


def _policy(request: Request) -> Policy:
    return request.app.state.policy


async def _refused(request: Request, e: Refused) -> Response:
    return _refused_response(e)


def _refused_response(e: Refused) -> Response:
    return PlainTextResponse(e.message + "\n", status_code=e.status)


def _check_write(request: Request) -> None:
    check_write(_policy(request), request.headers.get("origin"),
                f"{request.url.scheme}://{request.headers.get('host', '')}", request.headers.get("authorization"))


async def _sparql_parameters(request: Request, name: str, direct_type: str) -> list[tuple[str, str]]:
    """The request's parameters (URL and form body); a ``direct_type`` body is the ``name`` parameter."""
    parameters = list(request.query_params.multi_items())
    if request.method != "POST":
        return parameters
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in ("application/x-www-form-urlencoded", direct_type):
        raise Refused(415, f"POST {request.url.path} takes application/x-www-form-urlencoded or {direct_type}")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_SPARQL_BYTES:
            raise Refused(413, f"a {name} is limited to {MAX_SPARQL_BYTES} bytes; load data through /store")
    try:
        if content_type == direct_type:
            return parameters + [(name, body.decode("utf-8"))]
        return parameters + parse_qsl(body.decode("utf-8"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise Refused(400, f"the {name} is not UTF-8 text") from None


def _one(parameters: Iterable[tuple[str, str]], name: str) -> str:
    values = [v for k, v in parameters if k == name]
    if len(values) != 1:
        raise Refused(400, f"give exactly one '{name}' parameter (got {len(values)})")
    return values[0]


async def _forward(request: Request, method: str, target: str, *, form: list[tuple[str, str]] | None = None,
                   content: AsyncIterator[bytes] | None = None, timed: bool = False) -> Response:
    """Send the request on to the back end and stream its answer back."""
    client: httpx.AsyncClient = request.app.state.backend
    headers = {k: v for k in ("accept", "content-type") if (v := request.headers.get(k))}
    if form is not None:
        content = urlencode(form).encode("ascii")
        headers["content-type"] = "application/x-www-form-urlencoded"
    try:
        answer = await client.send(client.build_request(method, target, content=content, headers=headers),
                                   stream=True)
    except httpx.TransportError as e:
        return PlainTextResponse(f"the SPARQL back end did not answer: {e}\n", status_code=502)
    chunks = answer.aiter_raw()
    held = b""
    if timed:
        try:
            held, complete = await _hold(chunks)
        except httpx.TransportError as e:
            await answer.aclose()
            return PlainTextResponse(f"the SPARQL back end broke off its answer: {e}\n", status_code=502)
        if complete and held.endswith(CANCELLED):
            await answer.aclose()
            return PlainTextResponse(f"the query was stopped at the time limit of {_policy(request).timeout_s} s "
                                     f"(kg serve --timeout)\n", status_code=503)
    kept = {k: v for k in ("content-type", "content-disposition") if (v := answer.headers.get(k))}
    return StreamingResponse(_relay(held, chunks, answer), status_code=answer.status_code, headers=kept)


async def _hold(chunks: AsyncIterator[bytes]) -> tuple[bytes, bool]:
    """The first HELD_BYTES of an answer or all of it; True if that is all of it."""
    held = bytearray()
    async for chunk in chunks:
        held += chunk
        if len(held) >= HELD_BYTES:
            return bytes(held), False
    return bytes(held), True


async def _relay(held: bytes, chunks: AsyncIterator[bytes], answer: httpx.Response) -> AsyncIterator[bytes]:
    try:
        if held:
            yield held
        async for chunk in chunks:
            yield chunk
    finally:  # also when the client went away: the back-end connection is closed, not left open
        with anyio.CancelScope(shield=True):
            await answer.aclose()
