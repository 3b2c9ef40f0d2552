"""The graph of relations between quantities: subset -> superset, part -> whole,
change -> level."""

from __future__ import annotations

from collections.abc import Mapping

from figcheck.model import Quantity


def cycles(quantities: Mapping[str, Quantity]) -> list[tuple[list[str], list[str]]]:
    """Cycles in the graph of relations (subset -> superset, part -> whole, change -> level):
    for each group of quantities that reach one another (a strongly connected component with
    a cycle), one shortest cycle through its first quantity, and the group's other members.
    Linear in the number of relations, however they are tangled."""
    edges: dict[str, list[str]] = {qid: [] for qid in quantities}
    for q in quantities.values():
        edges[q.id] += [s for s in q.subset_of if s in quantities]
        if q.of is not None and q.of in quantities:
            edges[q.id].append(q.of)
        for part in q.parts:
            if part in quantities:
                edges[part].append(q.id)
    found = []
    for group in _components(edges):
        if len(group) > 1 or group[0] in edges[group[0]]:
            cycle = _cycle_through(group[0], edges, set(group))
            members = set(cycle)
            found.append((cycle, [q for q in group if q not in members]))
    return found


def _components(edges: Mapping[str, list[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, without recursion, in the order of `edges`."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    for start in edges:
        if start in index:
            continue
        work: list[tuple[str, int]] = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            if i < len(edges[node]):
                work.append((node, i + 1))
                nxt = edges[node][i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if work:  # hand the lowest reachable index back to the caller
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                groups.append(group[::-1])
    return groups


def _cycle_through(start: str, edges: Mapping[str, list[str]], group: set[str]) -> list[str]:
    """The quantities of a shortest cycle from `start` back to it, within `group`."""
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in edges[node]:
                if nxt not in group:
                    continue
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return path[::-1]
                if nxt not in came_from:
                    came_from[nxt] = node
                    following.append(nxt)
        frontier = following
    return [start]
