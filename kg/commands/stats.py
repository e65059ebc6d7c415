"""``kg stats``: counts, the most central entities, components and communities."""
from __future__ import annotations

import argparse

from kg.analytics import LOUVAIN_SEED, Stats, stats
from kg.graphview import read_graph

#: How the rankings are titled.
RANKING_TITLES = {"Person": "officials (Person)", "Enterprise": "enterprises", "Park": "parks"}
#: Members of a community shown by name.
COMMUNITY_MEMBERS = 8


def run(args: argparse.Namespace) -> int:
    print(report(stats(read_graph(args.source), top=args.top)))
    return 0


def report(s: Stats) -> str:
    def counts(counter) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))

    lines = [f"entities: {s.entities}" + (f"  ({counts(s.types)})" if s.types else ""),
             f"facts: {s.facts}" + (f"  ({counts(s.relations)})" if s.relations else "")]
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
        width = max(_width(r.label) for r in ranked)
        lines.append(f"  {'#':>2}  {_pad('entity', width)}  degree  pagerank  betweenness")
        for i, r in enumerate(ranked, 1):
            lines.append(f"  {i:>2}  {_pad(r.label, width)}  {r.degree:>6}  {r.pagerank:>8.4f}  {r.betweenness:>11.4f}")
    return "\n".join(lines)


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
