"""Running the extraction pipeline over many documents (with a progress bar)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from kg.errors import KgError
from kg.model import Document
from kg.progress import with_progress
from kg.reader import find_documents

if TYPE_CHECKING:  # the stage imports the pipeline's components, which commands that extract nothing do not need
    from kg.propagation import Propagation
    from kg.rdf.store import NewDocument

#: The seed articles shipped with the repository: the default input.
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def resolve_inputs(inputs: list[str] | None) -> list[Path]:
    if not inputs:
        if not SEEDS.is_dir():
            raise KgError("no INPUT given and the bundled seeds/ directory is missing")
        inputs = [str(SEEDS)]
    return find_documents(inputs)


def parse_date(value: str | None, option: str = "--date") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise KgError(f"{option} must be YYYY-MM-DD, got {value!r}") from None


def extract_documents(paths: list[Path], ner: str | None = None, hanlp_model: str | None = None,
                      date: dt.date | None = None, quiet: bool = False, workers: int | None = 1,
                      engine: str = "local", scheduler: str | None = None,
                      propagation: Propagation | None = None,
                      for_store: list | None = None) -> Iterator[Document | NewDocument]:
    """Load and run the full pipeline on each path, in order, in ``workers``
    processes (None: all cores) or on Dask (see kg.parallel); then, with a ``propagation``
    (``name_propagation``), send back the documents other documents' names concern (kg.propagation).
    ``for_store``: the overrides of the store the documents go to (they come out as its
    ``NewDocument``); not with a ``propagation``, which reads the documents themselves."""
    from kg.parallel import Extraction, extract

    settings = Extraction(ner, hanlp_model, date, None if for_store is None else tuple(for_store))
    docs = with_progress(extract(paths, settings, workers, engine, scheduler), len(paths), "extracting", quiet)
    yield from propagation.documents(docs) if propagation else docs


def name_propagation(ner: str | None = None, hanlp_model: str | None = None, date: dt.date | None = None,
                     quiet: bool = False, workers: int | None = 1) -> Propagation:
    """Corpus-level name propagation (kg.propagation) sending documents back through the pipeline
    ``extract_documents`` runs, in up to ``workers`` local processes."""
    from kg.parallel import Extraction, rerun_entities
    from kg.propagation import Propagation

    settings = Extraction(ner, hanlp_model, date)
    return Propagation(lambda docs, count: rerun_entities(docs, settings, workers, count), quiet)
