"""Mapping the labels of HanLP NER tag sets onto the schema's entity types.

Pretrained HanLP models speak MSRA (PERSON/LOCATION/ORGANIZATION), PKU (nr/ns/nt),
OntoNotes (PERSON/GPE/LOC/ORG/FAC) or CoNLL (PER/LOC/ORG); kg's own model speaks the
schema types.  A foreign label gives a coarse type that the suffix grammar refines:
``ORGANIZATION 重庆东科模具制造有限公司`` is an Enterprise, ``ORG 区审计局`` a GovOrg.
The endings are the rule recognizer's grammars (kg/data/park_suffixes.txt...).
"""
from __future__ import annotations

from functools import lru_cache

from kg.lexicon import load_set, load_table
from kg.model import ENTITY_TYPES

#: What the suffix grammar may turn each coarse type into: a LOC ending in 部 (西部) stays a Place.
REFINEMENTS = {
    "Organization": {"GovOrg", "Enterprise", "Organization", "Park", "Project"},
    "Place": {"Park", "Project"},
    "Project": {"Park", "Project"},
}


@lru_cache(maxsize=None)
def _label_types() -> dict[str, str]:
    return {label: kg_type for label, kg_type in load_table("hanlp_labels.tsv")}


@lru_cache(maxsize=None)
def _suffix_types() -> list[tuple[str, str]]:
    """(ending, type) from the rule recognizer's grammars, longest ending first."""
    endings = [(e, "Park") for e in load_set("park_suffixes.txt")]
    endings += [(e, "Project") for e in load_set("project_suffixes.txt")]
    endings += [(e, "Organization") for e in load_set("org_suffixes.txt")]
    endings += [(e, "GovOrg") for e in load_set("govorg_bodies.tsv")]
    endings += [(e, kg_type) for e, kg_type in load_table("type_suffixes.tsv")]
    return sorted(endings, key=lambda row: -len(row[0]))


def suffix_type(name: str) -> str | None:
    """The type a name's ending implies (``…有限公司`` -> Enterprise), or None."""
    for ending, kg_type in _suffix_types():
        if name.endswith(ending) and len(name) > len(ending):
            return kg_type
    return None


def schema_type(label: str, name: str) -> str | None:
    """The kg entity type of a mention ``name`` labelled ``label`` by a HanLP model; None to drop it."""
    kg_type = _label_types().get(label) or _label_types().get(label.upper())
    if kg_type is None:
        return None
    if label in ENTITY_TYPES or kg_type == "Person":
        return kg_type  # kg's own labels, and person names, need no refinement
    refined = suffix_type(name)
    return refined if refined in REFINEMENTS.get(kg_type, ()) else kg_type
