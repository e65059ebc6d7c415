"""Extracted documents as versioned JSON records: what a store keeps (``kg.rdf.store``).

A record is one line of JSON::

    {"kg_document": 1, "document": {...}, "unlisted_mentions": [...]}

``document`` holds the fields of ``kg.model.Document``, written and read by walking
the dataclasses' fields and type hints, so a field added to the model needs no
change here (a record without it gets the field's default). The hints are looked
at once per class, the first time one is written or read: each field gets an
encoder and a decoder for its hint (``_plan``), since asking ``typing`` again for
every field of every record cost more than the rest of the work. Reading validates
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
    return (_JSON.encode(record) + "\n").encode()


#: One line of compact UTF-8 JSON; made once (``json.dumps`` with options makes an encoder per call).
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


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


#: Writes one value of a type hint: (writer, value) -> JSON value.
_Encode = typing.Callable[["_Writer", object], object]
#: Reads one JSON value of a type hint: (reader, value, where it is) -> value; RecordError if it does not fit.
_Decode = typing.Callable[["_Reader", object, str], object]


@dataclasses.dataclass(frozen=True)
class _Plan:
    """How one dataclass's records are written and read, made from its type hints once: per field,
    in declaration order, its name, encoder (None: written as it is, a number, text or truth value),
    decoder (None: read by the caller) and whether a record must have it (no default).
    ``plain``: the field names in declaration order when every field is written as it is, else None."""

    writes: tuple[tuple[str, _Encode | None], ...]
    reads: tuple[tuple[str, _Decode | None, bool], ...]
    names: frozenset[str]
    plain: tuple[str, ...] | None


@functools.cache
def _plan(cls: type) -> _Plan:
    """``cls``'s plan, made on first use and kept: the model's classes are few and fixed."""
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    writes = tuple((f.name, _write_mentions if issubclass(cls, Document) and f.name == "mentions"
                    else None if hints[f.name] in _AS_THEY_ARE else _encoder(hints[f.name])) for f in fields)
    reads = tuple((f.name, None if cls is Document and f.name == "mentions" else _decoder(hints[f.name]),
                   f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING) for f in fields)
    plain = tuple(f.name for f in fields) if all(encode is None for _, encode in writes) else None
    return _Plan(writes, reads, frozenset(f.name for f in fields), plain)


#: Field types whose values JSON writes as they are.
_AS_THEY_ARE = (int, float, str, bool)


def _optional_arms(hint: object) -> tuple[object, ...] | None:
    """The arms of a union hint (``X | None``), None if ``hint`` is not a union."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return typing.get_args(hint)
    return None


def _item_hints(hint: object) -> tuple[object, tuple[object, ...] | None]:
    """The items of a list or tuple hint: one hint for all of them (``object``: untyped), or
    None and each item's hint in turn."""
    args = typing.get_args(hint)
    if not args:
        return object, None
    if len(args) == 1 or args[1:] == (...,):
        return args[0], None
    return None, args


def _write_mentions(writer: _Writer, mentions: list[Mention]) -> list[dict[str, object]]:
    """``Document.mentions``, by value: everything else refers to them by index."""
    return [writer.fields(m) for m in mentions]


def _encoder(hint: object) -> _Encode:
    """How a value of ``hint`` is written; None is written as null whatever the hint."""
    if hint is Mention:
        return lambda w, v: None if v is None else w.mention_index(v)
    if arms := _optional_arms(hint):
        # the first arm the value is an instance of; arms that are no class (typing.Any) fit nothing
        choices = [(origin if isinstance(origin := typing.get_origin(a) or a, type) else None, _encoder(a))
                   for a in arms if a is not type(None)]

        def encode_union(w: _Writer, v: object) -> object:
            if v is None:
                return None
            for origin, encode in choices:
                if origin is not None and isinstance(v, origin):
                    return encode(w, v)
            raise TypeError(f"kg.document_json: a {type(v).__name__} where the model says {hint}")
        return encode_union
    origin = typing.get_origin(hint) or hint
    if origin in (list, tuple):
        each, items = _item_hints(hint)
        if items is None:
            if each in _AS_THEY_ARE:
                return lambda w, v: None if v is None else list(v)
            encode_item = _encoder(each)
            return lambda w, v: None if v is None else [encode_item(w, x) for x in v]
        if all(h in _AS_THEY_ARE for h in items):
            length = len(items)  # as many items as the hint has, like the zip below
            return lambda w, v: None if v is None else list(v[:length])
        encoders = [_encoder(h) for h in items]
        return lambda w, v: None if v is None else [encode(w, x) for x, encode in zip(v, encoders)]
    if origin is dict:
        args = typing.get_args(hint)
        encode_value = _encoder(args[1] if args else object)
        return lambda w, v: None if v is None else {w._key(k): encode_value(w, x) for k, x in v.items()}
    if hint is dt.date:
        return lambda w, v: None if v is None else v.isoformat()
    if dataclasses.is_dataclass(hint):
        return lambda w, v: None if v is None else w.fields(v)
    if hint in _AS_THEY_ARE:
        return lambda w, v: v
    return lambda w, v: w.untyped(v)


class _Writer:
    def __init__(self, mentions: list[Mention]) -> None:
        self.index = {id(m): i for i, m in enumerate(mentions)}
        self.listed = len(mentions)
        self.unlisted: list[Mention] = []

    def fields(self, obj: object) -> dict[str, object]:
        plan = _plan(type(obj))
        # Most objects (mentions, spans, sentences) are numbers and text only: their attributes,
        # when they are exactly the fields in declaration order, are the record as it is.
        if plan.plain is not None and tuple(values := getattr(obj, "__dict__", ())) == plan.plain:
            return values.copy()
        return {name: getattr(obj, name) if encode is None else encode(self, getattr(obj, name))
                for name, encode in plan.writes}

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


def _decoder(hint: object) -> _Decode:
    """How a JSON value of ``hint`` is read and checked."""
    if hint is Mention:
        return lambda r, v, where: r.mention(v, where)
    if arms := _optional_arms(hint):
        takes_none = type(None) in arms
        decoders = [_decoder(a) for a in arms if a is not type(None)]

        def decode_union(r: _Reader, v: object, where: str) -> object:
            if v is None and takes_none:
                return None
            problems = []
            for decode in decoders:
                try:
                    return decode(r, v, where)
                except RecordError as e:
                    problems.append(str(e))
            raise RecordError(problems[0] if len(problems) == 1 else f"{where}: fits none of {hint}")
        return decode_union
    origin = typing.get_origin(hint) or hint
    if origin in (list, tuple):
        return _sequence_decoder(hint, origin is tuple)
    if origin is dict:
        args = typing.get_args(hint)
        decode_value = _decoder(args[1] if args else object)

        def decode_dict(r: _Reader, v: object, where: str) -> dict[str, object]:
            if not isinstance(v, dict):
                raise RecordError(f"{where}: expected an object, got {_kind(v)}")
            return {k: decode_value(r, x, f"{where}[{k!r}]") for k, x in v.items()}
        return decode_dict
    if hint is dt.date:
        return lambda r, v, where: _date(v, where)
    if dataclasses.is_dataclass(hint):
        return lambda r, v, where: r.dataclass(v, hint, where)
    if hint in (int, float, str, bool):
        return _exactly(hint)
    return lambda r, v, where: r.untyped(v, where)


def _sequence_decoder(hint: object, is_tuple: bool) -> _Decode:
    each, items = _item_hints(hint)
    args = typing.get_args(hint)
    # a tuple of fixed length (tuple[int, str]) must have exactly that many items
    length = len(args) if is_tuple and args and args[1:] != (...,) else None
    decode_item = _decoder(each) if items is None else None
    decoders = None if items is None else [_decoder(h) for h in items]

    def decode_sequence(r: _Reader, v: object, where: str) -> list[object] | tuple[object, ...]:
        if not isinstance(v, list):
            raise RecordError(f"{where}: expected a list, got {_kind(v)}")
        if length is not None and len(v) != length:
            raise RecordError(f"{where}: expected {length} items, got {len(v)}")
        if decoders is None:
            out = [decode_item(r, x, f"{where}[{i}]") for i, x in enumerate(v)]
        else:
            out = [decode(r, x, f"{where}[{i}]") for i, (x, decode) in enumerate(zip(v, decoders))]
        return tuple(out) if is_tuple else out
    return decode_sequence


def _exactly(hint: type) -> _Decode:
    """Reads a value of type ``hint`` and nothing else (JSON's true is no number); an int where a float goes, as a float."""
    def decode_exactly(r: _Reader, v: object, where: str) -> object:
        if type(v) is hint:
            return v
        if hint is float and type(v) is int:
            return float(v)
        raise RecordError(f"{where}: expected {hint.__name__}, got {_kind(v)}")
    return decode_exactly


class _Reader:
    def __init__(self) -> None:
        self.mentions: list[Mention] = []

    def dataclass(self, value: object, cls: type, where: str):
        if not isinstance(value, dict):
            raise RecordError(f"{where}: expected an object, got {_kind(value)}")
        plan = _plan(cls)
        unknown = value.keys() - plan.names
        if unknown:
            raise RecordError(f"{where}: unknown field {sorted(unknown)[0]!r} of {cls.__name__}")
        kwargs = {}
        for name, decode, required in plan.reads:
            if name not in value:
                if required:
                    raise RecordError(f"{where}: missing field {name!r} of {cls.__name__}")
                continue
            if decode is None:
                continue  # Document.mentions: read first, by the caller: relations index them
            kwargs[name] = decode(self, value[name], f"{where}.{name}")
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as e:  # a model class that validates its values (__post_init__)
            raise RecordError(f"{where}: {e}") from None

    def mention(self, value: object, where: str) -> Mention:
        if type(value) is not int or not 0 <= value < len(self.mentions):
            raise RecordError(f"{where}: expected a mention index below {len(self.mentions)}, got {value!r}")
        return self.mentions[value]

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
