"""FC207 compound change: a change over a long period that its consecutive changes contradict.

Percent changes of one quantity over consecutive periods compound: -46% from 2013 to 2014
and then -51% from 2014 to 2015 leave 0.54 x 0.49 = 0.2646 of the 2013 level, a change of
-73.54% from 2013 to 2015. Where the ledger also holds a change figure over the combined
period (2013/2015), figcheck compounds the chain and reports the combined figure when their
intervals do not overlap. Hedges are carried through exactly (rationals): "about -46%"
compounds as -50.6% to -41.4%, "a fall of over 40%" as anything from -100% to -40%.

A chain may have any number of links (2013/2014, 2014/2015, 2015/2016 against 2013/2016),
each link a change figure whose period starts at the period where the previous one ends;
each period lies wholly before the next. Where several figures give one link, or several
chains lead from the start to the end, all of them count (the widest reading), as FC205
counts several level figures of one period. A change below -100% is impossible for a level
that cannot be negative, so the compounding never goes below -100%.

Passes (-46% then -51% compound to -73.54%; "about -75%" means -82.5% to -67.5%):

    quantities:
      victims: {kind: flow}
      victims-change: {kind: change, of: victims, unit: percent}
    figures:
      - {quantity: victims-change, value: -46, as_of: 2013/2014}
      - {quantity: victims-change, value: -51, as_of: 2014/2015}
      - {quantity: victims-change, value: -75, approx: about, as_of: 2013/2015}

Fails (a report saying "down 60% over two years" where the chain gives -73.54%):

    quantities:
      victims: {kind: flow}
      victims-change: {kind: change, of: victims, unit: percent}
    figures:
      - {quantity: victims-change, value: -46, as_of: 2013/2014}
      - {quantity: victims-change, value: -51, as_of: 2014/2015}
      - {quantity: victims-change, value: -60, as_of: 2013/2015}
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction

from figcheck import dates, describe, values, wording
from figcheck.family import Family
from figcheck.model import INF, Bound, DatePoint, Figure, Interval, Quantity
from figcheck.rules.base import FamilyRule, Hit, Options

Point = tuple[int, int]  # a period's first and last day
HUNDRED = Fraction(100)
ONE = Interval(Fraction(1), Fraction(1))


def find(family: Family, options: Options) -> Iterator[Hit]:
    for quantity in family.quantities:
        if quantity.kind != "change":
            continue
        chains = Chains(family.of(quantity.id))
        for combined in chains.links_figures:
            compounded = chains.compounded(combined)
            if compounded is None:
                continue
            implied, used = compounded
            if not implied.overlaps(combined.interval):
                yield Hit(
                    _message(combined, quantity, used, implied), (combined, *used), quantity.id
                )


def _point(point: DatePoint) -> Point:
    return (point.first_day, point.last_day)


class Chains:
    """The change figures of one quantity as links from one period to a later one."""

    def __init__(self, figures: Sequence[Figure]) -> None:
        links: dict[tuple[Point, Point], list[Figure]] = defaultdict(list)
        for f in figures:
            if f.as_of.is_interval:
                first, last = f.as_of.points
                if first.last_day < last.first_day:  # one period wholly before the other
                    links[(_point(first), _point(last))].append(f)
        self.links_figures = [f for group in links.values() for f in group]
        # Each link once, with the factor its figures allow together, by its first period.
        self.links: list[tuple[Point, Point, Interval, tuple[Figure, ...]]] = []
        for (start, end), group in links.items():
            factor = _hull(_factor(f.interval) for f in group)
            if factor is not None:
                self.links.append((start, end, factor, tuple(group)))
        self.links.sort(key=lambda link: (link[0], link[1]))
        self._starts = [link[0] for link in self.links]
        self._from: dict[Point, dict[Point, tuple[Interval, tuple[Figure, ...]]]] = {}

    def compounded(self, combined: Figure) -> tuple[Interval, tuple[Figure, ...]] | None:
        """The change that the chains of two or more links from the combined figure's first
        period to its last one compound to, and the figures in them; None without a chain."""
        start, end = (_point(p) for p in combined.as_of.points)
        if start not in self._from:
            self._from[start] = self._chained_from(start)
        found = self._from[start].get(end)
        if found is None:
            return None
        factor, used = found
        return _change(factor), used

    def _chained_from(self, start: Point) -> dict[Point, tuple[Interval, tuple[Figure, ...]]]:
        """For each period that chains of two or more links reach from `start`, the hull of
        their compounded factors and their figures. Links are taken in the order of their
        first period, which is also an order in which every link into a period comes before
        every link out of it (a link's first period lies wholly before its last)."""
        # reached[point][n]: chains of n links (2 standing for "two or more")
        reached: dict[Point, dict[int, tuple[Interval, tuple[Figure, ...]]]] = {
            start: {0: (ONE, ())}
        }
        horizon = max((e for s, e, _, _ in self.links if s == start), default=None)
        if horizon is None:
            return {}
        for first, last, factor, group in self.links[bisect_left(self._starts, start) :]:
            if first[0] > horizon[0]:
                break
            for links, (so_far, used) in list(reached.get(first, {}).items()):
                product = _times(so_far, factor)
                if product is None:
                    continue
                into = reached.setdefault(last, {})
                count = min(links + 1, 2)
                if count in into:
                    old, old_used = into[count]
                    into[count] = (old.hull(product), (*old_used, *group))
                else:
                    into[count] = (product, (*used, *group))
        return {
            point: (by_count[2][0], tuple(dict.fromkeys(by_count[2][1])))
            for point, by_count in reached.items()
            if 2 in by_count
        }


def _factor(change: Interval) -> Interval | None:
    """What a percent change multiplies a level by: -46% is 0.54. Never below 0 (a level
    cannot fall by more than 100%); None for a change that can only be below -100%."""
    low, low_open = change.low, change.low_open
    high, high_open = change.high, change.high_open
    if high < -HUNDRED or (high == -HUNDRED and high_open):
        return None
    if low <= -HUNDRED:
        low, low_open = -HUNDRED, False
    return Interval(_plus_one(low), _plus_one(high), low_open, high_open)


def _plus_one(percent: Bound) -> Bound:
    return INF if percent == INF else 1 + percent / HUNDRED


def _change(factor: Interval) -> Interval:
    def percent(value: Bound) -> Bound:
        return INF if value == INF else (value - 1) * HUNDRED

    return Interval(percent(factor.low), percent(factor.high), factor.low_open, factor.high_open)


def _times(a: Interval, b: Interval) -> Interval | None:
    """The product of two intervals of factors (never negative), exactly; None when empty."""
    zero = Fraction(0)
    if (a.low == 0 and not a.low_open) or (b.low == 0 and not b.low_open):
        low, low_open = zero, False
    else:
        low, low_open = a.low * b.low, a.low_open or b.low_open  # type: ignore[assignment]
    if (a.high == 0 and not a.high_open) or (b.high == 0 and not b.high_open):
        high, high_open = zero, False
    elif a.high == INF or b.high == INF:
        high, high_open = INF, True  # type: ignore[assignment]
    else:
        high, high_open = a.high * b.high, a.high_open or b.high_open  # type: ignore[assignment]
    if low > high or (low == high and (low_open or high_open)):
        return None
    return Interval(low, high, low_open, high_open)


def _hull(intervals: Iterable[Interval | None]) -> Interval | None:
    result: Interval | None = None
    for interval in intervals:
        if interval is not None:
            result = interval if result is None else result.hull(interval)
    return result


def _message(
    combined: Figure, quantity: Quantity, used: Sequence[Figure], implied: Interval
) -> str:
    first, last = combined.as_of.points
    by_link: dict[tuple[int, int], list[Figure]] = defaultdict(list)
    for f in sorted(used, key=lambda f: (f.as_of.start, f.as_of.end)):
        by_link[f.as_of.period].append(f)
    chain = " then ".join(
        " or ".join(describe.figure(f, quantity) for f in link) for link in by_link.values()
    )
    return (
        f"{describe.figure(combined, quantity)} does not fit the changes it spans: {chain} "
        f"compound to {_percent(implied)} from {dates.describe_point(first)} to "
        f"{dates.describe_point(last)}, which {describe.interval(combined)} does not overlap"
    )


def _percent(interval: Interval) -> str:
    """'-73.54%' for a single value, '[-82.5, -67.5]%' for an interval."""
    if interval.low == interval.high:
        return f"{wording.bound(interval.low)}%"
    return f"{values.describe_interval(interval)}%"


RULE = FamilyRule(
    code="FC207",
    title="compound change",
    severity="error",
    doc=__doc__ or "",
    find=find,
)
