"""The HanLP recognizer: shipped model, tag-set mapping, training, CRF fix, offline errors."""
import json
import os
import subprocess
import sys

import hanlp
import pytest
import torch

from kg.cli import main
from kg.model import ENTITY_TYPES
from kg.ner.hanlp_ner import SHIPPED_MODEL
from kg.ner.labels import schema_type

# Invented text: no real person, company or park.
SENTENCE = "昨天，市委书记周明远到重庆华锐精密制造有限公司调研，并考察了临江高新区。"

TINY_DOCS = {
    "a.txt": "区长林志航来到宁川农机制造有限公司。林志航说，宁川农机制造有限公司是临江区的龙头企业。\n\n"
             "副区长韩雪梅考察了东湖高新区。",
    "b.txt": "区委书记韩雪梅到宏远材料科技有限公司调研。临江区经济信息委负责人陪同。\n\n"
             "林志航在东湖高新区听取了汇报。",
}
TINY_GOLD = {
    "a.txt": [("林志航", "Person"), ("宁川农机制造有限公司", "Enterprise"), ("临江区", "Place"),
              ("韩雪梅", "Person"), ("东湖高新区", "Park")],
    "b.txt": [("韩雪梅", "Person"), ("宏远材料科技有限公司", "Enterprise"), ("临江区经济信息委", "GovOrg"),
              ("林志航", "Person"), ("东湖高新区", "Park")],
}


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """A model trained for one epoch on a tiny gold set through ``kg train-ner``."""
    root = tmp_path_factory.mktemp("tiny")
    (root / "docs").mkdir()
    (root / "gold").mkdir()
    for name, text in TINY_DOCS.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
        gold = {"doc": name, "entities": [{"text": t, "type": k} for t, k in TINY_GOLD[name]], "relations": []}
        (root / "gold" / (name[:-4] + ".json")).write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = root / "model"
    assert main(["train-ner", "--gold", str(root / "gold"), "--docs", str(root / "docs"),
                 "--out", str(out), "--epochs", "1", "--dev-ratio", "0.5"]) == 0
    return out


@pytest.mark.parametrize("exclude, trained_on", [
    ([], "trained on 3 documents"),  # gold a.txt and b.txt, silver c.txt
    (["b.txt"], "trained on 2 documents"),  # b.txt is neither gold nor silver
    (["b.txt", "c.txt"], "trained on 1 documents"),
])
def test_excluded_documents_are_neither_gold_nor_silver(tmp_path, capsys, exclude, trained_on):
    docs, gold, untouched = tmp_path / "docs", tmp_path / "gold", tmp_path / "untouched"
    for d in (docs, gold, untouched):
        d.mkdir()
    for name, text in {**TINY_DOCS, "c.txt": TINY_DOCS["a.txt"]}.items():
        (docs / name).write_text(text, encoding="utf-8")
    for name, entities in TINY_GOLD.items():
        gold_json = {"doc": name, "entities": [{"text": t, "type": k} for t, k in entities], "relations": []}
        (gold / (name[:-4] + ".json")).write_text(json.dumps(gold_json, ensure_ascii=False), encoding="utf-8")
    for name in exclude:
        (untouched / (name[:-4] + ".json")).write_text(json.dumps({"doc": name, "entities": []}), encoding="utf-8")
    args = ["train-ner", "--gold", str(gold), "--docs", str(docs), "--silver", str(docs),
            "--out", str(tmp_path / "model"), "--epochs", "1", "--dev-ratio", "0"]
    if exclude:
        args += ["--exclude", str(untouched)]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith(trained_on)


def test_shipped_model_loads_and_tags_a_company_and_a_person():
    model = hanlp.load(str(SHIPPED_MODEL), devices=-1, verbose=False)
    entities = model(list(SENTENCE))
    for text, label, begin, end in entities:
        assert SENTENCE[begin:end] == text
        assert label in ENTITY_TYPES
    found = {(text, label) for text, label, _, _ in entities}
    assert ("重庆华锐精密制造有限公司", "Enterprise") in found
    assert ("周明远", "Person") in found


@pytest.mark.parametrize("label, name, expected", [
    # MSRA
    ("PERSON", "周明远", "Person"),
    ("LOCATION", "临江区", "Place"),
    ("LOCATION", "西部", "Place"),  # an ending of GovOrg (部) does not turn a location into a body
    ("ORGANIZATION", "重庆华锐精密制造有限公司", "Enterprise"),
    ("ORGANIZATION", "临江区审计局", "GovOrg"),
    ("ORGANIZATION", "临江大学", "Organization"),
    ("DATE", "3月16日", None),
    # MSRA / PKU part-of-speech style
    ("NR", "周明远", "Person"),
    ("NS", "临江高新区", "Park"),
    ("NT", "宏远集团", "Enterprise"),
    ("nt", "临江区人大常委会", "GovOrg"),
    ("ns", "宁川县", "Place"),
    # OntoNotes
    ("GPE", "宁川县", "Place"),
    ("LOC", "东湖", "Place"),
    ("ORG", "临江区委", "GovOrg"),
    ("FAC", "东湖大桥", "Project"),
    ("NORP", "汉族", None),
    # CoNLL
    ("PER", "林志航", "Person"),
    # kg's own model: its labels are kept as they are
    ("Enterprise", "宏远材料", "Enterprise"),
    ("Organization", "临江区审计局", "Organization"),
])
def test_label_mapping(label, name, expected):
    assert schema_type(label, name) == expected


def test_one_epoch_of_training_saves_a_model_that_reloads(tiny_model):
    model = hanlp.load(str(tiny_model), devices=-1, verbose=False)
    assert type(model).__name__ == "BiLSTMCRFRecognizer"
    sentence = list("林志航到宏远材料科技有限公司调研。")
    for text, label, begin, end in model(sentence):
        assert "".join(sentence[begin:end]) == text and label in ENTITY_TYPES


def test_reloaded_crf_decodes_batch_first(tiny_model):
    """HanLP 2.1.5 builds its CRF with batch_first=None; the fix must survive a reload."""
    crf = hanlp.load(str(tiny_model), devices=-1, verbose=False).model.crf
    assert crf.batch_first is True
    n = crf.num_tags
    with torch.no_grad():
        crf.start_transitions.zero_()
        crf.end_transitions.zero_()
        crf.transitions.zero_()
        crf.transitions[1, 2] = 5.0  # tag 1 is followed by tag 2 far more often than by anything else
    emissions = torch.zeros(2, 3, n)
    # sentence 1: tag 1, then a slight preference for tag 0 that the transition overrules, then tag 0
    emissions[0, 0, 1], emissions[0, 1, 0], emissions[0, 1, 2], emissions[0, 2, 0] = 3.0, 1.0, 0.0, 2.0
    # sentence 2, only two characters long: tag 2, then tag 0
    emissions[1, 0, 2], emissions[1, 1, 0] = 3.0, 3.0
    mask = torch.tensor([[True, True, True], [True, True, False]])
    assert [list(map(int, p)) for p in crf.decode(emissions, mask)] == [[1, 2, 0], [2, 0]]


def test_offline_pretrained_identifier_fails_with_one_clear_line(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(SENTENCE, encoding="utf-8")
    unreachable = "http://127.0.0.1:9"  # the discard port: the download fails at once, online or not
    env = dict(os.environ, HANLP_HOME=str(tmp_path / "hanlp_home"), HTTPS_PROXY=unreachable,
               HTTP_PROXY=unreachable, https_proxy=unreachable, http_proxy=unreachable, NO_PROXY="", no_proxy="")
    result = subprocess.run(
        [sys.executable, "-m", "kg", "extract", str(doc), "--json-dir", str(tmp_path / "out"),
         "--ner", "hanlp", "--hanlp-model", "MSRA_NER_ELECTRA_SMALL_ZH"],
        capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "MSRA_NER_ELECTRA_SMALL_ZH" in lines[0] and "--ner rules" in lines[0]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", [
    ["extract", "{doc}", "--json-dir", "{out}", "--ner", "hanlp"],
    ["build", "{doc}", "--out", "{out}", "--ner", "ensemble"],
    ["train-ner", "--gold", "{gold}", "--docs", "{docs}", "--out", "{out}"],
])
def test_without_the_hanlp_extra_the_model_commands_name_the_install_command(tmp_path, command):
    # A package named hanlp that fails to import stands for a machine where the extra is not installed.
    (tmp_path / "blocked" / "hanlp").mkdir(parents=True)
    (tmp_path / "blocked" / "hanlp" / "__init__.py").write_text("raise ImportError('No module named hanlp')\n")
    doc = tmp_path / "doc.txt"
    doc.write_text(SENTENCE, encoding="utf-8")
    values = {"doc": doc, "out": tmp_path / "out", "gold": tmp_path, "docs": tmp_path}
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path / "blocked"), os.environ.get("PYTHONPATH", "")]))
    result = subprocess.run([sys.executable, "-m", "kg", *[a.format(**values) for a in command]],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "pip install 'kg[hanlp]'" in lines[0] and "whl/cpu" in lines[0]
    assert not (tmp_path / "out").exists()
