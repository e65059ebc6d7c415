"""The layout of the test suite: its folders mirror kg's packages, and no test file imports another
(shared builders live in the conftest.py files)."""
from __future__ import annotations

import ast

from tests.conftest import ROOT

TESTS = ROOT / "tests"


def imported_modules(tree: ast.Module) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_no_test_file_imports_another():
    offenders = []
    for path in sorted(TESTS.rglob("*.py")):
        for module in imported_modules(ast.parse(path.read_text(encoding="utf-8"))):
            if any(part.startswith("test_") for part in module.split(".")):
                offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offenders == []


def test_test_folders_mirror_the_packages_of_kg():
    folders = {p.name for p in TESTS.iterdir() if p.is_dir() and any(p.glob("test_*.py"))}
    packages = {p.parent.name for p in (ROOT / "kg").glob("*/__init__.py")}
    assert folders <= packages, folders - packages
