"""``kg stats``: counts, the most central entities, components and communities."""
from __future__ import annotations

import argparse

from kg.analytics import Stats, stats
from kg.rdf.counts import Counts, counts
from kg.rdf.entity_graph import LOUVAIN_SEED, from_store
from kg.rdf.source import SOURCE_HELP, open_source
from kg.rdf.sparql import text_table  # the same terminal table as `kg query`

#: How the rankings are titled.
RANKING_TITLES = {"Person": "officials (Person)", "Enterprise": "enterprises", "Park": "parks"}
#: Members of a community shown by name.
COMMUNITY_MEMBERS = 8


EPILOG = "example:\n  kg stats out/graph.ttl"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", metavar="GRAPH|STORE", help=SOURCE_HELP)
    p.add_argument("--top", type=int, default=10, help="how many entities per ranking")


def run(args: argparse.Namespace) -> int:
    store = open_source(args.source)
    print(report(counts(store), stats(from_store(store), top=args.top)))
    return 0


def report(c: Counts, s: Stats) -> str:
    def by_kind(counter) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))

    lines = [f"documents: {c.documents}",
             f"entities: {c.entities}" + (f"  ({by_kind(c.types)})" if c.types else ""),
             f"facts: {c.facts}" + (f"  ({by_kind(c.relations)})" if c.relations else ""),
             f"posts: {c.posts}  ({c.posts_in_body} in a named body)",
             f"derived links: {sum(c.derived.values())}" + (f"  ({by_kind(c.derived)})" if c.derived else "")]
    if s.components:
        isolated = s.components.count(1)
        lines.append(f"connected components: {len(s.components)}  (largest {s.components[0]} entities, "
                     f"{isolated} isolated {'entity' if isolated == 1 else 'entities'})")
    lines.append(f"communities (Louvain, seed {LOUVAIN_SEED}): {len(s.communities)}, "
                 f"modularity {s.modularity:.3f}")
    for i, members in enumerate(s.communities[:10], 1):
        more = f" … (+{len(members) - COMMUNITY_MEMBERS})" if len(members) > COMMUNITY_MEMBERS else ""
        lines.append(f"  {i:>2}. {len(members):>4} entities: {'、'.join(members[:COMMUNITY_MEMBERS])}{more}")
    for type_, ranked in s.rankings.items():
        lines.append(f"most central {RANKING_TITLES.get(type_, type_)}:")
        if not ranked:
            lines.append("  (none)")
            continue
        rows = [[str(i), r.label, str(r.degree), f"{r.pagerank:.4f}", f"{r.betweenness:.4f}"]
                for i, r in enumerate(ranked, 1)]
        table = text_table(["#", "entity", "degree", "pagerank", "betweenness"], rows)
        lines += ["  " + line for line in table.splitlines()[:-1]]  # without the row count
    return "\n".join(lines)
