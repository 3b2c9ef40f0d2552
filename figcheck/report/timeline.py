"""The timelines of the HTML report: where each figure goes on a chart of value against time.

One chart per family, in panels ("small multiples") that share the time axis: a panel per
group of quantities that are read side by side, the subsets of one superset (the different
definitions of one broad thing: people who went to Syria, people fighting there now, people
who joined the Islamic State, so that 2,200, 2,719 and 2,900 stand in one panel), the parts
of one whole, the changes of one level, and each other quantity alone. Within a panel each
quantity has a symbol (●, ■, ◆, ...) that leads its figures' labels, and each panel has its
own value axis from zero, so that 36, 73 and 160 are as legible as 2,900 (every mark is
labelled with its value as written, so no height is read without its number). A figure is
drawn as its value interval
at its as-of interval: a point for an exact value on a day, a horizontal bar for an exact
value over a period, a vertical bar for a hedged value on a day (about, nearly, a range), a
box for a hedged value over a period, an arrow where a side is open ("over 2,000"). It is
coloured by speaker and labelled with the value as written; its tooltip (and the table
under the chart, in print) gives the value, date, speaker, document and quote.

Both axes are set by the figures that say something precise (the terminal's bar does the
same): a date that spans more than two years (2010 to 2019, "until 2016") or a range that
is vague (its high end twice its low end or more) does not stretch the axis; it is drawn to
the edge and ends there in an arrow.

Why figcheck draws these itself rather than with a plotting library. matplotlib would add a
60 MB dependency and about a second of import per run, and its SVG carries every glyph as a
path (tens of kilobytes a chart) with no tooltips unless post-processed; Vega-Lite would
inline about 800 KB of JavaScript into every page and draw nothing without it (and nothing
in print when scripts are off). These charts are a few hundred lines of geometry with no
dependency: the SVG is text in the page (a few kilobytes a chart, about 0.3 KB a figure),
takes well under a second for 10,000 figures, prints as vectors, scales to a phone's width,
and its marks are elements a reader can hover or tab to (with a native tooltip when scripts
are off). This module only computes the geometry; the page's template writes the SVG, so
that every string from the ledger is escaped by Jinja2's autoescape like the rest of the
page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Literal

from figcheck import dates, describe
from figcheck.model import INF, Interval, Quantity
from figcheck.report.contents import Section
from figcheck.report.statements import Statement

# Colours a reader can tell apart, also with the common colour-vision deficiencies
# (Okabe and Ito's palette, then Tol's muted one).
PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#882255",
    "#44AA99",
    "#999933",
    "#332288",
    "#AA4499",
    "#117733",
)

WIDTH = 560  # a panel's viewBox; the page scales it to the screen
HEIGHT = 150  # a panel's height, and more for a crowded one (room to keep labels apart)
CROWDED_FROM = 4  # marks; each one more adds ROOM_PER_MARK, up to MAX_HEIGHT
ROOM_PER_MARK = 14
MAX_HEIGHT = 260
LEFT, RIGHT, TOP, BOTTOM = 58, 70, 12, 24  # room for the value axis, labels, the time axis
LONG_SPAN_DAYS = 2 * 366  # a date longer than this does not set the time axis
LABELLED_UP_TO = 60  # marks a panel labels; beyond, the table and the tooltips hold them
POINT = 3.5  # a point's radius
THIN = 6  # below this width in pixels a date is drawn as a moment
CHARACTER = 7.0  # the width of a label's character, generously (phones draw labels larger)

Shape = Literal["point", "hbar", "vbar", "box"]


@dataclass(frozen=True)
class Mark:
    shape: Shape
    x1: float
    x2: float
    y1: float  # top (the higher value)
    y2: float  # bottom
    colour: str
    up: bool  # an arrow at the top: open, or beyond the axis
    down: bool
    left: bool  # the date runs off the left edge
    right: bool
    label: str | None
    label_x: float
    label_y: float
    label_anchor: Literal["start", "end"]
    leader: tuple[float, float, float, float] | None  # a line to a label moved off its mark
    tip: str
    figure: str  # the full id, the id of its row in the table

    @property
    def cx(self) -> float:
        return (self.x1 + self.x2) / 2

    @property
    def cy(self) -> float:
        return (self.y1 + self.y2) / 2


@dataclass(frozen=True)
class Tick:
    at: float
    text: str


@dataclass(frozen=True)
class Panel:
    title: str  # 'within ru-went-to-fight-syria-iraq', 'parts of ...', or a quantity id
    quantities: tuple[tuple[str, str, str], ...]  # (symbol, id, label) when more than one
    marks: tuple[Mark, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    zero: float | None  # the y of the value 0, when it is inside the axis
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    plot_width: int = WIDTH - LEFT - RIGHT
    plot_height: int = HEIGHT - TOP - BOTTOM


@dataclass(frozen=True)
class Chart:
    family: str
    panels: tuple[Panel, ...]
    speakers: tuple[tuple[str, str], ...]  # (whole name, colour), in order of appearance
    unlabelled: bool  # some panels hold too many figures to label each


def colours(statements: Sequence[Statement]) -> dict[str, str]:
    """A colour per speaker (the whole said_by), in order of appearance."""
    found: dict[str, str] = {}
    for s in statements:
        speaker = describe.normal_speaker(s.figure.said_by)
        if speaker not in found:
            found[speaker] = PALETTE[len(found) % len(PALETTE)]
    return found


def chart(section: Section) -> Chart | None:
    """The family's chart, or None when it has no figure to draw."""
    if not section.statements:
        return None
    palette = colours(section.statements)
    days = _TimeAxis(section.statements)
    panels = [
        _panel(title, members, statements, days, palette)
        for title, members, statements in _groups(section)
    ]
    names: dict[str, str] = {}
    for s in section.statements:
        names.setdefault(describe.normal_speaker(s.figure.said_by), s.figure.said_by)
    return Chart(
        section.id,
        tuple(panels),
        tuple((names[key], colour) for key, colour in palette.items()),
        any(len(p.marks) > LABELLED_UP_TO for p in panels),
    )


class _TimeAxis:
    """Days to x, from the earliest to the latest day of the dates that are not long."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        spans = [s.figure.as_of for s in statements]
        firm = [d for d in spans if d.end - d.start <= LONG_SPAN_DAYS] or spans
        first = min(d.start for d in firm)
        last = max(d.end for d in firm) + 1
        pad = max(15, (last - first) // 20)
        self.first, self.last = first - pad, last + pad

    def x(self, day: int) -> float:
        share = (day - self.first) / (self.last - self.first)
        return LEFT + min(1.0, max(0.0, share)) * (WIDTH - LEFT - RIGHT)

    def beyond(self, start: int, end: int) -> tuple[bool, bool]:
        return start < self.first, end + 1 > self.last

    def ticks(self) -> list[Tick]:
        """Years, or months when the axis spans less than two years."""
        first, last = date.fromordinal(self.first), date.fromordinal(self.last)
        ticks = []
        if (last - first).days > 2 * 365:
            step = max(1, (last.year - first.year) // 6)
            for year in range(first.year + 1, last.year + 1, step):
                ticks.append(Tick(self.x(date(year, 1, 1).toordinal()), str(year)))
            return ticks
        months = (last.year - first.year) * 12 + last.month - first.month
        step = max(1, months // 6)
        year, month = first.year, first.month
        for _ in range(0, months + 1, step):
            month += step
            while month > 12:
                month, year = month - 12, year + 1
            day = date(year, month, 1).toordinal()
            if self.first <= day <= self.last:
                name = dates.describe_point(_month_point(year, month))
                ticks.append(Tick(self.x(day), name))
        return ticks


def _month_point(year: int, month: int):  # type: ignore[no-untyped-def]
    return dates.parse_date(f"{year:04d}-{month:02d}").points[0]


class _ValueAxis:
    """Values to y, from 0 (or the lowest value below it) to the highest value of the
    figures with two finite, close bounds."""

    def __init__(self, statements: Sequence[Statement], height: int = HEIGHT) -> None:
        self.height = height
        firm = [s.figure.interval for s in statements if _is_firm(s)]
        every = [s.figure.interval for s in statements]
        bounds = [b for i in (firm or every) for b in (i.low, i.high) if b not in (INF, -INF)] or [
            Fraction(0),
            Fraction(1),
        ]
        low, high = min(0, min(bounds)), max(0, max(bounds))
        if low == high:
            high = low + 1
        self.low, self.high = Fraction(low) * Fraction(11, 10), Fraction(high) * Fraction(11, 10)
        if self.low == 0 and self.high == 0:
            self.high = Fraction(1)
        # Pixels need no exact arithmetic: floats, many times faster than rationals.
        self._low, self._span = float(self.low), float(self.high - self.low)

    def y(self, value: Fraction | float) -> float:
        if value == INF:
            return TOP
        if value == -INF:
            return self.height - BOTTOM
        share = (float(value) - self._low) / self._span
        return TOP + (1 - min(1.0, max(0.0, share))) * (self.height - TOP - BOTTOM)

    def beyond(self, interval: Interval) -> tuple[bool, bool]:
        return interval.high == INF or interval.high > self.high, (
            interval.low == -INF or interval.low < self.low
        )

    def ticks(self, unit: str) -> list[Tick]:
        step = _nice_step((self.high - self.low) / 4)
        suffix = "%" if unit in ("percent", "%") else ""
        first = -(-self.low // step) * step
        ticks = []
        value = first
        while value <= self.high:
            ticks.append(Tick(self.y(value), f"{_short(value)}{suffix}"))
            value += step
        return ticks


def _is_firm(statement: Statement) -> bool:
    i = statement.figure.interval
    if i.high == INF or i.low == -INF:
        return False
    if statement.figure.approx == "range":
        return bool(i.low > 0 and i.high < 2 * i.low)
    return True


def _nice_step(rough: Fraction) -> Fraction:
    """1, 2 or 5 times a power of ten, at least `rough`."""
    if rough <= 0:
        return Fraction(1)
    power = Fraction(1)
    while power * 10 <= rough:
        power *= 10
    while power > rough:
        power /= 10
    for factor in (1, 2, 5, 10):
        if power * factor >= rough:
            return power * factor
    return power * 10


def _short(value: Fraction) -> str:
    """'2,500', '12k', '1.5M' for an axis."""
    magnitude = abs(value)
    for size, suffix in ((Fraction(10**9), "B"), (Fraction(10**6), "M"), (Fraction(10**4), "k")):
        if magnitude >= size:
            scaled = value / (size if suffix != "k" else Fraction(1000))
            return f"{float(scaled):g}{suffix}"
    return f"{float(value):,g}" if value.denominator != 1 else f"{int(value):,}"


SYMBOLS = "●■◆▲▼★✚✖"


def _groups(section: Section) -> list[tuple[str, list[Quantity], list[Statement]]]:
    """The panels' quantities: the subsets of one superset, the parts of one whole, the
    changes of one level, or a quantity alone (each in the first group it belongs to, in the
    family's order), with their statements; a group holds one unit."""
    with_figures = {s.quantity.id for s in section.statements}
    wholes = {part: q.id for q in section.quantities for part in q.parts}
    groups: dict[tuple[str, str], list[Quantity]] = {}
    for q in section.quantities:
        if q.id not in with_figures:
            continue
        if q.subset_of:
            key = (f"within {q.subset_of[0]}", q.unit)
        elif q.id in wholes:
            key = (f"parts of {wholes[q.id]}", q.unit)
        elif q.of:
            key = (f"changes of {q.of}", q.unit)
        else:
            key = (q.id, q.unit)
        groups.setdefault(key, []).append(q)
    found = []
    for (title, _unit), members in groups.items():
        ids = {q.id for q in members}
        statements = [s for s in section.statements if s.quantity.id in ids]
        found.append((members[0].id if len(members) == 1 else title, members, statements))
    return found


def _panel(
    title: str,
    members: Sequence[Quantity],
    statements: Sequence[Statement],
    days: _TimeAxis,
    palette: dict[str, str],
) -> Panel:
    height = min(MAX_HEIGHT, HEIGHT + max(0, len(statements) - CROWDED_FROM) * ROOM_PER_MARK)
    values = _ValueAxis(statements, height)
    symbols = (
        {q.id: SYMBOLS[i % len(SYMBOLS)] for i, q in enumerate(members)} if len(members) > 1 else {}
    )
    labelled = len(statements) <= LABELLED_UP_TO
    # Labels keep clear of each other and of the narrow marks (points, columns, short bars);
    # a wide box (a year, a vague range) may lie under a label.
    placed: list[Box] = []
    if labelled:
        for s in statements:
            x1, x2, y1, y2 = _extent(s, days, values)
            if x2 - x1 < 40:
                placed.append((x1 - 3, y1 - 3, x2 + 3, y2 + 3))
    marks = []
    for s in statements:
        marks.append(_mark(s, days, values, palette, labelled, placed, symbols.get(s.quantity.id)))
    # The largest marks first, so that no box hides a point drawn over it from the pointer.
    marks.sort(key=lambda m: -(m.x2 - m.x1) * max(1.0, m.y2 - m.y1))
    unit = statements[0].quantity.unit
    zero = values.y(0) if values.low < 0 < values.high else None
    return Panel(
        title,
        tuple((symbols[q.id], q.id, q.label) for q in members) if symbols else (),
        tuple(marks),
        tuple(days.ticks()),
        tuple(values.ticks(unit)),
        zero,
        height=height,
        plot_height=height - TOP - BOTTOM,
    )


def _extent(s: Statement, days: _TimeAxis, values: _ValueAxis) -> Box:
    """Where a figure is drawn: its as-of interval across, its value interval up."""
    f = s.figure
    return (
        days.x(f.as_of.start),
        days.x(f.as_of.end + 1),
        values.y(f.interval.high),
        values.y(f.interval.low),
    )


def _mark(
    s: Statement,
    days: _TimeAxis,
    values: _ValueAxis,
    palette: dict[str, str],
    labelled: bool,
    placed: list[Box],
    symbol: str | None,
) -> Mark:
    f = s.figure
    x1, x2, y1, y2 = _extent(s, days, values)
    left, right = days.beyond(f.as_of.start, f.as_of.end)
    up, down = values.beyond(f.interval)
    moment = x2 - x1 < THIN
    single = y2 - y1 < 2 and not up and not down
    shape: Shape = ("point" if moment else "hbar") if single else ("vbar" if moment else "box")
    text = describe.value(f, s.quantity)
    if symbol:
        text = f"{symbol} {text}"
    # The label stands by the number the figure states: the low end of "over 2,000", the
    # high end of "under 500", the middle of the rest.
    at = y2 if up and not down else y1 if down and not up else (y1 + y2) / 2
    label_x, label_y, anchor, leader = _place_label(
        placed, x1, x2, at, text, labelled, values.height
    )
    return Mark(
        shape=shape,
        x1=round(x1, 1),
        x2=round(x2, 1),
        y1=round(y1, 1),
        y2=round(y2, 1),
        colour=palette[describe.normal_speaker(f.said_by)],
        up=up,
        down=down,
        left=left,
        right=right,
        label=text if labelled else None,
        label_x=round(label_x, 1),
        label_y=round(label_y, 1),
        label_anchor=anchor,  # type: ignore[arg-type]
        leader=leader,
        tip=tip(s),
        figure=f.full_id,
    )


def _text_width(text: str) -> float:
    return len(text) * CHARACTER  # an estimate, enough to keep labels apart


Box = tuple[float, float, float, float]


def _place_label(
    placed: list[Box],
    x1: float,
    x2: float,
    at: float,
    text: str,
    labelled: bool,
    height: int,
) -> tuple[float, float, str, Box | None]:
    """Where a mark's label goes: right of the mark, else left of it (else, for a mark as
    wide as the panel, inside it), level with `at`; where another label is there already, a
    line higher or lower, and so on, with a leader line back to the mark. Labels are placed
    apart only in panels that label their marks (comparing each with those before)."""
    width = _text_width(text)
    sides = [
        (x, a)
        for x, a, fits in (
            (x2 + 6, "start", x2 + 6 + width <= WIDTH),
            (x1 - 6, "end", x1 - 6 - width >= 0),
        )
        if fits
    ] or [(max(x1, LEFT) + 12, "start")]
    baseline = at + 4
    if not labelled:
        x, anchor = sides[0]
        return x, baseline, anchor, None
    for step in range(13):
        offset = (step + 1) // 2 * 11 * (1 if step % 2 else -1)
        candidate = min(height - BOTTOM, max(TOP + 9, baseline + offset))
        for x, anchor in sides:
            left = x if anchor == "start" else x - width
            box = (left, candidate - 9, left + width, candidate + 2)
            if not any(_overlap(box, other) for other in placed):
                placed.append(box)
                leader = None
                if abs(candidate - baseline) > 6:
                    edge = x2 if anchor == "start" else x1
                    leader = (edge, at, x - 2 if anchor == "start" else x + 2, candidate - 4)
                return x, candidate, anchor, leader
    x, anchor = sides[0]
    return x, baseline, anchor, None


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def tip(s: Statement) -> str:
    """What hovering a mark shows: the value as written and its quantity, the date, the
    speaker, the document, and the quote."""
    f = s.figure
    times = f" (said {s.times} times)" if s.times > 1 else ""
    return "\n".join(
        (
            f"{describe.value(f, s.quantity)} · {s.quantity.id}",
            dates.describe(f.as_of),
            f"said by {f.said_by}",
            f"in {f.document}{times}",
            f"“{f.quote}”",
        )
    )
