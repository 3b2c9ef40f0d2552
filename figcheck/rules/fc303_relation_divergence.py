"""FC303 relation divergence: a subset above its superset, or parts above their whole, close by.

FC204 and FC203 report a subset above its superset, and parts above their whole, at the
same time. Figures a few weeks apart escape them, though one of them is likely wrong:
"closer to 5,000" fighting with the Islamic State in June 2015 against "about 2,200"
fighting in Syria and Iraq with any group on 7 July 2015. FC303 reports, as a warning:

- a figure of a quantity whose value interval lies wholly above that of a figure of a
  quantity it is within (a superset, or a whole, read through as in FC204), the two dated
  within `window_days` of each other without overlapping;
- a sum of parts lying wholly above a figure of their whole, where the parts' figures (for
  each part the most lenient one, as in FC203) are dated within `window_days` of the whole's
  and at least one of them does not overlap it.

Only a larger quantity that is a stock or a running total is compared this way: figures of
a flow or a change for different periods measure different things. The message gives the
change per month the larger quantity would need for both to hold. Pairs that FC204 or
FC203 report (at the same time, or a running total counted later) are not repeated here
while those rules are on. The window is the larger quantity's.

Options (figcheck.yaml, `rules: {FC303: {window_days: 366, threshold: 0.15}}`), the same as
FC301's: the gap between the two intervals must be more than `threshold` of the larger
value, as in FC301 (a subset of at least 2,300 against a superset of at most 2,100 differ
by 9%, which rounding or growth explains).

Passes (the subset, 2,000 in June, stays below the superset's 2,200 in July):

    quantities:
      fighting: {kind: stock}
      fighting-is: {kind: stock, subset_of: [fighting]}
    figures:
      - {quantity: fighting-is, value: 2000, as_of: 2015-06}
      - {quantity: fighting, value: 2200, approx: about, as_of: 2015-07-07}

Fails (5,000 with the Islamic State in June, about 2,200 in all a month later):

    quantities:
      fighting: {kind: stock}
      fighting-is: {kind: stock, subset_of: [fighting]}
    figures:
      - {quantity: fighting-is, value: 5000, approx: about, as_of: 2015-06}
      - {quantity: fighting, value: 2200, approx: about, as_of: 2015-07-07}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from fractions import Fraction

from figcheck import dates, describe, sweep, wording
from figcheck.family import Family
from figcheck.model import INF, DateSpan, Figure, Interval, Quantity
from figcheck.rules.base import FamilyRule, Hit, Option, Options, window_days

_COMPARED = ("stock", "cumulative")


def find(family: Family, options: Options) -> Iterator[Hit]:
    threshold = Fraction(str(options["threshold"]))
    for subset in family.quantities:
        yield from _subset_above(family, subset, options, threshold)
        if subset.parts and subset.kind in _COMPARED:
            yield from _parts_above(family, subset, options, threshold)


def _subset_above(
    family: Family, subset: Quantity, options: Options, threshold: Fraction
) -> Iterator[Hit]:
    smaller = family.of(subset.id)
    if not smaller:
        return
    by_superset = {c.superset: c for c in family.containing[subset.id]}
    # The figures of every superset with one window are swept together.
    by_window: dict[int, list[Figure]] = defaultdict(list)
    for superset_id in by_superset:
        superset = family.quantity(superset_id)
        if superset.kind in _COMPARED and family.may_exceed(subset.id, superset_id):
            by_window[window_days(options, superset)].extend(family.of(superset_id))
    for window, larger in by_window.items():
        found = sweep.exceeding_at_overlapping_dates(smaller, sweep.by_date(larger), window)
        for s, p in found:
            if s.as_of.overlaps(p.as_of) or not _beyond(s.interval, p.interval, threshold):
                continue
            superset = family.quantity(p.quantity)
            head = (
                f"{by_superset[p.quantity].describe(subset.id)}, but "
                f"{describe.figure(s, subset)} is more than {describe.figure(p, superset)}, "
                f"{describe.gap(s.as_of, p.as_of)}"
            )
            needed = _needed(superset, p, s.interval, s.as_of, dates.describe(s.as_of))
            yield Hit(f"{head}: {needed}", (s, p), subset.id)


def _parts_above(
    family: Family, whole: Quantity, options: Options, threshold: Fraction
) -> Iterator[Hit]:
    wholes = family.of(whole.id)
    bounds = family.bounds
    # The most the parts can add up to; a whole whose every figure is above it (the usual
    # case) cannot be exceeded.
    most = sum((bounds[p][1] for p in whole.parts if p in bounds), Fraction(0))
    if not wholes or bounds[whole.id][0] > most:
        return
    window = window_days(options, whole)
    picks = [
        sweep.most_lenient_overlapping(wholes, family.of(part), _lowest_low, window)
        for part in whole.parts
    ]
    for i, w in enumerate(wholes):
        chosen = [(part, found[i]) for part, found in zip(whole.parts, picks, strict=True)]
        given = [(part, f) for part, f in chosen if f is not None]
        if not given or all(f.as_of.overlaps(w.as_of) for _, f in given):
            continue  # nothing recorded near it, or all at the same time: FC203's case
        total = Interval(Fraction(0), Fraction(0))
        for _, f in given:
            total = total + f.interval
        if not _beyond(total, w.interval, threshold):
            continue
        span = DateSpan(
            "", min(f.as_of.start for _, f in given), max(f.as_of.end for _, f in given), ()
        )
        terms = " + ".join(
            f"{part} {describe.figure(f, family.quantity(part))}" for part, f in given
        )
        message = (
            f"the parts of {whole.id} add up to more than it within "
            f"{wording.plural(window, 'day')}: {terms} make at least "
            f"{wording.number(total.low)}, but {whole.id} is {describe.figure(w, whole)}, "
            f"{describe.gap(span, w.as_of)}: {_needed(whole, w, total, span, 'their dates')}"
        )
        yield Hit(message, (w, *(f for _, f in given)), whole.id)


def _lowest_low(figure: Figure) -> tuple:
    return (figure.interval.low, figure.interval.low_open)


def _beyond(above: Interval, below: Interval, threshold: Fraction) -> bool:
    """Whether `above` lies wholly above `below`, by more than `threshold` of the larger
    value (as FC301 measures a difference): high < low (1 - threshold)."""
    if not below.lies_below(above) or below.high == INF:
        return False
    return below.high < above.low * (1 - threshold)


def _needed(
    larger: Quantity, figure: Figure, smaller: Interval, when: DateSpan, at_other: str
) -> str:
    """What the larger quantity would have to do between its figure's date and `when`, the
    date of what exceeds it (`at_other` in words), for both to hold."""
    high, low = figure.interval.high, smaller.low
    months = describe.months_between(figure.as_of, when)
    at_figure = dates.describe(figure.as_of)
    if months >= 0:
        move = (
            f"grown from at most {wording.number(high)} ({at_figure}) to at least "
            f"{wording.number(low)} ({at_other})"
        )
    else:
        move = (
            f"fallen from at least {wording.number(low)} ({at_other}) to at most "
            f"{wording.number(high)} ({at_figure})"
        )
    text = f"for both to hold, {larger.id} would have {move}"
    if abs(months) < 1:
        return f"{text} in under a month"
    rate = (low - high) / abs(months)  # type: ignore[operator]
    sign = "+" if months >= 0 else "-"
    return (
        f"{text} in {wording.plural(round(abs(months)), 'month')}, "
        f"{sign}{wording.rounded(rate, 0 if rate >= 10 else 1)} a month"
    )


RULE = FamilyRule(
    code="FC303",
    title="relation divergence",
    severity="warning",
    doc=__doc__ or "",
    find=find,
    yields_to=("FC203", "FC204"),
    options=(
        Option("window_days", 366, "how many days apart two figures may be", 0, None, True),
        Option("threshold", 0.15, "relative difference that counts as divergent", 0.0, 0.99),
    ),
)
