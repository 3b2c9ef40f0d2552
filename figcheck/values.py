"""What a hedged figure can mean: its value interval, and how it was written.

exact v: [v, v]; about v: [v - t, v + t] with t = v * about; nearly v: [v - t, v] with
t = v * nearly; over v: (v, ∞); at-least v: [v, ∞); under v: [0, v); at-most v: [0, v];
range [a, b]: [a, b]. For a negative value (a percent decrease) every hedge applies to the
magnitude: "fell by over 40%" is over -40, meaning (-∞, -40).

All arithmetic is on exact rationals: 2.9 is 29/10, never 2.8999999999999999.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from figcheck import wording
from figcheck.model import INF, Interval, Number


def exact(value: Number | Fraction | Decimal) -> Fraction:
    """The rational a YAML number stands for: its shortest decimal text, not its binary float."""
    if isinstance(value, float):
        return Fraction(repr(value))
    return Fraction(value)


def interval(
    value: Number | Fraction | tuple[Number, Number],
    approx: str,
    about: Fraction = Fraction(1, 10),
    nearly: Fraction = Fraction(1, 10),
) -> Interval:
    if approx == "range":
        low, high = value  # type: ignore[misc]  # a range's value is a pair (fields.value)
        return Interval(exact(low), exact(high))
    v = exact(value)  # type: ignore[arg-type]  # any other approx's is a number
    if v < 0:
        return _mirror(interval(-v, approx, about, nearly))
    if approx == "exact":
        return Interval(v, v)
    if approx == "about":
        return Interval(v - v * about, v + v * about)
    if approx == "nearly":
        return Interval(v - v * nearly, v)
    if approx == "over":
        return Interval(v, INF, low_open=True)
    if approx == "at-least":
        return Interval(v, INF)
    if approx == "under":
        return Interval(Fraction(0), v, high_open=True)
    if approx == "at-most":
        return Interval(Fraction(0), v)
    raise ValueError(f"unknown approx {approx!r}")


def _mirror(i: Interval) -> Interval:
    return Interval(-i.high, -i.low, i.high_open, i.low_open)


def stated(value: Number | tuple[Number, Number]) -> Fraction:
    """The single number a figure states: its value, or the middle of its range."""
    if isinstance(value, tuple):
        return (exact(value[0]) + exact(value[1])) / 2
    return exact(value)


_HEDGE_WORDS = {
    "exact": "",
    "about": "about ",
    "nearly": "nearly ",
    "over": "over ",
    "at-least": "at least ",
    "under": "under ",
    "at-most": "at most ",
}


def as_written(
    value: Number | Fraction | tuple[Number, Number], approx: str, unit: str = ""
) -> str:
    """The figure as a reader would say it: 'about 2,200', 'over 2,000', '-46%', '100 to 200'."""
    suffix = "%" if unit in ("percent", "%") else ""
    if isinstance(value, tuple):
        return f"{wording.number(value[0])}{suffix} to {wording.number(value[1])}{suffix}"
    return f"{_HEDGE_WORDS.get(approx, '')}{wording.number(value)}{suffix}"


def describe_interval(i: Interval) -> str:
    """'[1980, 2420]', '(2000, ∞)', '[0, 500)'."""
    # Bounds are exact rationals but for an unbounded side, a float infinity: tested first,
    # since comparing a rational with a float is slow and this is asked for every finding.
    left = "(" if i.low_open or (type(i.low) is float and i.low == -INF) else "["
    right = ")" if i.high_open or (type(i.high) is float and i.high == INF) else "]"
    return f"{left}{_bound(i.low)}, {_bound(i.high)}{right}"


def _bound(value: Fraction | float) -> str:
    """wording.bound, with the common case (a whole number) first."""
    if type(value) is Fraction and value.denominator == 1 and -(10**15) < value.numerator < 10**15:
        return str(value.numerator)
    return wording.bound(value)
