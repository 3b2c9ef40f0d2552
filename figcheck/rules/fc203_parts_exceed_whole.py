"""FC203 parts exceed whole: the parts of a total add up to more than the total.

For a quantity with `parts: [...]`, the parts' values at the same time sum to at most the
whole's: the killed, the returned and the arrested are each part of everyone who left. For
each figure of the whole, figcheck takes, for every part, the figures of that part at an
overlapping date (the identical period for a flow) and, where several qualify, the most
lenient one (the lowest lower bound). It reports when the sum of those lower bounds exceeds
the whole's upper bound. Parts with no figure at that date count as zero.

With `exhaustive: true` the parts sum to exactly the whole, so it also reports when every
part has a figure and the sum of their upper bounds (the highest qualifying ones) falls below
the whole's lower bound.

What the whole is within bounds its parts too (see FC204: relations are read through): the
parts' sum is also compared, in the same way, with each figure of a quantity the whole is a
subset or a part of, directly or through others, at the same time as that quantity's kind
reads it. The message names the chain of relations.

Passes (160 killed + 73 returned = 233, within 2,719 who left):

    quantities:
      ru-departed: {kind: cumulative, parts: [ru-killed, ru-returned]}
      ru-killed: {kind: cumulative}
      ru-returned: {kind: cumulative}
    figures:
      - {quantity: ru-departed, value: 2719, as_of: 2015-11-19}
      - {quantity: ru-killed, value: 160, as_of: 2015-11-19}
      - {quantity: ru-returned, value: 73, as_of: 2015-11}

Fails (104 killed + 44 returned = 148, more than 120 who left):

    quantities:
      ru-departed: {kind: cumulative, parts: [ru-killed, ru-returned]}
      ru-killed: {kind: cumulative}
      ru-returned: {kind: cumulative}
    figures:
      - {quantity: ru-departed, value: 120, as_of: 2016-06}
      - {quantity: ru-killed, value: 104, as_of: 2016-06}
      - {quantity: ru-returned, value: 44, as_of: 2016}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction

from figcheck import describe, sweep, values, wording
from figcheck.family import Containment, Family, period_key
from figcheck.model import Figure, Interval, Quantity
from figcheck.rules.base import FamilyRule, Hit, Options


def _lowest_low(figure: Figure) -> tuple:
    return (figure.interval.low, figure.interval.low_open)


def _highest_high(figure: Figure) -> tuple:
    return (-figure.interval.high, figure.interval.high_open)


def find(family: Family, options: Options) -> Iterator[Hit]:
    for whole in family.quantities:
        if not whole.parts:
            continue
        # The parts are within the whole and within whatever the whole is within.
        yield from _within(family, whole, whole, None)
        for containment in family.containing[whole.id]:
            larger = family.quantity(containment.superset)
            yield from _within(family, whole, larger, containment)


def _within(
    family: Family, whole: Quantity, larger: Quantity, containment: Containment | None
) -> Iterator[Hit]:
    """The sums of the parts of `whole` against the figures of `larger` (the whole itself,
    or one the whole is within), at the same time as `larger`'s kind reads it."""
    wholes = family.of(larger.id)
    if not wholes:
        return
    # The parts can add up to more only if their largest lower bounds do: usually not, and
    # then only an exhaustive whole's shortfall is left to look for.
    bounds = family.bounds
    most = sum((bounds[p][1] for p in whole.parts if p in bounds), Fraction(0))
    can_exceed = bounds[larger.id][0] <= most
    exhaustive = whole.exhaustive and containment is None
    if not can_exceed and not exhaustive:
        return
    none: list[Figure | None] = [None] * len(wholes)
    lowest = [
        _pick(family, larger, part, wholes, _lowest_low) if can_exceed else none
        for part in whole.parts
    ]
    highest = (
        [_pick(family, larger, part, wholes, _highest_high) for part in whole.parts]
        if exhaustive
        else None
    )
    for i, w in enumerate(wholes):
        chosen = [
            (part, picks[i]) for part, picks in zip(whole.parts, lowest, strict=True) if picks[i]
        ]
        if chosen:
            total = _sum(f for _, f in chosen)
            if w.interval.lies_below(total):
                yield _hit(family, whole, w, chosen, total, "more", containment)
        if highest is not None:
            top = [(part, picks[i]) for part, picks in zip(whole.parts, highest, strict=True)]
            if all(f is not None for _, f in top):
                total = _sum(f for _, f in top)  # type: ignore[misc]
                if total.lies_below(w.interval):
                    yield _hit(family, whole, w, top, total, "less", None)  # type: ignore[arg-type]


def _pick(
    family: Family, whole: Quantity, part: str, wholes: Sequence[Figure], key
) -> list[Figure | None]:
    """For each figure of the whole, the most lenient figure of `part` at the same time."""
    candidates = family.of(part)
    if whole.kind in ("flow", "change"):
        best: dict[tuple[int, ...], Figure] = {}
        for c in candidates:
            k = period_key(c, whole.kind)
            if k not in best or key(c) < key(best[k]):
                best[k] = c
        return [best.get(period_key(w, whole.kind)) for w in wholes]
    return sweep.most_lenient_overlapping(wholes, candidates, key)


def _sum(figures) -> Interval:
    total = Interval(values.exact(0), values.exact(0))
    for f in figures:
        total = total + f.interval
    return total


def _hit(
    family: Family,
    whole: Quantity,
    w: Figure,
    chosen: list[tuple[str, Figure]],
    total: Interval,
    direction: str,
    containment: Containment | None,
) -> Hit:
    terms = " + ".join(f"{part} {describe.figure(f, family.quantity(part))}" for part, f in chosen)
    larger = family.quantity(w.quantity)
    if direction == "more":
        bound = f"at least {wording.number(total.low)}"
        why = (
            "more than the whole"
            if containment is None
            else f"more than {larger.id} ({containment.describe(whole.id)})"
        )
        arithmetic = f"{values.describe_interval(total)} lies above {describe.interval(w)}"
    else:
        bound = f"at most {wording.number(total.high)}"
        why = "less than the whole, though they are said to be all of it"
        arithmetic = f"{values.describe_interval(total)} lies below {describe.interval(w)}"
    message = (
        f"the parts of {whole.id} add up to {why}: {terms} make {bound}, but "
        f"{larger.id} is {describe.figure(w, larger)}: {arithmetic}"
    )
    return Hit(message, (w, *(f for _, f in chosen)), whole.id)


RULE = FamilyRule(
    code="FC203",
    title="parts exceed whole",
    severity="error",
    doc=__doc__ or "",
    find=find,
)
