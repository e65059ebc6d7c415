"""Each command is one module, kg/commands/<name>.py, declaring its options next to its body."""
import argparse
import importlib
from pathlib import Path

import pytest

from kg.cli import COMMANDS, build_parser, parse

COMMANDS_DIR = Path(__file__).resolve().parents[1] / "kg" / "commands"
COMMAND_FILES = sorted(p.stem.replace("_", "-") for p in COMMANDS_DIR.glob("*.py") if p.stem != "__init__")


def test_the_command_table_lists_every_command_module():
    assert sorted(COMMANDS) == COMMAND_FILES


@pytest.mark.parametrize("name", COMMAND_FILES)
def test_a_command_module_declares_its_options_and_its_examples_next_to_its_run(name):
    module = importlib.import_module("kg.commands." + name.replace("-", "_"))
    assert callable(module.run) and callable(module.add_arguments)
    assert module.EPILOG.startswith(("example:", "examples:")) and f"kg {name}" in module.EPILOG
    parser = argparse.ArgumentParser()
    module.add_arguments(parser)
    assert len(parser._actions) > 1  # --help and the command's own


@pytest.mark.parametrize("argv, option, value", [
    (["view", "g.ttl", "--out", "v.html", "--depth", "2"], "depth", 2),
    (["query", "g.ttl", "--format", "csv", "SELECT * {}"], "sparql", "SELECT * {}"),  # options before a positional
    (["explain", "江津区", "--store", "out/store"], "graph", "out/store"),
    (["build", "--formats", "ttl,csv"], "formats", "ttl,csv"),
])
def test_a_chosen_command_reads_the_options_its_module_declares(argv, option, value):
    args = parse(build_parser(), argv)
    assert args.command == argv[0] and getattr(args, option) == value
