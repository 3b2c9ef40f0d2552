"""The graph of relations between quantities: subset -> superset, part -> whole,
change -> level."""

from __future__ import annotations

from collections.abc import Mapping

from figcheck.model import Quantity


def cycles(quantities: Mapping[str, Quantity]) -> list[list[str]]:
    """Cycles in the graph of relations (subset -> superset, part -> whole, change -> level)."""
    edges: dict[str, list[str]] = {qid: [] for qid in quantities}
    for q in quantities.values():
        edges[q.id] += [s for s in q.subset_of if s in quantities]
        if q.of is not None and q.of in quantities:
            edges[q.id].append(q.of)
        for part in q.parts:
            if part in quantities:
                edges[part].append(q.id)
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    cycles: list[list[str]] = []
    for start in edges:
        if state.get(start):
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = []
        while stack:
            node, i = stack.pop()
            if i == 0:
                state[node] = 1
                path.append(node)
            if i < len(edges[node]):
                stack.append((node, i + 1))
                nxt = edges[node][i]
                if state.get(nxt) == 1:
                    cycles.append(path[path.index(nxt) :])
                elif not state.get(nxt):
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                path.pop()
    return cycles
