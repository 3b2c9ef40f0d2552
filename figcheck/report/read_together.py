"""What the figures of a family say together, for `figcheck report`.

The rules say where figures cannot all be right; these notes put figures side by side so a
reader sees what they imply: a subset's share of its superset, what the recorded parts add
up to, and what consecutive percent changes compound to (with whether any level figure
exists to check them against). Stated values are used, not intervals: these are readings,
not verdicts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from fractions import Fraction

from figcheck import dates, describe, values, wording
from figcheck.family import Family
from figcheck.ledger.config import Config
from figcheck.model import INF, Figure, Interval, Quantity
from figcheck.report import nearest
from figcheck.rules.fc205_change_against_levels import RULE as CHANGE_AGAINST_LEVELS
from figcheck.rules.fc303_relation_divergence import RULE as RELATION_DIVERGENCE
from figcheck.rules.windows import window_days


def notes(family: Family, config: Config | None = None) -> list[str]:
    """The notes on a family; `config` gives the window within which figures of different
    quantities are compared (FC303's, default a year)."""
    window = _window(config or Config())
    return [
        *_side_by_side(family),
        *_compound_changes(family),
        *_missing_levels(family),
        *_subset_shares(family, window),
        *_parts_sums(family),
    ]


def _window(config: Config) -> Callable[[Quantity], int]:
    options = config.options(RELATION_DIVERGENCE.code)
    return lambda quantity: window_days(quantity, options)


def _closest(figure: Figure, candidates: Sequence[Figure]) -> Figure | None:
    """The candidate at an overlapping date, or else the nearest in time."""
    if not candidates:
        return None
    return nearest.index(candidates).closest(figure)  # min() by (gap, -start), in O(log n)


def percent(part: Fraction, whole: Fraction) -> str:
    share = part / whole * 100
    if words := wording.in_words(share):
        return f"{words} percent"
    return f"{wording.rounded(share, 1 if abs(share) < 10 else 0)}%"


def signed_percent(change: Fraction) -> str:
    if words := wording.in_words(change):
        return f"{words} percent"
    text = wording.rounded(change, 1 if change % 1 else 0)
    return f"{'' if text.startswith('-') else '+'}{text}%"


def _number(value: Fraction) -> str:
    """A number in a note: as written, or in words when it is beyond a trillion."""
    return wording.in_words(value) or wording.number(value)


def _side_by_side(family: Family) -> Iterator[str]:
    """Figures of sibling quantities (different definitions within one superset) in date
    order: where reports count the same broad thing differently, the spread at a glance."""
    for superset in family.quantities:
        siblings = [q for q in family.quantities if superset.id in q.subset_of]
        figures = sorted(
            ((f, q) for q in siblings for f in family.of(q.id)),
            key=lambda pair: (pair[0].as_of.start, pair[0].as_of.end),
        )
        if len({q.id for _, q in figures}) < 2:
            continue
        listed = "; ".join(
            f"{describe.value(f, q)} {q.id} ({dates.describe(f.as_of)}, "
            f"{describe.speaker(f.said_by)})"
            for f, q in figures
        )
        stated = [f.stated for f, _ in figures if f.approx != "range"]
        spread = (
            f". The numbers given run from {_number(min(stated))} to {_number(max(stated))}"
            if len(set(stated)) > 1
            else ""
        )
        yield f"within {superset.id}, reports count different things: {listed}{spread}"


def _compound_changes(family: Family) -> Iterator[str]:
    for quantity in family.quantities:
        if quantity.kind != "change":
            continue
        figures = [f for f in family.of(quantity.id) if f.as_of.is_interval]
        starting: dict[tuple[int, int], list[Figure]] = {}
        for f in figures:
            starting.setdefault(
                (f.as_of.points[0].first_day, f.as_of.points[0].last_day), []
            ).append(f)
        for first in figures:
            middle = first.as_of.points[1]
            for second in starting.get((middle.first_day, middle.last_day), ()):
                yield _compound(quantity, first, second)


def _compound(quantity: Quantity, first: Figure, second: Figure) -> str:
    factor = (1 + first.stated / 100) * (1 + second.stated / 100)
    start, end = first.as_of.points[0], second.as_of.points[1]
    level = wording.in_words(factor * 100) or wording.number(round(factor * 100, 1))
    return (
        f"{quantity.id}: {describe.figure(first, quantity)} then "
        f"{describe.figure(second, quantity)} compound to {signed_percent((factor - 1) * 100)} "
        f"from {dates.describe_point(start)} to {dates.describe_point(end)}: a level of 100 "
        f"would end at {level}"
    )


def _missing_levels(family: Family) -> Iterator[str]:
    for quantity in family.quantities:
        if quantity.kind != "change" or not quantity.of:
            continue
        if family.of(quantity.id) and not family.of(quantity.of):
            yield (
                f"no figure of {quantity.of} is recorded, so the changes in {quantity.id} "
                f"cannot be checked against levels ({CHANGE_AGAINST_LEVELS.code}): they rest on "
                "their source alone"
            )


def _subset_shares(family: Family, window: Callable[[Quantity], int]) -> Iterator[str]:
    """A subset's figure as a share of its superset's nearest figure in time, only within the
    window: a share of a count taken years apart says nothing."""
    for subset in family.quantities:
        for superset_id in subset.subset_of:
            superset = family.quantity(superset_id)
            reach = window(superset)
            for s in family.of(subset.id):
                # The nearest figure in time; none when even it lies beyond the window.
                whole = _closest(s, family.of(superset_id))
                if whole is None or whole.as_of.gap_days(s.as_of) > reach:
                    continue
                share = _share(s.approx, s.stated, whole)
                if share is None:
                    continue
                apart = (
                    ""
                    if s.as_of.overlaps(whole.as_of)
                    else f", {describe.gap(s.as_of, whole.as_of)}"
                )
                yield (
                    f"{subset.id} {describe.figure(s, subset)} is {share} of {superset.id} "
                    f"{describe.figure(whole, superset)}{apart}"
                )


def _share(approx: str, stated: Fraction, whole: Figure) -> str | None:
    """'15%', 'about 23%', 'at most 20%' (of over 2,000), 'over 30%' for a part hedged by
    `approx` whose stated value is `stated`; None where the hedges leave the share open on
    both sides, or the whole is not positive."""
    if approx == "range" or whole.approx == "range" or whole.stated <= 0:
        return None
    share = percent(stated, whole.stated)
    hedged_part = approx in ("over", "at-least")
    hedged_whole = whole.approx in ("over", "at-least")
    if (hedged_part and hedged_whole) or (approx in ("under", "at-most") and hedged_whole):
        return None
    if hedged_whole or approx in ("under", "at-most"):
        return f"at most {share}"
    if hedged_part or whole.approx in ("under", "at-most"):
        return f"at least {share}"
    fuzzy = "about " if "about" in (approx, whole.approx) or approx == "nearly" else ""
    return f"{fuzzy}{share}"


def hedged_sum(figures: Sequence[Figure]) -> tuple[str, Fraction, str]:
    """The sum of figures as a reader would say it, keeping their hedges: 'at least 9,000'
    for at least 4,000 + 5,000, 'about 450' for about 400 + 50, '200 to 1,049' with a range;
    with the hedge of the sum (one of the approx words) and the number it states."""
    total = Interval(Fraction(0), Fraction(0))
    for f in figures:
        total = total + f.interval
    approxes = {f.approx for f in figures}
    stated = sum((f.stated for f in figures), Fraction(0))
    if total.high == INF:  # some term has no upper bound: only the lower one is known
        word = "over" if total.low_open else "at-least"
        low = Fraction(total.low)  # finite: every term has a lower bound
        return values.as_written(_whole_or_fraction(low), word), low, word
    if approxes & {"under", "at-most"}:
        word = "under" if total.high_open else "at-most"
        high = Fraction(total.high)  # finite: checked above
        return values.as_written(_whole_or_fraction(high), word), high, word
    if "range" in approxes:
        text = f"{wording.number(total.low)} to {wording.number(total.high)}"
        return text, stated, "range"
    word = next((w for w in ("about", "nearly") if w in approxes), "exact")
    return values.as_written(_whole_or_fraction(stated), word), stated, word


def _whole_or_fraction(value: Fraction) -> int | Fraction:
    """A sum as `values.as_written` takes it: an int when it is one."""
    return value.numerator if value.denominator == 1 else value


def _parts_sums(family: Family) -> Iterator[str]:
    for whole in family.quantities:
        if not whole.parts:
            continue
        for w in family.of(whole.id):
            found = [(p, nearest.index(family.of(p)).closest_overlapping(w)) for p in whole.parts]
            given = [(p, f) for p, f in found if f is not None]
            if not given:
                continue
            said, total, hedge = hedged_sum([f for _, f in given])
            terms = " + ".join(f"{p} {describe.value(f, family.quantity(p))}" for p, f in given)
            missing = [p for p, f in found if f is None]
            share = _share(hedge, total, w)
            text = (
                f"parts of {whole.id} {describe.figure(w, whole)}: {terms} = {said}"
                + (f", {share} of it" if share is not None else "")
                if w.stated > 0
                else f"parts of {whole.id}: {terms} = {said}"
            )
            exact = hedge == "exact" and w.approx == "exact"
            fuzzy = {hedge, w.approx} <= {"exact", "about"}
            if missing and whole.exhaustive and len(missing) == 1 and w.stated >= total and fuzzy:
                rest = _number(w.stated - total)
                text += f"; that leaves {'' if exact else 'about '}{rest} for {missing[0]}"
            elif missing:
                text += f"; no figure for {', '.join(missing)}"
            yield text
