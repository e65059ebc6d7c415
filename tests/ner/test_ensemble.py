"""``--ner ensemble``: whose candidates are kept, per entity type (kg/data/ensemble_policy.tsv)."""
import json

import pytest

from kg.cli import main
from kg.model import ENTITY_TYPES, Document, Mention
from kg.ner.ensemble import POLICIES, choose, load_policy

# Invented text: no real person, company or park.
SENTENCE = "区长林志航到宏远材料科技有限公司调研，考察了临江智能装备产业园二期项目。"


def mention(name: str, kg_type: str, source: str) -> Mention:
    start = SENTENCE.index(name)
    return Mention(start, start + len(name), name, kg_type, source=source,
                   confidence=1.0 if source == "rules" else 0.6)


PERSON = ("林志航", "Person")
COMPANY = ("宏远材料科技有限公司", "Enterprise")
PARK = ("临江智能装备产业园", "Park")
PROJECT = ("临江智能装备产业园二期项目", "Project")
PLACE = ("临江", "Place")
CUT_COMPANY = ("有限公司调研", "Enterprise")  # crosses COMPANY


@pytest.mark.parametrize("policy, rules, model, expected", [
    # fill: a model name where the rules found nothing is added...
    ({"Project": "fill"}, [COMPANY], [PROJECT], {COMPANY, PROJECT}),
    # ...but not over a name the rules found, even nested
    ({"Project": "fill"}, [PARK], [PROJECT], {PARK}),
    # union: nesting is kept (the merge policy's rule 3)
    ({"Project": "union"}, [PARK], [PROJECT], {PARK, PROJECT}),
    # union: a model name crossing a rule name loses
    ({"Enterprise": "union"}, [COMPANY], [CUT_COMPANY], {COMPANY}),
    # model: the rules' names of that type are dropped, the model's kept
    ({"Enterprise": "model"}, [COMPANY], [CUT_COMPANY], {CUT_COMPANY}),
    ({"Place": "model"}, [PLACE, PERSON], [], {PERSON}),
    # rules: the model's names of that type are ignored
    ({"Person": "rules"}, [], [PERSON], set()),
    ({"Person": "rules", "Project": "fill"}, [COMPANY], [PERSON, PROJECT], {COMPANY, PROJECT}),
    # a type the policy does not list keeps the rules' candidates only
    ({}, [PERSON], [PERSON, COMPANY], {PERSON}),
])
def test_policy_per_type(policy, rules, model, expected):
    doc = Document(path="", name="invented.txt", sha256="", encoding="utf-8", raw_text=SENTENCE, text=SENTENCE)
    kept = choose(doc, [mention(*r, "rules") for r in rules], [mention(*m, "hanlp") for m in model], policy)
    assert {(m.text, m.type) for m in kept} == expected


@pytest.mark.parametrize("kg_type", ENTITY_TYPES)
def test_shipped_policy_names_every_type(kg_type):
    assert load_policy()[kg_type] in POLICIES


def test_ensemble_extraction_keeps_the_rules_person(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(SENTENCE, encoding="utf-8")
    assert main(["extract", str(tmp_path / "docs"), "--json-dir", str(tmp_path / "out"), "--ner", "ensemble"]) == 0
    entities = json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8"))["entities"]
    assert {"text": "林志航", "type": "Person"} in entities
