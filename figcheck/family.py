"""Families: quantities tied together by parts, subset_of and of, with their figures.

Rules run on one family at a time, and `figcheck report` shows one section per family.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property

from figcheck import describe, sweep
from figcheck.model import Figure, Quantity


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
    def conflicts(self) -> dict[str, list[tuple[Figure, Figure]]]:
        """Per quantity, the pairs of figures at comparable dates whose values cannot both hold."""
        found: dict[str, list[tuple[Figure, Figure]]] = {}
        for q in self.quantities:
            groups = comparable_groups(self.of(q.id), q.kind)
            found[q.id] = [pair for g in groups for pair in sweep.disjoint_at_overlapping_dates(g)]
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
