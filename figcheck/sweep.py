"""Finding the pairs of figures that matter without comparing every pair.

Every rule that relates figures of a quantity is a question of the form "which figures at a
comparable date have value intervals that do not meet?". Comparing all pairs costs n² and
makes a quantity of 100,000 figures take hours. Here figures are swept in date order while
an index of the figures still in reach is kept sorted by the bounds of their values, so a
search costs O((n + k) log n) for n figures and k pairs found.

Bounds are exact rationals; to keep the sorted indexes fast they are compared as integers
scaled by the least common denominator of the bounds involved, which is exact.

Most ledgers hold far fewer findings than figures. Before building its sorted indexes, a
sweep asks in one cheap pass (heaps of the extreme bounds still in reach, in C) whether any
pair can exist at all, and stops there when none can: the same answer, in a fraction of the
time.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from math import lcm
from typing import overload

from sortedcontainers import SortedList

from figcheck.model import Bound, Figure

_AFTER_ALL = float("inf")


class Scale:
    """Maps exact bounds to integers with the same order (infinities stay floats)."""

    def __init__(self, values: Iterable[Bound]) -> None:
        denominators = {v.denominator for v in values if isinstance(v, Fraction)}
        self.factor = lcm(*denominators) if denominators else 1

    @classmethod
    def of(cls, figures: Iterable[Figure]) -> Scale:
        bounds: list[Bound] = []
        for f in figures:
            bounds += (f.interval.low, f.interval.high, f.stated)
        return cls(bounds)

    @overload
    def key(self, value: Fraction) -> int: ...
    @overload
    def key(self, value: Bound) -> int | float: ...
    def key(self, value: Bound) -> int | float:
        if isinstance(value, Fraction):
            return value.numerator * (self.factor // value.denominator)
        return value  # ±inf


class Keys:
    """The integer keys of figures' bounds on one scale, made once and shared by the sweeps
    over the same figures (a family's rules sweep its quantities several times)."""

    def __init__(self, figures: Iterable[Figure]) -> None:
        figures = list(figures)
        self.scale = Scale.of(figures)
        key = self.scale.key
        # full id -> (low key, low open, high key, high open)
        self._bounds: dict[str, tuple[int | float, bool, int | float, bool]] = {
            f.full_id: (
                key(f.interval.low),
                f.interval.low_open,
                key(f.interval.high),
                f.interval.high_open,
            )
            for f in figures
        }

    def bounds(self, figure: Figure) -> tuple[int | float, bool, int | float, bool]:
        found = self._bounds.get(figure.full_id)
        if found is None:  # not among the figures the keys were made for
            i, key = figure.interval, self.scale.key
            found = (key(i.low), i.low_open, key(i.high), i.high_open)
        return found


class ValueIndex:
    """Figures kept sorted by both bounds, to ask which lie wholly below or above an interval.

    Keys put an open upper bound before a closed one at the same value, and a closed lower
    bound before an open one, so that the strict comparisons are prefix or suffix searches.
    """

    def __init__(self, scale: Scale) -> None:
        self._scale = scale
        self._by_high: SortedList = SortedList()
        self._by_low: SortedList = SortedList()
        self._entries: dict[int, tuple[tuple, tuple]] = {}
        self._figures: dict[int, Figure] = {}

    def add(self, seq: int, figure: Figure) -> None:
        i, key = figure.interval, self._scale.key
        high = (key(i.high), 0 if i.high_open else 1, seq)
        low = (key(i.low), 1 if i.low_open else 0, seq)
        self._by_high.add(high)
        self._by_low.add(low)
        self._entries[seq] = (high, low)
        self._figures[seq] = figure

    def remove(self, seq: int) -> None:
        high, low = self._entries.pop(seq)
        self._by_high.remove(high)
        self._by_low.remove(low)
        del self._figures[seq]

    def below(self, figure: Figure) -> Iterator[Figure]:
        """Members whose every value is smaller than every value of `figure`."""
        i = figure.interval
        stop = self._by_high.bisect_left((self._scale.key(i.low), 2 if i.low_open else 1))
        for entry in self._by_high.islice(0, stop):
            yield self._figures[entry[2]]

    def above(self, figure: Figure) -> Iterator[Figure]:
        """Members whose every value is greater than every value of `figure`."""
        i = figure.interval
        start = self._by_low.bisect_left(
            (self._scale.key(i.high), -1 if i.high_open else 0, _AFTER_ALL)
        )
        for entry in self._by_low.islice(start):
            yield self._figures[entry[2]]


def by_date(figures: Iterable[Figure]) -> list[Figure]:
    return sorted(figures, key=lambda f: (f.as_of.start, f.as_of.end))


def disjoint_at_overlapping_dates(
    figures: Sequence[Figure], keys: Keys | None = None
) -> Iterator[tuple[Figure, Figure]]:
    """Pairs whose as_of spans overlap and whose value intervals do not.

    `figures` must be sorted by date (`by_date`); each pair comes once, earlier start first.
    `keys`, when given, must hold the figures' bounds on one scale.
    """
    keys = keys or Keys(figures)
    if not _may_be_disjoint(figures, keys):
        return
    index = ValueIndex(keys.scale)
    ends: list[tuple[int, int]] = []
    for seq, figure in enumerate(figures):
        while ends and ends[0][0] < figure.as_of.start:
            index.remove(heapq.heappop(ends)[1])
        for other in index.below(figure):
            yield other, figure
        for other in index.above(figure):
            yield other, figure
        index.add(seq, figure)
        heapq.heappush(ends, (figure.as_of.end, seq))


def _may_be_disjoint(figures: Sequence[Figure], keys: Keys) -> bool:
    """Whether `disjoint_at_overlapping_dates` can find a pair: a figure lying wholly below or
    above one still in reach. Keeps the lowest upper bound and the highest lower bound in
    reach, as ValueIndex orders them (an open upper bound before a closed one at the same
    value, a closed lower bound before an open one)."""
    highs: list[tuple[int | float, int, int]] = []  # (high, 0 open or 1 closed, end)
    lows: list[tuple[int | float, int, int]] = []  # (-low, -(1 open or 0 closed), end)
    push, pop = heapq.heappush, heapq.heappop
    bounds = keys.bounds
    for figure in figures:
        start, end = figure.as_of.start, figure.as_of.end
        while highs and highs[0][2] < start:
            pop(highs)
        while lows and lows[0][2] < start:
            pop(lows)
        low, low_open, high, high_open = bounds(figure)
        if highs and highs[0][:2] < (low, 2 if low_open else 1):
            return True
        if lows and (-lows[0][0], -lows[0][1]) > (high, -1 if high_open else 0):
            return True
        push(highs, (high, 0 if high_open else 1, end))
        push(lows, (-low, -1 if low_open else 0, end))
    return False


def higher_before(
    figures: Sequence[Figure], keys: Keys | None = None
) -> Iterator[tuple[Figure, Figure]]:
    """Pairs (earlier, later) where `later` starts after `earlier` ends and lies wholly below it.

    `figures` must be sorted by date.
    """
    keys = keys or Keys(figures)
    if not _may_be_higher_before(figures, keys):
        return
    finished = ValueIndex(keys.scale)
    pending: list[tuple[int, int]] = []
    for seq, figure in enumerate(figures):
        while pending and pending[0][0] < figure.as_of.start:
            done = heapq.heappop(pending)[1]
            finished.add(done, figures[done])
        for earlier in finished.above(figure):
            yield earlier, figure
        heapq.heappush(pending, (figure.as_of.end, seq))


def _may_be_higher_before(figures: Sequence[Figure], keys: Keys) -> bool:
    """Whether `higher_before` can find a pair: the highest lower bound of the figures that
    ended before a figure starts (a running maximum: a figure, once ended, stays so) lies
    above that figure."""
    pending: list[tuple[int, int, int | float, int]] = []  # (end, seq, low, 1 open or 0)
    highest: tuple[int | float, int] | None = None
    bounds = keys.bounds
    for seq, figure in enumerate(figures):
        start = figure.as_of.start
        while pending and pending[0][0] < start:
            _, _, low, low_open = heapq.heappop(pending)
            if highest is None or (low, low_open) > highest:
                highest = (low, low_open)
        low, low_open, high, high_open = bounds(figure)
        if highest is not None and highest > (high, -1 if high_open else 0):
            return True
        heapq.heappush(pending, (figure.as_of.end, seq, low, 1 if low_open else 0))
    return False


def exceeding_at_overlapping_dates(
    smaller: Sequence[Figure], larger: Sequence[Figure], reach_days: int = 0
) -> Iterator[tuple[Figure, Figure]]:
    """Pairs (s, l) from the two lists, at overlapping dates, where s lies wholly above l.

    Used where `s` should never exceed `l` (a subset and its superset). Both lists sorted by date.
    With `reach_days`, dates count as overlapping when they lie within that many days of each
    other (each span's end is stretched by it: FC303's window).
    """
    scale = Scale.of([*smaller, *larger])
    active_small, active_large = ValueIndex(scale), ValueIndex(scale)
    events = sorted(
        [(f.as_of.start, 0, i, f) for i, f in enumerate(smaller)]
        + [(f.as_of.start, 1, i, f) for i, f in enumerate(larger)],
        key=lambda e: e[:3],
    )
    ends: list[tuple[int, int, int]] = []
    for start, side, seq, figure in events:
        while ends and ends[0][0] < start:
            _, gone_side, gone = heapq.heappop(ends)
            (active_small if gone_side == 0 else active_large).remove(gone)
        if side == 0:
            for l_fig in active_large.below(figure):
                yield figure, l_fig
            active_small.add(seq, figure)
        else:
            for s_fig in active_small.above(figure):
                yield s_fig, figure
            active_large.add(seq, figure)
        heapq.heappush(ends, (figure.as_of.end + reach_days, side, seq))


def exceeding_later(
    smaller: Sequence[Figure], larger: Sequence[Figure]
) -> Iterator[tuple[Figure, Figure]]:
    """Pairs (s, l) where l's span ends on or after s's starts and s lies wholly above l.

    For a cumulative `larger` that only grows, a figure of it at a later date is a bound for
    `smaller` too. Pairs at overlapping dates are included.
    """
    scale = Scale.of([*smaller, *larger])
    index = ValueIndex(scale)
    larger_by_end = sorted(range(len(larger)), key=lambda i: larger[i].as_of.end, reverse=True)
    position = 0
    for s_fig in sorted(smaller, key=lambda f: f.as_of.start, reverse=True):
        while position < len(larger_by_end):
            candidate = larger_by_end[position]
            if larger[candidate].as_of.end < s_fig.as_of.start:
                break
            index.add(candidate, larger[candidate])
            position += 1
        for l_fig in index.below(s_fig):
            yield s_fig, l_fig


class _PrefixBest:
    """A Fenwick tree answering 'the best (smallest) key among positions <= p' as keys arrive."""

    def __init__(self, size: int) -> None:
        self._tree: list[tuple | None] = [None] * (size + 1)

    def offer(self, position: int, key: tuple) -> None:
        position += 1
        while position < len(self._tree):
            current = self._tree[position]
            if current is None or key < current:
                self._tree[position] = key
            position += position & -position

    def best(self, position: int) -> tuple | None:
        position += 1
        found = None
        while position > 0:
            current = self._tree[position]
            if current is not None and (found is None or current < found):
                found = current
            position -= position & -position
        return found


def most_lenient_overlapping(
    queries: Sequence[Figure],
    candidates: Sequence[Figure],
    key: Callable[[Figure], tuple],
    reach_days: int = 0,
) -> list[Figure | None]:
    """For each query figure, the candidate at an overlapping date with the smallest `key`.

    Offline two-dimensional search: a candidate overlaps a query when it starts on or before
    the query's end and ends on or after the query's start (with `reach_days`, within that
    many days of them). O((q + c) log c).
    """
    if not candidates:
        return [None] * len(queries)
    starts = sorted({c.as_of.start for c in candidates})
    rank = {start: i for i, start in enumerate(starts)}
    tree = _PrefixBest(len(starts))
    by_end = sorted(range(len(candidates)), key=lambda i: candidates[i].as_of.end, reverse=True)
    answers: list[Figure | None] = [None] * len(queries)
    position = 0
    for q in sorted(range(len(queries)), key=lambda i: queries[i].as_of.start, reverse=True):
        query = queries[q]
        while (
            position < len(by_end)
            and candidates[by_end[position]].as_of.end + reach_days >= query.as_of.start
        ):
            c = by_end[position]
            tree.offer(rank[candidates[c].as_of.start], (key(candidates[c]), c))
            position += 1
        last = _last_at_or_before(starts, query.as_of.end + reach_days)
        if last >= 0:
            found = tree.best(last)
            if found is not None:
                answers[q] = candidates[found[1]]
    return answers


def _last_at_or_before(sorted_values: list[int], value: int) -> int:
    return bisect_right(sorted_values, value) - 1
