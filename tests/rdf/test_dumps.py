"""The dumps written from parts (kg.rdf.dumps): each reads back as the store's quads, and parts that
are not those of the store (of other content, damaged) are made again, never written out."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from kg.rdf.dataset import build_quads, memory_store, statement_graphs, statement_quads
from kg.rdf.dumps import (DUMP_FILES, PREFIX_LINES, _PREFIXES, DumpParts, _turtle_blocks, named_graphs, parts_current,
                          write_dumps)
from tests.conftest import sample_kb

_DEFAULT = pyoxigraph.DefaultGraph()


def _read_back(path: Path, fmt: pyoxigraph.RdfFormat) -> set[pyoxigraph.Quad]:
    return set(pyoxigraph.parse(path=path, format=fmt))


@pytest.fixture
def store() -> pyoxigraph.Store:
    return memory_store(build_quads(sample_kb()))


#: dump -> (its RDF format, whether it holds the named graphs too)
FORMATS = {"ttl": (pyoxigraph.RdfFormat.TURTLE, False), "nt": (pyoxigraph.RdfFormat.N_TRIPLES, False),
           "jsonld": (pyoxigraph.RdfFormat.JSON_LD, False), "trig": (pyoxigraph.RdfFormat.TRIG, True)}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_dump_reads_back_as_the_quads_of_the_store(store, tmp_path, fmt):
    write_dumps(None, None, store, tmp_path, [fmt])
    rdf_format, dataset = FORMATS[fmt]
    expected = set(store) if dataset else set(store.quads_for_pattern(None, None, None, _DEFAULT))
    assert expected and _read_back(tmp_path / DUMP_FILES[fmt], rdf_format) == expected


def _other_parts(path: Path) -> None:
    """Parts of another store under the stamp the store has."""
    other = pyoxigraph.Store()
    node = pyoxigraph.NamedNode("https://example.org/other")
    other.add(pyoxigraph.Quad(node, node, node))
    parts = DumpParts(path)
    parts.rebuild(other, "another stamp")
    parts.close()


def _damaged_parts(path: Path) -> None:
    path.write_bytes(b"\x00not a database\x00" * 64)


@pytest.mark.parametrize("spoil", [_other_parts, _damaged_parts], ids=["of other content", "damaged"])
def test_parts_not_of_the_store_are_made_again(store, tmp_path, spoil):
    parts = tmp_path / "dumps.sqlite"
    spoil(parts)
    assert not parts_current(parts, "the store's stamp")
    write_dumps(parts, "the store's stamp", store, tmp_path, ["nt"])
    assert parts_current(parts, "the store's stamp")
    assert _read_back(tmp_path / "graph.nt", pyoxigraph.RdfFormat.N_TRIPLES) == \
        set(store.quads_for_pattern(None, None, None, _DEFAULT))


def test_a_store_that_keeps_no_record_has_its_parts_made_again_each_time(store, tmp_path):
    parts = tmp_path / "dumps.sqlite"
    _other_parts(parts)
    write_dumps(parts, None, store, tmp_path, ["nt"])
    assert _read_back(tmp_path / "graph.nt", pyoxigraph.RdfFormat.N_TRIPLES) == \
        set(store.quads_for_pattern(None, None, None, _DEFAULT))


def _named_graph_only() -> pyoxigraph.Store:
    """A store whose only quad is in a named graph: its default graph is empty."""
    other = pyoxigraph.Store()
    node = pyoxigraph.NamedNode("https://example.org/other")
    other.add(pyoxigraph.Quad(node, node, node, node))
    return other


@pytest.mark.parametrize("make_store", [lambda: memory_store(build_quads(sample_kb())), pyoxigraph.Store,
                                        _named_graph_only], ids=["sample", "empty", "named graph only"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_parts_made_for_one_write_give_the_bytes_of_kept_parts(tmp_path, make_store, fmt):
    store = make_store()
    (tmp_path / "once").mkdir()
    (tmp_path / "kept").mkdir()
    write_dumps(None, None, store, tmp_path / "once", [fmt])
    write_dumps(tmp_path / "dumps.sqlite", None, store, tmp_path / "kept", [fmt])
    name = DUMP_FILES[fmt]
    assert (tmp_path / "once" / name).read_bytes() == (tmp_path / "kept" / name).read_bytes()


def _changes(store: pyoxigraph.Store) -> tuple[list, list]:
    """Change ``store``: the first and a middle subject of the default graph lose their quads, one gets a
    new one, a new subject sorts first and another last, a named graph is dropped and one added.
    Returns the subjects and named graphs whose quads changed."""
    subjects = sorted({q.subject for q in store.quads_for_pattern(None, None, None, _DEFAULT)}, key=str)
    graphs = sorted(store.named_graphs(), key=str)
    first, middle, kept = subjects[0], subjects[len(subjects) // 2], subjects[1]
    for subject in (first, middle):
        for q in list(store.quads_for_pattern(subject, None, None, _DEFAULT)):
            store.remove(q)
    label = pyoxigraph.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    early, late = pyoxigraph.NamedNode("a:early"), pyoxigraph.NamedNode("zz:late")
    new_graph = pyoxigraph.NamedNode("https://example.org/new-graph")
    for quad in (pyoxigraph.Quad(kept, label, pyoxigraph.Literal("又一个名字")),
                 pyoxigraph.Quad(early, label, pyoxigraph.Literal("first")),
                 pyoxigraph.Quad(late, label, pyoxigraph.Literal("last")),
                 pyoxigraph.Quad(late, label, pyoxigraph.Literal("last"), new_graph)):
        store.add(quad)
    for q in list(store.quads_for_pattern(None, None, None, graphs[0])):
        store.remove(q)
    return [first, middle, kept, early, late], [graphs[0], new_graph]


@pytest.fixture
def disk_store(tmp_path) -> pyoxigraph.Store:
    """The sample on disk, as kg's stores are: a subject's quads come in the same order whether read
    alone or with the whole default graph (not so in an in-memory store once quads were removed)."""
    store = pyoxigraph.Store(tmp_path / "oxigraph")
    store.extend(build_quads(sample_kb()))
    return store


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_dump_updated_from_the_last_written_one_has_the_bytes_of_one_written_whole(disk_store, tmp_path, fmt):
    store = disk_store
    parts_path, before, after, whole = (tmp_path / name for name in ("dumps.sqlite", "before", "after", "whole"))
    for directory in (before, after, whole):
        directory.mkdir()
    write_dumps(parts_path, "before", store, before, [fmt])
    DumpParts(parts_path).written([fmt])
    subjects, graphs = _changes(store)
    parts = DumpParts(parts_path)
    parts.update(store, subjects, graphs, "after")
    parts.update(store, subjects[:1], [], "after")  # a second update keeps the lengths of the first
    name = DUMP_FILES[fmt]
    assert parts._write_updated(after / name, fmt, before / name)  # made from the last one, not written whole
    write_dumps(None, None, store, whole, [fmt])
    assert (after / name).read_bytes() == (whole / name).read_bytes() != (before / name).read_bytes()


@pytest.mark.parametrize("spoil", ["edited", "not written"])
def test_a_dump_not_as_last_written_is_written_whole(disk_store, tmp_path, spoil):
    store = disk_store
    parts_path, before, after = tmp_path / "dumps.sqlite", tmp_path / "before", tmp_path / "after"
    before.mkdir()
    after.mkdir()
    write_dumps(parts_path, "before", store, before, ["nt"])
    if spoil == "edited":
        DumpParts(parts_path).written(["nt"])
        with open(before / "graph.nt", "ab") as f:
            f.write(b"<a:x> <a:y> <a:z> .\n")
    subjects, graphs = _changes(store)
    parts = DumpParts(parts_path)
    parts.update(store, subjects, graphs, "after")
    parts.write(after, "nt", previous=before)
    assert _read_back(after / "graph.nt", pyoxigraph.RdfFormat.N_TRIPLES) == \
        set(store.quads_for_pattern(None, None, None, _DEFAULT))


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_dump_has_the_same_bytes_whatever_store_holds_the_quads(tmp_path, fmt):
    """The dumps' order is kg's (``triple_order``), not the store's: RocksDB and the in-memory store
    iterate quads in other orders, and so do two in-memory stores filled in other orders."""
    quads = build_quads(sample_kb())
    stores = {"disk": pyoxigraph.Store(tmp_path / "oxigraph"), "memory": pyoxigraph.Store(),
              "memory, filled backwards": pyoxigraph.Store()}
    for name, store in stores.items():
        store.extend(reversed(quads) if "backwards" in name else quads)
    written = set()
    for name, store in stores.items():
        for parts in (None, tmp_path / f"{name}.sqlite"):  # made for one write, and kept
            out = tmp_path / f"{name} {parts is None}"
            out.mkdir()
            write_dumps(parts, None, store, out, [fmt])
            written.add((out / DUMP_FILES[fmt]).read_bytes())
    assert len(written) == 1


def test_each_subject_of_a_dump_has_its_type_first_then_its_triples_sorted(store, tmp_path):
    write_dumps(None, None, store, tmp_path, ["nt"])
    lines = (tmp_path / "graph.nt").read_text(encoding="utf-8").splitlines()
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"

    def order(line: str) -> tuple:
        subject, predicate, _ = line.split(" ", 2)
        return subject, predicate != rdf_type, line

    assert len(lines) > 100 and lines == sorted(lines, key=order)
    assert lines != sorted(lines)  # a type comes before predicates that sort first


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_store_of_the_default_graph_and_the_blocks_of_its_named_graphs_give_the_dumps_of_the_whole(tmp_path, fmt):
    """A build's temporary store holds the default graph only; its named graphs come as TriG blocks
    (``named_graphs``, made from the quads as kg makes them, their literals not yet canonical)."""
    quads = build_quads(sample_kb())
    blocks = tmp_path / "graphs.trig"
    blocks.write_bytes(named_graphs(quads)[0])
    default_only = memory_store([q for q in quads if isinstance(q.graph_name, pyoxigraph.DefaultGraph)])
    (tmp_path / "whole").mkdir()
    (tmp_path / "apart").mkdir()
    write_dumps(None, None, memory_store(quads), tmp_path / "whole", [fmt])
    write_dumps(None, None, default_only, tmp_path / "apart", [fmt], graphs_file=blocks)
    name = DUMP_FILES[fmt]
    assert (tmp_path / "apart" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes()


def test_the_triples_of_the_named_graphs_and_the_quads_no_graph_holds_are_the_default_graph():
    """A temporary store's default graph: ``statement_graphs`` makes a stated triple once, in its document's
    graph; ``named_graphs`` gives its copy in the default graph (canonical, as a store holds it)."""
    unstated, named = statement_graphs(sample_kb())
    _, triples = named_graphs(named)
    apart = memory_store(list(unstated))
    apart.load(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    whole = memory_store([q for q in statement_quads(sample_kb()) if q.graph_name == _DEFAULT])
    assert named and triples and set(apart) == set(whole)


_EX = "http://example.org/"
#: Subjects whose Turtle blocks could be cut wrongly: several predicates and objects (continuation lines),
#: literals holding a newline, a tab, a quote, a blank node as subject and as object, one triple alone.
_SUBJECTS = {
    "several predicates and objects": [(_EX + "a", _EX + "p", _EX + "b"), (_EX + "a", _EX + "p", _EX + "c"),
                                       (_EX + "a", _EX + "q", "one\ttwo")],
    "a literal with a newline and a quote": [(_EX + "d", _EX + "p", 'first line\nsecond "line"')],
    "a blank node": [("_:x", _EX + "p", _EX + "a"), ("_:x", _EX + "q", "\n\tindented")],
    "a blank node as object": [(_EX + "e", _EX + "p", "_:x")],
}


def _term(value: str):
    if value.startswith(_EX):
        return pyoxigraph.NamedNode(value)
    return pyoxigraph.BlankNode(value[2:]) if value.startswith("_:") else pyoxigraph.Literal(value)


@pytest.mark.parametrize("order", [list(_SUBJECTS), list(reversed(_SUBJECTS))])
def test_turtle_blocks_made_in_one_call_are_the_blocks_of_a_call_per_subject(order):
    subjects = [[pyoxigraph.Quad(*map(_term, triple)) for triple in _SUBJECTS[name]] for name in order]
    alone = [pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.TURTLE,
                                  prefixes=_PREFIXES).removeprefix(PREFIX_LINES) for quads in subjects]
    assert _turtle_blocks(subjects) == alone
