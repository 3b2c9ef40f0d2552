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
from dataclasses import dataclass, replace
from datetime import date, timedelta

from figcheck import dates
from figcheck.model import DateSpan
from figcheck.text.numberwords import TEENS, UNITS

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


# -- dates in running text ------------------------------------------------------------------
#
# `dates_in(text, published)` finds the dates a text gives, for drafting records (`figcheck
# draft`): every phrase above wherever it stands, a year after a word that makes it one ("in
# 2014", "since 2014"), a decade ("the 2010s"), an ISO day, and the forms that are read
# against the publication date: a month or a day without a year ("in June", "on 5 March",
# "last October"), "last year", "this year", a weekday ("on Monday"), "yesterday", a season,
# quarter or half without a year ("last autumn", "the second quarter"), a week or a month
# counted from it ("last week", "this week", "the past week", "last month", "this month"),
# "a year earlier", and the time of writing ("at the moment", "currently", "so far"). A
# period named again ("in the quarter", "over the year", "in the same period", "the same
# quarter of 2023", "the same month a year earlier") is the one the text named last before
# it, of that kind. A date right after "since" ("since Friday", "since 12 May") starts a
# count. A year read from the publication date, not printed in the text, is marked
# uncertain (`?`), as the ledger marks a year not printed in the document.


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date a text gives: where it stands, its words, and the EDTF they mean.

    `role` is `at` for a date something holds at, `since` for the start of a running count
    ("since 2014", "since Friday", which date the start, not the count), `now` for the time
    of writing ("at the moment"). `inferred`: its year comes from the publication date.
    `compared`: a date that a comparison gives ("a year earlier", "the same quarter of
    2023"), the date of its own clause but not the period its paragraph speaks of."""

    start: int
    end: int
    text: str
    edtf: str
    role: str = "at"
    inferred: bool = False
    compared: bool = False


def dates_in(text: str, published: DateSpan | None = None) -> list[DateMention]:
    """Every date `text` gives, in order of position, none overlapping another (the longest
    reading wins). The forms read against the publication date are left out without one."""
    found: list[DateMention] = []
    for pattern, form in _SEARCHED:
        for match in pattern.finditer(text):
            edtf = _translate(form, match)
            if edtf is not None and dates.is_date(edtf) and _is_month_name(match):
                found.append(_mention(match, edtf))
    for match in _DECADE.finditer(text):
        decade = int(match["decade"])
        found.append(_mention(match, f"{decade}/{decade + 9}"))
    for match in _YEAR_AFTER_WORD.finditer(text):
        found.append(_mention(match, match["year"]))
    for match in _ISO_DAY.finditer(text):
        if dates.is_date(match["iso"]):
            found.append(_mention(match, match["iso"]))
    for match in _FIRST_MONTHS.finditer(text):
        if match["year"]:
            found.append(_mention(match, _first_months(int(match["year"]), match["count"])))
    reference = _Reference.of(published) if published is not None else None
    if reference is not None:
        found += reference.mentions(text)
    chosen = [_started(text, m) for m in _without_overlaps(found)]
    return _years_earlier(text, _named_again(text, chosen), reference)


# "since the beginning of the war in 1999": the date is when a count started.
_SINCE_BEFORE = re.compile(
    r"\bsince\s+(?:the\s+)?(?:beginning|start|outbreak|onset|launch)\s+of\s+[^,;:.]{0,60}$",
    re.IGNORECASE,
)


# "since Friday", "since the river burst its banks on Friday": the date's own words do not
# hold the "since", which may open a short clause that ends with the date.
_SINCE_RIGHT_BEFORE = re.compile(r"\bsince\s+(?:[^\W\d][\w’'-]*\s+){0,8}$", re.IGNORECASE)


def _started(text: str, mention: DateMention) -> DateMention:
    """A date in "since the start of X in 1999" starts a count, as "since 1999", "since
    Friday" and "since the dam broke on Friday" do."""
    before = text[max(0, mention.start - 90) : mention.start]
    if mention.role == "at" and (
        _SINCE_BEFORE.search(before) or _SINCE_RIGHT_BEFORE.search(before)
    ):
        return replace(mention, role="since")
    return mention


_SINCE = re.compile(r"(?:since|from)\b", re.IGNORECASE)


def _mention(
    match: re.Match[str], edtf: str, role: str | None = None, inferred: bool = False
) -> DateMention:
    start, end = match.span()
    words = match.group()
    if role is None:
        role = "since" if _SINCE.match(words) else "at"
    return DateMention(start, end, words, edtf, role, inferred)


def _is_month_name(match: re.Match[str]) -> bool:
    """A month written as a name is one ("in May 2015"), a verb or a noun is not ("may 2015
    be", "the march 2015"): month names are capitalised."""
    month = match.groupdict().get("month")
    return month is None or month[0].isupper()


def _without_overlaps(found: list[DateMention]) -> list[DateMention]:
    chosen: list[DateMention] = []
    for mention in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if all(mention.end <= c.start or c.end <= mention.start for c in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


_BEFORE_DATE = r"(?:(?:in|at|by|since|from|for|during|until|till|on|of|over)\s+)?(?:the\s+)?"
_EDGE = r"(?<![\w-])(?:{})(?![\w-])"


def _bounded(pattern: str) -> re.Pattern[str]:
    return re.compile(_EDGE.format(pattern), re.IGNORECASE)


# The phrases of `_FORMS`, each with the words that may stand before it, found anywhere.
_SEARCHED: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (_bounded(_BEFORE_DATE + pattern.pattern.removeprefix(_THE)), form) for pattern, form in _FORMS
)
_DECADE = _bounded(r"(?:in\s+)?the\s+(?P<decade>1[89][0-9]0|20[0-9]0)['’]?s")
# A year alone, where the word before it says that it is one.
_YEAR_AFTER_WORD = _bounded(
    r"(?:in|during|since|from|until|till|throughout|for|of|by|before|after)"
    r"\s+(?:the\s+(?:year\s+)?)?(?P<year>1[89][0-9]{2}|20[0-9]{2})(?![.,][0-9])"
)
_ISO_DAY = _bounded(r"(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2})")
_MONTH_COUNTS = {word: n for n, word in enumerate((*UNITS, *TEENS[:2]), start=1)}
# "the first nine months of 2017" (of the year: read against the publication date).
_FIRST_MONTHS = _bounded(
    rf"(?:(?:in|during|over|for)\s+)?the\s+first\s+(?P<count>{'|'.join(_MONTH_COUNTS)}|[1-9]|1[01])"
    r"\s+months\s+of\s+(?:(?P<year>[0-9]{4})|the\s+year|this\s+year)"
)


def _first_months(year: int, count: str) -> str:
    months = _MONTH_COUNTS.get(count.lower()) or int(count)
    return f"{year}-01/{year}-{months:02d}"


_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_NOW = _bounded(
    r"at\s+the\s+(?:moment|time\s+being|present\s+time)|at\s+present|currently|as\s+of\s+now"
    r"|right\s+now|to\s+date|so\s+far"
)
_WHICH_YEAR = _bounded(r"(?P<which>last|past|previous|this|next)\s+year")
_YEAR_SHIFT = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}
_MONTH_ALONE = _bounded(
    rf"{_BEFORE_DATE}(?:(?P<which>last|this)\s+)?(?:{_PART}(?:-|\s+|{_OF}))?(?P<month>{_MONTH})"
    r"(?!,?\s+[0-9])"
)
_DAY_NO_YEAR = _bounded(
    rf"(?:on\s+)?(?:(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<month>{_MONTH})"
    rf"|(?P<month2>{_MONTH})\s+(?P<day2>[0-9]{{1,2}})(?:st|nd|rd|th)?)"
    r"(?!,?\s+[0-9]{4})(?![0-9])"
)
_WEEKDAY = _bounded(rf"(?:(?:on|last|late\s+on|early\s+on)\s+)?(?P<weekday>{'|'.join(_WEEKDAYS)})")
_RELATIVE_DAY = _bounded(r"(?P<which>yesterday|today)")
# A week or a month counted from the publication: "last week", "this month", "the past week".
_WEEK_OR_MONTH = _bounded(
    r"(?:(?:in|during|over|for|earlier|later)\s+)?(?:the\s+)?"
    r"(?P<which>last|this|past|previous)\s+(?P<unit>week|weekend|month)(?!\s+of\b)"
)
_GROUPING_ALONE = _bounded(
    r"(?:(?P<preposition>in|during|by|over|for|since)\s+)?(?:the\s+)?(?:(?P<which>last|this)\s+)?"
    r"(?:(?P<season>spring|summer|autumn|fall|winter)"
    rf"|(?P<quarter>{_ORDINAL})\s+quarter|(?P<half>first|second|1st|2nd)\s+half)"
    r"(?!\s+of\s+[0-9]{4})(?!,?\s+[0-9]{4})"
)


class _Reference:
    """The publication date, against which the dates without a year are read."""

    def __init__(self, last: date, precision: str) -> None:
        self.last = last  # the publication's last day
        self.precision = precision  # year, month or day

    @classmethod
    def of(cls, published: DateSpan) -> _Reference:
        point = published.points[-1]
        if point.precision == "open":
            point = published.points[0]
        precision = point.precision if point.precision in ("day", "month") else "year"
        return cls(date.fromordinal(point.last_day), precision)

    def publication(self) -> str:
        """The publication date, marked uncertain."""
        if self.precision == "day":
            return f"{self.last.isoformat()}?"
        if self.precision == "month":
            return f"{self.last.year}-{self.last.month:02d}?"
        return f"{self.last.year}?"

    def month_year(self, month: int, before: bool) -> int:
        """The year of the latest `month` up to the publication (strictly before its month
        with `before`, as in "last October")."""
        year = self.last.year
        if self.precision == "year":
            return year - 1 if before else year
        if month < self.last.month or (month == self.last.month and not before):
            return year
        return year - 1

    def mentions(self, text: str) -> list[DateMention]:
        found = []
        for pattern, read in (
            (_NOW, self._now),
            (_WHICH_YEAR, self._which_year),
            (_MONTH_ALONE, self._month),
            (_DAY_NO_YEAR, self._day),
            (_WEEKDAY, self._weekday),
            (_RELATIVE_DAY, self._relative_day),
            (_GROUPING_ALONE, self._grouping),
            (_WEEK_OR_MONTH, self._week_or_month),
            (_FIRST_MONTHS, self._first_months),
        ):
            for match in pattern.finditer(text):
                edtf = read(match)
                if edtf is not None and dates.is_date(edtf):
                    role = "now" if pattern is _NOW else None
                    found.append(_mention(match, edtf, role, inferred=True))
        return found

    def _now(self, match: re.Match[str]) -> str | None:
        return self.publication()

    def _which_year(self, match: re.Match[str]) -> str | None:
        return f"{self.last.year + _YEAR_SHIFT[match['which'].lower()]}?"

    def _month(self, match: re.Match[str]) -> str | None:
        name = match["month"]
        bare = not (match["which"] or match["part"]) and match.group() == name
        if not name[0].isupper() or (bare and name.lower() in ("may", "march")):
            return None  # the verbs "may" and "march"
        month = _MONTH_NAMES[name.lower()]
        which = (match["which"] or "").lower()
        year = self.month_year(month, before=which == "last")
        if match["part"]:
            translated = to_edtf(f"{match['part']} {name} {year}")
            return _uncertain(translated) if translated else None
        return f"{year}-{month:02d}?"

    def _day(self, match: re.Match[str]) -> str | None:
        name = match["month"] or match["month2"]
        if not name[0].isupper():
            return None
        month, day = _MONTH_NAMES[name.lower()], int(match["day"] or match["day2"])
        year = self.last.year
        if self.precision == "day" and (month, day) > (self.last.month, self.last.day):
            year -= 1
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
        return f"{year}-{month:02d}-{day:02d}?"

    def _weekday(self, match: re.Match[str]) -> str | None:
        if self.precision != "day" or not match["weekday"][0].isupper():
            return None
        back = (self.last.weekday() - _WEEKDAYS[match["weekday"].lower()]) % 7
        return f"{date.fromordinal(self.last.toordinal() - back).isoformat()}?"

    def _relative_day(self, match: re.Match[str]) -> str | None:
        if self.precision != "day":
            return None
        back = 1 if match["which"].lower() == "yesterday" else 0
        return f"{date.fromordinal(self.last.toordinal() - back).isoformat()}?"

    def _week_or_month(self, match: re.Match[str]) -> str | None:
        """ "last week" is Monday to Sunday of the week before the publication's, "this
        week" its Monday to the publication, "the past week" the seven days up to it;
        "last month" and "the previous month" the month before, "this month" its own."""
        which, unit = match["which"].lower(), match["unit"].lower()
        if unit == "month":
            if which == "past" or self.precision == "year":
                return None  # "the past month": thirty days or the last calendar month
            first = self.last.replace(day=1)
            month = first if which == "this" else first - timedelta(days=1)
            return f"{month.year}-{month.month:02d}?"
        if self.precision != "day":
            return None
        monday = self.last - timedelta(days=self.last.weekday())
        if which == "past":
            first, last = self.last - timedelta(days=6), self.last
        elif which == "this":
            first, last = monday, self.last
        else:
            first, last = monday - timedelta(days=7), monday - timedelta(days=1)
        if unit == "weekend":
            if which == "past" or (which == "this" and self.last.weekday() < 5):
                return None  # "this weekend" on a weekday: the one to come
            first = first + timedelta(days=5)
            last = min(first + timedelta(days=1), self.last)
        if first == last:
            return f"{first.isoformat()}?"
        return f"{first.isoformat()}?/{last.isoformat()}?"

    def _first_months(self, match: re.Match[str]) -> str | None:
        if match["year"]:
            return None  # read without the publication date
        return _uncertain(_first_months(self.last.year, match["count"]))

    def _grouping(self, match: re.Match[str]) -> str | None:
        if match["season"] and not (match["preposition"] or match["which"]):
            return None  # "the spring", "fall" are as often a noun or a verb
        which = (match["which"] or "").lower()
        year = self.last.year - (which == "last")
        if match["season"]:
            number = _SEASONS[match["season"].lower()]
        elif match["quarter"]:
            number = 32 + _ORDINALS[match["quarter"].lower()]
        else:
            number = 39 + _ORDINALS[match["half"].lower()]
        begins = dates.parse_date(f"{year}-{number}").start
        if self.precision != "year" and which != "last" and begins > self.last.toordinal():
            year -= 1  # not begun by the publication: the one of the year before
        return f"{year}-{number}?"


def _uncertain(edtf: str) -> str:
    """Each end of `edtf` marked uncertain: its year was read from the publication date."""
    return "/".join(_qualified(point) for point in edtf.split("/"))


def _qualified(point: str) -> str:
    if point == ".." or point[-1:] in "?%":
        return point
    return point[:-1] + "%" if point.endswith("~") else point + "?"


# A period named again: "in the quarter", "over the year", "in the same period", "the same
# quarter of 2023", "the same month a year earlier". Not "the year to June", "the quarter
# before", which name other periods.
_NAMED_AGAIN = _bounded(
    r"(?:(?P<preposition>in|during|over|for|across|through|throughout)\s+)?"
    r"the\s+(?P<same>same\s+)?(?P<unit>quarter|half|month|period|year)"
    r"(?:\s+(?:(?:of|in)\s+(?P<year>1[89][0-9]{2}|20[0-9]{2})(?![0-9])"
    r"|(?P<shift>a\s+year\s+(?:earlier|ago|before)|last\s+year|the\s+year\s+before"
    r"|the\s+previous\s+year|of\s+the\s+previous\s+year|of\s+last\s+year)))?"
    r"(?!\s+(?:before|earlier|ago|ending|ended|through|after|ahead|that|when)\b)"
    rf"(?!\s+to\s+(?:the\s+)?(?:end|mid|{_MONTH}|[0-9]{{4}})\b)"
)


def _period_kind(edtf: str) -> str:
    """What kind of period an EDTF date is: day, month, quarter, half, year, or period (a
    third of a year, a season, an interval)."""
    if "/" in edtf:
        return "period"
    point = edtf.rstrip("?~%")
    for kind, pattern in _PERIOD_KINDS:
        if pattern.fullmatch(point):
            return kind
    return "period"


_PERIOD_KINDS = (
    ("quarter", re.compile(r"[0-9]{4}-3[3-6]")),
    ("half", re.compile(r"[0-9]{4}-4[01]")),
    ("month", re.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])")),
    ("day", re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")),
    ("year", re.compile(r"[0-9]{4}")),
)


def _named_again(text: str, chosen: list[DateMention]) -> list[DateMention]:
    """Add each period named again: the latest date of its kind the text gave before it (a
    quarter for "the quarter"; for "the period" and "over the year", the latest that is not
    a day; for "in the year", the year of the latest), in the year it gives ("of 2023", "a
    year earlier")."""
    added: list[DateMention] = []
    for match in _NAMED_AGAIN.finditer(text):
        inside = [m for m in chosen if match.start() <= m.start and m.end <= match.end()]
        if any(m.start < match.end() and match.start() < m.end for m in chosen if m not in inside):
            continue
        if inside and not (match["year"] or match["shift"]):
            continue  # the words read already as a date of their own
        unit = match["unit"].lower()
        preposition = (match["preposition"] or "").lower()
        if unit in ("year", "period") and not (preposition or match["same"]):
            continue  # "the year" alone is too often no date ("the worst of the year")
        earlier = [
            m
            for m in [*chosen, *added]
            if m.end <= match.start() and m.role != "since" and not m.compared
        ]
        kinds = [_period_kind(m.edtf) for m in earlier]
        if unit in ("quarter", "half", "month"):
            fitting = [m for m, kind in zip(earlier, kinds, strict=True) if kind == unit]
        elif unit == "period" or preposition in ("over", "across"):
            fitting = [m for m, kind in zip(earlier, kinds, strict=True) if kind != "day"]
        else:
            fitting = earlier  # "in the year": the year of the latest date
        if not fitting:
            continue
        referent = max(fitting, key=lambda m: m.start)
        edtf = referent.edtf
        if unit == "year" and not (preposition in ("over", "across") or match["same"]):
            year = _YEAR_IN_EDTF.findall(edtf)[-1]
            edtf = f"{year}?" if referent.inferred else year
        if match["year"]:
            edtf = _YEAR_IN_EDTF.sub(match["year"], edtf).replace("?", "")
        elif match["shift"]:
            edtf = _YEAR_IN_EDTF.sub(lambda year: str(int(year.group()) - 1), edtf)
        if dates.is_date(edtf):
            chosen = [
                m for m in chosen if m not in inside
            ]  # "of 2023" in "the same quarter of 2023"
            compared = bool(match["year"] or match["shift"])
            inferred = referent.inferred and not match["year"]
            added.append(
                DateMention(
                    match.start(), match.end(), match.group(), edtf, "at", inferred, compared
                )
            )
    return sorted([*chosen, *added], key=lambda m: m.start)


_EARLIER = _bounded(r"(?:a|one|the)\s+year\s+(?:earlier|ago|before|previously)")
_YEAR_IN_EDTF = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s|\n")


def _years_earlier(
    text: str, chosen: list[DateMention], reference: _Reference | None
) -> list[DateMention]:
    """Add each "a year earlier", "a year ago": a year before the date that comes before it
    in its sentence, else before the publication date."""
    added = []
    for match in _EARLIER.finditer(text):
        if any(m.start < match.end() and match.start() < m.end for m in chosen):
            continue
        before = [
            m
            for m in chosen
            if m.end <= match.start()
            and m.role != "since"
            and _SENTENCE_END.search(text, m.end, match.start()) is None
        ]
        if before:
            base, inferred = before[-1].edtf, before[-1].inferred
        elif reference is not None:
            base, inferred = reference.publication(), True
        else:
            continue
        edtf = _YEAR_IN_EDTF.sub(lambda year: str(int(year.group()) - 1), base)
        if dates.is_date(edtf):
            added.append(replace(_mention(match, edtf, "at", inferred), compared=True))
    return sorted([*chosen, *added], key=lambda m: m.start)
