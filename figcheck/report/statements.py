"""A statement: a figure as a report gives it, with its repeats in the same document.

A document may give one figure several times (a headline and the body: same quantity,
value, hedge, date and speaker; figcheck.family.repeat_key). The report shows it once, with
how many times and on which lines, and counts it once wherever figures are counted: three
repeats of 160 are one source saying 160, not three sources agreeing.
"""

from __future__ import annotations

from dataclasses import dataclass

from figcheck.family import Family
from figcheck.model import Figure, Quantity


@dataclass(frozen=True)
class Statement:
    quantity: Quantity
    records: tuple[Figure, ...]  # the figure and its repeats, in file order

    @property
    def figure(self) -> Figure:
        return self.records[0]

    @property
    def times(self) -> int:
        return len(self.records)

    @property
    def full_ids(self) -> tuple[str, ...]:
        return tuple(f.full_id for f in self.records)

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(f.location.line for f in self.records)


def of_quantity(family: Family, quantity: Quantity) -> list[Statement]:
    """The quantity's statements in date order."""
    return [Statement(quantity, group) for group in family.statements(quantity.id)]


def of_family(family: Family) -> list[Statement]:
    """Every statement of the family in date order (then in the family's quantity order)."""
    order = {q.id: i for i, q in enumerate(family.quantities)}
    found = [s for q in family.quantities for s in of_quantity(family, q)]
    return sorted(found, key=lambda s: _date_key(s.figure, order[s.quantity.id]))


def _date_key(figure: Figure, position: int) -> tuple[int, int, int]:
    return (figure.as_of.start, figure.as_of.end, position)
