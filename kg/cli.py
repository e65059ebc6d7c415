"""Command line: ``kg SUBCOMMAND ...``.

Each subcommand's work lives in ``kg/commands/<name>.py`` as ``run(args) -> int``;
this module only declares the arguments and turns errors into one line.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from kg.errors import KgError
from kg.signals import TERMINATED_EXIT, Terminated, stop_on_sigterm

EPILOG = """examples:
  kg build seeds --out out                 build the graph of the seed articles
  kg extract seeds --json-dir out/json     one gold-format JSON per document
  kg score tests/gold out/json             precision/recall/F1 against gold files
  kg query out/graph.ttl 'SELECT ?s WHERE { ?s a kg:Person } LIMIT 5'
  kg query out/store --file ontology/queries/officials_by_body.rq --format csv
  kg serve out/store --port 7878           SPARQL endpoint + query page
  kg view out/graph.ttl --focus 江津区 --depth 2 --out jiangjin.html
  kg stats out/graph.ttl
  kg path 鼎喜实业 江津区 --graph out/graph.ttl
"""


def _add_extraction_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", metavar="INPUT", default=None,
                   help="files or directories (.txt, .md, .html); default: the bundled seeds/")
    p.add_argument("--date", help="publication date (YYYY-MM-DD) for documents that do not state one")
    p.add_argument("--ner", choices=("rules", "hanlp", "ensemble"), default=None,
                   help="entity recognizer (default: the best measured one, see README)")
    p.add_argument("--hanlp-model", metavar="ID_OR_PATH",
                   help="HanLP NER model: a pretrained identifier or a local directory")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="extraction processes (default: all cores; one for a few documents)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Build a knowledge graph of officials, government bodies, enterprises, "
                    "parks and projects from Chinese news.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version="kg " + _version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("build", help="extract, resolve and write the graph and its views",
                       description="Extract, resolve and write graph.ttl, graph.html and the other exports.",
                       epilog="example:\n  kg build seeds --out out\n  kg build new_articles/ --store out/store --out out",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_extraction_options(p)
    p.add_argument("-o", "--out", default="out", metavar="DIR", help="output directory (default: out)")
    p.add_argument("--store", metavar="DIR", help="also add the documents to this persistent store (incremental)")
    p.add_argument("--formats", default="ttl,nt,jsonld,trig,graphml,csv",
                   help="exports to write, comma-separated (default: all of ttl,nt,jsonld,trig,graphml,csv)")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="where extraction runs")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (with --engine dask)")

    p = sub.add_parser("extract", help="write one gold-format JSON per document",
                       epilog="example:\n  kg extract seeds --json-dir out/json",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_extraction_options(p)
    p.add_argument("--json-dir", required=True, metavar="DIR", help="where to write NAME.json files")

    p = sub.add_parser("score", help="score gold-format JSON files against gold annotations",
                       epilog="example:\n  kg extract seeds --json-dir out/json && kg score tests/gold out/json",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("gold_dir", metavar="GOLD_DIR")
    p.add_argument("system_dir", metavar="SYSTEM_DIR")

    p = sub.add_parser("query", help="run SPARQL on a graph file or store",
                       epilog="example:\n  kg query out/graph.ttl --file ontology/queries/projects_by_district.rq",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", metavar="GRAPH|STORE", help="a graph file (.ttl, .nt, .trig, .jsonld) or a store directory")
    p.add_argument("sparql", nargs="?", help="the query text")
    p.add_argument("--file", metavar="Q.rq", help="read the query from a file")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")

    p = sub.add_parser("serve", help="serve a store as a SPARQL 1.1 endpoint with a query page",
                       epilog="example:\n  kg serve out/store --port 7878   then open http://127.0.0.1:7878/",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", metavar="STORE|GRAPH")
    p.add_argument("--port", type=int, default=7878)
    p.add_argument("--host", default="127.0.0.1")

    p = sub.add_parser("view", help="write an interactive HTML view of the graph",
                       epilog="example:\n  kg view out/graph.ttl --focus 江津区 --depth 2 --out jiangjin.html",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", metavar="GRAPH|STORE")
    p.add_argument("--focus", metavar="NAME", help="an entity name: show its neighbourhood only")
    p.add_argument("--depth", type=int, default=1, metavar="N", help="neighbourhood depth with --focus")
    p.add_argument("--types", metavar="T1,T2", help="only these entity types, e.g. Person,Park")
    p.add_argument("-o", "--out", required=True, metavar="FILE.html")

    p = sub.add_parser("stats", help="counts, centrality, components and communities",
                       epilog="example:\n  kg stats out/graph.ttl",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", metavar="GRAPH|STORE")
    p.add_argument("--top", type=int, default=10, help="how many entities per ranking")

    p = sub.add_parser("path", help="shortest chains of facts linking two entities",
                       epilog="example:\n  kg path 鼎喜实业 江津区 --graph out/graph.ttl",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    p.add_argument("--graph", default="out/graph.ttl", metavar="GRAPH|STORE")
    p.add_argument("--max", type=int, default=3, help="at most this many paths")

    p = sub.add_parser("train-ner", help="train a HanLP BiLSTM-CRF NER model on gold-format annotations",
                       epilog="example:\n  kg train-ner --gold ../shared/dev/gold --docs seeds --out models/ner",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--gold", required=True, action="append", metavar="DIR", help="gold JSON directory (repeatable)")
    p.add_argument("--docs", required=True, action="append", metavar="DIR", help="the documents of the gold files (repeatable)")
    p.add_argument("--silver", action="append", metavar="DIR",
                   help="unlabelled documents to label with the rule recognizer as extra training data (repeatable)")
    p.add_argument("-o", "--out", required=True, metavar="MODEL_DIR")
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--dev-ratio", type=float, default=0.1, help="held-out share for the per-type F1 report")

    p = sub.add_parser("push", help="load a graph into a SPARQL 1.1 Graph Store endpoint",
                       epilog="example:\n  kg push out/store --endpoint http://127.0.0.1:7878/store",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", metavar="GRAPH|STORE")
    p.add_argument("--endpoint", required=True, metavar="URL")
    p.add_argument("--graph", metavar="IRI", help="push everything into this named graph")
    p.add_argument("--batch", type=int, default=50000, help="triples per request")
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kg")
    except PackageNotFoundError:
        return "dev"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    module = importlib.import_module("kg.commands." + args.command.replace("-", "_"))
    stop_on_sigterm()
    try:
        return module.run(args) or 0
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
