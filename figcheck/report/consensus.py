"""What the sources agree on: for each quantity and each cluster of figures about the same
time, the consensus interval, or that there is none.

A cluster holds the statements of one quantity that speak of about the same time, as the
rules compare them: for a flow or a change, the statements of the identical period; for a
stock or a running total, statements in date order, each cluster running from its first
statement to every later one that starts within FC301's window (`window_days`, 366 by
default) of that first one's end.

The consensus of a cluster is the intersection of its statements' value intervals when it
is not empty ("agreed": every figure allows it). Otherwise it is the intersection of the
largest set of statements whose intervals meet, when that set is unique and has at least
two statements ("majority"), and the statements outside it are named as disagreeing. When no
two statements meet, or two different sets tie, there is no consensus ("none"), and the
spread of the stated values says how far apart they are. A cluster of one statement stands
"alone": there is nothing to compare it with, which is not agreement.

The largest set is found by sweeping the intervals' ends in order, O(n log n) for n
statements; bounds are exact rationals, open or closed, so "over 2,000" and "2,000" do not
meet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from figcheck import dates, describe, sweep, wording
from figcheck.family import Family, period_key
from figcheck.ledger.config import Config
from figcheck.model import INF, Bound, Interval, Quantity
from figcheck.report.statements import Statement, of_quantity
from figcheck.rules import windows
from figcheck.rules.fc301_divergence import RULE as DIVERGENCE

Verdict = Literal["agreed", "majority", "none", "alone"]
Standing = Literal["agrees", "disagrees", "contested", "alone"]
PERCENT_UNITS = ("percent", "%")


def window_days(config: Config) -> int:
    """How far apart in days two figures of a stock or running total may be and still speak
    of about the same time: the window of the divergence rule, as figcheck.yaml sets it."""
    return int(config.options(DIVERGENCE.code)["window_days"])


@dataclass(frozen=True)
class Cluster:
    quantity: Quantity
    statements: tuple[Statement, ...]  # in date order
    verdict: Verdict
    interval: Interval | None  # what the supporting statements all allow
    supporting: tuple[Statement, ...]

    @cached_property
    def _backing(self) -> frozenset[int]:
        return frozenset(id(s) for s in self.supporting)

    @cached_property
    def disagreeing(self) -> tuple[Statement, ...]:
        if self.verdict != "majority":
            return ()
        return tuple(s for s in self.statements if id(s) not in self._backing)

    @property
    def start(self) -> int:
        return min(s.figure.as_of.start for s in self.statements)

    @property
    def end(self) -> int:
        return max(s.figure.as_of.end for s in self.statements)

    @cached_property
    def speakers(self) -> int:
        return len({describe.normal_speaker(s.figure.said_by) for s in self.statements})

    def standing(self, statement: Statement) -> Standing:
        """How one statement of the cluster stands against the consensus."""
        if self.verdict == "alone":
            return "alone"
        if self.verdict == "none":
            return "contested"
        return "agrees" if id(statement) in self._backing else "disagrees"

    @property
    def span(self) -> str:
        """When the cluster speaks of: '19 Nov 2015?', '7 Jul 2015? to around Dec 2015'."""
        first = min(self.statements, key=lambda s: (s.figure.as_of.start, s.figure.as_of.end))
        last = max(self.statements, key=lambda s: (s.figure.as_of.end, s.figure.as_of.start))
        if first.figure.as_of.text == last.figure.as_of.text or first is last:
            return dates.describe(first.figure.as_of)
        start = first.figure.as_of.points[0]
        end = last.figure.as_of.points[-1]
        if start.precision == "open":
            return f"until {dates.describe_point(end)}"
        if end.precision == "open":
            return f"from {dates.describe_point(start)}"
        return f"{dates.describe_point(start)} to {dates.describe_point(end)}"

    @property
    def spread(self) -> str | None:
        """How far apart the stated values are: '24%' of the largest, or for a quantity in
        percent, '5 points'; None when they are all equal or all zero."""
        stated = [s.figure.stated for s in self.statements]
        low, high = min(stated), max(stated)
        if low == high:
            return None
        if self.quantity.unit in PERCENT_UNITS:
            gap = high - low
            places = 0 if gap >= 10 or gap.denominator == 1 else 1
            return f"{wording.rounded(gap, places)} points"
        largest = max(abs(low), abs(high))
        share = (high - low) / largest * 100
        return f"{wording.rounded(share, 0 if share >= 10 else 1)}%"

    def sentence(self) -> str:
        """The cluster in one sentence, led by the quantity and the time it speaks of."""
        head = f"{self.quantity.id}, {self.span}: "
        unit = self.quantity.unit
        n = len(self.statements)
        if self.verdict == "alone":
            only = self.statements[0]
            return head + (
                f"{describe.value(only.figure, self.quantity)} stands alone "
                f"({only.figure.said_by}, {only.figure.document}); no other figure to compare "
                "it with"
            )
        if self.verdict == "none":
            apart = f", {self.spread} apart" if self.spread else ""
            return head + (
                f"no consensus; {wording.plural(n, 'figure')}, "
                f"{wording.plural(self.speakers, 'speaker')}{apart}"
            )
        assert self.interval is not None
        agreed = interval_words(self.interval, unit)
        if self.verdict == "agreed":
            return head + (
                f"{wording.plural(n, 'figure')} from {wording.plural(self.speakers, 'speaker')} "
                f"agree on {agreed}"
            )
        others = "; ".join(_figure_words(s) for s in self.disagreeing)
        verb = "disagrees" if len(self.disagreeing) == 1 else "disagree"
        return head + (f"{len(self.supporting)} of {n} figures agree on {agreed}; {others} {verb}")


def _figure_words(statement: Statement) -> str:
    """'2,900 (around Dec 2015, FSB of Russia, icg-departure-report)', the speaker whole."""
    f = statement.figure
    value = describe.value(f, statement.quantity)
    return f"{value} ({dates.describe(f.as_of)}, {f.said_by}, {f.document})"


def interval_words(interval: Interval, unit: str) -> str:
    """An interval as a reader says it: '2,719', '1,980 to 2,420', 'over 2,000',
    'at most 500', 'over 2,000 and at most 2,420'."""
    suffix = "%" if unit in PERCENT_UNITS else ""

    def number(value: Bound) -> str:
        return f"{wording.number(value)}{suffix}"

    low, high = interval.low, interval.high
    if low == high:
        return number(low)
    if high == INF and low == -INF:
        return "any value"
    if high == INF:
        return f"{'over' if interval.low_open else 'at least'} {number(low)}"
    if low == -INF:
        return f"{'under' if interval.high_open else 'at most'} {number(high)}"
    if not interval.low_open and not interval.high_open:
        return f"{number(low)} to {number(high)}"
    lower = f"{'over' if interval.low_open else 'at least'} {number(low)}"
    upper = f"{'under' if interval.high_open else 'at most'} {number(high)}"
    return f"{lower} and {upper}"


def of_family(family: Family, window: int) -> list[Cluster]:
    """Every quantity's clusters, quantity by quantity in the family's order, each in date
    order; `window` is for the quantities without a `window_days` of their own."""
    return [
        cluster
        for quantity in family.quantities
        for cluster in of_statements(
            quantity, of_quantity(family, quantity), own_window(quantity, window)
        )
    ]


def own_window(quantity: Quantity, default: int) -> int:
    """The quantity's window as the divergence rules take it (figcheck/rules/windows.py)."""
    return windows.window_days(quantity, {"window_days": default})


def of_statements(
    quantity: Quantity, statements: Sequence[Statement], window: int
) -> list[Cluster]:
    return [_judge(quantity, group) for group in _clusters(quantity, statements, window)]


def _clusters(
    quantity: Quantity, statements: Sequence[Statement], window: int
) -> list[list[Statement]]:
    if quantity.kind in ("flow", "change"):
        groups: dict[tuple[int, ...], list[Statement]] = {}
        for s in statements:
            groups.setdefault(period_key(s.figure, quantity.kind), []).append(s)
        return sorted(groups.values(), key=lambda g: g[0].figure.as_of.period)
    ordered = sorted(statements, key=lambda s: (s.figure.as_of.start, s.figure.as_of.end))
    clusters: list[list[Statement]] = []
    reach = None
    for s in ordered:
        if reach is None or s.figure.as_of.start > reach:
            clusters.append([])
            reach = s.figure.as_of.end + window
        clusters[-1].append(s)
    return clusters


def _judge(quantity: Quantity, statements: Sequence[Statement]) -> Cluster:
    group = tuple(statements)
    if len(group) == 1:
        return Cluster(quantity, group, "alone", group[0].figure.interval, group)
    intervals = [s.figure.interval for s in group]
    together = intersection(intervals)
    if together is not None:
        return Cluster(quantity, group, "agreed", together, group)
    best = most_supported(intervals)
    if best is None:
        return Cluster(quantity, group, "none", None, ())
    supporting = tuple(s for s, i in zip(group, intervals, strict=True) if _contains(i, best))
    if len(supporting) < 2:
        return Cluster(quantity, group, "none", None, ())
    region = intersection(s.figure.interval for s in supporting)
    return Cluster(quantity, group, "majority", region, supporting)


# Where a value lies relative to interval ends: (value, 0) is the value itself, (value, 1)
# just above it. An interval holds a position when its low key <= position <= its high key.
Position = tuple[Bound, int]


def _low_key(interval: Interval) -> Position:
    return (interval.low, 1 if interval.low_open else 0)


def _high_key(interval: Interval) -> Position:
    return (interval.high, -1 if interval.high_open else 0)


def _contains(interval: Interval, position: Position) -> bool:
    return _low_key(interval) <= position <= _high_key(interval)


def intersection(intervals: Iterable[Interval]) -> Interval | None:
    """What every interval allows; None when that is nothing."""
    found = list(intervals)
    low = max(found, key=_low_key)
    high = min(found, key=_high_key)
    if _low_key(low) > _high_key(high):
        return None
    return Interval(low.low, high.high, low.low_open, high.high_open)


def most_supported(intervals: Sequence[Interval]) -> Position | None:
    """A position that the most intervals hold, when the set of intervals holding it is the
    only set of that size that meets; None when two different sets tie.

    Sweep: each interval starts at its low key and ends just after its high key; starts at
    a position come before ends there. Every time the count of open intervals rises to a new
    maximum a new largest set begins; each time it rises to the maximum again, another set of
    the same size (one interval ended and another began in between)."""
    # Bounds as integers of the same order (exact: scaled by their common denominator),
    # which sort many times faster than rationals.
    scale = sweep.Scale(b for i in intervals for b in (i.low, i.high))

    def scaled(position: Position) -> tuple[int | float, int]:
        return (scale.key(position[0]), position[1])

    events = sorted(
        [(scaled(_low_key(i)), 0, _low_key(i)) for i in intervals]
        + [(scaled(_high_key(i)), 1, _high_key(i)) for i in intervals],
        key=lambda event: (event[0], event[1]),
    )
    count = best = 0
    rises = 0
    where: Position | None = None
    for _, is_end, position in events:
        if is_end:
            count -= 1
            continue
        count += 1
        if count > best:
            best, rises, where = count, 1, position
        elif count == best:
            rises += 1
    return where if rises == 1 else None
