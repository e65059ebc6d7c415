"""Finding and decoding input documents. Placeholder: UTF-8 .txt only."""
from __future__ import annotations

import hashlib
from pathlib import Path

from kg.errors import KgError
from kg.model import Document

SUFFIXES = (".txt", ".md", ".html", ".htm")


def find_documents(inputs: list[str]) -> list[Path]:
    paths: list[Path] = []
    for name in inputs:
        p = Path(name)
        if not p.exists():
            raise KgError(f"no such file or directory: {name}")
        if p.is_dir():
            found = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in SUFFIXES)
            if not found:
                raise KgError(f"no documents (.txt, .md, .html) in directory: {name}")
            paths.extend(found)
        else:
            paths.append(p)
    return paths


def load_document(path: str | Path, date=None) -> Document:
    p = Path(path)
    data = p.read_bytes()
    text = data.decode("utf-8-sig")
    return Document(path=str(p), name=p.name, sha256=hashlib.sha256(data).hexdigest(),
                    encoding="utf-8", raw_text=text, date=date,
                    date_source="cli" if date else None)
