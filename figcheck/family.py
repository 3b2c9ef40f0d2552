"""Families: quantities tied together by parts, subset_of and of, with their figures.

Rules run on one family at a time, and `figcheck report` shows one section per family.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from figcheck import describe, sweep
from figcheck.model import Bound, Figure, Quantity


def period_key(figure: Figure, kind: str) -> tuple[int, ...]:
    """What must be identical for two flow or change figures to measure the same thing."""
    if kind == "change":
        return tuple(
            day for point in figure.as_of.points for day in (point.first_day, point.last_day)
        )
    return figure.as_of.period


def same_period_groups(figures: Iterable[Figure], kind: str) -> list[list[Figure]]:
    groups: dict[tuple[int, ...], list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[period_key(figure, kind)].append(figure)
    return list(groups.values())


def repeat_key(figure: Figure) -> tuple[object, ...]:
    """What two records share when they are one statement said again in one document (a
    figure in a headline and again in the body): document, quantity, value and hedge, date as
    written, and speaker (compared as FC206 compares speakers)."""
    return (
        figure.document,
        figure.quantity,
        figure.value,
        figure.approx,
        figure.as_of.text,
        describe.normal_speaker(figure.said_by),
    )


def statements(figures: Iterable[Figure]) -> list[tuple[Figure, ...]]:
    """The figures grouped by `repeat_key`, each group in the figures' order, the groups in the
    order of their first figure: a figure repeated in one document is one statement."""
    groups: dict[tuple[object, ...], list[Figure]] = {}
    for figure in figures:
        groups.setdefault(repeat_key(figure), []).append(figure)
    return [tuple(group) for group in groups.values()]


def comparable_groups(figures: Sequence[Figure], kind: str) -> list[Sequence[Figure]]:
    """The figures split where only figures within one group can speak of the same time: a
    flow's or change's figures by their period; a stock's or running total's all together."""
    if kind in ("flow", "change"):
        return list(same_period_groups(figures, kind))
    return [figures]


@dataclass(frozen=True, slots=True)
class Containment:
    """A quantity that another is never more than at the same time, and the relations that
    say so, read through: `steps` go from the smaller quantity to `superset`, each a relation
    ("within" for subset_of, "part of" for a part and its whole) and the quantity it leads to.
    """

    superset: str
    steps: tuple[tuple[str, str], ...]

    @property
    def direct(self) -> bool:
        return len(self.steps) == 1

    def describe(self, subset: str) -> str:
        """'a is part of b, which is within c'."""
        (relation, first), *rest = self.steps
        text = f"{subset} is {relation} {first}"
        return text + "".join(f", which is {relation} {q}" for relation, q in rest)


class Family:
    """Related quantities (in ledger order) and their figures, each list sorted by date."""

    def __init__(self, quantities: Sequence[Quantity], figures: Mapping[str, Sequence[Figure]]):
        self.quantities = tuple(quantities)
        self._by_id = {q.id: q for q in self.quantities}
        self.figures = {q.id: tuple(sweep.by_date(figures.get(q.id, ()))) for q in self.quantities}

    @property
    def id(self) -> str:
        return self.quantities[0].id

    def quantity(self, quantity_id: str) -> Quantity:
        return self._by_id[quantity_id]

    def of(self, quantity_id: str) -> tuple[Figure, ...]:
        return self.figures.get(quantity_id, ())

    def statements(self, quantity_id: str) -> list[tuple[Figure, ...]]:
        """The quantity's figures as statements (see `statements`), in date order."""
        return statements(self.of(quantity_id))

    @cached_property
    def containing(self) -> dict[str, tuple[Containment, ...]]:
        """Per quantity, every quantity it is never more than: its supersets and its wholes,
        and theirs, read through (a within b within c means a within c; a part is within its
        whole and the whole's supersets). Each once, by its shortest chain of relations,
        nearest first. Computed once per family, for every rule that compares across them."""
        up: dict[str, list[tuple[str, str]]] = {q.id: [] for q in self.quantities}
        for q in self.quantities:
            up[q.id] += [("within", s) for s in q.subset_of if s in up]
            for part in q.parts:
                if part in up:
                    up[part].append(("part of", q.id))
        found: dict[str, tuple[Containment, ...]] = {}
        for start in up:
            chains: dict[str, tuple[tuple[str, str], ...]] = {}
            frontier: list[tuple[str, tuple[tuple[str, str], ...]]] = [(start, ())]
            while frontier:  # breadth first: the shortest chain to each reaches it first
                following = []
                for quantity, steps in frontier:
                    for relation, above in up[quantity]:
                        if above != start and above not in chains:
                            chains[above] = (*steps, (relation, above))
                            following.append((above, chains[above]))
                frontier = following
            found[start] = tuple(Containment(q, steps) for q, steps in chains.items())
        return found

    @cached_property
    def bounds(self) -> dict[str, tuple[Bound, Bound]]:
        """Per quantity with figures, the lowest upper bound and the highest lower bound of
        its figures: a quantity whose highest lower bound is below another's lowest upper
        bound has no figure above any of the other's, so the rules that look for one (a
        subset is usually far below its superset) need not sweep."""
        return {
            q.id: (
                min(f.interval.high for f in self.figures[q.id]),
                max(f.interval.low for f in self.figures[q.id]),
            )
            for q in self.quantities
            if self.figures[q.id]
        }

    def may_exceed(self, smaller: str, larger: str) -> bool:
        """Whether a figure of `smaller` may lie wholly above a figure of `larger`."""
        if smaller not in self.bounds or larger not in self.bounds:
            return False
        return self.bounds[larger][0] <= self.bounds[smaller][1]

    @cached_property
    def keys(self) -> sweep.Keys:
        """The bounds of every figure of the family on one integer scale, for the sweeps."""
        return sweep.Keys(f for figures in self.figures.values() for f in figures)

    @cached_property
    def conflicts(self) -> dict[str, list[tuple[Figure, Figure]]]:
        """Per quantity, the pairs of figures at comparable dates whose values cannot both hold."""
        found: dict[str, list[tuple[Figure, Figure]]] = {}
        for q in self.quantities:
            groups = comparable_groups(self.of(q.id), q.kind)
            found[q.id] = [
                pair for g in groups for pair in sweep.disjoint_at_overlapping_dates(g, self.keys)
            ]
        return found


def families(quantities: Mapping[str, Quantity], figures: Iterable[Figure]) -> list[Family]:
    """Split quantities into connected families; the family's first quantity is its top one
    (not a part, subset or change of another), so sections read from the whole downwards."""
    parent = {qid: qid for qid in quantities}

    def find(qid: str) -> str:
        while parent[qid] != qid:
            parent[qid] = parent[parent[qid]]
            qid = parent[qid]
        return qid

    def join(a: str, b: str) -> None:
        if a in parent and b in parent:
            parent[find(a)] = find(b)

    below: set[str] = set()
    for q in quantities.values():
        for other in (*q.parts, *q.subset_of, *((q.of,) if q.of else ())):
            join(q.id, other)
        below.update(q.parts)
        if q.subset_of or q.of:
            below.add(q.id)

    members: dict[str, list[Quantity]] = defaultdict(list)
    for q in quantities.values():
        members[find(q.id)].append(q)
    by_quantity: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_quantity[figure.quantity].append(figure)
    result = []
    for group in members.values():
        group.sort(key=lambda q: q.id in below)  # stable: tops first, then ledger order
        result.append(Family(group, by_quantity))
    return result
