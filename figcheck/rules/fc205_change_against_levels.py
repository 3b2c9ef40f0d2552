"""FC205 change against levels: a percent change that the recorded levels do not bear out.

A `change` quantity with `of: level` records percent changes of `level` between two periods:
`as_of: 2013/2014, value: -46` says the level fell by 46% from 2013 to 2014. Where the
ledger also holds figures of the level for period A and for period B, figcheck computes the
change they imply, (B / A - 1) x 100, as an interval from their hedges, and reports a change
figure whose interval does not overlap it. For a `flow` level the figures must cover exactly
period A (or B); for a stock, their dates must lie within it. Where several figures qualify
for a period, all of them count (the widest reading). The arithmetic is exact: 540 against
1,000 is a decline of exactly 46%.

Passes (1,000 victims in 2013 and 540 in 2014 is exactly -46%):

    quantities:
      victims: {kind: flow}
      victims-change: {kind: change, unit: percent, of: victims}
    figures:
      - {quantity: victims, value: 1000, as_of: 2013}
      - {quantity: victims, value: 540, as_of: 2014}
      - {quantity: victims-change, value: -46, as_of: 2013/2014}

Fails (1,000 and 600 imply -40%, not -46%):

    quantities:
      victims: {kind: flow}
      victims-change: {kind: change, unit: percent, of: victims}
    figures:
      - {quantity: victims, value: 1000, as_of: 2013}
      - {quantity: victims, value: 600, as_of: 2014}
      - {quantity: victims-change, value: -46, as_of: 2013/2014}
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from fractions import Fraction

from figcheck import describe, values
from figcheck.family import Family
from figcheck.model import INF, DatePoint, Figure, Interval, Quantity
from figcheck.rules.base import FamilyRule, Hit, Options


class _Levels:
    """The figures of a level quantity, found by the period they describe."""

    def __init__(self, level: Quantity, figures: Sequence[Figure]) -> None:
        self.is_flow = level.kind == "flow"
        self.by_period: dict[tuple[int, int], list[Figure]] = defaultdict(list)
        for f in figures:
            self.by_period[f.as_of.period].append(f)
        self.figures = figures  # sorted by start
        self.starts = [f.as_of.start for f in figures]

    def during(self, point: DatePoint) -> list[Figure]:
        if self.is_flow:
            return self.by_period.get((point.first_day, point.last_day), [])
        lo = bisect_left(self.starts, point.first_day)
        hi = bisect_right(self.starts, point.last_day)
        return [f for f in self.figures[lo:hi] if f.as_of.end <= point.last_day]


def find(family: Family, options: Options) -> Iterator[Hit]:
    for change in family.quantities:
        if change.kind != "change" or change.of is None:
            continue
        level = family.quantity(change.of)
        levels = _Levels(level, family.of(level.id))
        if not levels.figures:
            continue
        for c in family.of(change.id):
            if not c.as_of.is_interval:
                continue
            first, last = (levels.during(point) for point in c.as_of.points)
            if not first or not last:
                continue
            implied = implied_change(_hull(first), _hull(last))
            if implied is None or implied.overlaps(c.interval):
                continue
            yield Hit(
                _message(c, change, level, first, last, implied), (c, *first, *last), change.id
            )


def _hull(figures: Sequence[Figure]) -> Interval:
    result = figures[0].interval
    for f in figures[1:]:
        result = result.hull(f.interval)
    return result


def implied_change(before: Interval, after: Interval) -> Interval | None:
    """The percent change from a level in `before` to one in `after`; None when the earlier
    level may be zero or negative, where a percent change says nothing."""
    if before.high <= 0 or after.low < 0:
        return None
    hundred = Fraction(100)
    if before.high == INF:
        ratio_low, low_open = Fraction(0), True
    else:
        ratio_low, low_open = after.low / before.high, after.low_open or before.high_open
    if before.low <= 0 or after.high == INF:
        ratio_high, high_open = INF, True
    else:
        ratio_high, high_open = after.high / before.low, after.high_open or before.low_open
    high = INF if ratio_high == INF else (ratio_high - 1) * hundred
    return Interval((ratio_low - 1) * hundred, high, low_open, high_open)


def _message(
    c: Figure,
    change: Quantity,
    level: Quantity,
    first: Sequence[Figure],
    last: Sequence[Figure],
    implied: Interval,
) -> str:
    def levels_text(figures: Sequence[Figure]) -> str:
        return " or ".join(describe.figure(f, level) for f in figures)

    return (
        f"{describe.figure(c, change)} does not fit the levels of {level.id}: "
        f"{levels_text(first)} and then {levels_text(last)} imply a change of "
        f"{values.describe_interval(implied)}%, which {describe.interval(c)} does not overlap"
    )


RULE = FamilyRule(
    code="FC205",
    title="change against levels",
    severity="error",
    doc=__doc__ or "",
    find=find,
)
