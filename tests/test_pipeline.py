"""Declared stages: a pipeline is checked when it is built, and the registries name what the CLI offers."""
import pytest

from kg.cli import build_parser, parse
from kg.errors import KgError
from kg.model import Document
from kg.ner.recognizers import RECOGNIZERS
from kg.document_json import document_from_json, document_to_json
from kg.pipeline import ENTITIES, Pipeline, Stage, default_pipeline, text_pipeline
from kg.reader import load_document
from kg.runner import SEEDS
from kg.rdf.exports import EXPORTERS, parse_formats
from kg.relations import RELATION_EXTRACTORS


def _nothing(doc: Document) -> None:
    pass


def _stage(name, requires=(), assigns=()):
    return Stage(name, _nothing, requires=requires, assigns=assigns)


def test_the_default_pipeline_runs_its_stages_in_a_declared_order():
    assert default_pipeline().names == ["normalize", "signature", "date", "articles", "sentences", "stated dates",
                                        "entities", "relations", "relation pairs", "relation ends", "facts in time"]


@pytest.mark.parametrize("stages, refused, missing", [
    # sentences before the articles they are cut from
    ([_stage("sentences", ("raw_text", "articles"), ("sentences",))], "sentences", "articles"),
    # a recognizer before the text exists
    ([_stage("entities", ("text",), ("mentions",)), _stage("normalize", ("raw_text",), ("text",))],
     "entities", "text"),
    # relations with no recognizer before them
    ([_stage("normalize", ("raw_text",), ("text",)), _stage("relations", ("text", "mentions"), ("relations",))],
     "relations", "mentions"),
])
def test_a_stage_requiring_a_field_no_earlier_stage_assigns_is_refused_when_the_pipeline_is_built(
        stages, refused, missing):
    with pytest.raises(KgError, match=f"stage '{refused}' requires {missing}, which no earlier stage assigns"):
        Pipeline(stages)


def test_adding_a_stage_checks_it_against_the_stages_before_it():
    nlp = text_pipeline()
    with pytest.raises(KgError, match="requires relations"):
        nlp.add(_stage("facts", ("relations",), ("events",)))
    assert nlp.names == ["normalize", "signature", "date", "articles", "sentences", "stated dates"]  # not added
    nlp.add(_stage("recognizer", ("sentences",), ("mentions",)))
    assert nlp.names[-1] == "recognizer"


def test_a_stage_naming_a_field_no_document_has_is_refused():
    with pytest.raises(KgError, match="mentionz, which no Document has"):
        _stage("typo", ("text",), ("mentionz",))


def test_the_default_stages_declare_only_what_the_loader_or_an_earlier_stage_sets():
    Pipeline(default_pipeline().stages)  # the check itself: raises on a wrong order


def test_ner_choices_are_the_recognizer_table():
    parser = build_parser()
    parse(parser, ["extract", "--json-dir", "j"])
    extract = next(a for a in parser._actions if a.dest == "command").choices["extract"]
    ner = next(a for a in extract._actions if a.dest == "ner")
    assert tuple(ner.choices) == tuple(RECOGNIZERS) == ("rules", "grammar", "hanlp", "ensemble")


def test_the_default_formats_are_every_registered_exporter():
    parser = build_parser()
    args = parse(parser, ["build"])
    assert parse_formats(args.formats) == list(EXPORTERS)


def test_the_location_extractor_runs_after_the_ownership_facts_it_reads():
    names = list(RELATION_EXTRACTORS)
    assert names.index("ownership") < names.index("locations")


@pytest.mark.parametrize("stored", [False, True])
def test_a_document_run_again_from_the_entity_stage_is_the_document_of_one_run(stored):
    """What the entity stage and the later ones assigned is set back first (run_from): a document run
    again, as it is or as a store read it back, ends as one run left it (here with nothing new to know)."""
    nlp = default_pipeline()
    once = document_to_json(nlp(load_document(sorted(SEEDS.glob("*.txt"))[0])))
    doc = document_from_json(once)
    if not stored:
        doc = nlp(load_document(sorted(SEEDS.glob("*.txt"))[0]))
    assert document_to_json(nlp.run_from(ENTITIES, doc)) == once
