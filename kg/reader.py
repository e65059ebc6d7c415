"""Finding and decoding input documents: .txt, .md and .html files, alone or in directories.

Encodings are tried in order: a BOM (UTF-8, UTF-16), UTF-16 without a BOM
(told by where its NUL bytes fall), strict UTF-8, strict GB18030 (a superset of GBK and GB2312), then charset-normalizer's best guess.
The encoding used is recorded in ``Document.encoding``.

A sidecar ``NAME.meta.json`` (``{"date": "2024-07-16", "source": "江津日报"}``)
beside a document gives its publication date and source; it wins over what the
text says.  A date given by the caller (``kg ... --date``) is only a fallback
for documents that state none (``kg.dates``).
"""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

from kg.errors import KgError
from kg.model import Document

SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")


def find_documents(inputs: list[str]) -> list[Path]:
    """The document files named by ``inputs`` (files, or directories searched recursively)."""
    paths: list[Path] = []
    for name in inputs:
        p = Path(name)
        if not p.exists():
            raise KgError(f"no such file or directory: {name}")
        if p.is_dir():
            found = sorted(q for q in p.rglob("*")
                           if q.is_file() and q.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in q.relative_to(p).parts))
            if not found:
                raise KgError(f"no documents (.txt, .md, .html, .htm) in directory: {name}")
            paths.extend(found)
        elif p.is_file():
            paths.append(p)
        else:
            raise KgError(f"not a regular file: {name}")
    return paths


def load_document(path: str | Path, date: dt.date | None = None) -> Document:
    """Read, decode and (for HTML) extract the text of one document.

    ``date`` is the caller's fallback publication date (``--date``).
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise KgError(f"no such file: {p}") from None
    except IsADirectoryError:
        raise KgError(f"is a directory, not a document: {p}") from None
    except OSError as e:
        raise KgError(f"cannot read {p}: {e.strerror}") from None
    text, encoding = decode(data, str(p))
    if p.suffix.lower() in HTML_SUFFIXES:
        text = html_to_text(text)
    elif p.suffix.lower() == ".md":
        text = markdown_to_text(text)
    if not text.strip():
        raise KgError(f"empty document (no text): {p}")
    doc = Document(path=str(p), name=p.name, sha256=hashlib.sha256(data).hexdigest(),
                   encoding=encoding, raw_text=text)
    if date is not None:
        doc.meta["fallback_date"] = date
    _read_sidecar(doc, p)
    return doc


def decode(data: bytes, name: str = "input") -> tuple[str, str]:
    """(text, encoding name) of document bytes; KgError if they are binary or undecodable."""
    text, encoding = _decode(data, name)
    if _control_share(text) > _MAX_CONTROL:
        raise KgError(f"binary file (control characters), not a text document: {name}")
    return text, encoding


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if not data.strip():
        raise KgError(f"empty file: {name}")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as e:
                raise KgError(f"{name}: starts with a {encoding} byte-order mark but byte {e.start} "
                              f"is not {encoding}") from None
    if b"\x00" in data[:8192]:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise KgError(f"binary file (contains NUL bytes), not a text document: {name}")
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    guess = _guess(data)
    if guess is not None:
        return guess
    raise KgError(f"cannot decode {name}: not UTF-8 (bad byte at offset {utf8_error.start}), "
                  f"not GB18030, and no other encoding fits")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text written without a byte-order mark, or None.

    Its ASCII characters (digits, line breaks) have a NUL high byte, so most NULs fall on one
    parity of offsets: odd ones in little-endian text, even ones in big-endian text; that
    byte order is tried first.  Binary data does not decode, or decodes to control
    characters or to characters scattered over the whole of Unicode."""
    head = data[:8192]
    little_first = head[1::2].count(0) >= head[0::2].count(0)
    for encoding in ("utf-16-le", "utf-16-be") if little_first else ("utf-16-be", "utf-16-le"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(text) <= _MAX_CONTROL and len(_COMMON.findall(text)) >= _MIN_COMMON * len(text):
            return text, encoding
    return None


#: Characters of ordinary Chinese text: ASCII, CJK punctuation, kana, CJK ideographs, full width.
_COMMON = re.compile(r"[\t\n\r -~\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")
#: Their share in UTF-16 text, at least (random data decoded as UTF-16 has about a third).
_MIN_COMMON = 0.6


#: Above this share of control characters, "text" is binary data or a wrong guess.
_MAX_CONTROL = 0.01


def _control_share(text: str) -> float:
    control = sum(1 for c in text if ord(c) < 32 and c not in "\r\n\t\f" or 0x7F <= ord(c) < 0xA0)
    return control / max(1, len(text))


def _guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.3 or _control_share(str(best)) > _MAX_CONTROL:
        return None
    return str(best), best.encoding


# --- HTML and Markdown -----------------------------------------------------------

#: Elements that start a new paragraph.
_BLOCKS = ("p", "div", "section", "article", "header", "footer", "main", "aside", "nav",
           "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table",
           "tr", "blockquote", "pre", "figure", "figcaption", "title", "address", "hr")
#: Stand-ins for <br> and block boundaries while source whitespace is collapsed.
_LINE, _PARAGRAPH = "\u2028", "\u2029"
#: Chinese characters and full-width punctuation: no space is written between them.
_WIDE = "[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’]"
_DROPPED = ("script", "style", "noscript", "template", "iframe", "svg", "object", "head")


def html_to_text(html: str) -> str:
    """Visible text of an HTML page: one paragraph per block element, scripts and styles dropped."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_DROPPED):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with(_LINE)
    for tag in soup.find_all(("td", "th")):
        tag.insert_after(" ")
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before(_PARAGRAPH)
        tag.insert_after(_PARAGRAPH)
    text = "".join(soup.strings)
    # Source line breaks are layout: gone between Chinese characters, a space elsewhere.
    text = re.sub(rf"(?<={_WIDE})[ \t\r\n\f]*\n[ \t\r\n\f]*(?={_WIDE})", "", text)
    text = re.sub(r"[ \t\r\n\f\u00a0]+", " ", text).replace(_LINE, "\n")
    paragraphs = [re.sub(r" *\n *", "\n", p).strip() for p in text.split(_PARAGRAPH)]
    body = "\n\n".join(p for p in paragraphs if p)
    if title and not body.startswith(title):
        body = title + "\n\n" + body if body else title
    return body


_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M)
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def markdown_to_text(md: str) -> str:
    """Markdown without its markup: heading marks, links, bold."""
    text = _MD_HEADING.sub(r"\1", md)
    text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text)


# --- sidecar metadata ------------------------------------------------------------

def sidecar_path(path: Path) -> Path | None:
    """``NAME.meta.json`` (or ``NAME.txt.meta.json``) beside ``path``, if there is one."""
    for candidate in (path.with_name(path.stem + ".meta.json"), path.with_name(path.name + ".meta.json")):
        if candidate.is_file():
            return candidate
    return None


def _read_sidecar(doc: Document, path: Path) -> None:
    meta_path = sidecar_path(path)
    if meta_path is None:
        return
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise KgError(f"bad metadata file {meta_path}: {e}") from None
    if not isinstance(meta, dict):
        raise KgError(f"bad metadata file {meta_path}: expected a JSON object")
    if meta.get("date"):
        try:
            doc.date = dt.date.fromisoformat(str(meta["date"]))
        except ValueError:
            raise KgError(f"bad metadata file {meta_path}: date must be YYYY-MM-DD, "
                          f"got {meta['date']!r}") from None
        doc.date_source = "meta"
    if meta.get("source"):
        doc.source = str(meta["source"])
    doc.meta["sidecar"] = str(meta_path)
