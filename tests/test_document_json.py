"""Stored documents as JSON records (kg.document_json): every field of the model survives,
relation heads and tails stay the very mentions of the document, and a record that is
not valid — a pickle among them — is an error, never code run. Texts are invented."""
from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import pickle
import types
import typing

import pytest

from kg.document_json import RecordError, document_from_json, document_to_json
from kg.model import Document, Mention, Span
from kg.pipeline import default_pipeline
from kg.reader import load_document
from tests.conftest import PicklePayload

TEXT = "本报讯 6月3日，区长穆青岚会见重庆澜舟新材料有限公司总经理葛远帆。澜舟新材高性能膜材料生产基地项目落户澄江智造产业园。\n"


def sharing(doc: Document) -> list[tuple[int, int]]:
    """Each relation's head and tail as the index of the object among all mentions reachable
    from the document (its list first), so equal lists mean the same objects are shared."""
    objects: list[Mention] = list(doc.mentions)
    for r in doc.relations:
        for m in (r.head, r.tail):
            if not any(m is o for o in objects):
                objects.append(m)
    position = {id(o): i for i, o in enumerate(objects)}
    return [(position[id(r.head)], position[id(r.tail)]) for r in doc.relations]


def test_an_extracted_document_round_trips_with_its_shared_mentions(tmp_path):
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    doc = default_pipeline("rules")(load_document(tmp_path / "b.txt"))
    assert doc.mentions and doc.relations and doc.units and doc.post_titles and doc.squeezed
    back = document_from_json(document_to_json(doc))
    assert back == doc
    assert sharing(back) == sharing(doc)
    heads = [r.head for r in back.relations]
    assert len({id(h) for h in heads}) < len(heads)  # 葛远帆 heads two relations: one object, as resolution needs
    assert all(any(r.head is m for m in back.mentions) for r in back.relations)


class _Samples:
    """A value of every type hint of the model, never a field's default, each one different."""

    def __init__(self) -> None:
        self.counter = itertools.count(1)

    def of(self, hint: object) -> object:
        n = next(self.counter)
        origin = typing.get_origin(hint)
        if origin in (typing.Union, types.UnionType):
            return self.of(next(a for a in typing.get_args(hint) if a is not type(None)))
        if origin is list:
            return [self.of(typing.get_args(hint)[0]) for _ in range(2)]
        if origin is tuple:
            args = typing.get_args(hint)
            return tuple(self.of(args[0]) for _ in range(2)) if args[1:] == (...,) else tuple(map(self.of, args))
        if origin is dict or hint is dict:
            return {"spans": [self.of(Span)], "units": [(n, n + 1, "body")],
                    "date": dt.date(2024, 1, n % 28 + 1), "nested": {"k": None, "flag": True}}
        if hint is int:
            return n
        if hint is float:
            return n + 0.25
        if hint is str:
            return f"样例{n}"
        if hint is bool:
            return n % 2 == 0
        if hint is dt.date:
            return dt.date(2020, 1 + n % 12, 1 + n % 28)
        if dataclasses.is_dataclass(hint):
            hints = typing.get_type_hints(hint)
            return hint(**{f.name: self.of(hints[f.name]) for f in dataclasses.fields(hint)})
        raise AssertionError(f"the test has no sample for {hint}: add one")


def _every_field_set() -> Document:
    doc = _Samples().of(Document)
    # relations point at the document's mentions (one head shared by two relations) and
    # at a mention that is in no list, shared too: both must come back as shared objects
    outsider = _Samples().of(Mention)
    doc.relations[0].head = doc.relations[1].head = doc.mentions[1]
    doc.relations[0].tail = doc.relations[1].tail = outsider
    return doc


def _defaults_left(obj: object, where: str = "document") -> list[str]:
    """Fields of ``obj`` (recursively) still at their default: the sample would not test them."""
    left = []
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
        if value == default:
            left.append(f"{where}.{f.name}")
        for item in value if isinstance(value, list) else [value]:
            if dataclasses.is_dataclass(item):
                left += _defaults_left(item, f"{where}.{f.name}")
    return left


def test_every_field_of_the_model_survives():
    """Driven by the model's fields: a field added to kg.model is covered without editing this test."""
    doc = _every_field_set()
    assert _defaults_left(doc) == []
    back = document_from_json(document_to_json(doc))
    for f in dataclasses.fields(Document):
        assert getattr(back, f.name) == getattr(doc, f.name), f.name
    assert back == doc
    assert sharing(back) == sharing(doc) == [(1, len(doc.mentions))] * len(doc.relations)


def _text_set_again(m: Mention) -> Mention:
    """``m`` with its text deleted and set again: the last of its attributes, no longer in field order."""
    text = m.text
    del m.text
    m.text = text
    return m


def _attribute_beside_the_fields(m: Mention) -> Mention:
    m.note = "另记"  # type: ignore[attr-defined]
    return m


@pytest.mark.parametrize("alter", [_text_set_again, _attribute_beside_the_fields])
def test_a_mention_is_written_as_its_fields_in_their_order_whatever_its_attributes(alter):
    """Objects of numbers and text are written from their attributes when these are exactly the fields."""
    def record(m: Mention) -> bytes:
        return document_to_json(Document("a.txt", "a", "0" * 64, "utf-8", "某某区长张三", "某某区长张三", mentions=[m]))
    assert record(alter(Mention(0, 3, "某某区", "Place"))) == record(Mention(0, 3, "某某区", "Place"))


def test_a_record_lacking_a_field_with_a_default_gets_the_default():
    """What a record written before a field was added to the model reads as."""
    record = json.loads(document_to_json(_every_field_set()))
    del record["document"]["meta"]
    del record["document"]["mentions"][0]["confidence"]
    back = document_from_json(json.dumps(record).encode())
    assert back.meta == {} and back.mentions[0].confidence == 1.0


@pytest.mark.parametrize("field_name, default", [
    ("furniture", []),  # lived in ``meta`` before
    ("repeats", []),  # lived in ``meta`` before
    ("post_titles", None),  # was a text-keyed cache of kg/ner/titles.py before
    ("squeezed", None),  # was a text-keyed cache of kg/boundary.py before
    ("units", []),  # lived in ``meta`` before
])
def test_a_record_from_before_the_analyses_were_fields_loads(field_name, default):
    record = json.loads(document_to_json(_every_field_set()))
    del record["document"][field_name]
    back = document_from_json(json.dumps(record).encode())
    assert getattr(back, field_name) == default
    assert back.text == record["document"]["text"]


def _edited(edit) -> bytes:
    record = json.loads(document_to_json(_every_field_set()))
    edit(record)
    return json.dumps(record, ensure_ascii=False).encode()


BAD_RECORDS = {
    "unknown version": lambda: _edited(lambda r: r.update(kg_document=2)),
    "version as text": lambda: _edited(lambda r: r.update(kg_document="1")),
    "version as true": lambda: _edited(lambda r: r.update(kg_document=True)),
    "no version": lambda: _edited(lambda r: r.pop("kg_document")),
    "extra key": lambda: _edited(lambda r: r.update(code="print(1)")),
    "unknown field": lambda: _edited(lambda r: r["document"].update(colour="red")),
    "missing required field": lambda: _edited(lambda r: r["document"].pop("sha256")),
    "text where a number goes": lambda: _edited(lambda r: r["document"]["mentions"][0].update(start="3")),
    "true where a number goes": lambda: _edited(lambda r: r["document"]["mentions"][0].update(start=True)),
    "mention index out of range": lambda: _edited(lambda r: r["document"]["relations"][0].update(head=10 ** 6)),
    "mention inline where an index goes": lambda: _edited(
        lambda r: r["document"]["relations"][0].update(head=r["document"]["mentions"][0])),
    "bad date": lambda: _edited(lambda r: r["document"].update(date="next tuesday")),
    "unknown tag in meta": lambda: _edited(lambda r: r["document"]["meta"].update(x={"Evil": {}})),
    "not a model class in meta": lambda: _edited(lambda r: r["document"]["meta"].update(x={"Path": {"p": "/"}})),
    "a line break in a key": lambda: _edited(lambda r: r["document"]["meta"].update({"x\ny": {"Evil": 1}})),
    "a list, not a record": lambda: b"[1, 2, 3]",
    "truncated": lambda: document_to_json(_every_field_set())[:200],
    "binary": lambda: bytes(range(256)),
    "deeply nested": lambda: b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("case", BAD_RECORDS)
def test_an_invalid_record_is_a_one_line_error(case):
    with pytest.raises(RecordError) as error:
        document_from_json(BAD_RECORDS[case]())
    assert str(error.value) and "\n" not in str(error.value)


def test_a_pickle_in_place_of_a_record_is_not_run(tmp_path):
    live = tmp_path / "pickle-was-loaded"
    pickle.loads(pickle.dumps(PicklePayload(live))).close()  # the payload works when unpickled ...
    assert live.exists()
    marker = tmp_path / "kg-ran-it"
    with pytest.raises(RecordError):  # ... and kg does not unpickle it
        document_from_json(pickle.dumps(PicklePayload(marker)))
    assert not marker.exists()
