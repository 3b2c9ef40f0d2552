"""FC301 divergence: two figures of one quantity, close in time, tell very different stories.

Two figures of one quantity dated within `window_days` (default 366) of each other whose
stated values differ by more than `threshold` (default 0.15, relative to the larger value),
whatever their hedges: figures that can both hold (over 2,000 and 2,900) and figures whose
intervals do not meet at different dates (about 2,200 in July and 2,900 in December, which
no rule calls a conflict, since the number may have changed in between). For a flow or a
change only figures of the identical period are compared: different periods are different
measurements. Pairs reported as a conflict (FC201, FC206: intervals that do not meet at the
same time) or a decrease (FC202) are not repeated here while those rules are on. The
message gives the change per month that both figures imply together, so a reader can judge
whether it is plausible.

Options (figcheck.yaml, `rules: {FC301: {window_days: 366, threshold: 0.15}}`).

Passes (2,719 and 2,900 differ by 6%):

    quantities: {ru-fighters: {}}
    figures:
      - {quantity: ru-fighters, value: 2719, as_of: 2015-11-19}
      - {quantity: ru-fighters, value: 2900, as_of: 2015-12}

Fails (over 2,000 holds 2,900, but the stated values differ by 31% within the year):

    quantities: {ru-fighters: {}}
    figures:
      - {quantity: ru-fighters, value: 2000, approx: over, as_of: 2015}
      - {quantity: ru-fighters, value: 2900, as_of: 2015-12}

Fails (about 2,200 in July and 2,900 in December do not meet, at different dates):

    quantities: {ru-fighters: {}}
    figures:
      - {quantity: ru-fighters, value: 2200, approx: about, as_of: 2015-07-07}
      - {quantity: ru-fighters, value: 2900, as_of: 2015-12}
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from fractions import Fraction

from sortedcontainers import SortedList

from figcheck import describe, sweep, wording
from figcheck.family import Family, comparable_groups
from figcheck.model import Figure, Quantity
from figcheck.rules.base import FamilyRule, Hit, Option, Options, window_days
from figcheck.wording import plural

_DAYS_PER_MONTH = Fraction(36525, 1200)


def find(family: Family, options: Options) -> Iterator[Hit]:
    threshold = Fraction(str(options["threshold"]))
    for quantity in family.quantities:
        window = window_days(options, quantity)
        for group in comparable_groups(family.of(quantity.id), quantity.kind):
            for a, b in _far_apart(group, window, threshold):
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
    figures: Sequence[Figure], window: int, threshold: Fraction
) -> Iterator[tuple[Figure, Figure]]:
    """Pairs within `window` days whose stated values differ by more than `threshold`."""
    scale = sweep.Scale.of(figures)
    active: SortedList = SortedList()
    expiry: list[tuple[int, int, tuple[int, int]]] = []
    for seq, figure in enumerate(figures):
        while expiry and expiry[0][0] < figure.as_of.start:
            active.remove(heapq.heappop(expiry)[2])
        key = scale.key(figure.stated)
        low, high = agreeing(key, threshold)  # type: ignore[arg-type]
        below = active.bisect_left((low,))
        above = active.bisect_left((high + 1,))
        for _, other in (*active.islice(0, below), *active.islice(above)):
            yield figures[other], figure
        entry = (key, seq)
        active.add(entry)
        heapq.heappush(expiry, (figure.as_of.end + window, seq, entry))


def _message(a: Figure, b: Figure, quantity: Quantity, threshold: Fraction) -> str:
    if _middle(b) < _middle(a):
        a, b = b, a
    larger = max(abs(a.stated), abs(b.stated))
    gap = abs(a.stated - b.stated) / larger * 100
    limit = threshold * 100
    # Whole percents, unless rounding would make the gap look no larger than the threshold.
    places = 0 if round(gap) > limit else 1 if round(gap, 1) > limit else 2
    text = (
        f"{describe.figure(a, quantity)} and {describe.figure(b, quantity)} differ by "
        f"{wording.rounded(gap, places)}%, more than the {wording.number(limit)}% that "
        "rounding or hedging explains"
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
