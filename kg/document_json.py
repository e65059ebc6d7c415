"""Extracted documents as versioned JSON records: what a store keeps (``kg.rdf.store``).

A record is one line of JSON::

    {"kg_document": 1, "document": {...}, "unlisted_mentions": [...]}

``document`` holds the fields of ``kg.model.Document``, written and read by walking
the dataclasses' fields and type hints, so a field added to the model needs no
change here (a record without it gets the field's default). Reading validates
every value against its type hint: a record that does not fit is a ``RecordError``,
never an object of another type, and nothing in a record is ever executed.

Mentions are shared objects: resolution compares a relation's head and tail with
the document's mentions by identity. So ``Document.mentions`` is written by value
and every other place a Mention appears (relation heads and tails) by index into
it; mentions that are not in ``Document.mentions`` are written once each in
``unlisted_mentions`` and indexed after them. Reading gives back the same sharing.

``Document.meta`` is untyped: its values are written with their type
(``{"tuple": [...]}``, ``{"date": "2024-07-16"}``, ``{"Span": {...}}``; a
dataclass only if it is one of kg.model's).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import types
import typing

from kg import model
from kg.model import Document, Mention

#: Bumped when a record can no longer be read as the previous version was written.
VERSION = 1

#: The dataclasses of kg.model, by name: what an untyped value (in ``Document.meta``) may be.
_MODEL_CLASSES = {cls.__name__: cls for cls in vars(model).values()
                  if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__}


_RECORD_KEYS = {"kg_document", "document", "unlisted_mentions"}


class RecordError(ValueError):
    """A stored record that is not a valid document record of this version."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split())[:300])  # one line, however odd the record


def document_to_json(doc: Document) -> bytes:
    """``doc`` as one line of UTF-8 JSON."""
    writer = _Writer(doc.mentions)
    fields = writer.fields(doc)
    record = {"kg_document": VERSION, "document": fields,
              "unlisted_mentions": [writer.fields(m) for m in writer.unlisted]}
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n").encode()


def document_from_json(data: bytes) -> Document:
    """The document of a record written by ``document_to_json``; RecordError if ``data`` is not one."""
    try:
        record = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
        raise RecordError(f"not a JSON record ({str(e).splitlines()[0][:80]})") from None
    if not isinstance(record, dict) or "kg_document" not in record:
        raise RecordError("not a kg document record")
    version = record["kg_document"]
    if type(version) is not int or version != VERSION:
        raise RecordError(f"record format version {repr(version)[:40]}; this kg reads version {VERSION}")
    if set(record) != _RECORD_KEYS:
        raise RecordError(f"record keys {sorted(record)}, expected {sorted(_RECORD_KEYS)}")
    fields, unlisted = record["document"], record["unlisted_mentions"]
    if not isinstance(fields, dict) or not isinstance(fields.get("mentions", []), list) \
            or not isinstance(unlisted, list):
        raise RecordError("document or mention list is not of the right JSON type")
    reader = _Reader()
    reader.mentions = [reader.dataclass(m, Mention, f"mentions[{i}]")
                       for i, m in enumerate(fields.get("mentions", []))]
    reader.mentions += [reader.dataclass(m, Mention, f"unlisted_mentions[{i}]") for i, m in enumerate(unlisted)]
    doc = reader.dataclass(fields, Document, "document")
    doc.mentions = reader.mentions[:len(fields.get("mentions", []))]
    return doc


@functools.cache
def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls)


def _optional_arms(hint: object) -> tuple[object, ...] | None:
    """The arms of a union hint (``X | None``), None if ``hint`` is not a union."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return typing.get_args(hint)
    return None


class _Writer:
    def __init__(self, mentions: list[Mention]) -> None:
        self.index = {id(m): i for i, m in enumerate(mentions)}
        self.listed = len(mentions)
        self.unlisted: list[Mention] = []

    def fields(self, obj: object) -> dict[str, object]:
        hints = _hints(type(obj))
        out = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if isinstance(obj, Document) and f.name == "mentions":
                out[f.name] = [self.fields(m) for m in value]
            else:
                out[f.name] = self.value(value, hints[f.name])
        return out

    def value(self, value: object, hint: object) -> object:
        if value is None:
            return None
        if hint is Mention:
            return self.mention_index(value)
        if arms := _optional_arms(hint):
            fitting = [a for a in arms if a is not type(None) and _fits(value, a)]
            if not fitting:
                raise TypeError(f"kg.document_json: a {type(value).__name__} where the model says {hint}")
            return self.value(value, fitting[0])
        origin = typing.get_origin(hint) or hint
        if origin in (list, tuple):
            return [self.value(v, h) for v, h in zip(value, _item_hints(hint, len(value)))]
        if origin is dict:
            args = typing.get_args(hint)
            return {self._key(k): self.value(v, args[1] if args else object) for k, v in value.items()}
        if hint is dt.date:
            return value.isoformat()
        if dataclasses.is_dataclass(hint):
            return self.fields(value)
        if hint in (int, float, str, bool):
            return value
        return self.untyped(value)

    def untyped(self, value: object) -> object:
        """A value of no declared type, written with its type."""
        if value is None or type(value) in (bool, int, float, str):
            return value
        if isinstance(value, list):
            return [self.untyped(v) for v in value]
        if isinstance(value, tuple):
            return {"tuple": [self.untyped(v) for v in value]}
        if isinstance(value, dict):
            return {"dict": {self._key(k): self.untyped(v) for k, v in value.items()}}
        if type(value) is dt.date:
            return {"date": value.isoformat()}
        if _MODEL_CLASSES.get(type(value).__name__) is type(value):
            return {type(value).__name__: self.fields(value)}
        raise TypeError(f"kg.document_json cannot store a {type(value).__name__}: a value of no declared type "
                        f"(Document.meta) is None, bool, int, float, str, a date, a kg.model dataclass, "
                        f"or a list, tuple or dict of these")

    def mention_index(self, mention: Mention) -> int:
        if id(mention) not in self.index:
            self.index[id(mention)] = self.listed + len(self.unlisted)
            self.unlisted.append(mention)
        return self.index[id(mention)]

    @staticmethod
    def _key(key: object) -> str:
        if not isinstance(key, str):
            raise TypeError(f"kg.document_json stores dictionaries with text keys only, not {key!r}")
        return key


def _item_hints(hint: object, n: int) -> list[object]:
    """The hints of the ``n`` items of a list or tuple hint (``object``: untyped)."""
    args = typing.get_args(hint)
    if not args:
        return [object] * n
    if len(args) == 1 or args[1:] == (...,):
        return [args[0]] * n
    return list(args)


def _fits(value: object, hint: object) -> bool:
    origin = typing.get_origin(hint) or hint
    return isinstance(origin, type) and isinstance(value, origin)


class _Reader:
    def __init__(self) -> None:
        self.mentions: list[Mention] = []

    def dataclass(self, value: object, cls: type, where: str):
        if not isinstance(value, dict):
            raise RecordError(f"{where}: expected an object, got {_kind(value)}")
        fields = {f.name: f for f in dataclasses.fields(cls)}
        unknown = set(value) - set(fields)
        if unknown:
            raise RecordError(f"{where}: unknown field {sorted(unknown)[0]!r} of {cls.__name__}")
        hints = _hints(cls)
        kwargs = {}
        for name, f in fields.items():
            if name not in value:
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    raise RecordError(f"{where}: missing field {name!r} of {cls.__name__}")
                continue
            if cls is Document and name == "mentions":
                continue  # read first, by the caller: relations index them
            kwargs[name] = self.value(value[name], hints[name], f"{where}.{name}")
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as e:  # a model class that validates its values (__post_init__)
            raise RecordError(f"{where}: {e}") from None

    def value(self, value: object, hint: object, where: str) -> object:
        if hint is Mention:
            if type(value) is not int or not 0 <= value < len(self.mentions):
                raise RecordError(f"{where}: expected a mention index below {len(self.mentions)}, got {value!r}")
            return self.mentions[value]
        if arms := _optional_arms(hint):
            if value is None and type(None) in arms:
                return None
            problems = []
            for arm in (a for a in arms if a is not type(None)):
                try:
                    return self.value(value, arm, where)
                except RecordError as e:
                    problems.append(str(e))
            raise RecordError(problems[0] if len(problems) == 1 else f"{where}: fits none of {hint}")
        origin = typing.get_origin(hint) or hint
        args = typing.get_args(hint)
        if origin in (list, tuple):
            if not isinstance(value, list):
                raise RecordError(f"{where}: expected a list, got {_kind(value)}")
            if origin is tuple and args and args[1:] != (...,) and len(args) != len(value):
                raise RecordError(f"{where}: expected {len(args)} items, got {len(value)}")
            items = _item_hints(hint, len(value))
            out = [self.value(v, h, f"{where}[{i}]") for i, (v, h) in enumerate(zip(value, items))]
            return tuple(out) if origin is tuple else out
        if origin is dict:
            if not isinstance(value, dict):
                raise RecordError(f"{where}: expected an object, got {_kind(value)}")
            return {k: self.value(v, args[1] if args else object, f"{where}[{k!r}]") for k, v in value.items()}
        if hint is dt.date:
            return _date(value, where)
        if dataclasses.is_dataclass(hint):
            return self.dataclass(value, hint, where)
        if hint is float and type(value) is int:
            return float(value)
        if hint in (int, float, str, bool):
            if type(value) is not hint:
                raise RecordError(f"{where}: expected {hint.__name__}, got {_kind(value)}")
            return value
        return self.untyped(value, where)

    def untyped(self, value: object, where: str) -> object:
        if value is None or type(value) in (bool, int, float, str):
            return value
        if isinstance(value, list):
            return [self.untyped(v, f"{where}[{i}]") for i, v in enumerate(value)]
        if isinstance(value, dict) and len(value) == 1:
            (tag, inner), = value.items()
            if tag == "tuple" and isinstance(inner, list):
                return tuple(self.untyped(v, f"{where}[{i}]") for i, v in enumerate(inner))
            if tag == "dict" and isinstance(inner, dict):
                return {k: self.untyped(v, f"{where}[{k!r}]") for k, v in inner.items()}
            if tag == "date":
                return _date(inner, where)
            if tag in _MODEL_CLASSES:
                return self.dataclass(inner, _MODEL_CLASSES[tag], where)
        raise RecordError(f"{where}: not a stored value: {json.dumps(value, ensure_ascii=False)[:60]}")


def _date(value: object, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise RecordError(f"{where}: expected a date (YYYY-MM-DD), got {value!r}") from None


def _kind(value: object) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}.get(
        type(value), type(value).__name__)
