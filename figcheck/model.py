"""The ledger as figcheck reasons about it: immutable records, built once by the loader."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Literal

# The ledger's closed vocabularies live apart, for the command line's choices; re-exported.
from figcheck.terms import APPROXES as APPROXES
from figcheck.terms import KINDS as KINDS
from figcheck.terms import SEVERITIES as SEVERITIES
from figcheck.terms import Approx as Approx
from figcheck.terms import Kind as Kind
from figcheck.terms import Severity as Severity

# A bound is an exact rational, or a float infinity for an open-ended side.
Bound = Fraction | float
INF = float("inf")


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a ledger file, as shown to the user (path relative to the working directory)."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True, slots=True)
class Interval:
    """A set of values [low, high]; either side may be open, or unbounded (an infinite bound)."""

    low: Bound
    high: Bound
    low_open: bool = False
    high_open: bool = False

    def lies_below(self, other: Interval) -> bool:
        """True when every value of this interval is smaller than every value of `other`."""
        if self.high != other.low:
            return self.high < other.low
        return self.high_open or other.low_open

    def overlaps(self, other: Interval) -> bool:
        return not (self.lies_below(other) or other.lies_below(self))

    def __add__(self, other: Interval) -> Interval:
        return Interval(
            self.low + other.low,
            self.high + other.high,
            self.low_open or other.low_open,
            self.high_open or other.high_open,
        )

    def hull(self, other: Interval) -> Interval:
        """The smallest interval holding both: what is true if either one is."""
        low, low_open = _outer(self.low, self.low_open, other.low, other.low_open, min)
        high, high_open = _outer(self.high, self.high_open, other.high, other.high_open, max)
        return Interval(low, high, low_open, high_open)


def _outer(
    a: Bound, a_open: bool, b: Bound, b_open: bool, pick: Callable[[Bound, Bound], Bound]
) -> tuple[Bound, bool]:
    if a == b:
        return a, a_open and b_open
    return (a, a_open) if pick(a, b) == a else (b, b_open)


@dataclass(frozen=True, slots=True)
class DatePoint:
    """One end of a date as written: a year, month or day, possibly qualified or open ('..')."""

    text: str
    first_day: int  # proleptic Gregorian ordinal (date.toordinal)
    last_day: int
    precision: Literal["year", "grouping", "month", "day", "open"]  # grouping: a season...
    qualifier: Literal["", "?", "~", "%"] = ""


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date or period as written, and the days it can mean (inclusive ordinals)."""

    text: str
    start: int
    end: int
    points: tuple[DatePoint, ...]  # one for a single date; two (A, B) for an interval A/B

    @property
    def is_interval(self) -> bool:
        return len(self.points) == 2

    def overlaps(self, other: DateSpan) -> bool:
        return self.start <= other.end and other.start <= self.end

    def gap_days(self, other: DateSpan) -> int:
        """Days between the two spans; 0 when they overlap."""
        return max(0, other.start - self.end, self.start - other.end)

    @property
    def period(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Quantity:
    id: str
    label: str
    unit: str
    kind: Kind
    location: Location
    parts: tuple[str, ...] = ()
    exhaustive: bool = False
    subset_of: tuple[str, ...] = ()
    of: str | None = None
    # How many days apart two of its figures may be and still be compared as "about the same
    # time" (FC301 and the rules with a `window_days` option); None: the rule's own option.
    window_days: int | None = None


Number = int | float


@dataclass(frozen=True, slots=True)
class Figure:
    """One numeric statement in one document, with what it can mean as intervals."""

    full_id: str  # document id / figure id
    id: str
    document: str
    quantity: str
    value: Number | tuple[Number, Number]  # as written
    approx: Approx
    as_of: DateSpan
    said_by: str
    quote: str
    interval: Interval
    stated: Fraction  # the single number the source states (the midpoint of a range)
    location: Location
    note: str | None = None
    # The utterance this figure renders, shared by every record of it (a minister's figure
    # as two agencies and a headline reported it); None when not said.
    statement: str | None = None


@dataclass(frozen=True, slots=True)
class Ignored:
    """A number in a document's text that is not a statement about the world."""

    text: str
    why: str
    location: Location


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    title: str
    location: Location
    source_file: Path
    outlet: str | None = None
    published: DateSpan | None = None
    url: str | None = None
    text_path: Path | None = None
    figures: tuple[str, ...] = ()  # full ids, in file order
    ignored: tuple[Ignored, ...] = ()


@dataclass(frozen=True, slots=True)
class ReviewedFigure:
    """A figure as it stood when a person accepted a finding about it: the value as written,
    its hedge and its date. The acceptance holds only while the figure still says this."""

    figure: str  # the figure's full id, document/figure
    value: Number | tuple[Number, Number]
    approx: Approx
    as_of: str  # the date as written
    location: Location


@dataclass(frozen=True, slots=True)
class Acceptance:
    finding: str
    why: str | None
    location: Location
    # The figures as they were reviewed (accepted.yaml's `reviewed:`); None for an entry
    # written before figcheck recorded them, which holds whatever the figures become.
    reviewed: tuple[ReviewedFigure, ...] | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem figcheck found; built whole by the engine, never changed afterwards."""

    id: str
    rule: str
    severity: Severity
    title: str
    message: str
    quantity: str | None = None
    figures: tuple[str, ...] = ()
    locations: tuple[Location, ...] = field(default=())
    # The ledger does not say what it should: it cannot be read as written, or a record does
    # not say what its document says (exit code 2; never accepted, only fixed).
    data_error: bool = False
    # The rule's advice, where it is not "correct or accept"; `{id}` in it is this finding's id.
    remedy: str | None = None
    # A finding that sums up others of its rule (the unrecorded numbers of a text beyond the
    # first N): how many it stands for, and how to list them one by one (`more()` reads
    # again what they came from, so that they are never all held at once).
    stands_for: int = 1
    more: Callable[[], Iterator[Finding]] | None = field(default=None, compare=False, repr=False)

    @property
    def is_data_error(self) -> bool:
        return self.data_error

    @property
    def advice(self) -> str:
        """What to do about it, in one sentence: 'correct the record, or, if the documents
        really diverge, figcheck accept ID ...'."""
        if self.data_error:
            return "fix the file; data errors cannot be accepted"
        if self.remedy is not None:
            return self.remedy.replace("{id}", self.id)
        return (
            "correct the record, or, if the documents really diverge, "
            f'figcheck accept {self.id} --why "..."'
        )
