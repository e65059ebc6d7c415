"""Publication date of a document. Placeholder: keeps a date given by the caller."""
from __future__ import annotations

from kg.model import Document


def find_publication_date(doc: Document) -> None:
    return None
