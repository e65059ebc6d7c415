"""The project CRF stacked on the rules: its tagging, features, cue sentences, combination policies,
a tiny model trained here from invented gold, and the shipped model."""
from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.gold import occurrences
from kg.model import Mention
from kg.ner.project_crf import (MODEL, SOURCE, _breaks, _tagger, bio_tags, combine, cue_sentences, known_features,
                                label_projects, name_start, sentence_features, stacked_projects, tag_spans, tails_dropped, train,
                                training_sequences)
from kg.ner.recognizers import recognize_with, rule_components
from kg.pipeline import default_pipeline, text_pipeline
from kg.reader import find_documents, load_document
from tests.conftest import SEEDS, raw_doc

B, I, O = "B-Project", "I-Project", "O"


def split_doc(text: str):
    return text_pipeline()(raw_doc(text))


def rule_candidates(doc) -> list[Mention]:
    return [m for component in rule_components() for m in component(doc)]


@pytest.mark.parametrize("length, spans, tags", [
    (5, [(1, 3)], [O, B, I, O, O]),
    (5, [(0, 2), (0, 4)], [B, I, I, I, O]),          # overlapping: the longest is taught
    (6, [(0, 2), (3, 5)], [B, I, O, B, I, O]),
    (4, [(2, 6)], [O, O, O, O]),                     # running past the sentence: not taught
])
def test_bio_tags(length, spans, tags):
    assert bio_tags(length, spans) == tags


@pytest.mark.parametrize("tags, spans", [
    ([O, B, I, O], [(1, 3)]),
    ([B, I, B, I], [(0, 2), (2, 4)]),
    ([O, I, I, O], [(1, 3)]),                        # an I after O starts a name
    ([B], [(0, 1)]),
    ([O, O], []),
])
def test_tag_spans(tags, spans):
    assert tag_spans(tags) == spans


@pytest.mark.parametrize("text, candidate, position, present, absent", [
    # a rule candidate of another type is a feature; the rules' own Project candidates are not
    ("在青禾镇建设项目", Mention(1, 4, "青禾镇", "Place"), 1, {"rPlace=B", "c=青", "k=H"}, set()),
    ("在青禾镇建设项目", Mention(1, 8, "青禾镇建设项目", "Project"), 1, set(), {"rProject=B"}),
    ("年产5万吨", None, 2, {"k=D", "c-1=产"}, set()),
    ("签约星海智谷项目", None, 6, {"trig<", "psuf=B"}, set()),
    # the characters next to a candidate see it: a project opens right after its owner or place
    ("在青禾镇建设项目", Mention(1, 4, "青禾镇", "Place"), 4, {"rPlace<"}, {"rPlace=B", "owner<"}),
    ("在青禾镇建设项目", Mention(1, 4, "青禾镇", "Place"), 0, {"rPlace>"}, {"rPlace<"}),
    # an owner (a company or an institution) named earlier in the clause, up to its end
    ("澜舟电子锂电材料项目", Mention(0, 4, "澜舟电子", "Enterprise"), 8, {"owner<"}, {"rEnterprise<"}),
    ("青禾大学实验楼项目", Mention(0, 4, "青禾大学", "Organization"), 4, {"owner<", "rOrganization<"}, set()),
    ("澜舟电子，锂电材料项目", Mention(0, 4, "澜舟电子", "Enterprise"), 6, set(), {"owner<"}),
    ("澜舟电子锂电材料项目", Mention(0, 4, "澜舟电子", "Enterprise"), 3, {"rEnterprise=E"}, {"owner<"}),
])
def test_sentence_features(text, candidate, position, present, absent):
    features = set(sentence_features(text, [candidate] if candidate else [])[position])
    assert present <= features
    assert not absent & features


@pytest.mark.parametrize("text, position, features", [
    # the shipped model was trained on these exact strings: character columns first, then the marks
    ("签约星海智谷项目", 7, ["c=目", "c-1=项", "c+1=$", "c-2=谷", "c+2=$", "b-1=项目", "b+1=目$", "t=项目$", "k=H",
                        "kk=HH$", "psuf=I", "psuf=E", "head=Project", "anchor>0", "clause<5-8", "trig<"]),
    ("星海智谷项目签约", 0, ["c=星", "c-1=^", "c+1=海", "c-2=^", "c+2=智", "b-1=^星", "b+1=星海", "t=^星海", "k=H",
                        "kk=^HH", "anchor>5-8", "clause<0", "trig>"]),
    ("我们" * 10, 16, ["c=我", "c-1=们", "c+1=们", "c-2=我", "c+2=我", "b-1=们我", "b+1=我们", "t=们我们", "k=H", "kk=HHH",
                     "clause<9-16"]),
    ("我们" * 10, 18, ["c=我", "c-1=们", "c+1=们", "c-2=我", "c+2=$", "b-1=们我", "b+1=我们", "t=们我们", "k=H", "kk=HHH",
                     "clause<17+"]),                 # beyond the distance table
])
def test_sentence_features_in_order(text, position, features):
    assert sentence_features(text, [])[position] == features


@pytest.mark.parametrize("text, owner, distances", [
    # each character sees the next anchor of its clause (a project's suffix ending), how far its clause
    # runs back, and an owner named earlier in the clause; punctuation starts a clause again
    ("星海项目和青禾项目", None, [("anchor>3-4", "clause<0"), ("anchor>2", "clause<1"), ("anchor>1", "clause<2"),
                           ("anchor>0", "clause<3-4"), ("anchor>3-4", "clause<3-4"), ("anchor>3-4", "clause<5-8"),
                           ("anchor>2", "clause<5-8"), ("anchor>1", "clause<5-8"), ("anchor>0", "clause<5-8")]),
    ("星海，青禾项目", None, [("clause<0",), ("clause<1",), (), ("anchor>3-4", "clause<0"), ("anchor>2", "clause<1"),
                         ("anchor>1", "clause<2"), ("anchor>0", "clause<3-4")]),
    ("澜舟电子建厂，青禾项目", Mention(0, 4, "澜舟电子", "Enterprise"),
     [("clause<0",), ("clause<1",), ("clause<2",), ("clause<3-4",), ("clause<3-4", "owner<"), ("clause<5-8", "owner<"),
      (), ("anchor>3-4", "clause<0"), ("anchor>2", "clause<1"), ("anchor>1", "clause<2"), ("anchor>0", "clause<3-4")]),
])
def test_sentence_features_by_clause(text, owner, distances):
    features = sentence_features(text, [owner] if owner else [])
    assert [tuple(f for f in item if f.startswith(("anchor>", "clause<", "owner<"))) for item in features] == distances


def test_sentence_features_of_no_text():
    assert sentence_features("", []) == []


@pytest.mark.parametrize("text, name", [
    ("推进云杉智造城项目", "云杉智造城项目"),           # a verb taking the project as object
    ("全力推进云杉智造城项目", "云杉智造城项目"),       # after an adverb of effort
    ("今年云杉智造城项目", "云杉智造城项目"),           # a time word
    ("3月云杉智造城项目", "云杉智造城项目"),            # a date of kg/dates.py's grammar
    ("2024年5月，签约云杉智造城项目", "云杉智造城项目"),  # a date, its comma, then a verb
    ("近日云杉智造城项目", "云杉智造城项目"),
    ("18日上午集中开工云杉智造城项目", "云杉智造城项目"),  # a day, its time of day, an adverb and a verb
    ("加快建设云杉智造城项目", "云杉智造城项目"),        # 建设 after a verb
    ("建设路改造工程", "建设路改造工程"),                # 建设 alone may open a name
    ("推进开发区道路工程", "开发区道路工程"),
    ("新建溪山至河口铁路项目", "新建溪山至河口铁路项目"),  # official names keep 新建
    ("改扩建青禾镇水厂工程", "改扩建青禾镇水厂工程"),
    ("年产5万吨锂电池隔膜项目", "年产5万吨锂电池隔膜项目"),  # 年产 opens a capacity, not a date
    ("20万吨再生铝项目", "20万吨再生铝项目"),
    ("全力云杉智造城项目", "全力云杉智造城项目"),       # an adverb alone opens nothing
    ("推进项目", None),                                # a bare head is left: no name
    ("今年推进工程", None),
])
def test_name_start_leaves_out_clause_openers(text, name):
    start = name_start(text, 0, len(text))
    assert (None if start is None else text[start:]) == name


@pytest.mark.parametrize("name, runs_over_a_clause", [
    ("云杉智造城项目是全省首个", True),
    ("溪山新材料基地一期车间里，项目", True),  # a clause's comma, full-width or not
    ("溪山新材料基地一期车间里,项目", True),
    ("签约仪式：云杉智造城项目", True),
    ("云杉智造城（一期）项目", False),
    ("年产5万吨锂电池隔膜项目", False),
])
def test_a_name_across_a_break_runs_over_a_clause(name, runs_over_a_clause):
    assert bool(_breaks().search(name)) == runs_over_a_clause


@pytest.mark.parametrize("text, labelled", [
    ("溪山县签约了一批新项目。会议由县长主持。", ["溪山县签约了一批新项目。"]),
    ("会议由县长主持。", []),
])
def test_only_sentences_with_a_cue_are_labelled(text, labelled):
    doc = split_doc(text)
    assert [doc.text[s:e] for s, e in cue_sentences(doc)] == labelled


RULE = Mention(0, 6, "甲乙丙丁项目", "Project", "projects.suffix", 0.8)
COMPANY = Mention(10, 16, "戊己有限公司", "Enterprise", "enterprises.suffix", 0.9)
PLACE = Mention(20, 23, "庚辛县", "Place", "places", 1.0)
INSIDE_RULE = Mention(2, 6, "丙丁项目", "Project", "project_crf", 0.7)
OVER_COMPANY = Mention(12, 18, "有限公司某某", "Project", "project_crf", 0.7)
OVER_PLACE = Mention(20, 26, "庚辛县大桥", "Project", "project_crf", 0.7)


@pytest.mark.parametrize("policy, kept_rule, added", [
    ("replace", False, [INSIDE_RULE, OVER_COMPANY, OVER_PLACE]),
    ("union", True, [INSIDE_RULE, OVER_COMPANY, OVER_PLACE]),
    ("fill", True, [OVER_PLACE]),                    # a place inside a project's name does not block it
])
def test_combine(policy, kept_rule, added):
    combined = combine(policy, [RULE, COMPANY, PLACE], [INSIDE_RULE, OVER_COMPANY, OVER_PLACE])
    assert (RULE in combined) == kept_rule
    assert COMPANY in combined and PLACE in combined
    assert [m for m in combined if m.source == "project_crf"] == added


@pytest.mark.parametrize("text, model_start, rule_kept", [
    ("青禾精工有限公司年产5万吨轴承项目", 0, False),  # the model's name runs over the owner: the rule's tail goes
    ("澜石智能装备制造基地", 0, False),
    ("溪山市有年产5万吨轴承项目", 0, True),        # 有: a clause, not a name
    ("溪山区的年产5万吨轴承项目", 0, True),        # 的
    ("年产5万吨轴承项目", 0, True),                # the same span
])
def test_a_rule_name_the_model_runs_further_left_is_dropped(text, model_start, rule_kept):
    tail = text.index("年产") if "年产" in text else text.index("智能")
    rule = Mention(tail, len(text), text[tail:], "Project", "projects.suffix", 0.8)
    owner = Mention(0, 2, text[:2], "Enterprise", "projects.owner", 0.6)
    found = [Mention(model_start, len(text), text[model_start:], "Project", SOURCE, 0.7)]
    assert (rule in tails_dropped(text, [rule, owner], found)) == rule_kept
    assert owner in tails_dropped(text, [rule, owner], found)


def test_unknown_policy_is_refused():
    with pytest.raises(ValueError):
        combine("both", [], [])


#: Invented gold: names of projects without a suffix the rules know, in sentences that announce them.
TRAINING = [
    ("溪山县与蓝湾公司签约云杉智造城，总投资12亿元。", ["云杉智造城"]),
    ("青禾镇签约松风数谷，总投资8亿元。", ["松风数谷"]),
    ("河口区签约白鹭慧谷，总投资5亿元。", ["白鹭慧谷"]),
    ("柳溪县签约金穗粮仓，总投资3亿元。", ["金穗粮仓"]),
    ("会议在县政府召开，总投资情况作了通报。", []),
    ("石桥镇签约青是慧谷，总投资6亿元。", ["青是慧谷"]),  # taught across 是, which no name holds
] * 3
UNSEEN = "石门县签约翠竹慧谷，总投资9亿元。"


#: Invented gold that takes the verb before each name into it, as the model sometimes does on new text.
TRAINING_WITH_OPENERS = [
    ("溪山县决定推进云杉智造城，年内开工。", ["推进云杉智造城"]),
    ("青禾镇决定推进松风数谷，年内开工。", ["推进松风数谷"]),
    ("河口区决定推进白鹭慧谷，年内开工。", ["推进白鹭慧谷"]),
    ("会议在县政府召开，开工情况作了通报。", []),
] * 3


def train_tiny(tmp_path_factory, training) -> str:
    sequences = []
    for text, names in training:
        doc = split_doc(text)
        projects = [span for name in names for span in occurrences(doc.text, name)]
        sequences += training_sequences(doc, rule_candidates(doc), projects)
    path = tmp_path_factory.mktemp("crf") / "model.crfsuite"
    train(sequences, path, {"max_iterations": 60})
    return path


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    return train_tiny(tmp_path_factory, TRAINING)


@pytest.fixture(scope="module")
def tiny_model_with_openers(tmp_path_factory):
    return train_tiny(tmp_path_factory, TRAINING_WITH_OPENERS)


@pytest.mark.parametrize("text, name, found", [
    (UNSEEN, "翠竹慧谷", True),
    ("石门县签约翠是慧谷，总投资9亿元。", "翠是慧谷", False),  # a name across 是 runs over a clause
])
def test_a_tiny_model_learns_names_from_gold(tiny_model, text, name, found):
    doc = split_doc(text)
    assert (name in {m.text for m in label_projects(doc, rule_candidates(doc), tiny_model)}) == found


def test_a_labelled_name_leaves_out_the_verb_before_it(tiny_model_with_openers):
    doc = split_doc("石门县决定推进翠竹慧谷，年内开工。")
    assert {m.text for m in label_projects(doc, rule_candidates(doc), tiny_model_with_openers)} == {"翠竹慧谷"}


def test_its_names_reach_the_merged_mentions(tiny_model):
    doc = split_doc(UNSEEN)
    recognize_with(rule_components(), [stacked_projects(tiny_model)])(doc)
    assert ("翠竹慧谷", "Project", "project_crf") in {(m.text, m.type, m.source) for m in doc.mentions}


def test_a_missing_model_is_one_clear_error(tmp_path):
    doc = split_doc(UNSEEN)
    with pytest.raises(KgError, match="no project CRF model"):
        stacked_projects(tmp_path / "none.crfsuite")(doc, [])


@pytest.mark.parametrize("text, project", [
    ("昨日，溪山县与蓝湾新材料有限公司签约年产5万吨锂电池隔膜项目，总投资20亿元。", "年产5万吨锂电池隔膜项目"),
])
def test_the_shipped_model_labels_a_project(text, project):
    doc = split_doc(text)
    found = {m.text for m in label_projects(doc, rule_candidates(doc), MODEL)}
    assert any(name.endswith(project[-6:]) for name in found), found


@pytest.mark.parametrize("text", [
    "昨日，溪山县与蓝湾新材料有限公司签约年产5万吨锂电池隔膜项目，总投资20亿元。",
    "青禾智造产业园二期开工，落户于云岭经济开发区，计划投资8亿元。",
    "星海智谷项目签约",
])
def test_the_shipped_model_labels_the_same_from_the_features_it_knows(text):
    doc = split_doc(text)
    candidates = rule_candidates(doc)
    every, known = (sentence_features(text, candidates, 0, vocabulary) for vocabulary in (None, known_features(str(MODEL))))
    assert known == [[f for f in e if f in set(k)] for k, e in zip(known, every)]  # some of them, in their order
    assert sum(map(len, known)) < sum(map(len, every))  # unknown bigrams and trigrams left out
    tagger = _tagger(str(MODEL))
    assert tagger.tag(known) == tagger.tag(every)


def test_known_features_are_the_models_character_features():
    known = known_features(str(MODEL))
    assert all(feature == f"{column}={value}" for column, table in known.items() for value, feature in table.items())
    assert known["k"].keys() <= set("DNLHPO^$")


@pytest.mark.parametrize("ner, crf_names", [("rules", True), ("grammar", False)])
def test_the_default_recognizer_stacks_the_crf_and_grammar_does_not(ner, crf_names):
    nlp = default_pipeline(ner)
    sources = {m.source for path in find_documents([str(SEEDS)]) for m in nlp(load_document(path)).mentions}
    assert (SOURCE in sources) == crf_names
