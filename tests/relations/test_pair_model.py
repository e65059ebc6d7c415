"""The learned pair classifier (kg.relations.pair_model): candidates, features, scoring, training and
the model file, on small sentences written for these tests (the names are invented).

``make_doc`` plays a perfect recognizer and runs the relation patterns, so the candidates and
features here are those the stage sees after the patterns; the scoring tests use hand-set weights,
so they check the stage's logic, not the shipped model's figures (benchmarks/train_pair_model.py).
"""
from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.names import compact
from kg.pipeline import PAIR_STAGE, default_pipeline
from kg.relations.pair_model import (MAX_GAP, MODEL, PAIR_TYPES, PATTERN, SOURCE, PairModel, PairView,
                                     add_scored_pairs, load_model, scored_pairs, train)
from tests.conftest import make_doc, triples

LIST = "青禾镇，远拓科技、澜舟物流等企业纷纷扩产。"  # no pattern relates them
LIST_NAMES = [("青禾镇", "Place"), ("远拓科技", "Enterprise"), ("澜舟物流", "Enterprise")]


def _candidates(doc, how: str | None = None) -> set[tuple[str, str, str, str]]:
    return {(c.head.text, c.label, c.tail.text, c.how) for c in PairView(doc).candidates()
            if how in (None, c.how)}


def _features(doc, head: str, label: str, tail: str) -> set[str]:
    view = PairView(doc)
    found = [view.features(c) for c in view.candidates()
             if (c.head.text, c.label, c.tail.text) == (head, label, tail) and c.how != "split"]
    assert found, f"no candidate {head} {label} {tail}"
    return set(found[0])


def _model(weights: dict[str, float], bias: float = -5.0, threshold: float = 0.5) -> PairModel:
    return PairModel(weights, bias, {label: threshold for label in PAIR_TYPES})


@pytest.mark.parametrize("text, names, present, absent", [
    pytest.param(LIST, LIST_NAMES,
                 {("远拓科技", "located_in", "青禾镇", "sentence"), ("澜舟物流", "located_in", "青禾镇", "sentence")},
                 {("青禾镇", "located_in", "远拓科技", "sentence")}, id="each_listed_company_with_the_place_opening"),
    pytest.param("远拓科技投资建设澜舟储能电站。", [("远拓科技", "Enterprise"), ("澜舟储能电站", "Project")],
                 {("远拓科技", "owns_project", "澜舟储能电站", "sentence")}, set(), id="company_and_project"),
    pytest.param("青禾镇介绍了情况。" + "这里" * (MAX_GAP // 2 + 1) + "，远拓科技开工。",
                 [("青禾镇", "Place"), ("远拓科技", "Enterprise")], set(),
                 {("远拓科技", "located_in", "青禾镇", "sentence")}, id="another_sentence_is_no_sentence_pair"),
    pytest.param("青禾镇" + "，这里" * (MAX_GAP // 3 + 1) + "，远拓科技开工。",
                 [("青禾镇", "Place"), ("远拓科技", "Enterprise")], set(),
                 {("远拓科技", "located_in", "青禾镇", "sentence")}, id="a_tail_beyond_the_window_is_no_candidate"),
])
def test_candidates_pair_the_heads_and_tails_of_a_sentence_within_a_window(text, names, present, absent):
    found = _candidates(make_doc(text, names))
    assert present <= found
    assert not absent & found


def test_a_candidate_carries_the_compact_names_of_its_ends():
    doc = make_doc("青禾镇，远拓（重庆）科技、澜舟物流等企业纷纷扩产。",
                   [("青禾镇", "Place"), ("远拓（重庆）科技", "Enterprise"), ("澜舟物流", "Enterprise")])
    candidates = list(PairView(doc).candidates())
    assert all((c.head_key, c.tail_key) == (compact(c.head.text), compact(c.tail.text)) for c in candidates)
    assert ("远拓(重庆)科技", "located_in", "青禾镇") in {c.fact for c in candidates}


def test_a_projects_name_is_split_at_each_owner_length_after_the_place_it_opens_with():
    doc = make_doc("青禾远拓储能电站开工。", [("青禾远拓储能电站", "Project"), ("青禾", "Place")])
    owners = {head for head, label, _, how in _candidates(doc, "split") if label == "owns_project"}
    assert {"青禾远拓", "远拓", "远拓储能"} <= owners
    assert "青禾" not in owners  # a span the recognizer typed otherwise is no new owner


def test_no_split_owner_opens_with_a_building_verb_or_ends_with_a_joining_word():
    doc = make_doc("新建青禾至远拓铁路和澜舟储能电站开工。",
                   [("新建青禾至远拓铁路", "Project"), ("澜舟储能电站", "Project")])
    owners = {head for head, label, _, how in _candidates(doc, "split") if label == "owns_project"}
    assert "澜舟" in owners  # the other name is split as ever
    assert not {"新建", "新建青禾", "新建青禾至"} & owners


@pytest.mark.parametrize("text, names, pair, expected", [
    pytest.param(LIST, LIST_NAMES, ("远拓科技", "located_in", "青禾镇"),
                 {"located_in|tail_opens_sentence", "located_in|head_listed", "located_in|heading_list",
                  "located_in|order=th|Enterprise>Place", "located_in|clauses=1|th"}, id="a_place_heading_a_list"),
    pytest.param("远拓科技位于澄江产业园。", [("远拓科技", "Enterprise"), ("澄江产业园", "Park")],
                 ("远拓科技", "located_in", "澄江产业园"),
                 {"located_in|cue=位于|ht", "located_in|gap=2|ht", "located_in|tails_between=0|ht"},
                 id="a_cue_between_head_and_tail"),
    pytest.param("澄江产业园远拓储能电站开工。", [("澄江产业园", "Park"), ("远拓储能电站", "Project")],
                 ("远拓储能电站", "located_in", "澄江产业园"), {"located_in|between=|th", "located_in|gap=0|th"},
                 id="adjacent_names"),
])
def test_features_name_order_distance_cues_and_list_position(text, names, pair, expected):
    assert expected <= _features(make_doc(text, names), *pair)


@pytest.mark.parametrize("text, dominant", [
    pytest.param("青禾镇召开大会。青禾镇表彰了先进，远拓科技开工。", True, id="named_most_often"),
    pytest.param("青禾镇召开大会。澄江镇表彰了先进，青禾镇、澄江镇的远拓科技开工。", False, id="a_tie_is_no_dominant_place"),
])
def test_a_feature_says_whether_the_tail_is_the_documents_dominant_place(text, dominant):
    doc = make_doc(text, [("青禾镇", "Place"), ("澄江镇", "Place"), ("远拓科技", "Enterprise")])
    assert ("located_in|tail_dominant" in _features(doc, "远拓科技", "located_in", "青禾镇")) is dominant


def test_features_say_what_the_patterns_already_relate():
    doc = make_doc("远拓科技位于澄江产业园。", [("远拓科技", "Enterprise"), ("澄江产业园", "Park")])
    assert ("远拓科技", "located_in", "澄江产业园") in triples(doc)
    assert "located_in|ruled" in _features(doc, "远拓科技", "located_in", "澄江产业园")


def test_line_breaks_in_features_are_written_visibly():
    doc = make_doc("青禾镇\n\n远拓科技开工。", [("青禾镇", "Place"), ("远拓科技", "Enterprise")])
    assert all("\n" not in f and "\t" not in f for c in PairView(doc).candidates() for f in PairView(doc).features(c))


@pytest.mark.parametrize("weights, added", [
    pytest.param({"located_in|heading_list": 10.0}, {("远拓科技", "located_in", "青禾镇"), ("澜舟物流", "located_in", "青禾镇")},
                 id="a_feature_above_the_threshold_adds_the_pair"),
    pytest.param({"located_in|heading_list": 4.0}, set(), id="below_the_threshold_nothing"),
    pytest.param({}, set(), id="no_weights_nothing"),
])
def test_the_stage_adds_the_pairs_whose_score_passes_the_threshold(weights, added):
    doc = make_doc(LIST, LIST_NAMES)
    assert not triples(doc, "located_in")
    found = {(r.head.text, r.label, r.tail.text) for r in scored_pairs(doc, _model(weights))}
    assert found == added


def test_a_pair_the_patterns_state_is_not_added_again():
    doc = make_doc("远拓科技位于澄江产业园。", [("远拓科技", "Enterprise"), ("澄江产业园", "Park")])
    model = _model({"located_in|cue=位于|ht": 20.0})
    assert ("远拓科技", "located_in", "澄江产业园") not in {(r.head.text, r.label, r.tail.text)
                                                         for r in scored_pairs(doc, model)}


def test_one_split_per_name_is_kept_and_the_mentions_are_left_to_the_entity_stage(tmp_path):
    doc = make_doc("远拓储能电站开工。", [("远拓储能电站", "Project")])
    path = tmp_path / "weights.tsv"
    _model({"owns_project|split|Project|k=2|after_place=False": 8.0,
            "owns_project|split|Project|k=3|after_place=False": 7.0}).save(path, "test model")
    add_scored_pairs(doc, path)
    owned = [r for r in doc.relations if r.pattern == PATTERN]
    assert [(r.head.text, r.label, r.tail.text) for r in owned] == [("远拓", "owns_project", "远拓储能电站")]
    assert owned[0].evidence.text == "远拓储能电站开工。" and 0.5 <= owned[0].confidence <= 1
    assert (owned[0].head.type, owned[0].head.source) == ("Enterprise", SOURCE)
    assert [m.text for m in doc.mentions] == ["远拓储能电站"]


def test_training_learns_a_separating_feature_and_is_deterministic():
    examples = [(["a", "shared"], True), (["b", "shared"], False)] * 20
    model = train(examples, epochs=20, positive_weight=1.0)
    assert model.score(["a", "shared"]) > 0.5 > model.score(["b", "shared"])
    assert train(examples, epochs=20, positive_weight=1.0) == model


def test_a_saved_model_loads_back(tmp_path):
    path = tmp_path / "weights.tsv"
    model = _model({"located_in|x": 1.25, "owns_project|y": -2.0}, bias=-3.0, threshold=0.4)
    model.save(path, "a test model\nsecond line")
    assert path.read_text(encoding="utf-8").startswith("# a test model\n# second line\n")
    assert load_model(str(path)) == model


@pytest.mark.parametrize("content, message", [
    (None, "no pair model there"),
    ("# header\nw\tlocated_in|x\t1.0\n", "not a pair model"),
    ("# header\nbias\t-1.0\nthreshold\tlocated_in\t0.5\n", "not a pair model"),
])
def test_a_missing_or_broken_model_file_is_a_one_line_error(tmp_path, content, message):
    path = tmp_path / "weights.tsv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(KgError, match=message):
        load_model(str(path))


def test_the_shipped_model_has_a_header_and_a_threshold_per_relation():
    assert MODEL.read_text(encoding="utf-8").startswith("# kg relation pair classifier")
    model = load_model(str(MODEL))
    assert set(model.thresholds) == set(PAIR_TYPES) and model.weights


def test_the_stage_runs_after_the_patterns_and_declares_what_it_reads_and_writes():
    stages = {s.name: s for s in default_pipeline().stages}
    names = list(stages)
    assert names.index("relations") < names.index(PAIR_STAGE) < names.index("facts in time")
    assert set(stages[PAIR_STAGE].requires) >= {"mentions", "relations", "sentences"}
    assert stages[PAIR_STAGE].assigns == ("relations",)
