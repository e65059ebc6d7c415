"""The import layering of the kg package, read from the source (nothing is imported).

The rules:

1. No import cycles among kg modules, counting imports inside functions (a cycle hidden in a
   function is still a cycle).
2. Imports sit at the top of a module. An import inside a function is allowed only for an optional
   or slow dependency used by one path, each listed in LAZY_IMPORTS with its reason.
3. Layers, bottom to top: the shared modules (kg.model, kg.lexicon, kg.normalize, kg.segment, ...,
   every kg module outside the packages below and the drivers); the stage packages kg.ner,
   kg.relations, kg.resolve, kg.rdf, kg.server; the drivers (kg.pipeline, kg.parallel, kg.runner,
   kg.training, kg.cli, kg.commands, kg.view, kg.analytics, ...), which may import anything.
   A shared module imports no stage package, and a stage package imports no other stage package, with
   one allowed direction: kg.server (the front of a store) reads kg.rdf (the store's vocabulary and
   queries). Neither imports a driver. What stages share (the general vocabulary, the grammars of
   person names and government bodies, name helpers) lives in the shared modules; what a driver must
   give a stage (the store's resolver and pools, the project grammar milestones read) it passes in.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parents[1] / "kg"

STAGES = ("kg.ner", "kg.relations", "kg.resolve", "kg.rdf", "kg.server")
#: Modules above the stages: they assemble the stages into pipelines, commands and views.
DRIVERS = ("kg.pipeline", "kg.parallel", "kg.runner", "kg.propagation", "kg.training", "kg.cli", "kg.__main__", "kg.commands",
           "kg.view", "kg.analytics")
#: (importing stage, imported stage) pairs that are the allowed direction.
ALLOWED_DIRECTIONS = {("kg.server", "kg.rdf")}

#: (module, imported module) -> why the import is inside a function.
LAZY_IMPORTS = {
    ("kg.errors", "hanlp"): "optional heavy dependency (the hanlp extra): only checks that it is installed",
    ("kg.errors", "torch"): "optional heavy dependency (the hanlp extra): only checks that it is installed",
    ("kg.ner.recognizers", "kg.ner.hanlp_ner"): "imports hanlp and torch, the optional hanlp extra: "
                                               "only for --ner hanlp|ensemble",
    ("kg.ner.hanlp_ner", "hanlp"): "optional heavy dependency (the hanlp extra), loaded with the model",
    ("kg.training", "hanlp.metrics.chunking.conlleval"): "optional heavy dependency (the hanlp extra)",
    ("kg.training", "torch"): "optional heavy dependency (the hanlp extra)",
    ("kg.training", "kg.ner.hanlp_ner"): "imports hanlp and torch, the optional hanlp extra",
    ("kg.commands.train_ner", "kg.training"): "imports hanlp and torch, the optional hanlp extra: "
                                               "kg train-ner --help works without it",
    ("kg.parallel", "dask.distributed"): "optional heavy dependency (the dask extra): only for --engine dask",
    ("kg.parallel", "kg.pipeline"): "the pipeline's modules (0.35 s): only in the processes that extract; pass 2's "
                                    "workers and the process writing the dumps import kg.parallel without them",
    ("kg.parallel", "kg.ner.recognizers"): "the recognizers' names, for --ner: with the pipeline's modules above",
    ("kg.vocabulary", "jieba"): "jieba loads its dictionary on import; only when a name needs the vocabulary",
    ("kg.reader", "charset_normalizer"): "slow import (0.15 s): only for a file that is not UTF-8",
    ("kg.reader", "bs4"): "slow import (0.3 s): only for an HTML file",
    ("kg.progress", "tqdm"): "slow import (0.3 s): only when a progress bar is drawn on a terminal",
    ("kg.commands.push", "tqdm"): "slow import (0.3 s): only when a progress bar is drawn on a terminal",
    ("kg.runner", "kg.parallel"): "the whole extraction pipeline (0.5 s); kg.runner also serves commands "
                                  "that extract nothing (kg query's --since)",
    ("kg.runner", "kg.propagation"): "imports the entity recognizers (as kg.parallel does): only for commands "
                                      "that extract",
    ("kg.server.policy", "rdflib.plugins.sparql.parser"): "slow import (0.7 s): only when a query is checked",
    ("kg.server.policy", "pyparsing"): "with the SPARQL parser above",
    ("kg.server.policy", "rdflib.plugins.sparql.parserutils"): "with the SPARQL parser above",
}


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str  # a kg module, or the top name of a third-party one as written
    line: int
    in_function: bool


def _modules() -> dict[str, Path]:
    modules = {}
    for path in sorted(KG.rglob("*.py")):
        parts = list(path.relative_to(KG.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


MODULES = _modules()


def _imports(name: str, path: Path) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    in_function = {id(node) for fn in ast.walk(tree) if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
                   for node in ast.walk(fn)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            # ``from package import submodule`` imports the submodule; ``from module import name`` the module
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for target in dict.fromkeys(targets):
            found.append(Import(name, target, node.lineno, id(node) in in_function))
    return found


IMPORTS = [i for name, path in MODULES.items() for i in _imports(name, path)]


def _stage(module: str) -> str | None:
    return next((s for s in STAGES if module == s or module.startswith(s + ".")), None)


def _is_driver(module: str) -> bool:
    return any(module == d or module.startswith(d + ".") for d in DRIVERS)


def _cycles() -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for i in IMPORTS:
        if i.imported in MODULES and i.imported != i.importer:
            graph[i.importer].add(i.imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(frozenset(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return components


def _layer_violations() -> set[tuple[str, str]]:
    violations = set()
    for i in IMPORTS:
        if i.imported not in MODULES or _is_driver(i.importer):
            continue
        if _is_driver(i.imported):
            violations.add((i.importer, i.imported))
            continue
        importer, imported = _stage(i.importer), _stage(i.imported)
        if imported is None or importer == imported:
            continue
        if (importer, imported) not in ALLOWED_DIRECTIONS:
            violations.add((i.importer, i.imported))
    return violations


def test_the_reader_sees_the_package():
    assert {"kg.model", "kg.pipeline", "kg.ner", "kg.ner.persons", "kg.rdf.exports"} <= set(MODULES)
    assert any(i.in_function for i in IMPORTS) and any(not i.in_function for i in IMPORTS)


def test_no_import_cycles():
    found = _cycles()
    assert not found, f"import cycle: {sorted(map(sorted, found))}"


def _lazy_imports() -> dict[tuple[str, str], int]:
    """(module, imported module) -> line, for the imports inside functions (a third-party module by its
    top name unless listed by its full name)."""
    listed = {t for _, t in LAZY_IMPORTS}
    return {(i.importer, i.imported if i.imported in MODULES or i.imported in listed else i.imported.split(".")[0]):
            i.line for i in IMPORTS if i.in_function}


def test_imports_inside_functions_are_only_the_listed_optional_or_slow_ones():
    lazy = _lazy_imports()
    new = sorted(f"{m} line {line}: {t}" for (m, t), line in lazy.items() if (m, t) not in LAZY_IMPORTS)
    assert not new, "an import inside a function: move it to the top of the module, or list it with a reason"
    stale = sorted(set(LAZY_IMPORTS) - set(lazy))
    assert not stale, "no longer imported inside a function: remove from LAZY_IMPORTS"


def test_the_lazy_import_check_catches_a_new_one():
    IMPORTS.append(Import("kg.model", "json", 1, True))
    try:
        assert ("kg.model", "json") in set(_lazy_imports()) - set(LAZY_IMPORTS)
    finally:
        IMPORTS.pop()


def test_stages_and_shared_modules_import_only_in_the_allowed_direction():
    violations = _layer_violations()
    assert not violations, f"an import across the layers: {sorted(violations)}"


@pytest.mark.parametrize("importer, imported, rule", [
    ("kg.segment", "kg.relations.context", "shared module imports a stage"),
    ("kg.ner.persons", "kg.relations.posts", "recognizer imports a relation extractor"),
    ("kg.rdf.exports", "kg.server.app", "store imports the server"),
    ("kg.relations.posts", "kg.resolve", "relations import resolution"),
    ("kg.ner.titles", "kg.pipeline", "a recognizer imports the pipeline"),
    ("kg.lexicon", "kg.view", "a shared module imports a driver"),
])
def test_the_layer_check_catches_a_new_crossing(importer, imported, rule):
    IMPORTS.append(Import(importer, imported, 1, False))
    try:
        assert (importer, imported) in _layer_violations(), rule
    finally:
        IMPORTS.pop()


def test_the_cycle_check_catches_a_new_cycle():
    IMPORTS.append(Import("kg.model", "kg.pipeline", 1, True))  # the bottom module reaching the top
    try:
        assert any({"kg.model", "kg.pipeline"} <= c for c in _cycles())
    finally:
        IMPORTS.pop()
