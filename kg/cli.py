"""Command line: ``kg SUBCOMMAND ...``.

Each subcommand lives in ``kg/commands/<name>.py``: its options (``add_arguments(parser)``,
``DESCRIPTION``, ``EPILOG``) next to its body (``run(args) -> int``). This module only builds the
top-level parser, lists the commands (``COMMANDS``) and turns errors into one line.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from importlib.metadata import PackageNotFoundError, version
from types import ModuleType

from kg.errors import KgError
from kg.signals import TERMINATED_EXIT, Terminated, stop_on_sigterm

EPILOG = """examples:
  kg build seeds --out out                 build the graph of the seed articles
  kg extract seeds --json-dir out/json     one gold-format JSON per document
  kg score tests/gold out/json             precision/recall/F1 against gold files
  kg query out/graph.ttl 'SELECT ?s WHERE { ?s a kg:Person } LIMIT 5'
  kg query out/store --file ontology/queries/officials_by_body.rq --format csv
  kg serve out/store --port 7878           SPARQL endpoint + query page
  kg check out/store                       verify a store, repair it from its documents
  kg remove out/store a.txt                take a document out of a store
  kg view out/graph.ttl --focus 江津区 --depth 2 --out jiangjin.html
  kg stats out/graph.ttl
  kg path 鼎喜实业 江津区 --graph out/graph.ttl
  kg explain 江津区委 --graph out/graph.ttl    every mention of an entity and why it was merged
"""


#: Every command: its name -> its one-line summary for ``kg --help``. Each command's options,
#: description and examples live in ``kg/commands/<name>.py`` (``add_arguments``, ``DESCRIPTION``,
#: ``EPILOG``), imported only when that command runs, so ``kg --help`` loads none of them.
COMMANDS = {
    "build": "extract, resolve and write the graph and its views",
    "extract": "write one gold-format JSON per document",
    "score": "score gold-format JSON files against gold annotations",
    "query": "run SPARQL on a graph file or store",
    "serve": "serve a store as a SPARQL 1.1 endpoint with a query page",
    "view": "write an interactive HTML view of the graph",
    "stats": "counts, centrality, components and communities",
    "path": "shortest chains of facts linking two entities",
    "explain": "every mention of an entity, and why resolution merged it",
    "train-ner": "train a HanLP BiLSTM-CRF NER model on gold-format annotations",
    "push": "load a graph into a SPARQL 1.1 Graph Store endpoint",
    "check": "verify a store's graphs against their digests; repair from its documents",
    "remove": "take documents out of a store (the graph becomes one built without them)",
    "migrate": "convert a store of pickled documents (older kg) to the current format",
}


def command_module(name: str) -> ModuleType:
    """The module of command ``name`` (``kg/commands/<name>.py``)."""
    return importlib.import_module("kg.commands." + name.replace("-", "_"))


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser; a command's own options are added by ``parse`` when it is chosen."""
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Build a knowledge graph of officials, government bodies, enterprises, "
                    "parks and projects from Chinese news.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version="kg " + _version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, summary in COMMANDS.items():
        sub.add_parser(name, help=summary, formatter_class=argparse.RawDescriptionHelpFormatter)
    return parser


def _declare(command: argparse.ArgumentParser, module: ModuleType) -> None:
    """Give a command's parser the options, description and examples its module declares."""
    command.description = getattr(module, "DESCRIPTION", None)
    command.epilog = getattr(module, "EPILOG", None)
    module.add_arguments(command)


def parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Options anywhere on the line, before or after the positionals (``kg query G --format csv 'SELECT …'``):
    the subcommand's parser reads its arguments intermixed."""
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    first = next((i for i, arg in enumerate(argv) if not arg.startswith("-")), None)
    if first is None or argv[first] not in commands:
        return parser.parse_args(argv)  # no subcommand: --help, --version, or a usage error
    parser.parse_args(argv[:first])  # the options before the subcommand (--version exits here)
    command = commands[argv[first]]
    _declare(command, command_module(argv[first]))
    args = command.parse_intermixed_args(argv[first + 1:])
    args.command = argv[first]
    return args


def _version() -> str:
    try:
        return version("kg")
    except PackageNotFoundError:
        return "dev"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parse(parser, sys.argv[1:] if argv is None else argv)
    if not args.command:
        parser.print_help()
        return 2
    stop_on_sigterm()
    try:
        return command_module(args.command).run(args) or 0
    except KgError as e:
        print(f"kg {args.command}: error: {e}", file=sys.stderr)
        return e.exit_code
    except Terminated:
        print("kg: terminated", file=sys.stderr)
        return TERMINATED_EXIT
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug: still one line, unless the user asks for the traceback
        if os.environ.get("KG_DEBUG"):
            raise
        print(f"kg {args.command}: internal error: {type(e).__name__}: {e} (set KG_DEBUG=1 for a traceback)",
              file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
