"""What the ``kg serve`` front lets through, and the checks that enforce it.

Safe by default: reads only; a write needs ``--writable``, the token in
``Authorization: Bearer ...`` and no foreign ``Origin`` (so no web page can write, even
one that knows the token); SPARQL that would make the server fetch a URL (``SERVICE``,
``LOAD``) needs ``--allow-federation``. A refused request raises :class:`Refused`, which
the front turns into its HTTP status and one line of text.
"""
from __future__ import annotations

import hmac
import ipaddress
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Literal
from urllib.parse import urlsplit

from kg.errors import KgError

#: How the token is made if the user has none; quoted in the error messages.
TOKEN_RECIPE = "python -c 'import secrets; print(secrets.token_urlsafe(32))' > token"
#: Operations that make the server fetch a URL: rdflib parse-tree name -> SPARQL keyword.
FETCHING_OPERATIONS = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD"}
#: rdflib's parser reads about 10-20 KB/s: longer texts that need parsing are refused, not parsed.
MAX_PARSED_CHARS = 16 * 1024
#: rdflib's parser recurses once per triple pattern of a block: the default limit of 1,000 stops at
#: about 100 patterns, this one past MAX_PARSED_CHARS of them (deeper nesting still fails cleanly).
PARSER_RECURSION_LIMIT = 10_000


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Policy:
    writable: bool = False
    token: str | None = None
    allow_federation: bool = False
    timeout_s: int = 30
    loopback_only: bool = True  # the front listens on a loopback address only


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_token(token_file: str | None) -> str | None:
    """The token from ``token_file``, else from the environment variable KG_TOKEN; None if neither."""
    if token_file is not None:
        try:
            token = Path(token_file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as e:
            raise KgError(f"cannot read --token-file {token_file}: {getattr(e, 'strerror', None) or e}") from None
    else:
        token = os.environ.get("KG_TOKEN", "").strip()
        if not token:
            return None
    if not re.fullmatch(r"[!-~]{16,}", token):  # it goes into an HTTP header as it is
        raise KgError(f"the token must be at least 16 printable ASCII characters without spaces; make one with: "
                      f"{TOKEN_RECIPE}")
    return token


def check_host(policy: Policy, host_header: str) -> None:
    """A front on loopback answers only requests addressed to loopback: a web page that
    points its own domain name at 127.0.0.1 (DNS rebinding) cannot read the store."""
    if not policy.loopback_only:
        return
    try:
        hostname = urlsplit("//" + host_header).hostname or ""
    except ValueError:  # e.g. an unclosed IPv6 bracket
        hostname = ""
    if not is_loopback(hostname):
        raise Refused(403, f"Host {host_header!r} refused: kg serve answers requests to 127.0.0.1 or localhost only")


def check_write(policy: Policy, origin: str | None, own_origin: str, authorization: str | None) -> None:
    if not policy.writable:
        raise Refused(403, "kg serve is read-only: start it with --writable and a token to accept writes")
    if origin is not None and origin != own_origin:  # browsers send Origin; kg push and curl do not
        raise Refused(403, f"write from origin {origin} refused: only {own_origin} may write")
    expected = f"Bearer {policy.token}".encode()
    if policy.token is None or not hmac.compare_digest((authorization or "").encode("utf-8", "replace"), expected):
        raise Refused(403, "write refused: send the token as 'Authorization: Bearer TOKEN' "
                           "(kg push --token-file FILE)")


def check_federation(policy: Policy, text: str, kind: Literal["query", "update"]) -> None:
    if policy.allow_federation:
        return
    keyword = fetching_keyword(text, kind)
    if keyword is not None:
        raise Refused(403, f"{keyword} refused: kg serve fetches nothing from other servers "
                           f"unless started with --allow-federation")


def fetching_keyword(text: str, kind: Literal["query", "update"]) -> str | None:
    """'SERVICE' or 'LOAD' if running ``text`` would make the server fetch a URL, else None.

    Read twice, independently, so that comments, strings, case and escapes cannot hide the
    keyword: as tokens the way Oxigraph reads them (:func:`_bare_keyword`), then by a real
    SPARQL parser (rdflib's grammar); text that parser cannot read is refused rather than
    guessed at. \\u escapes are read both ways: the standard (and rdflib) expands them
    everywhere before parsing, Oxigraph 0.5 only inside strings and IRIs, so that a
    ``\\u0022`` can end a string for one and not for the other.
    """
    from rdflib.plugins.sparql.parser import Query, UpdateUnit, expandUnicodeEscapes

    try:
        expanded = expandUnicodeEscapes(text)
    except ValueError as e:  # an escape of no character, e.g. \\UFFFFFFFF
        raise Refused(400, f"kg serve cannot check this {kind} for SERVICE and LOAD: {e}") from None
    # A carriage return ends a comment for the standard and Oxigraph, but only a line feed does for
    # rdflib's grammar; everywhere else the two are alike (whitespace, or allowed in long strings only).
    readings = [reading.replace("\r", "\n") for reading in ([text] if expanded == text else [text, expanded])]
    lowered = [reading.lower() for reading in readings]
    if not any(keyword.lower() in reading for reading in lowered for keyword in FETCHING_OPERATIONS.values()):
        return None  # neither keyword is anywhere in the text: nothing to parse
    for reading in readings:
        if keyword := _bare_keyword(reading):
            return keyword
    if len(text) > MAX_PARSED_CHARS:
        raise Refused(413, f"kg serve checks a {kind} that contains the word SERVICE or LOAD by parsing it, "
                           f"up to {MAX_PARSED_CHARS} characters; this one has {len(text)}")
    grammar = Query if kind == "query" else UpdateUnit
    for reading in readings:
        try:
            tree = grammar.parse_string(reading, parse_all=True)
        except Exception as e:  # pyparsing's ParseException, but also rdflib's own errors on odd terms
            first = (str(e).splitlines() or [type(e).__name__])[0]
            raise Refused(400, f"kg serve cannot check this {kind} for SERVICE and LOAD (it contains one of "
                               f"these words): {first}") from None
        for name in _component_names(tree):
            if name in FETCHING_OPERATIONS:
                return FETCHING_OPERATIONS[name]
    return None


#: The SPARQL 1.1 terminals (grammar section 19.8) whose letters are not keywords, as Oxigraph reads
#: them: \\u escapes inside strings and IRIs, a comment ending at a line feed or a carriage return.
#: Everything else is code: a word, the prefix of a prefixed name (its local part is skipped) or
#: punctuation. Where this is looser than Oxigraph (escapes, name characters), Oxigraph fails to
#: parse the text anyway.
_TOKEN = re.compile(r"""
      (?P<skipped> \#[^\n\r]*
                 | '''(?:'{0,2}(?:[^'\\]|\\.))*'''
                 | \"\"\"(?:"{0,2}(?:[^"\\]|\\.))*\"\"\"
                 | '(?:[^'\\\n\r]|\\.)*' | "(?:[^"\\\n\r]|\\.)*"
                 | <(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>
                 | [?$]\w+ | _:[\w.-]* | @[a-zA-Z]+(?:-[a-zA-Z0-9]+)*
                 | :(?:[\w.:%-]|\\.)* )
    | (?P<word> [\w.-]+ )
    | .
""", re.VERBOSE | re.DOTALL)


def _bare_keyword(text: str) -> str | None:
    """'SERVICE' or 'LOAD' if a word of the code (not a comment, string, IRI or name) holds one."""
    for token in _TOKEN.finditer(text):
        word = (token.group("word") or "").upper()
        for keyword in FETCHING_OPERATIONS.values():
            if keyword in word:  # also 1SERVICE or SERVICE:x, which a parser may split differently
                return keyword
    return None


def _component_names(tree: object) -> Iterator[str]:
    """The names of all grammar components (rdflib ``CompValue``) in a parse tree."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node.name
            stack.extend(node.values())
        elif isinstance(node, (ParseResults, list, tuple)):
            stack.extend(node)
