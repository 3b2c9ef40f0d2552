"""EDTF dates as curators write them, turned into inclusive day intervals.

figcheck reads exactly the subset of EDTF (ISO 8601-2) that the ledger format documents:
`2015`, `2015-11`, `2015-11-19`, and the sub-year groupings (`GROUPINGS`: seasons 21 to 24,
quarters 33 to 36, quadrimesters 37 to 39, semesters 40 and 41; `2015-33` is January to
March 2015), each optionally followed by `?` (uncertain), `~` (approximate) or `%` (both);
an interval `A/B` of any two of these; and `../B` or `A/..` for an open end.

ISO 8601-2 names the seasons without saying which months they hold; figcheck takes the
meteorological seasons of the northern hemisphere, where most of its reports are written:
spring is March to May, summer June to August, autumn September to November, and winter
the December of the year to the February after it (`2015-24` is winter 2015/16). Phrases
as reports write them ("late 2017", "Q4 2017") are translated by figcheck/date_phrases.py,
which also says what to write for a date refused here.

A small parser for that subset is about a thousand times faster than the `edtf` package
(2.8 ms a parse where it was measured) and rejects what that package silently accepts (a
reversed interval, `2015-11-19/` meaning ten years later); the test suite uses `edtf` as
an oracle for the bounds.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from figcheck.model import DatePoint, DateSpan
from figcheck.wording import quoted, type_name

FIRST_DAY = date.min.toordinal()
LAST_DAY = date.max.toordinal()

# [0-9], not \d: a date of full-width digits ("２０２３") is not one a curator meant to write.
_POINT = re.compile(
    r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?(?P<q>[?~%])?"
)

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Grouping(NamedTuple):
    """A sub-year grouping of ISO 8601-2: its months (13 and 14 are January and February of
    the next year) and how a reader says it, with {year} for the year."""

    first_month: int
    last_month: int
    words: str


GROUPINGS: dict[int, Grouping] = {
    21: Grouping(3, 5, "spring {year}"),
    22: Grouping(6, 8, "summer {year}"),
    23: Grouping(9, 11, "autumn {year}"),
    24: Grouping(12, 14, "winter {year}/{next:02d}"),
    33: Grouping(1, 3, "Q1 {year}"),
    34: Grouping(4, 6, "Q2 {year}"),
    35: Grouping(7, 9, "Q3 {year}"),
    36: Grouping(10, 12, "Q4 {year}"),
    37: Grouping(1, 4, "Jan to Apr {year}"),
    38: Grouping(5, 8, "May to Aug {year}"),
    39: Grouping(9, 12, "Sep to Dec {year}"),
    40: Grouping(1, 6, "first half of {year}"),
    41: Grouping(7, 12, "second half of {year}"),
}
FORMS = (
    "YYYY, YYYY-MM, YYYY-MM-DD (with an optional ?, ~ or %), a season, quarter or half-year "
    "(2015-21 is spring 2015, 2015-33 Q1 2015, 2015-40 its first half), or an interval A/B "
    "(2015-06/2015-08, 2013/2014, 2015/.. when it has no end)"
)


class DateError(ValueError):
    """A date the ledger format does not allow; the message says what to write instead."""


def parse_date(value: object, margin_days: int = 0) -> DateSpan:
    """Parse a date as the curator wrote it (a string, or YAML's int for a bare year).

    `margin_days` widens each qualified (`?`, `~`, `%`) end by that many days on each side.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise DateError(f"a date must be text such as 2015-11-19, not {type_name(value)}")
    try:
        return _parse(str(value), margin_days)
    except DateError as error:
        # What to write instead, where figcheck recognises what was meant ('late 2017',
        # '24/10/2017'); looked for only once the date is refused.
        from figcheck.date_phrases import suggestion  # phrases build on this module

        found = suggestion(str(value))
        if found is None:
            raise
        raise DateError(f"{error}; {found}") from None


def is_date(text: str) -> bool:
    """Whether the ledger reads `text` as a date as it is."""
    try:
        _parse(text, 0)
    except DateError:
        return False
    return True


@lru_cache(maxsize=65536)
def _parse(text: str, margin_days: int) -> DateSpan:
    if text != text.strip() or not text:
        raise DateError(f"date {quoted(text)} has surrounding spaces or is empty")
    if "/" not in text:
        point = _point(text, margin_days)
        if point.precision == "open":
            raise DateError("'..' is only allowed as one end of an interval, like 2015/..")
        return DateSpan(text, point.first_day, point.last_day, (point,))
    if text.count("/") > 1:
        raise DateError(f"date {quoted(text)} has more than one '/'; write one of {FORMS}")
    first_text, last_text = text.split("/")
    if not first_text or not last_text:
        raise DateError(f"interval {quoted(text)} has an empty end; write '..' for an open end")
    first, last = _point(first_text, margin_days), _point(last_text, margin_days)
    if first.precision == "open" and last.precision == "open":
        raise DateError("an interval needs at least one dated end, not '../..'")
    if first.first_day > last.last_day:
        raise DateError(f"interval {quoted(text)} ends before it starts")
    return DateSpan(text, first.first_day, last.last_day, (first, last))


def _point(text: str, margin_days: int) -> DatePoint:
    if text == "..":
        return DatePoint(text, FIRST_DAY, LAST_DAY, "open")
    match = _POINT.fullmatch(text)
    if match is None:
        raise DateError(f"date {quoted(text)} is not one of {FORMS}")
    year = int(match["year"])
    if year == 0:
        raise DateError(f"date {quoted(text)}: there is no year 0000")
    if match["month"] is None:
        first, last, precision = date(year, 1, 1), date(year, 12, 31), "year"
    elif int(match["month"]) in GROUPINGS:
        if match["day"] is not None:
            raise DateError(
                f"date {quoted(text)}: {match['month']} is a season, quarter or part of the "
                "year, which has no day; write a month (01 to 12) before a day"
            )
        grouping = GROUPINGS[int(match["month"])]
        if year == 9999 and grouping.last_month > 12:
            raise DateError(f"date {quoted(text)}: the winter of 9999 ends after year 9999")
        first = date(year, grouping.first_month, 1)
        last_year, last_month = (
            year + (grouping.last_month - 1) // 12,
            (grouping.last_month - 1) % 12 + 1,
        )
        last = date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
        precision = "grouping"
    else:
        month = int(match["month"])
        if not 1 <= month <= 12:
            raise DateError(
                f"date {quoted(text)} has month {month:02d}; months run 01 to 12, and "
                "21-24 are seasons, 33-36 quarters, 37-39 thirds and 40-41 halves of the year"
            )
        month_days = calendar.monthrange(year, month)[1]
        if match["day"] is None:
            first, last, precision = date(year, month, 1), date(year, month, month_days), "month"
        else:
            day = int(match["day"])
            if not 1 <= day <= month_days:
                raise DateError(
                    f"date {quoted(text)}: {_MONTHS[month - 1]} {year} has {month_days} days"
                )
            first = last = date(year, month, day)
            precision = "day"
    qualifier = match["q"] or ""
    first_day, last_day = first.toordinal(), last.toordinal()
    if qualifier and margin_days:
        first_day = max(FIRST_DAY, first_day - margin_days)
        last_day = min(LAST_DAY, last_day + margin_days)
    # precision is one the branches above set, qualifier one the pattern's `q` allows.
    return DatePoint(text, first_day, last_day, precision, qualifier)  # type: ignore[arg-type]


def describe_point(point: DatePoint) -> str:
    """A date end as a reader says it: '19 Nov 2015', 'Nov 2015', '2016?' (uncertain),
    'around Dec 2015' (approximate), 'around 2016?' (both)."""
    if point.precision == "open":
        return ".."
    bare = point.text.rstrip("?~%")
    parts = bare.split("-")
    if point.precision == "year":
        words = parts[0]
    elif point.precision == "grouping":
        year = int(parts[0])
        words = GROUPINGS[int(parts[1])].words.format(year=year, next=(year + 1) % 100)
    elif point.precision == "month":
        words = f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    else:
        words = f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if point.qualifier in ("~", "%"):
        words = f"around {words}"
    return words + ("?" if point.qualifier in ("?", "%") else "")


def describe(span: DateSpan) -> str:
    """A date or period as a reader says it: '19 Nov 2015', '2013 to 2014', 'until 2015'."""
    if not span.is_interval:
        return describe_point(span.points[0])
    first, last = span.points
    if first.precision == "open":
        return f"until {describe_point(last)}"
    if last.precision == "open":
        return f"from {describe_point(first)}"
    return f"{describe_point(first)} to {describe_point(last)}"
