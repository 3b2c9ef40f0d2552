"""Dates as reports write them, and the EDTF text each means: "late 2017" is `2017-39`
(September to December 2017), "Q4 2017" is `2017-36`, "7 July 2015" is `2015-07-07`.

`to_edtf(phrase)` translates a phrase (None when it is not one figcheck knows; a date that
is EDTF already is returned as it is), and `suggestion(text)` says what to write for a date
the ledger refuses: a phrase's EDTF, or the ISO form of a day-first date ("24/10/2017" is
`2017-10-24`). `PHRASES` lists one example of each form with its EDTF, for the manual.

Parts of a year are the ISO 8601-2 groupings figcheck/dates.py reads: early, mid- and late
YYYY are its thirds (Jan to Apr, May to Aug, Sep to Dec), which say no more than the words
do; the start and the end of a year are its first and last month, marked approximate.
Within a month, early, mid- and late are its days 1 to 10, 11 to 20 and 21 to the end.
"""

from __future__ import annotations

import calendar
import re

from figcheck import dates

_MONTH_NAMES = {
    name: number
    for number in range(1, 13)
    for name in (
        calendar.month_name[number].lower(),
        calendar.month_abbr[number].lower(),
        f"{calendar.month_abbr[number].lower()}.",
    )
}
_MONTH_NAMES["sept"] = _MONTH_NAMES["sept."] = 9
_MONTH = "|".join(sorted(map(re.escape, _MONTH_NAMES), key=len, reverse=True))
_YEAR = r"(?P<year>[0-9]{4})"
_OF = r"(?:\s+of)?\s+"
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3}
_ORDINAL = "|".join(_ORDINALS)
_SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
_PART = r"(?P<part>early|mid|middle|late|start|beginning|end)"
_THE = r"(?:(?:in|at|by)\s+)?(?:the\s+)?"

# EDTF for a part of a year: the thirds for early, mid, late; the first and last month.
_YEAR_PARTS = {
    "early": "{y}-37",
    "mid": "{y}-38",
    "middle": "{y}-38",
    "late": "{y}-39",
    "start": "{y}-01~",
    "beginning": "{y}-01~",
    "end": "{y}-12~",
}


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"{_THE}{pattern}", re.IGNORECASE)


_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (_compile(rf"{_PART}(?:-|\s+|{_OF}){_YEAR}"), "year-part"),
    (_compile(rf"{_PART}(?:-|\s+|{_OF})(?P<month>{_MONTH}),?\s+{_YEAR}"), "month-part"),
    (_compile(rf"(?P<half>first|second|1st|2nd)\s+half{_OF}{_YEAR}"), "half"),
    (_compile(rf"h(?P<n>[12])\s*{_YEAR}"), "half"),
    (_compile(rf"{_YEAR}\s*-?\s*h(?P<n>[12])"), "half"),
    (_compile(rf"q(?P<n>[1-4])(?:\s+of)?[\s/]*{_YEAR}"), "quarter"),
    (_compile(rf"{_YEAR}[\s/]*-?\s*q(?P<n>[1-4])"), "quarter"),
    (_compile(rf"(?P<ordinal>{_ORDINAL})\s+quarter{_OF}{_YEAR}"), "quarter"),
    (
        _compile(
            rf"(?P<season>spring|summer|autumn|fall|winter){_OF}{_YEAR}(?:\s*[/-]\s*[0-9]{{2,4}})?"
        ),
        "season",
    ),
    (_compile(rf"(?P<month>{_MONTH}),?(?:\s+of)?\s+{_YEAR}"), "month"),
    (
        _compile(
            rf"(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<month>{_MONTH}),?\s+{_YEAR}"
        ),
        "day",
    ),
    (_compile(rf"(?P<month>{_MONTH})\s+(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}"), "day"),
)

# One example of each form, with its EDTF: the table of the manual.
PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("early 2015",), "2015-37"),
    (("mid-2015",), "2015-38"),
    (("late 2017",), "2017-39"),
    (("start of 2015", "beginning of 2015"), "2015-01~"),
    (("end of 2015",), "2015-12~"),
    (("first half of 2015", "H1 2015"), "2015-40"),
    (("second half of 2015", "H2 2015"), "2015-41"),
    (("Q4 2017", "2017-Q4", "fourth quarter of 2017"), "2017-36"),
    (("spring 2015",), "2015-21"),
    (("summer 2015",), "2015-22"),
    (("autumn 2015", "fall 2015"), "2015-23"),
    (("winter 2015", "winter 2015/16"), "2015-24"),
    (("June 2015", "Jun 2015"), "2015-06"),
    (("early June 2015",), "2015-06-01/2015-06-10"),
    (("mid-June 2015",), "2015-06-11/2015-06-20"),
    (("late June 2015", "end of June 2015"), "2015-06-21/2015-06-30"),
    (("7 July 2015", "July 7, 2015", "7th of July 2015"), "2015-07-07"),
)

_NUMERIC = re.compile(r"(?P<a>[0-9]{1,2})(?P<sep>[./-])(?P<b>[0-9]{1,2})(?P=sep)(?P<year>[0-9]{4})")


def to_edtf(phrase: str) -> str | None:
    """The EDTF text that `phrase` means, or None when figcheck does not know the phrase.
    A date the ledger reads already (EDTF) is returned as it is."""
    text = " ".join(phrase.split())
    if dates.is_date(text):
        return text
    for pattern, form in _FORMS:
        match = pattern.fullmatch(text)
        if match is not None:
            edtf = _translate(form, match)
            if edtf is not None and dates.is_date(edtf):
                return edtf
    return None


def _translate(form: str, match: re.Match[str]) -> str | None:
    year = match["year"]
    groups = match.groupdict()
    if form == "year-part":
        return _YEAR_PARTS[match["part"].lower()].format(y=year)
    if form == "half":
        n = int(groups.get("n") or 0) or (1 if match["half"].lower() in ("first", "1st") else 2)
        return f"{year}-{39 + n}"
    if form == "quarter":
        n = int(groups.get("n") or 0) or _ORDINALS[match["ordinal"].lower()]
        return f"{year}-{32 + n}"
    if form == "season":
        return f"{year}-{_SEASONS[match['season'].lower()]}"
    month = _MONTH_NAMES[match["month"].lower()]
    if form == "month":
        return f"{year}-{month:02d}"
    if form == "month-part":
        last = calendar.monthrange(int(year), month)[1]
        first_day, last_day = {
            "early": (1, 10),
            "start": (1, 10),
            "beginning": (1, 10),
            "mid": (11, 20),
            "middle": (11, 20),
            "late": (21, last),
            "end": (21, last),
        }[match["part"].lower()]
        return f"{year}-{month:02d}-{first_day:02d}/{year}-{month:02d}-{last_day:02d}"
    return f"{year}-{month:02d}-{int(match['day']):02d}"


def suggestion(text: object) -> str | None:
    """What to write for a date the ledger refuses, or None: "'late 2017' is written
    2017-39", "'24/10/2017' reads as day first: write 2017-10-24"."""
    if not isinstance(text, str):
        return None
    numeric = _NUMERIC.fullmatch(text.strip())
    if numeric is not None:
        return _numeric(numeric)
    edtf = to_edtf(text)
    if edtf is not None and edtf != " ".join(text.split()):
        return f"{text.strip()!r} is written {edtf}"
    return None


def _numeric(match: re.Match[str]) -> str | None:
    """A date of numbers in an order the ledger does not use: day first (24/10/2017, the
    order of most of the world), month first (10/24/2017, the American order)."""
    a, b, year = int(match["a"]), int(match["b"]), match["year"]
    readings = []
    if dates.is_date(f"{year}-{b:02d}-{a:02d}"):
        readings.append((f"{year}-{b:02d}-{a:02d}", "day first"))
    if dates.is_date(f"{year}-{a:02d}-{b:02d}") and a != b:
        readings.append((f"{year}-{a:02d}-{b:02d}", "month first"))
    if not readings:
        return None
    if len(readings) == 1:
        edtf, order = readings[0]
        return f"{match.group()!r} reads as {order}: write {edtf}"
    (day_first, _), (month_first, _) = readings
    return (
        f"{match.group()!r} reads as {day_first} day first, or {month_first} month first "
        "(as in the United States): write the one the document means"
    )
