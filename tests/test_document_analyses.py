"""Analyses found once per document and kept on it, which later readers take from the
Document rather than recompute from its text: the title grammar's reading
(``doc.post_titles``, kg/ner/titles.py), the body grammar's (``doc.bodies``, kg/bodies.py), the
squeezed text (``doc.squeezed``, kg/boundary.py) and the sections headed by a place (``doc.sections``,
kg/relations/locations.py).
Texts are invented."""
from __future__ import annotations

import pytest

from kg.bodies import document_bodies, find_bodies
from kg.boundary import squeezed
from kg.model import Document, PostTitles, Section, Title, TitleChain
from kg.ner.govorgs import recognize_govorgs
from kg.ner.enterprises import recognize_enterprises
from kg.ner.persons import recognize_persons
from kg.ner.titles import post_titles, recognize_titles
from kg.normalize import normalize_document
from kg.resolve import resolve
from tests.conftest import make_doc


def _doc(text: str) -> Document:
    doc = Document(path="t.txt", name="t.txt", sha256="", encoding="utf-8", raw_text=text)
    normalize_document(doc)
    return doc


def _texts(doc: Document, spans) -> list[str]:
    return [doc.text[s.start:s.end] for s in spans]


@pytest.mark.parametrize("text, chains, appointments, carried, after_names", [
    ("区委副书记、区长赵光平出席会议。", [["区委副书记", "区长", "赵光平"]], [], [], []),
    ("会议决定，张明华同志任区委书记。", [], [("张明华", ["区委书记"], "after_name")], [], []),
    ("他曾任区委书记、区长。", [], [], [["区委书记", "区长"]], []),
    ("与会的李建国总书记讲话。", [], [], [], [("李建国", "总书记")]),
    ("（记者 王小明 摄）", [["记者", "王小明"]], [], [], [("王小明", "摄")]),
])
def test_what_the_title_grammar_reads(text, chains, appointments, carried, after_names):
    doc = _doc(text)
    found = post_titles(doc)
    t = doc.text
    assert [_texts(doc, c.titles) + [t[c.name_start:c.name_end]] for c in found.chains] == chains
    assert [(t[a.name_start:a.name_end], _texts(doc, a.titles), a.pattern) for a in found.appointments] == appointments
    assert [_texts(doc, titles) for _verb, titles in found.carried] == carried
    assert [(t[a:b], t[c:d]) for a, b, c, d in found.after_names] == after_names


def test_the_reading_is_kept_on_the_document_and_read_once():
    doc = _doc("区委副书记、区长赵光平出席会议。")
    assert doc.post_titles is None
    recognize_titles(doc)
    found = doc.post_titles
    assert found is not None and found.chains
    recognize_persons(doc)
    assert doc.post_titles is found and post_titles(doc) is found


def test_the_person_recognizer_reads_the_document_not_the_text():
    """A name the grammar's reading on the document gives is a person, whatever the text alone says."""
    doc = _doc("今天赵光平出席会议。")
    assert "赵光平" not in [m.text for m in recognize_persons(doc) if m.source == "persons.title"]
    doc.post_titles = PostTitles((), (TitleChain((Title(0, 2, 0, 0, "gov", False),), 2, 5),), (), (), ())
    assert "赵光平" in [m.text for m in recognize_persons(doc) if m.source == "persons.title"]


def test_the_body_reading_is_kept_on_the_document_and_read_once():
    doc = _doc("溪山区委书记出席区发展改革委会议。")
    assert doc.bodies is None
    recognize_govorgs(doc)
    found = doc.bodies
    assert found == tuple(find_bodies(doc.text)) and found
    recognize_titles(doc)
    assert doc.bodies is found and document_bodies(doc) is found


@pytest.mark.parametrize("recognize, read, unread", [
    (recognize_govorgs, ["区委办"], []),
    (recognize_titles, ["区委办主任"], ["主任"]),  # the title takes in the body before it
])
def test_the_govorg_and_title_recognizers_read_the_bodies_on_the_document(recognize, read, unread):
    """What a recognizer finds follows the reading on the document, whatever the text alone says."""
    text = "区委办主任李明出席会议。"
    assert [m.text for m in recognize(_doc(text))] == read
    doc = _doc(text)
    doc.bodies = ()
    assert [m.text for m in recognize(doc)] == unread


@pytest.mark.parametrize("text, squeezed_text, dropped", [
    ("长嘉汇购 物中心开业。", "长嘉汇购物中心开业。", [4]),
    ("记者 邓浩 罗凯元", "记者 邓浩 罗凯元", []),  # a byline: spaces separate names
    ("记者 邓浩\n\n长嘉汇购 物中心", "记者 邓浩\n\n长嘉汇购物中心", [11]),  # only the byline line keeps them
    ("共 3 家 企业", "共3家企业", [3]),  # normalization already dropped the spaces by the digit
    (" 甲 ", " 甲 ", []),
])
def test_the_squeezed_text_and_its_offsets(text, squeezed_text, dropped):
    doc = _doc(text)
    view = squeezed(doc)
    assert (view.text, list(view.dropped)) == (squeezed_text, dropped)
    assert [doc.text[i] for i in view.index[:-1]] == list(view.text)
    assert view.index[-1] == len(doc.text)
    assert doc.squeezed is view and squeezed(doc) is view


def test_recognizers_read_the_squeezed_text_on_the_document():
    doc = _doc("长嘉汇购 物中心开业。")
    recognize_enterprises(doc)
    assert doc.squeezed is not None and doc.squeezed.text == "长嘉汇购物中心开业。"


@pytest.mark.parametrize("text, sections", [
    ("石柱\n\n黄水大桥加快建设。\n\n丰都\n\n名山索道项目开工。",
     [("石柱", "石柱\n\n黄水大桥加快建设。\n\n"), ("丰都", "丰都\n\n名山索道项目开工。")]),
    ("石柱的黄水大桥加快建设。", []),  # a place inside a sentence heads nothing
])
def test_the_relations_stage_keeps_the_sections_on_the_document(text, sections):
    doc = make_doc(text, [("石柱", "Place"), ("丰都", "Place"), ("黄水大桥", "Project"), ("名山索道项目", "Project")])
    assert [(s.header.text, doc.text[s.header.start:s.end]) for s in doc.sections] == sections


def test_resolution_reads_the_sections_on_the_document_not_the_text():
    """A bare body takes the place of its section from ``doc.sections``, whatever the text alone says."""
    names = [("江津区", "Place"), ("永川区", "Place"), ("区委", "GovOrg")]
    doc = make_doc("江津区、江津区和永川区的代表出席。区委召开全会。", names)
    assert doc.sections == []

    def body_label(doc: Document) -> str:
        return next(e.label for e in resolve([doc]).entities.values() if e.type == "GovOrg")

    assert body_label(doc) == "江津区委"  # the place the article names most
    doc.sections = [Section(next(m for m in doc.mentions if m.text == "永川区"), len(doc.text))]
    assert body_label(doc) == "永川区委"
