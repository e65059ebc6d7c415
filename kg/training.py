"""Training kg's HanLP NER model: annotated documents -> character BIOES tags -> BiLSTM-CRF.

Two kinds of annotation feed it:

* gold: JSON files of docs/schema.md, which list each document's (text, type) pairs
  without offsets; every occurrence of a listed string is tagged;
* silver: documents labelled by the rule recognizer, minus the mentions a few general
  checks reject (punctuation inside a name, unbalanced brackets, implausible person
  names...).

Overlapping mentions are resolved longest first (the schema's "longest name as
written"), so a nested Place inside a GovOrg is tagged as part of the GovOrg.
"""
from __future__ import annotations

import json
import logging
import random
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.gold import occurrences
from kg.model import ENTITY_TYPES, Document, Mention
from kg.ner.hanlp_ner import plausible, text_chunks
from kg.ner.recognizers import entity_recognizer
from kg.pipeline import text_pipeline
from kg.reader import find_documents, load_document

#: Model settings (see kg/models/ner/MODEL_CARD.md).
SETTINGS = dict(embed=100, rnn_hidden=128, drop=0.5, lr=0.005, batch_size=32, tagging_scheme="IOBES")


@dataclass
class AnnotatedDocument:
    doc: Document
    mentions: list[Mention]
    source: str  # "gold" or "silver"
    samples: list[dict] = field(default_factory=list)  # {"token": chars, "tag": BIOES tags}


def _prepared(path: Path) -> Document:
    return text_pipeline()(load_document(path))


def _gold_files(gold_dir: str) -> list[tuple[Path, str, list]]:
    """(path, document name, entities) of each gold JSON file in ``gold_dir``."""
    gold_files = sorted(Path(gold_dir).glob("*.json"))
    if not gold_files:
        raise KgError(f"no gold JSON files in {gold_dir}")
    read = []
    for path in gold_files:
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
            read.append((path, gold["doc"], list(gold["entities"])))
        except (ValueError, KeyError, TypeError) as e:
            raise KgError(f"{path}: not a gold file ({e})") from None
    return read


def gold_document_names(gold_dirs: list[str]) -> set[str]:
    """The names of the documents the gold files of ``gold_dirs`` annotate."""
    return {name for d in gold_dirs for _path, name, _entities in _gold_files(d)}


def gold_documents(gold_dirs: list[str], docs_dirs: list[str], skip: set[str] = frozenset()
                   ) -> list[AnnotatedDocument]:
    """The gold JSON files of ``gold_dirs`` with their documents, found by name in ``docs_dirs``
    (documents named in ``skip`` left out)."""
    files = {p.name: p for d in docs_dirs for p in sorted(Path(d).rglob("*")) if p.is_file()}
    annotated = []
    for gold_dir in gold_dirs:
        for path, name, entities in _gold_files(gold_dir):
            if name in skip:
                continue
            if name not in files:
                raise KgError(f"{path}: its document {name} is in none of the --docs directories")
            doc = _prepared(files[name])
            mentions = [Mention(s, e, doc.text[s:e], g["type"], source="gold")
                        for g in entities if g.get("type") in ENTITY_TYPES
                        for s, e in occurrences(doc.text, g.get("text", ""))]
            annotated.append(AnnotatedDocument(doc, mentions, "gold"))
    return annotated


def silver_documents(docs_dirs: list[str], skip: set[str] = frozenset()) -> list[AnnotatedDocument]:
    """Documents labelled by the rule recognizer, plausible mentions only (documents named in
    ``skip`` left out: the gold ones and an untouched test fold)."""
    recognize = entity_recognizer("rules")
    annotated = []
    for path in find_documents(docs_dirs):
        if path.name in skip:
            continue
        doc = _prepared(path)
        recognize(doc)
        annotated.append(AnnotatedDocument(doc, [m for m in doc.entities() if plausible(m)], "silver"))
    return annotated


def bioes_samples(doc: Document, mentions: list[Mention]) -> list[dict]:
    """One {"token", "tag"} sample per text chunk; overlapping mentions resolved longest first."""
    taken = [False] * len(doc.text)
    tags = ["O"] * len(doc.text)
    for m in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        if any(taken[m.start:m.end]):
            continue
        taken[m.start:m.end] = [True] * (m.end - m.start)
        _tag_span(tags, m.start, m.end, m.type)
    samples = []
    for start, end in text_chunks(doc):
        chunk_tags = tags[start:end]
        # a mention cut by a chunk boundary is dropped rather than taught half
        if chunk_tags[0][:1] in "IE" or chunk_tags[-1][:1] in "BI":
            chunk_tags = _drop_cut_mentions(chunk_tags)
        samples.append({"token": list(doc.text[start:end]), "tag": chunk_tags})
    return samples


def _tag_span(tags: list[str], start: int, end: int, label: str) -> None:
    if end - start == 1:
        tags[start] = f"S-{label}"
    else:
        tags[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 2) + [f"E-{label}"]


def _drop_cut_mentions(tags: list[str]) -> list[str]:
    tags = list(tags)
    i = 0
    while i < len(tags) and tags[i][:1] in "IE":
        tags[i] = "O"
        i += 1
    j = len(tags) - 1
    while j >= 0 and tags[j][:1] in "BI":
        tags[j] = "O"
        j -= 1
    return tags


def split(documents: list[AnnotatedDocument], dev_ratio: float, seed: int
          ) -> tuple[list[AnnotatedDocument], list[AnnotatedDocument]]:
    """(train, held-out): ``dev_ratio`` of the gold and of the silver documents each, at least one of each kind."""
    train, held_out = [], []
    rng = random.Random(seed)
    for source in ("gold", "silver"):
        group = [d for d in documents if d.source == source]
        rng.shuffle(group)
        n = max(1, round(len(group) * dev_ratio)) if group and dev_ratio > 0 else 0
        if n >= len(group) and source == "gold" and not any(d.source == "silver" for d in documents):
            n = len(group) - 1  # keep something to train on
        held_out += group[:n]
        train += group[n:]
    return train, held_out


def span_scores(gold: list[list[str]], predicted: list[list[str]]) -> dict:
    """Exact-span scores: {"ALL": DetailedF1, TYPE: DetailedF1...} (fields tp fp fn prec rec fscore)."""
    from hanlp.metrics.chunking.conlleval import SpanF1

    metric = SpanF1("IOBES")
    metric(predicted, gold)
    overall, by_type, _text = metric.result(full=True, verbose=False)
    return {"ALL": overall, **dict(sorted(by_type.items()))}


def train_model(train_samples: list[dict], dev_samples: list[dict], save_dir: str | Path,
                epochs: int, seed: int, verbose: bool = False):
    """Train a BiLSTM-CRF into ``save_dir`` (best epoch on ``dev_samples``); returns the model."""
    import torch

    from kg.ner.hanlp_ner import BiLSTMCRFRecognizer

    # this small model trains faster on one thread than with two threads fighting over busy cores
    torch.set_num_threads(1)
    logger = logging.getLogger("kg.train-ner")
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    # the tag vocabulary comes from the training samples: a tag seen only in dev cannot be encoded
    known = {tag for s in train_samples for tag in s["tag"]}
    dev_samples = [{"token": s["token"], "tag": [t if t in known else "O" for t in s["tag"]]} for s in dev_samples]
    model = BiLSTMCRFRecognizer()
    model.fit(train_samples, dev_samples or train_samples, str(save_dir), epochs=epochs, seed=seed,
              devices=-1, logger=logger, patience=max(3, epochs // 3), **SETTINGS)
    return model


def predict_tags(model, samples: list[dict]) -> list[list[str]]:
    """The model's BIOES tags for each sample's characters."""
    tags = []
    for sample, entities in zip(samples, model([s["token"] for s in samples])):
        t = ["O"] * len(sample["token"])
        for _text, label, begin, end in entities:
            _tag_span(t, begin, end, label)
        tags.append(t)
    return tags
