"""Figures described for a journalist: the value as written, when, who, and where."""

from __future__ import annotations

from fractions import Fraction

from figcheck import dates, values, wording
from figcheck.model import DateSpan, Figure, Quantity

DAYS_PER_MONTH = Fraction(36525, 1200)


def speaker(said_by: str) -> str:
    """Who gave a figure, whole: 'Oleg Syromolotov, Deputy Foreign Minister' stays as it is.
    A name is never cut (at a comma or anywhere else): "The governments of Uzbekistan,
    Tajikistan and Kazakhstan" cut at its first comma would name one government for three."""
    return said_by.strip() or said_by


def value(figure: Figure, quantity: Quantity) -> str:
    return values.as_written(figure.value, figure.approx, quantity.unit)


def figure(figure: Figure, quantity: Quantity) -> str:
    """'2,719 (19 Nov 2015, Oleg Syromolotov, Deputy Foreign Minister, in tass-2015-11-19)':
    the document after 'in', so that a name holding commas is not read into it."""
    # A figure takes part in several findings, which the rules make in date order: its
    # description is made once for them (the entry holds the figure and quantity described,
    # so that another object at the same address is never taken for them).
    entry = _described.get(id(figure))
    if entry is not None and entry[0] is figure and entry[1] is quantity:
        return entry[2]
    who = speaker(figure.said_by)
    when = dates.describe(figure.as_of)
    text = f"{value(figure, quantity)} ({when}, {who}, in {figure.document})"
    if len(_described) >= _DESCRIBED_AT_MOST:
        _described.clear()
    _described[id(figure)] = (figure, quantity, text)
    return text


_described: dict[int, tuple[Figure, Quantity, str]] = {}
_DESCRIBED_AT_MOST = 4096


def interval(figure: Figure) -> str:
    return values.describe_interval(figure.interval)


def pair(a: Figure, b: Figure, quantity: Quantity) -> str:
    """'2,200 (...) and 2,719 (...)'."""
    return f"{figure(a, quantity)} and {figure(b, quantity)}"


def no_overlap(a: Figure, b: Figure) -> str:
    """'1,980 to 2,420 and 2,719 do not overlap'."""
    return f"{interval(a)} and {interval(b)} do not overlap"


def same_speaker(a: Figure, b: Figure) -> bool:
    """Compared case- and space-insensitively: 'Oleg  Syromolotov' is 'oleg syromolotov'."""
    return normal_speaker(a.said_by) == normal_speaker(b.said_by)


def normal_speaker(said_by: str) -> str:
    return " ".join(said_by.split()).casefold()


def months_between(earlier: DateSpan, later: DateSpan) -> Fraction:
    """Months from the middle of one span to the middle of the other (negative when `later`
    is the earlier one)."""
    return Fraction(later.start + later.end - earlier.start - earlier.end, 2) / DAYS_PER_MONTH


def gap(a: DateSpan, b: DateSpan) -> str:
    """How far apart two dates are, for a reader: 'the same time', '5 months apart',
    '2 years apart'."""
    months = abs(months_between(a, b))
    if a.overlaps(b) or months < 1:
        return "about the same time"
    if months < 24:
        return f"{wording.plural(round(months), 'month')} apart"
    return f"{wording.plural(round(months / 12), 'year')} apart"
