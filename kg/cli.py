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


#: What a GRAPH|STORE argument takes.
SOURCE_HELP = "a graph file (.ttl, .nt, .trig, .jsonld) or a store directory"


def _add_extraction_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", metavar="INPUT", default=None,
                   help="files or directories (.txt, .md, .html); default: the bundled seeds/")
    p.add_argument("--date", help="publication date (YYYY-MM-DD) for documents that do not state one")
    p.add_argument("--ner", choices=("rules", "hanlp", "ensemble"), default=None,
                   help="entity recognizer (default: the best measured one, see README)")
    p.add_argument("--hanlp-model", metavar="ID_OR_PATH",
                   help="HanLP NER model: a pretrained identifier or a local directory")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes, for extraction and for writing the graph "
                        "(default: all cores; one for a few documents)")
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
                       epilog="example:\n  kg build seeds --out out\n  kg build new_articles/ --store out/store --out out\n"
                              "  kg build new_articles/ --store out/store --out out --overrides fixes.json",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_extraction_options(p)
    p.add_argument("-o", "--out", default="out", metavar="DIR", help="output directory (default: out)")
    p.add_argument("--store", metavar="DIR", help="also add the documents to this persistent store (incremental)")
    p.add_argument("--formats", default="ttl,nt,jsonld,trig,graphml,csv",
                   help="exports to write, comma-separated (default: all of ttl,nt,jsonld,trig,graphml,csv)")
    p.add_argument("--overrides", metavar="FILE.json",
                   help="corrections to entity resolution: same/different groups of [document, mention text] "
                        "pairs (see README); a --store keeps them for later builds")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="where extraction runs")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (with --engine dask)")

    p = sub.add_parser("extract", help="write one gold-format JSON per document",
                       epilog="example:\n  kg extract seeds --json-dir out/json",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_extraction_options(p)
    p.add_argument("--json-dir", required=True, metavar="DIR", help="where to write NAME.json files")

    p = sub.add_parser("score", help="score gold-format JSON files against gold annotations",
                       epilog="examples:\n  kg extract seeds --json-dir out/json && kg score tests/gold out/json\n"
                              "  kg score tests/gold out/json --errors --docs seeds\n"
                              "  kg score --resolution tests/gold/resolution/resolution.json out/entities.csv",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("gold_dir", nargs="?", metavar="GOLD_DIR", help="gold JSON files (docs/schema.md)")
    p.add_argument("system_dir", nargs="?", metavar="SYSTEM_DIR",
                   help="the system's JSON files of the same names (kg extract)")
    p.add_argument("--resolution", nargs=2, metavar=("GOLD.json", "ENTITIES.csv"),
                   help="instead: score entity resolution (entities.csv of kg build) against a resolution gold: "
                        "B-cubed and pairwise precision/recall, clusters whole, must-not-link pairs merged")
    p.add_argument("--errors", action="store_true",
                   help="after the scores, list every missed and spurious entity and relation, grouped by "
                        "type, the most frequent ending first (with --resolution: clusters split, pairs merged)")
    p.add_argument("--docs", metavar="DIR",
                   help="with --errors: the documents' directory, to show the sentence of each error")

    p = sub.add_parser("query", help="run SPARQL on a graph file or store",
                       epilog="examples:\n  kg query out/graph.ttl --file ontology/queries/projects_by_district.rq\n"
                              "  kg query out/store --file ontology/queries/entity_facts.rq --param entity=江津区 --all\n"
                              "  kg query out/store --since 2024-07-01 --file ontology/queries/officials_by_body.rq",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", metavar="GRAPH|STORE", help=SOURCE_HELP)
    p.add_argument("sparql", nargs="?", help="the query text")
    p.add_argument("--file", metavar="Q.rq", help="read the query from a file")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="table (labels instead of entity IRIs), or the SPARQL 1.1 csv or json results (IRIs)")
    p.add_argument("--param", action="append", metavar="NAME=VALUE",
                   help="bind a parameter the query declares in its header (# @param NAME TYPE DEFAULT ...); "
                        "repeatable")
    p.add_argument("--params", action="store_true", help="list the query's parameters and exit")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--latest", type=int, metavar="N",
                       help="a canned query starts from the entities of the N latest documents "
                            "(default: every document of a store of up to 300, the latest 300 beyond)")
    scope.add_argument("--since", metavar="YYYY-MM-DD", help="... of the documents dated on or after this day")
    scope.add_argument("--all", action="store_true", help="... of every document")

    p = sub.add_parser("serve", help="serve a store as a SPARQL 1.1 endpoint with a query page",
                       epilog="example:\n  kg serve out/store --port 7878   then open http://127.0.0.1:7878/",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", metavar="STORE|GRAPH")
    p.add_argument("--port", type=int, default=7878)
    p.add_argument("--host", default="127.0.0.1")

    p = sub.add_parser("view", help="write an interactive HTML view of the graph",
                       epilog="example:\n  kg view out/graph.ttl --focus 江津区 --depth 2 --out jiangjin.html",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", metavar="GRAPH|STORE", help=SOURCE_HELP)
    p.add_argument("--focus", metavar="NAME", help="an entity name: show its neighbourhood only")
    p.add_argument("--depth", type=int, default=1, metavar="N", help="neighbourhood depth with --focus")
    p.add_argument("--types", metavar="T1,T2", help="only these entity types, e.g. Person,Park")
    p.add_argument("-o", "--out", required=True, metavar="FILE.html", help="the page to write")

    p = sub.add_parser("stats", help="counts, centrality, components and communities",
                       epilog="example:\n  kg stats out/graph.ttl",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", metavar="GRAPH|STORE", help=SOURCE_HELP)
    p.add_argument("--top", type=int, default=10, help="how many entities per ranking")

    p = sub.add_parser("path", help="shortest chains of facts linking two entities",
                       epilog="example:\n  kg path 鼎喜实业 江津区 --graph out/graph.ttl",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("a", metavar="A", help="the first entity: a label, an alias or a unique part of a label")
    p.add_argument("b", metavar="B", help="the last entity, named the same way")
    p.add_argument("--graph", default="out/graph.ttl", metavar="GRAPH|STORE",
                   help="a graph file or a store directory (default: out/graph.ttl)")
    p.add_argument("--max", type=int, default=3, help="at most this many paths")

    p = sub.add_parser("explain", help="every mention of an entity, and why resolution merged it",
                       description="Show every mention of the entities named NAME (label or alias) with its "
                                   "document and sentence, and why resolution put it there: the rule and its "
                                   "evidence, and any correction of kg build --overrides.",
                       epilog="example:\n  kg explain 四川省委 --graph out/graph.ttl\n  kg explain 江津区 --store out/store",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("name", metavar="NAME", help="an entity's label or one of its aliases, as written")
    p.add_argument("--graph", "--store", dest="graph", default="out/graph.ttl", metavar="GRAPH|STORE",
                   help="a graph file or a store directory (default: out/graph.ttl)")

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

    p = sub.add_parser("check", help="verify a store's graphs against their digests; repair from its documents",
                       description="Compare every graph of a store with the digest kg recorded when it wrote it. "
                                   "Graphs changed outside kg, or a damaged database (kept as "
                                   "STORE/oxigraph.damaged), are rewritten from the stored documents.",
                       epilog="examples:\n  kg check out/store          says ok, or what it repaired\n"
                              "  kg build new/ --store out/store --out out   (checks the store too, cheaply)",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("store", metavar="STORE", help="a store directory (made by kg build --store)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar while rewriting")

    p = sub.add_parser("remove", help="take documents out of a store (the graph becomes one built without them)",
                       description="Take documents out of a store: its graph becomes the one a build without them "
                                   "gives, at the cost of what they change. The next kg build --store writes the "
                                   "outputs.",
                       epilog="example:\n  kg remove out/store a.txt 3f2a9c81",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("store", metavar="STORE", help="a store directory (made by kg build --store)")
    p.add_argument("documents", nargs="+", metavar="DOC",
                   help="a stored document's file name, or its sha256 (8 characters or more of it)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar while re-resolving")

    p = sub.add_parser("migrate", help="convert a store of pickled documents (older kg) to the current format",
                       description="Convert the pickled documents of a store made by an older kg to JSON records "
                                   "and rewrite its graphs from them. Reading a pickle runs whatever code it "
                                   "holds: give --trust only for a store you made or whose maker you trust.",
                       epilog="example:\n  kg migrate out/store --trust",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("store", metavar="STORE", help="a store directory holding documents/*.pickle")
    p.add_argument("--trust", action="store_true",
                   help="you vouch for the store's pickles (required: without it nothing is read)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar while rewriting")
    return parser


def parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Options anywhere on the line, before or after the positionals (``kg query G --format csv 'SELECT …'``):
    the subcommand's parser reads its arguments intermixed."""
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    first = next((i for i, arg in enumerate(argv) if not arg.startswith("-")), None)
    if first is None or argv[first] not in commands:
        return parser.parse_args(argv)  # no subcommand: --help, --version, or a usage error
    parser.parse_args(argv[:first])  # the options before the subcommand (--version exits here)
    args = commands[argv[first]].parse_intermixed_args(argv[first + 1:])
    args.command = argv[first]
    return args


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

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
    try:
        module = importlib.import_module("kg.commands." + args.command.replace("-", "_"))
        return module.run(args) or 0
    except KgError as e:
        print(f"kg {args.command}: error: {e}", file=sys.stderr)
        return e.exit_code
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
