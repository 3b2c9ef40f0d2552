"""FC301 divergence: two figures of one quantity, close in time, tell very different stories.

Two figures of one quantity whose dates lie within `window_days` (default 366) of each
other, and whose value intervals lie apart by more than `threshold` (default 0.15): the gap
between the intervals, from the high end of the lower one to the low end of the upper one,
is more than that share of the larger of those two ends. A quantity may set its own
`window_days` in quantities.yaml (a toll that climbs by the day: a few days, or 0 for
figures of overlapping dates only), which it uses instead. For a flow or a change only
figures of the identical period are compared: different periods are different
measurements. Pairs reported as a conflict (FC201, FC206) or a decrease (FC202) are not
repeated here while those rules are on. The message gives the change per month that both
figures imply together, so a reader can judge whether it is plausible.

The rule compares what the figures say, hedges included, not the bare numbers. Intervals
that overlap are never a divergence, however far apart the numbers written: one holding the
other ("up to 4,000" and "2,000 to 4,000", the same estimate reworded; "over 2,000" and
2,900), two that share an end ("2,000 to 4,000" and "4,000 to 6,000"), or two hedges that
meet ("about 2,000" and "about 2,400"). What differs there is the hedging.

Options (figcheck.yaml, `rules: {FC301: {window_days: 366, threshold: 0.15}}`; a
quantity's own `window_days` wins over the option).

Passes (2,719 and 2,900 are 6% apart; "up to 4,000" holds "2,000 to 4,000"):

    quantities: {ru-fighters: {}}
    figures:
      - {quantity: ru-fighters, value: 2719, as_of: 2015-11-19}
      - {quantity: ru-fighters, value: 2900, as_of: 2015-12}
      - {quantity: ru-fighters, value: 4000, approx: at-most, as_of: 2016-03}
      - {quantity: ru-fighters, value: [2000, 4000], approx: range, as_of: 2016-04}

Fails (about 2,200 reaches 2,420 at most, and 2,420 is 17% below 2,900, within the year):

    quantities: {ru-fighters: {}}
    figures:
      - {quantity: ru-fighters, value: 2200, approx: about, as_of: 2015-07}
      - {quantity: ru-fighters, value: 2900, as_of: 2015-12}
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from fractions import Fraction

from sortedcontainers import SortedList

from figcheck import describe, sweep, wording
from figcheck.family import Family, comparable_groups
from figcheck.model import Bound, Figure, Quantity
from figcheck.rules.base import FamilyRule, Hit, Option, Options
from figcheck.rules.windows import window_days
from figcheck.wording import plural

_DAYS_PER_MONTH = Fraction(36525, 1200)


def find(family: Family, options: Options) -> Iterator[Hit]:
    threshold = Fraction(str(options["threshold"]))
    for quantity in family.quantities:
        window = window_days(quantity, options)
        for group in comparable_groups(family.of(quantity.id), quantity.kind):
            for a, b in _far_apart(group, window, threshold, family.keys):
                yield Hit(_message(a, b, quantity, threshold), (a, b), quantity.id)


def agreeing(key: int, threshold: Fraction) -> tuple[int, int]:
    """The integer keys (see sweep.Scale) of the stated values within `threshold` of the one
    whose key is `key`, relative to the larger of the two: u agrees with v > 0 when
    v(1 - t) <= u <= v / (1 - t). Integer arithmetic, exact and fast."""
    p, q = threshold.numerator, threshold.denominator
    if key >= 0:
        return -((-key * (q - p)) // q), (key * q) // (q - p)
    return -((-key * q) // (q - p)), (key * (q - p)) // q


def _far_apart(
    figures: Sequence[Figure], window: int, threshold: Fraction, keys: sweep.Keys | None = None
) -> Iterator[tuple[Figure, Figure]]:
    """Pairs within `window` days whose intervals lie more than `threshold` apart, each pair
    (earlier, later). The figures still in reach are kept sorted by both ends of their
    intervals, so that those far below and far above a figure are a prefix and a suffix.
    `keys`, when given, hold the figures' bounds on one scale."""
    keys = keys or sweep.Keys(figures)
    if not _may_be_far_apart(figures, window, threshold, keys):
        return
    scale = keys.scale
    by_high: SortedList = SortedList()
    by_low: SortedList = SortedList()
    expiry: list[tuple[int, int, tuple, tuple]] = []
    for seq, figure in enumerate(figures):
        while expiry and expiry[0][0] < figure.as_of.start:
            _, _, high_entry, low_entry = heapq.heappop(expiry)
            by_high.remove(high_entry)
            by_low.remove(low_entry)
        low, high = scale.key(figure.interval.low), scale.key(figure.interval.high)
        if isinstance(low, int):  # nothing lies below minus infinity
            lowest_agreeing = agreeing(low, threshold)[0]
            for _, other in by_high.islice(0, by_high.bisect_left((lowest_agreeing,))):
                yield figures[other], figure
        if isinstance(high, int):
            highest_agreeing = agreeing(high, threshold)[1]
            for _, other in by_low.islice(by_low.bisect_left((highest_agreeing + 1,))):
                yield figures[other], figure
        high_entry, low_entry = (high, seq), (low, seq)
        by_high.add(high_entry)
        by_low.add(low_entry)
        heapq.heappush(expiry, (figure.as_of.end + window, seq, high_entry, low_entry))


def _may_be_far_apart(
    figures: Sequence[Figure], window: int, threshold: Fraction, keys: sweep.Keys
) -> bool:
    """Whether `_far_apart` can find a pair: the lowest upper bound or the highest lower
    bound of the figures in reach lies beyond what agrees with a figure (one pass with
    heaps, before any sorted index is built)."""
    highs: list[tuple[int | float, int]] = []  # (high, expiry)
    lows: list[tuple[int | float, int]] = []  # (-low, expiry)
    push, pop = heapq.heappush, heapq.heappop
    for figure in figures:
        start = figure.as_of.start
        while highs and highs[0][1] < start:
            pop(highs)
        while lows and lows[0][1] < start:
            pop(lows)
        low, _, high, _ = keys.bounds(figure)
        if isinstance(low, int) and highs and highs[0][0] < agreeing(low, threshold)[0]:
            return True
        if isinstance(high, int) and lows and -lows[0][0] > agreeing(high, threshold)[1]:
            return True
        expiry = figure.as_of.end + window
        push(highs, (high, expiry))
        push(lows, (-low, expiry))
    return False


def gap(a: Figure, b: Figure) -> tuple[Bound, Bound, Fraction] | None:
    """The ends of two intervals that lie apart, nearest first (the high end of the lower,
    the low end of the upper), and the gap between them relative to the larger of the two,
    as a share; None when the intervals overlap or touch."""
    lower, upper = (a, b) if a.interval.high < b.interval.low else (b, a)
    near_low, near_high = lower.interval.high, upper.interval.low
    if not near_low < near_high:
        return None
    # Ends that lie apart are finite: an infinite end would reach past the other interval.
    low_end, high_end = Fraction(near_low), Fraction(near_high)
    return near_low, near_high, (high_end - low_end) / max(abs(low_end), abs(high_end))


def _message(a: Figure, b: Figure, quantity: Quantity, threshold: Fraction) -> str:
    if _middle(b) < _middle(a):
        a, b = b, a
    apart = gap(a, b)
    assert apart is not None  # the sweep yields only pairs whose intervals lie apart
    near_low, near_high, share = apart
    percent = share * 100
    limit = threshold * 100
    # Whole percents, unless rounding would make the gap look no larger than the threshold.
    places = 0 if round(percent) > limit else 1 if round(percent, 1) > limit else 2
    hedged = a.interval.low != a.interval.high or b.interval.low != b.interval.high
    nearest = (
        f" even at the nearest values their hedges allow, {wording.number(near_low)} "
        f"and {wording.number(near_high)}"
        if hedged
        else ""
    )
    text = (
        f"{describe.figure(a, quantity)} and {describe.figure(b, quantity)} differ by "
        f"{wording.rounded(percent, places)}%{nearest}, more than the "
        f"{wording.number(limit)}% that rounding explains"
    )
    months = (_middle(b) - _middle(a)) / _DAYS_PER_MONTH
    if months < 1:
        return text + "; they describe about the same time"
    rate = (b.stated - a.stated) / months
    sign = "+" if rate >= 0 else "-"
    per_month = wording.rounded(abs(rate), 0 if abs(rate) >= 10 else 1)
    return (
        f"{text}; if both hold, {quantity.id} went from {wording.number(a.stated)} to "
        f"{wording.number(b.stated)} in {plural(round(months), 'month')}, "
        f"{sign}{per_month} a month"
    )


def _middle(f: Figure) -> Fraction:
    return Fraction(f.as_of.start + f.as_of.end, 2)


RULE = FamilyRule(
    code="FC301",
    title="divergence",
    severity="warning",
    doc=__doc__ or "",
    find=find,
    yields_to=("FC201", "FC202", "FC206"),
    options=(
        Option("window_days", 366, "how many days apart two figures may be", 0, None, True),
        Option("threshold", 0.15, "relative difference that counts as divergent", 0.0, 0.99),
    ),
)
