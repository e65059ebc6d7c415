"""``kg path A B``: the shortest chains of facts linking two entities, with evidence."""
from __future__ import annotations

import argparse

from kg.analytics import Step, paths
from kg.graphview import read_graph, snippet

#: Evidence sentences printed per fact.
EVIDENCE_PER_FACT = 1


def run(args: argparse.Namespace) -> int:
    chains = paths(read_graph(args.graph), args.a, args.b, max_paths=args.max)
    if not chains:
        print(f"no chain of facts links {args.a} and {args.b}")
        return 1
    for i, chain in enumerate(chains, 1):
        print(f"path {i} ({len(chain)} {'step' if len(chain) == 1 else 'steps'}):")
        for hop in chain:
            for step in hop:
                print("  " + describe(step))
                for ev in step.evidence[:EVIDENCE_PER_FACT]:
                    print(f"      “{snippet(ev['text'])}” ({ev['doc']})")
                if not step.evidence:
                    print("      (no sentence: read from the name at resolution)")
    return 0


def describe(step: Step) -> str:
    relation = f"{step.relation} {step.title}" if step.title else step.relation
    return f"{step.head} --{relation}--> {step.tail}"
