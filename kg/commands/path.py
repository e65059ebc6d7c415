"""``kg path A B``: the shortest chains of facts linking two entities, with evidence."""
from __future__ import annotations

import argparse

from kg.analytics import Step, paths
from kg.rdf.entity_graph import read_graph, snippet

#: Evidence sentences printed per fact.
EVIDENCE_PER_FACT = 1


EPILOG = "example:\n  kg path 鼎喜实业 江津区 --graph out/graph.ttl"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("a", metavar="A", help="the first entity: a label, an alias or a unique part of a label")
    p.add_argument("b", metavar="B", help="the last entity, named the same way")
    p.add_argument("--graph", default="out/graph.ttl", metavar="GRAPH|STORE",
                   help="a graph file or a store directory (default: out/graph.ttl)")
    p.add_argument("--max", type=int, default=3, help="at most this many paths")


def run(args: argparse.Namespace) -> int:
    chains = paths(read_graph(args.graph), args.a, args.b, max_paths=args.max)
    if not chains:
        print(f"no chain of facts links {args.a} and {args.b}")
        return 1
    for i, chain in enumerate(chains, 1):
        walk = [_first(hop) for hop in chain]
        stops = " → ".join([walk[0]] + [_second(hop) for hop in chain])
        print(f"path {i} ({len(chain)} {'step' if len(chain) == 1 else 'steps'}): {stops}")
        for n, hop in enumerate(chain, 1):
            for k, step in enumerate(hop):  # the second fact of a hop goes under the first, unnumbered
                number = f"{n}." if k == 0 else " " * len(f"{n}.")
                print(f"  {number} {describe(step)}")
                for ev in step.evidence[:EVIDENCE_PER_FACT]:
                    print(f"        “{snippet(ev['text'])}” ({ev['doc']})")
                if not step.evidence:
                    print("        (no sentence: read from the name at resolution)")
    return 0


def _first(hop: list[Step]) -> str:
    """The entity a hop leaves from."""
    return hop[0].head if hop[0].forward else hop[0].tail


def _second(hop: list[Step]) -> str:
    return hop[0].tail if hop[0].forward else hop[0].head


def describe(step: Step) -> str:
    """The fact in walking order: ``A --relation--> B`` as stated, ``A <--relation-- B`` against it."""
    relation = f"{step.relation} {step.title}" if step.title else step.relation
    if step.forward:
        return f"{step.head} --{relation}--> {step.tail}"
    return f"{step.tail} <--{relation}-- {step.head}"
