"""The post grammar's roles: modifiers and a head (kg/data/title_modifiers.txt, title_heads.tsv)."""
from __future__ import annotations

from kg.lexicon import load_lines
from kg.ner.roles import heads, role_at, role_regex


def test_every_head_alone_and_after_every_modifier_is_a_role():
    modifiers = load_lines("title_modifiers.txt")
    for head in heads():
        assert role_at(f"甲{head}", 1) == 1 + len(head), head
        for modifier in modifiers:
            role = modifier + head
            assert role_regex().match(role).end() >= len(role), role


def test_roles_are_found_wherever_they_start():
    head = next(iter(heads()))
    text = f"某某{head}和{head}"
    assert [m.group("head") for m in role_regex().finditer(text)] == [head, head]
